"""Releases of companies no registry knows, written for these tests in the styles real releases use
(tests/fixtures/companies): the issuer, currency and fiscal calendar come from the text, the facts are
exact, and every output loads in Arelle with no error."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

import converter

from arelle_helper import validate

COMPANIES = Path(__file__).parent / "fixtures" / "companies"
USD, USD_SHARE = "iso4217:USD", "iso4217:USD/xbrli:shares"
# Cobalt Ridge Software: 52/53-week years ending on the Saturday nearest September 30
Q4_24, Q4_23, FY24 = "2024-06-30/2024-09-28", "2023-07-02/2023-09-30", "2023-10-01/2024-09-28"


@pytest.fixture(scope="module")
def us_release():
    return converter.convert(COMPANIES / "us_style_release.txt")


def test_us_release_issuer_currency_calendar_from_the_text(us_release):
    entity = us_release.filing.entity
    assert (entity.name, entity.identifier, entity.scheme) == (
        "Cobalt Ridge Software, Inc.", "CBRS", "https://w3id.org/ledgerlink/exchange/NASDAQ")
    assert us_release.filing.issued == dt.date(2024, 10, 30)
    assert {f.unit.oim for f in us_release.facts if f.unit} <= {USD, USD_SHARE, "xbrli:shares"}


def test_us_release_statement_in_thousands_with_two_line_headers_and_a_52_week_year(us_release):
    found = {(f.span.line, f.concept, f.period.key): (f.value, f.decimals) for f in us_release.facts}
    assert found[(24, "Revenues", Q4_24)] == (Decimal(412611000), -3)
    assert found[(24, "Revenues", Q4_23)] == (Decimal(371720000), -3)
    assert found[(24, "Revenues", FY24)] == (Decimal(1598304000), -3)
    assert found[(31, "OperatingExpenses", FY24)] == (Decimal(974013000), -3)
    assert found[(36, "NetIncomeLoss", Q4_24)] == (Decimal(59328000), -3)
    assert found[(38, "EarningsPerShareBasic", FY24)] == (Decimal("2.07"), 2)
    assert found[(39, "EarningsPerShareDiluted", Q4_23)] == (Decimal("0.46"), 2)
    assert found[(42, "WeightedAverageNumberOfDilutedSharesOutstanding", Q4_24)] == (Decimal(102040000), -3)
    # the fiscal year 2023 began on a day the text does not give (52 or 53 weeks): not guessed
    assert not any(f.period.end == dt.date(2023, 9, 30) and f.period.start != dt.date(2023, 7, 2)
                   for f in us_release.facts)
    # the highlight "$412.6 million" is the quarter's revenue, not the year's
    assert found[(7, "Revenues", Q4_24)] == (Decimal(412600000), -5)
    assert found[(8, "EarningsPerShareDiluted", Q4_24)] == (Decimal("0.58"), 2)


def test_us_quarterly_dividend_dated_by_its_record_date(us_release):
    found = {f.concept: f for f in us_release.facts if f.span.line == 14}
    day = "2024-11-15/2024-11-15"
    assert (found["DividendPerShareDeclared"].value, found["DividendPerShareDeclared"].period.key) == (Decimal("0.12"), day)
    assert found["DividendPaymentDate"].value == dt.date(2024, 12, 2)
    assert found["DividendRecordDate"].value == dt.date(2024, 11, 15)


@pytest.mark.parametrize("name", ["us_style_release.txt"])
def test_outputs_of_an_unregistered_company_pass_arelle(name, tmp_path):
    result = converter.convert(COMPANIES / name)
    result.write(tmp_path)
    stem = Path(name).stem
    for suffix in (".xhtml", ".xbrl", ".json"):
        problems = [p for p in validate(tmp_path / f"{stem}{suffix}").problems if p[0] == "ERROR"]
        assert not problems, (suffix, problems)
