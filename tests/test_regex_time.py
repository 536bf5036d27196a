"""No regular expression of the package takes super-linear time on a hostile line.

The audit (tests/regex_audit.py) runs in two child processes, half the patterns each: a
runaway match cannot be interrupted inside Python's regex engine, so the children are killed
at the deadline and the last pattern each announced is the culprit.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

AUDIT = Path(__file__).resolve().parent / "regex_audit.py"
DEADLINE = 240  # seconds for half the patterns; a linear pass takes a few


def test_every_pattern_is_fast_on_long_adversarial_lines():
    shards = 2
    procs = [subprocess.Popen([sys.executable, str(AUDIT), "--length", "4000", "--bound", "0.25",
                               "--shard", f"{i}/{shards}"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
             for i in range(shards)]
    problems = []
    for proc in procs:
        try:
            out, _ = proc.communicate(timeout=DEADLINE)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, _ = proc.communicate()
            last = [line for line in out.splitlines() if line.startswith("PATTERN ")][-1:]
            problems.append(f"still matching after {DEADLINE} s: {last}")
            continue
        problems += [line for line in out.splitlines() if line.startswith("SLOW")]
        assert "DONE" in out, out[-2000:]
    assert not problems, "\n".join(problems)


def test_the_audit_catches_a_quadratic_pattern():
    """Not vacuous: a pattern that rescans a run of spaces from every position is reported slow."""
    out = subprocess.run([sys.executable, str(AUDIT), "--pattern", r"\s+x", "--length", "40000", "--bound", "0.1"],
                         capture_output=True, text=True, timeout=DEADLINE)
    assert out.returncode == 1
    assert "SLOW" in out.stdout and "given" in out.stdout
