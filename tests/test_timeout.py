"""A bound per filing (`convert --timeout`, `converter.convert(timeout=...)`): a filing that takes too
long is stopped in its worker process, reported as failed on one line, leaves no file behind, and the
other filings convert."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import converter
from converter import batch
from converter.batch import RemoteTraceback, convert_many
from converter.emit import EmitContext
from converter.reader import InputError

from conftest import DIVIDEND_2016, EXAMPLES, RESULTS_2013, SPLIT_2020

# The 2013 results release 300 times over: about 15 MB, under the 20 MB limit of one filing, and a
# genuinely slow conversion (over a minute on a 2-core machine: about 0.2 s per copy).
COPIES = 300
LIMIT = 30  # every run below ends well before that; the slow conversion alone would take longer
OUTPUTS = (".xhtml", ".xbrl", ".json", ".ttl", ".xsd", "_cal.xml")
needs_fork = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="the worker inherits the test's patch only when forked")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    """Two small filings with a huge one between them (by name, so a folder lists it second)."""
    folder = tmp_path_factory.mktemp("timeout-in")
    first, last = folder / f"{DIVIDEND_2016}.txt", folder / f"{SPLIT_2020}.txt"
    shutil.copy(EXAMPLES / first.name, first)
    shutil.copy(EXAMPLES / last.name, last)
    huge = folder / "iij-2018-01-01-huge-release.txt"
    huge.write_text((EXAMPLES / f"{RESULTS_2013}.txt").read_text(encoding="utf-8") * COPIES, encoding="utf-8")
    assert 10_000_000 < huge.stat().st_size < 20_000_000
    return [first, huge, last]


def no_worker_left() -> bool:
    return not [p for p in multiprocessing.active_children() if p.name == "ledgerlink-worker"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_filing_past_the_timeout_is_stopped_and_the_others_convert(inputs, tmp_path, jobs):
    first, huge, last = inputs
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "converter.cli", "convert", str(huge.parent), "-o", str(out),
                           "--timeout", "1", "-j", str(jobs)], capture_output=True, text=True, env=env, timeout=120)
    elapsed = time.monotonic() - start
    assert proc.returncode == 1, proc.stderr
    assert elapsed < LIMIT
    assert proc.stderr.splitlines() == [f"error: {huge}: conversion stopped after 1 s (--timeout)"]
    lines = proc.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == [f"ok     {first.name}", f"ok     {last.name}"]
    assert lines[-1].startswith("total  3 filings: 2 converted, 1 failed;")
    for stem in (first.stem, last.stem):
        for suffix in OUTPUTS:
            assert (out / f"{stem}{suffix}").is_file(), stem + suffix
    names = [p.name for p in out.iterdir()]
    assert not [n for n in names if huge.stem in n]
    assert not [n for n in names if n.endswith(".part")]
    # the store got the two converted filings
    env_query = subprocess.run([sys.executable, "-m", "converter.cli", "query", "filings", "--store", str(out / "store"),
                                "--format", "csv"], capture_output=True, text=True, env=env)
    assert env_query.returncode == 0, env_query.stderr
    assert len(env_query.stdout.strip().splitlines()) == 3  # header and two filings


def test_library_convert_with_a_timeout(inputs):
    first, huge, _ = inputs
    start = time.monotonic()
    with pytest.raises(InputError) as caught:
        converter.convert(huge, timeout=1)
    assert time.monotonic() - start < LIMIT
    assert str(caught.value) == f"{huge.name}: conversion stopped after 1 s (timeout)"
    # within the bound: the same result as in-process, and errors of the input come back as InputError
    bounded, direct = converter.convert(first, timeout=60), converter.convert(first)
    assert bounded.facts == direct.facts and bounded.to_turtle() == direct.to_turtle()
    with pytest.raises(InputError, match="unknown entity 'nosuch'"):
        converter.convert(first, entity="nosuch", timeout=60)
    assert no_worker_left()


def test_convert_many_with_a_timeout_keeps_input_order(inputs, tmp_path, settings):
    outcomes = list(convert_many(inputs, tmp_path, settings, EmitContext(settings.taxonomy), jobs=2, timeout=1))
    assert [o.source for o in outcomes] == [str(p) for p in inputs]
    assert [o.ok for o in outcomes] == [True, False, True]
    assert outcomes[1].error == f"{inputs[1]}: conversion stopped after 1 s (--timeout)"
    assert outcomes[0].facts == 19 and outcomes[0].rdf
    assert no_worker_left()


# ------------------------------------------------------------------ what a stopped worker leaves behind


def victim_batch(tmp_path: Path) -> tuple[list[Path], Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    victim = folder / "iij-2016-11-04-victim.txt"
    shutil.copy(EXAMPLES / f"{DIVIDEND_2016}.txt", victim)
    return [EXAMPLES / f"{SPLIT_2020}.txt", victim, EXAMPLES / f"{DIVIDEND_2016}.txt"], victim


@needs_fork
def test_a_filing_stopped_while_writing_leaves_nothing(tmp_path, settings, monkeypatch):
    """Killed after writing one output and in the middle of the next (a .part on disk): all of it goes."""
    paths, victim = victim_batch(tmp_path)
    out = tmp_path / "out"
    real = batch.atomic_write_bytes

    def stalling_write(path, data):
        if path.name.startswith(victim.stem) and list(out.glob(f"{victim.stem}*")):
            (path.parent / f".{path.name}.x1y2z3.part").write_bytes(data[:100])
            time.sleep(60)
        real(path, data)

    monkeypatch.setattr(batch, "atomic_write_bytes", stalling_write)
    outcomes = list(convert_many(paths, out, settings, EmitContext(settings.taxonomy), timeout=2))
    assert [o.ok for o in outcomes] == [True, False, True]
    assert outcomes[1].error == f"{victim}: conversion stopped after 2 s (--timeout)"
    names = [p.name for p in out.iterdir()]
    assert not [n for n in names if victim.stem in n], names
    assert not [n for n in names if n.endswith(".part")]
    assert all((out / f"{DIVIDEND_2016}{s}").is_file() for s in OUTPUTS)
    assert no_worker_left()


@needs_fork
def test_a_worker_that_dies_fails_its_filing_only(tmp_path, settings, monkeypatch):
    paths, victim = victim_batch(tmp_path)
    real = batch.convert_path

    def dying(path, settings):
        if path == victim:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(path, settings)

    monkeypatch.setattr(batch, "convert_path", dying)
    outcomes = list(convert_many(paths, tmp_path / "out", settings, EmitContext(settings.taxonomy), jobs=2))
    assert [o.ok for o in outcomes] == [True, False, True]
    assert outcomes[1].error == f"{victim}: conversion stopped: the worker process ended unexpectedly (killed by SIGKILL)"
    assert no_worker_left()


@needs_fork
def test_an_internal_error_in_a_worker_is_raised_with_its_traceback(tmp_path, settings, monkeypatch):
    paths, victim = victim_batch(tmp_path)
    real = batch.convert_path

    def broken(path, settings):
        if path == victim:
            raise ZeroDivisionError("the bug")
        return real(path, settings)

    monkeypatch.setattr(batch, "convert_path", broken)
    seen = []
    with pytest.raises(ZeroDivisionError, match="the bug") as caught:
        for outcome in convert_many(paths, tmp_path / "out", settings, EmitContext(settings.taxonomy), timeout=30):
            seen.append(outcome)
    assert [o.ok for o in seen] == [True]  # in order: the filing before it came out first
    assert isinstance(caught.value.__cause__, RemoteTraceback)
    assert "broken" in str(caught.value.__cause__)
    assert no_worker_left()
