"""Dates and periods as financial text writes them, on the issuer's fiscal calendar.

"FY2013", "1H13", "Q1 FY25", "H1 2024", "fiscal 2021", "Six Months Ended September 30,
2013", "17 Weeks Ended September 3, 2023", "As of March 31, 2013": each names a period
only together with the company's fiscal calendar (when its year ends, whether "FY2013"
starts or ends in 2013, whether it counts weeks), which the profile stage infers from
the text or the entity registry gives.  Dates printed in a header win over any rule: a
calendar only fills in what the header leaves out.  A period that cannot be resolved is
None, never a guess.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from .model import Entity, Period, Status

MONTHS = {
    name: i
    for i, names in enumerate(
        [(), ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")]
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
# "September 30, 2013", "Sep. 30, 2012", "Thursday, December 31, 2020", "September 3,\n2023"
_MDY = re.compile(_WEEKDAY + _MONTH + r"\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(?P<year>\d{4})(?!\d)", re.I)
# "30 September 2013", "06 August 2024"
_DMY = re.compile(r"\b" + _WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})(?!\d)", re.I)
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_YMD_SLASH = re.compile(r"\b(?P<year>(?:19|20)\d{2})/(?P<month>\d{1,2})/(?P<day>\d{1,2})\b")

FIRST_YEAR, LAST_YEAR = 1900, 2199  # years outside this range name no period here


@dataclass(frozen=True, slots=True)
class DateMatch:
    date: dt.date | None  # None when the text names an impossible date
    start: int
    end: int
    text: str
    order: str = "mdy"  # how it was written: "mdy" ("September 30, 2013"), "dmy", "iso", "ymd"


_HAS_YEAR = re.compile(r"\d{4}")


def find_dates(text: str) -> list[DateMatch]:
    """Every date written in ``text``, left to right; impossible dates have ``date=None``.

    >>> [(d.date.isoformat(), d.order) for d in find_dates("on Sunday, September 30, 2012 and 30 June 2024")]
    [('2012-09-30', 'mdy'), ('2024-06-30', 'dmy')]
    """
    if not _HAS_YEAR.search(text):  # every form written here has a four-digit year
        return []
    return list(_find_dates(text))


@functools.lru_cache(maxsize=8192)
def _find_dates(text: str) -> tuple[DateMatch, ...]:
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for pattern, order in ((_MDY, "mdy"), (_DMY, "dmy"), (_ISO, "iso"), (_YMD_SLASH, "ymd")):
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            month = m["month"]
            month_no = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
            year = int(m["year"])
            try:
                date = dt.date(year, month_no, int(m["day"])) if FIRST_YEAR <= year <= LAST_YEAR else None
            except ValueError:
                date = None
            found.append(DateMatch(date, m.start(), m.end(), m.group(0), order))
            taken.append((m.start(), m.end()))
    found.sort(key=lambda d: d.start)
    return tuple(found)


def parse_date(text: str) -> dt.date | None:
    """The first valid date in ``text``."""
    for match in find_dates(text):
        if match.date:
            return match.date
    return None


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_ending(months: int, end: dt.date) -> Period:
    """The ``months``-long duration that ends on ``end``: "six months ended September 30" starts
    April 1; one that ends on the last day of February starts on the first of a month too."""
    if end == month_end(end.year, end.month):
        first = add_months(dt.date(end.year, end.month, 1), 1 - months)
        return Period(end=end, start=first)
    return Period(end=end, start=add_months(end + dt.timedelta(days=1), -months))


def weeks_ending(weeks: int, end: dt.date) -> Period:
    return Period(end=end, start=end - dt.timedelta(days=7 * weeks - 1))


WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}


@dataclass(frozen=True, slots=True)
class WeekRule:
    """How a 52/53-week fiscal year ends: the last ``weekday`` of ``month`` ("last"), or the
    ``weekday`` nearest the end of ``month`` ("nearest")."""

    weekday: int  # Monday 0 .. Sunday 6
    month: int
    kind: str  # "last" | "nearest"

    def end_in(self, year: int) -> dt.date:
        """The fiscal year end that falls in (or next to) calendar ``year``'s ``month``.

        >>> WeekRule(5, 9, "last").end_in(2023), WeekRule(6, 8, "nearest").end_in(2023)
        (datetime.date(2023, 9, 30), datetime.date(2023, 9, 3))
        """
        last = month_end(year, self.month)
        if self.kind == "last":
            return last - dt.timedelta(days=(last.weekday() - self.weekday) % 7)
        back = (last.weekday() - self.weekday) % 7
        return last - dt.timedelta(days=back) if back <= 3 else last + dt.timedelta(days=7 - back)

    @classmethod
    def fitting(cls, ends: list[dt.date]) -> WeekRule | None:
        """The rule every one of these fiscal year ends follows, when exactly one does."""
        if not ends or len({d.weekday() for d in ends}) != 1:
            return None
        weekday = ends[0].weekday()
        found = set()
        for month in range(1, 13):
            for kind in ("last", "nearest"):
                rule = cls(weekday, month, kind)
                if all(any(rule.end_in(y) == d for y in (d.year - 1, d.year, d.year + 1)) for d in ends):
                    found.add(rule)
        # "last Saturday" and "Saturday nearest" often agree on the dates seen: keep the ones that
        # give the same end in every year around them, else none
        years = range(min(d.year for d in ends) - 3, max(d.year for d in ends) + 4)
        distinct = {tuple(r.end_in(y) for y in years) for r in found}
        return sorted(found, key=lambda r: (r.kind, r.month))[0] if len(distinct) == 1 else None


@dataclass(frozen=True, slots=True)
class FiscalCalendar:
    """An issuer's fiscal year: when it ends, how "FY2013" is named, whether it counts weeks.

    ``named_by`` "start": "FY2013" is the year that starts in 2013 (IIJ's April-March year);
    "end": the year that ends in 2013 (Apple's "fiscal 2023" ends in September 2023).
    ``weeks``: the year is 52 or 53 weeks long, ending on ``rule`` (when known); quarters are
    13 weeks.  ``ends`` are fiscal year ends the document prints (fiscal year -> date).
    """

    end_month: int = 3
    end_day: int = 31
    named_by: str = "start"
    weeks: bool = False
    rule: WeekRule | None = None
    ends: tuple[tuple[int, dt.date], ...] = field(default=())
    known: bool = True  # False: the text states no year end, so a fiscal label ("FY2023") names no dates

    @classmethod
    def of(cls, entity: Entity) -> FiscalCalendar:
        month, day = entity.fiscal_year_end
        return cls(month, day, entity.fiscal_year_named_by)

    def _end_year(self, fiscal_year: int) -> int:
        """The calendar year in which fiscal year ``fiscal_year`` ends."""
        spans_two_years = not (self.end_month == 12 and self.end_day >= 25)
        return fiscal_year + 1 if (spans_two_years and self.named_by == "start") else fiscal_year

    def year_end(self, fiscal_year: int) -> dt.date | None:
        """The last day of a fiscal year; None when a 52/53-week year's end is not known."""
        for fy, end in self.ends:
            if fy == fiscal_year:
                return end
        year = self._end_year(fiscal_year)
        if not self.known or not FIRST_YEAR <= year <= LAST_YEAR:
            return None
        if self.weeks:
            return self.rule.end_in(year) if self.rule else None
        return dt.date(year, self.end_month, min(self.end_day, calendar.monthrange(year, self.end_month)[1]))

    def year(self, fiscal_year: int) -> Period | None:
        end, before = self.year_end(fiscal_year), self.year_end(fiscal_year - 1)
        if end is None:
            return None
        if before is not None and 360 <= (end - before).days <= 372:
            return Period(end=end, start=before + dt.timedelta(days=1))
        if self.weeks:
            return None  # 52 or 53 weeks: not known
        return months_ending(12, end)

    def year_to_date(self, fiscal_year: int, months: int) -> Period | None:
        """The first ``months`` months of a fiscal year (3 = 1Q, 6 = 1H, 9 = 3Q cumulative)."""
        year = self.year(fiscal_year)
        if year is None:
            return None
        assert year.start is not None
        if self.weeks:
            # a 52-week year is four quarters of 13 weeks; a 53-week year's extra week may be in any
            # quarter (and some calendars use 12- or 16-week periods): only printed dates say which
            if (year.end - year.start).days != 363 or months % 3:
                return None
            return Period(start=year.start, end=year.start + dt.timedelta(weeks=13 * months // 3, days=-1))
        return Period(start=year.start, end=add_months(year.start, months) - dt.timedelta(days=1))

    def quarter(self, fiscal_year: int, quarter: int) -> Period | None:
        """The three months of one fiscal quarter (not cumulative)."""
        year = self.year(fiscal_year)
        if year is None:
            return None
        assert year.start is not None
        if self.weeks:
            to_date = self.year_to_date(fiscal_year, 3 * quarter)  # see year_to_date
            return Period(start=to_date.end - dt.timedelta(weeks=13, days=-1), end=to_date.end) if to_date else None
        q_start = add_months(year.start, 3 * (quarter - 1))
        return Period(start=q_start, end=add_months(q_start, 3) - dt.timedelta(days=1))

    def half(self, fiscal_year: int, half: int) -> Period | None:
        if half == 1:
            return self.year_to_date(fiscal_year, 6)
        year, first = self.year(fiscal_year), self.year_to_date(fiscal_year, 6)
        if year is None or first is None:
            return None
        return Period(start=first.end + dt.timedelta(days=1), end=year.end)

    def fiscal_year_of(self, day: dt.date) -> int:
        """The fiscal year (by this calendar's naming) that contains ``day``."""
        for fy in (day.year - 1, day.year, day.year + 1):
            end, before = self.year_end(fy), self.year_end(fy - 1)
            if end is not None and before is not None and before < day <= end:
                return fy
            if end is not None and before is None and end - dt.timedelta(days=364) <= day <= end:
                return fy
        # a 52/53-week year whose ends are not known, or an unknown calendar: the nominal month end decides
        nominal = FiscalCalendar(self.end_month, self.end_day, self.named_by)
        return nominal.fiscal_year_of(day)

    def fits_year_end(self, day: dt.date) -> bool:
        """Is ``day`` a fiscal year end of this calendar?"""
        return self.year_end(self.fiscal_year_of(day)) == day


UNKNOWN_CALENDAR = FiscalCalendar(12, 31, "end", known=False)


def _year(text: str) -> int:
    year = int(text)
    if year < 100:
        year += 2000 if year < 70 else 1900
    return year


# ---------------------------------------------------------------- period phrases

_COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "nine": 9, "twelve": 12, "thirteen": 13,
                "fourteen": 14, "sixteen": 16, "seventeen": 17, "twenty-six": 26, "thirty-nine": 39,
                "fifty-two": 52, "fifty-three": 53}
_COUNT = r"(?P<n>one|two|three|four|six|nine|twelve|thirteen|fourteen|sixteen|seventeen|twenty-six|thirty-nine" \
         r"|fifty-two|fifty-three|\d{1,2})"
_MONTHS_ENDED = re.compile(rf"\b{_COUNT}[ -]months?(?:\s+period)?\s+end(?:ed|ing)\b", re.I)
_WEEKS_ENDED = re.compile(rf"\b{_COUNT}[ -]weeks?(?:\s+(?:fiscal\s+)?(?:year|quarter|period))?\s+end(?:ed|ing)\b", re.I)
_QUARTER_ENDED = re.compile(r"\b(?:(?P<q>first|second|third|fourth|[1-4](?:st|nd|rd|th))\s+)?quarter\s+end(?:ed|ing)\b",
                            re.I)
_HALF_ENDED = re.compile(r"\b(?:half[- ]year|first\s+half|interim\s+period|six-month\s+period)\s+end(?:ed|ing)\b"
                         r"|\bhalf[- ]year\s+results\s+for\s+the\s+period\s+ended\b", re.I)
_YEAR_ENDED = re.compile(r"\b(?:fiscal\s+)?(?:year|FY)\s+end(?:ed|ing)\b|\bFYE\b", re.I)
_AS_OF = re.compile(r"\b(?:as\s+of|as\s+at|at|balance\s+at|end\s+of)\b", re.I)
_RANGE = re.compile(r"\b(?:from\s+)?(?P<m1>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+(?P<d1>\d{1,2}),?"
                    r"(?:\s+(?P<y1>\d{4}))?\s*(?:to|through|until|[-\u2013\u2014~])\s*", re.I)
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
# "1H13", "1H FY2013", "H1 2024", "1H 2024", "first half of fiscal 2024"
_HALF = re.compile(r"\b(?:(?P<h>[12])H|H(?P<h2>[12]))\s*(?:FY\s*|fiscal\s+)?'?(?P<y>\d{4}|\d{2})\b", re.I)
_HALF_WORDS = re.compile(r"\b(?P<h>first|second)\s+half\s+(?:of\s+)?(?:the\s+)?(?:FY\s*|fiscal\s+(?:year\s+)?)(?P<y>\d{4})\b",
                         re.I)
# "1Q13", "Q1 FY25", "Q4 FY 2023", "1Q-3Q22", "3Q FY2013", "first quarter of fiscal 2023", "fiscal 2023 fourth quarter"
_QUARTER = re.compile(r"\b(?:(?P<q0>[1-4])Q\s*[-\u2013~]\s*)?(?:(?P<q>[1-4])Q|Q(?P<q2>[1-4]))\s*(?:FY\s*|fiscal\s+)?'?"
                      r"(?P<y>\d{4}|\d{2})\b", re.I)
_QUARTER_WORDS = re.compile(
    r"\b(?P<q>first|second|third|fourth|[1-4](?:st|nd|rd|th))\s+quarter\s+(?:of\s+)?(?:the\s+)?(?:FY\s*|fiscal\s+(?:year\s+)?)"
    r"(?P<y>\d{4})\b|\b(?:FY\s*|fiscal\s+(?:year\s+)?)(?P<y2>\d{4})\s+(?P<q2>first|second|third|fourth)\s+quarter\b", re.I)
_FY = re.compile(r"\b(?:FYE?\s*'?(?P<y>\d{4}|\d{2})|fiscal\s+(?:year\s+)?(?P<y2>\d{4})|(?P<y3>\d{4})\s+fiscal\s+year)\b",
                 re.I)
_FORECAST = re.compile(r"\b(forecasts?|targets?|outlook|plan|projected|projections?|estimates?|estimated|guidance)\b",
                       re.I)


def status_of(text: str) -> Status:
    return Status.FORECAST if _FORECAST.search(text) else Status.ACTUAL


CUMULATIVE = re.compile(r"\bcumulative\b|\byear[- ]to[- ]date\b|\bYTD\b", re.I)


def _count(text: str) -> int:
    text = text.lower()
    return int(text) if text.isdigit() else _COUNT_WORDS[text]


def _ending(end: dt.date, months: int | None, weeks: int | None, cal: FiscalCalendar) -> Period | None:
    """A duration that ends on a printed date, ``months`` or ``weeks`` long, on the issuer's calendar."""
    if weeks:
        return weeks_ending(weeks, end)
    assert months is not None
    if cal.weeks:
        if months == 12:
            fy = cal.fiscal_year_of(end)
            year = cal.year(fy)
            return year if year is not None and year.end == end else None
        fy = cal.fiscal_year_of(end)
        year = cal.year(fy)
        span = weeks_ending(13 * months // 3, end)
        if year is not None and year.start is not None and span.start is not None and \
                dt.timedelta(0) < span.start - year.start < dt.timedelta(days=7):
            return Period(start=year.start, end=end)  # the first quarter of a 53-week year: 14 weeks
        return span
    return months_ending(months, end)


def parse_period(text: str, cal: FiscalCalendar, *, bare_date_is_instant: bool = False) -> Period | None:
    """The period a column or row header names, or None when it names none.

    A bare date ("September 30, 2016") names an instant only where the caller says so (balance
    sheets); elsewhere it is ambiguous and yields None.

    >>> cal = FiscalCalendar(3, 31, "start")
    >>> parse_period("Six Months Ended September 30, 2013", cal).key, parse_period("1H FY2013", cal).key
    ('2013-04-01/2013-09-30', '2013-04-01/2013-09-30')
    >>> parse_period("1Q-3Q22", cal).key, parse_period("FY ending March 31, 2022", cal).key
    ('2022-04-01/2022-12-31', '2021-04-01/2022-03-31')
    >>> parse_period("17 Weeks Ended September 3, 2023", cal).key
    '2023-05-08/2023-09-03'
    """
    dates = [d for d in find_dates(text) if d.date]
    if dates:
        end = dates[-1].date
        assert end is not None
        if len(dates) >= 2 and re.search(r"\bto\b|\bthrough\b|[\u2013~]|\s-\s", text[dates[-2].end:dates[-1].start]):
            start = dates[-2].date
            if start is not None and start < end:
                return Period(start=start, end=end)  # "From April 1, 2020 to March 31, 2021"
        if (m := _RANGE.search(text)) and m.end() <= dates[-1].start + 1 and not m["y1"]:
            # "April 1 to September 30, 2012": the range's start shares the end's year (or the one before)
            try:
                start = dt.date(end.year, MONTHS[m["m1"].lower()], int(m["d1"]))
            except ValueError:
                start = None
            if start is not None:
                if start > end:
                    start = start.replace(year=end.year - 1)
                return Period(start=start, end=end)
        if m := _WEEKS_ENDED.search(text):
            return _ending(end, None, _count(m["n"]), cal)
        if m := _MONTHS_ENDED.search(text):
            return _ending(end, _count(m["n"]), None, cal)
        if _QUARTER_ENDED.search(text):
            return _ending(end, 3, None, cal)
        if _HALF_ENDED.search(text):
            return _ending(end, 6, None, cal)
        if _YEAR_ENDED.search(text):
            return _ending(end, 12, None, cal)
        if _AS_OF.search(text) or bare_date_is_instant:
            return Period(end=end)
        # a date that is no period end ("Targets for FY2020 (Revised on November 9, 2020)"): the label decides
        return fiscal_label_period(text[:dates[0].start] + " " + text[dates[-1].end:], cal)
    return fiscal_label_period(text, cal)


def fiscal_label_period(text: str, cal: FiscalCalendar) -> Period | None:
    """A period named by a fiscal label, without dates: "1H13", "Q1 FY25", "FY2016", "fiscal 2021".

    >>> cal = FiscalCalendar(9, 30, "end")
    >>> fiscal_label_period("Q4 FY 2023", cal).key, fiscal_label_period("fiscal 2023", cal).key
    ('2023-07-01/2023-09-30', '2022-10-01/2023-09-30')
    """
    if m := _HALF.search(text):
        return cal.half(_year(m["y"]), int(m["h"] or m["h2"]))
    if m := _HALF_WORDS.search(text):
        return cal.half(int(m["y"]), 1 if m["h"].lower() == "first" else 2)
    m = _QUARTER.search(text)
    if m:
        q = int(m["q"] or m["q2"])
        if m["q0"]:  # "1Q-3Q22": the quarters from the first to the third, cumulative
            return cal.year_to_date(_year(m["y"]), 3 * q) if m["q0"] == "1" else None
        if CUMULATIVE.search(text):  # "3Q13 (cumulative)": the nine months to the third quarter's end
            return cal.year_to_date(_year(m["y"]), 3 * q)
        return cal.quarter(_year(m["y"]), q)
    m = _QUARTER_WORDS.search(text)
    if m:
        q = _ORDINAL[(m["q"] or m["q2"]).lower()]
        return cal.quarter(int(m["y"] or m["y2"]), q)
    m = _FY.search(text)
    if m:
        return cal.year(_year(m["y"] or m["y2"] or m["y3"]))
    return None
