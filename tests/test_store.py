"""Linked facts in a store and the named queries: the same suite on the embedded Oxigraph store
and on a real Oxigraph server started here (SPARQL 1.1 Protocol and Graph Store Protocol)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest

from converter import store as store_mod
from converter import taxonomy, vocab
from converter.emit import EmitContext
from converter.entities import load_registry
from converter.model import JPY_PER_SHARE, Period
from converter.pipeline import Settings, convert_path
from converter.store import QueryError, bind

from conftest import DIVIDEND_2016, DIVIDEND_2018, RESULTS_2013, RESULTS_2017, SPLIT_2020, STEMS

REVISION = Path(__file__).parent / "fixtures" / "revision" / "iij-2018-02-09-dividend-forecast-revision.txt"
TAX = taxonomy.default()
REGISTRY = load_registry()
IIJ = REGISTRY["iij"]


def _load(s, outdir: Path) -> list:
    return store_mod.load_outputs(s, [outdir / f"{stem}.ttl" for stem in STEMS], TAX)


@pytest.fixture(scope="module", params=["embedded", "server"])
def loaded(request, outdir, tmp_path_factory):
    """A store holding the five examples, once embedded and once on the server."""
    if request.param == "embedded":
        s = store_mod.open(tmp_path_factory.mktemp("store") / "db")
    else:
        base = request.getfixturevalue("server")
        s = store_mod.open(f"{base}/query", update_endpoint=f"{base}/update", graph_store=f"{base}/store")
    _load(s, outdir)
    yield s
    s.close()


def run(s, name, *args, **options):
    return store_mod.run(s, name, list(args), TAX, REGISTRY, **options)


def pick(rows, *columns):
    return [tuple(r[c] for c in columns) for r in rows]


# ------------------------------------------------------------------ linking and loading


def test_the_fy2016_interim_dividend_is_one_fact_reported_by_three_filings(loaded):
    fact = vocab.fact_iri(TAX, IIJ, "DividendPerShareInterim",
                          Period(start=dt.date(2016, 4, 1), end=dt.date(2016, 9, 30)), JPY_PER_SHARE)
    rows = loaded.query("""SELECT ?file ?value ?line WHERE {
      GRAPH llg:shared { ?fact a ll:Fact }
      GRAPH ?filing { ?r ll:fact ?fact ; ll:value ?value ; ll:sourceLine ?line . ?filing ll:sourceFile ?file } }
      ORDER BY ?file ?line""", fact=ox.NamedNode(fact))
    assert {r["file"] for r in rows} == {f"{DIVIDEND_2016}.txt", f"{RESULTS_2017}.txt", f"{DIVIDEND_2018}.txt"}
    assert {r["value"] for r in rows} == {Decimal("13.5")}
    facts = loaded.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH llg:shared { ?fact a ll:Fact } }",
                         fact=ox.NamedNode(fact))
    assert facts[0]["n"] == 1


def test_the_readme_tutorial_question(loaded):
    """examples/fy2016-interim-dividend.rq, the README's fifth command, answers as the README shows."""
    from conftest import EXAMPLES

    rows = loaded.query((EXAMPLES / "fy2016-interim-dividend.rq").read_text())
    assert pick(rows, "file", "issued", "line", "text", "value", "status") == [
        (f"{DIVIDEND_2016}.txt", dt.date(2016, 11, 4), 13, "JPY13.50", Decimal("13.50"), "actual"),
        (f"{DIVIDEND_2016}.txt", dt.date(2016, 11, 4), 20, "JPY13.50 per common share as interim dividend",
         Decimal("13.50"), "actual"),
        (f"{DIVIDEND_2016}.txt", dt.date(2016, 11, 4), 27, "JPY13.50", Decimal("13.50"), "actual"),
        (f"{RESULTS_2017}.txt", dt.date(2017, 11, 7), 772, "13.50", Decimal("13.50"), "actual"),
        (f"{DIVIDEND_2018}.txt", dt.date(2018, 5, 24), 25, "JPY13.50", Decimal("13.50"), "actual"),
    ]


def test_every_triple_lives_in_one_graph(loaded):
    rows = loaded.query("""SELECT (COUNT(*) AS ?n) WHERE {
      GRAPH ?a { ?s ?p ?o } GRAPH ?b { ?s ?p ?o } FILTER(STR(?a) < STR(?b)) }""")
    assert rows[0]["n"] == 0


def test_reloading_changes_nothing(loaded, outdir):
    before = loaded.triple_count()
    results = _load(loaded, outdir)
    assert loaded.triple_count() == before
    assert [r.revisions for r in results] == [0, 0, 0, 0, 0]


