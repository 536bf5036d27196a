"""Layouts the examples do not use: small hand-written filings of fictional companies
(tests/fixtures/layouts, registry tests/fixtures/entities.toml), fact by fact."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from converter.entities import load_registry
from converter.model import Filing
from converter.pipeline import Settings, convert_path

FIXTURES = Path(__file__).parent / "fixtures"
FY21 = "2021-04-01/2022-03-31"  # Sakura: fiscal year April to March, "FY2021"/"fiscal 2021" named by its start
FY20 = "2020-04-01/2021-03-31"


@pytest.fixture(scope="module")
def fixture_settings() -> Settings:
    return Settings(registry=load_registry(FIXTURES / "entities.toml"))


def convert(name: str, settings: Settings) -> Filing:
    return convert_path(FIXTURES / "layouts" / name, settings)


def table(filing: Filing) -> set[tuple]:
    """(line, concept, period, value, decimals, unit) of every fact."""
    return {(f.span.line, f.concept, f.period.key, f.value, f.decimals, f.unit.oim if f.unit else None)
            for f in filing.facts}


def jpy(line, concept, period, value, decimals=-6):
    return (line, concept, period, Decimal(value), decimals, "iso4217:JPY")


def test_pipe_table_with_unit_corner_and_ifrs_labels(fixture_settings):
    filing = convert("pipe.txt", fixture_settings)
    assert filing.entity.key == "sakura"
    assert table(filing) == {
        jpy(9, "Revenues", FY20, "12345000000"), jpy(9, "Revenues", FY21, "13579000000"),
        jpy(10, "OperatingIncomeLoss", FY20, "1234000000"), jpy(10, "OperatingIncomeLoss", FY21, "-56000000"),
        jpy(11, "IncomeLossBeforeIncomeTaxesAndEquityMethod", FY20, "1100000000"),
        jpy(11, "IncomeLossBeforeIncomeTaxesAndEquityMethod", FY21, "-80000000"),
        jpy(12, "NetIncomeLoss", FY20, "800000000"), jpy(12, "NetIncomeLoss", FY21, "950000000"),
    }
    # revenues and operating profit alone are not a complete breakdown: no summation, no false alarm
    assert not filing.calc_arcs.get("IncomeStatement")
    assert not filing.warnings


def test_ascii_ruled_balance_sheet(fixture_settings):
    filing = convert("ascii.txt", fixture_settings)
    assert table(filing) == {
        jpy(11, "CashAndCashEquivalentsAtCarryingValue", "2021-03-31", "5000000000"),
        jpy(11, "CashAndCashEquivalentsAtCarryingValue", "2022-03-31", "6250000000"),
        jpy(12, "Assets", "2021-03-31", "40100000000"), jpy(12, "Assets", "2022-03-31", "42300000000"),
        # treasury stock in parentheses is still a positive amount of a contra-equity concept
        jpy(13, "TreasuryStockValue", "2021-03-31", "12000000"),
        jpy(13, "TreasuryStockValue", "2022-03-31", "15000000"),
    }


def test_space_aligned_columns_with_two_row_headers(fixture_settings):
    filing = convert("spaces.txt", fixture_settings)
    # Northwind's fiscal year ends in December; the dateline reads "Sunday, September 30, 2012"
    assert filing.entity.key == "northwind"
    assert filing.issued.isoformat() == "2012-09-30"
    h1_11, h1_12 = "2011-01-01/2011-06-30", "2012-01-01/2012-06-30"
    assert table(filing) == {
        jpy(9, "Revenues", h1_11, "1234567000", -3), jpy(9, "Revenues", h1_12, "1456789000", -3),
        jpy(10, "InterestExpense", h1_11, "12345000", -3), jpy(10, "InterestExpense", h1_12, "13579000", -3),
        # the only value of the row sits under the second column
        jpy(11, "GainLossOnSaleOfOtherInvestments", h1_12, "2000000", -3),
    }


def test_one_cell_per_line(fixture_settings):
    filing = convert("cells_per_line.txt", fixture_settings)
    assert table(filing) == {
        jpy(9, "Revenues", FY20, "12345000000"), jpy(10, "Revenues", FY21, "13579000000"),
        jpy(12, "OperatingIncomeLoss", FY20, "1234000000"), jpy(13, "OperatingIncomeLoss", FY21, "1456000000"),
    }


def test_small_table_run_together_on_one_line(fixture_settings):
    filing = convert("run_together.txt", fixture_settings)
    assert table(filing) == {
        jpy(9, "Revenues", FY20, "12345000000"), jpy(9, "Revenues", FY21, "13579000000"),
        jpy(9, "OperatingIncomeLoss", FY20, "1234000000"), jpy(9, "OperatingIncomeLoss", FY21, "1456000000"),
        jpy(9, "NetIncomeLoss", FY20, "800000000"), jpy(9, "NetIncomeLoss", FY21, "950000000"),
    }


def test_cells_glued_together_split_by_thousands_grouping(fixture_settings):
    filing = convert("glued.txt", fixture_settings)
    assert table(filing) == {
        jpy(9, "Revenues", FY20, "12345000000"), jpy(9, "Revenues", FY21, "13579000000"),
        jpy(10, "OperatingIncomeLoss", FY20, "1234000000"), jpy(10, "OperatingIncomeLoss", FY21, "1456000000"),
    }
    glued = sorted((f.span.start, f.span.end, f.source_text) for f in filing.facts if f.span.line == 9)
    assert [text for *_, text in glued] == ["12,345", "13,579"]
    assert glued[0][1] == glued[1][0]  # the two spans meet where the cells were glued


def test_third_party_wording(fixture_settings):
    filing = convert("third_party.txt", fixture_settings)
    assert filing.issued.isoformat() == "2022-05-15"
    # "fiscal 2021" of a company whose year ends in March is the year ending March 2022;
    # "15.7 billion yen" and "JPY 101.7 billion" are rounded to a hundred million
    assert table(filing) == {
        jpy(3, "Revenues", FY21, "15700000000", -8),
        jpy(3, "OperatingIncomeLoss", FY21, "101700000000", -8),
    }
    [change] = [s for s in filing.skipped if s.origin != "text"]
    assert change.text == "61.4 percent" and change.reason.startswith("year-on-year change")


def test_cumulative_quarter_columns_are_year_to_date(fixture_settings):
    filing = convert("cumulative.txt", fixture_settings)
    nine_20, nine_21 = "2020-04-01/2020-12-31", "2021-04-01/2021-12-31"
    assert table(filing) == {
        jpy(9, "Revenues", nine_20, "9000000000"), jpy(9, "Revenues", nine_21, "10250000000"),
        jpy(10, "OperatingIncomeLoss", nine_20, "900000000"), jpy(10, "OperatingIncomeLoss", nine_21, "1025000000"),
    }


_DIVIDEND_TABLE = ("Internet Initiative Japan Inc.\nConsolidated Financial Results for the Six Months Ended "
                   "September 30, 2013\nNovember 8, 2013\n\n2. Dividends\n\n\tDividends per Share\t\t\t\t\n"
                   "\t1Q-end\t2Q-end\t3Q-end\tYear-end\tTotal\n\tJPY\tJPY\tJPY\tJPY\t\n")
_LAST_YEAR = "Fiscal Year Ended March 31, 2013\t-\t1,750.00\t-\t10.00\t1,760.00\n"
_THIS_YEAR = "Fiscal Year Ending March 31, 2014\t-\t11.00\t\t\t\n"
_TARGET = "Dividend target\t\t\t-\t11.00\t22.00\n"


def test_a_target_row_without_a_year_takes_the_nearest_year_or_none_when_two_are_as_near():
    import converter

    forecast = (("StatementScenarioAxis", "ScenarioForecastMember"),)
    after = converter.convert(_DIVIDEND_TABLE + _LAST_YEAR + _THIS_YEAR + _TARGET)
    assert {(f.span.line, f.concept, f.period.key, f.value, f.dimensions) for f in after.facts if f.dimensions} == {
        (12, "DividendPerShareYearEnd", "2013-04-01/2014-03-31", Decimal("11.00"), forecast),
        (12, "DividendPerShareAnnual", "2013-04-01/2014-03-31", Decimal("22.00"), forecast),
    }
    # between two years, equally near both: ambiguous, so skipped with the reason (found by the fuzz run)
    between = converter.convert(_DIVIDEND_TABLE + _LAST_YEAR + _TARGET + _THIS_YEAR)
    assert not [f for f in between.facts if f.dimensions]
    skipped = {(s.span.line, s.text, s.reason) for s in between.filing.skipped}
    assert (11, "22.00", "row 'Dividend target' names no period") in skipped
