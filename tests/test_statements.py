"""The tab-separated financial statements of both results releases, fact by fact."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from converter.model import JPY, JPY_PER_SHARE, SHARES

from conftest import RESULTS_2013, RESULTS_2017, find, one

H1_13, H1_12 = "2013-04-01/2013-09-30", "2012-04-01/2012-09-30"
Q2_13 = "2013-07-01/2013-09-30"
H1_17, H1_16 = "2017-04-01/2017-09-30", "2016-04-01/2016-09-30"
Q2_17, Q2_16 = "2017-07-01/2017-09-30", "2016-07-01/2016-09-30"


@pytest.mark.parametrize("concept,period,value,decimals,line", [
    # scale: "Thousands of JPY" 54,396,959 is 54,396,959,000 with decimals -3
    ("Revenues", H1_13, "54396959000", -3, 353),
    ("Revenues", H1_12, "51109001000", -3, 353),
    ("Revenues", Q2_13, "27955858000", -3, None),
    # an expense in parentheses keeps its natural (positive) sign
    ("InterestExpense", H1_13, "132467000", -3, 368),
    ("NetIncomeLossAttributableToNoncontrollingInterest", H1_13, "26912000", -3, None),
    ("NetIncomeLossAttributableToNoncontrollingInterest", H1_12, "1058000", -3, None),
    # a gain or loss keeps its sign
    ("ForeignCurrencyTransactionGainLossBeforeTax", H1_12, "-49997000", -3, None),
    ("NonoperatingIncomeExpense", H1_12, "-86409000", -3, None),
    # a dash in a statement is zero
    ("GainLossOnOtherInvestments", H1_12, "0", -3, 371),
    ("ProfitLoss", H1_13, "2231783000", -3, None),
    ("NetIncomeLoss", H1_13, "2204871000", -3, None),
    ("IncomeLossBeforeIncomeTaxesAndEquityMethod", H1_13, "3347598000", -3, None),
    # balance sheet: instants
    ("CashAndCashEquivalentsAtCarryingValue", "2013-09-30", "25781630000", -3, None),
    ("CashAndCashEquivalentsAtCarryingValue", "2013-03-31", "12258872000", -3, None),
    ("RetainedEarningsAccumulatedDeficit", "2013-03-31", "-6399088000", -3, None),
    ("TreasuryStockValue", "2013-09-30", "392122000", -3, None),
    ("LongTermDebtNoncurrent", "2013-09-30", "0", -3, None),
    ("Assets", "2013-09-30", "97841850000", -3, None),
    ("LiabilitiesAndStockholdersEquity", "2013-09-30", "97841850000", -3, None),
    # cash flows: payments positive, changes in working capital by their effect
    ("PaymentsToAcquirePropertyPlantAndEquipment", H1_13, "2783991000", -3, None),
    ("IncreaseDecreaseInInventories", H1_13, "758645000", -3, None),
    ("IncreaseDecreaseInAccountsReceivable", H1_13, "-2136106000", -3, None),
    ("ProvisionForDoubtfulAccounts", H1_13, "-47200000", -3, None),
    ("GainLossOnSaleOfOtherInvestments", H1_13, "82852000", -3, None),
    ("IncomeLossFromEquityMethodInvestments", H1_13, "127358000", -3, None),
    ("PaymentsOfDividends", H1_13, "405368000", -3, None),
    ("EffectOfExchangeRateOnCashAndCashEquivalents", H1_12, "-26261000", -3, None),
    # beginning of the period: the day before the period starts
    ("CashAndCashEquivalentsAtCarryingValue", "2012-03-31", "13536824000", -3, None),
    ("CashAndCashEquivalentsAtCarryingValue", "2013-06-30", "10276460000", -3, None),
])
def test_2013_statement_values(filings, concept, period, value, decimals, line):
    fact = one(filings[RESULTS_2013], concept, period, line=line)
    assert fact.value == Decimal(value)
    assert fact.decimals == decimals
    assert fact.unit == JPY


def test_2013_per_share_and_share_counts(filings):
    filing = filings[RESULTS_2013]
    eps = one(filing, "EarningsPerShareBasic", H1_13)
    assert (eps.value, eps.unit, eps.decimals) == (Decimal("51.66"), JPY_PER_SHARE, 2)
    assert one(filing, "EarningsPerShareDiluted", H1_12).value == Decimal("49.48")
    shares = one(filing, "WeightedAverageNumberOfSharesOutstandingBasic", H1_13)
    assert (shares.value, shares.unit, shares.decimals) == (Decimal(42683242), SHARES, 0)
    assert one(filing, "WeightedAverageNumberOfAdsEquivalentsDiluted", Q2_13).value == Decimal(89713496)


def test_2013_dollar_convenience_columns_are_skipped_not_read_as_yen(filings):
    filing = filings[RESULTS_2013]
    usd = [s for s in filing.skipped if s.reason == "U.S. dollar convenience translation"]
    assert {"262,302", "(46,796)", "0.53", "553,433"} <= {s.text for s in usd}
    # a statement's dollar column is skipped (its translated figures need not add up); the translation
    # stated beside a highlight ("JPY54,397 million ($553 million, up 6.4% YoY)") is a fact in dollars
    in_dollars = [f for f in filing.facts if f.unit and "USD" in f.unit.oim]
    assert {(f.span.line, f.concept, f.value) for f in in_dollars} == {
        (20, "Revenues", Decimal("553000000")), (21, "OperatingIncomeLoss", Decimal("31000000")),
        (22, "NetIncomeLoss", Decimal("22000000"))}
    # the yen column after the dollar column keeps its period
    assert one(filing, "AccountsReceivableNetCurrent", "2013-09-30").value == Decimal("16706721000")


def test_2017_label_wrapped_onto_the_next_row(filings):
    filing = filings[RESULTS_2017]
    assert one(filing, "IncomeLossBeforeIncomeTaxesAndEquityMethod", Q2_17).value == Decimal("1306192000")
    assert one(filing, "IncomeTaxExpenseBenefit", Q2_17).value == Decimal("518886000")
    assert one(filing, "IncomeTaxExpenseBenefit", Q2_16).value == Decimal("513589000")


def test_2017_ocr_noise_on_a_section_header_is_skipped(filings):
    filing = filings[RESULTS_2017]
    skipped = {(s.text, s.reason) for s in filing.skipped if s.span.line == 658}
    assert skipped == {("0.1", "numbers on a section header row (OCR noise)"),
                       ("31.1", "numbers on a section header row (OCR noise)")}
    assert any("numbers on section header" in m.text for m in filing.warnings)


@pytest.mark.parametrize("concept,period,value", [
    ("IncomeLossFromEquityMethodInvestmentsNetOfDividendsOrDistributions", H1_16, "-9436000"),
    ("IncomeLossFromEquityMethodInvestmentsNetOfDividendsOrDistributions", Q2_17, "41480000"),
    ("DeferredTaxAssetsNetCurrent", "2017-09-30", "0"),
    ("CashAndCashEquivalentsPeriodIncreaseDecrease", Q2_17, "-637194000"),
    ("CashAndCashEquivalentsPeriodIncreaseDecrease", H1_16, "98727000"),
    ("CommonStockValue", "2017-09-30", "25511804000"),
    ("StockholdersEquity", "2017-03-31", "66741871000"),
    ("ComprehensiveIncomeNetOfTax", H1_17, "2611030000"),
    ("OtherComprehensiveIncomeForeignCurrencyTranslation", H1_16, "-410090000"),
    ("Revenues", Q2_16, "37944019000"),
    ("NetCashProvidedByUsedInFinancingActivities", H1_17, "-3673470000"),
])
def test_2017_statement_values(filings, concept, period, value):
    assert one(filings[RESULTS_2017], concept, period).value == Decimal(value)


def test_2017_per_share_without_unit_row(filings):
    fact = one(filings[RESULTS_2017], "EarningsPerShareBasic", H1_17)
    assert (fact.value, fact.unit) == (Decimal("33.02"), JPY_PER_SHARE)


def test_filing_metadata(filings):
    assert filings[RESULTS_2013].issued == dt.date(2013, 11, 8)
    assert filings[RESULTS_2017].issued == dt.date(2017, 11, 7)
    assert filings[RESULTS_2013].document_type == "EarningsRelease"
    assert filings[RESULTS_2013].entity.identifier == "0001090633"


def test_no_silent_mistakes_in_statements(filings):
    """Every statement cell is a fact or a skip with a reason; no calculation or duplicate warnings."""
    for stem in (RESULTS_2013, RESULTS_2017):
        filing = filings[stem]
        assert not [m for m in filing.warnings if "inconsisten" in m.text]
        assert all(s.reason for s in filing.skipped)
        assert not [s for s in filing.skipped if s.reason.startswith("unmapped") and s.origin == "table"]
        assert find(filing, "Revenues")