def test_taxonomy_graph_is_loaded_once(loaded):
    assert loaded.ensure_taxonomy(TAX) is False
    rows = loaded.query("SELECT ?label WHERE { GRAPH llg:taxonomy { ?c skos:notation \"llt:Revenues\" ; "
                        "skos:prefLabel ?label ; skos:exactMatch ?gaap } }")
    assert [r["label"] for r in rows] == ["Revenues"]


# ------------------------------------------------------------------ named queries


def test_filings(loaded):
    rows = run(loaded, "filings")
    assert pick(rows, "file", "issued", "type", "facts") == [
        (f"{RESULTS_2013}.txt", dt.date(2013, 11, 8), "EarningsRelease", 830),
        (f"{DIVIDEND_2016}.txt", dt.date(2016, 11, 4), "DividendNotice", 19),
        (f"{RESULTS_2017}.txt", dt.date(2017, 11, 7), "EarningsRelease", 877),
        (f"{DIVIDEND_2018}.txt", dt.date(2018, 5, 24), "DividendNotice", 20),
        (f"{SPLIT_2020}.txt", dt.date(2020, 11, 9), "StockSplitNotice", 24),
    ]
    assert {r["issuer"] for r in rows} == {"Internet Initiative Japan Inc."}


def test_facts_of_a_filing_in_document_order(loaded):
    rows = run(loaded, "facts", SPLIT_2020)
    assert pick(rows, "line", "concept", "value")[:8] == [
        (9, "llt:StockSplitResolutionDate", dt.date(2020, 11, 9)),
        (19, "llt:StockSplitRecordDate", dt.date(2020, 12, 31)),
        (19, "llt:StockSplitConversionRatio", Decimal(2)),
        (26, "llt:CommonStockSharesIssued", Decimal(46734600)),
        (27, "llt:StockIssuedDuringPeriodSharesStockSplits", Decimal(46734600)),
        (28, "llt:CommonStockSharesIssued", Decimal(93469200)),
        (29, "llt:CommonStockSharesAuthorized", Decimal(151040000)),
        (31, "llt:CommonStockSharesAuthorized", Decimal(151040000)),
    ]
    assert len(rows) == 24
    assert [r["line"] for r in rows] == sorted(r["line"] for r in rows)
    # the same filing named by its file name
    assert len(run(loaded, "facts", f"{SPLIT_2020}.txt")) == 24


def test_series_latest_report_wins(loaded):
    rows = run(loaded, "series", "Interim dividend per share")
    assert pick(rows, "end", "value", "status", "dims", "file") == [
        (dt.date(2012, 9, 30), Decimal(1750), "actual", "As declared, not adjusted for a later stock split",
         f"{RESULTS_2013}.txt"),
        (dt.date(2013, 9, 30), Decimal(11), "actual", None, f"{RESULTS_2013}.txt"),
        (dt.date(2015, 9, 30), Decimal(11), "actual", None, f"{DIVIDEND_2016}.txt"),
        (dt.date(2016, 9, 30), Decimal("13.5"), "forecast", "Forecast", f"{DIVIDEND_2016}.txt"),
        (dt.date(2016, 9, 30), Decimal("13.5"), "actual", None, f"{DIVIDEND_2018}.txt"),
        (dt.date(2017, 9, 30), Decimal("13.5"), "actual", None, f"{DIVIDEND_2018}.txt"),
    ]
    every = run(loaded, "series", "DividendPerShareInterim", all_reports=True)
    fy2016 = [r["file"] for r in every if r["end"] == dt.date(2016, 9, 30) and r["status"] == "actual"]
    assert sorted(set(fy2016)) == [f"{DIVIDEND_2016}.txt", f"{RESULTS_2017}.txt", f"{DIVIDEND_2018}.txt"]


def test_series_by_us_gaap_element(loaded):
    rows = run(loaded, "series", "us-gaap:Revenues")
    consolidated = [(r["end"], r["value"]) for r in rows if r["dims"] is None and r["decimals"] == -3]
    assert (dt.date(2013, 9, 30), Decimal("54396959000")) in consolidated
    assert {r["concept"] for r in rows} == {"llt:Revenues"}


