"""Fuzz run: convert many generated and mutated filings, each in a worker process with a time bound.

    python tests/fuzz.py -n 10000 [--seed 1] [-j 2] [--bound 10] [--save tests/artifacts/fuzz]
    python tests/fuzz.py --replay SEED        # rebuild one input from its seed and convert it here
    python tests/fuzz.py --input FILE         # convert one saved input here, with the same checks

Every input is a pure function of its seed (seeds run from SEED * 1,000,000 upwards): a random filing
(tests/generated.py), such a filing damaged, an example (examples/*.txt) damaged, or a filing of the
development corpus (tests/corpus/*/filings/*.txt) damaged. The damage: lines deleted, swapped, moved,
cut or duplicated in runs, lines spliced in from another filing, ASCII rules and pipes ("+-----+",
"|----|", "| a | b |", long runs of "-", "=", "|"), Unicode digits (fullwidth, Arabic-Indic, ...),
Unicode minus signs and dashes, no-break, zero-width and other odd spaces and joiners, line and
paragraph separators, control characters and NUL bytes, tabs turned into spaces and spaces into tabs,
trailing tabs, very long lines (tens of thousands of dashes, digits, "123,123,...", pipes, spaces),
other line ends and encodings, and bytes flipped.

The corpus groups' entities.toml files are added to the registry, so that damaged filings of other
issuers reach the extraction instead of being refused at "no known issuer".

Each input either converts, with every output parsing (XML, JSON, Turtle), or is refused: an
InputError, or a Filing whose ``rejection`` is set. Anything else is a crash: another exception, an
output that does not parse, or a worker that died. An input whose conversion takes longer than the
bound (--bound, seconds) is stopped and counted "over the bound"; the Python stack at the bound is
kept. Crashes and inputs over the bound are saved in --save as FATE-SEED.txt (the input, as bytes)
and FATE-SEED.trace (seed, origin, damage, traceback or stack), and summary.txt lists the distinct
problems. Exit code 1 on any crash or any input over the bound.
"""

from __future__ import annotations

import argparse
import faulthandler
import json
import multiprocessing
import os
import random
import re
import shutil
import signal
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))
CORPUS = sorted((HERE / "corpus").glob("*/filings/*.txt"))
CORPUS_ENTITIES = sorted((HERE / "corpus").glob("*/entities.toml"))
DEFAULT_SAVE = HERE / "artifacts" / "fuzz"
SEED_BLOCK = 1_000_000
_STATE: dict = {}
_SOURCES: dict[Path, bytes] = {}

# ------------------------------------------------------------------ damage

DIGIT_SETS = {
    "fullwidth": 0xFF10, "arabic-indic": 0x0660, "extended-arabic-indic": 0x06F0, "devanagari": 0x0966,
    "bengali": 0x09E6, "thai": 0x0E50, "math-bold": 0x1D7CE, "math-monospace": 0x1D7F6,
}
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
CIRCLED = "⓪①②③④⑤⑥⑦⑧⑨"
MINUSES = ["\u2212", "\u2012", "\u2013", "\u2014", "\u2015", "\u2010", "\u2011", "\ufe63", "\uff0d", "\u00ad",
           "\u2796", "\u02d7"]
SPACES = ["\u00a0", "\u202f", "\u2007", "\u2009", "\u200a", "\u2002", "\u2003", "\u3000", "\u1680", "\u205f"]
INVISIBLES = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u034f", "\u180e", "\u2061"]
CONTROLS = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\r"]
MAX_CHARS = 2_000_000
RULE_CHARS = "-=|_+*~#.:" + "─━═│┃┼┌┐└┘├┤"
LONG_UNITS = ["-", "=", "|", "_", " ", "\t", "0", "9", ".", "123,", "1,234 ", "(1,234) ", "| ", "|-", "+-----",
              "\u2212", "\u00a0", "\u200b", "１２３,", "a", "JPY1,000 million ", "March 31, 2013 ", "%"]
CHARS = "0123456789,.()-\t|%$JPY \x00\xff+=:/*"


def _digit_map(kind: str) -> dict[int, str]:
    if kind == "superscript":
        return {ord(str(d)): SUPERSCRIPTS[d] for d in range(10)}
    if kind == "circled":
        return {ord(str(d)): CIRCLED[d] for d in range(10)}
    base = DIGIT_SETS[kind]
    return {ord(str(d)): chr(base + d) for d in range(10)}


