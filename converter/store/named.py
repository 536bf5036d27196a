"""The named queries shipped with ledgerlink: a SPARQL file each, the parameters it takes,
and, where SPARQL alone would be clumsy, a small step that picks among the rows.

Parameters are resolved in the client (a concept by our name, its label or the
US-GAAP element it is aligned to; an entity by registry key, name or identifier;
a filing by file name, stem or IRI) and bound as VALUES, never pasted into the
query text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources

import pyoxigraph as ox

from .. import vocab
from ..mapper import normalize
from ..model import Entity
from ..taxonomy import Taxonomy
from .base import QueryError, Row, Store


@dataclass(frozen=True)
class NamedQuery:
    name: str
    summary: str
    columns: tuple[str, ...]  # what the command shows, in order
    args: tuple[str, ...] = ()  # positional arguments ("concept", "filing", "element")
    reduce: Callable[[list[Row], dict], list[Row]] | None = None
    extra: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return resources.files(__package__).joinpath("queries", f"{self.name}.rq").read_text(encoding="utf-8")


# ------------------------------------------------------------------ resolving arguments


def concepts_for(text: str, tax: Taxonomy) -> list[str]:
    """Concept names for what the user typed: our name, a label or synonym, or an aligned element."""
    if text in tax.concepts:
        return [text]
    local = text.split(":", 1)[1] if text.startswith(f"{tax.prefix}:") else None
    if local in tax.concepts:
        return [local]
    if ":" in text:  # us-gaap:Revenues, srt:..., dei:...: the concepts that mean it, else those narrower or broader
        aligned = [c for c in tax.concepts.values() if c.align == text]
        close = [c.name for c in aligned if c.match in ("exact", "close")]
        if close or aligned:
            return close or [c.name for c in aligned]
    wanted = normalize(text)
    by_label = [c.name for c in tax.concepts.values()
                if wanted in {normalize(c.label), normalize(c.terse or ""), normalize(c.total or "")}]
    if by_label:
        return by_label
    by_synonym = [c.name for c in tax.concepts.values() if wanted in {normalize(s) for s in c.synonyms}]
    if by_synonym:
        return by_synonym
    raise QueryError(f"no concept named, labelled or aligned {text!r}; try `ledgerlink taxonomy list`")


def entity_for(text: str, registry: dict[str, Entity]) -> str:
    for entity in registry.values():
        names = {entity.key, entity.name, entity.identifier, *entity.aliases}
        if text in names or text.lower() in {n.lower() for n in names}:
            return vocab.entity_iri(entity)
    raise QueryError(f"unknown entity {text!r}; known: {', '.join(sorted(registry))}")


def filing_for(store: Store, text: str) -> str:
    rows = store.query("SELECT ?filing ?file WHERE { GRAPH ?filing { ?filing a ll:Filing ; ll:sourceFile ?file } }")
    for row in rows:
        file = str(row["file"])
        if text in (str(row["filing"]), file, file.rsplit(".", 1)[0]):
            return str(row["filing"])
    known = ", ".join(sorted(str(r["file"]) for r in rows)) or "none loaded"
    raise QueryError(f"no filing {text!r} in the store; loaded: {known}")


# ------------------------------------------------------------------ picking rows


def _precision(row: Row) -> float:
    d = row.get("decimals")
    return float("inf") if d is None or d == "INF" else float(d)


def _latest(rows: list[Row], key: str = "fact") -> list[Row]:
    """For each fact, the report of the latest filing (the most precise one within it)."""
    best: dict[str, Row] = {}
    for row in rows:
        current = best.get(row[key])
        rank = (row.get("issued") or "", _precision(row))
        if current is None or rank > ((current.get("issued") or ""), _precision(current)):
            best[row[key]] = row
    return [r for r in rows if best.get(r[key]) is r]


def _series(rows: list[Row], options: dict) -> list[Row]:
    return rows if options.get("all_reports") else _latest(rows)


def _dividends(rows: list[Row], options: dict) -> list[Row]:
    rows = rows if options.get("all_reports") else _latest(rows)
    for row in rows:
        if "annual" in str(row.get("type", "")).lower():
            row["record"] = row["payment"] = None  # an annual total has no record or payment date of its own
    return rows


QUERIES: dict[str, NamedQuery] = {q.name: q for q in (
    NamedQuery("filings", "the filings loaded, with issuer, date and document type",
               ("file", "issuer", "issued", "type", "facts")),
    NamedQuery("facts", "every fact of one filing in document order, with its source line",
               ("line", "concept", "label", "start", "end", "value", "unit", "decimals", "status", "dims", "text"),
               args=("filing",)),
    NamedQuery("series", "a metric over time across filings (the latest report wins)",
               ("concept", "start", "end", "value", "unit", "decimals", "status", "dims", "file", "issued", "line"),
               args=("concept",), reduce=_series),
    NamedQuery("dividends", "dividends per share with type, record and payment dates",
               ("type", "start", "end", "value", "status", "dims", "record", "payment", "file", "issued", "line"),
               reduce=_dividends),
    NamedQuery("restatements", "facts whose value changed between filings",
               ("concept", "start", "end", "dims", "before", "beforeFile", "after", "afterFile", "afterLine")),
    NamedQuery("aligned", "our concepts aligned to a US-GAAP element, and how many facts use them",
               ("concept", "label", "match", "facts"), args=("element",)),
)}


def run(store: Store, name: str, args: list[str], tax: Taxonomy, registry: dict[str, Entity],
        entity: str | None = None, all_reports: bool = False) -> list[Row]:
    """Rows of a named query, each with the query's columns (and its helper columns)."""
    if name not in QUERIES:
        raise QueryError(f"no named query {name!r}; choose from {', '.join(QUERIES)}")
    q = QUERIES[name]
    if len(args) != len(q.args):
        wanted = " ".join(a.upper() for a in q.args) or "no arguments"
        raise QueryError(f"`{name}` takes {wanted}")
    params: dict[str, list] = {}
    given = dict(zip(q.args, args, strict=True))
    if "filing" in given:
        params["filing"] = [ox.NamedNode(filing_for(store, given["filing"]))]
    if "concept" in given:
        params["c"] = [ox.NamedNode(vocab.concept_iri(tax, n)) for n in concepts_for(given["concept"], tax)]
    if "element" in given:
        element = given["element"] if ":" in given["element"] else f"us-gaap:{given['element']}"
        prefix = element.split(":", 1)[0]
        if prefix not in vocab.PREFIXES:
            raise QueryError(f"unknown prefix in {element!r}; use us-gaap:, srt: or dei:")
        params["element"] = [ox.NamedNode(vocab.aligned_iri(element))]
    if name == "dividends":
        params["c"] = [ox.NamedNode(vocab.concept_iri(tax, c.name)) for c in tax.concepts.values()
                       if "Dividends" in c.roles and c.type == "perShare"]
        params["recordConcept"] = [ox.NamedNode(vocab.concept_iri(tax, n)) for n in _aligned(
            tax, "us-gaap:DividendsPayableDateOfRecordDayMonthAndYear")]
        params["paymentConcept"] = [ox.NamedNode(vocab.concept_iri(tax, n)) for n in _aligned(
            tax, "us-gaap:DividendPayableDateToBePaidDayMonthAndYear")]
    if entity and name in ("series", "dividends", "restatements"):
        params["entity"] = [ox.NamedNode(entity_for(entity, registry))]
    rows = store.query(q.text, **params)
    if q.reduce:
        rows = q.reduce(rows, {"all_reports": all_reports})
    return rows


def _aligned(tax: Taxonomy, element: str) -> list[str]:
    return [c.name for c in tax.concepts.values() if c.align == element]
