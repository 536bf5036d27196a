"""Find the numbers in tab-separated tables and say what each one measures.

A table is read the way an analyst reads it: the header rows give each column a
period, a currency and a scale; the rows give each number a label, inside the
section headers above it.  Every numeric cell ends up either as an Observation or
as a Skip with the reason it was not used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from . import numbers
from .layout import heading_text
from .model import JPY_PER_SHARE, SHARES, Block, Document, Message, Observation, Period, Row, Skip, Span, Status, Unit
from .periods import FiscalCalendar, parse_period, status_of

# Statement kinds, recognised from the titles above a table.  The earliest match in
# a title wins ("Statements of Income and ... Comprehensive Income" is income).
STATEMENT_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("cashflow", re.compile(r"\bcash\s+flows?\b", re.I)),
    ("comprehensive", re.compile(r"\bcomprehensive\s+income\b", re.I)),
    ("balance", re.compile(r"\bbalance\s+sheets?\b|\bfinancial\s+(?:position|condition)\b", re.I)),
    ("income", re.compile(r"\bstatements?\s+of\s+(?:income|operations|earnings)\b|\bincome\s+statements?\b"
                          r"|\bresults\s+of\s+operations\b", re.I)),
    ("segment", re.compile(r"\bsegments?\b", re.I)),
    ("dividend", re.compile(r"\bdividends?\b", re.I)),
    ("split", re.compile(r"\bstock\s+split\b", re.I)),
]
FINANCIAL_STATEMENTS = ("income", "comprehensive", "balance", "cashflow")

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
    word = (m["scale1"] or m["scale2"] or "").lower()
    scale = numbers.SCALE_WORDS.get(word, 0)
    unit = m["unit"]
    if unit == "%":
        return UnitHeader(None, 0, "percent")
    if unit.lower().startswith("share"):
        return UnitHeader(None, scale, "shares")
    return UnitHeader(currency_code(unit), scale, "currency")


@dataclass(slots=True)
class Column:
    index: int
    header: str = ""
    period: Period | None = None
    unit: UnitHeader | None = None
    status: Status = Status.ACTUAL
    change: bool = False  # a year-on-year change column: derived, not reported


@dataclass(slots=True)
class TableResult:
    observations: list[Observation] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)


def clean_label(text: str) -> str:
    """The line-item label without markup and footnote marks ("IP service*1" -> "IP service")."""
    text = _MARKUP.sub("", text)
    text = _FOOTNOTE.sub("", text)
    return " ".join(text.split())


def _title_lines(doc: Document, block: Block) -> list[str] | None:
    """The lines of a block that can title a table; None when the block is running text."""
    lines = [heading_text(doc.line(n)) for n in range(block.first_line, block.last_line + 1)]
    if block.kind == "heading":
        return lines
    if len(lines) > 3 or any(len(t) > 120 or t.endswith(".") for t in lines):
        return None
    return lines


def statement_kind(doc: Document, blocks: list[Block], index: int) -> tuple[str, str]:
    """The statement a table belongs to, from the titles above it: (kind, title).

    Only headings and short caption lines count; the search stops at running text,
    so a sentence that mentions "statements of income" does not title a table.
    """
    seen = 0
    for block in reversed(blocks[:index]):
        if block.kind == "table":
            continue
        lines = _title_lines(doc, block)
        if lines is None:
            break
        for title in lines:
            hits = [(m.start(), kind) for kind, pattern in STATEMENT_PATTERNS if (m := pattern.search(title))]
            if hits:
                return min(hits)[1], title
        seen += 1
        if seen >= 4:
            break
    return "other", ""


def _spanned(row: Row, width: int) -> list[str]:
    """Header cells with each text carried right over the empty cells after it."""
    out, last = [], ""
    for i in range(width):
        text = row.cells[i].text.strip() if i < len(row.cells) else ""
        if i == 0:
            out.append("")
            continue
        if text:
            last = text
        out.append(last)
    return out


def _is_header_row(row: Row) -> bool:
    return not row.label and any(c.text.strip() for c in row.cells[1:])


def column_model(header_rows: list[Row], width: int, cal: FiscalCalendar, kind: str) -> list[Column]:
    columns = [Column(i) for i in range(width)]
    texts: list[list[str]] = [[] for _ in range(width)]
    for row in header_rows:
        cells = _spanned(row, width)
        units = [parse_unit_header(t) if t else None for t in cells]
        if all(u is not None for t, u in zip(cells, units) if t):
            for col, unit in zip(columns, units):
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
    return columns


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
    text: str
    span: Span
    number: numbers.Number | None
    dash: bool


def _value_cells(row: Row) -> tuple[list[_Cell], list[_Cell]]:
    """Numeric (or dash) cells, and non-empty cells that are neither."""
    good, junk = [], []
    for i, cell in enumerate(row.cells[1:], start=1):
        text = cell.text
        if not text.strip():
            continue
        number = numbers.parse_cell(text)
        dash = number is None and numbers.is_dash(text)
        target = good if (number or dash) else junk
        target.append(_Cell(i, text.strip(), cell.span, number, dash))
    return good, junk


def extract(doc: Document, blocks: list[Block], cal: FiscalCalendar, convenience_note: bool) -> TableResult:
    result = TableResult()
    for index, block in enumerate(blocks):
        if block.kind != "table":
            continue
        kind, title = statement_kind(doc, blocks, index)
        _extract_table(doc, block, kind, title, cal, convenience_note, result)
    return result


def _skip_all(block: Block, reason: str, result: TableResult) -> None:
    for row in block.rows:
        good, junk = _value_cells(row)
        for cell in good:
            if cell.number:
                result.skipped.append(Skip(cell.span, cell.text, reason, clean_label(row.label)))
        for cell in junk:
            if numbers.has_digit(cell.text):
                result.skipped.append(Skip(cell.span, cell.text, reason, clean_label(row.label)))


def _extract_table(doc: Document, block: Block, kind: str, title: str, cal: FiscalCalendar,
                   convenience_note: bool, result: TableResult) -> None:
    rows = block.rows
    start = 0
    # A first row with a label but no header cells is a title inside the table (often OCR-damaged).
    while start < len(rows) and rows[start].label and not _value_cells(rows[start])[0] and start == 0:
        result.messages.append(Message("warning", f"table title row ignored: {rows[start].cells[0].text.strip()!r}",
                                       rows[start].line))
        start += 1
    header_end = start
    while header_end < len(rows) and _is_header_row(rows[header_end]):
        header_end += 1
    header_rows, data_rows = rows[start:header_end], rows[header_end:]
    width = max(len(r.cells) for r in rows)
    columns = column_model(header_rows, width, cal, kind)
    if kind not in FINANCIAL_STATEMENTS:
        _skip_all(block, f"table layout not interpreted yet ({title or 'untitled table'})", result)
        return
    if not any(c.period for c in columns[1:]):
        _skip_all(block, f"no period found in the column headers of {title or 'this table'}", result)
        return
    currencies = {c.unit.currency for c in columns[1:] if c.unit and c.unit.currency}
    reporting = _reporting_currency(columns)
    sections: list[tuple[int, str]] = []
    pending: str | None = None
    for row in data_rows:
        good, junk = _value_cells(row)
        label = clean_label(row.cells[0].text) if row.cells else ""
        for cell in junk:
            if numbers.has_digit(cell.text):
                result.skipped.append(Skip(cell.span, cell.text, "not a well-formed number", label))
        if junk and not any(numbers.has_digit(c.text) for c in junk):
            result.messages.append(Message("warning", "stray characters in table cells ignored "
                                            f"({', '.join(repr(c.text) for c in junk)})", row.line))
        if label and not good:
            if pending and label[0].islower():
                label = f"{pending} {label}"  # a label wrapped onto the next line
            level = _section_level(label)
            if level is not None:
                sections = [s for s in sections if s[0] < level or (level == 0 and s[0] == 0)]
                sections.append((level, label.rstrip(":").strip()))
                pending = None
            else:
                pending = label
            continue
        if not label:
            if not pending:
                for cell in good:
                    if cell.number:
                        result.skipped.append(Skip(cell.span, cell.text, "values without a row label", ""))
                continue
            label = pending
        pending = None
        if label.endswith(":") and _section_level(label) is not None:
            for cell in good:
                if cell.number:
                    result.skipped.append(Skip(cell.span, cell.text, "numbers on a section header row (OCR noise)", label))
            result.messages.append(Message("warning", f"numbers on section header {label!r} ignored", row.line))
            level = _section_level(label)
            sections = [s for s in sections if s[0] < level]  # type: ignore[operator]
            sections.append((level, label.rstrip(":").strip()))  # type: ignore[arg-type]
            continue
        _row_observations(row, label, good, columns, kind, sections, reporting, currencies, convenience_note, result)
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


def _row_observations(row: Row, label: str, cells: list[_Cell], columns: list[Column], kind: str,
                      sections: list[tuple[int, str]], reporting: str | None, currencies: set[str],
                      convenience_note: bool, result: TableResult) -> None:
    shares = bool(_SHARES_HINT.search(label))
    hint = _CURRENCY_HINT.search(label)
    row_currencies: list[str | None] = []
    if hint:
        row_currencies = [currency_code(p) for p in hint.group(1).split("/")]
    per_share = bool(_PER_SHARE.search(label))
    clean = _CURRENCY_HINT.sub("", _SHARES_HINT.sub("", label)).strip()
    lowered = clean.lower()
    period_hint = "beginning" if "beginning of" in lowered else "end" if "end of" in lowered else ""
    contribution = kind == "cashflow" or lowered.startswith(("less:", "less ", "deduct"))
    value_columns = [c for c in columns[1:]]
    for cell in cells:
        col = columns[cell.index] if cell.index < len(columns) else Column(cell.index)
        if col.change:
            if cell.number:
                result.skipped.append(Skip(cell.span, cell.text, "year-on-year change column (derived from the reported values)", clean))
            continue
        if col.period is None:
            if cell.number:
                result.skipped.append(Skip(cell.span, cell.text, f"column {col.header!r} names no period", clean))
            continue
        currency = col.unit.currency if col.unit else None
        scale = col.unit.scale if col.unit else 0
        if len(row_currencies) == 1:
            currency = row_currencies[0]
        elif row_currencies and len(row_currencies) == len(value_columns):
            currency = row_currencies[cell.index - 1]
        if currency and reporting and currency != reporting:
            if cell.number:
                reason = ("U.S. dollar convenience translation" if convenience_note and currency == "USD"
                          else f"{currency} column beside {reporting} columns (not the reporting currency)")
                result.skipped.append(Skip(cell.span, cell.text, reason, clean))
            continue
        if shares:
            unit, scale = SHARES, 0
        elif per_share:
            if not currency:
                if cell.number:
                    result.skipped.append(Skip(cell.span, cell.text, "per-share amount without a currency", clean))
                continue
            unit, scale = (JPY_PER_SHARE if currency == "JPY" else Unit((f"iso4217:{currency}",), ("xbrli:shares",))), 0
        elif currency:
            unit = Unit((f"iso4217:{currency}",))
        else:
            if cell.number:
                result.skipped.append(Skip(cell.span, cell.text, "no unit: no currency or share heading for this column", clean))
            continue
        if cell.number is not None:
            number = cell.number
            span = Span(row.line, cell.span.start + number.start, cell.span.start + number.end)
            value = numbers.scaled(number, scale)
            decimals = number.decimals(scale)
        else:
            raw = row.cells[cell.index].text
            offset = len(raw) - len(raw.lstrip())
            span = Span(row.line, cell.span.start + offset, cell.span.start + offset + len(cell.text))
            value, decimals = Decimal(0), -scale
        result.observations.append(Observation(
            label=clean,
            sections=tuple(s for _, s in sections),
            statement=kind,
            span=span,
            source_text=cell.text,
            value=value,
            period=col.period,
            unit=unit,
            decimals=decimals,
            scale=scale,
            status=col.status,
            dash=cell.number is None,
            period_hint=period_hint,
            contribution=contribution,
        ))