def test_dividends(loaded):
    rows = run(loaded, "dividends")
    actual = [r for r in rows if r["status"] == "actual" and not r["dims"]]
    assert pick(actual, "type", "end", "value", "record", "payment") == [
        ("Year-end dividend per share", dt.date(2013, 3, 31), Decimal(10), None, None),
        ("Interim dividend per share", dt.date(2013, 9, 30), Decimal(11), None, dt.date(2013, 12, 6)),
        ("Interim dividend per share", dt.date(2015, 9, 30), Decimal(11), dt.date(2015, 9, 30), dt.date(2015, 12, 7)),
        ("Annual dividend per share", dt.date(2016, 3, 31), Decimal(22), None, None),
        ("Year-end dividend per share", dt.date(2016, 3, 31), Decimal(11), None, None),
        ("Interim dividend per share", dt.date(2016, 9, 30), Decimal("13.5"), dt.date(2016, 9, 30),
         dt.date(2016, 12, 6)),
        ("Annual dividend per share", dt.date(2017, 3, 31), Decimal(27), None, None),
        ("Year-end dividend per share", dt.date(2017, 3, 31), Decimal("13.5"), dt.date(2017, 3, 31),
         dt.date(2017, 6, 29)),
        ("Interim dividend per share", dt.date(2017, 9, 30), Decimal("13.5"), None, dt.date(2017, 12, 8)),
        ("Annual dividend per share", dt.date(2018, 3, 31), Decimal(27), None, None),
        ("Year-end dividend per share", dt.date(2018, 3, 31), Decimal("13.5"), dt.date(2018, 3, 31),
         dt.date(2018, 6, 29)),
    ]
    assert len(rows) == 20


def test_no_restatements_among_the_examples(loaded):
    assert run(loaded, "restatements") == []


def test_aligned(loaded):
    assert pick(run(loaded, "aligned", "us-gaap:Revenues"), "concept", "match", "facts") == [
        ("llt:IntersegmentRevenue", "broad", 8),
        ("llt:RevenueFromExternalCustomers", "broad", 8),
        ("llt:Revenues", "exact", 23),  # with the dollar translation of a highlight
    ]


def test_bad_arguments_are_one_line_errors(loaded):
    with pytest.raises(QueryError, match="no concept named"):
        run(loaded, "series", "Quarterly happiness")
    with pytest.raises(QueryError, match="no filing"):
        run(loaded, "facts", "nothing-like-this")
    with pytest.raises(QueryError, match="takes CONCEPT"):
        run(loaded, "series")


def test_a_parameter_is_a_value_never_sparql(loaded):
    before = loaded.triple_count()
    hostile = '"} ; DROP ALL ; {"'
    text = bind("SELECT ?x WHERE { #PARAMS\n ?x ?p ?o }", {"x": [hostile]})
    assert "DROP ALL" in text and text.count('\\"') == 2  # inside one escaped string literal
    assert loaded.query("SELECT ?file WHERE { GRAPH ?f { ?f ll:sourceFile ?file } }", file=hostile) == []
    with pytest.raises(QueryError):
        run(loaded, "facts", hostile)
    assert loaded.triple_count() == before


# ------------------------------------------------------------------ restatements


@pytest.fixture(scope="module")
def revision_ttl(tmp_path_factory) -> Path:
    settings = Settings()
    filing = convert_path(REVISION, settings)
    from converter.emit.rdf import render

    path = tmp_path_factory.mktemp("revision") / f"{REVISION.stem}.ttl"
    path.write_bytes(render(filing, EmitContext(settings.taxonomy)))
    return path


@pytest.mark.parametrize("backend", ["embedded", "server", "server-insert-data"])
def test_a_revised_forecast_is_a_restatement(backend, outdir, revision_ttl, tmp_path, request):
    """FY2017 year-end dividend forecast: JPY13.50 (Nov 2017), revised to JPY15.00 (Feb 2018),
    back to JPY13.50 (May 2018): each later report revises the one before."""
    if backend == "embedded":
        s = store_mod.open(tmp_path / "db")
    else:
        base = request.getfixturevalue("server")
        graph_store = f"{base}/store" if backend == "server" else None
        s = store_mod.open(f"{base}/query", update_endpoint=f"{base}/update", graph_store=graph_store)
        s.update("DROP ALL")
    with s:
        store_mod.load_outputs(s, [outdir / f"{stem}.ttl" for stem in STEMS], TAX)
        result = store_mod.load_outputs(s, [revision_ttl], TAX)[0]
        assert result.revisions == 2
        rows = run(s, "restatements")
        assert pick(rows, "concept", "end", "dims", "before", "beforeFile", "after", "afterFile") == [
            ("llt:DividendPerShareYearEnd", dt.date(2018, 3, 31), "Forecast", Decimal("13.5"), f"{RESULTS_2017}.txt",
             Decimal(15), REVISION.name),
            ("llt:DividendPerShareYearEnd", dt.date(2018, 3, 31), "Forecast", Decimal(15), REVISION.name,
             Decimal("13.5"), f"{DIVIDEND_2018}.txt"),
        ]
        # loading it again, or reloading an earlier filing, keeps the same links and triples
        count = s.triple_count()
        store_mod.load_outputs(s, [revision_ttl, outdir / f"{RESULTS_2017}.ttl"], TAX)
        assert s.triple_count() == count
        assert len(run(s, "restatements")) == 2
        # by issuer: IIJ's are these; another company (known to the registry, absent) has none
        assert len(run(s, "restatements", entity="iij")) == 2
        other = {**REGISTRY, "other": dataclasses.replace(IIJ, key="other", identifier="0000000001", aliases=())}
        assert store_mod.run(s, "restatements", [], TAX, other, entity="other") == []


