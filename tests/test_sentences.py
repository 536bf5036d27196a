"""Facts in running text and notices, on small hand-written releases of a fictional company."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from converter.entities import load_registry
from converter.model import Filing, Status
from converter.pipeline import Settings, convert_document
from converter.reader import document_from_text

REGISTRY = Path(__file__).parent / "fixtures" / "entities.toml"
HEAD = "TOKYO, November 9, 2021 - Sakura Networks K.K. today announced its financial results.\n\n"
H1_21, FY21 = "2021-04-01/2021-09-30", "2021-04-01/2022-03-31"


@pytest.fixture(scope="module")
def settings() -> Settings:
    return Settings(registry=load_registry(REGISTRY))


def convert(text: str, settings: Settings) -> Filing:
    return convert_document(document_from_text(HEAD + text, "release.txt"), settings)


def read_skips(filing: Filing) -> list:
    """What the extraction stages skipped (not the numbers no stage read, such as dates' digits)."""
    return [s for s in filing.skipped if s.origin != "text"]


def facts(filing: Filing) -> set[tuple]:
    return {(f.concept, f.period.key, f.value, f.decimals, f.status.value) for f in filing.facts}


def test_highlights_lines_and_targets(settings):
    filing = convert("Highlights of Financial Results for 1H21\n\n"
                     "Revenues JPY83.0 billion (up 12.0% YoY)\n"
                     "Operating Income JPY2.3 billion (up 18.9% YoY)\n\n"
                     "Financial Targets for FY2021\n\n"
                     "Revenues JPY176.0 billion (up 11.5% YoY)\n", settings)
    assert facts(filing) == {
        ("Revenues", H1_21, Decimal("83000000000"), -8, "actual"),
        ("OperatingIncomeLoss", H1_21, Decimal("2300000000"), -8, "actual"),
        # a target is never an actual
        ("Revenues", FY21, Decimal("176000000000"), -8, "forecast"),
    }
    assert {s.text for s in read_skips(filing)} == {"12.0%", "18.9%", "11.5%"}


def test_an_amount_for_a_period_after_the_release_is_a_forecast(settings):
    # nothing in the wording says "forecast", but the year has not ended on November 9, 2021
    filing = convert("Revenues for FY2021 are JPY180,000 million.\n", settings)
    [fact] = filing.facts
    assert (fact.concept, fact.period.key, fact.status) == ("Revenues", FY21, Status.FORECAST)
    assert any("after the release date" in m.text for m in filing.messages)


def test_forecast_wording_in_a_sentence(settings):
    filing = convert("Revenues for 1H21 were JPY80,000 million. The forecast revenues for 1H21 were JPY78,000 "
                     "million.\n", settings)
    assert facts(filing) == {
        ("Revenues", H1_21, Decimal("80000000000"), -6, "actual"),
        ("Revenues", H1_21, Decimal("78000000000"), -6, "forecast"),
    }


def test_pro_forma_figures_are_not_reported_values(settings):
    filing = convert("Revenues for 1H21 were JPY80,000 million. Revenues for 1H21 would have been "
                     "JPY81,000 million if the acquisition had closed on April 1, 2021.\n", settings)
    assert facts(filing) == {("Revenues", H1_21, Decimal("80000000000"), -6, "actual")}
    [skip] = read_skips(filing)
    assert skip.text == "JPY81,000 million" and skip.reason.startswith("pro forma")


def test_apposition_after_a_change(settings):
    filing = convert("Total shareholders' equity as of September 30, 2021 increased by JPY1,000 million from March 31, 2021 "
                     "as a result of net income in 1H21, JPY57,153 million.\n", settings)
    assert facts(filing) == {("StockholdersEquity", "2021-09-30", Decimal("57153000000"), -6, "actual")}
    assert read_skips(filing)[0].reason.startswith("change over the period")


def test_breakdown_list(settings):
    filing = convert("As of September 30, 2021, the breakdown of other investments were JPY3,205 million in "
                     "nonmarketable equity securities, JPY1,262 million in available-for-sale securities and "
                     "JPY712 million in other.\n", settings)
    assert facts(filing) == {
        ("OtherInvestmentsNonmarketableEquitySecurities", "2021-09-30", Decimal("3205000000"), -6, "actual"),
        ("OtherInvestmentsAvailableForSaleSecurities", "2021-09-30", Decimal("1262000000"), -6, "actual"),
        ("OtherInvestmentsOther", "2021-09-30", Decimal("712000000"), -6, "actual"),
    }


BALANCE = "\n".join([
    "Consolidated Balance Sheets",
    "",
    "\tMarch 31, 2021\tSeptember 30, 2021",
    "\tThousands of JPY\tThousands of JPY",
    "Treasury stock\u20141,650,909 shares held by the company at March 31, 2021 and September 30, 2021, "
    "respectively\t(1,896,784)\t(1,896,784)",
    "Common stock\u2014authorized, 75,520,000 shares; issued, 46,711,400 and 46,713,800 shares at March 31, 2021 "
    "and September 30, 2021, respectively\t25,509,499\t25,511,804",
    "",
])


def test_figures_in_row_labels(settings):
    filing = convert(BALANCE, settings)
    shares = {(f.concept, f.period.key, f.value) for f in filing.facts if f.unit and f.unit.oim == "xbrli:shares"}
    assert shares == {
        # one figure for both dates of the row: one fact per date
        ("TreasuryStockShares", "2021-03-31", Decimal(1650909)),
        ("TreasuryStockShares", "2021-09-30", Decimal(1650909)),
        ("CommonStockSharesAuthorized", "2021-03-31", Decimal(75520000)),
        ("CommonStockSharesAuthorized", "2021-09-30", Decimal(75520000)),
        # two figures paired with the dates, respectively
        ("CommonStockSharesIssued", "2021-03-31", Decimal(46711400)),
        ("CommonStockSharesIssued", "2021-09-30", Decimal(46713800)),
    }
    # the figure stated once carries both facts at the same characters
    treasury = [f for f in filing.facts if f.concept == "TreasuryStockShares"]
    assert len({(f.span.line, f.span.start, f.span.end) for f in treasury}) == 1


SPLIT = """TOKYO - November 9, 2020 - Sakura Networks K.K. announces that its Board of Directors today resolved a stock split.

1. Summary of the Stock Split

The stock split shall have a record date of Thursday, December 31, 2020 at a ratio of 1:2.

Effective date: Friday, January 1, 2021

2. Summary of the American Depositary Receipts ("ADRs") Ratio Change

1) Current ratio: One (1) ADR = One-half (1/2) of one common stock

2) New ratio: One (1) ADR = One (1) common stock

3) Effective date: Monday, January 4, 2021 (US EST)

4) Temporarily books closed for Tuesday, December 29, 2020 \u2013 Monday, January 4, 2021
"""


def test_stock_split_notice(settings):
    filing = convert_document(document_from_text(SPLIT, "split.txt"), settings)
    event = "2021-01-01/2021-01-01"
    got = {(f.concept, f.period.key, f.value) for f in filing.facts}
    assert got == {
        ("StockSplitResolutionDate", event, dt.date(2020, 11, 9)),
        ("StockSplitRecordDate", event, dt.date(2020, 12, 31)),
        ("StockSplitConversionRatio", event, Decimal(2)),
        ("StockSplitEffectiveDate", event, dt.date(2021, 1, 1)),
        # the ADR ratio before and after its own effective date
        ("SharesPerAdr", "2021-01-03", Decimal("0.5")),
        ("SharesPerAdr", "2021-01-04", Decimal(1)),
        ("AdrRatioChangeEffectiveDate", event, dt.date(2021, 1, 4)),
        ("AdrBooksClosedStartDate", event, dt.date(2020, 12, 29)),
        ("AdrBooksClosedEndDate", event, dt.date(2021, 1, 4)),
    }
    # "One-half (1/2)" cannot be read by a transform where it stands: it is tagged in ix:hidden
    assert {f.value for f in filing.facts if f.hidden} == {Decimal("0.5")}
