"""Properties of financial text, each shown by a small made-up filing of a company no registry
knows (tests/fixtures/general).  Each test names the property; the corpus (tests/corpus) shows
the same properties in real releases."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import converter

GENERAL = Path(__file__).parent / "fixtures" / "general"


def facts(name: str) -> set[tuple]:
    """(line, concept, period, value, status, dimension members) of every fact of a fixture."""
    result = converter.convert(GENERAL / name)
    return {(f.span.line, f.concept, f.period.key, f.value, f.status.value,
             tuple(member for _, member in f.dimensions)) for f in result.facts}


H1_24, H1_23 = "2024-01-01/2024-06-30", "2023-01-01/2023-06-30"


def test_dividend_columns_dated_by_their_record_date_and_rows_written_without_the_alignment():
    """A dividend notice's columns: the decided dividend, the forecast it replaces and last year's;
    the record date says each is an interim dividend (June 30 in a December year) even where the
    header names only the year or nothing; the last rows, written without the alignment, fill the
    columns of actual figures (the forecast has no amount paid)."""
    found = facts("dividend_unaligned_rows.txt")
    per_share = {(f[2], f[3], f[4]) for f in found if f[1] == "DividendPerShareInterim"}
    assert per_share == {(H1_24, Decimal("41.00"), "actual"), (H1_24, Decimal("40.00"), "forecast"),
                         (H1_23, Decimal("38.00"), "actual")}
    assert {(f[0], f[2], f[3]) for f in found if f[1] == "DividendsDeclared"} == {
        (15, H1_24, Decimal(1312000000)), (15, H1_23, Decimal(1216000000))}
    assert {(f[2], f[3]) for f in found if f[1] == "DividendPaymentDate"} == {
        (H1_24, dt.date(2024, 9, 2)), (H1_23, dt.date(2023, 9, 4))}
    assert not any(f[2].endswith("12-31") for f in found)  # no annual dividend read from the year in the header


def test_a_cell_stating_its_own_day_dates_the_row():
    """"| Total number of shares issued before the split | 12,345,678 shares | (as of Friday,
    February 14, 2025) |": the count is at that day; the split's record date is in the sentence
    ("on the record date, Saturday, March 29, 2025, will be split into three shares")."""
    found = facts("split_as_of.txt")
    assert (15, "CommonStockSharesIssued", "2025-02-14", Decimal(12345678), "actual", ()) in found
    assert (11, "StockSplitConversionRatio", "2025-03-29/2025-03-29", Decimal(3), "actual", ()) in found
    # the shares added have no day of their own: not dated by guess
    assert not any(f[3] == Decimal(24691356) for f in found)


def test_ads_ratio_in_any_wording_dated_around_its_effective_date():
    """"Current ratio: 1 ADS represents 2 common shares" / "New ratio: ..." under an ADS heading:
    shares per depositary share the day before the change and from its effective date."""
    found = facts("ads_ratio.txt")
    assert {(f[0], f[1], f[2], f[3]) for f in found} == {
        (5, "SharesPerAdr", "2025-03-02", Decimal(2)), (6, "SharesPerAdr", "2025-03-03", Decimal(4))}


def test_the_owner_of_an_equity_is_the_company_even_under_a_name_no_registry_knows():
    """"total NC shareholders' equity" (an abbreviation the text never defines) is the parent's equity;
    "increased by JPY1,050 million to reach JPY7,300 million": the level reached, the change skipped."""
    found = facts("owner_name.txt")
    assert {(f[0], f[1], f[2], f[3]) for f in found} == {
        (3, "StockholdersEquity", "2024-06-30", Decimal(48210000000)),
        (5, "ShortTermBorrowings", "2024-06-30", Decimal(7300000000))}


def test_a_uk_final_dividend_recommended_with_its_dates_in_the_next_sentence():
    """"The Board is recommending a final dividend of 31.5p per share. Subject to approval at the
    Annual General Meeting on 8 May 2025, the final dividend will be paid on 20 June 2025 to
    shareholders on the register at the close of business on 23 May 2025.": pence of the pound,
    the year the final dividend is for (the record date falls after the year end), day-month-year
    dates; the release date is the line that is only a date."""
    result = converter.convert(GENERAL / "uk_dividend.txt")
    assert result.filing.issued == dt.date(2025, 2, 26)
    found = {(f.concept, f.period.key, f.value, f.unit.oim if f.unit else None) for f in result.facts}
    fy24 = "2024-01-01/2024-12-31"
    assert found == {
        ("DividendPerShareYearEnd", fy24, Decimal("0.315"), "iso4217:GBP/xbrli:shares"),
        ("DividendPaymentDate", fy24, dt.date(2025, 6, 20), None),
        ("DividendRecordDate", fy24, dt.date(2025, 5, 23), None),
        ("GeneralMeetingOfShareholdersDate", "2025-05-08/2025-05-08", dt.date(2025, 5, 8), None),
    }
    assert 'format="ixt:date-day-monthname-year-en"' in result.to_ixbrl()


def test_a_us_quarterly_dividend_with_its_ex_dividend_date_in_the_next_sentence():
    """"declared a quarterly cash dividend of $0.36 per share, payable on March 3, 2025 to shareholders
    of record at the close of business on February 14, 2025. The ex-dividend date is February 14,
    2025.": the dividend is dated by its record date; each date with its role."""
    result = converter.convert(GENERAL / "us_dividend_ex_date.txt")
    day = "2025-02-14/2025-02-14"
    found = {(f.concept, f.period.key, f.value) for f in result.facts}
    assert found == {
        ("DividendPerShareDeclared", day, Decimal("0.36")),
        ("DividendPaymentDate", day, dt.date(2025, 3, 3)),
        ("DividendRecordDate", day, dt.date(2025, 2, 14)),
        ("DividendExDividendDate", day, dt.date(2025, 2, 14)),
    }
    ex = next(f for f in result.facts if f.concept == "DividendExDividendDate")
    assert ex.span.start > next(f for f in result.facts if f.concept == "DividendRecordDate").span.start


def test_a_split_effected_as_a_stock_dividend():
    """"a ten-for-one forward stock split ..., effected in the form of a stock dividend": a split, not a
    cash dividend; record, distribution and first split-adjusted trading dates, the split dated by
    the day split-adjusted trading starts."""
    result = converter.convert(GENERAL / "us_split_stock_dividend.txt")
    day = "2024-06-10/2024-06-10"
    assert {(f.concept, f.period.key, f.value) for f in result.facts} == {
        ("StockSplitConversionRatio", day, Decimal(10)),
        ("StockSplitRecordDate", day, dt.date(2024, 6, 6)),
        ("StockSplitDistributionDate", day, dt.date(2024, 6, 7)),
        ("StockSplitEffectiveDate", day, dt.date(2024, 6, 10)),
    }
