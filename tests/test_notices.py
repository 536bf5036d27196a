"""Headline facts of the dividend and stock-split notices."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from converter.model import JPY, JPY_PER_SHARE, PURE

from conftest import DIVIDEND_2016, DIVIDEND_2018, SPLIT_2020, one

H1_FY16, H1_FY15 = "2016-04-01/2016-09-30", "2015-04-01/2015-09-30"
FY17, FY16 = "2017-04-01/2018-03-31", "2016-04-01/2017-03-31"


def test_2016_interim_dividend(filings):
    filing = filings[DIVIDEND_2016]
    dps = one(filing, "DividendPerShareInterim", H1_FY16)
    assert (dps.value, dps.unit, dps.decimals) == (Decimal("13.50"), JPY_PER_SHARE, 2)
    assert one(filing, "DividendPerShareInterim", H1_FY15).value == Decimal("11.00")
    assert one(filing, "DividendRecordDate", H1_FY16).value == dt.date(2016, 9, 30)
    assert one(filing, "DividendPaymentDate", H1_FY16).value == dt.date(2016, 12, 6)
    assert one(filing, "DividendPaymentDate", H1_FY15).value == dt.date(2015, 12, 7)
    total = one(filing, "DividendsDeclared", H1_FY16)
    assert (total.value, total.unit, total.decimals) == (Decimal(620000000), JPY, -6)


def test_2016_latest_forecast_column_is_a_forecast_not_an_actual(filings):
    forecast = one(filings[DIVIDEND_2016], "DividendPerShareInterim", H1_FY16, forecast=True)
    assert forecast.value == Decimal("13.50")
    assert forecast.dimensions == (("StatementScenarioAxis", "ScenarioForecastMember"),)
    assert forecast.span.start > 20  # the middle column, not the actual one


def test_2018_year_end_dividend_from_a_flattened_table(filings):
    filing = filings[DIVIDEND_2018]
    assert one(filing, "DividendPerShareYearEnd", FY17).value == Decimal("13.50")
    assert one(filing, "DividendPerShareYearEnd", FY16).value == Decimal("13.50")
    assert one(filing, "DividendRecordDate", FY17).value == dt.date(2018, 3, 31)
    assert one(filing, "DividendPaymentDate", FY17).value == dt.date(2018, 6, 29)
    assert one(filing, "DividendPaymentDate", FY16).value == dt.date(2017, 6, 29)
    assert one(filing, "DividendsDeclared", FY17).value == Decimal(608000000)


def test_2020_stock_split_headline_facts(filings):
    filing = filings[SPLIT_2020]
    event = "2021-01-01/2021-01-01"
    ratio = one(filing, "StockSplitConversionRatio", event)
    assert (ratio.value, ratio.unit, ratio.decimals) == (Decimal(2), PURE, None)
    assert one(filing, "StockSplitRecordDate", event).value == dt.date(2020, 12, 31)
    assert one(filing, "StockSplitEffectiveDate", event).value == dt.date(2021, 1, 1)
    # the ADR ratio change has its own effective date, which is not the split's
    assert {f.concept for f in filing.facts if f.value == dt.date(2021, 1, 4)} == {
        "AdrRatioChangeEffectiveDate", "AdrBooksClosedEndDate"}
