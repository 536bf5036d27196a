"""Find the numbers in tables and say what each one measures.

A table is read the way an analyst reads it.  The header rows give each column a
period, a currency and a scale (and, in dividend tables, a dividend type); the rows
give each number a label, inside the section headers above it.  Tables in the
"TSE" form turn this around: line items across the top, one period per row.  Every
numeric cell ends up either as an Observation or as a Skip saying why not.

Tab-separated tables come from the layout stage; tables that lost their
separators are rebuilt by ``untabbed`` and then read here the same way.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass, replace
from decimal import Decimal

from . import money, numbers, sentences, streams, untabbed
from .layout import heading_text
from .model import (
    JPY_PER_SHARE,
    PURE,
    SHARES,
    Block,
    Cell,
    Document,
    Extraction,
    Message,
    Observation,
    Period,
    Row,
    Skip,
    Span,
    Status,
    Unit,
)
from .periods import CUMULATIVE, FiscalCalendar, find_dates, parse_period, status_of

# Statement kinds, recognised from the titles above a table.  The earliest match in
# a title wins ("Statements of Income and ... Comprehensive Income" is income).
STATEMENT_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("cashflow", re.compile(r"\bcash\s+flows?\b", re.I)),
    ("comprehensive", re.compile(r"\bcomprehensive\s+income\b", re.I)),
    ("balance", re.compile(r"\bbalance\s+sheets?\b|\bfinancial\s+(?:position|condition)\b", re.I)),
    ("income", re.compile(r"\bstatements?\s+of\s+(?:income|operations|earnings)\b|\bincome\s+statements?\b"
                          r"|\bresults\s+of\s+operations\b", re.I)),
    ("segment", re.compile(r"\bsegments?\b", re.I)),
    ("split", re.compile(r"\bstock\s+split\b", re.I)),
    ("dividend", re.compile(r"\bdividends?\b", re.I)),
    ("operating", re.compile(r"\b(?:contracts?|subscriptions?|subscribers?)\b", re.I)),
    ("nongaap", re.compile(r"\bnon-gaap\b|\bEBITDA\b|\bCAPEX\b", re.I)),
]
FINANCIAL_STATEMENTS = ("income", "comprehensive", "balance", "cashflow")
# Where a dash conventionally means "nil": the statements and segment tables.  In
# notices and dividend tables a dash means "not stated" and yields no fact.
DASH_IS_ZERO = FINANCIAL_STATEMENTS + ("segment",)

_UNIT_HEADER = re.compile(
    r"^\(?(?:(?P<scale1>thousands?|millions?|billions?)\s+of\s+)?"
    rf"(?P<unit>{money.PREFIX}|yen|euros?|U\.?\s?S\.?\s*dollars?|dollars|pounds|%|％|shares?)"
    r"(?:\s+(?P<scale2>thousands?|millions?|billions?))?(?P<pct>\s+%)?\)?$",
    re.I,
)
_CHANGE = re.compile(r"\b(?:yoy|change|growth|increase\s*\(decrease\))\b", re.I)
_FOOTNOTE = re.compile(r"(?<!\s)(?:\s*+(?:\\?\*\s*+\d+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|<sup>.*?</sup>)|(?<=[a-z]{3})[1-9])+\s*+$")
_INNER_FOOTNOTE = re.compile(r"(?<=[a-z]{3})[1-9](?=\s+\()")  # "Annual Cash Dividend4 (per share of common stock)"
_MARKUP = re.compile(r"</?(?:u|b|i|strong|em|sup)>|\*\*")
_SHARES_HINT = re.compile(r"\s*\((?:shares|ADSs?)\)", re.I)
_CURRENCY_HINT = re.compile(r"\s*\(((?:\s*(?:JPY|yen|U\.S\. Dollars|USD|US\$)\s*/?)+)\)", re.I)
_PER_SHARE = re.compile(r"\bper\s+(?:common\s+|diluted\s+|basic\s+)?(?:share|ADS)", re.I)
_SHARE_COUNT = re.compile(r"\b(?:shares\s+used|number\s+of\s+(?:common\s+)?shares|shares\s+outstanding|"
                          r"weighted[- ]average\s+(?:number\s+of\s+)?(?:common\s+)?shares|shares\s+issued)\b", re.I)
_IN_THOUSANDS = re.compile(r"\(000'?s\)|\bin\s+thousands\b", re.I)
_DIVIDEND_TYPE = re.compile(r"\b(interim|year[- ]?end|end\s+of\s+(?:the\s+)?(?:fiscal\s+)?year|full[- ]?year|annual|"
                            r"[1-4]Q[- ]?end|(?:end\s+of\s+(?:the\s+)?)?(?:1st|2nd|3rd|first|second|third)\s+quarter(?:[- ]end)?|"
                            r"total)\b", re.I)
_ORDINAL_QUARTER = {"1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3}
_QUARTER_END = re.compile(r"\b(?:[1-4]Q[- ]?end|interim|year[- ]?end)\b", re.I)


@dataclass(frozen=True, slots=True)
class UnitHeader:
    currency: str | None  # "JPY", "USD"; None for % or shares, or for the reporting currency
    scale: int
    kind: str  # "currency" | "percent" | "shares"
    with_change: bool = False  # "JPY millions %": each cell holds an amount and a % change
    per_share_unscaled: bool = True  # per-share amounts are never in millions
    shares_scale: int | None = None  # "number of shares ... in thousands"


def parse_unit_header(text: str) -> UnitHeader | None:
    m = _UNIT_HEADER.match(text.strip())
    if not m:
        return None
    scale = numbers.SCALE_WORDS.get((m["scale1"] or m["scale2"] or "").lower(), 0)
    unit = m["unit"]
    if unit in ("%", "％"):
        return UnitHeader(None, 0, "percent")
    if unit.lower().startswith("share"):
        return UnitHeader(None, scale, "shares", bool(m["pct"]))
    return UnitHeader(numbers.currency_code(unit), scale, "currency", bool(m["pct"]))


_UNIT_PHRASE = re.compile(
    r"\((?:in\s+|unit\s*:\s*|amounts?\s+in\s+)?(?P<u>(?:thousands?|millions?|billions?)\s+of\s+(?:JPY|yen|U\.?S\.?\s*dollars?)"
    r"|(?:JPY|yen|USD)\s+(?:thousands?|millions?|billions?)|(?P<n>thousands?|millions?|billions?)\s+(?P<c>yen|JPY))\)", re.I)


def unit_phrase(text: str) -> UnitHeader | None:
    """A unit stated once for a whole table: "(JPY millions)", "(Millions of yen)", "(Unit: million yen)",
    "(In millions, except per share amounts)" (the currency is then the reporting currency)."""
    m = _UNIT_PHRASE.search(text)
    if m:
        return parse_unit_header(f"{m['c']} {m['n']}" if m["n"] else m["u"])
    caption = money.unit_caption(text) if len(text) <= 160 else None
    if caption is None and len(text) > 160:  # a long caption: its parenthesis "(In millions, except ...)"
        caption = next((c for m in re.finditer(r"\([^()]{6,160}\)", text) if (c := money.unit_caption(m.group(0)))),
                       None)
    if caption is None:
        return None
    return UnitHeader(caption.currency, caption.scale, "currency", per_share_unscaled=caption.per_share_unscaled,
                      shares_scale=caption.shares_scale)


_TRAILING_UNIT = re.compile(
    r"(?<!\s)\s*+\(?(?P<unit>(?:(?:thousands?|millions?|billions?)\s+of\s+)?"
    rf"(?:{money.PREFIX}|yen|U\.?\s?S\.?\s*dollars?)(?:\s+(?:thousands?|millions?|billions?))?|%|％)\)?\s*+$", re.I)


def split_unit(text: str) -> tuple[str, UnitHeader | None]:
    """A column heading and the unit written at its end: "Revenues JPY millions" -> ("Revenues", JPY 10^6)."""
    m = _TRAILING_UNIT.search(text)
    if not m or m.start() == 0:
        return text, None
    unit = parse_unit_header(m["unit"])
    return (text[:m.start()].strip(), unit) if unit else (text, None)


def dividend_type(text: str) -> str:
    """"interim", "year-end", "annual", "1Q-end" or "3Q-end" named in a header, else ""."""
    m = _DIVIDEND_TYPE.search(text)
    if not m:
        return ""
    word = " ".join(m.group(1).lower().split())
    if q := re.search(r"(1st|2nd|3rd|first|second|third)\s+quarter", word):  # "2nd Quarter", "End of 2nd quarter"
        word = f"{_ORDINAL_QUARTER[q[1]]}q-end"
    word = word.replace(" ", "-")
    if word in ("interim", "2q-end", "2qend"):
        return "interim"
    if word.startswith(("year", "end-of")):
        return "year-end"
    if word in ("annual", "total") or word.startswith("full"):
        return "annual"
    return word[:2].upper() + "-end"


def dividend_period(qualifier: str, fiscal_year: int, cal: FiscalCalendar) -> Period | None:
    """Interim: the first half; 1Q-end: the first quarter; 3Q-end: nine months; else the year."""
    months = {"interim": 6, "1Q-end": 3, "3Q-end": 9}.get(qualifier)
    return cal.year_to_date(fiscal_year, months) if months else cal.year(fiscal_year)


@dataclass(slots=True)
class Column:
    index: int
    header: str = ""  # every header text of the column
    label: str = ""  # the header without unit and dividend-type words (a line item in TSE tables)
    own_header: bool = False  # the column has header text of its own (not only carried over from the left)
    period: Period | None = None
    unit: UnitHeader | None = None
    status: Status = Status.ACTUAL
    change: bool = False  # a year-on-year change column: derived, not reported
    superseded: bool = False  # "Previous Target", "Original forecast": a forecast a revision replaced
    qualifier: str = ""  # dividend type of a dividend column
    borrowed: Column | None = None  # a forecast column that names no period forecasts this column's dividend


_ENUMERATION = re.compile(r"^\s*(?:[-*•]\s+)?(?:\(?\d{1,2}\)|\(?[a-z]\)|\(Note\d*\)|\d{1,2}\.(?=\s))\s*", re.I)


def clean_label(text: str) -> str:
    """The line-item label without markup, enumerations and footnote marks ("1) ...",
    "IP service*1", "Net profit3")."""
    text = _ENUMERATION.sub("", _MARKUP.sub("", text))
    text = _INNER_FOOTNOTE.sub("", _FOOTNOTE.sub("", text))
    return " ".join(text.split())


# ---------------------------------------------------------------- titles


def is_sentence(text: str) -> bool:
    """Running text rather than a caption ("Internet Initiative Japan Inc." is a caption; so is a long
    numbered title: "3. Consolidated Financial Results Forecast for the Fiscal Year Ending ... (from
    April 1, 2024 to March 31, 2025)")."""
    if text.rstrip().endswith(".") and len(text.split()) > 6:
        return True
    return len(text) > (240 if _NUMBERED_TITLE.match(text) else 120)


