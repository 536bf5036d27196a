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
    triples: int  # triples of the filing's own graph
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


def to_python(term) -> object:
    """A query result term as a plain value: IRIs as str, typed literals as Decimal, int, date."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value if term.datatype else ""
        try:
            if datatype == XSD + "decimal":
                return Decimal(term.value)
            if datatype in (XSD + "integer", XSD + "long", XSD + "int"):
                return int(term.value)
            if datatype == XSD + "date":
                return dt.date.fromisoformat(term.value)
        except (ValueError, InvalidOperation):
            return term.value
        return term.value
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
        """Load the taxonomy graph unless the same version is there already; True if (re)loaded."""
        text = describe_taxonomy(tax).text().encode("utf-8")
        digest = hashlib.sha256(text).hexdigest()
        found = self.select(f"SELECT ?h WHERE {{ GRAPH <{TAXONOMY}> {{ <{TAXONOMY}> <{LL}sha256> ?h }} }}")
        if found and found[0]["h"] == digest:
            return False
        self.replace_graph(TAXONOMY, text + f'\n<{TAXONOMY}> <{LL}sha256> "{digest}" .\n'.encode())
        return True

    def load(self, *items, taxonomy: Taxonomy | None = None) -> list[LoadResult]:
        """Load converted filings: ``Filing`` objects, their ``.ttl`` files, or output folders."""
        from pathlib import Path

        from .. import taxonomy as taxonomy_mod
        from ..emit import EmitContext
        from ..emit.rdf import render
        from ..model import Filing

        tax = taxonomy or taxonomy_mod.default()
        self.ensure_taxonomy(tax)
        results = []
        for item in items:
            if isinstance(item, Filing):
                results.append(self.load_turtle(render(item, EmitContext(tax)), tax))
                continue
            path = Path(item)
            for file in sorted(path.glob("*.ttl")) if path.is_dir() else [path]:
                try:
                    data = file.read_bytes()
                except OSError as exc:
                    raise StoreError(f"{file}: {exc.strerror or exc}") from None
                try:
                    results.append(self.load_turtle(data, tax))
                except StoreError as exc:
                    raise StoreError(f"{file}: {exc}") from None
        return results

    def load_turtle(self, turtle: bytes, tax: Taxonomy) -> LoadResult:
        """Load (or reload) one filing's Turtle: its graph is replaced, the shared nodes merged,
        and the revision links of its facts recomputed."""
        part = partition(turtle, tax.namespace)
        self._drop_links_into(part.filing)
        self.add_to_graph(SHARED, part.graphs[SHARED])
        self.replace_graph(part.filing, part.graphs[part.filing])
        revisions = self.relink(part.facts)
        count = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{part.filing}> {{ ?s ?p ?o }} }}")
        return LoadResult(part.filing, int(count[0]["n"]), len(part.facts), revisions)

    def _drop_links_into(self, filing: str) -> None:
        """Links from other filings to this filing's reports go before its graph is replaced."""
        self.update(PREFIXES + f"""
DELETE {{ GRAPH ?g {{ ?later prov:wasRevisionOf ?earlier }} }}
WHERE {{ GRAPH ?g {{ ?later prov:wasRevisionOf ?earlier }}
        FILTER(STRSTARTS(STR(?earlier), "{filing}/")) }}""")

    def relink(self, facts: list[str], chunk: int = 500) -> int:
        """Recompute the prov:wasRevisionOf links among the reports of these facts."""
        count = 0
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
            count += len(links)
        return count
