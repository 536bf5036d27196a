"""Fuzz run: convert many generated and mutated filings and count crashes.

    python tests/fuzz.py -n 10000 [--seed 1] [-j 2]

Half the inputs are random filings (tests/generated.py), half are the examples with random
damage (lines dropped, doubled, swapped or cut, characters replaced, bytes flipped). An
input either converts, with every output parsing, or is refused with an InputError; anything
else is a crash, printed with its traceback and its seed. Exit code 1 on any crash.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

EXAMPLES = sorted((HERE.parent / "examples").glob("*.txt"))
_STATE: dict = {}


def mutate(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    for _ in range(rng.randint(1, 12)):
        if not lines:
            break
        i = rng.randrange(len(lines))
        op = rng.random()
        if op < 0.2:
            del lines[i]
        elif op < 0.35:
            lines.insert(i, lines[i])
        elif op < 0.5:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op < 0.65:
            lines[i] = lines[i][: rng.randint(0, len(lines[i]))]
        elif op < 0.8 and lines[i]:
            k = rng.randrange(len(lines[i]))
            lines[i] = lines[i][:k] + bytes([rng.choice(b"0123456789,.()-\t|%$JPY \x00\xff")]) + lines[i][k + 1:]
        else:
            lines[i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 40)))
    return b"\n".join(lines)


def one(seed: int) -> tuple[str, str]:
    from converter import xmlsafe
    from converter.batch import render
    from converter.emit import EmitContext
    from converter.pipeline import Settings, convert_document
    from converter.reader import InputError, document_from_bytes

    from generated import filing

    if not _STATE:
        settings = Settings()
        _STATE.update(settings=settings, ctx=EmitContext(settings.taxonomy))
    rng = random.Random(seed)
    data = filing(rng).encode() if seed % 2 else mutate(rng.choice(EXAMPLES).read_bytes(), rng)
    try:
        filing_obj = convert_document(document_from_bytes(data, f"fuzz-{seed}.txt"), _STATE["settings"])
        for name, out in render(filing_obj, _STATE["ctx"], ["ixbrl", "xbrl", "json", "rdf"]).items():
            if name.endswith((".xhtml", ".xbrl", ".xsd", ".xml")):
                xmlsafe.parse(out)
            elif name.endswith(".json"):
                json.loads(out)
            elif name.endswith(".ttl"):
                import pyoxigraph

                list(pyoxigraph.parse(out, format=pyoxigraph.RdfFormat.TURTLE))
        return "converted", ""
    except InputError:
        return "refused", ""
    except Exception:  # noqa: BLE001 - a crash is what this run looks for
        return "crash", f"seed {seed}:\n{traceback.format_exc()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--count", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-j", "--jobs", type=int, default=multiprocessing.cpu_count())
    args = parser.parse_args()
    counts = {"converted": 0, "refused": 0, "crash": 0}
    start = time.perf_counter()
    seeds = range(args.seed * 1_000_000, args.seed * 1_000_000 + args.count)
    with multiprocessing.Pool(args.jobs) as pool:
        for fate, detail in pool.imap_unordered(one, seeds, chunksize=16):
            counts[fate] += 1
            if detail and counts["crash"] <= 5:
                print(detail, file=sys.stderr)
    seconds = time.perf_counter() - start
    print(f"{args.count} inputs in {seconds:.0f} s: {counts['converted']} converted, {counts['refused']} refused "
          f"with a one-line error, {counts['crash']} crashes")
    sys.exit(1 if counts["crash"] else 0)


if __name__ == "__main__":
    main()
