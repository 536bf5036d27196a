"""The taxonomy source, the files generated from it, and its US-GAAP alignment."""

from __future__ import annotations

import csv
import gzip
import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter import linkbases, taxonomy
from converter.cli import main

from arelle_helper import validate

DATA = Path(__file__).parent / "data"
TAX = taxonomy.default()


def us_gaap_elements() -> dict[str, dict[str, str]]:
    with gzip.open(DATA / "us-gaap-2024-elements.csv.gz", "rt", encoding="utf-8") as fh:
        return {row["name"]: row for row in csv.DictReader(fh)}


def test_generated_files_are_not_stale():
    """Fails when taxonomy/ledgerlink.toml changed without `ledgerlink taxonomy build`."""
    assert linkbases.stale(TAX, TAX.source.parent) == []


def test_build_check_reports_stale_files(tmp_path):
    linkbases.write(TAX, tmp_path)
    assert linkbases.stale(TAX, tmp_path) == []
    (tmp_path / TAX.file("_lab.xml")).write_text("changed")
    assert linkbases.stale(TAX, tmp_path) == [TAX.file("_lab.xml")]


def test_every_us_gaap_alignment_names_a_real_element_with_the_same_period_type():
    elements = us_gaap_elements()
    problems = []
    for c in TAX.concepts.values():
        if not c.align.startswith("us-gaap:"):
            continue
        name = c.align.split(":", 1)[1]
        element = elements.get(name)
        if element is None:
            problems.append(f"{c.name}: {c.align} is not a US-GAAP 2024 element")
            continue
        if element["abstract"] == "true":
            problems.append(f"{c.name}: {c.align} is abstract")
        if element["periodType"] != c.period:
            problems.append(f"{c.name}: period {c.period} but {c.align} is {element['periodType']}")
        if c.match == "exact" and element["balance"] != c.balance:
            problems.append(f"{c.name}: balance {c.balance!r} but {c.align} has {element['balance']!r}")
        if c.match == "exact" and element["type"] != c.xbrl_type:
            problems.append(f"{c.name}: type {c.xbrl_type} but {c.align} is {element['type']}")
    assert problems == []


def test_alignment_test_would_catch_a_wrong_period_type():
    elements = us_gaap_elements()
    assert elements["Revenues"]["periodType"] == "duration"
    assert elements["Assets"]["periodType"] == "instant"
    assert elements["Assets"]["balance"] == "debit"


def test_export_csv_has_one_row_per_concept_with_the_required_columns():
    result = CliRunner().invoke(main, ["taxonomy", "export", "--format", "csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert len(rows) == len(TAX.concepts)
    assert {"name", "us_gaap", "match", "period_type", "balance", "data_type", "label"} <= set(rows[0])
    revenues = next(r for r in rows if r["name"] == "Revenues")
    assert (revenues["us_gaap"], revenues["match"], revenues["period_type"], revenues["balance"]) == \
        ("us-gaap:Revenues", "exact", "duration", "credit")
    assert {r["match"] for r in rows} <= {"exact", "close", "broad", "narrow", "none"}
    ads = next(r for r in rows if r["name"] == "WeightedAverageNumberOfAdsEquivalentsBasic")
    assert (ads["us_gaap"], ads["match"]) == ("", "none")


def test_calculation_weights_respect_balances():
    for c in TAX.concepts.values():
        for arc in c.calc:
            parent = TAX.concepts[arc.parent]
            if c.balance and parent.balance:
                assert (c.balance == parent.balance) == (arc.weight == 1), (c.name, arc)


def test_source_errors_name_the_concept(tmp_path):
    source = TAX.source.read_text().replace('balance = "credit"\nalign = "us-gaap:Revenues"',
                                            'balance = "debit"\nalign = "us-gaap:Revenues"', 1)
    assert 'balance = "debit"\nalign = "us-gaap:Revenues"' in source
    bad = tmp_path / "ledgerlink.toml"
    bad.write_text(source)
    with pytest.raises(taxonomy.TaxonomyError, match="Revenues"):
        taxonomy.load(bad)


def test_taxonomy_package_loads_in_arelle(tmp_path):
    package = tmp_path / "ledgerlink.zip"
    result = CliRunner().invoke(main, ["taxonomy", "package", "-o", str(package)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(package) as zf:
        names = zf.namelist()
    top = TAX.entry[:-4]
    assert f"{top}/META-INF/taxonomyPackage.xml" in names and f"{top}/{TAX.entry}" in names
    # the calculation networks as a whole are a valid taxonomy too
    result = validate(f"{TAX.namespace}/{TAX.entry}", packages=[str(package)])
    assert result.problems == []
    full = validate(TAX.source.parent / TAX.file("_cal.xml"))
    assert full.problems == []