_NUMBERED_TITLE = re.compile(r"^\s*(?:\d{1,2}\.|\(\d{1,2}\)|[IVX]{1,4}\.|[A-Z]\.)\s+[A-Z]")


def title_lines(doc: Document, block: Block) -> list[str] | None:
    """The lines of a block that can title a table; None when the block is running text."""
    lines = [heading_text(doc.line(n)) for n in range(block.first_line, block.last_line + 1)]
    if block.kind == "heading":
        return lines
    if len(lines) > 4 or any(is_sentence(t) for t in lines):
        return None
    return lines


def kind_of_title(title: str) -> str | None:
    hits = [(m.start(), kind) for kind, pattern in STATEMENT_PATTERNS if (m := pattern.search(title))]
    return min(hits)[1] if hits else None


@dataclass(frozen=True, slots=True)
class TableTitle:
    kind: str  # statement kind, "other" when no title names one
    title: str  # the title that named the kind (or the nearest caption)
    captions: tuple[str, ...]  # every caption line read above the table, nearest first


def table_title(doc: Document, blocks: list[Block], index: int) -> TableTitle:
    """The statement a table belongs to, from the captions above it.

    Only headings and short caption lines count; the search stops at running text,
    so a sentence that mentions "statements of income" does not title a table.
    """
    captions: list[str] = []
    seen = 0
    for block in (blocks[i] for i in range(index - 1, -1, -1)):  # no copy of the blocks before it per table
        if block.kind == "table":
            continue
        lines = title_lines(doc, block)
        if lines is None:
            break
        for title in reversed(lines):
            captions.append(title)
            kind = kind_of_title(title)
            if kind:
                return TableTitle(kind, title, tuple(captions))
        seen += 1
        if seen >= 4:
            break
    return TableTitle("other", captions[0] if captions else "", tuple(captions))


def statement_kind(doc: Document, blocks: list[Block], index: int) -> tuple[str, str]:
    title = table_title(doc, blocks, index)
    return title.kind, title.title


# ---------------------------------------------------------------- cells


@dataclass(slots=True)
class _Cell:
    index: int
    text: str  # stripped
    span: Span  # of the stripped text
    number: numbers.Number | None = None
    extra: numbers.Number | None = None  # second number of a compound cell ("176,000 11.5")
    extra_start: int = 0
    dash: bool = False
    date: object = None  # a periods.DateMatch when the cell is a date
    forecast: bool = False  # a note in the cell says the value is a forecast ("(forecast)", "(Scheduled)")
    note: str = ""  # the note after the value ("($1,128.4 million, up 9.2% YoY)")
    note_start: int = 0  # where the note starts in the line


def _cell(index: int, raw_text: str, raw_span: Span) -> _Cell:
    lead = len(raw_text) - len(raw_text.lstrip())
    text = raw_text.strip()
    cell = _Cell(index, text, Span(raw_span.line, raw_span.start + lead, raw_span.start + lead + len(text)))
    if not text:
        return cell
    cell.number = numbers.parse_cell(text)
    if cell.number is not None:
        return cell
    cell.dash = numbers.is_dash(text)
    if cell.dash:
        return cell
    core, note = numbers.split_note(text)
    if note:  # "JPY1,250 (paid)", "67.63 (*)", "JPY19.50 (forecast)": the value, and what the note says of it
        inner = _cell(index, core, Span(cell.span.line, cell.span.start, cell.span.start + len(core)))
        if inner.number is not None or inner.dash or inner.date is not None:
            inner.forecast = numbers.note_is_forecast(note)
            inner.note = note
            inner.note_start = cell.span.start + text.rindex(note)
            return inner
    parts = text.split()
    if len(parts) == 2 and all(numbers.parse_cell(p) for p in parts):
        cell.number = numbers.parse_cell(parts[0])
        cell.extra_start = text.rindex(parts[1])
        cell.extra = numbers.parse_cell(parts[1])
        return cell
    dates = find_dates(text)
    if len(dates) == 1 and dates[0].date and len(dates[0].text) >= len(text) - 12:
        cell.date = dates[0]
    return cell