def test_a_fact_names_its_series(loaded):
    """ll:series (entity + concept as one IRI the client computes) finds the same facts as
    matching entity and concept, by one lookup."""
    series = ox.NamedNode(vocab.series_iri(vocab.entity_iri(IIJ), "Revenues"))
    by_series = loaded.query("SELECT ?fact WHERE { GRAPH llg:shared { ?fact ll:series ?s } }", s=series)
    by_aspects = loaded.query("SELECT ?fact WHERE { GRAPH llg:shared { ?fact ll:entity ?e ; ll:concept ?c } }",
                              e=ox.NamedNode(vocab.entity_iri(IIJ)), c=ox.NamedNode(vocab.concept_iri(TAX, "Revenues")))
    assert sorted(r["fact"] for r in by_series) == sorted(r["fact"] for r in by_aspects)
    assert len(by_series) == 23  # as `aligned us-gaap:Revenues` counts for llt:Revenues
    assert series.value == "https://w3id.org/ledgerlink/id/series/cik/0001090633/Revenues"


# ------------------------------------------------------------------ the command line


def test_cli_queries_the_embedded_store(tmp_path):
    import json

    from click.testing import CliRunner

    from converter.cli import main

    from conftest import EXAMPLES

    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(main, ["convert", str(EXAMPLES / f"{DIVIDEND_2016}.txt"), str(EXAMPLES / f"{DIVIDEND_2018}.txt"),
                                  "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert f"(store {out / 'store'})" in result.output
    result = runner.invoke(main, ["query", "filings", "--store", str(out / "store"), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [r["file"] for r in json.loads(result.output)] == [f"{DIVIDEND_2016}.txt", f"{DIVIDEND_2018}.txt"]
    result = runner.invoke(main, ["query", "series", "us-gaap:CommonStockDividendsPerShareDeclared", "--store",
                                  str(out / "store"), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "concept,start,end,value,unit,decimals,status,dims,file,issued,line"
    result = runner.invoke(main, ["query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH llg:shared { ?f a ll:Fact } }",
                                  "--store", str(out / "store")])
    assert result.exit_code == 0 and result.output.splitlines()[2].strip().isdigit()
    # a bad query is a one-line usage error; a missing store is an error too
    result = runner.invoke(main, ["query", "SELECT ?x WHERE { ?x }", "--store", str(out / "store")])
    assert result.exit_code == 2 and result.output.startswith("error: SPARQL syntax error")
    result = runner.invoke(main, ["query", "filings", "--store", str(tmp_path / "nothing")])
    assert result.exit_code == 1 and "no store at" in result.output


def test_cli_converts_into_a_sparql_server(server, tmp_path):
    from click.testing import CliRunner

    from converter.cli import main

    from conftest import EXAMPLES

    store_mod.open(f"{server}/query", update_endpoint=f"{server}/update").update("DROP ALL")
    endpoint = ["--endpoint", f"{server}/query", "--update-endpoint", f"{server}/update"]
    runner = CliRunner()
    result = runner.invoke(main, ["convert", str(EXAMPLES / f"{DIVIDEND_2016}.txt"), "-o", str(tmp_path), "-q",
                                  *endpoint, "--graph-store", f"{server}/store"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["load", str(tmp_path / f"{DIVIDEND_2016}.ttl"), *endpoint])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["query", "dividends", "--endpoint", f"{server}/query", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) == 1 + 7
    result = runner.invoke(main, ["query", "filings", "--endpoint", "http://127.0.0.1:9/query"])
    assert result.exit_code == 1 and "cannot reach the SPARQL server" in result.output
