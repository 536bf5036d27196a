"""Conversion time against input size (issue 12, "Linear time overall"): one filing each of about
50 KB, 1 MB, 5 MB and 19 MB, converted in-process to all four outputs, with the garbage-collector
fix (converter/gcpolicy.py) on and off, beside a floor: one pass of a simple regular expression
over the same text.

    python bench/linear.py                       # 50k 1m 5m 19m, fix on and off (a few minutes)
    python bench/linear.py --sizes 50k 1m        # a quick look
    python bench/linear.py --no-baseline         # the fix on only

The filings are real layouts: the five files of examples/ and the corpus filings of
tests/corpus/*/filings/ (or the files given with --files), whole and unchanged, concatenated in
a fixed order (sorted paths) and repeated until the size is reached, so a filing is the same
text every run.  Every file is converted once before the measurements (warm caches, as in a batch).  The input limit is
20 MB (converter/reader.py MAX_FILE_BYTES).

Each conversion is ``convert_document`` on ``document_from_bytes`` and ``batch.render`` of
ixbrl, xbrl, json and rdf (with the extension schema and calculation linkbase they need), timed
in CPU seconds of this process; the time spent in garbage collection is measured with
``gc.callbacks``.  Filings under 2 MB are converted several times (15 times under 200 KB, else 5),
the runs with the fix on and off alternating, and the median is printed.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import re
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter import gcpolicy  # noqa: E402
from converter.batch import render  # noqa: E402
from converter.emit import EmitContext  # noqa: E402
from converter.pipeline import Settings, convert_document  # noqa: E402
from converter.reader import MAX_FILE_BYTES, document_from_bytes  # noqa: E402

OUTPUTS = ("ixbrl", "xbrl", "json", "rdf")
DEFAULT_SIZES = ("50k", "1m", "5m", "19m")
SEPARATOR = b"\n\n\n"  # blank lines between two filings: neither's last block runs into the next
FLOOR = re.compile(r"\d[\d,.]*")  # the numeric tokens of the text, one pass


DEFAULT_FILES = ("examples/*.txt", "tests/corpus/*/filings/*.txt")


def sources(patterns: tuple[str, ...] = DEFAULT_FILES) -> list[Path]:
    """The files a filing is built from: each pattern's matches (relative to the checkout), sorted."""
    found = [p for pattern in patterns for p in sorted(ROOT.glob(pattern))]
    if not found:
        raise SystemExit(f"no files match {' '.join(patterns)}")
    return found


def parse_size(text: str) -> int:
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([kKmM]?)[bB]?", text.strip())
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 50k, 1m, 19m)")
    value = float(m[1]) * {"": 1, "k": 1_000, "m": 1_000_000}[m[2].lower()]
    if not 0 < value < MAX_FILE_BYTES:
        raise argparse.ArgumentTypeError(f"{text}: a filing is at most {MAX_FILE_BYTES:,} bytes")
    return int(value)


def build(target: int, files: list[Path]) -> bytes:
    """Whole files in order, round and round, until the filing reaches ``target`` bytes."""
    texts = [p.read_bytes().rstrip(b"\n") + SEPARATOR for p in files]
    parts: list[bytes] = []
    size = i = 0
    while size < target:
        text = texts[i % len(texts)]
        if size + len(text) > MAX_FILE_BYTES:
            break
        parts.append(text)
        size += len(text)
        i += 1
    return b"".join(parts)


