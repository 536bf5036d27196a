"""The command line: summaries, exit codes and bad input."""

from __future__ import annotations

import os
import subprocess
import sys

from click.testing import CliRunner

from converter.cli import main

from conftest import EXAMPLES, RESULTS_2013


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_convert_prints_a_line_per_filing_and_a_total(tmp_path):
    result = run("convert", EXAMPLES, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 6
    assert lines[0].startswith(f"ok     {RESULTS_2013}.txt: ")
    assert "facts" in lines[0] and "numbers skipped" in lines[0] and "warnings" in lines[0]
    assert lines[-1].startswith("total  5 filings: 5 converted, 0 failed;")
    out = tmp_path / "out"
    for suffix in (".xhtml", ".xbrl", ".json", ".ttl", ".xsd", "_cal.xml"):
        assert (out / f"{RESULTS_2013}{suffix}").is_file()
    assert (out / "taxonomy" / "ledgerlink-2026.xsd").is_file()


def test_bad_inputs_get_one_line_errors_while_the_others_convert(tmp_path):
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (bad / "prose.txt").write_text("Minutes of the garden club.\n\nWe planted 12 roses on May 3, 2020.\n")
    good = EXAMPLES / f"{RESULTS_2013}.txt"
    out = tmp_path / "out"
    result = run("convert", bad / "missing.txt", bad / "empty.txt", bad / "binary.txt", bad / "prose.txt", good,
                 "-o", out)
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 4
    assert any("missing.txt: no such file" in e for e in errors)
    assert any("empty.txt: file is empty" in e for e in errors)
    assert any("binary.txt: binary file" in e for e in errors)
    assert any("prose.txt: no issuer named" in e for e in errors)
    assert "Traceback" not in result.output
    assert "1 converted, 4 failed" in result.output
    names = {p.name for p in out.iterdir()}
    assert f"{RESULTS_2013}.xhtml" in names
    assert not [n for n in names if n.startswith(("empty", "binary", "prose", "missing"))]
    assert not [n for n in names if n.endswith(".part")]


def test_text_of_a_known_issuer_without_financial_facts(tmp_path):
    path = tmp_path / "about.txt"
    path.write_text("About Internet Initiative Japan Inc.\n\nIIJ is one of Japan's leading network providers.\n")
    result = run("convert", path, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert f"error: {path}: no financial facts found" in result.output or "about.txt: no financial facts found" in result.output


def test_usage_errors_exit_2(tmp_path):
    assert run("convert", EXAMPLES, "-o", tmp_path, "--format", "pdf").exit_code == 2
    assert run("convert", "-o", tmp_path).exit_code == 2
    assert run("convert", EXAMPLES, "-o", tmp_path, "--entity", "nosuch").exit_code == 2


def test_installed_command_runs_without_traceback(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.run([sys.executable, "-m", "converter.cli", "convert", str(empty), "-o", str(tmp_path / "o")],
                          capture_output=True, text=True, env=env)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines()[0] == f"error: {empty}: file is empty"
    assert "Traceback" not in proc.stderr


def _on_a_terminal(args: list[str], cwd) -> str:
    """Run the command with stdout and stderr on a pseudo-terminal, as a user at a shell would."""
    import pty
    import select

    leader, follower = pty.openpty()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "COLUMNS": "120"}
    proc = subprocess.Popen([sys.executable, "-m", "converter.cli", *args], stdin=subprocess.DEVNULL,
                            stdout=follower, stderr=follower, cwd=cwd, env=env)
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            break
        try:
            data = os.read(leader, 65536)
        except OSError:  # the terminal closed: the command ended
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(leader)
    assert proc.returncode == 1, b"".join(chunks).decode()
    return b"".join(chunks).decode("utf-8", "replace")


def test_on_a_terminal_a_progress_bar_then_a_table(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    text = _on_a_terminal(["convert", str(EXAMPLES / f"{RESULTS_2013}.txt"), str(bad),
                           str(EXAMPLES / "iij-2016-11-04-interim-dividend.txt"), "-o", "out", "--no-store"], tmp_path)
    assert "converting" in text and "2/3" in text and "3/3" in text  # the bar, with counts
    assert f"error: {bad}: file is empty" in text
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").splitlines() if line.strip()]
    header = next(i for i, line in enumerate(lines) if line.startswith("filing"))
    assert lines[header].split() == ["filing", "facts", "skipped", "warnings", "status"]
    rows = [line.split() for line in lines[header + 2:header + 5]]
    # failures first, then the most warnings
    assert rows[0] == ["empty.txt", "0", "0", "0", "failed"]
    assert rows[1][0] == f"{RESULTS_2013}.txt" and rows[1][-1] == "ok" and int(rows[1][3]) > 0
    assert rows[2] == ["iij-2016-11-04-interim-dividend.txt", "19", "21", "0", "ok"]
    assert lines[-1].startswith("total  3 filings: 2 converted, 1 failed;")
    assert "Traceback" not in text


def test_piped_output_has_no_bar_and_progress_forces_one(tmp_path):
    plain = run("convert", EXAMPLES / "iij-2016-11-04-interim-dividend.txt", "-o", tmp_path / "a", "--no-store")
    assert "converting" not in plain.output and plain.output.startswith("ok     ")
    forced = run("convert", EXAMPLES / "iij-2016-11-04-interim-dividend.txt", "-o", tmp_path / "b", "--no-store",
                 "--progress")
    assert forced.exit_code == 0
    assert "filing" in forced.output and "status" in forced.output and not forced.output.startswith("ok     ")
    quiet = run("convert", EXAMPLES / "iij-2016-11-04-interim-dividend.txt", "-o", tmp_path / "c", "--no-store", "-q")
    assert quiet.output.splitlines() == [quiet.output.strip()] and quiet.output.startswith("total  1 filings")


def test_taxonomy_show_and_list():
    shown = run("taxonomy", "show", "InterestExpense")
    assert shown.exit_code == 0 and "us-gaap:InterestExpense" in shown.output
    assert run("taxonomy", "show", "NoSuchThing").exit_code == 2
    listed = run("taxonomy", "list")
    assert "Revenues" in listed.output


def test_the_closing_table_keeps_only_what_it_shows(capsys):
    """Over a long batch the summary holds at most a few table's worth of rows (memory stays flat),
    and still shows the failures and the most warnings first."""
    from converter.batch import Outcome
    from converter.cli import _Progress

    with _Progress(500, quiet=False, verbose=False, report=False, bar=True) as show:
        for i in range(500):
            if i == 321:
                show.done(Outcome(source=f"in/f{i:03d}.txt", error="in/f321.txt: file is empty"))
            else:
                show.done(Outcome(source=f"f{i:03d}.txt", name=f"f{i:03d}.txt", facts=10, warnings=i % 7))
            assert len(show.rows) <= 4 * _Progress.TABLE_ROWS
    show.summary("out")
    lines = capsys.readouterr().out.splitlines()
    assert lines[2].split() == ["f321.txt", "0", "0", "0", "failed"]
    assert all(line.split()[3] == "6" for line in lines[3:2 + 40])  # then the most warnings
    assert lines[-2] == "... and 460 more filings (failed and most warnings first)"
    assert lines[-1].startswith("total  500 filings: 499 converted, 1 failed;")