_GLUED = re.compile(r"^\d{1,3}(?:,\d{3,6})+$")


def split_glued(text: str) -> list[tuple[int, int]] | None:
    """Numbers written together without a separator, told apart by their thousands
    groups: "12,34513,579" is 12,345 and 13,579.  Spans of the parts, or None."""
    if not _GLUED.match(text) or all(len(g) == 3 for g in text.split(",")[1:]):
        return None
    spans, start, pos = [], 0, 0
    groups = text.split(",")
    pos = len(groups[0])
    for group in groups[1:]:
        pos += 1
        if len(group) == 3:
            pos += 3
            continue
        if len(group) < 3:
            return None
        spans.append((start, pos + 3))
        start = pos + 3
        pos += len(group)
    spans.append((start, pos))
    parts = [text[a:b] for a, b in spans]
    if not all(numbers.parse_cell(p) for p in parts):
        return None
    return spans


def _value_cells(row: Row) -> tuple[tuple[_Cell, ...], tuple[_Cell, ...]]:
    """Cells holding a number, a dash or a date; and the other non-empty cells.  Numbers
    glued together in one cell go to that cell's column and the empty ones after it.
    (Read once per row: the stages ask again and again.)"""
    return _read_cells(tuple((c.text, c.span) for c in row.cells))


@functools.lru_cache(maxsize=4096)
def _read_cells(row_cells: tuple[tuple[str, Span], ...]) -> tuple[tuple[_Cell, ...], tuple[_Cell, ...]]:
    good: list[_Cell] = []
    other: list[_Cell] = []
    cells = [Cell(text, span) for text, span in row_cells]
    for i in range(1, len(cells)):
        c = cells[i]
        cell = _cell(i, c.text, c.span)
        if not cell.text:
            continue
        glued = split_glued(cell.text) if cell.number is None and not cell.dash and not cell.date else None
        if glued and all(not (cells[j].text.strip() if j < len(cells) else "") for j in range(i + 1, i + len(glued))):
            for j, (a, b) in enumerate(glued):
                good.append(_cell(i + j, cell.text[a:b], Span(cell.span.line, cell.span.start + a, cell.span.start + b)))
            continue
        (good if (cell.number or cell.dash or cell.date) else other).append(cell)
    return tuple(good), tuple(other)


def _number_span(cell: _Cell, number: numbers.Number | None = None, offset: int = 0) -> Span:
    number = number or cell.number
    assert number is not None
    start = cell.span.start + offset
    return Span(cell.span.line, start + number.start, start + number.end)


# ---------------------------------------------------------------- columns


def _spanned(row: Row, width: int) -> tuple[list[str], list[bool]]:
    """Header cells with each text carried right over the empty cells after it, and
    which cells had text of their own.  A cell naming several dividend types
    ("2Q-end 3Q-end") followed by empty cells is shared out over them."""
    raw = [row.cells[i].text.strip() if i < len(row.cells) else "" for i in range(width)]
    for i in range(1, width):
        types = _QUARTER_END.findall(raw[i])
        if len(types) > 1 and i + len(types) <= width and all(not raw[j] for j in range(i + 1, i + len(types))):
            parts = re.split(r"\s+(?=" + "|".join(map(re.escape, types[1:])) + r")", raw[i])
            for j, part in enumerate(parts):
                if i + j < width:
                    raw[i + j] = part
    out, own, last = [""], [False], ""
    for i in range(1, width):
        if raw[i]:
            last = raw[i]
        out.append(last)
        own.append(bool(raw[i]))
    return out, own


def _is_units_row(row: Row) -> bool:
    """"Six months ended | Millions of yen | % | Millions of yen | %": units over the value columns."""
    texts = [c.text.strip() for c in row.cells[1:] if c.text.strip()]
    return bool(texts) and all(parse_unit_header(t) for t in texts)


def _is_header_row(row: Row) -> bool:
    """No numbers in the value cells, but some text; a labelled row (a corner caption)
    must not hold dates either, or it is a data row of dates ("Record date ...")."""
    good, other = _value_cells(row)
    if not row.label and good and all(_BARE_YEAR.match(c.text.strip()) for c in good):
        return True  # "2024   2023": the years under "Three Months Ended / September 28," are header text
    if any(c.number for c in good):
        return False
    if row.label:
        if unit_phrase(row.label) or parse_unit_header(row.label):  # "| (JPY millions) | Year ended ... |"
            return bool(good or other)
        return bool(other) and not any(c.date and not _PERIOD_WORDS.search(c.text) for c in good)
    return bool(good or other)


_PERIOD_WORDS = re.compile(r"\b(?:ended|ending|as\s+of|months|year|quarter|period)\b", re.I)


def column_model(header_rows: list[Row], width: int, cal: FiscalCalendar, kind: str,
                 header_texts: tuple[str, ...] = ()) -> list[Column]:
    columns = [Column(i) for i in range(width)]
    texts: list[list[str]] = [[] for _ in range(width)]
    for i, text in enumerate(header_texts[:width]):
        if text:
            item, unit = split_unit(text) if i else (text, None)
            if unit is not None:
                columns[i].unit = unit
            texts[i].append(item)
            columns[i].own_header = True
    for row in header_rows:
        cells, own = _spanned(row, width)
        units = [parse_unit_header(t) if t and i else None for i, t in enumerate(cells)]
        if any(units) and all(u is not None for t, u in zip(cells[1:], units[1:], strict=True) if t):
            # a row of units ("Millions of yen | % | Millions of yen | %"); its corner ("Six months ended")
            # is header text of the label column
            for col, unit in zip(columns, units, strict=True):
                col.unit = unit or col.unit
            if cells[0]:
                texts[0].append(cells[0])
            continue
        for i, text in enumerate(cells):
            if text:
                texts[i].append(text)
                columns[i].own_header |= own[i]
    for col in columns[1:]:
        col.header = " ".join(texts[col.index])
        if kind == "dividend":
            # the lowest header row that names a type is the most specific: "2nd quarter-end" under the
            # caption "Annual dividends per share" spanning every column
            col.qualifier = next((q for t in reversed(texts[col.index]) if (q := dividend_type(t))), "")
            col.label = " ".join(t for t in texts[col.index] if not dividend_type(t) or len(t.split()) > 3).strip()
        else:
            col.label = col.header
        col.change = bool(_CHANGE.search(col.header)) or (
            col.unit is not None and col.unit.kind == "percent" and not col.own_header)
        col.status = status_of(col.header)
        col.superseded = col.status is Status.FORECAST and bool(_SUPERSEDED.search(col.header))
        # the day a forecast was announced is no period of the column ("(Announced February 9, 2024)")
        col.period = parse_period(_ANNOUNCED_ON.sub(" ", col.header), cal, bare_date_is_instant=(kind == "balance"))
    if kind == "dividend":
        _dividend_periods(columns, cal)
    return columns


