"""Numbers, dates and periods as financial text writes them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from converter.model import Period
from converter.numbers import decimal_text, is_dash, parse_cell, scaled
from converter.periods import FiscalCalendar, find_dates, parse_period

CAL = FiscalCalendar(3, 31, "start")


@pytest.mark.parametrize("text,signed,places,scale", [
    ("54,396,959", "54396959", 0, 0),
    ("(1,058)", "-1058", 0, 0),
    ("-132", "-132", 0, 0),
    ("13.50", "13.50", 2, 0),
    ("JPY620 million", "620", 0, 6),
    ("1,003.3Gbps", "1003.3", 1, 0),
    ("(0)", "-0", 0, 0),
])
def test_parse_cell(text, signed, places, scale):
    number = parse_cell(text)
    assert number.signed == Decimal(signed)
    assert number.places == places and number.scale == scale


@pytest.mark.parametrize("text", ["1,2,3", "12,34", "(12", "1,000)", "abc", "", "12 34"])
def test_malformed_numbers_are_not_numbers(text):
    assert parse_cell(text) is None


def test_dashes_are_not_numbers():
    assert all(is_dash(d) for d in ("-", "—", "–", " - "))
    assert parse_cell("—") is None


def test_scale_and_decimals():
    number = parse_cell("54,396,959")
    assert scaled(number, 3) == Decimal("54396959000")
    assert number.decimals(3) == -3
    assert decimal_text(scaled(parse_cell("83.0"), 9)) == "83000000000"
    assert parse_cell("83.0").decimals(9) == -8


def test_dates():
    found = find_dates("record date of Thursday, December 31, 2020 and Sep. 30, 2012; 2013-03-31")
    assert [d.date for d in found] == [dt.date(2020, 12, 31), dt.date(2012, 9, 30), dt.date(2013, 3, 31)]
    assert find_dates("February 30, 2017")[0].date is None


@pytest.mark.parametrize("header,expected", [
    ("Six Months Ended September 30, 2013", Period(dt.date(2013, 9, 30), dt.date(2013, 4, 1))),
    ("Three Months Ended September 30, 2012", Period(dt.date(2012, 9, 30), dt.date(2012, 7, 1))),
    ("As of March 31, 2013", Period(dt.date(2013, 3, 31))),
    ("as of Sep. 30, 2012", Period(dt.date(2012, 9, 30))),
    ("Year ending March 31, 2017", Period(dt.date(2017, 3, 31), dt.date(2016, 4, 1))),
    ("Fiscal Year Ending March 31, 2014 (forecast)", Period(dt.date(2014, 3, 31), dt.date(2013, 4, 1))),
    ("1H12", Period(dt.date(2012, 9, 30), dt.date(2012, 4, 1))),
    ("2Q13", Period(dt.date(2013, 9, 30), dt.date(2013, 7, 1))),
    ("FY2016", Period(dt.date(2017, 3, 31), dt.date(2016, 4, 1))),
    ("fiscal 2021", Period(dt.date(2022, 3, 31), dt.date(2021, 4, 1))),
    ("YoY % Change", None),
])
def test_period_headers_on_a_march_fiscal_year(header, expected):
    assert parse_period(header, CAL) == expected


def test_bare_date_is_an_instant_only_where_the_caller_says_so():
    assert parse_period("September 30, 2016", CAL) is None
    assert parse_period("September 30, 2016", CAL, bare_date_is_instant=True) == Period(dt.date(2016, 9, 30))


def test_calendar_year_fiscal_year():
    cal = FiscalCalendar(12, 31, "start")
    assert cal.year(2020) == Period(dt.date(2020, 12, 31), dt.date(2020, 1, 1))
    assert CAL.fiscal_year_of(dt.date(2014, 2, 1)) == 2013


def test_cumulative_quarters_are_year_to_date():
    cal = CAL
    nine_months = Period(start=dt.date(2013, 4, 1), end=dt.date(2013, 12, 31))
    assert parse_period("3Q13", cal) == Period(start=dt.date(2013, 10, 1), end=dt.date(2013, 12, 31))
    assert parse_period("3Q13 (cumulative)", cal) == nine_months
    assert parse_period("Nine Months Ended December 31, 2013", cal) == nine_months
