"""Facts stated in sentences: dividend and stock-split notices, highlights.

Each rule reads one kind of statement that financial text makes in fairly fixed
words ("record date of <date>", "JPY13.50 per common share as FY2017 year-end
dividend", "at a ratio of 1:2") and yields Observations with a label and section
context, so the mapper, not this module, decides the concept.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from .layout import heading_text
from .model import JPY_PER_SHARE, PURE, Block, Document, Extraction, Observation, Period, Skip, Span
from .periods import MONTHS, FiscalCalendar, find_dates

_D = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"  # optional weekday before a date
_RECORD_DATE = re.compile(r"\brecord\s+date\s*(?:of|is|was|:)\s*" + _D, re.I)
_EFFECTIVE_DATE = re.compile(r"\beffective\s+date\s*(?:of\s+the\s+stock\s+split\s*)?(?:is|was|:|of)?\s*" + _D, re.I)
_RATIO = re.compile(r"\bratio\s+of\s+(?P<a>\d+)\s*:\s*(?P<b>\d+)\b|\b(?P<c>\d+)-for-(?P<d>\d+)\s+(?:stock\s+)?split", re.I)
_DPS = re.compile(
    r"(?P<cur>JPY|¥)\s?(?P<num>\d+(?:\.\d+)?)\s+per\s+(?:common\s+)?share\s+as\s+(?:the\s+)?"
    r"(?:(?P<fy>FY\s?\d{4})\s+)?(?P<type>interim|year-end|year end)\s+dividend", re.I)
_SPLIT = re.compile(r"\bstock\s+split\b", re.I)
_DIVIDEND = re.compile(r"\bdividends?\b", re.I)
_OTHER_SUBJECT = re.compile(r"\b(?:ADRs?|American Depositary|Articles of Incorporation)\b", re.I)


@dataclass(frozen=True, slots=True)
class _Line:
    number: int
    text: str
    heading: str  # the nearest heading above (or the line itself when it is one)


_TOP_HEADING = re.compile(r"^\s*(?:#+\s*)?(?:\d+\.|[IVX]+\.)\s")


def _lines(doc: Document, blocks: list[Block]) -> list[_Line]:
    """Lines outside tables, each with its headings: the numbered section ("3. Partial
    Amendment ...") and the nearest one ("(3) Schedule")."""
    out, top, nearest = [], "", ""
    for block in blocks:
        if block.kind == "table":
            continue
        if block.kind == "heading":
            text = heading_text(doc.line(block.first_line))
            if _TOP_HEADING.match(doc.line(block.first_line)):
                top, nearest = text, ""
            else:
                nearest = text
        heading = " / ".join(h for h in (top, nearest) if h)
        for n in range(block.first_line, block.last_line + 1):
            out.append(_Line(n, doc.line(n), heading))
    return out


def _date_after(line: str, pos: int) -> tuple[dt.date, int, int] | None:
    for d in find_dates(line[pos:pos + 60]):
        if d.start == 0 and d.date:
            # tag the date itself, not a weekday before it
            text = d.text
            first_month = re.search("|".join(sorted(MONTHS, key=len, reverse=True)), text, re.I)
            shift = first_month.start() if first_month and not text[:1].isdigit() else 0
            return d.date, pos + d.start + shift, pos + d.end
    return None


def _dividend_period(record: dt.date, cal: FiscalCalendar) -> tuple[str, Period] | None:
    """The dividend a record date belongs to: the first-half end is interim, the year end year-end."""
    fy = cal.fiscal_year_of(record)
    if record == cal.half(fy, 1).end:
        return "interim", cal.half(fy, 1)
    if record == cal.year(fy).end:
        return "year-end", cal.year(fy)
    return None


@dataclass
class NoticeContext:
    """What a notice is about, found before its tables are read.

    ``event`` is the day of a stock split (its effective date, else its record
    date, else the release date) as a one-day duration; ``dividend`` the type and
    period of the dividend a notice declares, from its record date.
    """

    event: Period | None = None
    dividend: tuple[str, Period] | None = None
    split_dates: dict = field(default_factory=dict)  # "record"/"effective" -> (line, date, start, end)
    record_dates: list = field(default_factory=list)  # dividend record dates: (line, date, start, end, type, period)
    skipped: list = field(default_factory=list)


def notice_context(doc: Document, blocks: list[Block], cal: FiscalCalendar, issued: dt.date | None,
                   doctype: str) -> NoticeContext:
    ctx = NoticeContext()
    split_notice = doctype == "StockSplitNotice"
    for ln in _lines(doc, blocks):
        topic_split = split_notice and not _OTHER_SUBJECT.search(ln.heading + " " + ln.text[:40]) and (
            _SPLIT.search(ln.heading) or _SPLIT.search(ln.text) or "schedule" in ln.heading.lower())
        for m in _RECORD_DATE.finditer(ln.text):
            found = _date_after(ln.text, m.end())
            if not found:
                continue
            date, s, e = found
            if topic_split and "dividend" not in ln.text[max(0, m.start() - 80):m.start()].lower():
                ctx.split_dates.setdefault("record", (ln, date, s, e))
            elif _DIVIDEND.search(ln.text) and not split_notice:
                period = _dividend_period(date, cal)
                if period is None:
                    ctx.skipped.append(Skip(Span(ln.number, s, e), ln.text[s:e],
                                            "record date is not the end of a fiscal half or year", "record date"))
                    continue
                ctx.dividend = ctx.dividend or period
                ctx.record_dates.append((ln, date, s, e, *period))
        if topic_split:
            for m in _EFFECTIVE_DATE.finditer(ln.text):
                found = _date_after(ln.text, m.end())
                if found:
                    ctx.split_dates.setdefault("effective", (ln, *found))
    if split_notice:
        anchor = ctx.split_dates.get("effective") or ctx.split_dates.get("record")
        day = anchor[1] if anchor else issued
        if day is not None:
            ctx.event = Period(start=day, end=day)
    return ctx


_CAPTION_DATE = re.compile(r"^\s*(?:[-*•]\s*)?(?:\(?\d{1,2}\)\s*)?(?P<label>[A-Z][^:]{3,80}?)\s*:\s*" + _D)
_ENUMERATED = re.compile(r"^\s*(?:\(?\d{1,2}\)|\d{1,2}\.)\s*")


def extract(doc: Document, blocks: list[Block], cal: FiscalCalendar, ctx: NoticeContext,
            current: Period | None) -> Extraction:
    result = _extract(doc, blocks, cal, ctx, current)
    for skip in result.skipped:
        skip.origin = "prose"
    return result


def _extract(doc: Document, blocks: list[Block], cal: FiscalCalendar, ctx: NoticeContext,
             current: Period | None) -> Extraction:
    result = Extraction(skipped=list(ctx.skipped))
    lines = _lines(doc, blocks)
    for ln, date, s, e, kind, period in ctx.record_dates:
        result.observations.append(_obs("record date", ("dividend", kind), Span(ln.number, s, e), ln.text[s:e],
                                        date, period))

    for ln in lines:
        for m in _DPS.finditer(ln.text):
            kind = "interim" if m["type"].lower() == "interim" else "year-end"
            if m["fy"]:
                fy = int(m["fy"][-4:])
                period = cal.half(fy, 1) if kind == "interim" else cal.year(fy)
            elif ctx.dividend and ctx.dividend[0] == kind:
                period = ctx.dividend[1]
            else:
                result.skipped.append(Skip(Span(ln.number, m.start("num"), m.end("num")), m["num"],
                                           "dividend per share without a fiscal year", "dividend per share"))
                continue
            places = len(m["num"].split(".")[1]) if "." in m["num"] else 0
            result.observations.append(_obs(
                "dividend per common share", ("dividend", kind), Span(ln.number, m.start("num"), m.end("num")),
                m.group(0), Decimal(m["num"]), period, unit=JPY_PER_SHARE, decimals=places))
        _caption_date(ln, cal, ctx, current, result)

    if ctx.event is not None:
        event = ctx.event
        for key, label in (("record", "record date"), ("effective", "effective date")):
            if key in ctx.split_dates:
                ln, date, s, e = ctx.split_dates[key]
                result.observations.append(_obs(label, ("stock split",), Span(ln.number, s, e), ln.text[s:e], date, event))
        for ln in lines:
            for m in _RATIO.finditer(ln.text):
                if _OTHER_SUBJECT.search(ln.heading + " " + ln.text[:40]):
                    continue
                before, after = (m["a"], m["b"]) if m["a"] else (m["d"], m["c"])
                group = "b" if m["a"] else "c"
                if before != "1":
                    # only "1:n" shows its value (n) as a number that can be tagged where it stands
                    result.skipped.append(Skip(Span(ln.number, m.start(), m.end()), m.group(0),
                                               "split ratio other than 1:n", "stock split ratio"))
                    continue
                value = Decimal(after) / Decimal(before)
                result.observations.append(_obs("stock split ratio", ("stock split",),
                                                Span(ln.number, m.start(group), m.end(group)), m.group(0), value, event,
                                                unit=PURE, decimals=None))
    return result


def _caption_date(ln: _Line, cal: FiscalCalendar, ctx: NoticeContext, current: Period | None, result: Extraction) -> None:
    """"Payment of dividend: December 6, 2013", "Public notice date of the record date: Tuesday,
    December 15, 2020": a date stated for a caption, dated by what the document is about."""
    m = _CAPTION_DATE.match(ln.text)
    if not m:
        return
    found = _date_after(ln.text, m.end())
    if not found:
        return
    date, s, e = found
    label = re.sub(r"^\(?\d{1,2}\)\s*", "", m["label"].strip())
    if any(key and key[0].number == ln.number for key in ctx.split_dates.values()):
        return  # read already as the split's record or effective date
    if ctx.event is not None and _OTHER_SUBJECT.search(ln.heading + " " + label):
        # a date of something else the notice announces (the ADR ratio change, the articles)
        sections = tuple(_ENUMERATED.sub("", h) for h in reversed(ln.heading.split(" / ")))
        period = ctx.event
    elif ctx.event is not None:
        sections, period = ("stock split",), ctx.event
    elif _DIVIDEND.search(label):
        if ctx.dividend:
            kind, period = ctx.dividend
        elif current is not None:
            fy = cal.fiscal_year_of(current.end)
            kind, period = ("interim", cal.half(fy, 1)) if current.end == cal.half(fy, 1).end else ("year-end", cal.year(fy))
        else:
            return
        sections = ("dividend", kind)
    else:
        return
    result.observations.append(_obs(label, sections, Span(ln.number, s, e), ln.text[s:e], date, period))


def _obs(label: str, sections: tuple[str, ...], span: Span, source: str, value, period: Period,
         unit=None, decimals: int | None = None) -> Observation:
    return Observation(label=label, sections=sections, statement="prose", span=span, source_text=source,
                       value=value, period=period, unit=unit, decimals=decimals, origin="prose")
