"""Tables whose cells come one after another: the shape a table takes when its grid is lost.

A table copied out of a PDF or a web page often arrives as a stream of cells: one cell
per line ("Revenue" / "1,024,856" / "1,102,116" / "7.5%"), one cell per line behind a pipe
("|Net sales" / "|$" / "|77,430"), a cell broken over lines ("|Three months" / "ended" /
"March 31, 2022"), or the whole table run together on one line ("Net sales: Products $
70,958 $ 65,083 ... Services 19,188 ...").  The grid is still there in the order of the
cells: a header, then rows that are a label followed by one value per column.

This module turns such a stream back into a table ``Block`` whose cells point at the text
as written, so the tables stage reads it like any other table.  The number of columns is
the one that explains the values best (the usual length of a run of values after a
label); the header cells before the first row are shared out over the columns when they
fit (one cell per column, or one per column in each of several header rows); in the
transposed form of Japanese summaries (line items across the top, each an amount and a
percentage change, periods down the side) each item heads its pair of columns.  A stream
that fits no reading is left alone (the sentences stage still reads its words).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from . import money, numbers
from .layout import heading_text
from .model import Block, Cell, Document, Row, Span
from .periods import find_dates

# ---------------------------------------------------------------- cells


@dataclass(slots=True)
class SCell:
    text: str
    span: Span  # where the cell's text starts (a cell broken over lines: its first line)
    kind: str  # "value" | "text" | "marker"
    lines: int = 1  # how many lines the cell was written on
    currency: str = ""  # from a currency symbol standing alone before the value
    signed: bool = False  # written with a plus sign: a change


_MARKERS = {"$", "¥", "￥", "€", "£", "+", "%", "(", ")", "US$", "△", "▲", "(%)", "(％)", "％"}
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def kind_of(text: str) -> str:
    """"value" for a number, a dash or a date filling the cell; "marker" for a currency symbol,
    a sign or a percent sign standing alone (it belongs to the value next to it); else "text".

    >>> kind_of("1,024,856"), kind_of("(3.6)"), kind_of("$"), kind_of("September 3, 2023"), kind_of("Revenue")
    ('value', 'value', 'marker', 'value', 'text')
    """
    t = text.strip()
    if not t:
        return "text"
    if t in _MARKERS or money.code_of(t) is not None and len(t) <= 4 and not t.isalpha() or t in money.ISO_CODES:
        return "marker"
    if _NOT_AVAILABLE.fullmatch(t):
        return "value"  # "n/a": a cell that states nothing (the tables stage leaves it)
    if numbers.parse_cell(t) is not None or numbers.is_dash(t):
        return "value"
    core, note = numbers.split_note(t)
    if note and core and (numbers.parse_cell(core) is not None or numbers.is_dash(core) or _whole_date(core)):
        return "value"  # "JPY1,250 (paid)", "55.45 (*)": the tables stage reads the note
    if _FOOTNOTE_MARK.match(t):
        return "marker"
    if _whole_date(t):
        return "value"
    return "text"


_FOOTNOTE_MARK = re.compile(r"^(?:\(\*\s?\d{0,2}\)|\*\d{1,2}|\(Note\s?\d{0,2}\))$", re.I)


def _whole_date(t: str) -> bool:
    dates = find_dates(t)
    return len(dates) == 1 and bool(dates[0].date) and len(dates[0].text) >= len(t) - 2




# A value inside a line of several: an amount with its currency, sign, scale and percent, or a
# dash standing alone.  Used to cut a line into cells.
_VALUE = re.compile(
    rf"(?<![\w.,])(?:{money.PREFIX}\s?)?[(\u25b3\u25b2+\-\u2212]?\s?(?:{money.PREFIX}\s?)?"
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    rf"(?:\s?(?:{money.SCALE}))?(?:\s?(?:%(?!\s*[Cc]hange)|p|pence|cents?|bps))?\)?(?:(?<=\))%)?(?![\w,]|\.\d)"
    r"(?:\s?\((?:\*\d{0,2}|paid|forecast|estimated?|scheduled)\))?"
    r"|(?<=\s)[\-\u2013\u2014\u2015\uff0d](?=\s|$)|^[\-\u2013\u2014\u2015\uff0d](?=\s|$)")


def split_line(line: str, number: int, base: int = 0) -> list[SCell]:
    """A line cut into cells: each value on its own, the words between them as text cells.

    >>> [c.text for c in split_line("1,244,969 (12.5)", 1)]
    ['1,244,969', '(12.5)']
    >>> [(c.text, c.kind) for c in split_line("Net sales 879,350 $ 7,207", 1)]
    [('Net sales', 'text'), ('879,350', 'value'), ('$ 7,207', 'value')]
    """
    cells: list[SCell] = []
    pos = 0
    found = [(d.start, d.end) for d in find_dates(line) if d.date]
    found += [(m.start(), m.end()) for m in _NOT_AVAILABLE.finditer(line)]
    for m in _VALUE.finditer(line):
        text = line[m.start():m.end()].strip()
        if not text or kind_of(text) != "value" or any(a < m.end() and m.start() < b for a, b in found):
            continue
        if _PAGE.search(line, 0, m.start()):
            continue  # "--- Page 1 ---": a page number
        lead = len(line[m.start():m.end()]) - len(line[m.start():m.end()].lstrip())
        found.append((m.start() + lead, m.start() + lead + len(text)))
    for a, b in sorted(found):
        _text_cell(line, pos, a, number, base, cells)
        cells.append(SCell(line[a:b], Span(number, base + a, base + b), "value"))
        pos = b
    _text_cell(line, pos, len(line), number, base, cells)
    return cells


_NOT_AVAILABLE = re.compile(r"(?<!\S)(?:n/a|N/A|n\.a\.|n\.m\.|nm|NM)(?!\S)")
_PAGE = re.compile(r"\bpage\s*$", re.I)


def _text_cell(line: str, a: int, b: int, number: int, base: int, out: list[SCell]) -> None:
    piece = line[a:b]
    text = piece.strip()
    if not text:
        return
    start = a + len(piece) - len(piece.lstrip())
    out.append(SCell(text, Span(number, base + start, base + start + len(text)), kind_of(text)))


def pipe_cells(doc: Document, first: int, last: int) -> list[SCell]:
    """One cell per line behind a leading pipe; lines without one continue the cell above."""
    cells: list[SCell] = []
    for number in range(first, last + 1):
        line = doc.line(number)
        stripped = line.lstrip()
        if not stripped:
            continue
        if stripped.startswith("|"):
            offset = len(line) - len(stripped) + 1
            body = line[offset:]
            text = body.strip()
            start = offset + len(body) - len(body.lstrip())
            cells.append(SCell(text, Span(number, start, start + len(text)), kind_of(text)))
        elif cells:
            last_cell = cells[-1]
            joined = f"{last_cell.text} {stripped.strip()}".strip()
            if not last_cell.text:  # an empty cell whose text is on the next line ("|" / "Net sales")
                start = len(line) - len(stripped)
                cells[-1] = SCell(stripped.strip(), Span(number, start, start + len(stripped.strip())),
                                  kind_of(stripped.strip()))
            else:
                cells[-1] = SCell(joined, last_cell.span, kind_of(joined), last_cell.lines + 1)
        else:
            cells += split_line(line, number)
    return cells


def line_cells(doc: Document, first: int, last: int) -> list[SCell]:
    """One or more cells per line: the values of a line each a cell, the words between them too."""
    cells: list[SCell] = []
    for number in range(first, last + 1):
        line = doc.line(number)
        if line.strip():
            cells += split_line(line, number)
    return cells


# ---------------------------------------------------------------- reading a stream


def _sections_split(cells: list[SCell]) -> list[SCell]:
    """"Net sales: Products" run together: a section caption, then a row label."""
    out: list[SCell] = []
    for c in cells:
        if c.kind == "text" and (m := re.match(r"^(.{3,80}?:)\s+(\S.*)$", c.text)) and not re.search(r"\d", m[1]):
            out.append(SCell(m[1], Span(c.span.line, c.span.start, c.span.start + len(m[1])), "text"))
            start = c.span.start + m.start(2)
            out.append(SCell(m[2], Span(c.span.line, start, start + len(m[2])), kind_of(m[2])))
        else:
            out.append(c)
    return out


_HEADS = re.compile(r"\b(?:three|six|nine|twelve|\d{1,2})\s+(?:months|weeks)\s+end(?:ed|ing)\b|\b(?:fiscal\s+)?years?\s+end(?:ed|ing)\b",
                    re.I)


_HEADER_LEAD = re.compile(r"^(?:%\s*change|change\s*\(?%\)?|yoy|%)\s+(?=\S)", re.I)
_CHUNK = re.compile(r"(?:\b(?:[1-4]Q\s?-\s?[1-4]Q|[1-4]Q|[12]H|H[12]|Q[1-4]|FY)\s?'?\d{2,4}\b|\b(?:19|20)\d\d\b)"
                    r"(?:\s+(?:results?|actual|targets?|forecasts?|plan|estimates?|guidance))?", re.I)


def _peel_header_words(header: list[SCell], body: list[_Row], k: int) -> str:
    """Header words run into the first row's label: "% Change Digital Industries" (the header has one
    column too few), "Highlights 1Q-3Q22 Results FY22 Targets Total revenues" (the header's periods
    and the first label on one stretch of text)."""
    if not body or body[0].label is None:
        return ""
    first = body[0].label
    columns = [c for c in header if c.kind == "value" or not is_unit_caption(c.text)]
    if (m := _HEADER_LEAD.match(first.text)) and len([c for c in header if c.kind == "value"]) == k - 1:
        header.append(SCell(m.group(0).strip(), first.span, "text"))
        body[0].label = SCell(first.text[m.end():], Span(first.span.line, first.span.start + m.end(), first.span.end),
                              "text")
        return ""
    chunks = list(_CHUNK.finditer(first.text))
    if not columns and chunks and first.text[chunks[-1].end():].strip():
        changes = sum(1 for r in body if len(r.values) == k for v in r.values if _change_like(v)) // max(
            1, sum(1 for r in body if len(r.values) == k))
        if len(chunks) + changes == k:
            header.extend(SCell(c.group(0), first.span, "text") for c in chunks)
            rest = first.text[chunks[-1].end():]
            start = first.span.start + chunks[-1].end() + len(rest) - len(rest.lstrip())
            body[0].label = SCell(rest.strip(), Span(first.span.line, start, first.span.end), "text")
            return first.text[:chunks[0].start()].strip()
    return ""


def _around_changes(header: list[SCell], body: list[_Row], k: int) -> list[str] | None:
    """Headings for the columns that are not changes, when the rows show which columns are changes
    ("JPY 185.3 billion | up 11.9% YoY | JPY 250.0 billion | up 10.5% YoY" under "1Q-3Q22 Results | FY22 Targets")."""
    full = [r for r in body if len(r.values) == k]
    if not full:
        return None
    change = [all(_change_like(r.values[i]) for r in full) for i in range(k)]
    heads = [c.text for c in header if c.text and not is_unit_caption(c.text)]
    if not any(change) or len(heads) != change.count(False):
        return None
    it = iter(heads)
    return ["(% change)" if ch else next(it) for ch in change]


_PERIOD_NOUN = re.compile(r"^(?:for\s+the\s+)?(?:(?:first|second|third|fourth|[1-4](?:st|nd|rd|th))\s+quarter|"
                          r"(?:three|six|nine|twelve)\s+months|(?:fiscal\s+)?year|first\s+half|interim\s+period)$", re.I)


def _complete_row_periods(header: list[SCell], body: list[_Row]) -> None:
    """Row labels that begin "ended September 30, 2020" under a header cell "For the 2nd Quarter": the
    header cell starts each of them."""
    rows = [r for r in body if r.label is not None and re.match(r"(?:ended|ending)\b", r.label.text, re.I)]
    noun = next((c for c in reversed(header) if c.kind == "text" and _PERIOD_NOUN.match(c.text.strip())), None)
    if not rows or noun is None:
        return
    header.remove(noun)
    for r in rows:
        r.label = SCell(f"{noun.text} {r.label.text}", r.label.span, "text", r.label.lines)


def _spread_heads(corner: str, texts: list[str]) -> list[str]:
    """"Three Months Ended Twelve Months Ended" over four dates: each heading spans its share of the columns."""
    heads = [m.group(0) for m in _HEADS.finditer(corner)]
    if not heads or len(texts) % len(heads) or any(_HEADS.search(t) for t in texts):
        return texts
    each = len(texts) // len(heads)
    return [f"{heads[i // each]} {t}" for i, t in enumerate(texts)]


def _merge_markers(cells: list[SCell]) -> list[SCell]:
    """Markers standing alone belong to the value after them: a currency symbol ("|$" / "|77,430")
    gives that value its currency, a plus sign says nothing new; a negative mark or an opening
    parenthesis on a line of its own leaves the value's sign uncertain, so the value is dropped
    (the accounting pass reports it).  A percent sign after a value adds nothing the header does not say."""
    cells = _change_phrases(cells)
    out: list[SCell] = []
    pending: SCell | None = None
    for c in cells:
        if pending is not None and c.kind != "value" and (money.code_of(pending.text) is not None
                                                         or pending.text in ("%", "％", "(%)", "(％)")):
            out.append(SCell(pending.text, pending.span, "text"))  # "JPY", "%" heading a column
        if c.kind == "marker":
            pending = c
            continue
        if pending is not None and c.kind == "value":
            mark = pending.text
            if mark in ("△", "▲", "("):
                pending = None
                continue
            if (code := money.code_of(mark)) is not None:
                c = SCell(c.text, c.span, c.kind, c.lines, code)
            elif mark == "+":
                c = SCell(c.text, c.span, c.kind, c.lines, signed=True)
        pending = None
        out.append(c)
    return out


_DIRECTION = re.compile(r"^(?:up|down|increased?|decreased?|\+|-)$", re.I)
_YOY = re.compile(r"^(?:YoY|y/y|year[- ]on[- ]year)\d?$", re.I)
_YOY_LEAD = re.compile(r"^(?:YoY|y/y|year[- ]on[- ]year)\d?\s+(?=\S)", re.I)


def _change_phrases(cells: list[SCell]) -> list[SCell]:
    """"up" / "2.5" / "%" / "YoY" written one per line is one cell: a change (the value's column is a
    change column)."""
    out: list[SCell] = []
    i = 0
    while i < len(cells):
        c = cells[i]
        if c.kind == "text" and _DIRECTION.match(c.text) and i + 1 < len(cells) and cells[i + 1].kind == "value":
            value = cells[i + 1]
            j = i + 2
            while j < len(cells) and (cells[j].text in ("%", "％") or _YOY.match(cells[j].text)):
                j += 1
            out.append(SCell(value.text, value.span, "value", signed=True))
            if j < len(cells) and cells[j].kind == "text" and (m := _YOY_LEAD.match(cells[j].text)):
                rest = cells[j]  # "YoY Operating profit" run together: the change's end, then a label
                start = rest.span.start + m.end()
                cells[j] = SCell(rest.text[m.end():], Span(rest.span.line, start, rest.span.end), "text")
            i = j
            continue
        if c.kind == "value" and i + 1 < len(cells) and _YOY.match(cells[i + 1].text) and "%" in c.text:
            out.append(SCell(c.text, c.span, "value", signed=True))
            i += 2
            continue
        out.append(c)
        i += 1
    return out


@dataclass
class _Row:
    label: SCell | None
    values: list[SCell]


def _runs(cells: list[SCell]) -> list[_Row]:
    """Each text cell with the values after it (the first row may have no label)."""
    rows: list[_Row] = []
    current = _Row(None, [])
    after_values = False  # the row before the current one had values: a label may wrap (not so in a header)
    for i, c in enumerate(cells):
        following = cells[i + 1] if i + 1 < len(cells) else None
        if c.kind == "value" and current.label is not None and _is_date_cell(c) and _PERIOD_END.search(
                current.label.text) and not (following is not None and _is_date_cell(following)):
            # "Year ended" / "Mar. 31, 2021", "Three months ended" / values / "February 28, 2023": the date
            # finishes the row's label (a label broken around its values)
            prev = current.label
            current.label = SCell(f"{prev.text} {c.text}", prev.span, "text", prev.lines + 1)
            continue
        if c.kind == "value":
            current.values.append(c)
        elif c.kind == "text":
            if current.label is not None and current.values and _STATUS_NOTE.fullmatch(c.text.strip()):
                prev = current.label  # "Year ending March 31, 2021" / values / "(estimated)": one label
                current.label = SCell(f"{prev.text} {c.text.strip()}", prev.span, "text", prev.lines + 1)
                continue
            if current.label is not None and not current.values and (
                    after_values or _PERIOD_END.search(current.label.text)) and _continues(current.label.text, c.text):
                prev = current.label  # "Annual Cash Dividend" / "(per share of common stock)": one label
                current.label = SCell(f"{prev.text} {c.text}", prev.span, "text", prev.lines + 1)
                continue
            if current.label is not None or current.values:
                rows.append(current)
                after_values = bool(current.values)
            current = _Row(c, [])
        # markers left over ("%" after a header) stay out of the grid
    rows.append(current)
    return rows


_PAREN_CAPTION = re.compile(r"(?<!\s)\s*[(（][^()（）]{12,}[)）]\s*")  # "(Percentage figures show changes from ...)"
_STATUS_NOTE = re.compile(r"[(（]\s*(?:estimated?|forecasts?|plan(?:ned)?|projected|targets?|results?|actual)\s*[)）]", re.I)
_PERIOD_END = re.compile(r"(?:\bended|\bending|\bas\s+of|\bas\s+at)\s*$", re.I)


def _is_date_cell(c: SCell) -> bool:
    return c.kind == "value" and numbers.parse_cell(c.text) is None and _whole_date(c.text)


def _continues(previous: str, text: str) -> bool:
    """A label's second line: a parenthesis, or words that start in lower case."""
    if not text or is_unit_caption(previous):
        return False
    if re.search(r"\b(?:ended|ending|as\s+of|as\s+at)$", previous, re.I):  # "For the six months ended" / "September 30, 2019 (A)"
        return any(d.start == 0 and d.date for d in find_dates(text))
    return text[0] == "(" and not is_unit_caption(text) or text[0].islower() or bool(
        re.search(r"\b(?:to|of|for|from|and|the|per|in|before)$", previous, re.I))


