"""Dates and periods as financial text writes them, on the issuer's fiscal calendar.

"FY2013", "1H13", "2Q13", "Six Months Ended September 30, 2013", "As of March 31,
2013": each names a period only together with the company's fiscal year end, which
comes from the entity registry.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

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
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
# "September 30, 2013", "Sep. 30, 2012", "Thursday, December 31, 2020"
_MDY = re.compile(_WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I)
# "30 September 2013"
_DMY = re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.I)
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")


@dataclass(frozen=True, slots=True)
class DateMatch:
    date: dt.date | None  # None when the text names an impossible date
    start: int
    end: int
    text: str


_HAS_YEAR = re.compile(r"\d{4}")


def find_dates(text: str) -> list[DateMatch]:
    """Every date written in ``text``, left to right; impossible dates have ``date=None``."""
    if not _HAS_YEAR.search(text):  # every form written here has a four-digit year
        return []
    return list(_find_dates(text))


@functools.lru_cache(maxsize=8192)
def _find_dates(text: str) -> tuple[DateMatch, ...]:
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_MDY, _DMY, _ISO):
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            month = m["month"]
            month_no = int(month) if month.isdigit() else MONTHS[month.lower()]
            try:
                date = dt.date(int(m["year"]), month_no, int(m["day"]))
            except ValueError:
                date = None
            found.append(DateMatch(date, m.start(), m.end(), m.group(0)))
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
    """The ``months``-long duration that ends on ``end`` (a month end in practice)."""
    start = add_months(end + dt.timedelta(days=1), -months)
    return Period(end=end, start=start)


@dataclass(frozen=True, slots=True)
class FiscalCalendar:
    """An issuer's fiscal year: when it ends and how "FY2013" is named."""

    end_month: int = 3
    end_day: int = 31
    named_by: str = "start"

    @classmethod
    def of(cls, entity: Entity) -> FiscalCalendar:
        month, day = entity.fiscal_year_end
        return cls(month, day, entity.fiscal_year_named_by)

    def year_end(self, fiscal_year: int) -> dt.date:
        spans_two_years = self.end_month != 12
        year = fiscal_year + 1 if (spans_two_years and self.named_by == "start") else fiscal_year
        return dt.date(year, self.end_month, min(self.end_day, calendar.monthrange(year, self.end_month)[1]))

    def year(self, fiscal_year: int) -> Period:
        return months_ending(12, self.year_end(fiscal_year))

    def year_to_date(self, fiscal_year: int, months: int) -> Period:
        """The first ``months`` months of a fiscal year (3 = 1Q, 6 = 1H, 9 = 3Q cumulative)."""
        start = self.year(fiscal_year).start
        assert start is not None
        return Period(start=start, end=add_months(start, months) - dt.timedelta(days=1))

    def quarter(self, fiscal_year: int, quarter: int) -> Period:
        """The three months of one fiscal quarter (not cumulative)."""
        start = self.year(fiscal_year).start
        assert start is not None
        q_start = add_months(start, 3 * (quarter - 1))
        return Period(start=q_start, end=add_months(q_start, 3) - dt.timedelta(days=1))

    def half(self, fiscal_year: int, half: int) -> Period:
        start = self.year(fiscal_year).start
        assert start is not None
        h_start = add_months(start, 6 * (half - 1))
        return Period(start=h_start, end=add_months(h_start, 6) - dt.timedelta(days=1))

    def fiscal_year_of(self, day: dt.date) -> int:
        """The fiscal year (by this calendar's naming) that contains ``day``."""
        for fy in (day.year - 1, day.year, day.year + 1):
            period = self.year(fy)
            if period.start <= day <= period.end:  # type: ignore[operator]
                return fy
        raise ValueError(day)  # pragma: no cover - unreachable for sane calendars


def _year(text: str) -> int:
    year = int(text)
    if year < 100:
        year += 2000 if year < 70 else 1900
    return year


_COUNT_WORDS = {"one": 1, "three": 3, "six": 6, "nine": 9, "twelve": 12}
_MONTHS_ENDED = re.compile(r"\b(?P<n>one|three|six|nine|twelve|\d{1,2})[ -]months?\s+(?:period\s+)?end(?:ed|ing)\b", re.I)
_YEAR_ENDED = re.compile(r"\b(?:fiscal\s+)?year\s+end(?:ed|ing)\b", re.I)
_AS_OF = re.compile(r"\b(?:as\s+of|as\s+at)\b", re.I)
_HALF = re.compile(r"\b(?P<h>[12])H\s*(?:FY\s*)?(?P<y>\d{4}|\d{2})\b", re.I)
_QUARTER = re.compile(r"\b(?P<q>[1-4])Q\s*(?:FY\s*)?(?P<y>\d{4}|\d{2})\b", re.I)
_FY = re.compile(r"\b(?:FY\s*(?P<y>\d{4}|\d{2})|fiscal\s+(?:year\s+)?(?P<y2>\d{4}))\b", re.I)
_FORECAST = re.compile(r"\b(forecasts?|targets?|outlook|plan|projected|estimates?|guidance)\b", re.I)


def status_of(text: str) -> Status:
    return Status.FORECAST if _FORECAST.search(text) else Status.ACTUAL


CUMULATIVE = re.compile(r"\bcumulative\b|\byear[- ]to[- ]date\b|\bYTD\b", re.I)


def parse_period(text: str, cal: FiscalCalendar, *, bare_date_is_instant: bool = False) -> Period | None:
    """The period a column or row header names, or None when it names none.

    A bare date ("September 30, 2016") names an instant only where the caller says
    so (balance sheets); elsewhere it is ambiguous and yields None.
    """
    dates = [d for d in find_dates(text) if d.date]
    if dates:
        end = dates[-1].date
        assert end is not None
        m = _MONTHS_ENDED.search(text)
        if m:
            n = m["n"].lower()
            return months_ending(int(n) if n.isdigit() else _COUNT_WORDS[n], end)
        if _YEAR_ENDED.search(text):
            return months_ending(12, end)
        if _AS_OF.search(text) or bare_date_is_instant:
            return Period(end=end)
        return None
    m = _HALF.search(text)
    if m:
        return cal.half(_year(m["y"]), int(m["h"]))
    m = _QUARTER.search(text)
    if m:
        if CUMULATIVE.search(text):  # "3Q13 (cumulative)": the nine months to the third quarter's end
            return cal.year_to_date(_year(m["y"]), 3 * int(m["q"]))
        return cal.quarter(_year(m["y"]), int(m["q"]))
    m = _FY.search(text)
    if m:
        return cal.year(_year(m["y"] or m["y2"]))
    return None
