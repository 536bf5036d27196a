"""Time every regular expression of the package against long adversarial lines.

    python tests/regex_audit.py [--length 4000] [--bound 0.25] [--shard I/N]

A pattern that nests or abuts quantifiers over the same characters ("(?:\\s*-{3,}\\s*)+",
"\\s*\\s+") can take exponential or polynomial time on a line made of those characters
that then fails to match.  Real filings have such lines (ASCII rules, space-aligned
tables, runs of tabs), so every pattern is run, with ``search``, ``match`` and
``fullmatch``, against runs of the characters financial text is made of, each followed
by a character that forces a failure.  Patterns are found two ways: compiled patterns
held by a module (also inside lists, tuples and dicts), and pattern literals passed
to ``re.*`` calls anywhere in the source.

Prints ``PATTERN module.name`` before timing each pattern and ``SLOW seconds
module.name input`` for any input over the bound, so a caller that has to kill a
runaway match still knows which pattern it was.  Exit code 1 when any is slow.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import pkgutil
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The characters and short units financial text is made of.
UNITS = ["-", "=", "|", "+", ":", " ", "\t", "\u00a0", "0", "1", "1,", "12,3", "1.", ",", ".", "(", ")", "*",
         "a", "A", "ab ", "Ab ", "a-", "JPY1 ", "$1 ", "1 ", "- ", "| ", "|-", "+-", "(1) ", "1%", "%", "¥"]
PREFIXES = ["", "| "]
ENDERS = ["\x01", "x|"]


def _flags(call: ast.Call) -> int:
    """re.I when the call passes flags (every flag the package uses is case-insensitivity or verbose)."""
    for kw in call.keywords:
        if kw.arg == "flags":
            return re.I
    positional_flags = {"compile": 1, "search": 2, "match": 2, "fullmatch": 2, "finditer": 2, "findall": 2,
                        "split": 3, "sub": 4, "subn": 4}
    attr = call.func.attr  # type: ignore[attr-defined]
    return re.I if len(call.args) > positional_flags.get(attr, 9) else 0


def patterns() -> dict[str, re.Pattern[str]]:
    """Every pattern of the package, by module and name (or line of a literal)."""
    import converter

    found: dict[str, re.Pattern[str]] = {}

    def hold(obj, name: str, depth: int = 0) -> None:
        if isinstance(obj, re.Pattern) and isinstance(obj.pattern, str):
            found.setdefault(name, obj)
        elif depth < 2 and isinstance(obj, list | tuple):
            for i, item in enumerate(obj):
                hold(item, f"{name}[{i}]", depth + 1)
        elif depth < 2 and isinstance(obj, dict):
            for key, item in obj.items():
                hold(item, f"{name}[{key!r}]", depth + 1)

    package = Path(converter.__file__).parent
    for info in pkgutil.walk_packages([str(package)], "converter."):
        module = importlib.import_module(info.name)
        for attr, value in vars(module).items():
            hold(value, f"{info.name}.{attr}")
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                try:
                    found.setdefault(f"{info.name}:{node.lineno}", re.compile(node.args[0].value, _flags(node)))
                except re.error:
                    pass
    return found


def adversarial(length: int) -> list[str]:
    lines = []
    for unit in UNITS:
        run = unit * max(1, length // len(unit))
        for prefix in PREFIXES:
            for end in ENDERS:
                lines.append(prefix + run + end)
    return lines


def audit(length: int, bound: float, shard: tuple[int, int] = (0, 1), out=sys.stdout,
          only: dict[str, re.Pattern[str]] | None = None) -> int:
    slow = 0
    lines = adversarial(length)
    index, count = shard
    for name, pattern in sorted((only or patterns()).items())[index::count]:
        print(f"PATTERN {name}", file=out, flush=True)
        for line in lines:
            start = time.perf_counter()
            for _ in pattern.finditer(line):
                pass
            pattern.match(line)
            pattern.fullmatch(line)
            spent = time.perf_counter() - start
            if spent > bound:
                slow += 1
                print(f"SLOW {spent:.2f}s {name} {line[:16]!r}...{line[-4:]!r} ({len(line)} chars)", file=out, flush=True)
                break
    print(f"DONE {slow} slow", file=out, flush=True)
    return slow


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--length", type=int, default=4000)
    parser.add_argument("--bound", type=float, default=0.25, help="seconds allowed for one input")
    parser.add_argument("--shard", default="0/1", metavar="I/N", help="audit every N-th pattern from the I-th")
    parser.add_argument("--pattern", default=None, help="audit this pattern instead of the package's")
    args = parser.parse_args(argv)
    index, count = (int(x) for x in args.shard.split("/"))
    only = {"given": re.compile(args.pattern)} if args.pattern else None
    return 1 if audit(args.length, args.bound, (index, count), only=only) else 0


if __name__ == "__main__":
    sys.exit(main())
