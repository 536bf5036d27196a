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
from fractions import Fraction

from .layout import heading_text
from .model import JPY_PER_SHARE, PURE, Block, Document, Extraction, Observation, Period, Skip, Span
from .periods import MONTHS, FiscalCalendar, find_dates, parse_period

_D = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"  # optional weekday before a date
_RECORD_DATE = re.compile(r"\brecord\s+date\s*(?:of|is|was|:)?\s*" + _D, re.I)
_SUBJECTS = re.compile(r"\bdividends?\b|\bstock\s+split\b", re.I)
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


_LIST_ITEM = re.compile(r"^\s*\d{1,2}\)\s")
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
            elif not _LIST_ITEM.match(text):  # "4) Temporarily books closed ..." is an item of "(5) ..."
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


def _sentence_subject(line: str, pos: int) -> str:
    """What the record date at ``pos`` belongs to: the nearest "dividend" or "stock split" before it
    in its sentence ("The year-end dividend ... shall be paid ... on the record date ..."), else the
    first one after it; "" when the sentence names neither."""
    start = max(line.rfind(". ", 0, pos), line.rfind("; ", 0, pos)) + 1
    end = min((i for i in (line.find(". ", pos), line.find("; ", pos)) if i >= 0), default=len(line))
    before = list(_SUBJECTS.finditer(line, start, pos))
    m = before[-1] if before else _SUBJECTS.search(line, pos, end)
    if m is None:
        return ""
    return "dividend" if m.group(0).lower().startswith("dividend") else "stock split"


def _dividend_period(record: dt.date, cal: FiscalCalendar) -> tuple[str, Period] | None:
    """The dividend a record date belongs to: the first-half end is interim, the year end year-end."""
    fy = cal.fiscal_year_of(record)
    half, year = cal.half(fy, 1), cal.year(fy)
    if half is not None and record == half.end:
        return "interim", half
    if year is not None and record == year.end:
        return "year-end", year
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
    lines: list = field(default_factory=list)  # the document's lines outside tables, with their headings


def notice_context(doc: Document, blocks: list[Block], cal: FiscalCalendar, issued: dt.date | None,
                   doctype: str, split_day: Period | None = None) -> NoticeContext:
    """``split_day``: the day a split takes effect as the text states it in any wording (see
    events.split_day), used when the notice gives no effective or record date of its own."""
    ctx = NoticeContext()
    split_notice = doctype == "StockSplitNotice"
    ctx.lines = _lines(doc, blocks)
    for ln in ctx.lines:
        topic_split = split_notice and not _OTHER_SUBJECT.search(ln.heading + " " + ln.text[:40]) and (
            _SPLIT.search(ln.heading) or _SPLIT.search(ln.text) or "schedule" in ln.heading.lower())
        for m in _RECORD_DATE.finditer(ln.text):
            found = _date_after(ln.text, m.end())
            if not found:
                continue
            date, s, e = found
            about = _sentence_subject(ln.text, m.start())
            if topic_split and about != "dividend":
                ctx.split_dates.setdefault("record", (ln, date, s, e))
            elif about == "dividend" or (_DIVIDEND.search(ln.text) and not split_notice):
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
        anchor = ctx.split_dates.get("effective") or (None if split_day else ctx.split_dates.get("record"))
        day = anchor[1] if anchor else (split_day.end if split_day else issued)
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
    lines = ctx.lines or _lines(doc, blocks)
    for ln, date, s, e, kind, period in ctx.record_dates:
        result.observations.append(_obs("record date", ("dividend", kind), Span(ln.number, s, e), ln.text[s:e],
                                        date, period))

    for ln in lines:
        for m in _DPS.finditer(ln.text):
            kind = "interim" if m["type"].lower() == "interim" else "year-end"
            if m["fy"]:
                fy = int(m["fy"][-4:])
                period = cal.half(fy, 1) if kind == "interim" else cal.year(fy)
                if period is None:
                    result.skipped.append(Skip(Span(ln.number, m.start("num"), m.end("num")), m["num"],
                                               "dividend per share for a fiscal year whose dates are not known",
                                               "dividend per share"))
                    continue
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
        _resolution_date(ln, ctx, result)

    _adr_ratios(lines, ctx, result)
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


