"""Cut a document into blocks: headings, paragraphs and tables.

Tables come separated by tabs, by pipes ("| Revenues | 1,234 |", also inside
ASCII rules "+-----+"), or aligned with spaces.  Every table becomes rows of cells
that know their span in the text, so the later stages never look at raw lines.
Tables whose separators are lost altogether are rebuilt later by ``untabbed``.
"""

from __future__ import annotations

import re

from . import numbers
from .model import Block, Cell, Document, Row, Span
from .periods import find_dates

_AMOUNT = re.compile(r"(?:JPY|¥|US\$|\$)\s?\d|\d\s?(?:million|billion|thousand)\b|\d\s?%", re.I)
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s")
_SENTENCE_END = re.compile(r"[.;,]\s*$")
# +----+---+  |---|:--:|  -------: only rule characters, with a run of three dashes or equals signs
# somewhere (one lookahead and one character class: linear time on any line)
_RULE = re.compile(r"^(?=.*?[-=]{3})[\s+|:=-]+$")
_SPACED = re.compile(r"\S(?:.*?\S)??(?=\s{2,}|\s*$)")  # runs of text separated by two or more spaces ("-" alone too)
_NUMERIC = re.compile(r"^[(\-\u2013\u2014]?\s*(?:JPY|¥|\$)?\s?\d[\d,]*(?:\.\d+)?\s*(?:%|[A-Za-z]{1,5})?\)?$|^[-\u2013\u2014]$")


def _numeric(text: str) -> bool:
    """A cell holding a value: a number as written ("JPY1,250", "(3.8%)"), maybe with a note after it
    ("JPY1,250 (paid)", "JPY1,500 (forecast)")."""
    if _NUMERIC.match(text):
        return True
    core, note = numbers.split_note(text)
    if note and _NUMERIC.match(core):
        return True
    dates = find_dates(text)  # "September 30, 2021": a date fills a cell the way a number does
    return len(dates) == 1 and dates[0].date is not None and len(dates[0].text) >= len(text.strip()) - 2


def split_cells(line: str, number: int, separator: str = "\t") -> list[Cell]:
    cells = []
    start = 0
    for part in line.split(separator):
        cells.append(Cell(part, Span(number, start, start + len(part))))
        start += len(part) + len(separator)
    return cells


def _pipe_cells(line: str, number: int) -> list[Cell]:
    """"| Revenues | 1,234 | 1,456 |" -> label and value cells (the outer pipes dropped)."""
    cells = split_cells(line, number, "|")
    if cells and not cells[0].text.strip():
        cells = cells[1:]
    if cells and not cells[-1].text.strip():
        cells = cells[:-1]
    # "|1|)|Total number of issued shares ...|93,534,800 shares|": a list number cut into cells before the label
    while len(cells) > 2 and _ENUMERATION_CELL.match(cells[0].text) and any(ch.isalpha() for ch in cells[1].text + cells[2].text):
        cells = cells[1:]
    return cells


_ENUMERATION_CELL = re.compile(r"^\s*(?:\(?\d{1,2}\)?|\)|\d{1,2}\.|[a-z]\))\s*$")


def _is_pipe_row(line: str) -> bool:
    inner = line.strip().strip("|")
    return "|" in inner and not _RULE.match(line)


def _is_heading(text: str) -> bool:
    stripped = text.strip().strip("*_ ").strip()
    if not stripped or len(stripped) > 100:
        return False
    if _SENTENCE_END.search(stripped) or stripped.startswith(("-", "•", "(Note", "*")):
        return False
    if re.search(r":\s+\S", stripped) or "@" in stripped or "http" in stripped:
        return False  # "Company name: ...", contact lines
    if _AMOUNT.search(stripped):
        return False  # "Revenues JPY176.0 billion (up 11.5% YoY)": a highlights line, not a heading
    if stripped.startswith("(") and not re.match(r"\(\d{1,2}\)\s", stripped):
        return False  # "(2 ADRs = 1 common stock of IIJ)": a remark, not a heading
    return stripped[0].isupper() or stripped[0].isdigit() or stripped[0] in "(<"


def _line_kind(line: str) -> str:
    if not line.strip():
        return "blank"
    if "\t" in line:
        return "tab"
    if _is_pipe_row(line):
        return "pipe"
    if _RULE.match(line) and ("+" in line or "|" in line):
        return "rule"
    return "text"


_RULE_RUN = re.compile(r"(?:^|\s)[-=]{4,}(?=\s|$)")
_CELL_GAP = re.compile(r"\S(?:.*?\S)?(?=\s{2,}|\s*$)")


