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


JPY, JPY_SHARE = "iso4217:JPY", "iso4217:JPY/xbrli:shares"
H1_24, H1_23, FY24_25, FY23_24 = "2024-04-01/2024-09-30", "2023-04-01/2023-09-30", "2024-04-01/2025-03-31", "2023-04-01/2024-03-31"


def test_tse_summary_of_an_unregistered_company():
    """The TSE summary form: header fields name the company; items across the top with a % change
    each, periods down the side under "Six months ended"; balance items at two dates; the dividend
    table by quarter-end; the full-year forecast under its numbered title."""
    result = converter.convert(COMPANIES / "tse_style_summary.txt")
    entity = result.filing.entity
    assert (entity.name, entity.identifier, entity.scheme) == (
        "Aozora Logistics Co., Ltd.", "9388", "https://w3id.org/ledgerlink/exchange/TSE")
    assert result.filing.issued == dt.date(2024, 11, 8)
    found = {(f.span.line, f.concept, f.period.key, f.value, f.unit.oim if f.unit else None, f.status.value)
             for f in result.facts}
    assert found == {
        (18, "Revenues", H1_24, Decimal(84215000000), JPY, "actual"),
        (18, "OperatingIncomeLoss", H1_24, Decimal(5118000000), JPY, "actual"),
        (18, "OrdinaryIncomeLoss", H1_24, Decimal(5402000000), JPY, "actual"),
        (19, "Revenues", H1_23, Decimal(79297000000), JPY, "actual"),
        (19, "OperatingIncomeLoss", H1_23, Decimal(4594000000), JPY, "actual"),
        (19, "OrdinaryIncomeLoss", H1_23, Decimal(4920000000), JPY, "actual"),
        (25, "Assets", "2024-09-30", Decimal(162480000000), JPY, "actual"),
        (25, "StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest", "2024-09-30",
         Decimal(88915000000), JPY, "actual"),
        (25, "StockholdersEquityToAssetsRatio", "2024-09-30", Decimal("0.538"), "xbrli:pure", "actual"),
        (26, "Assets", "2024-03-31", Decimal(158112000000), JPY, "actual"),
        (26, "StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest", "2024-03-31",
         Decimal(86204000000), JPY, "actual"),
        (26, "StockholdersEquityToAssetsRatio", "2024-03-31", Decimal("0.536"), "xbrli:pure", "actual"),
        (33, "DividendPerShareInterim", H1_23, Decimal("30.00"), JPY_SHARE, "actual"),
        (33, "DividendPerShareYearEnd", FY23_24, Decimal("34.00"), JPY_SHARE, "actual"),
        (33, "DividendPerShareAnnual", FY23_24, Decimal("64.00"), JPY_SHARE, "actual"),
        (34, "DividendPerShareInterim", H1_24, Decimal("35.00"), JPY_SHARE, "actual"),
        (40, "Revenues", FY24_25, Decimal(172000000000), JPY, "forecast"),
        (40, "OperatingIncomeLoss", FY24_25, Decimal(10800000000), JPY, "forecast"),
        (40, "OrdinaryIncomeLoss", FY24_25, Decimal(11300000000), JPY, "forecast"),
    }
    # the % changes beside each amount are derived: skipped, never a fact
    assert {s.text for s in result.skipped if s.span.line == 18} >= {"6.2", "11.4", "9.8"}


@pytest.mark.parametrize("name", ["us_style_release.txt", "tse_style_summary.txt"])
def test_outputs_of_an_unregistered_company_pass_arelle(name, tmp_path):
    result = converter.convert(COMPANIES / name)
    result.write(tmp_path)
    stem = Path(name).stem
    for suffix in (".xhtml", ".xbrl", ".json"):
        problems = [p for p in validate(tmp_path / f"{stem}{suffix}").problems if p[0] == "ERROR"]
        assert not problems, (suffix, problems)


EXTENSION = COMPANIES / "extensions" / "aozora.toml"


def test_a_users_company_extension_maps_its_own_lines_and_passes_arelle(tmp_path):
    """Without an extension the business lines are no concept of the base taxonomy (skipped as
    unmapped); with the user's extension they are the company's own concepts, defined by the
    filing's own schema in the extension's namespace, and adding up to the base's Revenues."""
    plain = converter.convert(COMPANIES / "tse_revenue_by_business.txt")
    assert {f.concept for f in plain.facts} == {"Revenues"}
    assert {s.reason for s in plain.skipped if s.span.line == 11} == {"unmapped: no concept matches this label"}

    result = converter.convert(COMPANIES / "tse_revenue_by_business.txt", extensions=(EXTENSION,))
    found = {(f.span.line, f.concept, f.period.key, f.value) for f in result.facts}
    assert (11, "WarehousingRevenue", H1_24, Decimal(30100000000)) in found
    assert (12, "TransportRevenue", H1_23, Decimal(50892000000)) in found
    assert ("Revenues", "WarehousingRevenue", 1) in result.filing.calc_arcs["RevenueByBusiness"]
    written = {p.name for p in result.write(tmp_path)}
    stem = "tse_revenue_by_business"
    assert {f"{stem}.xsd", f"{stem}_lab.xml", f"{stem}_pre.xml", f"{stem}_cal.xml"} <= written
    schema = (tmp_path / f"{stem}.xsd").read_text()
    assert 'targetNamespace="https://example.com/taxonomy/aozora/2024"' in schema
    assert 'name="WarehousingRevenue"' in schema and 'name="Revenues"' not in schema
    assert 'aoz:WarehousingRevenue' in (tmp_path / f"{stem}.json").read_text()
    for suffix in (".xhtml", ".xbrl", ".json"):
        validation = validate(tmp_path / f"{stem}{suffix}")
        assert not [p for p in validation.problems if p[0] == "ERROR"], (suffix, validation.problems)
    # calculations that add up: no inconsistency from the extension's network
    assert not [p for p in validate(tmp_path / f"{stem}.xhtml").problems if "calc" in p[1].lower()]


def test_an_extension_that_redefines_a_base_concept_is_refused_in_one_line(tmp_path):
    from click.testing import CliRunner

    from converter.cli import main

    bad = tmp_path / "bad.toml"
    bad.write_text('[extension]\nkey = "x"\nprefix = "xx"\nnamespace = "https://example.com/x"\n'
                   '[[concept]]\nname = "Revenues"\nlabel = "Revenue"\ntype = "monetary"\nperiod = "duration"\n')
    done = CliRunner().invoke(main, ["show", "--taxonomy-extension", str(bad), str(COMPANIES / "tse_revenue_by_business.txt")])
    assert done.exit_code == 2
    assert done.output.strip() == "error: bad.toml: concept 'Revenues' is already defined"