_IS_DATE = re.compile(r"(?:^|[,;.:]\s+|\(Note\)\s*)(?:the\s+)?(?P<label>[a-z][a-z -]{3,60}?)\s+"
                      r"(?:is|was|will\s+be|shall\s+be)\s+" + _D + r"(?=[A-Z][a-z]+\.?\s+\d)", re.I)
_EFFECTIVE_LEAD = re.compile(r"^\s*(?P<label>Effective)\s+(?=[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4},)")
_DATE_RANGE = re.compile(r"^\s*(?:[-*•]\s*)?(?:\(?\d{1,2}\)\s*)?(?P<label>[A-Z][\w ,'-]{3,60}?)\s+(?:for|from)\s+" + _D)
_RANGE_TO = re.compile(r"(?<!\s)\s*+(?:\u2013|\u2014|-|to|through|until)\s*+" + _D, re.I)


def _dated_labels(text: str) -> list[tuple[str, int]]:
    """(label, where its date starts) for each date the line states for a caption:
    "Payment of dividend: December 6, 2013", "the record date in substance is Wednesday,
    December 30, 2020", "Effective January 1, 2021, ...", and both ends of "Books closed
    for December 29, 2020 - January 4, 2021" (labels "... from" and "... to")."""
    if m := _CAPTION_DATE.match(text):
        return [(m["label"].strip(), m.end())]
    if m := _EFFECTIVE_LEAD.match(text):
        return [("Effective date", m.end())]
    if (m := _DATE_RANGE.match(text)) and (first := _date_after(text, m.end())):
        to = _RANGE_TO.match(text, first[2])
        if to and _date_after(text, to.end()):
            label = m["label"].strip()
            return [(f"{label} from", m.end()), (f"{label} to", to.end())]
    return [(m["label"].strip(), m.end()) for m in _IS_DATE.finditer(text)]


def _caption_date(ln: _Line, cal: FiscalCalendar, ctx: NoticeContext, current: Period | None, result: Extraction) -> None:
    """Dates stated for a caption (see _dated_labels), dated by what the document is about."""
    if any(key and key[0].number == ln.number for key in ctx.split_dates.values()):
        return  # read already as the split's record or effective date
    for label, at in _dated_labels(ln.text):
        found = _date_after(ln.text, at)
        if not found:
            continue
        date, s, e = found
        label = re.sub(r"^\(?\d{1,2}\)\s*", "", label)
        dated = _dated_by_notice(ln, label, cal, ctx, current)
        if dated is not None:
            sections, period = dated
            result.observations.append(_obs(label, sections, Span(ln.number, s, e), ln.text[s:e], date, period))


def _dated_by_notice(ln: _Line, label: str, cal: FiscalCalendar, ctx: NoticeContext,
                     current: Period | None) -> tuple[tuple[str, ...], Period] | None:
    """The section context and period of a date a notice states: the split's day for what a split
    notice announces, the dividend's period for a dividend's dates; None when neither applies."""
    if ctx.event is not None and _OTHER_SUBJECT.search(ln.heading + " " + label):
        # a date of something else the notice announces (the ADR ratio change, the articles)
        return tuple(_ENUMERATED.sub("", h) for h in reversed(ln.heading.split(" / "))), ctx.event
    if ctx.event is not None:
        return ("stock split",), ctx.event
    if _DIVIDEND.search(label):
        if ctx.dividend:
            kind, period = ctx.dividend
        elif current is not None:
            fy = cal.fiscal_year_of(current.end)
            half = cal.half(fy, 1)
            kind, period = ("interim", half) if half is not None and current.end == half.end else ("year-end", cal.year(fy))
            if period is None:
                return None
        else:
            return None
        return ("dividend", kind), period
    return None


_QUANTITY_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                   "ten": 10, "one-half": Fraction(1, 2), "one-third": Fraction(1, 3), "one-quarter": Fraction(1, 4),
                   "one-fourth": Fraction(1, 4), "one-fifth": Fraction(1, 5), "one-tenth": Fraction(1, 10)}