def _dividend_periods(columns: list[Column], cal: FiscalCalendar) -> None:
    """A dividend's period follows its type (see dividend_period).  A forecast column
    that names no period ("Latest forecast (disclosed on ...)") forecasts the
    dividend of the column to its left."""
    previous: Column | None = None
    for col in columns[1:]:
        if col.period is None and col.status is Status.FORECAST and previous is not None:
            col.period, col.qualifier = previous.period, col.qualifier or previous.qualifier
            col.borrowed = previous
        elif col.period is not None and col.qualifier:
            col.period = dividend_period(col.qualifier, cal.fiscal_year_of(col.period.end), cal)
        if col.period is not None:
            previous = col


_RECORD_DATE = re.compile(r"\brecord\s+date\b", re.I)


def _record_date_periods(columns: list[Column], rows: list[Row], cal: FiscalCalendar) -> None:
    """A dividend's record date says which dividend it is, where the header does not: the
    record date ends the period the dividend is paid for.  "Interim dividend of the previous
    fiscal year" with "Record date ... June 30, 2023" (a December year) is the first half of
    2023; "Decided / FY ending December 31, 2024" with "June 30, 2024" is that year's interim
    dividend, not the annual one.  A date that ends no quarter, half or year of the calendar,
    or a header that names another type ("Annual"), leaves the column as it is."""
    record = next((r for r in rows if _RECORD_DATE.search(r.label)), None)
    if record is None:
        return
    for col in columns[1:]:
        if col.borrowed is not None:
            # the forecast of the dividend on its left: whatever its own record date says (a copy-edit slip
            # there is common), it follows that column, once that column is read
            continue
        if col.index >= len(record.cells):
            continue
        dates = find_dates(record.cells[col.index].text)
        day = dates[0].date if len(dates) == 1 else None
        if day is None:
            continue
        fiscal_year = cal.fiscal_year_of(day)
        for qualifier in ("1Q-end", "interim", "3Q-end", "year-end"):
            period = dividend_period(qualifier, fiscal_year, cal)
            if period is not None and period.end == day and col.qualifier in ("", qualifier):
                # the record date wins over a period carried into the column from a header on its left
                col.period, col.qualifier = period, qualifier
                break
    for col in columns[1:]:
        if col.borrowed is not None and col.borrowed.period is not None:
            col.period, col.qualifier = col.borrowed.period, col.borrowed.qualifier


def _column_places(rows: list[Row]) -> dict[int, int]:
    """The usual number of decimal places in each column (to spot stray numbers)."""
    counts: dict[int, Counter] = {}
    for row in rows:
        for cell in _value_cells(row)[0]:
            if cell.number:
                counts.setdefault(cell.index, Counter())[cell.number.places] += 1
    return {i: c.most_common(1)[0][0] for i, c in counts.items()}


# ---------------------------------------------------------------- rows


_LINE_WITHOUT_AMOUNT = re.compile(r"^commitments\s+and\s+contingenc", re.I)  # a balance-sheet line, not a part


def _section_level(label: str) -> int | None:
    """0 for a part caption ("ASSETS"), 1 for an upper-case section ("REVENUES:"),
    2 for a mixed-case one ("Network services:"); None when not a section header."""
    letters = [c for c in label if c.isalpha()]
    if not letters or _LINE_WITHOUT_AMOUNT.match(label):
        return None
    upper = all(c.isupper() for c in letters)
    if label.endswith(":"):
        return 1 if upper else 2
    return 0 if upper else None


def _is_total(label: str) -> bool:
    return label.lower().startswith(("total", "consolidated total"))


@dataclass
class _Table:
    """What every cell of one table shares."""

    block: Block
    kind: str
    title: TableTitle
    cal: FiscalCalendar
    convenience_note: bool
    columns: list[Column]
    reporting: str | None
    status: Status  # the table's own status ("3. Target of ..." makes every number a forecast)
    result: Extraction
    caption_period: Period | None = None  # the period the table's title names ("1H FY2008 targets (April 1, ...)")
    corner: str = ""  # the top-left cell of its header rows ("Dividend per share")


def extract(doc: Document, blocks: list[Block], cal: FiscalCalendar, convenience_note: bool,
            default_period: Period | None = None, currency: str | None = None, doctype: str = "") -> Extraction:
    """Every table of the document; ``default_period`` dates tables that name no period
    (a stock-split notice's lists are about the day of the split); ``currency`` is the reporting
    currency, for tables whose caption gives only a scale ("(In millions, except per share amounts)")."""
    result = Extraction()
    _read_cells.cache_clear()  # rows of this document only: the cache saves re-reading, not work across files
    for index, block in enumerate(blocks):
        if block.kind == "table":
            _extract_table(block, table_title(doc, blocks, index), cal, convenience_note, result, default_period,
                           currency, doctype)
    rebuilt = untabbed.rebuild(doc, blocks) + untabbed.label_lists(doc, blocks) + untabbed.cells_per_line(doc, blocks)
    taken = {n for b in rebuilt for r in b.rows for n in {c.span.line for c in r.cells}}
    # tables written as a stream of cells, where no rebuilder above found one
    rebuilt += [b for b in streams.find(doc, blocks)
                if not any(c.span.line in taken for r in b.rows for c in r.cells[1:])]
    for block in rebuilt:
        title = TableTitle(kind_of_title(block.title) or "other", block.title, (block.title,))
        _extract_table(block, title, cal, convenience_note, result, default_period, currency, doctype)
    return result


def _skip_all(block: Block, reason: str, result: Extraction) -> None:
    for row in block.rows:
        good, other = _value_cells(row)
        for cell in good + other:
            if cell.number or (not cell.dash and not cell.date and numbers.has_digit(cell.text)):
                result.skipped.append(Skip(cell.span, cell.text, reason, clean_label(row.label)))


_NOTICE_KINDS = {"StockSplitNotice": "split", "DividendNotice": "dividend"}