def _is_year(c: SCell) -> bool:
    return c.kind == "value" and bool(_YEAR.match(c.text))


def _is_date(c: SCell) -> bool:
    return c.kind == "value" and numbers.parse_cell(c.text) is None and not numbers.is_dash(c.text)


def _numeric(c: SCell) -> bool:
    return c.kind == "value" and numbers.parse_cell(c.text) is not None and not _is_year(c)


def column_count(rows: list[_Row]) -> int | None:
    """The number of value columns: the usual length of a run of values after a label (at least
    two rows must agree)."""
    lengths = Counter(len(r.values) for r in rows if r.label is not None and sum(map(_numeric, r.values)) >= 1)
    if not lengths:
        return None
    k, seen = max(sorted(lengths.items(), reverse=True), key=lambda kv: kv[1])
    return k if seen >= 2 and k >= 2 else None


_UNIT_WORDS = re.compile(r"^\(?(?:millions?|thousands?|billions?)\s+of\s+\S+|^\(?(?:JPY|USD|EUR|GBP|yen|U\.S\.\s+dollars)"
                         r"(?:\s+(?:millions?|thousands?))?\)?$|^\(?%\)?$|^\(?(?:yen|％)\)?$", re.I)
_PERIOD_HEAD = re.compile(r"\b(?:weeks?|months?|year|quarter|half|period)\s+end(?:ed|ing)\b|\bas\s+(?:of|at)\b|^FY\s?\d|"
                          r"^\d[HQ]|^(?:19|20)\d\d$", re.I)