_WORDS = "|".join(sorted(_QUANTITY_WORDS, key=len, reverse=True))
# a quantity as written: "One (1)", "One-half (1/2)", "(2)", "2", "0.5", "1/2", "two"
_QUANTITY = rf"(?:(?:{_WORDS})\s*)?\(\s*\d+(?:\s*/\s*\d+)?\s*\)|\d+(?:\.\d+)?(?:\s*/\s*\d+)?|(?:{_WORDS})\b"
_ADR_RATIO = re.compile(
    rf"\b(?P<which>current|new|old|previous|revised|present)\s+(?:ADR\s+|ADS\s+)?ratio\s*[:\-]?\s*"
    rf"(?P<adr>{_QUANTITY})\s*(?:ADRs?|ADSs?)\s*(?:=|represents?|equals?|to|for|:)\s*(?P<num>{_QUANTITY})\s*"
    r"(?:of\s+(?:one|an?)\s+)?(?:common\s+|ordinary\s+)?(?:stock|shares?)\b", re.I)


def _quantity(text: str) -> Fraction | None:
    """"One-half (1/2)" -> 1/2, "(2)" -> 2, "0.5" -> 1/2, "two" -> 2; the figure in parentheses wins."""
    m = re.search(r"\(\s*(\d+)(?:\s*/\s*(\d+))?\s*\)", text) or re.fullmatch(r"\s*(\d+(?:\.\d+)?)(?:\s*/\s*(\d+))?\s*", text)
    if m:
        den = int(m[2]) if m[2] else 1
        return Fraction(m[1]) / den if den else None
    word = _QUANTITY_WORDS.get(text.strip().lower())
    return Fraction(word) if word is not None else None


_BEFORE_CHANGE = ("current", "old", "previous", "present")


def _adr_effective(lines: list[_Line]) -> dt.date | None:
    """The day an ADR ratio change takes effect: an "Effective date:" under a heading about ADRs."""
    for ln in lines:
        if re.search(r"\bAD[RS]s?\b|Depositary", ln.heading) and (m := _EFFECTIVE_DATE.search(ln.text)):
            if found := _date_after(ln.text, m.end()):
                return found[0]
    return None


def _adr_ratios(lines: list[_Line], ctx: NoticeContext, result: Extraction) -> None:
    """"Current ratio: One (1) ADR = One-half (1/2) of one common stock": shares per ADR, before
    the change (the day before it takes effect) and after it.  A fraction cannot be tagged where
    it stands, so such a value goes to ix:hidden."""
    effective = _adr_effective(lines) or (ctx.event.end if ctx.event else None)
    for ln in lines:
        for m in _ADR_RATIO.finditer(ln.text):
            written = m["num"]
            digits = re.search(r"\d+(?:\.\d+)?(?:\s*/\s*\d+)?", written)  # the figure is tagged, not its words
            start = m.start("num") + (digits.start() if digits else 0)
            span = Span(ln.number, start, m.start("num") + (digits.end() if digits else len(written)))
            adr, shares = _quantity(m["adr"]), _quantity(written)
            if adr_digits := re.search(r"\d+(?:\.\d+)?(?:\s*/\s*\d+)?", m["adr"]):
                # "1 ADS represents 2 shares": the ADS side is part of the ratio tagged at its share side
                a = m.start("adr") + adr_digits.start()
                result.skipped.append(Skip(Span(ln.number, a, a + len(adr_digits.group(0))), adr_digits.group(0),
                                           "part of an ADR ratio (the depositary-share side)", "ADR ratio"))
            if not adr or shares is None:
                result.skipped.append(Skip(span, m.group(0), "ADR ratio whose quantities cannot be read", "ADR ratio"))
                continue
            if effective is None:
                result.skipped.append(Skip(span, m.group(0), "ADR ratio without a date it applies from", "ADR ratio"))
                continue
            ratio = shares / adr
            value = Decimal(ratio.numerator) / Decimal(ratio.denominator)
            if value * ratio.denominator != ratio.numerator:
                result.skipped.append(Skip(span, m.group(0), "ADR ratio with no exact decimal value", "ADR ratio"))
                continue
            day = effective - dt.timedelta(days=1) if m["which"].lower() in _BEFORE_CHANGE else effective
            obs = _obs("shares of common stock per ADR", ("ADR",), span, m.group(0), value, Period(end=day),
                       unit=PURE, decimals=None)
            obs.hidden = ratio.denominator != 1 or adr != 1 or not digits or Fraction(digits.group(0).replace(" ", "")) != ratio
            result.observations.append(obs)


