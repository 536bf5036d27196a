"""What every store does, whatever holds the triples: graphs, loading, revisions, binding.

Graphs.  Each triple lives in exactly one named graph, because a store queried
over the union of its graphs returns a triple once per graph holding it:

- ``…/id/graph/shared``: the ``ll:Fact`` nodes (aspects only), periods, units and
  entities, which any number of filings share;
- ``…/id/graph/taxonomy``: the concepts, axes and members with their alignments;
- one graph per filing, named by the filing's IRI: the ``ll:Filing`` and its
  ``ll:ReportedFact`` nodes, and the ``prov:wasRevisionOf`` links from them.

Loading a filing replaces its graph, so reloading changes nothing.  Revisions
are found at load time for the facts of the filing just loaded, by fact IRIs
computed in the client (a lookup by IRI is thousands of times faster than
matching entity, concept and period in the store).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox

from .. import vocab
from ..emit.rdf import GRAPH_MARK, describe_taxonomy
from ..taxonomy import Taxonomy

GRAPH = vocab.ID + "graph/"
SHARED = GRAPH + "shared"
TAXONOMY = GRAPH + "taxonomy"
PROV_REVISION = "http://www.w3.org/ns/prov#wasRevisionOf"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
LL = vocab.LL
PREFIXES = f"""PREFIX ll: <{LL}>
PREFIX llg: <{GRAPH}>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <{XSD}>
"""
Row = dict[str, object]


class StoreError(Exception):
    """A store that cannot be opened, read or written (one line for the user)."""


class QueryError(StoreError):
    """A query that cannot run as asked: bad SPARQL, an unknown named query, arguments naming nothing."""


@dataclass(frozen=True)
class LoadResult:
    filing: str  # the filing's IRI (and graph name)
    triples: int  # triples of the filing's own graph (0 when not counted)
    facts: int  # ll:Fact nodes it reports
    revisions: int  # prov:wasRevisionOf links set for its facts (to or from it)


@dataclass(frozen=True)
class Partition:
    """One filing's Turtle split by graph: a Turtle document for each."""

    filing: str
    graphs: dict[str, bytes]  # graph IRI -> Turtle (SHARED and the filing's own graph)
    facts: list[str]  # IRIs of the ll:Fact nodes


_FACT_SUBJECT = re.compile(rb"^<(" + re.escape(vocab.ID.encode()) + rb"fact/[0-9a-f]+)> a ll:Fact", re.M)


def partition(turtle: bytes, namespace: str) -> Partition:
    """Split a filing's Turtle into its graphs.

    The Turtle ledgerlink writes marks its sections (``# ledgerlink graph: ...``, see
    emit/rdf.py), so it is cut as text and each section is parsed by the store itself;
    any other Turtle is parsed here and split by subject.  Concept descriptions are left
    out either way: the taxonomy graph holds them (see Store.ensure_taxonomy).
    """
    mark = GRAPH_MARK.encode()
    if mark in turtle:
        head, *sections = turtle.split(mark)
        graphs: dict[str, bytes] = {}
        filing = ""
        for section in sections:
            name, _, body = section.partition(b"\n")
            if name == b"shared":
                graphs[SHARED] = head + body
            elif name.startswith(b"filing <"):
                filing = name[len(b"filing <"):-1].decode()
                graphs[filing] = head + body
        if filing and SHARED in graphs:
            facts = [m.decode() for m in _FACT_SUBJECT.findall(graphs[SHARED])]
            return Partition(filing, graphs, facts)
    return _partition_triples(turtle, namespace)


def _partition_triples(turtle: bytes, namespace: str) -> Partition:
    try:
        triples = list(ox.parse(turtle, format=ox.RdfFormat.TURTLE))
    except (SyntaxError, ValueError) as exc:
        raise StoreError(f"not a ledgerlink filing graph: {exc}") from None
    filing_type = ox.NamedNode(LL + "Filing")
    fact_type = ox.NamedNode(LL + "Fact")
    rdf_type = ox.NamedNode(RDF_TYPE)
    filings = {t.subject.value for t in triples if t.predicate == rdf_type and t.object == filing_type}
    if len(filings) != 1:
        raise StoreError(f"expected one ll:Filing in the graph, found {len(filings)}")
    filing = filings.pop()
    own, shared = [], []
    prefix = filing + "/"
    for t in triples:
        subject = t.subject.value
        if subject == filing or subject.startswith(prefix):
            own.append(t)
        elif subject.startswith(namespace):
            continue
        else:
            shared.append(t)
    facts = sorted({t.subject.value for t in shared if t.predicate == rdf_type and t.object == fact_type})
    as_text = {g: ox.serialize(ts, format=ox.RdfFormat.N_TRIPLES) if ts else b"" for g, ts in ((filing, own), (SHARED, shared))}
    return Partition(filing, as_text, facts)