def _extract_table(block: Block, title: TableTitle, cal: FiscalCalendar, convenience_note: bool,
                   result: Extraction, default_period: Period | None = None, currency: str | None = None,
                   doctype: str = "") -> None:
    rows = block.rows
    start = 0
    # A first row with nothing but a label is a title inside the table (often OCR-damaged).
    if not block.headers and len(rows) > 1 and rows[0].label and not any(c.text.strip() for c in rows[0].cells[1:]):
        start = 1
    header_end = start
    while header_end < len(rows) and _is_header_row(rows[header_end]) and (
            not rows[header_end].label or header_end == start or _is_units_row(rows[header_end])):
        header_end += 1
    header_rows, data_rows = rows[start:header_end], rows[header_end:]
    width = max(len(r.cells) for r in rows)
    kind = title.kind
    corner = block.headers[0] if block.headers else (rows[0].label if rows else "")
    if kind == "other" and (corner_kind := kind_of_title(corner or "")) in ("dividend", "split"):
        kind = corner_kind  # "Dividend per share | Interim | Year-end | Full-Year": the corner says what the table is
        title = TableTitle(kind, title.title, title.captions)
    if kind == "other" and doctype in _NOTICE_KINDS:
        # a table of a split or dividend notice is about the split or the dividend, whatever its own title
        kind = _NOTICE_KINDS[doctype]
        title = TableTitle(kind, title.title, title.captions)
    if _is_text_table(data_rows):
        _text_table(header_rows, data_rows, width, cal, convenience_note, default_period, result)
        return
    columns = column_model(header_rows, width, cal, kind, block.headers)
    data_rows = [_placed(row, columns, result) for row in data_rows]
    if kind == "dividend":
        _record_date_periods(columns, data_rows, cal)
    _bare_years(columns, " ".join((block.headers[0] if block.headers else "", title.title, *title.captions[:2])), cal)
    if any(CUMULATIVE.search(t) for t in (title.title, *title.captions[:2]) if t):
        # "Consolidated results (cumulative)": a "3Q13" column is the nine months to December
        for col in columns[1:]:
            if col.period and col.period.start and col.period.months == 3:
                col.period = parse_period(f"{col.header} cumulative", cal) or col.period
    # a caption saying "forecast" makes the whole table a forecast, unless the columns say
    # which of them are ("FY2017 Year-end Dividend (revised forecast)" beside "FY2016 Year-end Dividend")
    columns_tell = any(c.status is Status.FORECAST for c in columns[1:])
    table_status = Status.FORECAST if not columns_tell and any(
        status_of(c) is Status.FORECAST for c in title.captions[:3]) \
        else Status.ACTUAL
    caption_unit = next((u for t in (*(r.label for r in header_rows), *block.headers[:1], block.title,
                                      *title.captions[:3]) if t and (u := unit_phrase(t))), None)
    if caption_unit:
        for col in columns[1:]:
            if col.unit is None:
                col.unit = caption_unit
    for col, marked in zip(columns, block.currencies, strict=False):
        if marked:  # "|$" / "|7,207,787": the column's currency, whatever the caption says
            col.unit = replace(col.unit, currency=marked) if col.unit else UnitHeader(marked, 0, "currency")
    reporting = _reporting_currency(columns) or _hinted_currency(data_rows) or currency
    table = _Table(block, kind, title, cal, convenience_note, columns, reporting, table_status, result)
    table.caption_period = next((p for c in title.captions[:3] if (p := parse_period(c, cal))), None)
    table.corner = " ".join(r.label for r in header_rows if r.label)
    if not any(c.period for c in columns[1:]) and (any(_row_dated(table, r) for r in data_rows) or
                                                    _scenario_rows(data_rows)):
        # line items across the top, a period or a scenario per row ("Previous Target (A)", "Results for 1H FY2007")
        _periods_in_rows(table, data_rows)
        return
    if not any(c.period for c in columns[1:]) and not any(_row_dated(table, r) for r in data_rows):
        # "Highlights of 1H FY2013 Financial Results": the title names the period of every column
        for caption in title.captions[:3]:
            period = parse_period(caption, cal)
            if period:
                break
        else:
            period = default_period
        if period:
            for col in columns[1:]:
                col.period = period
    if any(c.period for c in columns[1:]):
        _periods_in_columns(table, data_rows)
    elif any(_row_period(table, r) for r in data_rows):
        _periods_in_rows(table, data_rows)
    else:
        _skip_all(block, f"no period in the column or row headers of {title.title or 'this table'}", result)


def _placed(row: Row, columns: list[Column], result: Extraction) -> Row:
    """A row written without the table's alignment puts its values in the columns of actual
    figures, in order, when there are exactly as many: "Amount of dividend JPY2,077 million
    JPY925 million" under "Resolved | Previous Forecast | Previous year" fills the first and
    the last column (a forecast has no amount paid).  Otherwise its values are skipped."""
    if row.placed:
        return row
    values = [c for c in row.cells[1:] if c.text.strip()]
    actual = [col.index for col in columns[1:] if col.status is not Status.FORECAST]
    if len(actual) != len(values):
        for cell in values:
            result.skipped.append(Skip(cell.span, cell.text, "a row written without the table's alignment, with "
                                       "fewer values than columns: which column each belongs to is unclear",
                                       clean_label(row.label)))
        return Row(row.line, row.cells[:1])
    cells = [row.cells[0]] + [Cell("", Span(row.line, 0, 0)) for _ in columns[1:]]
    for index, cell in zip(actual, values, strict=True):
        cells[index] = cell
    return Row(row.line, cells)


def _is_text_table(rows: list[Row]) -> bool:
    """Prose set in columns: no cell is a number, but some hold numbers in their words."""
    cells = [c.text for r in rows for c in r.cells if c.text.strip()]
    return bool(cells) and not any(_value_cells(r)[0] for r in rows) and \
        sum(len(t.split()) > 3 for t in cells) * 2 >= len(cells) and any(numbers.has_digit(t) for t in cells)


_BEFORE = re.compile(r"\b(?:current|before|previous|old|prior)\b", re.I)
_AFTER = re.compile(r"\b(?:after|new|revised|amended|proposed)\b", re.I)


def _text_table(header_rows: list[Row], data_rows: list[Row], width: int, cal: FiscalCalendar,
                convenience_note: bool, default_period: Period | None, result: Extraction) -> None:
    """Read each column top to bottom as running text (see sentences.extract_columns); a header
    saying "Current ..." or "After ..." dates its column before or after the change."""
    columns, hints = [], []
    for index in range(width):
        header = " ".join(r.cells[index].text for r in header_rows if index < len(r.cells))
        pieces = []
        for row in data_rows:
            if index < len(row.cells) and row.cells[index].text.strip():
                cell = _cell(index, row.cells[index].text, row.cells[index].span)
                pieces.append((cell.text, cell.span))
        columns.append(pieces)
        hints.append("beginning" if _BEFORE.search(header) else "end" if _AFTER.search(header) else "")
    result.extend(sentences.extract_columns(columns, hints, cal, default_period, convenience_note))


_BARE_YEAR = re.compile(r"^(?:FY\s?)?((?:19|20)\d\d)$", re.I)
_YEAR_ENDED_DAY = re.compile(r"\byears?\s+end(?:ed|ing)\s+(?P<month>[A-Z][a-z]+)\.?\s+(?P<day>\d{1,2})\b(?!,?\s*\d{4})")


def _bare_years(columns: list[Column], caption: str, cal: FiscalCalendar) -> None:
    """Columns headed by a bare year under a caption that says what the years are: "Fiscal year ...
    2023 | 2022" (fiscal years on the issuer's calendar), "Year ended March 31 ... 2017 | 2018"."""
    from .periods import MONTHS, months_ending

    ended = _YEAR_ENDED_DAY.search(caption)
    fiscal = re.search(r"\bfiscal\s+years?\b|\bFY\b", caption, re.I)
    for col in columns[1:]:
        m = _BARE_YEAR.match(col.header.strip())
        if col.period is not None or not m:
            continue
        year = int(m[1])
        if ended and ended["month"].lower() in MONTHS:
            try:
                col.period = months_ending(12, dt.date(year, MONTHS[ended["month"].lower()], int(ended["day"])))
            except ValueError:
                continue
        elif fiscal:
            col.period = cal.year(year)


def _reporting_currency(columns: list[Column]) -> str | None:
    counts = Counter(c.unit.currency for c in columns[1:] if c.unit and c.unit.currency)
    return max(sorted(counts), key=lambda k: counts[k]) if counts else None


def _hinted_currency(rows: list[Row]) -> str | None:
    """The currency most row labels name, for tables without a unit row ("(JPY / U.S. Dollars / JPY)")."""
    counts: Counter = Counter()
    for row in rows:
        hint = _CURRENCY_HINT.search(row.label)
        for part in hint.group(1).split("/") if hint else ():
            if code := numbers.currency_code(part):
                counts[code] += 1
    return max(sorted(counts), key=lambda k: counts[k]) if counts else None