_STATUS_GROUP = re.compile(r"^(?:actual|actuals|results?|projections?|projected|forecasts?|estimates?|plan)$", re.I)
_CHANGE_WORDS = re.compile(r"\b(?:changes?|yoy|growth|increase|decrease)\b|^%$|^\(%\)$", re.I)


def is_unit_caption(text: str) -> bool:
    return bool(_UNIT_WORDS.match(text.strip())) or (money.unit_caption(text) is not None and len(text) < 120)


@dataclass
class Reading:
    header: list[str]  # one text per value column
    corner: str
    rows: list[_Row]
    k: int


def _header_texts(header: list[SCell], k: int) -> list[str] | None:
    """Share the header cells out over ``k`` columns: one cell per column, or one per column in
    each of several header rows; unit captions and group words ("Actual", "Projection") are
    left out first when they do not fit."""
    cells = [c for c in header if c.text]
    heads = [c for c in cells if not is_unit_caption(c.text)]
    tail = [c for c in heads[k:] if c.text[:1].islower()]
    if len(heads) > k and len(tail) == len(heads) - k and not any(c.text[:1].islower() for c in heads[:k]):
        # a heading's second line under the last columns only ("Shareholders'" / "equity ratio")
        cont = {id(c) for c in tail}
        joined = list(heads[:k])
        for i, c in zip(range(k - len(tail), k), tail, strict=True):
            joined[i] = SCell(f"{joined[i].text} {c.text}", joined[i].span, "text")
        cells = [c for c in cells if id(c) not in cont and c not in heads[:k]]
        cells = joined + cells
    units = [c for c in cells if is_unit_caption(c.text)]
    for attempt in (cells, [c for c in cells if not is_unit_caption(c.text)],
                    [c for c in cells if not is_unit_caption(c.text) and not _STATUS_GROUP.match(c.text)]):
        n = len(attempt)
        if not n:
            continue
        for width, corner in ((k, False), (k + 1, True)):
            if n % width == 0 and (not corner or n // width == 1):
                rows = [attempt[i:i + width] for i in range(0, n, width)]
                if corner:
                    rows = [r[1:] for r in rows]
                texts = [" ".join(r[i].text for r in rows) for i in range(k)]
                if attempt is not cells and len(units) == k:  # one unit caption per column: keep it
                    texts = [f"{t} ({u.text.strip('()')})" for t, u in zip(texts, units, strict=True)]
                elif attempt is not cells and 0 < len(trailing := [u for u in units if cells.index(u) >
                                                                   cells.index(attempt[-1])]) < k:
                    # units after the headings, fewer than the columns ("... ratio | ... per share | % | Yen"):
                    # they are the last columns' own units; the caption's unit holds for the others
                    for i, u in zip(range(k - len(trailing), k), trailing, strict=True):
                        texts[i] = f"{texts[i]} ({u.text.strip('()')})"
                return texts
    return None


def _wrapped(texts: list[SCell]) -> list[SCell]:
    """Join a header text broken over lines: a line ending in a preposition or article
    ("Profit attributable to" / "owners of parent") runs on into the next."""
    out: list[SCell] = []
    for c in texts:
        if out and re.search(r"\b(?:to|of|for|from|and|the|per|in|before|attributable)$", out[-1].text, re.I):
            prev = out[-1]
            out[-1] = SCell(f"{prev.text} {c.text}", prev.span, "text", prev.lines + 1)
        else:
            out.append(c)
    return out


def read(cells: list[SCell]) -> Reading | None:
    """The grid a stream of cells stands for, or None when no reading explains it."""
    cells = _merge_markers(cells)
    rows = _runs(cells)
    k = column_count(rows)
    # the header: everything before the first labelled row of values (numbers, or dates after a label
    # that is no period heading: "Record date" / three dates is a row, "52 Weeks Ended" / dates is not)
    first = next((i for i, r in enumerate(rows) if r.label is not None and not is_unit_caption(r.label.text) and (
        any(map(_numeric, r.values)) or (k is not None and len(r.values) == k and not _PERIOD_HEAD.search(r.label.text)
                                         and all(_is_date(v) for v in r.values)))), None)
    if first is None:
        return None
    if k is None:
        k = len(rows[first].values)  # one row only: its values, if the header has as many columns
        if k < 2:
            return None
    header: list[SCell] = []
    for r in rows[:first]:
        if r.label is not None:
            header.append(r.label)
        header += r.values
    body = rows[first:]
    for r in body:  # "Total net sales (1) 90,146 ...": a footnote mark read as a value
        if len(r.values) == k + 1 and re.fullmatch(r"\(\d\)", r.values[0].text):
            r.values = r.values[1:]
    # section captions just above the first row ("REVENUE", "ASSETS") are rows, not header
    while header and header[-1].kind == "text" and _header_texts(header, k) is None and \
            _header_texts(header[:-1], k) is not None and not _PERIOD_HEAD.search(header[-1].text):
        body.insert(0, _Row(header.pop(), []))
    # ... and so are the captions after a header's last date ("September 3, 2023" / "ASSETS" / "CURRENT ASSETS")
    last_value = max((i for i, c in enumerate(header) if c.kind == "value"), default=-1)
    if sum(1 for c in header if c.kind == "value") >= k and 0 <= last_value < len(header) - 1:
        for c in reversed(header[last_value + 1:]):
            body.insert(0, _Row(c, []))
        header = header[:last_value + 1]
    corner = ""
    if header and is_unit_caption(header[0].text) and not _header_texts(header, k):
        corner = header[0].text
    _complete_row_periods(header, body)
    lead = _peel_header_words(header, body, k)
    percents = [c for c in header if c.text.strip("()") in ("%", "％")]
    items = _wrapped([c for c in header if c.kind == "text" and not is_unit_caption(c.text)
                      and not _CHANGE_WORDS.search(c.text) and not _PAREN_CAPTION.fullmatch(c.text)])
    paired = bool(items) and len(percents) == len(items) and k == 2 * len(items)
    texts = None if paired else _header_texts(header, k)
    if texts is None:
        texts = _around_changes(header, body, k)
        if texts is not None:
            corner = lead
    if texts is None and not [c for c in header if c.text and not is_unit_caption(c.text)]:
        # no column headings at all (the title names the period): a column of changes says so itself
        texts = ["(% change)" if all(_change_like(r.values[i]) for r in body if len(r.values) == k) else ""
                 for i in range(k)]
        corner = " ".join(c.text for c in header)
    if texts is None:
        # items across the top, each heading an amount and its percentage change (TSE summaries)
        items = _wrapped([c for c in header if c.kind == "text" and not is_unit_caption(c.text)
                          and not _CHANGE_WORDS.search(c.text)])
        if items and k % len(items) == 0 and k // len(items) == 2:
            texts = []
            for item in items:
                texts += [item.text, f"{item.text} (% change)"]
            corner = " ".join(c.text for c in header if is_unit_caption(c.text))[:80]
        elif len(header) > k and all(c.kind == "value" for c in header[-k:]):
            # the last k header cells are one per column (dates, years); the rest is a caption
            texts = [c.text for c in header[-k:]]
            corner = " ".join(c.text for c in header[:-k])
        else:
            return None
    if not corner and header and len([c for c in header if c.text]) > k and (
            is_unit_caption(header[0].text) or header[0].kind == "text" and not any(header[0].text in t for t in texts)):
        corner = header[0].text  # the caption before the column headings ("Apple Inc. CONDENSED ... (In millions ...)")
    texts = _spread_heads(corner or " ".join(c.text for c in header if c.kind == "text"), texts)
    return Reading(texts, corner, body, k)


def _change_like(c: SCell) -> bool:
    return c.signed or "%" in c.text or "％" in c.text


def _place(values: list[SCell], k: int, change_cols: list[int]) -> list[SCell | None] | None:
    """The column of each value of a row: all of them when the row is full; a shorter row from the
    left when its changes fall in the change columns, or in the columns that are not changes when it
    has no change in it; None when neither fits.

    A row "76,140 70,564 +7.9 624,098" under "2022 | 2021 | Change | 2022 ($) | 2022 forecast |
    Change" fills from the left; "136.82 118.78 1.12" under "2017 | 2018 | Change | 2018 ($)" skips
    the change column."""
    if len(values) == k:
        return list(values)
    if len(values) > k:
        return list(values[:k])  # the extras stay unread (the accounting pass reports them)
    left = list(values) + [None] * (k - len(values))
    if all(v is None or (i in change_cols) == _change_like(v) for i, v in enumerate(left)):
        return left
    if change_cols and len(values) == k - len(change_cols) and not any(map(_change_like, values)):
        it = iter(values)
        return [None if i in change_cols else next(it) for i in range(k)]
    return None


def to_block(reading: Reading, title: str = "") -> Block | None:
    """The table block of a reading: a row per label, values in their columns (a row with fewer
    values than columns keeps its values only when they fill the columns that are not changes)."""
    change_cols = [i for i, t in enumerate(reading.header) if _CHANGE_WORDS.search(t)]
    out_rows: list[Row] = []
    previous: list[SCell | None] | None = None
    for r in reading.rows:
        if r.label is None:
            continue
        values = r.values
        label_cell = Cell(r.label.text, r.label.span)
        if not values:
            out_rows.append(Row(r.label.span.line, [label_cell]))
            continue
        if previous is not None and 0 < len(values) < reading.k and len(values) == previous.count(None) and \
                all(v is None for v in previous[len(previous) - len(values):]):
            # the rest of the year: "Year ended March 31, 2021 | - | 30.00" (paid), then "Year ending March 31,
            # 2021 (estimated) | - | 30.00 | 60.00" fills the columns the results left empty
            slots = [None] * (reading.k - len(values)) + list(values)
        else:
            slots = _place(values, reading.k, change_cols)
        previous = slots if slots is not None and len(values) < reading.k else None
        if slots is None:
            continue  # which columns its values belong to is not known: the accounting pass reports them
        cells = [label_cell] + [Cell(v.text, v.span) if v is not None else Cell("", Span(r.label.span.line, 0, 0))
                                for v in slots]
        out_rows.append(Row(r.label.span.line, cells))
    if len([r for r in out_rows if len(r.cells) > 1]) < 2:
        return None
    currencies: list[str | None] = []
    for i in range(reading.k):
        seen = {r.values[i].currency for r in reading.rows if r.label is not None and len(r.values) == reading.k
                and r.values[i].currency}
        currencies.append(seen.pop() if len(seen) == 1 else None)
    first_line = min(r.line for r in out_rows)
    last_line = max(r.line for r in out_rows)
    return Block("table", first_line, last_line, rows=out_rows, headers=(reading.corner, *reading.header),
                 title=title, currencies=(None, *currencies))


# ---------------------------------------------------------------- finding streams in a document


def _pipe_start(lines: list[str]) -> int | None:
    """Where a stream of one cell per line behind a pipe starts in a block (lines before it are its
    title), or None: from the first such line on, at least half the lines start with a pipe and
    hold no other, and there are six or more."""
    first = next((i for i, ln in enumerate(lines) if _piped(ln)), None)
    if first is None:
        return None
    rest = [ln for ln in lines[first:] if ln.strip()]
    piped = sum(1 for ln in rest if _piped(ln))
    return first if piped >= 6 and piped * 2 >= len(rest) else None


def _piped(line: str) -> bool:
    text = line.lstrip()
    return text.startswith("|") and "|" not in text[1:]


_SENTENCE = re.compile(r"(?<!\bLtd)(?<!\bInc)(?<!\bCorp)(?<!\bCo)(?<![a-z])[a-z]{2,}[.;]\s*$|\b(?:is|are|was|were|has|have|will|would)\b.*\b\w+\b.*[.]\s*$")


def _short(line: str) -> bool:
    text = line.strip()
    return bool(text) and len(text) <= 90 and not _SENTENCE.search(text)


def find(doc: Document, blocks: list[Block]) -> list[Block]:
    """Every table written as a stream of cells."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind == "table":
            i += 1
            continue
        lines = [doc.line(n) for n in range(block.first_line, block.last_line + 1)]
        start = _pipe_start(lines)
        if start is not None:
            lead = [heading_text(ln) for ln in lines[:start] if ln.strip()]
            title = " ".join(lead[-3:]) if lead else _title_above(doc, blocks, i)
            reading = read(pipe_cells(doc, block.first_line + start, block.last_line))
            if reading and (table := to_block(reading, title)):
                out.append(table)
            i += 1
            continue
        # a run of short lines (one cell per line, often with blank lines between them), over block
        # boundaries: a long line (a sentence, a long heading) ends a run and titles the next
        j = i
        while j < len(blocks) and blocks[j].kind != "table" and (
                j == i or _pipe_start([doc.line(n) for n in range(blocks[j].first_line, blocks[j].last_line + 1)]) is None):
            j += 1
        title = _title_above(doc, blocks, i)
        run: list[int] = []
        for n in [n for b in blocks[i:j] for n in range(b.first_line, b.last_line + 1)] + [0]:
            if n and _short(doc.line(n)):
                run.append(n)
                continue
            if len(run) >= 6:
                out += _segments(doc, run[0], run[-1], title)
            run = []
            if n and (table := _long_line(doc, n, title)) is not None:
                out.append(table)  # a whole table run together on one line ("... Products $ 70,958 $ 65,083 ...")
            elif n and doc.line(n).strip() and not doc.line(n).rstrip().endswith("."):
                title = heading_text(doc.line(n))[:160]  # a heading or caption (a sentence titles nothing)
        i = max(j, i + 1)
    return out


def _long_line(doc: Document, number: int, title: str) -> Block | None:
    line = doc.line(number)
    if len(line) < 160 or len(_VALUE.findall(line)) < 12:
        return None
    reading = read(_sections_split(split_line(line, number)))
    if reading is None:
        return None
    if (m := _STATEMENT_TITLE.search(reading.corner)) is not None:
        title = reading.corner  # "Apple Inc. CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS (In millions ...)"
    return to_block(reading, title)


def _segments(doc: Document, first: int, last: int, title: str) -> list[Block]:
    """A run of short lines can hold several tables one after another (a statement of income,
    then a balance sheet): each starts at a line that holds no value and follows a value line
    whose table it cannot continue.  Read the run whole first; if it has no single reading, cut it
    at its titles and read each part."""
    parts = _cut_at_titles(doc, first, last)
    tables = []
    for a, b, part_title in parts:
        r = read(line_cells(doc, a, b))
        if r and (t := to_block(r, part_title or title)):
            tables.append(t)
    return tables


_STATEMENT_TITLE = re.compile(r"\b(?:statements?|statement\s+of|balance\s+sheets?|financial\s+position|cash\s+flows?|"
                              r"dividends?\s+per\s+share|results\s+of\s+operations|comprehensive\s+income|"
                              r"operating\s+results|financial\s+highlights)\b", re.I)


_SECTION_TITLE = re.compile(r"\b(?:highlights|targets?|results|forecasts?|summary|outlook|overview|guidance)\b", re.I)
_PERIOD_WORD = re.compile(r"\b(?:FY\s?\d{2,4}|[12]H\s?\d{2,4}|[1-4]Q\s?\d{2,4}|fiscal|year|quarter|months)\b", re.I)
_NUMBERED = re.compile(r"^\s*(?:\(\d{1,2}\)|（\d{1,2}）|\d{1,2}\.|[①-⑳]|[１-９][．.])\s*\S|^\s*(?:Note|Reference|\(Note\)|"
                       r"\(Reference\))\s*[:：]", re.I)


def _cut_at_titles(doc: Document, first: int, last: int) -> list[tuple[int, int, str]]:
    """Parts of a run of short lines, cut at statement titles, numbered headings ("(2) Consolidated
    financial position") and notes ("Note: Comprehensive income")."""
    parts: list[tuple[int, int, str]] = []
    start, title, top = first, "", ""
    after_value = values_here = False  # the last line that held anything held a value
    for n in range(first, last + 1):
        text = doc.line(n).strip()
        numbered = _NUMBERED.match(text)
        body = text[numbered.end() - 1:] if numbered else text  # the heading's own number is no value
        titled = bool(_STATEMENT_TITLE.search(text) or numbered or (
            _SECTION_TITLE.search(text) and _PERIOD_WORD.search(text) and after_value))
        if text:
            cells_here = split_line(body, n)
            values_here = any(c.kind == "value" and not _is_date_cell(c) for c in cells_here)
        if text and titled and not values_here:
            if n > start:
                parts.append((start, n - 1, title))
            # a sub-heading keeps the heading above it ("1. Results for the year ended ... (From April 1,
            # 2020 to March 31, 2021)" / "(1) Consolidated results of operations")
            if re.match(r"^\s*(?:\d{1,2}\.\s|[①-⑳]|[１-９][．.])", text):
                top = heading_text(text)
            sub = re.match(r"^\s*(?:\(\d|（)", text)
            start, title = n + 1, (f"{top} / " if sub and top else "") + heading_text(text)
            after_value = False
        if text and values_here:
            after_value = True  # a value since the last cut: a title now starts another table
    parts.append((start, last, title))
    return [p for p in parts if p[0] <= p[1]]


def _title_above(doc: Document, blocks: list[Block], index: int) -> str:
    for block in reversed(blocks[max(0, index - 3):index]):
        text = heading_text(doc.line(block.last_line))
        if text and len(text) <= 120:
            return text
    return ""
