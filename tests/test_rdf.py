"""The RDF output: vocabulary, typed values, and fact identity across filings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import rdflib
from rdflib.namespace import RDF, SKOS

from converter import taxonomy, vocab
from converter.emit.rdf import lit
from converter.model import Period

from conftest import DIVIDEND_2016, RESULTS_2013, STEMS

LL = rdflib.Namespace(vocab.LL)


def graph(outdir, stem) -> rdflib.Graph:
    return rdflib.Graph().parse(outdir / f"{stem}.ttl", format="turtle")


def test_reported_facts_carry_typed_values_and_their_source(outdir):
    g = graph(outdir, RESULTS_2013)
    reported = [r for r in g.subjects(RDF.type, LL.ReportedFact)
                if str(g.value(r, LL.sourceText)) == "(132,467)"]
    assert len(reported) == 1
    r = reported[0]
    value = g.value(r, LL.value)
    assert value.datatype == rdflib.URIRef(vocab.PREFIXES["xsd"] + "decimal") and value.toPython() == Decimal(132467000)
    assert g.value(r, LL.decimals).toPython() == -3
    assert g.value(r, LL.sourceLine).toPython() == 368
    fact = g.value(r, LL.fact)
    assert str(g.value(fact, LL.concept)).endswith("#InterestExpense")
    period = g.value(fact, LL.period)
    assert g.value(period, LL.startDate).toPython().isoformat() == "2013-04-01"
    assert str(g.value(g.value(fact, LL.unit), LL.unitId)) == "iso4217:JPY"


def test_filing_and_concept_descriptions(outdir):
    g = graph(outdir, RESULTS_2013)
    filing = next(g.subjects(RDF.type, LL.Filing))
    assert str(g.value(filing, LL.sourceFile)) == f"{RESULTS_2013}.txt"
    assert str(g.value(filing, rdflib.URIRef("http://purl.org/dc/terms/issued"))) == "2013-11-08"
    assert len(str(g.value(filing, LL.sha256))) == 64
    assert str(g.value(filing, LL.documentType)) == "EarningsRelease"
    issuer = g.value(filing, LL.issuer)
    assert str(g.value(issuer, LL.identifier)) == "0001090633"
    revenues = rdflib.URIRef(vocab.concept_iri(taxonomy.default(), "Revenues"))
    assert (revenues, RDF.type, SKOS.Concept) in g
    assert (revenues, SKOS.exactMatch, rdflib.URIRef("http://fasb.org/us-gaap/2024#Revenues")) in g


def test_same_fact_in_two_filings_has_one_iri(outdir):
    """The FY2016 interim dividend per share is one ll:Fact wherever it is reported."""
    tax = taxonomy.default()
    g16 = graph(outdir, DIVIDEND_2016)
    dps = {f for f in g16.subjects(LL.concept, rdflib.URIRef(vocab.concept_iri(tax, "DividendPerShareInterim")))}
    assert len(dps) == 3  # FY2016 actual, FY2016 forecast, FY2015 actual
    merged = rdflib.Graph()
    for stem in STEMS:
        merged += graph(outdir, stem)
    for fact in dps:
        assert len(list(merged.subjects(LL.fact, fact))) >= 1


def test_fact_iris_depend_only_on_aspects(filings):
    tax = taxonomy.default()
    entity = filings[RESULTS_2013].entity
    p = Period(dt.date(2016, 9, 30), dt.date(2016, 4, 1))
    a = vocab.fact_iri(tax, entity, "DividendPerShareInterim", p, None)
    assert a == vocab.fact_iri(tax, entity, "DividendPerShareInterim", Period(dt.date(2016, 9, 30), dt.date(2016, 4, 1)), None)
    assert a != vocab.fact_iri(tax, entity, "DividendPerShareYearEnd", p, None)


def test_literals_cannot_break_turtle():
    hostile = 'a "quote" \\ back\nline > <script> ]]> \x07'
    g = rdflib.Graph().parse(data=f"<urn:s> <urn:p> {lit(hostile)} .", format="turtle")
    assert str(next(g.objects())) == hostile


def test_every_output_is_byte_identical_when_converted_again(outdir, tmp_path, settings):
    from converter.batch import convert_many
    from converter.emit import EmitContext

    from conftest import EXAMPLES

    again = tmp_path / "again"
    list(convert_many([EXAMPLES / f"{s}.txt" for s in STEMS], again, settings, EmitContext(settings.taxonomy)))
    first = sorted(p.relative_to(outdir) for p in outdir.rglob("*") if p.is_file())
    second = sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert first == second
    for rel in first:
        assert (outdir / rel).read_bytes() == (again / rel).read_bytes(), rel


def test_vocabulary_defines_every_term_the_outputs_use(outdir):
    from converter.resources import package_file

    vocabulary = rdflib.Graph().parse(package_file("vocab.ttl"), format="turtle")
    defined = {s for s in vocabulary.subjects() if str(s).startswith(vocab.LL)}
    used = set()
    for stem in STEMS:
        g = graph(outdir, stem)
        used |= {t for triple in g for t in triple if isinstance(t, rdflib.URIRef) and str(t).startswith(vocab.LL)}
    assert used and used <= defined, used - defined
