"""The named queries shipped with ledgerlink: a SPARQL file each, the parameters it takes,
and, where SPARQL alone would be clumsy, a small step that picks among the rows.

Each query matches only what every row has; optional details (decimals, unit, dimensions,
period dates, a filing's name and date) are fetched afterwards for the IRIs found, bound as
VALUES (``detail-*.rq``).  Oxigraph evaluates an OPTIONAL over the whole store before joining
it, which at a million facts costs seconds; a lookup by IRI costs microseconds.

Parameters are resolved in the client (a concept by our name, its label or the
US-GAAP element it is aligned to; an entity by registry key, name or identifier;
a filing by file name, stem or IRI) and bound as VALUES, never pasted into the
query text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

import pyoxigraph as ox

from .. import vocab
from ..mapper import normalize
from ..model import Entity
from ..taxonomy import Taxonomy
from .base import QueryError, Row, Store


def _text(name: str) -> str:
    return resources.files(__package__).joinpath("queries", f"{name}.rq").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Detail:
    """Columns added to rows by a lookup keyed on one IRI column of the rows."""

    query: str  # detail-*.rq, selecting the key variable and the detail columns
    key: str  # the rows' column holding the IRI
    rename: tuple[tuple[str, str], ...] = ()  # detail column -> row column, when they differ
    # bind this column (a graph) rather than the keys: when the rows are all of a few graphs,
    # reading those graphs is one range scan where a lookup per key is a seek each
    scope: str | None = None

    def apply(self, store: Store, rows: list[Row], seen: dict[str, dict] | None = None, chunk: int = 2000) -> None:
        """``seen``: what this detail query already found for other columns of the same rows
        (a restatement's earlier and later filing are mostly the same filings)."""
        text = _text(self.query)
        var = text.split("SELECT ?", 1)[1].split()[0]
        bound = self.scope or var
        found: dict[str, dict] = {} if seen is None or self.scope else seen
        keys = sorted({str(r[self.scope or self.key]) for r in rows if r.get(self.scope or self.key) is not None}
                      - (set() if self.scope else found.keys()))
        for i in range(0, len(keys), chunk):
            if not self.scope:  # a key found nothing: remember that too
                found.update((k, {}) for k in keys[i:i + chunk])
            for row in store.query(text, **{bound: [ox.NamedNode(k) for k in keys[i:i + chunk]]}):
                slot = found.setdefault(str(row[var]), {})
                for column, value in row.items():
                    if column != var and value is not None:
                        slot[column] = value
        names = dict(self.rename)
        columns = [c for c in text.split("WHERE", 1)[0].split() if c.startswith("?") and c[1:] not in (var, bound)]
        for row in rows:
            got = found.get(str(row.get(self.key)), {})
            for column in columns:
                row[names.get(column[1:], column[1:])] = got.get(column[1:])


REPORT = Detail("detail-report", "r")
REPORT_OF_FILING = Detail("detail-report", "r", scope="filing")
FACT = Detail("detail-fact", "fact")
DIMS = Detail("detail-dims", "fact")  # where the unit is not shown
PERIOD = Detail("detail-period", "p")
FILING = Detail("detail-filing", "filing")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    summary: str
    columns: tuple[str, ...]  # what the command shows, in order
    args: tuple[str, ...] = ()  # positional arguments ("concept", "filing", "element")
    reduce: Callable[[list[Row], dict], list[Row]] | None = None
    details: tuple[Detail, ...] = ()
    order: tuple[str, ...] = ()  # columns the rows are sorted by, after the details are in
    label_column: str = "label"  # where a row's concept label goes

    @property
    def text(self) -> str:
        return _text(self.name)


# ------------------------------------------------------------------ resolving arguments


def concepts_for(text: str, tax: Taxonomy) -> list[str]:
    """Concept names for what the user typed: our name, a label or synonym, or an aligned element."""
    if text in tax.concepts:
        return [text]
    prefix, _, rest = text.partition(":")
    local = rest if prefix in tax.prefixes() else None
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
    # the usual case, a file name or a stem of a .txt, is a lookup by value; the rest a scan
    found = store.query("SELECT ?filing WHERE { GRAPH ?filing { ?filing ll:sourceFile ?file } }",
                        file=[text, f"{text}.txt"])
    if len(found) == 1:
        return str(found[0]["filing"])
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
    """For each fact, the report of the latest filing (the most precise one within it, then the
    first in the document), whatever order the store returned the rows in."""
    def rank(row: Row) -> tuple:
        return (str(row.get("issued") or ""), _precision(row), str(row.get("file") or ""), -int(row.get("line") or 0))

    best: dict[str, Row] = {}
    for row in rows:
        current = best.get(row[key])
        if current is None or rank(row) > rank(current):
            best[row[key]] = row
    return [r for r in rows if best.get(r[key]) is r]


def _series(rows: list[Row], options: dict) -> list[Row]:
    return rows if options.get("all_reports") else _latest(rows)


def _dividends(rows: list[Row], options: dict) -> list[Row]:
    rows = rows if options.get("all_reports") else _latest(rows)
    dates = options.get("dates", {})
    for row in rows:
        # the record and payment dates of a dividend are facts for its period (an annual total has none)
        annual = "annual" in str(row.get("type", "")).lower()
        found = {} if annual else dates.get((row["entity"], row["p"]), {})
        row["record"], row["payment"] = found.get("record"), found.get("payment")
    return rows


def _name_concepts(rows: list[Row], tax: Taxonomy, label_column: str) -> None:
    """Each row's concept (``?c``) as its QName and label, from the taxonomy in hand: cheaper
    than a join with the taxonomy graph for every row, and the same text."""
    for row in rows:
        iri = row.get("c")
        if iri is None:
            continue
        namespace, _, name = str(iri).rpartition("#")
        name = name if namespace in tax.prefixes().values() else str(iri)
        concept = tax.concepts.get(name)
        row["concept"] = tax.qname(name) if concept else str(iri)
        row[label_column] = concept.label if concept else name


def _name_units(store: Store, rows: list[Row]) -> None:
    """Each row's unit (``?u``) in OIM form: a store holds a handful of units, read once."""
    units = {str(r["u"]): r["unit"] for r in store.query("SELECT ?u ?unit WHERE { GRAPH llg:shared { ?u ll:unitId ?unit } }")}
    for row in rows:
        u = row.pop("u", None)
        row["unit"] = units.get(str(u)) if u is not None else None


def _entities(store: Store) -> list[str]:
    return sorted(str(r["e"]) for r in store.query("SELECT ?e WHERE { GRAPH llg:shared { ?e a ll:Entity } }"))


def _dividend_dates(store: Store, tax: Taxonomy, entities: list[str]) -> dict:
    """(entity, period) -> {"record": date, "payment": date}, the earliest stated."""
    kinds = {"record": _aligned(tax, "us-gaap:DividendsPayableDateOfRecordDayMonthAndYear"),
             "payment": _aligned(tax, "us-gaap:DividendPayableDateToBePaidDayMonthAndYear")}
    text = _text("dividend-dates")
    found: dict = {}
    for kind, concepts in kinds.items():
        series = [ox.NamedNode(vocab.series_iri(e, c)) for e in entities for c in concepts]
        for row in store.query(text, series=series):
            slot = found.setdefault((row["entity"], row["p"]), {})
            if row["date"] is not None and (slot.get(kind) is None or row["date"] < slot[kind]):
                slot[kind] = row["date"]
    return found


def _filings(rows: list[Row], options: dict) -> list[Row]:
    counts = options.get("counts", {})
    for row in rows:
        row["facts"] = counts.get(str(row["filing"]), 0)
    return rows


QUERIES: dict[str, NamedQuery] = {q.name: q for q in (
    NamedQuery("filings", "the filings loaded, with issuer, date and document type",
               ("file", "issuer", "issued", "type", "facts"), reduce=_filings, details=(FILING,),
               order=("issued", "file")),
    NamedQuery("facts", "every fact of one filing in document order, with its source line",
               ("line", "concept", "label", "start", "end", "value", "unit", "decimals", "status", "dims", "text"),
               args=("filing",), details=(REPORT_OF_FILING, FACT, PERIOD)),
    NamedQuery("series", "a metric over time across filings (the latest report wins)",
               ("concept", "start", "end", "value", "unit", "decimals", "status", "dims", "file", "issued", "line"),
               args=("concept",), reduce=_series, details=(REPORT, FACT, PERIOD, FILING),
               order=("concept", "end", "start", "issued", "file", "line")),
    NamedQuery("dividends", "dividends per share with type, record and payment dates",
               ("type", "start", "end", "value", "status", "dims", "record", "payment", "file", "issued", "line"),
               reduce=_dividends, details=(REPORT, FACT, PERIOD, FILING),
               order=("end", "start", "type", "issued", "file", "line"), label_column="type"),
    NamedQuery("restatements", "facts whose value changed between filings",
               ("concept", "start", "end", "dims", "before", "beforeFile", "after", "afterFile", "afterLine"),
               details=(DIMS, PERIOD,
                        Detail("detail-filing", "beforeFiling", (("file", "beforeFile"), ("issued", "beforeIssued"))),
                        Detail("detail-filing", "afterFiling", (("file", "afterFile"), ("issued", "afterIssued")))),
               order=("concept", "end", "afterIssued", "afterLine")),
    NamedQuery("aligned", "our concepts aligned to a US-GAAP element, and how many facts use them",
               ("concept", "label", "match", "facts"), args=("element",)),
)}


def _sort_key(row: Row, columns: tuple[str, ...]) -> tuple:
    """None first, then values of one kind compared among themselves."""
    return tuple((row.get(c) is not None, str(type(row.get(c))), row.get(c) if row.get(c) is not None else 0)
                 for c in columns)


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
    entities = [entity_for(entity, registry)] if entity else None
    if name == "dividends":
        params["c"] = [ox.NamedNode(vocab.concept_iri(tax, c.name)) for c in tax.concepts.values()
                       if "Dividends" in c.roles and c.type == "perShare"]
    if name in ("series", "dividends"):
        # a company's facts of a concept are found by their series IRI, one index lookup each
        # (matching entity and concept as two patterns joins thousands of facts at scale)
        entities = entities or _entities(store)
        concepts = [str(c.value).rsplit("#", 1)[1] for c in params.pop("c")]
        params["series"] = [ox.NamedNode(vocab.series_iri(e, c)) for e in entities for c in concepts]
    rows = store.query(q.text, **params)
    if entities and name == "restatements":
        # a filing's IRI begins with its issuer's path (vocab.filing_iri)
        paths = tuple(e.replace(f"{vocab.ID}entity/", f"{vocab.ID}filing/", 1) + "/" for e in entities)
        rows = [r for r in rows if str(r["afterFiling"]).startswith(paths)]
    _name_concepts(rows, tax, q.label_column)
    seen: dict[str, dict] = {}
    for detail in q.details:
        detail.apply(store, rows, seen.setdefault(detail.query, {}))
    if FACT in q.details:
        _name_units(store, rows)
    options = {"all_reports": all_reports}
    if name == "dividends":
        options["dates"] = _dividend_dates(store, tax, entities)
    if name == "filings":
        options["counts"] = {str(r["filing"]): int(r["facts"]) for r in store.query(_text("filing-facts"))}
    if q.reduce:
        rows = q.reduce(rows, options)
    if q.order:
        rows.sort(key=lambda r: _sort_key(r, q.order))
    return rows


def _aligned(tax: Taxonomy, element: str) -> list[str]:
    return [c.name for c in tax.concepts.values() if c.align == element]