# ------------------------------------------------------------------ terms


_DECIMAL = ox.NamedNode(XSD + "decimal")
_DATE = ox.NamedNode(XSD + "date")
_INTEGERS = (ox.NamedNode(XSD + "integer"), ox.NamedNode(XSD + "long"), ox.NamedNode(XSD + "int"))


def to_python(term) -> object:
    """A query result term as a plain value: IRIs as str, typed literals as Decimal, int, date."""
    if term is None:
        return None
    if type(term) is not ox.Literal:
        return term.value
    datatype = term.datatype
    try:
        if datatype == _DECIMAL:
            return Decimal(term.value)
        if datatype in _INTEGERS:
            return int(term.value)
        if datatype == _DATE:
            return dt.date.fromisoformat(term.value)
    except (ValueError, InvalidOperation):
        pass
    return term.value


def term(value: object) -> ox.NamedNode | ox.Literal:
    """A parameter value as an RDF term; a ``str`` starting with a scheme is an IRI only when
    wrapped as ``ox.NamedNode`` by the caller: plain strings are always literals."""
    if isinstance(value, (ox.NamedNode, ox.Literal)):
        return value
    if isinstance(value, bool):
        return ox.Literal(str(value).lower(), datatype=ox.NamedNode(XSD + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))
    if isinstance(value, Decimal):
        return ox.Literal(format(value, "f"), datatype=ox.NamedNode(XSD + "decimal"))
    if isinstance(value, dt.date):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(XSD + "date"))
    return ox.Literal(str(value))


def bind(query: str, values: Mapping[str, Sequence[object]]) -> str:
    """The query with a VALUES block for each parameter, put where the query says ``#PARAMS``
    (else at the start of its first group).

    Values are serialised as RDF terms by Oxigraph (IRIs checked, literals escaped), so a value
    can never become SPARQL syntax: ``"} ; DROP ALL ; {"`` stays a string.  A parameter with no
    values is left unbound.
    """
    blocks = []
    for name, items in values.items():
        if not name.isidentifier():
            raise ValueError(f"bad parameter name {name!r}")
        items = list(items)
        if items:
            blocks.append(f"VALUES ?{name} {{ {' '.join(str(term(v)) for v in items)} }}")
    if not blocks:
        return query
    text = "\n  ".join(blocks)
    if "#PARAMS" in query:
        return query.replace("#PARAMS", text, 1)
    brace = query.index("{")
    return query[:brace + 1] + "\n  " + text + query[brace + 1:]


# ------------------------------------------------------------------ revisions


def _interval(value: object, decimals: object) -> tuple[Decimal, Decimal] | None:
    if not isinstance(value, Decimal):
        return None
    if isinstance(decimals, int):
        half = Decimal(5).scaleb(-decimals - 1)
        return value - half, value + half
    return value, value


def differ(a: tuple[object, object], b: tuple[object, object]) -> bool:
    """Two reported values of one fact differ beyond rounding: their decimals intervals do not
    overlap (XBRL's rule for consistent duplicates); other values differ when unequal."""
    ia, ib = _interval(*a), _interval(*b)
    if ia is None or ib is None:
        return a[0] != b[0]
    return ia[1] < ib[0] or ib[1] < ia[0]


def revision_links(reports: Iterable[Row]) -> list[tuple[str, str, str]]:
    """(later report, earlier report, graph of the later) for one fact's reports.

    Filings are ordered by release date (then IRI).  Each report of a filing is compared with
    the most precise report of the nearest earlier filing; one that differs beyond rounding
    revises it.  Reports within one filing never revise each other.
    """
    by_filing: dict[str, list[Row]] = defaultdict(list)
    for r in reports:
        by_filing[r["filing"]].append(r)
    order = sorted(by_filing, key=lambda f: (by_filing[f][0]["issued"] or dt.date.min, f))
    links = []
    for earlier, later in zip(order, order[1:], strict=False):
        anchor = max(by_filing[earlier], key=lambda r: r["decimals"] if isinstance(r["decimals"], int) else 99)
        for r in by_filing[later]:
            if differ((r["value"], r["decimals"]), (anchor["value"], anchor["decimals"])):
                links.append((r["r"], anchor["r"], later))
    return links


# ------------------------------------------------------------------ the store


