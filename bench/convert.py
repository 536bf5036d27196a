"""Conversion speed: one filing in-process with a per-stage breakdown, beside Arelle loading
and validating the same output; a mixed corpus with -j 1 and -j 2 (byte-identical
outputs); peak memory for small and large batches.

    python bench/convert.py                     # the figures of bench/RESULTS.md
    python bench/convert.py --corpus 400 --rss-large 10000

Needs the test extras (Arelle). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

from converter.batch import render, write_taxonomy  # noqa: E402
from converter.emit import EMITTERS, EmitContext  # noqa: E402
from converter.pipeline import Settings, convert_document  # noqa: E402
from converter.reader import read_document  # noqa: E402

LARGEST = ROOT / "examples" / "iij-2013-11-08-results-1h-fy2013.txt"
OUTPUTS = ("ixbrl", "xbrl", "json", "rdf")
STAGES = ("read", "identify", "layout", "tables", "prose", "map", "check")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def in_process(runs: int) -> dict:
    settings = Settings()
    ctx = EmitContext(settings.taxonomy)
    per_stage: dict[str, list[float]] = {s: [] for s in STAGES + tuple(f"emit {o}" for o in OUTPUTS)}
    totals = []
    first = None
    for i in range(runs + 1):
        timings: dict[str, float] = {}
        start = time.perf_counter()
        doc = read_document(LARGEST)
        timings["read"] = time.perf_counter() - start
        filing = convert_document(doc, settings, timings)
        for name in OUTPUTS:
            t = time.perf_counter()
            EMITTERS[name].render(filing, ctx)
            timings[f"emit {name}"] = time.perf_counter() - t
        total = time.perf_counter() - start
        if i == 0:
            first = total  # caches cold (label mapping, dates, cells)
            continue
        totals.append(total)
        for stage in per_stage:
            per_stage[stage].append(timings.get(stage, 0.0))
    return {"first": first, "median": statistics.median(totals),
            "stages": {s: statistics.median(v) for s, v in per_stage.items()}, "facts": len(filing.facts)}


def arelle_time(runs: int) -> float:
    from arelle_helper import validate

    settings = Settings()
    ctx = EmitContext(settings.taxonomy)
    filing = convert_document(read_document(LARGEST), settings)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        write_taxonomy(out, ctx)
        for name, data in render(filing, ctx, ["ixbrl"]).items():
            (out / name).write_bytes(data)
        target = out / f"{LARGEST.stem}.xhtml"
        validate(target)  # warm: Arelle's own imports and caches
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            result = validate(target)
            times.append(time.perf_counter() - start)
        assert not result.problems, result.problems
    return statistics.median(times)


def _convert(corpus: Path, out: Path, jobs: int) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "converter.cli", "convert", str(corpus), "-o", str(out), "--no-store", "-q",
                    "--entities", str(corpus / "entities.toml"), "-j", str(jobs)],
                   check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def same_tree(a: Path, b: Path) -> bool:
    cmp = filecmp.dircmp(a, b)
    if cmp.left_only or cmp.right_only or cmp.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, cmp.common_files, shallow=False)
    return not mismatch and not errors and all(same_tree(a / d, b / d) for d in cmp.common_dirs)


def peak_rss_mb(corpus: Path, out: Path) -> float:
    """Peak resident memory of `ledgerlink convert` on a corpus, measured in a fresh process
    so that nothing else counts."""
    code = (
        "import resource, subprocess, sys;"
        f"subprocess.run([sys.executable, '-m', 'converter.cli', 'convert', {str(corpus)!r}, '-o', {str(out)!r},"
        f" '--no-store', '-q', '--entities', {str(corpus / 'entities.toml')!r}], check=True, stdout=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    kb = subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, capture_output=True, text=True).stdout
    return int(kb.strip()) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=25, help="in-process conversions of the largest example")
    parser.add_argument("--arelle-runs", type=int, default=5)
    parser.add_argument("--corpus", type=int, default=400, help="filings in the mixed corpus for -j 1 / -j 2")
    parser.add_argument("--rss-small", type=int, default=100)
    parser.add_argument("--rss-large", type=int, default=1000, help="batch size compared with --rss-small")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    from corpus import generate

    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {platform.system()} {platform.release()}")
    figures: dict = {}

    r = in_process(args.runs)
    figures["largest"] = r
    print(f"\n{LARGEST.name} ({LARGEST.stat().st_size // 1024} KB, {r['facts']} facts) -> {', '.join(OUTPUTS)}")
    print(f"  median {ms(r['median'])} over {args.runs} runs (first run, caches cold: {ms(r['first'])})")
    for stage, seconds in r["stages"].items():
        print(f"    {stage:12} {ms(seconds)}")

    a = arelle_time(args.arelle_runs)
    figures["arelle"] = a
    print(f"  Arelle load + validate of the same .xhtml, in-process: median {ms(a)} over {args.arelle_runs} runs")
    print(f"  ledgerlink / Arelle = {r['median'] / a:.3f}")

    work = ROOT / "bench" / "out"  # shared with bench/store.py: remove only this script's folders
    for name in ("j1", "j2"):
        shutil.rmtree(work / name, ignore_errors=True)
    corpus = ROOT / "bench" / "corpus" / f"mixed-{args.corpus}"
    shutil.rmtree(corpus, ignore_errors=True)
    start = time.perf_counter()
    generate(corpus, args.corpus, seed=1)
    print(f"\nmixed corpus: {args.corpus} filings generated in {time.perf_counter() - start:.1f} s")
    for jobs in (1, 2):
        seconds = _convert(corpus, work / f"j{jobs}", jobs)
        figures[f"j{jobs}"] = args.corpus / seconds
        print(f"  ledgerlink convert -j {jobs}: {seconds:.1f} s, {args.corpus / seconds:.1f} filings/s")
    identical = same_tree(work / "j1", work / "j2")
    figures["identical"] = identical
    print(f"  -j 2 output byte-identical to -j 1: {identical}")

    sizes = {}
    for n in (args.rss_small, args.rss_large):
        c = ROOT / "bench" / "corpus" / f"rss-{n}"
        shutil.rmtree(c, ignore_errors=True)
        generate(c, n, seed=2)
        sizes[n] = peak_rss_mb(c, work / f"rss-{n}")
        shutil.rmtree(work / f"rss-{n}", ignore_errors=True)
        print(f"  peak RSS converting {n} filings: {sizes[n]:.0f} MB")
    figures["rss"] = sizes
    print(f"  ratio {args.rss_large} / {args.rss_small}: {sizes[args.rss_large] / sizes[args.rss_small]:.2f}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, default=str))


if __name__ == "__main__":
    main()
