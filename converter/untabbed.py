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
# a bare figure: grouped thousands or decimals (so that years and list numbers are not taken)
_FIGURE = re.compile(r"(?<![\w.,])\(?-?\d{1,3}(?:,\d{3})+(?:\.\d+)?\)?(?![\w,])|(?<![\w.,])\(?-?\d+\.\d+\)?(?![\w.])")
_SMALL = re.compile(r"(?<![\w.,(])\(?(?!(?:19|20)\d\d\b)\d{1,4}\)?(?![\w,.%])")
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
    for pattern in (_MONEY, _FIGURE, _DASH):
        for m in pattern.finditer(line):
            if not inside(m.start(), m.end()) and not any(t.start < m.end() and m.start() < t.end for t in found):
                found.append(_Token(m.start(), m.end()))
    if len(found) >= 3:  # a line dense with figures: small ungrouped numbers are figures too (not years)
        for m in _SMALL.finditer(line):
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
    """Cut a run of header text into ``k`` column headers at period words, then at forecast
    words; text before the first period word that is not part of a column ("(JPY millions)")
    is the corner and is returned first, or "" when there is none."""
    starts = sorted({m.start() for m in _PERIOD_TOKEN.finditer(text)})
    corner = ""
    if starts and starts[0] > 0 and len(starts) >= k:
        corner, text = text[:starts[0]].strip(), text[starts[0]:]
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
    return [corner, *chunks] if len(chunks) == k and all(chunks) else None


_SECTION_HEADING = re.compile(r"^\s*(?:#+\s|\d+\.\s|\(\d+\)\s|[IVX]+\.\s|<)")


def _header_lead(doc: Document, blocks: list[Block], index: int) -> tuple[list[str], str]:
    """Short fragments just above a block (its header, broken over lines) and the section
    heading above them ("1. Dividend"), which titles the table."""
    lead: list[str] = []
    for block in (blocks[i] for i in range(index - 1, -1, -1)):  # no copy of the blocks before it per table
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
        transposed = _transposed(doc, blocks, index, line, number, rows_groups, k)
        if transposed is not None:
            rebuilt.append(transposed)
            continue
        (lab_start, lab_end), _ = rows_groups[0]
        head_text = line[lab_start:lab_end]
        cut = lab_start + _label_start(head_text)
        lead, title = _header_lead(doc, blocks, index)
        header = " ".join(lead + [line[lab_start:cut].strip()]).strip()
        columns = split_header(header, k)
        if columns is None:
            continue
        corner, columns = columns[0], columns[1:]
        rows = []
        for i, ((s, e), values) in enumerate(rows_groups):
            s = cut if i == 0 else s
            label = line[s:e]
            lead_ws = len(label) - len(label.lstrip())
            cells = [Cell(label.strip(), Span(number, s + lead_ws, s + lead_ws + len(label.strip())))]
            cells += [Cell(line[t.start:t.end], Span(number, t.start, t.end)) for t in values]
            rows.append(Row(number, cells))
        rebuilt.append(Block("table", number, number, rows=rows, headers=(corner, *columns), title=title))
    return rebuilt


_ROW_PERIOD = re.compile(r"(?:(?:fiscal\s+)?year\s+end(?:ed|ing)|as\s+of|six\s+months\s+ended)\s*$", re.I)
_QUALIFIER = re.compile(r"\b(?:interim|year[- ]end|annual|total|[1-4]Q[- ]end)\b", re.I)


def _transposed(doc: Document, blocks: list[Block], index: int, line: str, number: int, groups, k: int) -> Block | None:
    """"... Total: Annual dividend Year ended March 31, 2018 JPY13.50 (paid) JPY13.50 JPY27.00 Year
    ended March 31, 2017 ...": each row starts with its period, the columns are named once, before."""
    if not all(_ROW_PERIOD.search(line[s:values[0].start]) for (s, _), values in groups):
        return None
    (s0, e0), _ = groups[0]
    lead = _ROW_PERIOD.search(line[s0:e0])
    header = line[s0:s0 + lead.start()]
    cuts = [m.start() for m in _QUALIFIER.finditer(header)]
    cuts = [c for i, c in enumerate(cuts) if i == 0 or header[cuts[i - 1]:c].strip(" :").count(" ") > 0]
    if len(cuts) != k - 1:
        return None
    corner = header[:cuts[0]].strip()
    columns = [header[a:b].strip() for a, b in zip(cuts, cuts[1:] + [len(header)], strict=True)]
    rows = []
    for i, ((s, e), values) in enumerate(groups):
        start = s0 + lead.start() if i == 0 else s + _ROW_PERIOD.search(line[s:e]).start()
        label = Cell(line[start:values[0].end], Span(number, start, values[0].end))
        rows.append(Row(number, [label] + [Cell(line[t.start:t.end], Span(number, t.start, t.end)) for t in values[1:]]))
    _, title = _header_lead(doc, blocks, index)
    return Block("table", number, number, rows=rows, headers=(corner, *columns), title=title)


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