class Store(ABC):
    """A place that holds filings as RDF and answers SPARQL; see converter.store.open."""

    location: str

    # -- what each backend provides
    @abstractmethod
    def select(self, query: str) -> list[Row]:
        """Rows of a SELECT query (graphs named explicitly in the query)."""

    @abstractmethod
    def update(self, update: str) -> None: ...

    @abstractmethod
    def replace_graph(self, graph: str, turtle: bytes) -> None:
        """Make the graph hold exactly these triples (Turtle, parsed by the store)."""

    @abstractmethod
    def add_to_graph(self, graph: str, turtle: bytes) -> None:
        """Add these triples (Turtle) to the graph."""

    def close(self) -> None:  # noqa: B027 - a remote store holds nothing to release
        """Release the store (flushes an embedded one)."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- shared behaviour
    def query(self, sparql: str, **params: Sequence[object] | object) -> list[Row]:
        """Run a SELECT query with the standard prefixes; ``params`` are bound as VALUES."""
        values = {k: (v if isinstance(v, (list, tuple, set)) else [v]) for k, v in params.items() if v is not None}
        text = sparql if "PREFIX ll:" in sparql else PREFIXES + sparql
        return self.select(bind(text, values))

    def triple_count(self) -> int:
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows[0]["n"]) if rows else 0

    def ensure_taxonomy(self, tax: Taxonomy) -> bool:
        """Load the taxonomy graph unless the same version is there already; True if (re)loaded.

        The base taxonomy and each company extension are described and versioned apart, so a run
        that does not name a user's extension leaves its concepts in the graph (a new base version
        replaces the graph: reconvert then)."""
        changed = self._ensure_described(TAXONOMY, describe_taxonomy(tax.base()), replace=True)
        for key, ext in tax.extensions.items():
            changed |= self._ensure_described(ext.namespace, describe_taxonomy(tax, key), replace=changed)
        return changed

    def _ensure_described(self, marker: str, description, replace: bool) -> bool:
        text = description.text().encode("utf-8")
        digest = hashlib.sha256(text).hexdigest()
        found = self.select(f"SELECT ?h WHERE {{ GRAPH <{TAXONOMY}> {{ <{marker}> <{LL}sha256> ?h }} }}")
        if found and found[0]["h"] == digest and not (replace and marker != TAXONOMY):
            return False
        stamped = text + f'\n<{marker}> <{LL}sha256> "{digest}" .\n'.encode()
        if marker == TAXONOMY:
            self.replace_graph(TAXONOMY, stamped)
        else:  # an extension: its own concepts and stamp only
            self.update(f"DELETE {{ GRAPH <{TAXONOMY}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{TAXONOMY}> {{ ?s ?p ?o "
                        f"FILTER(STRSTARTS(STR(?s), \"{marker}#\") || STR(?s) = \"{marker}\") }} }}")
            self.add_to_graph(TAXONOMY, stamped)
        return True

    def load(self, *items, taxonomy: Taxonomy | None = None, batch: int = 200, on_load=None,
             count_triples: bool = True) -> list[LoadResult]:
        """Load converted filings: ``Filing`` objects, their ``.ttl`` files, or output folders;
        ``on_load(name, result)`` is called as each is loaded.  Counting each filing's triples
        (``LoadResult.triples``) reads its graph again: about an eighth of a bulk load's time."""
        from pathlib import Path

        from .. import taxonomy as taxonomy_mod
        from ..emit import EmitContext
        from ..emit.rdf import render
        from ..model import Filing

        tax = taxonomy or taxonomy_mod.default()
        self.ensure_taxonomy(tax)

        def turtles():
            for item in items:
                if isinstance(item, Filing):
                    yield item.document.name, render(item, EmitContext(tax))
                    continue
                path = Path(item)
                for file in sorted(path.glob("*.ttl")) if path.is_dir() else [path]:
                    try:
                        yield file, file.read_bytes()
                    except OSError as exc:
                        raise StoreError(f"{file}: {exc.strerror or exc}") from None

        return self.load_many(turtles(), tax, batch=batch, on_load=on_load, count_triples=count_triples)

    def load_turtle(self, turtle: bytes, tax: Taxonomy) -> LoadResult:
        """Load (or reload) one filing's Turtle (see load_many)."""
        return self.load_many([("", turtle)], tax)[0]

    def load_many(self, named: Iterable[tuple[object, bytes]], tax: Taxonomy, batch: int = 200,
                  on_load=None, count_triples: bool = True) -> list[LoadResult]:
        """Load filings' Turtle, ``batch`` at a time: each filing's graph is replaced (a reload
        first drops the revision links into it), the shared nodes merged, and then the revision
        links recomputed for the facts reported more than once: facts already in the store, and
        facts several filings of the batch report."""
        results: list[LoadResult] = []
        pending: list[tuple[object, Partition]] = []
        for name, turtle in named:
            try:
                pending.append((name, partition(turtle, tax.namespace)))
            except StoreError as exc:
                raise StoreError(f"{name}: {exc}" if name else str(exc)) from None
            if len(pending) >= batch:
                results += self._load_batch(pending, on_load, count_triples)
                pending = []
        if pending:
            results += self._load_batch(pending, on_load, count_triples)
        return results

    def _load_batch(self, parts: list[tuple[object, Partition]], on_load, count_triples: bool) -> list[LoadResult]:
        seen: dict[str, int] = defaultdict(int)
        for _, part in parts:
            for fact in part.facts:
                seen[fact] += 1
        before = self.existing_facts(list(seen))
        for _, part in parts:
            if self.graph_exists(part.filing):
                self._drop_links_into(part.filing)
        self.write_graphs([(SHARED, part.graphs[SHARED], False) for _, part in parts]
                          + [(part.filing, part.graphs[part.filing], True) for _, part in parts])
        again = [f for f, n in seen.items() if n > 1 or f in before]
        links = self.relink(again)
        per_filing: dict[str, int] = defaultdict(int)
        for later, earlier, _ in links:
            per_filing[later.rsplit("/", 1)[0]] += 1
            per_filing[earlier.rsplit("/", 1)[0]] += 1
        counts = self.graph_sizes([part.filing for _, part in parts]) if count_triples else {}
        results = []
        for name, part in parts:
            result = LoadResult(part.filing, counts.get(part.filing, 0), len(part.facts), per_filing[part.filing])
            results.append(result)
            if on_load:
                on_load(name, result)
        return results

    def graph_sizes(self, graphs: list[str]) -> dict[str, int]:
        rows = self.query("SELECT ?g (COUNT(*) AS ?n) WHERE { #PARAMS\n GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
                          g=[ox.NamedNode(g) for g in graphs])
        return {str(r["g"]): int(r["n"]) for r in rows}

    def graph_exists(self, graph: str) -> bool:
        return bool(self.select(f"SELECT ?s WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} LIMIT 1"))

    def existing_facts(self, facts: list[str], chunk: int = 2000) -> set[str]:
        """Which of these ll:Fact nodes the store holds already."""
        found: set[str] = set()
        for i in range(0, len(facts), chunk):
            rows = self.query("SELECT ?fact WHERE { #PARAMS\n GRAPH llg:shared { ?fact a ll:Fact } }",
                              fact=[ox.NamedNode(f) for f in facts[i:i + chunk]])
            found.update(str(r["fact"]) for r in rows)
        return found

    def write_graphs(self, writes: list[tuple[str, bytes, bool]]) -> None:
        """(graph, Turtle, replace?) in order; a backend may do them all at once."""
        for graph, turtle, replace in writes:
            (self.replace_graph if replace else self.add_to_graph)(graph, turtle)

    def _drop_links_into(self, filing: str) -> None:
        """Links from other filings to this filing's reports go before its graph is replaced."""
        self.update(PREFIXES + f"""
DELETE {{ GRAPH ?g {{ ?later prov:wasRevisionOf ?earlier }} }}
WHERE {{ GRAPH <{filing}> {{ ?earlier a ll:ReportedFact }}
        GRAPH ?g {{ ?later prov:wasRevisionOf ?earlier }} }}""")

    def relink(self, facts: list[str], chunk: int = 500) -> list[tuple[str, str, str]]:
        """Recompute the prov:wasRevisionOf links among the reports of these facts;
        the links set, as (later report, earlier report, graph)."""
        done: list[tuple[str, str, str]] = []
        for i in range(0, len(facts), chunk):
            part = [ox.NamedNode(f) for f in facts[i:i + chunk]]
            rows = self.query("""
SELECT ?fact ?r ?filing ?issued ?value ?decimals WHERE {
  #PARAMS
  GRAPH ?filing { ?r ll:fact ?fact ; ll:filing ?filing ; ll:value ?value .
                  OPTIONAL { ?r ll:decimals ?decimals }
                  OPTIONAL { ?filing dct:issued ?issued } }
}""", fact=part)
            by_fact: dict[str, list[Row]] = defaultdict(list)
            for row in rows:
                by_fact[str(row["fact"])].append(row)
            links = [link for reports in by_fact.values() if len({r["filing"] for r in reports}) > 1
                     for link in revision_links(reports)]
            self.update(PREFIXES + f"""
DELETE {{ GRAPH ?g {{ ?r prov:wasRevisionOf ?e }} }}
WHERE {{ VALUES ?fact {{ {' '.join(str(n) for n in part)} }}
        GRAPH ?g {{ ?r ll:fact ?fact ; prov:wasRevisionOf ?e }} }}""")
            if links:
                graphs: dict[str, list[str]] = defaultdict(list)
                for later, earlier, graph in links:
                    graphs[graph].append(f"<{later}> <{PROV_REVISION}> <{earlier}> .")
                body = " ".join(f"GRAPH <{g}> {{ {' '.join(ts)} }}" for g, ts in sorted(graphs.items()))
                self.update(f"INSERT DATA {{ {body} }}")
            done += links
        return done
