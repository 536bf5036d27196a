"""The development corpus (tests/corpus, see its README) as a floor: each group is converted with
the command as a user runs it and scored against its hand-read answer key; a change that loses a
fact, emits a trap, breaks a link or loses a stated date fails here.  Raise a floor when a change
reads more (the figures are those of `tests/corpus/check`)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "corpus"
COMMAND = [sys.executable, "-c", "import sys; from converter.cli import main; sys.argv[0] = 'ledgerlink'; main()"]

# group: (facts found of the answer key, at most this many traps, links, dates): the level reached
FLOORS = {
    "iij": (172, 0, 13, 17),
    "jp": (47, 1, 0, 7),
    "us": (174, 3, 10, 26),
}
_FIGURES = re.compile(r"recall=\S+ \((\d+)/(\d+)\) mustnot_violations=(\d+) links=(\d+)/(\d+) dates=(\d+)/(\d+)")


@pytest.mark.parametrize("group", sorted(FLOORS))
def test_corpus_group_stays_above_its_floor(group, tmp_path):
    out = tmp_path / group
    # no registry: the issuer, currency and calendar come from the text, as for any user's filing
    done = subprocess.run([*COMMAND, "convert", str(CORPUS / group / "filings"), "-o", str(out), "--no-store",
                           "-j", "2", "--timeout", "60"], capture_output=True, text=True, timeout=600)
    assert "Traceback" not in done.stderr, done.stderr
    scored = subprocess.run([sys.executable, str(CORPUS / "score.py"), str(CORPUS / group / "gold.json"), str(out),
                             "--verbose"], capture_output=True, text=True, timeout=300)
    figures = _FIGURES.search(scored.stdout)
    assert figures, scored.stdout + scored.stderr
    found, _, traps, links, _, dates, _ = map(int, figures.groups())
    misses = "\n".join(line for line in scored.stdout.splitlines() if line.startswith(("MISS", "TRAP", "LINK", "DATE")))
    floor_found, max_traps, floor_links, floor_dates = FLOORS[group]
    assert found >= floor_found, f"{group}: {found} facts found, floor {floor_found}\n{misses}"
    assert traps <= max_traps, f"{group}: {traps} traps emitted, at most {max_traps}\n{misses}"
    assert links >= floor_links, f"{group}: {links} links, floor {floor_links}\n{misses}"
    assert dates >= floor_dates, f"{group}: {dates} dates, floor {floor_dates}\n{misses}"