def ruled_line(line: str, number: int) -> list[Row] | None:
    """A table ruled with dashes and flattened onto one line ("---- Revenues  Operating Income ----
    JPY millions  JPY millions ---- Target (A)  34,500  1,850 ----"): the rules part the rows, runs
    of two or more spaces the cells.  None unless it reads as three or more rows of equal width."""
    if len(_RULE_RUN.findall(line)) < 3:
        return None
    rows: list[Row] = []
    pos = 0
    for m in list(_RULE_RUN.finditer(line)) + [None]:
        end = m.start() if m else len(line)
        segment = line[pos:end]
        cells = [Cell(c.group(0), Span(number, pos + c.start(), pos + c.end())) for c in _CELL_GAP.finditer(segment)]
        if cells:
            rows.append(Row(number, cells))
        pos = m.end() if m else len(line)
    widths = [len(r.cells) for r in rows]
    if len(rows) < 3 or max(widths) < 2:
        return None
    width = max(widths)
    # a header row without a corner cell is one short: give it an empty corner
    for r in rows:
        if len(r.cells) == width - 1 and not any(ch.isdigit() for c in r.cells for ch in c.text):
            r.cells.insert(0, Cell("", Span(number, r.cells[0].span.start, r.cells[0].span.start)))
    if sum(1 for r in rows if len(r.cells) == width) < 3:
        return None
    return rows


def segment(doc: Document) -> list[Block]:
    blocks: list[Block] = []
    current: Block | None = None
    for number, line in enumerate(doc.lines, start=1):
        kind = _line_kind(line)
        if kind == "blank":
            current = None
            continue
        if kind == "text" and (ruled := ruled_line(line, number)) is not None:
            blocks.append(Block("table", number, number, rows=ruled))
            current = None
            continue
        if kind in ("tab", "pipe", "rule"):
            if current is None or current.kind != "table":
                current = Block("table", number, number)
                blocks.append(current)
            current.last_line = number
            if kind != "rule":
                cells = split_cells(line, number) if kind == "tab" else _pipe_cells(line, number)
                current.rows.append(Row(number, cells))
            continue
        if current is not None and current.kind == "paragraph" and not _MD_HEADING.match(line):
            current.last_line = number
            continue
        current = Block("paragraph", number, number)
        blocks.append(current)
    blocks = [b for b in blocks if b.kind != "table" or b.rows]
    blocks = _join_section_lines(doc, blocks)
    out: list[Block] = []
    for block in blocks:
        if block.kind == "paragraph":
            out.extend(_space_aligned(doc, block) or [block])
        else:
            out.append(block)
    for block in out:
        if block.kind != "paragraph":
            continue
        md = _MD_HEADING.match(doc.line(block.first_line))
        if md and block.first_line == block.last_line:
            block.kind, block.level = "heading", min(len(md.group(1)), 4)
        elif block.first_line == block.last_line and _is_heading(doc.line(block.first_line)):
            block.kind, block.level = "heading", 3
    return out


def _section_line(text: str) -> bool:
    """A line that can be a section caption inside a table ("Net sales:", "Operating expenses:",
    "Shares used in computing earnings per share:"): short, no sentence."""
    text = text.strip()
    return 0 < len(text) <= 90 and not _SENTENCE_END.search(text.rstrip(":")) and not text.endswith(".") or \
        (0 < len(text) <= 90 and text.endswith(":"))