def _periods_in_columns(table: _Table, data_rows: list[Row]) -> None:
    result = table.result
    sections: list[tuple[int, str]] = [(0, {"dividend": "dividend", "split": "stock split"}[table.kind])] \
        if table.kind in ("dividend", "split") else []
    if table.kind == "segment" and table.title.captions:
        # the nearest caption names the measure ("Revenues:", "Segment profit or loss:")
        sections = [(0, table.title.captions[0].rstrip(":").strip())]
    places = _column_places(data_rows)
    pending: str | None = None
    last_item = ""
    for index, row in enumerate(data_rows):
        good, other = _value_cells(row)
        label = clean_label(row.cells[0].text) if row.cells else ""
        # a note in a cell of its own beside a value ("JPY54,397 million | ($553 million, up 6.4% YoY)"):
        # read with the value it restates once that value is observed (below)
        notes = {c.index: c for c in other if c.text.startswith("(") and any(ch.isdigit() for ch in c.text)
                 and any(g.index == c.index - 1 and g.number for g in good) and table.convenience_note}
        other = tuple(c for c in other if c.index not in notes)
        _report_other_cells(row, other, label, result)
        before_row = len(result.observations)
        if label and not good:
            if last_item and label[0] in "\u2014\u2013-" and numbers.has_digit(label):
                # "—authorized, 75,520,000 shares; issued ..., 46,697,800 shares at September 30, 2013":
                # the second line of the row above, stating its figures for another date
                _label_figures(table, row, label, result, item=last_item)
                continue
            if pending and label[0].islower():
                label = f"{pending} {label}"  # a label wrapped onto the next line
            level = _section_level(label)
            pending = label
            if level is not None:
                sections = [s for s in sections if s[0] < level or (level == 0 and s[0] == 0)]
                sections.append((level, label.rstrip(":").strip()))
            continue
        if not label:
            if not pending:
                for cell in good:
                    if cell.number:
                        result.skipped.append(Skip(cell.span, cell.text, "values without a row label", ""))
                continue
            # values on the line after their label: that label was no section header after all
            label = pending
            if sections and sections[-1][1] == label.rstrip(":").strip():
                sections.pop()
        pending = None
        level = _section_level(label)
        if label.endswith(":") and level is not None:
            stray = [c for c in good if c.number and c.number.places != places.get(c.index, c.number.places)]
            if stray or not [c for c in good if c.number]:
                # a section header carrying numbers unlike the rest of their columns: OCR noise
                for cell in good:
                    if cell.number:
                        result.skipped.append(Skip(_number_span(cell), cell.text,
                                                   "numbers on a section header row (OCR noise)", label))
                result.messages.append(Message("warning", f"numbers on section header {label!r} ignored", row.line))
                sections = [s for s in sections if s[0] < level]
                sections.append((level, label.rstrip(":").strip()))
                continue
            label = label.rstrip(":").strip()
        context = tuple(s for _, s in sections)
        last_item = _item_of(label)
        if numbers.has_digit(label):
            _label_figures(table, row, label, result)
        for cell in good:
            col = table.columns[cell.index] if cell.index < len(table.columns) else Column(cell.index)
            cell_context = context + ((col.qualifier,) if col.qualifier else ())
            _observe(table, row, index, cell, label, cell_context, col, col.period, col.status, len(table.columns) - 1)
        for i, note_cell in notes.items():
            value_cell = next(g for g in good if g.index == i - 1)
            made = [o for o in result.observations[before_row:] if o.span.line == value_cell.span.line
                    and value_cell.span.start <= o.span.start < value_cell.span.end]
            note_cell.note, note_cell.note_start = note_cell.text, note_cell.span.start
            if made:
                _read_note(table, note_cell, made[0], label)
            else:
                _report_other_cells(row, (note_cell,), label, result)
        if _is_total(label):
            for i in range(len(sections) - 1, -1, -1):
                if sections[i][0] >= 1:
                    del sections[i]
                    break


# a row named by the loss side of an income item ("Net loss attributable to noncontrolling interests"): a
# positive figure is a loss (the mapper negates it for concepts that are not losses themselves)
_LOSS_SIDE = re.compile(r"^net\s+loss(?:es)?\b(?!.*\b(?:income|profit|gain)\b)", re.I)
_SUPERSEDED = re.compile(r"\b(?:previous(?:ly)?|original|initial|prior|earlier|former|old)\b", re.I)
_SCENARIO = re.compile(r"\b(?:targets?|forecasts?|plan|results?|actual|previous|revised|new|initial|original|latest)\b", re.I)
_CHANGE_ROW = re.compile(r"^(?:change|difference|increase|decrease|variance|yoy)\b|\((?:[A-Z])\s*-\s*(?:[A-Z])\)", re.I)
_ACTUAL_ROW = re.compile(r"\b(?:results?|actual)\b", re.I)


def _scenario_rows(rows: list[Row]) -> bool:
    """Rows that are scenarios, not line items: "Target (A)", "New Target (B)", "Change (B-A)"."""
    labels = [clean_label(r.label) for r in rows if r.label]
    named = [lb for lb in labels if _SCENARIO.search(lb) or _CHANGE_ROW.search(lb)]
    return len(labels) >= 2 and len(named) * 2 >= len(labels) and any(_SCENARIO.search(lb) for lb in labels)


_ANNOUNCED_ON = re.compile(r"\((?:disclosed|announced|released|published|revised|resolved)\s+on\s+[^()]*\)", re.I)


def _row_period(table: _Table, row: Row) -> Period | None:
    """The period a row label names ("Year ended March 31, 2021", "FY2010"); the day a forecast was
    announced ("Previous Forecast (Disclosed on May 12, 2021)") is no period of the row."""
    label = _ANNOUNCED_ON.sub(" ", clean_label(row.label))
    if not label.strip():
        return None
    period = parse_period(label, table.cal, bare_date_is_instant=True)
    if period is None and table.caption_period is not None and (part := _PART_OF_YEAR.match(label.strip())):
        # "Full year" / "First half" under "... Forecast for the Fiscal Year Ending March 31, 2025"
        fiscal_year = table.cal.fiscal_year_of(table.caption_period.end)
        period = table.cal.year(fiscal_year) if part["year"] else table.cal.year_to_date(fiscal_year, 6)
    if period is not None and period.is_instant and _DURATION_CORNER.search(table.corner):
        # "Six months ended" in the corner over "September 30, 2024" down the side: six months to that day
        period = parse_period(f"{_DURATION_CORNER.search(table.corner).group(0)} {label}", table.cal) or period
    return period


_PART_OF_YEAR = re.compile(r"^(?:(?P<year>full[- ]year|annual|fiscal\s+year|whole\s+year)|(?P<half>first\s+half|1st\s+half|"
                           r"first\s+six\s+months|six\s+months|2nd\s+quarter\s+\(?cumulative\)?|interim))"
                           r"(?:\s*\((?:forecast|cumulative)\))?$", re.I)
_DURATION_CORNER = re.compile(r"\b(?:(?:three|six|nine|twelve|\d{1,2})\s+months|(?:fiscal\s+)?years?|quarters?|"
                              r"(?:\d{1,2}|thirteen|twenty-six|thirty-nine|fifty-two|fifty-three)\s+weeks)\s+"
                              r"end(?:ed|ing)\b", re.I)


_AS_OF = re.compile(r"^\(?\s*as\s+(?:of|at)\s+(?P<date>[^()]+?)\s*\)?$", re.I)


