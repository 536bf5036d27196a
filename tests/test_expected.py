"""Hand-written expected facts, read off the example filings by a person, not copied from output.

Each ``tests/expected/<stem>.toml`` lists facts as ``[[fact]]`` tables:

    concept  = "Revenues"                  # local name in the ledgerlink taxonomy
    period   = "2013-04-01/2013-09-30"     # or an instant "2013-09-30"
    value    = "54396959000"               # natural XBRL sign, in units (not thousands)
    unit     = "iso4217:JPY"               # OIM form; omitted for dates and text
    decimals = -3                          # "INF" for exact; omitted for dates and text
    status   = "actual"                    # or "forecast"
    dims     = { BusinessSegmentAxis = "AtmOperationBusinessMember" }   # optional
    line     = 353                         # optional: the line that states it
    trap     = "thousands scale"           # which difficulty this fact checks

A fact passes when the converted filing has a fact with the same concept, period,
dimensions and status, stated on ``line`` (when given), with exactly this value,
unit and decimals.

Numbers that must never become facts are listed as ``[[absent]]`` tables:

    line   = 206
    text   = "JPY2.088 million"            # the number as written
    reason = "suspect number"              # a word of the reason the report must give
"""

from __future__ import annotations

import datetime as dt
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

from converter.model import Fact, Filing, Status

from conftest import STEMS

EXPECTED = Path(__file__).parent / "expected"
MINIMUM = {"results": 40, "notice": 8}


def _load(stem: str, table: str = "fact") -> list[dict]:
    path = EXPECTED / f"{stem}.toml"
    return tomllib.loads(path.read_text(encoding="utf-8")).get(table, []) if path.exists() else []


def _cases() -> list:
    return [pytest.param(stem, i, case, id=f"{stem}:{case.get('line', '-')}:{case['concept']}:{case['period']}")
            for stem in STEMS for i, case in enumerate(_load(stem))]


def _value(fact: Fact) -> str:
    value = fact.value
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _describe(fact: Fact) -> str:
    decimals = "INF" if fact.decimals is None else fact.decimals
    unit = fact.unit.oim if fact.unit else "-"
    return f"line {fact.span.line}: {_value(fact)} {unit} decimals={decimals} {fact.status} {fact.dimensions}"


@pytest.mark.parametrize("stem", STEMS)
def test_enough_expected_facts(stem):
    kind = "results" if "results" in stem else "notice"
    assert len(_load(stem)) >= MINIMUM[kind]


@pytest.mark.parametrize("stem,index,case", _cases())
def test_expected_fact(filings: dict[str, Filing], stem, index, case):
    filing = filings[stem]
    dims = {(axis, member) for axis, member in case.get("dims", {}).items()}
    status = Status(case.get("status", "actual"))
    candidates = [f for f in filing.facts
                  if f.concept == case["concept"] and f.period.key == case["period"] and f.status == status
                  and {d for d in f.dimensions if d[0] != "StatementScenarioAxis"} == dims
                  and ("line" not in case or f.span.line == case["line"])]
    assert candidates, f"no {case['concept']} for {case['period']} ({status}, {dims}) in {stem}" + (
        f" on line {case['line']}" if "line" in case else "")
    expected_decimals = case.get("decimals")
    want = (Decimal(case["value"]) if "unit" in case else case["value"], case.get("unit"),
            None if expected_decimals in (None, "INF") else expected_decimals)
    got = [((f.value if isinstance(f.value, Decimal) else _value(f)), f.unit.oim if f.unit else None, f.decimals)
           for f in candidates]
    assert want in got, (f"{case['concept']} {case['period']} ({case.get('trap', '')}): expected "
                         f"{case['value']} {case.get('unit')} decimals={expected_decimals}; found "
                         + "; ".join(_describe(f) for f in candidates))


def _absent_cases() -> list:
    return [pytest.param(stem, case, id=f"{stem}:{case['line']}:{case['text']}")
            for stem in STEMS for case in _load(stem, "absent")]


@pytest.mark.parametrize("stem,case", _absent_cases())
def test_number_not_emitted(filings: dict[str, Filing], stem, case):
    """A number that must not become a fact (damaged, a convenience translation, a pro forma
    figure, a rounded figure contradicting a precise one) is skipped, with its reason."""
    filing = filings[stem]
    emitted = [f for f in filing.facts if f.span.line == case["line"] and case["text"] in f.source_text]
    assert not emitted, f"emitted: {[_describe(f) for f in emitted]}"
    skipped = [s for s in filing.skipped if s.span.line == case["line"] and case["text"] in s.text]
    assert skipped, f"line {case['line']}: {case['text']!r} is neither emitted nor reported as skipped"
    assert any(case["reason"] in s.reason for s in skipped), [s.reason for s in skipped]
