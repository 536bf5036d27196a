"""A synthetic corpus shaped like the examples: the same layouts and messiness, other
companies, other years, other numbers.  Deterministic for a given seed.

    python bench/corpus.py bench/corpus -n 10000 --seed 1

Each filing is one of the five examples with its issuer replaced by one of a few
dozen fictional companies (registered in ``entities.toml`` beside the filings), every
year shifted by the same number of years (dates, "FY2013", "1H13"), and every grouped
number ("54,396,959") multiplied by the same whole factor, so totals still add up.
Percentages, ratios and small counts are left as written.  The OCR noise, wrapped
labels, flattened tables and lists of values stay where they were.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
WEIGHTS = {  # results releases are long; notices are many
    "results-1h": 2,
    "interim-dividend": 2,
    "year-end-dividend": 2,
    "stock-split": 1,
}
FIRST = ["Sakura", "Aozora", "Kumo", "Hikari", "Minato", "Tsubasa", "Kaze", "Yama", "Umi", "Hoshi", "Niji", "Mori"]
SECOND = ["Networks", "Telecom", "Systems", "Data", "Cloud", "Digital", "Links", "Connect"]
# how the examples name their issuer, longest first (the registry's aliases for IIJ)
IIJ_NAMES = [
    ("Internet Initiative Japan Inc.", "{name}"),
    ("Internet Initiative Japan", "{short_name}"),
    ("Stock Code Number: 3774", "Stock Code Number: {code}"),
    ("Stock code number: 3774", "Stock code number: {code}"),
    ("NASDAQ: IIJI", "NASDAQ: {ticker}"),
    ("NASDAQ:IIJI", "NASDAQ:{ticker}"),
    ("NASDAQ: IJJI", "NASDAQ: {ticker}"),
    ("TSE1: 3774", "TSE1: {code}"),
    ("TSE1:3774", "TSE1:{code}"),
    ("TSE:3774", "TSE:{code}"),
    ("IIJI", "{ticker}"),
    ("IIJ", "{abbr}"),
    ("IJ", "{abbr}"),
]
_NAMES = re.compile("|".join(rf"(?<![\w]){re.escape(n)}(?![\w])" for n, _ in IIJ_NAMES))
_YEAR4 = re.compile(r"(?<![\d,.])(199\d|20[0-3]\d)(?![\d,])")
_YEAR2 = re.compile(r"\b([1-4][HQ]\s?|FY\s?)(\d{2})\b")
_GROUPED = re.compile(r"(?<![\d,.])(\d{1,3}(?:,\d{3})+)(\.\d+)?(?![\d,])")


def entities(count: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    out, seen = [], set()
    while len(out) < count:
        first, second = rng.choice(FIRST), rng.choice(SECOND)
        if (first, second) in seen and len(seen) < len(FIRST) * len(SECOND):
            continue
        seen.add((first, second))
        n = len(out) + 1
        abbr = (first[0] + second[0] + first[1]).upper() + f"{n:02d}"
        out.append({
            "key": f"{first.lower()}-{second.lower()}-{n}",
            "name": f"{first} {second} Corporation {n}",
            "short_name": f"{first} {second} Corporation {n}",
            "abbr": abbr,
            "ticker": abbr + "X",
            "code": f"{9000 + n}",
            "identifier": f"{8000000 + n:010d}",
        })
    return out


def registry_toml(companies: list[dict]) -> str:
    lines = ["# Fictional companies of the synthetic corpus (bench/corpus.py).", ""]
    for c in companies:
        aliases = [c["name"], c["abbr"], c["ticker"], f"NASDAQ: {c['ticker']}", f"NASDAQ:{c['ticker']}",
                   f"TSE1: {c['code']}", f"TSE1:{c['code']}", f"TSE:{c['code']}", f"Stock Code Number: {c['code']}"]
        lines += ["[[entity]]", f'key = "{c["key"]}"', f'name = "{c["name"]}"', 'scheme = "http://www.sec.gov/CIK"',
                  f'identifier = "{c["identifier"]}"', 'fiscal_year_end = "--03-31"', 'fiscal_year_named_by = "start"',
                  "aliases = [" + ", ".join(f'"{a}"' for a in aliases) + "]", ""]
    return "\n".join(lines)


_SLOTS = re.compile("|".join([
    rf"(?P<name>{_NAMES.pattern})",
    rf"(?P<grouped>{_GROUPED.pattern})",
    rf"(?P<year4>{_YEAR4.pattern})",
    rf"(?P<year2>{_YEAR2.pattern})",
]))


class Template:
    """An example cut once into fixed text and the places that change (names, years, numbers),
    so that making a filing is one join."""

    def __init__(self, text: str):
        self.parts: list[str | tuple] = []
        pos = 0
        for m in _SLOTS.finditer(text):
            self.parts.append(text[pos:m.start()])
            g = m.group(0)
            if m["name"]:
                self.parts.append(("name", dict(IIJ_NAMES)[g]))
            elif m["grouped"]:
                digits, _, places = g.partition(".")
                self.parts.append(("num", int(digits.replace(",", "")), "." + places if places else ""))
            elif m["year4"]:
                self.parts.append(("year4", int(g)))
            else:
                head = re.match(r"([1-4][HQ]\s?|FY\s?)(\d{2})", g)
                self.parts.append(("year2", head.group(1), int(head.group(2))))
            pos = m.end()
        self.parts.append(text[pos:])

    def render(self, company: dict, shift: int, factor: int) -> str:
        out = []
        for part in self.parts:
            if isinstance(part, str):
                out.append(part)
            elif part[0] == "num":
                out.append(f"{part[1] * factor:,}{part[2]}")
            elif part[0] == "year4":
                out.append(str(part[1] + shift))
            elif part[0] == "year2":
                out.append(f"{part[1]}{(part[2] + shift) % 100:02d}")
            else:
                out.append(part[1].format(**company))
        return "".join(out)


def transform(text: str, company: dict, shift: int, factor: int) -> str:
    return Template(text).render(company, shift, factor)


def generate(out: Path, count: int, seed: int = 1, companies: int = 24) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    templates = {kind: [Template(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob(f"*{kind}*.txt"))]
                 for kind in WEIGHTS}
    kinds = [k for k, w in WEIGHTS.items() for _ in range(w)]
    # A company files each kind of release once a year at most, every other year (a shifted
    # template's comparative figures would otherwise contradict the year before's own), from one
    # template of each kind, with its figures at one size: facts that two of its filings report
    # agree, as real filings mostly do.
    shifts = range(-6, 9)
    per_company = len(WEIGHTS) * ((len(shifts) + 1) // 2)
    people = entities(max(companies, -(-count // per_company) * 2), seed)
    (out / "entities.toml").write_text(registry_toml(people), encoding="utf-8")
    rng = random.Random(seed)
    style = {c["key"]: (rng.choice((1, 2, 3, 5)), rng.randrange(2), {k: rng.randrange(len(templates[k])) for k in WEIGHTS})
             for c in people}
    used: set[tuple] = set()
    written = []
    for i in range(count):
        while True:
            kind = rng.choice(kinds)
            company = rng.choice(people)
            factor, parity, which = style[company["key"]]
            shift = rng.choice([s for s in shifts if s % 2 == parity])
            if (company["key"], kind, shift) not in used:
                used.add((company["key"], kind, shift))
                break
        path = out / f"{company['key']}-{i:06d}-{kind}.txt"
        path.write_text(templates[kind][which[kind]].render(company, shift, factor), encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("-n", "--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--companies", type=int, default=24)
    args = parser.parse_args()
    start = time.perf_counter()
    files = generate(args.out, args.count, args.seed, args.companies)
    seconds = time.perf_counter() - start
    size = sum(f.stat().st_size for f in files)
    print(f"{len(files)} filings ({size / 1e6:.1f} MB) in {seconds:.1f} s -> {args.out}")


if __name__ == "__main__":
    main()