def _join_section_lines(doc: Document, blocks: list[Block]) -> list[Block]:
    """A table whose section captions were written without separators ("Net sales:" between
    tab-separated rows) is one table: the caption lines become rows with a label only, when the
    rows after them continue the table (as many cells, a label first)."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        while (block.kind == "table" and i + 2 < len(blocks) and blocks[i + 1].kind == "paragraph"
               and blocks[i + 2].kind == "table" and blocks[i + 1].first_line == block.last_line + 1
               and blocks[i + 2].first_line == blocks[i + 1].last_line + 1):
            middle, after = blocks[i + 1], blocks[i + 2]
            lines = range(middle.first_line, middle.last_line + 1)
            width = max(len(r.cells) for r in block.rows)
            first = after.rows[0]
            if not (all(_section_line(doc.line(n)) for n in lines) and len(lines) <= 3
                    and max(len(r.cells) for r in after.rows) == width and first.cells and first.cells[0].text.strip()):
                break
            for n in lines:
                text = doc.line(n)
                lead = len(text) - len(text.lstrip())
                block.rows.append(Row(n, [Cell(text.strip(), Span(n, lead, lead + len(text.strip())))]))
            block.rows += after.rows
            block.last_line = after.last_line
            i += 2
        out.append(block)
        i += 1
    return out


def _runs(line: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SPACED.finditer(line)]


def _space_aligned(doc: Document, block: Block) -> list[Block] | None:
    """Lines whose columns are aligned with runs of spaces, with numbers in the columns:
    a table.  A row with fewer values than the header puts each value in the header
    column it sits under."""
    numbers = list(range(block.first_line, block.last_line + 1))
    lines = [doc.line(n) for n in numbers]
    # leading caption lines ("Consolidated Statements of Income", "(Thousands of JPY)") stay a paragraph, and
    # so do trailing lines written without the alignment ("Amount of dividend JPY2,077 million JPY925 million")
    # (a line that starts far to the right, its label column blank, is a header line whose own gaps were lost)
    aligned = ["  " in line.strip() or line.startswith(" " * 8) or bool(_RULE.match(line)) for line in lines]
    first = next((i for i in range(len(lines)) if all(aligned[i:i + 2]) and i + 1 < len(lines)), len(lines))
    # a line without the alignment inside the table is a section line ("Operating expenses:"); only the
    # lines after the last aligned one are a tail
    end = max((i + 1 for i in range(first, len(lines)) if aligned[i]), default=first)
    lead = Block("paragraph", block.first_line, block.first_line + first - 1) if first else None
    tail = Block("paragraph", numbers[end], block.last_line) if end < len(lines) else None
    numbers, lines = numbers[first:end], lines[first:end]
    if len(lines) < 2:
        return None
    runs = [_runs(line) for line in lines]
    numeric = [len(r) for line, r in zip(lines, runs, strict=True) if len(r) >= 2 and _numeric(line[r[-1][0]:r[-1][1]])]
    # two rows of figures; or one row of three or more under header lines (a forecast: "Full year 172,000 5.0 ...")
    if len(numeric) < 2 and not (numeric and numeric[0] >= 3 and len(lines) > len(numeric)):
        return None
    width = max(len(r) for r in runs)
    header = next((r for r in runs if len(r) == width), runs[0])
    if width < 2:
        return None

    def nearest(end: int) -> int:  # the value column whose right edge is nearest (numbers are right-aligned)
        return min(range(1, width), key=lambda i: abs(header[i][1] - end))

    # each value column's horizontal extent, from the numbers in it
    extent: dict[int, tuple[int, int]] = {}
    for line, found in zip(lines, runs, strict=True):
        for start, end in found[1:]:
            if _numeric(line[start:end]):
                i = nearest(end)
                lo, hi = extent.get(i, (start, end))
                extent[i] = (min(lo, start), max(hi, end))
    margin = min(found[0][0] for found in runs if found)

    def column_of(start: int, end: int) -> int | None:
        """A header text sits over the column it overlaps most ("Six Months Ended" over "1,234,567");
        one that covers most of two or more columns spans them and goes to the first of them (the
        columns after it take it over: "Fiscal Year Ended" over "2024" and "2023")."""
        overlaps = {i: min(end, hi) - max(start, lo) for i, (lo, hi) in extent.items()}
        spanned = sorted(i for i, (lo, hi) in extent.items() if overlaps[i] * 2 >= max(1, hi - lo))
        if len(spanned) >= 2:
            return spanned[0]
        best = max(overlaps, key=lambda i: (overlaps[i], -i), default=None)
        return best if best is not None and overlaps[best] > 0 else None

    rows = []
    for number, line, found in zip(numbers, lines, runs, strict=True):
        if _RULE.match(line):
            continue
        cells = [Cell("", Span(number, 0, 0)) for _ in range(width)]
        label_taken = False
        for start, end in found:
            text = line[start:end]
            # a date at the left margin is a row label ("September 30, 2024" down the side of a TSE summary)
            numeric = _numeric(text) and not (start <= margin + 2 and start < header[1][0] and not label_taken
                                              and not _NUMERIC.match(text))
            if not label_taken and not numeric and start < header[1][0] and (
                    start <= margin + 8 or column_of(start, end) is None):
                index = 0
                label_taken = True
            elif numeric:
                index = nearest(end)
            else:
                index = column_of(start, end) or nearest(end)
            cells[index] = Cell(text, Span(number, start, end))
        rows.append(Row(number, cells))
    extra = _unaligned_rows(doc, tail, width) if tail else []
    if extra:
        rows.extend(extra)
        tail = Block("paragraph", extra[-1].line + 1, tail.last_line) if extra[-1].line < tail.last_line else None
    table = Block("table", numbers[0], rows[-1].line, rows=rows)
    return [b for b in (lead, table, tail) if b is not None]


def _unaligned_rows(doc: Document, tail: Block, width: int) -> list[Row]:
    """Rows right under a space-aligned table written without its alignment, a label then its values:
    "Date of payment December 3, 2021 December 4, 2020".  They end at the first line that is not one.
    A row with fewer values than the table has columns is left unplaced (see Row.placed)."""
    from .untabbed import value_tokens  # untabbed builds on this module

    rows = []
    for number in range(tail.first_line, tail.last_line + 1):
        line = doc.line(number)
        tokens = value_tokens(line)
        if not tokens or len(tokens) >= width or not line[:tokens[0].start].strip() or any(
                line[a.end:b.start].strip() for a, b in zip(tokens, tokens[1:])) or line[tokens[-1].end:].strip():
            break
        label_start = len(line) - len(line.lstrip())
        cells = [Cell(line[label_start:tokens[0].start].rstrip(), Span(number, label_start, tokens[0].start))]
        cells += [Cell(line[t.start:t.end], Span(number, t.start, t.end)) for t in tokens]
        cells += [Cell("", Span(number, 0, 0)) for _ in range(width - len(cells))]
        rows.append(Row(number, cells, placed=len(tokens) == width - 1))
    return rows


def heading_text(line: str) -> str:
    """A heading line without markdown decoration."""
    text = _MD_HEADING.sub("", line).strip()
    return re.sub(r"[*_]{1,3}", "", text).strip()
