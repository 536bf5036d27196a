"""The outputs in a real browser (headless Chromium): the interactive viewer highlights every tagged
fact, and the Inline XBRL reads as a document. Screenshots go to tests/artifacts/ (ignored by git)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from converter.viewer import build

from chromium_helper import Browser, chromium_binary
from conftest import DIVIDEND_2016, RESULTS_2013

ARTIFACTS = Path(__file__).parent / "artifacts"
IX = "http://www.xbrl.org/2013/inlineXBRL"

REQUIRE = "LEDGERLINK_REQUIRE_BROWSER"


@pytest.fixture(scope="session")
def chromium() -> str:
    """The browser: without it these tests are skipped, or fail where LEDGERLINK_REQUIRE_BROWSER=1 (.ci/run,
    which installs Debian's chromium, sets it)."""
    binary = chromium_binary()
    if binary is None:
        if os.environ.get(REQUIRE, "").strip().lower() not in ("", "0", "false", "no"):
            pytest.fail(f"Chromium is not installed and {REQUIRE}={os.environ[REQUIRE]} requires the browser tests "
                        "(apt-get install chromium)", pytrace=False)
        pytest.skip(f"Chromium is not installed (apt-get install chromium; {REQUIRE}=1 makes this a failure)")
    return binary


def test_viewer_highlights_every_tagged_fact(chromium, outdir, tmp_path):
    page = build(outdir / f"{DIVIDEND_2016}.xhtml", tmp_path / "viewer")
    assert (page.parent / "ixbrlviewer.js").is_file()  # offline: the script sits beside the page
    facts = len(json.loads((outdir / f"{DIVIDEND_2016}.json").read_text())["facts"])
    report = "document.querySelector('iframe').contentDocument"
    with Browser() as browser:
        browser.open(page.as_uri())
        tagged = browser.wait_for(f"(() => {{ const f = document.querySelector('iframe'); return f && f.contentDocument"
                                  f" && {report}.querySelectorAll('.ixbrl-element').length; }})()")
        assert tagged == facts
        # the button works once the viewer has finished starting: press it until it is on
        colours = browser.wait_for(
            "(() => { const b = document.getElementById('highlight-tags');"
            " if (!b) return false; if (!b.classList.contains('checked')) { b.click(); return false; }"
            f" const els = {report}.querySelectorAll('.ixbrl-element.ixbrl-highlight');"
            " return els.length && Array.from(els).map(e => getComputedStyle(e).backgroundColor); })()")
        assert len(colours) == facts
        assert all(c not in ("rgba(0, 0, 0, 0)", "transparent") for c in colours)
        shot = browser.screenshot(ARTIFACTS / "viewer.png")
    assert shot.stat().st_size > 10_000


def test_inline_xbrl_reads_as_a_document(chromium, outdir):
    """Statements as tables with right-aligned numbers, tagged facts marked, every fact in place."""
    numeric = sum(1 for f in json.loads((outdir / f"{RESULTS_2013}.json").read_text())["facts"].values()
                  if "unit" in f["dimensions"] or "decimals" in f)
    with Browser(1200, 1600) as browser:
        browser.open((outdir / f"{RESULTS_2013}.xhtml").as_uri())
        browser.wait_for("document.readyState === 'complete'")
        tables = browser.evaluate("document.querySelectorAll('table').length")
        aligned = browser.evaluate("Array.from(document.querySelectorAll('td.num')).every("
                                   "td => getComputedStyle(td).textAlign === 'right')")
        tags = browser.evaluate(f"document.getElementsByTagNameNS('{IX}', 'nonFraction').length")
        marked = browser.evaluate("getComputedStyle(document.querySelector('.fact')).backgroundColor")
        hidden = browser.evaluate("getComputedStyle(document.querySelector('div[style]')).display")
        browser.screenshot(ARTIFACTS / "filing.png")
    assert tables >= 25 and aligned
    assert tags == numeric
    assert marked not in ("rgba(0, 0, 0, 0)", "transparent")
    assert hidden == "none"  # the ix:header is not shown
