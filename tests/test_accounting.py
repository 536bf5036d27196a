"""Every number of a filing has exactly one fate, and a filing with nothing to emit still explains itself."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter.accounting import UNREAD, reason_for
from converter.cli import main
from converter.model import Filing
from converter.pipeline import Settings, convert_path

from conftest import EXAMPLES

CORPUS = Path(__file__).parent / "corpus"
FILINGS = sorted(EXAMPLES.glob("*.txt")) + sorted(CORPUS.glob("*/filings/*.txt"))
DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


@pytest.fixture(scope="module")
def settings() -> Settings:
    return Settings()


def _fates(filing: Filing) -> dict[tuple[int, int], set[str]]:
    """Each numeric token of the text (found here independently) and the fates that cover it."""
    fates: dict[tuple[int, int], set[str]] = {}
    for number, line in enumerate(filing.document.lines, start=1):
        for m in DIGITS.finditer(line):
            covering = set()
            for f in filing.facts:
                if f.span.line == number and f.span.start < m.end() and m.start() < f.span.end:
                    covering.add("emitted")
            for s in filing.skipped:
                if s.span.line == number and s.span.start < m.end() and m.start() < s.span.end:
                    covering.add("skipped")
            fates[(number, m.start())] = covering
    return fates


@pytest.mark.parametrize("path", FILINGS, ids=[p.name for p in FILINGS])
def test_every_number_has_exactly_one_fate(settings, path):
    filing = convert_path(path, settings)
    fates = _fates(filing)
    assert all(len(f) == 1 for f in fates.values()), \
        [(k, f) for k, f in fates.items() if len(f) != 1][:5]
    counts = filing.numbers
    assert counts["found"] == len(fates)
    assert counts["emitted"] + counts["skipped"] == counts["found"]
    assert counts["emitted"] == sum(1 for f in fates.values() if f == {"emitted"})


@pytest.mark.parametrize("line,number,reason", [
    ("Tokyo, May 9, 2024 - Fabrikam K.K. (TSE Prime: 9876) today", "9876", "identifier"),
    ("Tokyo, May 9, 2024 - Fabrikam K.K. (TSE Prime: 9876) today", "9", "part of a date"),
    ("2. Outline of the dividend", "2", "list or section number"),
    ("#### (3) Schedule", "3", "list or section number"),
    ("Operating profit3 rose", "3", "footnote mark"),
    ("the 21st Annual General Meeting", "21", "ordinal"),
    ("Tel: +81-3-1234-5678", "1234", "contact detail"),
    ("Results for FY2024 and 1Q-3Q24", "3", "part of a period name"),
    ("listed on the exchange in 2004.", "2004", "a year"),
    ("reports on Forms 20-F and 6-K", "20", "identifier"),
    ("a gift of 7 apples", "7", UNREAD),
])
def test_why_an_unread_number_is_not_a_fact(line, number, reason):
    start = line.index(number) if number != "9" else line.index("9,")
    assert reason in reason_for(line, start, start + len(number))


ABOUT = "About Contoso Holdings\n\nContoso Holdings Inc. was founded in 1998 and employs 4,200 people.\n"


def test_a_filing_without_facts_still_writes_its_report(tmp_path):
    path = tmp_path / "about.txt"
    path.write_text(ABOUT)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["convert", str(path), "-o", str(out), "--no-store", "--report"])
    assert result.exit_code == 1
    assert "about.txt:" in result.output and "error:" in result.output
    assert {p.name for p in out.iterdir() if p.is_file()} == {"about.report.json"}  # nothing else half-written
    report = json.loads((out / "about.report.json").read_text())
    assert report["rejected"]
    numbers = {(e["text"], e["fate"]) for e in report["numbers"]}
    assert ("1998", "skipped") in numbers and ("4,200", "skipped") in numbers
    assert report["numbers_found"] == {"found": 2, "emitted": 0, "skipped": 2}


def test_show_skipped_works_on_a_filing_without_facts(tmp_path):
    path = tmp_path / "about.txt"
    path.write_text(ABOUT)
    result = CliRunner().invoke(main, ["show", str(path), "--skipped", "--format", "csv"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith("line,text,label,reason")
    assert any(line.startswith("3,4,200,") or ",4,200," in line or '"4,200"' in line for line in lines)
    assert lines[-1].startswith("error:") and "about.txt" in lines[-1]