class GcClock:
    """CPU seconds spent in garbage collection, and how many full (generation 2) collections."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.full = 0
        self._start = 0.0
        gc.callbacks.append(self._callback)

    def reset(self) -> None:
        self.seconds, self.full = 0.0, 0

    def _callback(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._start = time.process_time()
        else:
            self.seconds += time.process_time() - self._start
            self.full += info["generation"] == 2


def convert_once(data: bytes, name: str, settings: Settings, ctx: EmitContext, clock: GcClock) -> dict:
    gc.collect()  # each run starts from the same heap: nothing of the previous run left to collect
    clock.reset()
    start = time.process_time()
    filing = convert_document(document_from_bytes(data, name), settings)
    outputs = render(filing, ctx, OUTPUTS)
    seconds = time.process_time() - start
    result = {"cpu": seconds, "gc": clock.seconds, "full": clock.full, "facts": len(filing.facts),
              "bytes_out": sum(len(v) for v in outputs.values())}
    del filing, outputs
    return result


def measure(data: bytes, name: str, settings: Settings, ctx: EmitContext, clock: GcClock, fixes: tuple[bool, ...],
            runs: int) -> dict[bool, dict]:
    """The median run with the fix on (True) and off (False); the two alternate, so that both
    see the same machine (the VM is shared)."""
    results: dict[bool, list[dict]] = {fix: [] for fix in fixes}
    try:
        for _ in range(runs):
            for fix in fixes:
                gcpolicy.ENABLED = fix
                results[fix].append(convert_once(data, name, settings, ctx, clock))
    finally:
        gcpolicy.ENABLED = True
    out = {}
    for fix, runs_of in results.items():
        cpu = statistics.median(r["cpu"] for r in runs_of)
        middle = min(runs_of, key=lambda r: abs(r["cpu"] - cpu))
        out[fix] = {**middle, "cpu": cpu, "ms_per_kb": 1000 * cpu / (len(data) / 1024),
                    "gc_share": middle["gc"] / middle["cpu"]}
    return out


def floor(data: bytes, runs: int) -> dict:
    text = data.decode("utf-8")
    times = []
    for _ in range(runs):
        start = time.process_time()
        count = len(FLOOR.findall(text))
        times.append(time.process_time() - start)
    cpu = statistics.median(times)
    return {"cpu": cpu, "ms_per_kb": 1000 * cpu / (len(data) / 1024), "tokens": count}


def kb(n: int) -> str:
    return f"{n / 1024:,.0f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:,.1f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="+", type=parse_size, default=[parse_size(s) for s in DEFAULT_SIZES],
                        metavar="SIZE", help="filing sizes, e.g. 50k 1m 5m 19m (the default)")
    parser.add_argument("--runs", type=int, default=0,
                        help="conversions per size and setting (default: 15 under 200 KB, 5 under 2 MB, else 1; "
                             "the median counts)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the runs with the fix off")
    parser.add_argument("--files", nargs="+", default=DEFAULT_FILES, metavar="GLOB",
                        help="build the filings from these files instead (relative to the checkout), e.g. "
                             "examples/iij-2013-11-08-results-1h-fy2013.txt for issue 12's first measurement")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    files = sources(tuple(args.files))
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {platform.system()} {platform.release()}")
    print(f"filings: {len(files)} files of {' '.join(args.files)} "
          f"({sum(p.stat().st_size for p in files) / 1024:,.0f} KB), whole, in order, repeated")
    print(f"each: convert_document + batch.render of {', '.join(OUTPUTS)}; CPU seconds of this process; "
          "GC = share of that CPU time in garbage collection; full = generation-2 collections\n")

    settings = Settings()
    ctx = EmitContext(settings.taxonomy)
    clock = GcClock()
    # every file once: the caches of the label mapping, dates and cells filled, as in a batch
    warm = build(sum(len(p.read_bytes()) for p in files), files)
    convert_once(warm, "warm.txt", settings, ctx, clock)

    header = (f"{'size':>9} {'facts':>7}   {'fix on: CPU s':>13} {'ms/KB':>6} {'GC':>5} {'full':>4}"
              + ("" if args.no_baseline else f"   {'fix off: CPU s':>14} {'ms/KB':>6} {'GC':>5} {'full':>4}   {'off/on':>6}")
              + f"   {'regex floor ms/KB':>17}")
    print(header)
    print("-" * len(header))
    rows = []
    for target in args.sizes:
        data = build(target, files)
        name = f"linear-{target // 1000}k.txt"
        runs = args.runs or (15 if len(data) < 200_000 else 5 if len(data) < 2_000_000 else 1)
        measured = measure(data, name, settings, ctx, clock, (True,) if args.no_baseline else (True, False), runs)
        on, off = measured[True], measured.get(False)
        low = floor(data, max(5, 50_000_000 // len(data)))  # about half a second of matching at least
        row = {"bytes": len(data), "runs": runs, "on": on, "off": off, "floor": low}
        rows.append(row)
        line = (f"{kb(len(data)):>9} {on['facts']:>7,}   {on['cpu']:>13.2f} {on['ms_per_kb']:>6.2f} "
                f"{on['gc_share']:>5.1%} {on['full']:>4}")
        if off is not None:
            line += (f"   {off['cpu']:>14.2f} {off['ms_per_kb']:>6.2f} {off['gc_share']:>5.1%} {off['full']:>4}"
                     f"   {off['cpu'] / on['cpu']:>5.2f}x")
        line += f"   {low['ms_per_kb']:>17.4f}"
        print(line, flush=True)

    if len(rows) > 1:
        def spread(key: str) -> str:
            values = [r[key]["ms_per_kb"] for r in rows if r[key] is not None]
            return f"{max(values) / min(values):.2f}x (largest / smallest {values[-1] / values[0]:.2f}x)"
        print(f"\nms/KB spread over the sizes, max/min: fix on {spread('on')}"
              + ("" if args.no_baseline else f"; fix off {spread('off')}") + f"; regex floor {spread('floor')}")
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
