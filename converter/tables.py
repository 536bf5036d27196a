"""Find the numbers in tables and say what each one measures.

A table is read the way an analyst reads it: the header rows give each column a
period, a currency and a scale (and, in dividend tables, a dividend type); the
rows give each number a label, inside the section headers above it.  Every
numeric cell ends up either as an Observation or as a Skip saying why not.

Tab-separated tables come from the layout stage; tables flattened into running
text are rebuilt by ``untabbed`` and then read here the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from . import numbers, untabbed
from .layout import heading_text
from .model import JPY_PER_SHARE, SHARES, Block, Document, Message, Observation, Period, Row, Skip, Span, Status, Unit
from .periods import FiscalCalendar, find_dates, parse_period, status_of

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
]
FINANCIAL_STATEMENTS = ("income", "comprehensive", "balance", "cashflow")
INTERPRETED = FINANCIAL_STATEMENTS + ("dividend",)

_UNIT_HEADER = re.compile(
    r"^(?:(?P<scale1>thousands?|millions?|billions?)\s+of\s+)?"
    r"(?P<unit>JPY|yen|U\.?\s?S\.?\s*dollars?|USD|US\$|\$|%|shares?)"
    r"(?:\s+(?P<scale2>thousands?|millions?|billions?))?$",
    re.I,
)
_CHANGE = re.compile(r"\b(?:yoy|change|growth|increase\s*\(decrease\))\b", re.I)
_FOOTNOTE = re.compile(r"(?:\s*(?:\\?\*\s*\d+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|<sup>.*?</sup>))+\s*$")
_MARKUP = re.compile(r"</?(?:u|b|i|strong|em|sup)>|\*\*")
_SHARES_HINT = re.compile(r"\s*\((?:shares|ADSs?)\)", re.I)
_CURRENCY_HINT = re.compile(r"\s*\(((?:\s*(?:JPY|yen|U\.S\. Dollars|USD|US\$)\s*/?)+)\)", re.I)
_PER_SHARE = re.compile(r"\bper\s+(?:common\s+)?(?:share|ADS)", re.I)
_DIVIDEND_TYPE = re.compile(r"\b(interim|year[- ]?end|annual|[1-4]Q[- ]?end|total)\b", re.I)


def currency_code(text: str) -> str | None:
    t = text.strip().lower().replace(" ", "")
    if t in ("jpy", "yen", "¥"):
        return "JPY"
    if t in ("usd", "us$", "$") or t.startswith("u.s.dollar") or t.startswith("usdollar"):
        return "USD"
    return None


@dataclass(frozen=True, slots=True)
class UnitHeader:
    currency: str | None  # "JPY", "USD"; None for % or shares
    scale: int
    kind: str  # "currency" | "percent" | "shares"


def parse_unit_header(text: str) -> UnitHeader | None:
    m = _UNIT_HEADER.match(text.strip())
    if not m:
        return None
    scale = numbers.SCALE_WORDS.get((m["scale1"] or m["scale2"] or "").lower(), 0)
    unit = m["unit"]
    if unit == "%":
        return UnitHeader(None, 0, "percent")
    if unit.lower().startswith("share"):
        return UnitHeader(None, scale, "shares")
    return UnitHeader(currency_code(unit), scale, "currency")


def dividend_type(text: str) -> str:
    """"interim", "year-end", "annual", "1Q-end" or "3Q-end" named in a header, else ""."""
    m = _DIVIDEND_TYPE.search(text)
    if not m:
        return ""
    word = m.group(1).lower().replace(" ", "-")
    if word in ("interim", "2q-end", "2qend"):
        return "interim"
    if word.startswith("year"):
        return "year-end"
    if word in ("annual", "total"):
        return "annual"
    return word[:2].upper() + "-end"


@dataclass(slots=True)
class Column:
    index: int
    header: str = ""
    period: Period | None = None
    unit: UnitHeader | None = None
    status: Status = Status.ACTUAL
    change: bool = False  # a year-on-year change column: derived, not reported
    qualifier: str = ""  # dividend type of a dividend column


@dataclass(slots=True)
class TableResult:
    observations: list[Observation] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)

    def extend(self, other: TableResult) -> None:
        self.observations += other.observations
        self.skipped += other.skipped
        self.messages += other.messages


def clean_label(text: str) -> str:
    """The line-item label without markup and footnote marks ("IP service*1" -> "IP service")."""
    text = _MARKUP.sub("", text)
    text = _FOOTNOTE.sub("", text)
    return " ".join(text.split())


def is_sentence(text: str) -> bool:
    """Running text rather than a caption ("Internet Initiative Japan Inc." is a caption)."""
    return len(text) > 120 or (text.rstrip().endswith(".") and len(text.split()) > 6)


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


def statement_kind(doc: Document, blocks: list[Block], index: int) -> tuple[str, str]:
    """The statement a table belongs to, from the titles above it: (kind, title).

    Only headings and short caption lines count; the search stops at running text,
    so a sentence that mentions "statements of income" does not title a table.
    """
    seen = 0
    for block in reversed(blocks[:index]):
        if block.kind == "table":
            continue
        lines = title_lines(doc, block)
        if lines is None:
            break
        for title in lines:
            kind = kind_of_title(title)
            if kind:
                return kind, title
        seen += 1
        if seen >= 4:
            break
    return "other", ""


def _spanned(row: Row, width: int) -> list[str]:
    """Header cells with each text carried right over the empty cells after it."""
    out, last = [""], ""
    for i in range(1, width):
        text = row.cells[i].text.strip() if i < len(row.cells) else ""
        if text:
            last = text
        out.append(last)
    return out


def _is_header_row(row: Row) -> bool:
    return not row.label and any(c.text.strip() for c in row.cells[1:])


def column_model(header_rows: list[Row], width: int, cal: FiscalCalendar, kind: str,
                 header_texts: tuple[str, ...] = ()) -> list[Column]:
    columns = [Column(i) for i in range(width)]
    texts: list[list[str]] = [[] for _ in range(width)]
    for i, text in enumerate(header_texts[:width]):
        if text:
            texts[i].append(text)
    for row in header_rows:
        cells = _spanned(row, width)
        units = [parse_unit_header(t) if t else None for t in cells]
        if all(u is not None for t, u in zip(cells, units, strict=True) if t):
            for col, unit in zip(columns, units, strict=True):
                col.unit = unit or col.unit
            continue
        for i, text in enumerate(cells):
            if text:
                texts[i].append(text)
    for col in columns[1:]:
        col.header = " ".join(texts[col.index])
        col.change = bool(_CHANGE.search(col.header)) or (col.unit is not None and col.unit.kind == "percent")
        col.status = status_of(col.header)
        col.period = parse_period(col.header, cal, bare_date_is_instant=(kind == "balance"))
        if kind == "dividend":
            col.qualifier = dividend_type(col.header)
    if kind == "dividend":
        _dividend_periods(columns, cal)
    return columns


def _dividend_periods(columns: list[Column], cal: FiscalCalendar) -> None:
    """A dividend's period follows its type: interim = first half, year-end and annual = the year.

    A forecast column that names no period ("Latest forecast (disclosed on ...)")
    forecasts the dividend of the column to its left.
    """
    previous: Column | None = None
    for col in columns[1:]:
        if col.period is None and col.status is Status.FORECAST and previous is not None:
            col.period, col.qualifier = previous.period, col.qualifier or previous.qualifier
        elif col.period is not None and col.qualifier:
            fy = cal.fiscal_year_of(col.period.end)
            col.period = cal.half(fy, 1) if col.qualifier == "interim" else cal.year(fy)
        if col.period is not None:
            previous = col


def _section_level(label: str) -> int | None:
    """0 for a part caption ("ASSETS"), 1 for an upper-case section ("REVENUES:"),
    2 for a mixed-case one ("Network services:"); None when not a section header."""
    letters = [c for c in label if c.isalpha()]
    if not letters:
        return None
    upper = all(c.isupper() for c in letters)
    if label.endswith(":"):
        return 1 if upper else 2
    return 0 if upper else None


def _is_total(label: str) -> bool:
    return label.lower().startswith(("total", "consolidated total"))


@dataclass(slots=True)
class _Cell:
    index: int
    text: str  # stripped
    span: Span  # of the stripped text
    number: numbers.Number | None = None
    dash: bool = False
    date: object = None  # datetime.date of a cell that is a date


def _cell(index: int, raw_text: str, raw_span: Span) -> _Cell:
    lead = len(raw_text) - len(raw_text.lstrip())
    text = raw_text.strip()
    span = Span(raw_span.line, raw_span.start + lead, raw_span.start + lead + len(text))
    cell = _Cell(index, text, span)
    if not text:
        return cell
    cell.number = numbers.parse_cell(text)
    if cell.number is None:
        cell.dash = numbers.is_dash(text)
        if not cell.dash:
            dates = find_dates(text)
            if len(dates) == 1 and dates[0].date and len(dates[0].text) >= len(text) - 12:
                cell.date = dates[0]
    return cell


def _value_cells(row: Row) -> tuple[list[_Cell], list[_Cell]]:
    """Cells holding a number, a dash or a date; and the other non-empty cells."""
    good, other = [], []
    for i, c in enumerate(row.cells[1:], start=1):
        cell = _cell(i, c.text, c.span)
        if not cell.text:
            continue
        (good if (cell.number or cell.dash or cell.date) else other).append(cell)
    return good, other


def _number_span(cell: _Cell) -> Span:
    assert cell.number is not None
    return Span(cell.span.line, cell.span.start + cell.number.start, cell.span.start + cell.number.end)


def extract(doc: Document, blocks: list[Block], cal: FiscalCalendar, convenience_note: bool) -> TableResult:
    result = TableResult()
    for index, block in enumerate(blocks):
        if block.kind != "table":
            continue
        kind, title = statement_kind(doc, blocks, index)
        _extract_table(block, kind, title, cal, convenience_note, result)
    for block in untabbed.rebuild(doc, blocks):
        _extract_table(block, kind_of_title(block.title) or "other", block.title, cal, convenience_note, result)
    return result


def _skip_all(block: Block, reason: str, result: TableResult) -> None:
    for row in block.rows:
        good, other = _value_cells(row)
        for cell in good + other:
            if cell.number or (not cell.dash and not cell.date and numbers.has_digit(cell.text)):
                result.skipped.append(Skip(cell.span, cell.text, reason, clean_label(row.label)))


def _extract_table(block: Block, kind: str, title: str, cal: FiscalCalendar,
                   convenience_note: bool, result: TableResult) -> None:
    rows = block.rows
    start = 0
    # A first row with a label but no values is a title inside the table (often OCR-damaged).
    if not block.headers and rows and rows[0].label and not _value_cells(rows[0])[0] and len(rows) > 1 \
            and _is_header_row(rows[1]):
        result.messages.append(Message("warning", f"table title row ignored: {rows[0].cells[0].text.strip()!r}",
                                       rows[0].line))
        start = 1
    header_end = start
    while header_end < len(rows) and _is_header_row(rows[header_end]):
        header_end += 1
    header_rows, data_rows = rows[start:header_end], rows[header_end:]
    width = max(len(r.cells) for r in rows)
    columns = column_model(header_rows, width, cal, kind, block.headers)
    if kind not in INTERPRETED:
        _skip_all(block, f"table layout not interpreted yet ({title or 'untitled table'})", result)
        return
    if not any(c.period for c in columns[1:]):
        _skip_all(block, f"no period found in the column headers of {title or 'this table'}", result)
        return
    reporting = _reporting_currency(columns) or _hinted_currency(data_rows)
    sections: list[tuple[int, str]] = [(0, "dividend")] if kind == "dividend" else []
    pending: str | None = None
    for row in data_rows:
        good, other = _value_cells(row)
        label = clean_label(row.cells[0].text) if row.cells else ""
        for cell in other:
            if numbers.has_digit(cell.text):
                result.skipped.append(Skip(cell.span, cell.text, "not a well-formed number", label))
        debris = [c.text for c in other if not any(ch.isalnum() for ch in c.text)]
        if debris:
            result.messages.append(Message("warning", "stray characters in table cells ignored "
                                           f"({', '.join(map(repr, debris))})", row.line))
        if label and not good:
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
            for cell in good:
                if cell.number:
                    result.skipped.append(Skip(_number_span(cell), cell.text,
                                               "numbers on a section header row (OCR noise)", label))
            result.messages.append(Message("warning", f"numbers on section header {label!r} ignored", row.line))
            sections = [s for s in sections if s[0] < level]
            sections.append((level, label.rstrip(":").strip()))
            continue
        _row_observations(row, label, good, columns, kind, sections, reporting, convenience_note, result)
        if _is_total(label):
            for i in range(len(sections) - 1, -1, -1):
                if sections[i][0] >= 1:
                    del sections[i]
                    break


def _reporting_currency(columns: list[Column]) -> str | None:
    counts: dict[str, int] = {}
    for c in columns[1:]:
        if c.unit and c.unit.currency:
            counts[c.unit.currency] = counts.get(c.unit.currency, 0) + 1
    if not counts:
        return None
    return max(sorted(counts), key=lambda k: counts[k])


def _hinted_currency(rows: list[Row]) -> str | None:
    """The currency most row labels name, for tables without a unit row ("(JPY / U.S. Dollars / JPY)")."""
    counts: dict[str, int] = {}
    for row in rows:
        hint = _CURRENCY_HINT.search(row.label)
        for part in hint.group(1).split("/") if hint else ():
            code = currency_code(part)
            if code:
                counts[code] = counts.get(code, 0) + 1
    return max(sorted(counts), key=lambda k: counts[k]) if counts else None


def _row_observations(row: Row, label: str, cells: list[_Cell], columns: list[Column], kind: str,
                      sections: list[tuple[int, str]], reporting: str | None,
                      convenience_note: bool, result: TableResult) -> None:
    shares = bool(_SHARES_HINT.search(label))
    hint = _CURRENCY_HINT.search(label)
    row_currencies = [currency_code(p) for p in hint.group(1).split("/")] if hint else []
    per_share = bool(_PER_SHARE.search(label))
    clean = _CURRENCY_HINT.sub("", _SHARES_HINT.sub("", label)).strip()
    lowered = clean.lower()
    period_hint = "beginning" if "beginning of" in lowered else "end" if "end of" in lowered else ""
    contribution = kind == "cashflow" or lowered.startswith(("less:", "less ", "deduct"))
    # A dash in a financial statement is zero; in a notice's comparison table it means "not stated".
    dash_is_zero = kind in FINANCIAL_STATEMENTS
    n_values = len(columns) - 1
    for cell in cells:
        col = columns[cell.index] if cell.index < len(columns) else Column(cell.index)
        context = tuple(s for _, s in sections) + ((col.qualifier,) if col.qualifier else ())
        if col.change:
            if cell.number:
                result.skipped.append(Skip(_number_span(cell), cell.text,
                                           "year-on-year change column (derived from the reported values)", clean))
            continue
        if col.period is None:
            if cell.number:
                result.skipped.append(Skip(_number_span(cell), cell.text, f"column {col.header!r} names no period", clean))
            continue
        if cell.date:
            result.observations.append(Observation(
                label=clean, sections=context, statement=kind,
                span=Span(cell.span.line, cell.span.start + cell.date.start, cell.span.start + cell.date.end),
                source_text=cell.text, value=cell.date.date, period=col.period, status=col.status))
            continue
        if cell.dash and not dash_is_zero:
            continue  # "-": nothing stated in this column
        currency = col.unit.currency if col.unit else None
        scale = col.unit.scale if col.unit else 0
        if cell.number and cell.number.currency:
            currency = cell.number.currency
        if len(row_currencies) == 1:
            currency = row_currencies[0]
        elif row_currencies and len(row_currencies) == n_values:
            currency = row_currencies[cell.index - 1]
        if cell.number and cell.number.scale:
            scale = cell.number.scale
        if currency and reporting and currency != reporting:
            if cell.number:
                reason = ("U.S. dollar convenience translation" if convenience_note and currency == "USD"
                          else f"{currency} column beside {reporting} columns (not the reporting currency)")
                result.skipped.append(Skip(_number_span(cell), cell.text, reason, clean))
            continue
        if shares:
            unit, scale = SHARES, 0
        elif per_share:
            if not currency:
                if cell.number:
                    result.skipped.append(Skip(_number_span(cell), cell.text, "per-share amount without a currency", clean))
                continue
            unit, scale = (JPY_PER_SHARE if currency == "JPY" else Unit((f"iso4217:{currency}",), ("xbrli:shares",))), 0
        elif currency:
            unit = Unit((f"iso4217:{currency}",))
        else:
            if cell.number:
                result.skipped.append(Skip(_number_span(cell), cell.text,
                                           "no unit: no currency or share heading for this column", clean))
            continue
        if cell.number is not None:
            span = _number_span(cell)
            value = numbers.scaled(cell.number, scale)
            decimals = cell.number.decimals(scale)
        else:
            span, value, decimals = cell.span, Decimal(0), -scale
        result.observations.append(Observation(
            label=clean, sections=context, statement=kind, span=span, source_text=cell.text,
            value=value, period=col.period, unit=unit, decimals=decimals, scale=scale, status=col.status,
            dash=cell.number is None, period_hint=period_hint, contribution=contribution,
        ))