def _as_of_cell(cells: tuple[_Cell, ...]) -> tuple[_Cell, Period] | None:
    """The instant a cell of its own beside the values states: "(as of Wednesday, September 5, 2012)"."""
    for cell in cells:
        m = _AS_OF.match(cell.text.strip())
        dates = find_dates(m["date"]) if m else []
        if len(dates) == 1 and dates[0].date is not None:
            return cell, Period(end=dates[0].date)
    return None


def _row_dated(table: _Table, row: Row) -> bool:
    """Does the row's label name its period, or a cell of its own its instant ("(as of ...)")?"""
    return _row_period(table, row) is not None or _as_of_cell(sum(_value_cells(row), ())) is not None


def _periods_in_rows(table: _Table, data_rows: list[Row]) -> None:
    """The TSE form: line items across the top, one period (or forecast) per row."""
    cal = table.cal
    periods = [_row_period(table, r) for r in data_rows]
    for index, (row, period) in enumerate(zip(data_rows, periods, strict=True)):
        label = clean_label(row.label)
        status = status_of(label)
        said_actual = bool(_ACTUAL_ROW.search(label)) and status is Status.ACTUAL
        if period is None and status is Status.FORECAST:
            # "New Target (B)": the period the table's title names; else the forecast of the year named
            # nearest to it ("Dividend target"; two years equally near: ambiguous, the cells are skipped)
            period = table.caption_period
            if period is None:
                distances = {i: abs(i - index) for i, p in enumerate(periods) if p is not None}
                nearest = {periods[i] for i, d in distances.items() if d == min(distances.values())}
                period = nearest.pop() if len(nearest) == 1 else None
        good, other = _value_cells(row)
        _report_other_cells(row, other, label, table.result)
        as_of = _as_of_cell((*good, *other)) if period is None else None
        if as_of is not None:
            period = as_of[1]
            good = tuple(c for c in good if c is not as_of[0])
        if period is None:
            reason = ("change between the rows above (derived from reported values)" if _CHANGE_ROW.search(label)
                      else f"row {label!r} names no period")
            for cell in good:
                if cell.number:
                    table.result.skipped.append(Skip(_number_span(cell), cell.text, reason, label))
            continue
        if said_actual:
            status = Status.ACTUAL
        superseded = status is Status.FORECAST and bool(_SUPERSEDED.search(label))
        for cell in good:
            col = table.columns[cell.index] if cell.index < len(table.columns) else Column(cell.index)
            cell_period = period
            if col.qualifier:
                cell_period = dividend_period(col.qualifier, cal.fiscal_year_of(period.end), cal)
            # a row dated by a cell of its own ("(as of ...)") names its item; else the row names a period
            item = label if as_of else col.label or _corner_item(table) or _title_item(table.title.title)
            context = (col.qualifier,) if col.qualifier else ()
            if table.kind == "dividend":
                context = ("dividend",) + context
            _observe(table, row, index, cell, item, context, col, cell_period, status, len(table.columns) - 1,
                     change_column=col.change or (col.unit is not None and col.unit.kind == "percent"
                                                  and not col.own_header), said_actual=said_actual,
                     superseded=superseded or col.superseded)


def _item_of(label: str) -> str:
    """"Common-stock —authorized, ..." -> "Common-stock": the line item a label names before its details."""
    return re.split(r",|\s[\u2014\u2013]|[\u2014\u2013]", label, maxsplit=1)[0].strip()


def _label_figures(table: _Table, row: Row, label: str, result: Extraction, item: str | None = None) -> None:
    """Figures written inside a row's label ("Accounts receivable, net of allowance for
    doubtful accounts of JPY 93,934 thousand and JPY 54,390 thousand at March 31, 2013 and
    September 30, 2013, respectively"), read as a sentence about the row's item."""
    cell = row.cells[0]
    lead = len(cell.text) - len(cell.text.lstrip())
    span = Span(cell.span.line, cell.span.start + lead, cell.span.start + lead + len(cell.text.strip()))
    item = _item_of(label) if item is None else item
    found = sentences.extract_columns([[(cell.text.strip(), span)]], [""], table.cal, None,
                                      table.convenience_note, context=(item,) if item else ())
    result.extend(found)


@functools.lru_cache(maxsize=8192)
def _label_info(label: str) -> tuple[bool, tuple[str | None, ...], bool, str, str, bool]:
    """What a row label says of its cells, worked out once per label: counted in shares? the
    currency of each value ("(JPY / U.S. Dollars / JPY)")? per share? the label without those
    hints; where an instant sits in a duration column; a "Less:" row?"""
    hint = _CURRENCY_HINT.search(label)
    row_currencies = tuple(numbers.currency_code(p) for p in hint.group(1).split("/")) if hint else ()
    clean = _CURRENCY_HINT.sub("", _SHARES_HINT.sub("", label)).strip()
    lowered = clean.lower()
    return (bool(_SHARES_HINT.search(label)), row_currencies, bool(_PER_SHARE.search(label)), clean,
            _period_hint(lowered), lowered.startswith(("less:", "less ", "deduct")))


def _period_hint(label: str) -> str:
    """Where an instant item sits in a duration column: "beginning of the period" or "before
    the split" is the day before the period starts; "end of"/"after" is its last day."""
    if re.search(r"\bbeginning\s+of\b|\bbefore\s+the\b|\bbeginning\s+balances?\b|\bopening\s+balances?\b", label):
        return "beginning"
    if re.search(r"\bend\s+of\b|\bafter\s+the\b|\bending\s+balances?\b|\bclosing\s+balances?\b", label):
        return "end"
    return ""


_PER_SHARE_ITEM = re.compile(r"(?:(?:annual|cash)\s+)*dividends?\s+per\s+(?:common\s+)?share", re.I)


def _title_item(title: str) -> str:
    """The line item a table's title names ("(Reference) Dividends per share for each fiscal year" ->
    "Dividends per share"), else the title."""
    m = _PER_SHARE_ITEM.search(title)
    return m.group(0) if m else re.sub(r"^\s*[(<（]\s*Reference\s*[)>）]\s*", "", title)


def _corner_item(table: _Table) -> str:
    """The line item a table's top-left caption names ("Dividend per common share Record date")."""
    corner = table.block.headers[0] if table.block.headers else table.corner
    m = re.search(r"^.*?\bper\s+(?:common\s+)?share\b", corner, re.I)
    if m:
        return m.group(0)
    if _PER_SHARE_ITEM.search(table.title.title):
        return ""  # "Record date" over the period column: the title names the item ("Annual dividend per share")
    return corner


def _report_other_cells(row: Row, other: list[_Cell], label: str, result: Extraction) -> None:
    for cell in other:
        if not numbers.has_digit(cell.text):
            continue
        found = sentences.tokens(cell.text)
        if not found:
            result.skipped.append(Skip(cell.span, cell.text, "not a well-formed number", label))
        for tok in found:  # "($553 million, up 6.4% YoY)": say what each number in it is
            span = Span(cell.span.line, cell.span.start + tok.num_start, cell.span.start + tok.num_end)
            text = cell.text[tok.start:tok.end]
            before = cell.text[:tok.start]
            if tok.kind == "amount" and tok.currency == "USD":
                reason = "U.S. dollar convenience translation"
            elif re.search(r"\b(?:up|down|increase|decrease)\s*$", before, re.I) or re.match(r"\s*YoY", cell.text[tok.end:]):
                reason = "year-on-year change (derived from reported values)"
            else:
                reason = "number inside a text cell, not a value of the row"
            result.skipped.append(Skip(span, text, reason, label))
    debris = [c.text for c in other if not any(ch.isalnum() for ch in c.text)]
    if debris:
        result.messages.append(Message("warning", "stray characters in table cells ignored "
                                       f"({', '.join(map(repr, debris))})", row.line))


