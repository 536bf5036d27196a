"""Inline XBRL 1.1: the filing as a readable XHTML document with its facts tagged in place.

The layout stage's blocks become headings, paragraphs and tables; each fact's span
(the digits or date as written) is wrapped in ``ix:nonFraction`` or
``ix:nonNumeric`` where it stands.  Rendering goes through a jinja2 template with
autoescaping on, so no text from a filing can become markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from types import SimpleNamespace

import jinja2

from .. import numbers
from ..layout import heading_text
from ..model import Block, Fact, Filing
from ..periods import find_dates
from ..resources import data_dir
from . import register
from .common import EmitContext, context_id, contexts, decimals_text, schema_href, units, used_prefixes

TEMPLATE = "filing.xhtml.j2"
_DISPLAY_MARKUP = re.compile(r"</?(?:u|b|i|sup|sub|strong|em)>|&lt;/?sup&gt;|\*\*|\\(?=[*_#<>$])")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")


class View(SimpleNamespace):
    """What the template shows of a block, a cell or a fact (attributes, which jinja2 reads fastest)."""


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    fact: View | None = None


@lru_cache(maxsize=4)
def environment(folder: str) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def _looks_numeric(text: str) -> bool:
    return numbers.parse_cell(text) is not None or numbers.is_dash(text)


def _display(text: str) -> str:
    return _DISPLAY_MARKUP.sub("", text)


def _fact_view(fact: Fact, text: str, ctx: EmitContext) -> dict:
    tax = ctx.taxonomy
    view = View(id=fact.id, name=tax.qname(fact.concept), context=context_id(fact.period, fact.dimensions),
                text=text, numeric=fact.unit is not None, inner=None, unit="", decimals="", scale=0, sign=False,
                format="")
    if fact.unit is not None:
        view.unit = fact.unit.xml_id
        view.decimals = decimals_text(fact)
        view.scale = fact.scale
        view.sign = isinstance(fact.value, Decimal) and fact.value < 0
        view.format = "ixt:fixed-zero" if fact.dash else "ixt:num-dot-decimal"
    else:
        view.format = date_format(text) if tax.concepts[fact.concept].type == "date" else ""
    return view


_DATE_FORMATS = {"mdy": "ixt:date-monthname-day-year-en", "dmy": "ixt:date-day-monthname-year-en",
                 "iso": "ixt:date-year-month-day", "ymd": "ixt:date-year-month-day"}


def date_format(text: str) -> str:
    """The transformation that reads a date as it is written: "September 30, 2013" ->
    ixt:date-monthname-day-year-en, "23 May 2025" -> ixt:date-day-monthname-year-en, "2025-05-23" ->
    ixt:date-year-month-day."""
    found = find_dates(text)
    return _DATE_FORMATS.get(found[0].order if found else "mdy", _DATE_FORMATS["mdy"])


def _plain_value(fact: Fact) -> str:
    """The value as ix:hidden states it: digits with a decimal point, no sign (that is the sign attribute)."""
    assert isinstance(fact.value, Decimal)
    return format(abs(fact.value), "f")


def _segments(line: str, start: int, end: int, facts: list[Fact], ctx: EmitContext) -> list[Segment]:
    """Text of line[start:end] cut around the facts tagged inside it."""
    out: list[Segment] = []
    pos = start
    for fact in facts:
        if fact.span.start < start or fact.span.end > end:
            continue
        view = _fact_view(fact, line[fact.span.start:fact.span.end], ctx)
        if out and out[-1].fact and pos == fact.span.end and fact.span.start < pos:
            # one figure stated for several dates: the tags nest around the same characters
            outer = out[-1].fact
            while outer.inner is not None:
                outer = outer.inner
            outer.inner = view
            continue
        if fact.span.start > pos:
            out.append(Segment(_display(line[pos:fact.span.start])))
        out.append(Segment("", view))
        pos = fact.span.end
    if pos < end:
        out.append(Segment(_display(line[pos:end])))
    return out


def _row_kind(cells, in_head: bool) -> str:
    """How a table row is shown: header rows, section headers ("OPERATING ACTIVITIES:"), totals."""
    label = cells[0].text.strip() if cells else ""
    others = any(c.text.strip() for c in cells[1:])
    if in_head:
        return "head"
    if label and not others and (label.endswith(":") or label.isupper()):
        return "section"
    if label.lower().startswith(("total", "consolidated total")):
        return "total"
    return ""


def _block_view(block: Block, lines: list[str], by_line: dict[int, list[Fact]], ctx: EmitContext) -> dict:
    if block.kind == "table":
        rows = []
        in_head = True
        for row in block.rows:
            cells = []
            for i, cell in enumerate(row.cells):
                line = lines[cell.span.line - 1]
                segs = _segments(line, cell.span.start, cell.span.end, by_line.get(cell.span.line, []), ctx)
                numeric = i > 0 and (any(s.fact for s in segs) or _looks_numeric(cell.text))
                cells.append(View(segments=segs, numeric=numeric, label=i == 0))
            label_only = bool(row.cells) and row.cells[0].text.strip() and not any(c.text.strip() for c in row.cells[1:])
            in_head = in_head and not any(c.numeric for c in cells) and not label_only
            rows.append(View(cells=cells, kind=_row_kind(row.cells, in_head)))
        return View(kind="table", rows=rows)
    view_lines = []
    for number in range(block.first_line, block.last_line + 1):
        line = lines[number - 1]
        start = 0
        if block.kind == "heading":
            m = _MD_HEADING.match(line)
            start = m.end() if m else 0
        view_lines.append(_segments(line, start, len(line), by_line.get(number, []), ctx))
    return View(kind=block.kind, level=max(1, min(block.level or 3, 4)), lines=view_lines)


def title_of(filing: Filing) -> str:
    for block in filing.blocks:
        if block.kind == "heading":
            text = _display(heading_text(filing.document.line(block.first_line)))
            if len(text) > 8:
                return text
    return filing.document.name


@register("ixbrl", ".xhtml", "Inline XBRL 1.1 (XHTML)")
def render(filing: Filing, ctx: EmitContext) -> bytes:
    tax = ctx.taxonomy
    by_line: dict[int, list[Fact]] = {}
    hidden = []
    for fact in sorted(filing.facts, key=lambda f: (f.span.line, f.span.start)):
        if fact.hidden:
            view = _fact_view(fact, _plain_value(fact), ctx)
            view.scale = 0
            hidden.append(view)
        else:
            by_line.setdefault(fact.span.line, []).append(fact)
    lines = filing.document.lines
    unit_views = []
    for unit in units(filing.facts):
        unit_views.append({"id": unit.xml_id, "numerator": list(unit.numerator), "denominator": list(unit.denominator)})
    context_views = [{
        "id": c.id,
        "instant": c.period.end.isoformat() if c.period.is_instant else None,
        "start": c.period.start.isoformat() if c.period.start else None,
        "end": c.period.end.isoformat(),
        "dims": [(tax.qname(a), tax.qname(m)) for a, m in c.dims],
    } for c in contexts(filing.facts)]
    template = environment(str(data_dir("templates"))).get_template(TEMPLATE)
    html = template.render(
        title=title_of(filing),
        filing=filing,
        entity=filing.entity,
        taxonomy=tax,
        prefixes=used_prefixes(filing, tax),
        schema_href=schema_href(filing),
        contexts=context_views,
        units=unit_views,
        blocks=[_block_view(b, lines, by_line, ctx) for b in filing.blocks],
        hidden=hidden,
        fact_count=len(filing.facts),
    )
    return html.encode("utf-8")