_RESOLVED = re.compile(r"\btoday\s+(?:resolved|approved|decided|declared)\b", re.I)


def _resolution_date(ln: _Line, ctx: NoticeContext, result: Extraction) -> None:
    """"TOKYO, May 24, 2018 -- ... Board of Directors today resolved upon the dividends": the
    dateline's date is the day the dividend (or the split) was resolved."""
    m = _RESOLVED.search(ln.text)
    if not m:
        return
    dates = [d for d in find_dates(ln.text[:m.start()]) if d.date]
    if not dates:
        return
    date, s, e = _date_after(ln.text, dates[-1].start) or (dates[-1].date, dates[-1].start, dates[-1].end)
    about = _sentence_subject(ln.text, m.end())
    if about == "dividend" and ctx.dividend:
        sections, period = ("dividend", ctx.dividend[0]), ctx.dividend[1]
    elif about == "stock split" and ctx.event:
        sections, period = ("stock split",), ctx.event
    else:
        return
    result.observations.append(_obs("resolution date", sections, Span(ln.number, s, e), ln.text[s:e], date, period))


def _obs(label: str, sections: tuple[str, ...], span: Span, source: str, value, period: Period,
         unit=None, decimals: int | None = None) -> Observation:
    return Observation(label=label, sections=sections, statement="prose", span=span, source_text=source,
                       value=value, period=period, unit=unit, decimals=decimals, origin="prose")


_NOT_ADJUSTED = re.compile(r"\b(?:(?:does|do|did)\s+not\s+(?:take|reflect)\s+(?:the\s+)?(?:stock\s+)?split"
                           r"|(?:has|have)\s+not\s+been\s+adjusted\s+for\s+the\s+(?:stock\s+)?split)", re.I)
_DIVIDEND_KINDS = (("first quarter-end", re.compile(r"\b1Q[- ]end|\bfirst[- ]quarter[- ]end", re.I)),
                   ("interim", re.compile(r"\b2Q[- ]end|\binterim|\bsecond[- ]quarter[- ]end", re.I)),
                   ("third quarter-end", re.compile(r"\b3Q[- ]end|\bthird[- ]quarter[- ]end", re.I)),
                   ("year-end", re.compile(r"\byear[- ]end\b", re.I)))


@dataclass(frozen=True)
class UnadjustedDividends:
    """"2Q-end dividend (interim dividend) for the fiscal year ended March 31, 2013 does not take
    the stock split into consideration": those dividends per share are as declared before a split."""

    year: Period
    kinds: frozenset[str]  # "interim", "year-end", ...; the annual total includes them
    line: int


def unadjusted_dividends(lines: list[_Line], cal: FiscalCalendar) -> list[UnadjustedDividends]:
    found = []
    for ln in lines:
        if "plit" not in ln.text or not _SPLIT.search(ln.text):
            continue
        for m in _NOT_ADJUSTED.finditer(ln.text):
            start = max(ln.text.rfind(". ", 0, m.start()), ln.text.rfind("; ", 0, m.start())) + 1
            subject = ln.text[start:m.start()]  # what the sentence says is not adjusted
            if not _DIVIDEND.search(subject):
                continue
            period = parse_period(subject, cal)
            if period is None or period.is_instant:
                continue
            year = cal.year(cal.fiscal_year_of(period.end))
            if year is None:
                continue
            kinds = frozenset(kind for kind, pattern in _DIVIDEND_KINDS if pattern.search(subject)) or frozenset(
                kind for kind, _ in _DIVIDEND_KINDS)
            found.append(UnadjustedDividends(year, kinds, ln.number))
    return found