def _observe(table: _Table, row: Row, row_index: int, cell: _Cell, label: str, context: tuple[str, ...],
             col: Column, period: Period | None, status: Status, n_values: int, change_column: bool | None = None,
             said_actual: bool = False, superseded: bool | None = None) -> None:
    """One cell: an Observation, or a Skip with the reason.  ``said_actual``: the row says it holds
    results ("(Reference) Results for 1H FY2007"), whatever the table's title says."""
    result = table.result
    shares, row_currencies, per_share, clean, hint_of_period, lowered_less = _label_info(label)
    if not per_share and any(_PER_SHARE.search(c) for c in context) and not _SHARE_COUNT.search(" ".join(context)):
        per_share = True  # "Earnings per share:" / "Basic": the section says what the row's amounts are
    if cell.number is not None and cell.number.suffix.lower().startswith("per"):
        per_share = True  # "JPY22.00 per share"
    forecast = status is Status.FORECAST or (table.status is Status.FORECAST and not said_actual) or cell.forecast
    status = Status.FORECAST if forecast else Status.ACTUAL
    if cell.extra is not None:
        result.skipped.append(Skip(_number_span(cell, cell.extra, cell.extra_start), cell.text.split()[-1],
                                   "percentage change beside the amount (derived)", clean))
    change = col.change if change_column is None else change_column
    if change:
        if cell.number:
            result.skipped.append(Skip(_number_span(cell), cell.text,
                                       "year-on-year change column (derived from the reported values)", clean))
        return
    if period is None:
        if cell.number:
            result.skipped.append(Skip(_number_span(cell), cell.text, f"column {col.header!r} names no period", clean))
        return
    superseded = col.superseded if superseded is None else superseded
    common = dict(label=clean, sections=context, statement=table.kind, source_text=cell.text, period=period,
                  status=status, table=table.block.first_line, row=row_index,
                  superseded=superseded and status is Status.FORECAST)
    if cell.date:
        result.observations.append(Observation(
            span=Span(cell.span.line, cell.span.start + cell.date.start, cell.span.start + cell.date.end),
            value=cell.date.date, **common))
        return
    if cell.dash and table.kind not in DASH_IS_ZERO:
        return  # "-" outside the statements: nothing stated (not a number, not a zero)
    currency = col.unit.currency if col.unit else None
    if currency is None and col.unit is not None and col.unit.kind == "currency":
        currency = table.reporting  # "(In millions ...)": the scale, in the reporting currency
    scale = col.unit.scale if col.unit else 0
    kind = ""
    if cell.number and cell.number.currency:
        currency = cell.number.currency
    if len(row_currencies) == 1:
        currency = row_currencies[0]
    elif row_currencies and len(row_currencies) == n_values:
        currency = row_currencies[cell.index - 1]
    if cell.number and cell.number.scale:
        scale = cell.number.scale
    if currency and table.reporting and currency != table.reporting:
        if cell.number:
            reason = ("U.S. dollar convenience translation" if table.convenience_note and currency == "USD"
                      else f"{currency} column beside {table.reporting} columns (not the reporting currency)")
            result.skipped.append(Skip(_number_span(cell), cell.text, reason, clean))
        return
    share_count = _SHARE_COUNT.search(" ".join((clean, *context)))
    if shares or share_count or (col.unit and col.unit.kind == "shares") or (cell.number and cell.number.suffix == "shares"):
        if col.unit and col.unit.kind == "shares":
            scale = col.unit.scale
        elif _IN_THOUSANDS.search(" ".join((label, *context))):
            scale = 3  # "Shares used in calculation (000's)"
        elif share_count and col.unit is not None and col.unit.shares_scale is not None:
            scale = col.unit.shares_scale  # "(In millions, except number of shares, which are reflected in thousands ...)"
        elif share_count and col.unit is not None and col.unit.kind == "currency" and col.unit.scale:
            if cell.number is not None:
                result.skipped.append(Skip(_number_span(cell), cell.text, "share count under a caption that scales "
                                           "amounts: its own scale is not stated", clean))
            return
        else:
            scale = 0
        unit = SHARES
    elif per_share:
        if not currency:
            if cell.number:
                result.skipped.append(Skip(_number_span(cell), cell.text, "per-share amount without a currency", clean))
            return
        unit, scale = (JPY_PER_SHARE if currency == "JPY" else Unit((f"iso4217:{currency}",), ("xbrli:shares",))), 0
    elif col.unit and col.unit.kind == "percent" or (cell.number and cell.number.suffix == "%"):
        unit, scale, kind = PURE, -2, "percent"
    elif currency:
        unit = Unit((f"iso4217:{currency}",))
    else:
        # no currency, share or percent heading: a count, or a data rate written with its unit;
        # the mapper gives it the unit its concept takes, or skips it
        unit, kind = None, (cell.number.suffix if cell.number and cell.number.suffix else "count")
    if cell.number is not None:
        span = _number_span(cell)
        value = numbers.scaled(cell.number, scale)
        decimals = cell.number.decimals(scale)
    else:
        span, value, decimals = cell.span, Decimal(0), -scale
    lowered_contribution = table.kind == "cashflow" or lowered_less
    observation = Observation(
        span=span, value=value, unit=unit, decimals=decimals, scale=scale, dash=cell.number is None,
        period_hint=hint_of_period, negated_wording=bool(_LOSS_SIDE.search(clean)) and table.kind != "cashflow",
        contribution=lowered_contribution, kind=kind, **common)
    result.observations.append(observation)
    if cell.note and any(ch.isdigit() for ch in cell.note):
        _read_note(table, cell, observation, clean)


def _read_note(table: _Table, cell: _Cell, observation: Observation, label: str) -> None:
    """The figures of a note beside a value: "($1,128.4 million, up 9.2% YoY)" restates the value as a
    convenience translation (emitted in its own currency, same item and period) and gives its change
    (skipped, derived)."""
    from dataclasses import replace as copy_with

    for tok in sentences.tokens(cell.note):
        span = Span(cell.span.line, cell.note_start + tok.num_start, cell.note_start + tok.num_end)
        text = cell.note[tok.start:tok.end]
        before = cell.note[:tok.start]
        if tok.kind == "amount" and tok.currency and tok.currency != table.reporting and table.convenience_note \
                and observation.unit is not None and observation.unit.is_monetary:
            value = numbers.normalize_decimal(Decimal(tok.number.replace(",", "")).scaleb(tok.scale))
            places = len(tok.number.split(".")[1]) if "." in tok.number else 0
            table.result.observations.append(copy_with(
                observation, span=span, source_text=text, value=value, decimals=places - tok.scale, scale=tok.scale,
                unit=Unit((f"iso4217:{tok.currency}",), observation.unit.denominator)))
        elif re.search(r"\b(?:up|down|increase|decrease)\s*$", before, re.I) or re.match(r"\s*(?:YoY|y/y)", cell.note[tok.end:]):
            table.result.skipped.append(Skip(span, text, "year-on-year change (derived from reported values)", label))
        else:
            table.result.skipped.append(Skip(span, text, "number in a note beside the value", label))
