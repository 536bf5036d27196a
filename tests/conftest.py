"""Shared fixtures: the examples converted once per test session."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from converter.batch import convert_many
from converter.emit import EmitContext
from converter.model import Fact, Filing
from converter.pipeline import Settings, convert_path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
RESULTS_2013 = "iij-2013-11-08-results-1h-fy2013"
RESULTS_2017 = "iij-2017-11-07-results-1h-fy2017"
DIVIDEND_2016 = "iij-2016-11-04-interim-dividend"
DIVIDEND_2018 = "iij-2018-05-24-year-end-dividend"
SPLIT_2020 = "iij-2020-11-09-stock-split"
STEMS = [RESULTS_2013, DIVIDEND_2016, RESULTS_2017, DIVIDEND_2018, SPLIT_2020]


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def filings(settings) -> dict[str, Filing]:
    return {stem: convert_path(EXAMPLES / f"{stem}.txt", settings) for stem in STEMS}


@pytest.fixture(scope="session")
def outdir(tmp_path_factory, settings) -> Path:
    out = tmp_path_factory.mktemp("out")
    outcomes = list(convert_many([EXAMPLES / f"{s}.txt" for s in STEMS], out, settings, EmitContext(settings.taxonomy)))
    assert all(o.ok for o in outcomes), [o.error for o in outcomes]
    return out


def find(filing: Filing, concept: str, period: str | None = None, forecast: bool = False) -> list[Fact]:
    """Facts of a concept (and period key, e.g. "2013-04-01/2013-09-30" or "2013-09-30")."""
    return [f for f in filing.facts
            if f.concept == concept and (period is None or f.period.key == period)
            and any(d[0] == "StatementScenarioAxis" for d in f.dimensions) == forecast]


def one(filing: Filing, concept: str, period: str, forecast: bool = False, line: int | None = None,
        dims: tuple = ()) -> Fact:
    """The most precise fact of a concept and period (the same fact stated in millions elsewhere
    is a duplicate the pipeline has checked for consistency)."""
    found = [f for f in find(filing, concept, period, forecast)
             if (line is None or f.span.line == line) and tuple(d for d in f.dimensions
                                                               if d[0] != "StatementScenarioAxis") == dims]
    assert found, f"no {concept} for {period} (forecast={forecast}, line={line}, dims={dims})"
    best = max(found, key=lambda f: float("inf") if f.decimals is None else f.decimals)
    values = {f.value for f in found if f.decimals == best.decimals}
    assert len(values) == 1, f"{concept} {period}: several values {values}"
    return best


def _oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(found).exists():
        pytest.fail("the oxigraph server is not installed (pip install '.[test]')")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """A real Oxigraph server on a free local port, for the module's remote tests."""
    port = _free_port()
    folder = tmp_path_factory.mktemp("oxigraph-server")
    proc = subprocess.Popen([_oxigraph_binary(), "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"oxigraph server did not start: {proc.stderr.read().decode()[-500:]}")
            time.sleep(0.1)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


