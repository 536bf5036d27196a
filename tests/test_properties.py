"""Properties (hypothesis): the parsers and the whole pipeline on generated text never crash, and
what they produce is well-formed: every numeric fact has a period, a unit and decimals, every
output parses, and a sample passes Arelle."""

from __future__ import annotations

import datetime as dt
import json
import random
from decimal import Decimal

import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from converter import numbers, xmlsafe
from converter.batch import render
from converter.emit import EmitContext
from converter.model import Period
from converter.periods import FiscalCalendar, find_dates, parse_period
from converter.pipeline import Settings, convert_document
from converter.reader import InputError, document_from_text

from arelle_helper import validate
from generated import filing

CAL = FiscalCalendar(3, 31, "start")
SETTINGS = Settings()
CTX = EmitContext(SETTINGS.taxonomy)
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ------------------------------------------------------------------ numbers


@FAST
@given(st.text())
def test_parse_cell_never_fails(text):
    number = numbers.parse_cell(text)
    if number is not None:
        assert number.magnitude >= 0 and number.places >= 0
        assert 0 <= number.start <= number.end <= len(text)


@FAST
@given(st.integers(min_value=0, max_value=10**15), st.integers(min_value=0, max_value=4), st.booleans(),
       st.sampled_from([0, 3, 6, 9]))
def test_numbers_as_written_give_their_value(units, places, parenthesised, scale):
    value = Decimal(units).scaleb(-places)
    text = f"{value:,.{places}f}"
    if parenthesised:
        text = f"({text})"
    number = numbers.parse_cell(text)
    assert number is not None
    assert number.signed == (-value if parenthesised else value)
    assert numbers.scaled(number, scale) == number.signed.scaleb(scale)
    assert number.decimals(scale) == places - scale


@FAST
@given(st.text(alphabet="0123456789,.()- %", max_size=20))
def test_malformed_grouping_is_not_a_number(text):
    number = numbers.parse_cell(text)
    if number is not None:  # whatever is read must be exactly what is written
        digits = text[number.start:number.end]
        assert Decimal(digits.replace(",", "")) == number.magnitude
        groups = digits.split(".")[0].split(",")
        assert all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= (3 if len(groups) > 1 else 99)


# ------------------------------------------------------------------ dates and periods


@FAST
@given(st.text())
def test_date_and_period_parsers_never_fail(text):
    for found in find_dates(text):
        assert found.date is None or isinstance(found.date, dt.date)
    period = parse_period(text, CAL)
    assert period is None or period.start is None or period.start <= period.end


@FAST
@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)))
def test_written_dates_are_found(date):
    text = f"As of {date:%B} {date.day}, {date.year}"
    assert [d.date for d in find_dates(text)] == [date]
    assert parse_period(text, CAL) == Period(end=date)


@FAST
@given(st.integers(min_value=1990, max_value=2040), st.sampled_from([2, 4, 6, 9, 11]), st.integers(29, 35))
def test_impossible_dates_are_not_dates(year, month, day):
    try:
        dt.date(year, month, day)
        return
    except ValueError:
        pass
    import calendar
    text = f"{calendar.month_name[month]} {day}, {year}"
    assert all(d.date is None for d in find_dates(text))


@FAST
@given(st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2035, 12, 31)).filter(lambda d: d.day == 1))
def test_six_months_ended_is_six_months(first):
    end = (first.replace(month=first.month % 12 + 1, year=first.year + (first.month == 12)) - dt.timedelta(days=1))
    period = parse_period(f"Six Months Ended {end:%B} {end.day}, {end.year}", CAL)
    assert period is not None and period.end == end and period.months == 6


# ------------------------------------------------------------------ the whole pipeline


def check_outputs(filing_obj) -> dict[str, bytes]:
    for fact in filing_obj.facts:
        assert fact.period is not None
        if fact.is_numeric:
            assert fact.unit is not None
            assert fact.decimals is not None or fact.unit.oim in ("xbrli:pure", "xbrli:shares", "iso4217:JPY/xbrli:shares")
    outputs = render(filing_obj, CTX, ["ixbrl", "xbrl", "json", "rdf"])
    for name, data in outputs.items():
        if name.endswith((".xhtml", ".xbrl", ".xsd", ".xml")):
            xmlsafe.parse(data)
        elif name.endswith(".json"):
            json.loads(data)
        elif name.endswith(".ttl"):
            rdflib.Graph().parse(data=data.decode("utf-8"), format="turtle")
    return outputs


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_generated_filings_convert_or_fail_cleanly(rng):
    text = filing(rng)
    try:
        result = convert_document(document_from_text(text, "generated.txt"), SETTINGS)
    except InputError as exc:
        assert str(exc).startswith("generated.txt")
        return
    check_outputs(result)


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=3000))
def test_arbitrary_text_converts_or_fails_cleanly(text):
    try:
        result = convert_document(document_from_text("Internet Initiative Japan Inc.\n" + text, "any.txt"), SETTINGS)
    except InputError:
        return
    check_outputs(result)


def test_a_sample_of_generated_filings_passes_arelle(tmp_path):
    from converter.batch import write_taxonomy

    write_taxonomy(tmp_path, CTX)
    rng = random.Random(20261121)
    checked = 0
    while checked < 4:
        try:
            result = convert_document(document_from_text(filing(rng), f"sample{checked}.txt"), SETTINGS)
        except InputError:
            continue
        for name, data in check_outputs(result).items():
            (tmp_path / name).write_bytes(data)
        assert validate(tmp_path / f"sample{checked}.xhtml").problems == []
        checked += 1