_LABEL_LINE = re.compile(r":\s*$")
_VALUE_LINE = re.compile(r"^\s*+(?:\(?[-\u2013\u2014]?\s*+(?:JPY|¥|US\$|\$)?\s?+\d[\d,]*+(?:\.\d+)?\)?"
                         r"(?:\s*+(?:thousand|million|billion))?(?:\s*+(?:shares?|yen|%|Gbps))?)\s*+$", re.I)


def label_lists(doc: Document, blocks: list[Block]) -> list[Block]:
    """A list of labels followed by a list of values ("1) Total number of shares issued
    before the stock split:" ... then "46,734,600 shares" ...): the i-th value belongs
    to the i-th label.  Values left over are reported by the tables stage."""
    rebuilt = []
    for index, block in enumerate(blocks):
        if block.kind not in ("paragraph", "heading"):
            continue
        numbers = list(range(block.first_line, block.last_line + 1))
        i = 0
        while i < len(numbers):
            labels = []
            while i < len(numbers) and _LABEL_LINE.search(doc.line(numbers[i])):
                labels.append(numbers[i])
                i += 1
            values = []
            while i < len(numbers) and _VALUE_LINE.match(doc.line(numbers[i])):
                values.append(numbers[i])
                i += 1
            if labels and values:
                rows = []
                later = _later_labels(doc, numbers[i:], values[len(labels):])
                for j, value_line in enumerate(values):
                    if j < len(labels):
                        label_cell = _whole_line_cell(doc, labels[j])
                    elif later:
                        label_cell = _whole_line_cell(doc, later[j - len(labels)])
                    else:
                        label_cell = Cell("", Span(value_line, 0, 0))
                    rows.append(Row(labels[j] if j < len(labels) else value_line,
                                    [label_cell, _whole_line_cell(doc, value_line)]))
                _, title = _header_lead(doc, blocks, index)
                rebuilt.append(Block("table", labels[0], values[-1], rows=rows, headers=("", ""), title=title))
            elif not labels and not values:
                i += 1
    return rebuilt


def _later_labels(doc: Document, rest: list[int], surplus: list[int]) -> list[int]:
    """Values left over after the labels, each repeating the value stated under a label that
    follows ("151,040,000 shares" / "(Note) Total number of authorized shares after the stock
    split:" / "151,040,000 shares"): the lines of those labels, or [] when they do not match."""
    found = []
    k = 0
    while surplus and k + 1 < len(rest) and len(found) < len(surplus):
        label, value = rest[k], rest[k + 1]
        if not (_LABEL_LINE.search(doc.line(label)) and _VALUE_LINE.match(doc.line(value))):
            return []
        if doc.line(value).strip() != doc.line(surplus[len(found)]).strip():
            return []
        found.append(label)
        k += 2
    return found if len(found) == len(surplus) else []


def _whole_line_cell(doc: Document, number: int) -> Cell:
    text = doc.line(number)
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    return Cell(stripped, Span(number, lead, lead + len(stripped)))


def cells_per_line(doc: Document, blocks: list[Block]) -> list[Block]:
    """A table written one cell per line: k period headers, then each label followed by
    its k values."""
    from .periods import FiscalCalendar, parse_period  # the calendar only tells periods from labels here

    cal = FiscalCalendar()
    rebuilt = []
    for index, block in enumerate(blocks):
        if block.kind not in ("paragraph", "heading"):
            continue
        numbers = list(range(block.first_line, block.last_line + 1))
        texts = [doc.line(n).strip() for n in numbers]
        start = 0
        while start < len(texts) and parse_period(texts[start], cal, bare_date_is_instant=True) is None:
            start += 1
        k = 0
        while start + k < len(texts) and parse_period(texts[start + k], cal, bare_date_is_instant=True):
            k += 1
        body = list(range(start + k, len(texts)))
        if k == 0 or len(body) < 2 * (k + 1) or len(body) % (k + 1):
            continue
        rows = []
        for r in range(0, len(body), k + 1):
            label_i, value_is = body[r], body[r + 1:r + 1 + k]
            if _VALUE_LINE.match(texts[label_i]) or not all(_VALUE_LINE.match(texts[i]) for i in value_is):
                rows = []
                break
            rows.append(Row(numbers[label_i], [_whole_line_cell(doc, numbers[i]) for i in (label_i, *value_is)]))
        if not rows:
            continue
        caption = " ".join(texts[:start])
        lead, title = _header_lead(doc, blocks, index)
        rebuilt.append(Block("table", numbers[start], numbers[-1], rows=rows,
                             headers=("", *texts[start:start + k]), title=caption or title))
    return rebuilt
