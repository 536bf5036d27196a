"""Rebuild tables that lost their tab separators.

A table flattened into running text keeps its shape in the sequence of values:
"Record date March 31, 2018 March 31, 2018 March 31, 2017 Dividend per common share
JPY13.50 JPY13.50 JPY13.50 ...".  Labels alternate with groups of the same number
of values (one per column); the column headers stand just before the first label,
often broken over short lines above.  The rebuilt table is a virtual table Block
whose cells point at the original text, so the tables stage reads it like any
other table and the rendering still shows the text as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .layout import heading_text
from .model import Block, Cell, Document, Row, Span
from .periods import find_dates

_MONEY = re.compile(r"(?:JPY|¥|US\$|\$)\s?\d{1,3}(?:,\d{3})*(?:\.\d+)?(?:\s+(?:thousand|million|billion)s?)?")
_DASH = re.compile(r"(?<=\s)[-\u2013\u2014](?=\s|$)")
_PAREN = re.compile(r"\([^()]*\)")
_PERIOD_TOKEN = re.compile(
    r"\bFY\s?\d{4}\b|\b[12]H\s?\d{2,4}\b|\b[1-4]Q\s?\d{2,4}\b|\b(?:fiscal\s+)?year\s+end(?:ed|ing)\b", re.I)
_STATUS_START = re.compile(r"\b(?:latest\s+)?(?:forecast|target|plan)\b", re.I)


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int


def value_tokens(line: str) -> list[_Token]:
    """Dates, amounts and lone dashes outside parentheses, left to right."""
    parens = [(m.start(), m.end()) for m in _PAREN.finditer(line)]
    inside = lambda s, e: any(ps <= s and e <= pe for ps, pe in parens)  # noqa: E731
    found: list[_Token] = []
    for d in find_dates(line):
        if d.date and not inside(d.start, d.end):
            found.append(_Token(d.start, d.end))
    for pattern in (_MONEY, _DASH):
        for m in pattern.finditer(line):
            if not inside(m.start(), m.end()) and not any(t.start < m.end() and m.start() < t.end for t in found):
                found.append(_Token(m.start(), m.end()))
    return sorted(found, key=lambda t: t.start)


def _groups(line: str, tokens: list[_Token]) -> list[tuple[tuple[int, int], list[_Token]]]:
    """(label span, values) for each run of values, labelled by the text before it."""
    groups: list[tuple[tuple[int, int], list[_Token]]] = []
    pos = 0
    for tok in tokens:
        between = line[pos:tok.start]
        if groups and not _PAREN.sub("", between).strip():
            groups[-1][1].append(tok)
        else:
            groups.append(((pos, tok.start), [tok]))
        pos = tok.end
    return groups


def _label_start(text: str) -> int:
    """Where the row label begins in "…header words Record date": at its capitalised first word."""
    words = list(re.finditer(r"\S+", text))
    for i in range(len(words) - 1, -1, -1):
        if words[i].group(0)[0].isupper():
            return words[i].start()
    return 0


def split_header(text: str, k: int) -> list[str] | None:
    """Cut a run of header text into ``k`` column headers at period words, then at forecast words."""
    cuts = sorted({m.start() for m in _PERIOD_TOKEN.finditer(text)} - {0})
    chunks = [text[a:b].strip() for a, b in zip([0] + cuts, cuts + [len(text)], strict=True)]
    while len(chunks) < k:
        for i, chunk in enumerate(chunks):
            m = next((m for m in _STATUS_START.finditer(chunk) if m.start() > 0), None)
            if m:
                chunks[i:i + 1] = [chunk[:m.start()].strip(), chunk[m.start():].strip()]
                break
        else:
            return None
    return chunks if len(chunks) == k and all(chunks) else None


_SECTION_HEADING = re.compile(r"^\s*(?:#+\s|\d+\.\s|\(\d+\)\s|[IVX]+\.\s|<)")


def _header_lead(doc: Document, blocks: list[Block], index: int) -> tuple[list[str], str]:
    """Short fragments just above a block (its header, broken over lines) and the section
    heading above them ("1. Dividend"), which titles the table."""
    lead: list[str] = []
    for block in reversed(blocks[:index]):
        text = " ".join(doc.line(n).strip() for n in range(block.first_line, block.last_line + 1))
        if _SECTION_HEADING.match(text):
            return lead, heading_text(text)
        if block.kind == "table" or len(text) > 80 or text.endswith("."):
            break
        lead.insert(0, text)
    return lead, ""


def rebuild(doc: Document, blocks: list[Block]) -> list[Block]:
    rebuilt = []
    for index, block in enumerate(blocks):
        if block.kind != "paragraph" or block.first_line != block.last_line:
            continue
        number = block.first_line
        line = doc.line(number)
        tokens = value_tokens(line)
        if len(tokens) < 4:
            continue
        groups = _groups(line, tokens)
        run = _regular_run(groups)
        if run is None:
            continue
        first, k = run
        rows_groups = groups[first:first + _run_length(groups, first, k)]
        (lab_start, lab_end), _ = rows_groups[0]
        head_text = line[lab_start:lab_end]
        cut = lab_start + _label_start(head_text)
        lead, title = _header_lead(doc, blocks, index)
        header = " ".join(lead + [line[lab_start:cut].strip()]).strip()
        columns = split_header(header, k)
        if columns is None:
            continue
        rows = []
        for i, ((s, e), values) in enumerate(rows_groups):
            s = cut if i == 0 else s
            label = line[s:e]
            lead_ws = len(label) - len(label.lstrip())
            cells = [Cell(label.strip(), Span(number, s + lead_ws, s + lead_ws + len(label.strip())))]
            cells += [Cell(line[t.start:t.end], Span(number, t.start, t.end)) for t in values]
            rows.append(Row(number, cells))
        rebuilt.append(Block("table", number, number, rows=rows, headers=("", *columns), title=title))
    return rebuilt


def _regular_run(groups) -> tuple[int, int] | None:
    """The first index where two or more consecutive groups have the same size k >= 2."""
    for i in range(len(groups) - 1):
        k = len(groups[i][1])
        if k >= 2 and len(groups[i + 1][1]) == k:
            return i, k
    return None


def _run_length(groups, first: int, k: int) -> int:
    n = 0
    while first + n < len(groups) and len(groups[first + n][1]) == k:
        n += 1
    return n