def _rule(rng: random.Random) -> str:
    """An ASCII (sometimes box-drawing) rule, border or pipe row."""
    kind = rng.randrange(9)
    width = lambda: rng.choice([1, 2, 3, 5, 8, 12, 20, 40, 80, 200])  # noqa: E731
    cells = rng.randint(1, 8)
    if kind == 0:
        return "+" + "+".join("-" * width() for _ in range(cells)) + "+"
    if kind == 1:
        return "|" + "|".join("-" * width() for _ in range(cells)) + "|"
    if kind == 2:
        words = ["a", "b", "", " ", "Revenues", "1,234", "(56)", "2013", "JPY", "%", "-", "—", "Total"]
        return "| " + " | ".join(rng.choice(words) for _ in range(cells)) + " |"
    if kind == 3:
        return rng.choice("-=|_~*#.") * width()
    if kind == 4:
        return "|" + "|".join(rng.choice([":---", "---:", ":---:", "---"]) for _ in range(cells)) + "|"
    if kind == 5:
        return rng.choice(["- " * width(), "= " * width(), " | " * cells, "|" * cells, "||", "|", "+", "-+-"])
    if kind == 6:
        c = rng.choice("─━═")
        return rng.choice("┌├└") + rng.choice("┬┼┴").join(c * width() for _ in range(cells)) + rng.choice("┐┤┘")
    if kind == 7:
        return "".join(rng.choice(RULE_CHARS) for _ in range(rng.randint(1, 120)))
    return "\t".join(rng.choice(["-", "---", "=", "|", "", "—"]) for _ in range(cells))


