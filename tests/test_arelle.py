"""An independent processor (Arelle, offline) accepts every output, and the outputs agree."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal

import pytest
import rdflib

from converter import taxonomy

from arelle_helper import validate
from conftest import RESULTS_2013, STEMS

LL = rdflib.Namespace("https://w3id.org/ledgerlink/vocab#")


@pytest.mark.parametrize("suffix", [".xhtml", ".xbrl", ".json"])
@pytest.mark.parametrize("stem", STEMS)
def test_arelle_reports_no_error_or_warning(outdir, stem, suffix):
    result = validate(outdir / f"{stem}{suffix}")
    assert result.problems == []
    facts = json.loads((outdir / f"{stem}.json").read_text())["facts"]
    assert len(result.facts) == len(facts) > 0


def _json_facts(path):
    concepts = taxonomy.default().concepts
    out = {}
    for fid, fact in json.loads(path.read_text())["facts"].items():
        name = fact["dimensions"]["concept"].split(":")[1]
        value = fact["value"]
        if concepts[name].is_numeric:
            value = Decimal(value).normalize()
        elif concepts[name].type == "date":
            value = dt.date.fromisoformat(value)
        out[fid] = (name, value)
    return out


def _rdf_facts(path):
    graph = rdflib.Graph().parse(path, format="turtle")
    out = {}
    for reported in graph.subjects(rdflib.RDF.type, LL.ReportedFact):
        fact = graph.value(reported, LL.fact)
        concept = str(graph.value(fact, LL.concept)).rsplit("#", 1)[1]
        value = graph.value(reported, LL.value).toPython()
        if isinstance(value, Decimal):
            value = value.normalize()
        out[str(reported).rsplit("/", 1)[1]] = (concept, value)
    return out


@pytest.mark.parametrize("stem", STEMS)
def test_inline_xbrl_json_and_rdf_agree_fact_for_fact(outdir, stem):
    arelle = {}
    for fid, concept, _ctx, value in validate(outdir / f"{stem}.xhtml").facts:
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            value = dt.date.fromisoformat(value)
        arelle[fid] = (concept, value)
    assert arelle == _json_facts(outdir / f"{stem}.json")
    assert arelle == _rdf_facts(outdir / f"{stem}.ttl")


def test_arelle_checks_calculations_for_real(outdir, tmp_path):
    """Negative control: the same instance with one total changed must be reported."""
    for name in outdir.iterdir():
        target = tmp_path / name.name
        if name.is_dir():
            target.symlink_to(name, target_is_directory=True)
        else:
            target.write_bytes(name.read_bytes())
    instance = tmp_path / f"{RESULTS_2013}.xbrl"
    text = instance.read_text()
    changed = re.sub(r"(<llt:Revenues [^>]*contextRef=\"D20130401_20130930\"[^>]*>)54396959000<",
                     r"\g<1>54396969000<", text, count=1)
    assert changed != text
    instance.write_text(changed)
    codes = {code for _level, code, _msg in validate(instance).problems}
    assert any("calc" in code.lower() or "inconsisten" in code.lower() for code in codes), codes
