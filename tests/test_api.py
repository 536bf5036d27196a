"""The library API: converter.convert and its result."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import rdflib

import converter
from converter import xmlsafe
from converter.reader import InputError

from conftest import DIVIDEND_2016, EXAMPLES


def test_convert_a_path():
    result = converter.convert(EXAMPLES / f"{DIVIDEND_2016}.txt")
    assert len(result.facts) == 19
    first = [f for f in result.facts if f.concept == "DividendPerShareInterim" and f.span.line == 13][0]
    assert (first.period.key, first.value, first.unit.oim, first.decimals) == (
        "2016-04-01/2016-09-30", Decimal("13.50"), "iso4217:JPY/xbrli:shares", 2)
    assert result.report["coverage"]["table_cells_accounted"] == 1.0
    assert result.coverage["table_cells"] == 16


def test_convert_text_and_every_format(tmp_path):
    text = (EXAMPLES / f"{DIVIDEND_2016}.txt").read_text()
    result = converter.convert(text, name=f"{DIVIDEND_2016}.txt")
    assert len(result.facts) == 19
    root = xmlsafe.parse(result.to_ixbrl().encode()).getroot()
    assert root.tag == "{http://www.w3.org/1999/xhtml}html"
    xmlsafe.parse(result.to_xbrl().encode())
    assert len(result.to_json()["facts"]) == 19
    graph = result.to_rdf()
    assert isinstance(graph, rdflib.Graph)
    reported = set(graph.subjects(rdflib.RDF.type, rdflib.URIRef("https://w3id.org/ledgerlink/vocab#ReportedFact")))
    assert len(reported) == 19
    frame = result.to_dataframe()
    assert list(frame.columns[:4]) == ["concept", "label", "start", "end"] and len(frame) == 19
    assert dt.date(2016, 11, 4) in set(frame["value"])
    written = result.write(tmp_path)
    assert {p.suffix for p in written} >= {".xhtml", ".xbrl", ".json", ".ttl", ".xsd"}
    assert (tmp_path / "taxonomy" / "ledgerlink-2026.xsd").is_file()


def test_bad_input_raises_input_error():
    with pytest.raises(InputError, match="no issuer named"):
        converter.convert("Minutes of the garden club.\nWe planted 12 roses.\n")
    with pytest.raises(InputError, match="file has no text"):
        converter.convert("   \n  \n")