def _long_line(rng: random.Random) -> str:
    n = rng.choice([10_000, 20_000, 30_000, 50_000, 70_000, 99_999, 100_000, 100_001, 150_000])
    unit = rng.choice(LONG_UNITS)
    return (unit * (n // len(unit) + 1))[:n]


def _pick(lines: list[str], rng: random.Random) -> int:
    """A line index, more often one with a digit (a table row or a sentence with an amount)."""
    if rng.random() < 0.6:
        for _ in range(8):
            i = rng.randrange(len(lines))
            if any(c.isdigit() for c in lines[i]):
                return i
    return rng.randrange(len(lines))


def _sub_some(pattern: str, line: str, rng: random.Random, repl) -> str:
    """Replace each match of pattern with probability 1/2 (at least one is tried)."""
    every = rng.random() < 0.4
    return re.sub(pattern, lambda m: repl(m) if every or rng.random() < 0.5 else m.group(0), line)


def _in_scope(lines: list[str], rng: random.Random, fn, what: str) -> str:
    """Apply fn to one line, a run of lines or (rarely) every line; describe where."""
    r = rng.random()
    if r < 0.55:
        i = _pick(lines, rng)
        lines[i] = fn(lines[i])
        return f"{what} on line {i + 1}"
    if r < 0.9:
        i = _pick(lines, rng)
        j = min(len(lines), i + rng.randint(2, 40))
        lines[i:j] = [fn(x) for x in lines[i:j]]
        return f"{what} on lines {i + 1}-{j}"
    lines[:] = [fn(x) for x in lines]
    return f"{what} on every line"


def _other_source(rng: random.Random) -> list[str]:
    path = rng.choice(EXAMPLES + CORPUS)
    return _source(path).decode("utf-8", "replace").split("\n")


def mutate_lines(lines: list[str], rng: random.Random) -> str:
    """One random change to the lines (in place); returns its description."""
    if not lines:
        lines.append("")
    n = len(lines)
    op = rng.randrange(27)
    i = _pick(lines, rng)
    if op == 0:
        k = rng.choice([1, 1, 1, 2, 5, 20])
        del lines[i:i + k]
        return f"deleted lines {i + 1}-{min(n, i + k)}"
    if op == 1:
        j = rng.randrange(n)
        lines[i], lines[j] = lines[j], lines[i]
        return f"swapped lines {i + 1} and {j + 1}"
    if op == 2:
        k = rng.choice([1, 2, 3, 5, 10, 30])
        times = rng.choice([1, 1, 2, 3, 10, 50, 200])
        run = lines[i:i + k]
        times = max(1, min(times, 20_000 // max(1, len(run))))
        lines[i + k:i + k] = run * times
        return f"duplicated lines {i + 1}-{i + len(run)} {times} times"
    if op == 3:
        k = rng.randint(1, 10)
        run = lines[i:i + k]
        del lines[i:i + k]
        j = rng.randint(0, len(lines))
        lines[j:j] = run
        return f"moved lines {i + 1}-{i + len(run)} to {j + 1}"
    if op == 4:
        cut = rng.randint(0, len(lines[i]))
        lines[i] = lines[i][:cut] if rng.random() < 0.7 else lines[i][cut:]
        return f"cut line {i + 1} at column {cut + 1}"
    if op == 5:
        rule = _rule(rng)
        lines.insert(i, rule)
        return f"inserted rule {rule[:40]!r} before line {i + 1}"
    if op == 6:
        rule = _rule(rng)
        for k in reversed(range(i, min(n, i + rng.randint(2, 30)), rng.randint(1, 3))):
            if rng.random() < 0.5:
                lines.insert(k, rule)
        return f"inserted rules {rule[:40]!r} among lines {i + 1}-"
    if op == 7:
        def piped(x: str) -> str:
            x = re.sub(r"\t| {2,}", lambda m: rng.choice([" | ", "|", "\t|\t", " || ", "\t| "]), x)
            return ("| " if rng.random() < 0.6 else "") + x + (" |" if rng.random() < 0.6 else "")
        return _in_scope(lines, rng, piped, "pipes between cells")
    if op == 8:
        kind = rng.choice([*DIGIT_SETS, "superscript", "circled"])
        table = _digit_map(kind)
        return _in_scope(lines, rng, lambda x: _sub_some(r"\d", x, rng, lambda m: m.group(0).translate(table)),
                         f"{kind} digits")
    if op == 9:
        minus = rng.choice(MINUSES)
        def minused(x: str) -> str:
            r = rng.random()
            if r < 0.4:
                return _sub_some("-", x, rng, lambda m: minus)
            if r < 0.8:  # (1,234) -> −1,234
                return _sub_some(r"\(([\d,.]+)\)", x, rng, lambda m: minus + m.group(1))
            return _sub_some(r"(?<![\d,.])(\d[\d,.]*)", x, rng, lambda m: minus + m.group(1))
        return _in_scope(lines, rng, minused, f"minus U+{ord(minus):04X}")
    if op == 10:
        space = rng.choice(SPACES)
        return _in_scope(lines, rng, lambda x: _sub_some(" ", x, rng, lambda m: space), f"space U+{ord(space):04X}")
    if op == 11:
        mark = rng.choice(INVISIBLES)
        def invisible(x: str) -> str:
            if rng.random() < 0.5:  # inside numbers
                return _sub_some(r"(?<=\d)(?=[\d,.])", x, rng, lambda m: mark)
            k = rng.randint(0, len(x))
            return x[:k] + mark * rng.choice([1, 1, 3, 100]) + x[k:]
        return _in_scope(lines, rng, invisible, f"invisible U+{ord(mark):04X}")
    if op == 12:
        char = rng.choice(CONTROLS)
        k = rng.randint(0, len(lines[i]))
        lines[i] = lines[i][:k] + char * rng.choice([1, 1, 2, 50]) + lines[i][k:]
        return f"control U+{ord(char):04X} in line {i + 1} at column {k + 1}"
    if op == 13:
        def untab(x: str) -> str:
            return x.expandtabs(rng.choice([1, 2, 4, 8])) if rng.random() < 0.5 else \
                re.sub("\t", lambda m: " " * rng.randint(1, 8), x)
        return _in_scope(lines, rng, untab, "tabs to spaces")
    if op == 14:
        pattern = rng.choice([r" {2,}", r" {2,}", r" ", r"(?<=\d) (?=[\d(])"])
        return _in_scope(lines, rng, lambda x: _sub_some(pattern, x, rng, lambda m: "\t" * rng.choice([1, 1, 2])),
                         f"spaces {pattern!r} to tabs")
    if op == 15:
        tail = rng.choice(["\t", "\t\t", "\t" * 20, " \t", "\t ", " " * 40, "\u00a0\t", "|\t", "\t|"])
        return _in_scope(lines, rng, lambda x: x + tail, f"trailing {tail[:6]!r}")
    if op == 16:
        long = _long_line(rng)
        if rng.random() < 0.5:
            lines.insert(i, long)
            return f"inserted a line of {len(long):,} x {long[:8]!r} before line {i + 1}"
        k = rng.randint(0, len(lines[i]))
        lines[i] = lines[i][:k] + long + lines[i][k:]
        return f"{len(long):,} x {long[:8]!r} into line {i + 1} at column {k + 1}"
    if op == 17:
        if lines[i]:
            k = rng.randrange(len(lines[i]))
            c = rng.choice(CHARS + "".join(MINUSES + SPACES + INVISIBLES) + "１２٣")
            lines[i] = lines[i][:k] + c + lines[i][k + 1:]
            return f"replaced column {k + 1} of line {i + 1} with U+{ord(c):04X}"
        return "nothing (empty line)"
    if op == 18:
        junk = "".join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(0xA0, 0x3000)]))
                       for _ in range(rng.randint(1, 40)))
        lines[i] = junk
        return f"replaced line {i + 1} with junk"
    if op == 19:
        other = _other_source(rng)
        j = rng.randrange(len(other))
        run = other[j:j + rng.choice([1, 3, 10, 40, 200])]
        lines[i:i] = run
        return f"spliced {len(run)} lines of another filing before line {i + 1}"
    if op == 20:  # a number grown very long, or many numbers in a row
        def grown(x: str) -> str:
            r = rng.random()
            if r < 0.5:  # one number
                return re.sub(r"\d[\d,]*", lambda m: "123," * rng.choice([10, 100, 1000, 5000]) + "123", x, count=1)
            return x + ("\t" + rng.choice(["1,234", "(5)", "-", "12.5%", "—"])) * rng.choice([10, 100, 1000])
        return _in_scope(lines, rng, grown, "numbers grown")
    if op == 21:  # one cell blanked, merged or split
        def cells(x: str) -> str:
            parts = re.split(r"(\t| {2,})", x)
            if len(parts) < 3:
                return x
            k = rng.randrange(0, len(parts), 2)
            parts[k] = rng.choice(["", "-", "—", "n/a", "*", parts[k] + " " + parts[k], parts[k].replace(",", " ")])
            return "".join(parts)
        return _in_scope(lines, rng, cells, "cells changed")
    if op == 22:  # blank lines inserted or removed
        if rng.random() < 0.5:
            lines[i:i] = [""] * rng.choice([1, 2, 10, 1000])
            return f"blank lines before line {i + 1}"
        lines[:] = [x for x in lines if x.strip()] if rng.random() < 0.3 else [x for x in lines if x or rng.random() < 0.5]
        return "blank lines removed"
    if op == 23:  # case changed
        fn = rng.choice([str.upper, str.lower, str.swapcase])
        return _in_scope(lines, rng, fn, fn.__name__)
    if op == 24:  # indentation changed
        pad = rng.choice(["", " ", "    ", "\t", " " * 40, "\u3000"])
        return _in_scope(lines, rng, lambda x: pad + x.lstrip(), f"indentation {pad!r}")
    if op == 25:  # a character doubled everywhere in a line ("1,,234", "((5))")
        c = rng.choice(",.()-%$|\t ")
        return _in_scope(lines, rng, lambda x: x.replace(c, c * rng.choice([2, 3, 10])), f"{c!r} repeated")
    # op == 26: a line reversed or shuffled
    words = re.split(r"(\s+)", lines[i])
    rng.shuffle(words)
    lines[i] = "".join(words)
    return f"shuffled words of line {i + 1}"


def mutate_bytes(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    op = rng.randrange(6)
    if not data:
        return data, "nothing (empty)"
    k = rng.randrange(len(data))
    if op == 0:
        return data[:k] + bytes([rng.randrange(256)]) + data[k + 1:], f"byte {k} replaced"
    if op == 1:
        return data[:k] + bytes([data[k] ^ (1 << rng.randrange(8))]) + data[k + 1:], f"bit flipped in byte {k}"
    if op == 2:
        n = rng.choice([1, 1, 4, 100])
        return data[:k] + b"\x00" * n + data[k:], f"{n} NUL bytes at byte {k}"
    if op == 3:  # NUL beyond the first 64 KiB, where the reader does not look
        k = max(k, min(len(data), 65536 + rng.randrange(1000)))
        return data[:k] + b"\x00" + data[k:], f"NUL byte at byte {k}"
    if op == 4:
        n = rng.randint(1, 40)
        return data[:k] + bytes(rng.randrange(256) for _ in range(n)) + data[k:], f"{n} random bytes at byte {k}"
    n = rng.randint(1, 20)
    return data[:k] + data[k + n:], f"{n} bytes deleted at byte {k}"


def mutate(data: bytes, rng: random.Random) -> tuple[bytes, list[str]]:
    """Damaged bytes and a description of each change."""
    text = data.decode("utf-8", "replace")
    lines = text.split("\n")
    done = []
    count = rng.choice([1, 1, 2, 3, rng.randint(1, 12), rng.randint(1, 12), rng.randint(10, 40)])
    for _ in range(count):
        before = lines[:]
        what = mutate_lines(lines, rng)
        if sum(map(len, lines)) > MAX_CHARS:  # keep inputs to the size of a (very) big filing
            lines[:] = before
            what = f"not done (over {MAX_CHARS:,} characters): {what}"
        done.append(what)
    text = "\n".join(lines)
    r = rng.random()
    if r < 0.05:
        text = text.replace("\n", "\r\n")
        done.append("CRLF line ends")
    elif r < 0.07:
        text = text.replace("\n", "\r")
        done.append("CR line ends")
    r = rng.random()
    if r < 0.03:
        out = text.encode("utf-16")
        done.append("encoded UTF-16")
    elif r < 0.06:
        out = text.encode("cp1252", "replace")
        done.append("encoded cp1252")
    elif r < 0.08:
        out = b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")
        done.append("UTF-8 BOM")
    else:
        out = text.encode("utf-8", "surrogatepass")
    for _ in range(rng.choice([0, 0, 0, 1, 1, 3])):
        out, what = mutate_bytes(out, rng)
        done.append(what)
    return out, done


def _source(path: Path) -> bytes:
    if path not in _SOURCES:
        _SOURCES[path] = path.read_bytes()
    return _SOURCES[path]


def make_input(seed: int) -> tuple[bytes, str, list[str]]:
    """The input of one seed: bytes, where they come from, and the damage done."""
    from generated import filing

    rng = random.Random(seed)
    kind = seed % 10
    if kind < 3:
        return filing(rng).encode(), "generated", []
    if kind == 3:
        data, done = mutate(filing(rng).encode(), rng)
        return data, "generated, damaged", done
    path = rng.choice(EXAMPLES if kind < 6 else CORPUS)
    data, done = mutate(_source(path), rng)
    return data, str(path.relative_to(ROOT)), done


# ------------------------------------------------------------------ one conversion


def _settings():
    if not _STATE:
        from converter.emit import EmitContext
        from converter.entities import load_registry
        from converter.pipeline import Settings

        settings = Settings(registry=load_registry(*CORPUS_ENTITIES))
        _STATE.update(settings=settings, ctx=EmitContext(settings.taxonomy))
    return _STATE["settings"], _STATE["ctx"]


def _where(tb) -> str:
    """The innermost frame in the project (converter/ first), as path:line in function."""
    frames = traceback.extract_tb(tb)
    for prefix in (str(ROOT / "converter"), str(ROOT)):
        for frame in reversed(frames):
            if frame.filename.startswith(prefix) and not frame.filename.endswith("fuzz.py"):
                return f"{os.path.relpath(frame.filename, ROOT)}:{frame.lineno} in {frame.name}"
    frame = frames[-1] if frames else None
    return f"{frame.filename}:{frame.lineno} in {frame.name}" if frame else "?"


def convert(data: bytes, name: str, progress=None) -> tuple[str, str, str]:
    """(fate, signature, detail): converted, refused or crash; progress(stage) is called between stages."""
    from converter import xmlsafe
    from converter.batch import render
    from converter.pipeline import convert_document
    from converter.reader import InputError, document_from_bytes

    settings, ctx = _settings()
    try:
        filing_obj = convert_document(document_from_bytes(data, name), settings)
        rejection = getattr(filing_obj, "rejection", None)
        if rejection:
            return "refused", "", str(rejection)
        outputs = render(filing_obj, ctx, ["ixbrl", "xbrl", "json", "rdf"])
    except InputError as exc:
        return "refused", "", str(exc)
    except Exception as exc:  # noqa: BLE001 - a crash is what this run looks for
        return "crash", f"{type(exc).__name__} at {_where(exc.__traceback__)}", traceback.format_exc()
    if progress:
        progress("checking")
    for out_name, out in outputs.items():
        try:
            if out_name.endswith((".xhtml", ".xbrl", ".xsd", ".xml")):
                xmlsafe.parse(out)
            elif out_name.endswith(".json"):
                json.loads(out)
            elif out_name.endswith(".ttl"):
                import pyoxigraph

                list(pyoxigraph.parse(out, format=pyoxigraph.RdfFormat.TURTLE))
        except Exception as exc:  # noqa: BLE001
            suffix = out_name.rsplit(".", 1)[-1]
            return ("crash", f"{suffix} output does not parse ({type(exc).__name__})",
                    f"{out_name} does not parse:\n{traceback.format_exc()}")
    return "converted", "", ""


def one(seed: int) -> tuple[str, str]:
    """Convert one seed's input here (no bound); (fate, detail) as the first version of this script gave."""
    data, _, _ = make_input(seed)
    fate, _, detail = convert(data, f"fuzz-{seed}.txt")
    return fate, (f"seed {seed}:\n{detail}" if fate == "crash" else "")


# ------------------------------------------------------------------ workers


def _worker(conn, stack_dir: str, bound: float) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the run
    _settings()
    stack_path = os.path.join(stack_dir, f"stack-{os.getpid()}.txt")
    conn.send(("ready", None))
    while True:
        seed = conn.recv()
        if seed is None:
            return
        data, _, _ = make_input(seed)
        with open(stack_path, "w") as stack:
            conn.send(("start", seed))
            start = time.perf_counter()
            faulthandler.dump_traceback_later(bound, file=stack)
            try:
                fate, signature, detail = convert(data, f"fuzz-{seed}.txt",
                                                  lambda stage, t0=start: conn.send((stage, time.perf_counter() - t0)))
            finally:
                faulthandler.cancel_dump_traceback_later()
        conn.send(("done", (seed, fate, signature, detail, time.perf_counter() - start)))


@dataclass
class Worker:
    process: multiprocessing.Process
    conn: object
    seed: int | None = None
    stage: str = "starting"
    deadline: float = 0.0
    converted_in: float | None = None


@dataclass
class Problem:
    fate: str
    signature: str
    seeds: list[int] = field(default_factory=list)
    saved: list[Path] = field(default_factory=list)
    detail: str = ""


class Run:
    def __init__(self, args):
        self.args = args
        self.counts = {"run": 0, "converted": 0, "refused": 0, "crash": 0, "over": 0}
        self.problems: dict[tuple[str, str], Problem] = {}
        self.save = Path(args.save)
        self.stack_dir = tempfile.mkdtemp(prefix="fuzz-stacks-")
        self.ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")

    def spawn(self) -> Worker:
        parent, child = self.ctx.Pipe()
        process = self.ctx.Process(target=_worker, args=(child, self.stack_dir, self.args.bound), daemon=True)
        process.start()
        child.close()
        return Worker(process, parent, deadline=time.monotonic() + 120)

    def record(self, seed: int, fate: str, signature: str, detail: str, seconds: float | None = None) -> None:
        self.counts["run"] += 1
        self.counts[fate] += 1
        if fate not in ("crash", "over"):
            return
        problem = self.problems.get((fate, signature))
        first = problem is None
        if first:
            problem = self.problems[(fate, signature)] = Problem(fate, signature, detail=detail)
        problem.seeds.append(seed)
        if fate == "over" or len(problem.saved) < self.args.keep:
            problem.saved.append(self.write(seed, fate, signature, detail, seconds))
        if first:
            label = "crash" if fate == "crash" else f"over the bound ({self.args.bound:g} s)"
            print(f"\n{label}: {signature}\nseed {seed}, saved {problem.saved[-1]}\n{detail.rstrip()}\n",
                  file=sys.stderr, flush=True)

    def write(self, seed: int, fate: str, signature: str, detail: str, seconds: float | None) -> Path:
        data, origin, done = make_input(seed)
        self.save.mkdir(parents=True, exist_ok=True)
        path = self.save / f"{fate}-{seed}.txt"
        path.write_bytes(data)
        lines = [f"seed: {seed}", f"fate: {'over the bound' if fate == 'over' else fate}", f"problem: {signature}",
                 f"origin: {origin}", f"bytes: {len(data)}"]
        if seconds is not None:
            lines.append(f"seconds: {seconds:.1f}")
        lines += [f"replay: python tests/fuzz.py --replay {seed}", f"input: python tests/fuzz.py --input {path}",
                  "damage:", *(f"  {d}" for d in done), "", detail]
        path.with_suffix(".trace").write_text("\n".join(lines), encoding="utf-8")
        return path

    def stack_of(self, worker: Worker) -> str:
        path = os.path.join(self.stack_dir, f"stack-{worker.process.pid}.txt")
        for _ in range(20):  # the dump is due at the bound; give it a moment
            try:
                text = Path(path).read_text(errors="replace")
            except OSError:
                text = ""
            if text.strip():  # without the frames of this script and multiprocessing below the conversion
                kept = []
                for line in text.splitlines():
                    if line.strip().startswith("File ") and ("multiprocessing" in line or "fuzz.py" in line):
                        continue
                    kept.append(line)
                return "\n".join(kept) + "\n"
            time.sleep(0.1)
        return "(no stack: the worker did not dump one)"

    @staticmethod
    def stack_signature(stack: str) -> str:
        frames = re.findall(r'File "([^"]+)", line (\d+) in (\S+)', stack)  # most recent call first
        for prefix in (str(ROOT / "converter"), str(ROOT)):
            for filename, line, name in frames:
                if filename.startswith(prefix) and not filename.endswith("fuzz.py"):
                    return f"{os.path.relpath(filename, ROOT)}:{line} in {name}"
        return "unknown place"

    def stop(self, worker: Worker) -> None:
        worker.process.kill()
        worker.process.join(5)
        worker.conn.close()

    def go(self, seeds: range) -> bool:
        """Run the seeds; False if interrupted."""
        if self.ctx.get_start_method() == "fork":
            # Import the converter once, here: every worker (and every replacement of a worker
            # stopped at the bound) then runs the same code, even if the files change meanwhile.
            _settings()
            from converter import batch, reader, xmlsafe  # noqa: F401
        todo = iter(seeds)
        workers = [self.spawn() for _ in range(max(1, self.args.jobs))]
        start = last_report = time.monotonic()
        stop_at = start + self.args.time_limit if self.args.time_limit else None
        exhausted = interrupted = False
        try:
            while workers:
                now = time.monotonic()
                if stop_at and now > stop_at and not exhausted:
                    exhausted = True
                    print(f"time limit ({self.args.time_limit:g} s) reached: no more inputs", file=sys.stderr)
                for w in list(workers):  # idle workers get the next seed, or leave
                    if w.stage == "idle":
                        seed = None if exhausted else next(todo, None)
                        if seed is None:
                            exhausted = True
                            w.conn.send(None)
                            w.process.join(10)
                            workers.remove(w)
                            continue
                        w.conn.send(seed)
                        w.seed, w.stage, w.deadline = seed, "making", time.monotonic() + 120
                if not workers:
                    break
                timeout = max(0.0, min(w.deadline for w in workers) - time.monotonic())
                ready = wait([w.conn for w in workers] + [w.process.sentinel for w in workers], timeout)
                for w in list(workers):
                    gone = False
                    if w.conn in ready or w.process.sentinel in ready:
                        try:
                            while w.conn.poll():
                                self.message(w, *w.conn.recv())
                        except (EOFError, OSError):
                            gone = True
                    if gone or not w.process.is_alive():
                        self.died(w, workers)
                    elif time.monotonic() > w.deadline:
                        self.over(w, workers)
                if time.monotonic() - last_report > 30:
                    last_report = time.monotonic()
                    self.progress(time.monotonic() - start, len(seeds))
        except KeyboardInterrupt:
            interrupted = True
            print("\ninterrupted", file=sys.stderr)
        finally:
            for w in workers:
                self.stop(w)
            shutil.rmtree(self.stack_dir, ignore_errors=True)
        return not interrupted

    def message(self, w: Worker, kind: str, value) -> None:
        bound = self.args.bound
        if kind == "ready":
            w.stage = "idle"
        elif kind == "start":
            w.stage, w.deadline = "converting", time.monotonic() + bound + 1
        elif kind == "checking":  # conversion done; parsing the outputs gets its own, wider bound
            w.stage, w.converted_in = "checking", value
            w.deadline = time.monotonic() + max(60.0, 6 * bound)
        elif kind == "done":
            seed, fate, signature, detail, seconds = value
            if fate == "crash":
                detail = f"seed {seed}:\n{detail}"
            self.record(seed, fate, signature, detail, seconds)
            w.stage, w.seed, w.converted_in, w.deadline = "idle", None, None, time.monotonic() + 3600

    def over(self, w: Worker, workers: list[Worker]) -> None:
        seed, stage = w.seed, w.stage
        stack = self.stack_of(w) if stage == "converting" else ""
        self.stop(w)
        workers[workers.index(w)] = self.spawn()
        if seed is None:
            print("a worker did not start in 120 s; replaced", file=sys.stderr)
            return
        if stage == "checking":
            signature = f"outputs took over {max(60.0, 6 * self.args.bound):g} s to parse"
            detail = f"converted in {w.converted_in:.1f} s; parsing the outputs did not finish"
        elif stage == "making":
            signature, detail = "making the input took over 120 s (fuzz.py itself)", ""
        else:
            signature = f"over the bound at {self.stack_signature(stack)}"
            detail = f"stack at {self.args.bound:g} s (most recent call first):\n{stack}"
        self.record(seed, "over", signature, detail, self.args.bound)

    def died(self, w: Worker, workers: list[Worker]) -> None:
        seed, code = w.seed, w.process.exitcode
        self.stop(w)
        workers[workers.index(w)] = self.spawn()
        if seed is None:
            if w.stage == "starting":
                raise SystemExit(f"a worker died while starting (exit code {code})")
            return
        self.record(seed, "crash", f"worker died (exit code {code})", f"seed {seed}: the worker died with exit code {code}")

    def progress(self, seconds: float, total: int) -> None:
        c = self.counts
        print(f"[{seconds:.0f} s] {c['run']}/{total} inputs ({c['run'] / max(seconds, 1e-9):.1f}/s): "
              f"{c['converted']} converted, {c['refused']} refused, {c['crash']} crashes, {c['over']} over the bound",
              file=sys.stderr, flush=True)

    def summary(self, seconds: float, every_seed: bool = False) -> str:
        c = self.counts
        out = [f"{c['run']} inputs in {seconds:.0f} s ({c['run'] / max(seconds, 1e-9):.1f}/s, "
               f"{self.args.jobs} workers, bound {self.args.bound:g} s): "
               f"{c['converted']} converted, {c['refused']} refused, {c['crash']} crashes, {c['over']} over the bound"]
        if self.problems:
            out.append(f"{len(self.problems)} distinct problems (inputs and traces in {self.save}):")
            for p in sorted(self.problems.values(), key=lambda p: (p.fate, -len(p.seeds))):
                label = "crash" if p.fate == "crash" else "over the bound"
                shown = p.seeds if every_seed else p.seeds[:8]
                seeds = ", ".join(map(str, shown)) + (", ..." if len(shown) < len(p.seeds) else "")
                out.append(f"  {label} x{len(p.seeds)}: {p.signature}\n    seeds {seeds}\n    first saved {p.saved[0]}")
        return "\n".join(out)


def replay(data: bytes, name: str, header: str) -> None:
    print(header)
    start = time.perf_counter()
    fate, signature, detail = convert(data, name)
    print(f"{fate} in {time.perf_counter() - start:.2f} s" + (f": {signature}" if signature else ""))
    if detail:
        print(detail)
    sys.exit(1 if fate == "crash" else 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--count", type=int, default=10000, help="inputs to run (default 10000)")
    parser.add_argument("--seed", type=int, default=1, help=f"the run's seed: inputs use seeds SEED*{SEED_BLOCK:,} on")
    parser.add_argument("-j", "--jobs", type=int, default=multiprocessing.cpu_count(), help="worker processes")
    parser.add_argument("--bound", type=float, default=10.0, metavar="SECONDS",
                        help="longest conversion of one input (default 10)")
    parser.add_argument("--save", default=str(DEFAULT_SAVE), metavar="DIR",
                        help="where crashes and inputs over the bound are saved (default tests/artifacts/fuzz/)")
    parser.add_argument("--keep", type=int, default=20, metavar="N",
                        help="inputs saved per distinct crash (default 20; all inputs over the bound are saved)")
    parser.add_argument("--time-limit", type=float, default=0, metavar="SECONDS",
                        help="stop starting new inputs after this long (default: no limit)")
    parser.add_argument("--replay", type=int, metavar="SEED", help="rebuild one seed's input and convert it here")
    parser.add_argument("--input", type=Path, metavar="FILE", help="convert one saved input here")
    parser.add_argument("--show", action="store_true", help="with --replay: write the input to stdout instead")
    args = parser.parse_args()

    if args.replay is not None:
        data, origin, done = make_input(args.replay)
        if args.show:
            sys.stdout.buffer.write(data)
            return
        replay(data, f"fuzz-{args.replay}.txt",
               "\n".join([f"seed {args.replay}: {origin}, {len(data)} bytes", *(f"  {d}" for d in done)]))
    if args.input is not None:
        replay(args.input.read_bytes(), args.input.name, f"{args.input}: {args.input.stat().st_size} bytes")

    run = Run(args)
    seeds = range(args.seed * SEED_BLOCK, args.seed * SEED_BLOCK + args.count)
    start = time.perf_counter()
    finished = run.go(seeds)
    seconds = time.perf_counter() - start
    note = "" if finished else "(interrupted) "
    print(note + run.summary(seconds))
    if run.problems:
        run.save.mkdir(parents=True, exist_ok=True)
        command = "python tests/fuzz.py " + " ".join(sys.argv[1:])
        (run.save / "summary.txt").write_text(f"{command}\n{note}{run.summary(seconds, every_seed=True)}\n",
                                              encoding="utf-8")
    sys.exit(1 if run.counts["crash"] or run.counts["over"] else 0)


if __name__ == "__main__":
    main()
