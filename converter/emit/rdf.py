"""RDF (Turtle): filings, reported facts and the shared fact, period, unit, entity
and concept nodes that link them across filings.

The Turtle is written directly (deterministic order, no blank nodes) because
serialising through rdflib costs more than the whole conversion; ``to_graph``
parses it when a caller wants an rdflib Graph.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from .. import vocab
from ..model import Fact, Filing
from ..numbers import decimal_text
from ..taxonomy import Taxonomy
from . import register
from .common import EmitContext

XSD = vocab.PREFIXES["xsd"]


_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f-\x9f]')


def _escape(text: str) -> str:
    if not _NEEDS_ESCAPE.search(text):
        return text
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return "".join(out)


def lit(value, lang: str | None = None) -> str:
    """A Turtle literal: decimals and dates typed, strings escaped."""
    if isinstance(value, bool):
        return f'"{str(value).lower()}"^^<{XSD}boolean>'
    if isinstance(value, int):
        return f'"{value}"^^<{XSD}integer>'
    if isinstance(value, Decimal):
        return f'"{decimal_text(value)}"^^<{XSD}decimal>'
    if isinstance(value, dt.date):
        return f'"{value.isoformat()}"^^<{XSD}date>'
    text = f'"{_escape(str(value))}"'
    return f"{text}@{lang}" if lang else text


def iri(value: str) -> str:
    return f"<{value}>"


class Turtle:
    """Subjects with their predicate-object lists, written in insertion order."""

    def __init__(self, prefixes: dict[str, str]):
        self.prefixes = prefixes
        self.subjects: dict[str, list[tuple[str, str]]] = {}

    def add(self, subject: str, predicate: str, obj: str) -> None:
        self.subjects.setdefault(subject, []).append((predicate, obj))

    def has(self, subject: str) -> bool:
        return subject in self.subjects

    def text(self) -> str:
        lines = [f"@prefix {p}: <{ns}> ." for p, ns in self.prefixes.items()]
        if lines:
            lines.append("")
        for subject, pos in self.subjects.items():
            body = " ;\n    ".join(f"{p} {o}" for p, o in pos)
            lines.append(f"{subject}\n    {body} .\n")
        return "\n".join(lines)


def _describe_concept(t: Turtle, tax: Taxonomy, name: str) -> None:
    subject = iri(vocab.concept_iri(tax, name))
    if t.has(subject):
        return
    concept = tax.concepts.get(name)
    if concept is None:  # an axis or member
        axis = tax.axes.get(name)
        t.add(subject, "a", "ll:Axis, skos:Concept" if axis else "ll:Member, skos:Concept")
        label = axis.label if axis else dict(m for a in tax.axes.values() for m in a.members).get(name, name)
        t.add(subject, "skos:prefLabel", lit(label, "en"))
        aligned = axis.align if axis else dict(m for a in tax.axes.values() for m in a.member_align).get(name)
        if aligned:
            t.add(subject, "skos:exactMatch", iri(vocab.aligned_iri(aligned)))
        return
    t.add(subject, "a", "ll:Concept, skos:Concept")
    t.add(subject, "skos:prefLabel", lit(concept.label, "en"))
    t.add(subject, "skos:notation", lit(tax.qname(name)))
    if concept.align:
        t.add(subject, f"skos:{vocab.MATCH_PROPERTIES[concept.match]}", iri(vocab.aligned_iri(concept.align)))
    t.add(subject, "ll:periodType", lit(concept.period))
    if concept.balance:
        t.add(subject, "ll:balance", lit(concept.balance))
    t.add(subject, "ll:dataType", lit(concept.xbrl_type))


def describe_taxonomy(tax: Taxonomy, extension: str | None = None) -> Turtle:
    """Every concept, axis and member as SKOS concepts with their alignments: of the base taxonomy
    and its extensions, or (``extension``: a key) of that company extension only."""
    t = Turtle({**vocab.PREFIXES, **{p: ns + "#" for p, ns in tax.prefixes().items()}})
    wanted = (lambda name: tax.owner.get(name) == extension) if extension else (lambda name: True)  # noqa: E731
    for name in tax.concepts:
        if wanted(name):
            _describe_concept(t, tax, name)
    for axis in tax.axes.values():
        if not extension:
            _describe_concept(t, tax, axis.name)
        for member, _ in axis.members:
            if wanted(member):
                _describe_concept(t, tax, member)
    return t


def dimension_label(tax: Taxonomy, dims: tuple[tuple[str, str], ...]) -> str:
    """The members of a fact's dimensions as words ("Forecast; ATM operation business"), for display."""
    labels = {m: label for axis in tax.axes.values() for m, label in axis.members}
    return "; ".join(labels.get(member, member) for _, member in dims)


GRAPH_MARK = "# ledgerlink graph: "  # starts each section of a filing's Turtle: taxonomy, shared, filing


def describe_filing(filing: Filing, tax: Taxonomy) -> str:
    """The filing's Turtle in three sections, each marked with the store graph it belongs to
    (``# ledgerlink graph: taxonomy | shared | filing``): the concepts it uses, the shared fact,
    period, unit and entity nodes, and its own filing and reported-fact nodes.  A store loads
    each section into its graph as it is, with Oxigraph's parser (see store/base.py)."""
    entity = filing.entity
    f_iri = vocab.filing_iri(entity, filing.document.stem)
    entity_ref = vocab.entity_iri(entity)
    e_iri = iri(entity_ref)
    doc = filing.document

    concepts = Turtle({})
    for name in sorted({f.concept for f in filing.facts} | {n for f in filing.facts for d in f.dimensions for n in d}):
        _describe_concept(concepts, tax, name)

    shared = Turtle({})
    shared.add(e_iri, "a", "ll:Entity")
    shared.add(e_iri, "rdfs:label", lit(entity.name))
    shared.add(e_iri, "ll:scheme", lit(entity.scheme))
    shared.add(e_iri, "ll:identifier", lit(entity.identifier))
    for period in sorted({f.period for f in filing.facts}, key=lambda p: p.key):
        p = iri(vocab.period_iri(period))
        shared.add(p, "a", "ll:Period")
        if period.is_instant:
            shared.add(p, "ll:instant", lit(period.end))
        else:
            shared.add(p, "ll:startDate", lit(period.start))
            shared.add(p, "ll:endDate", lit(period.end))
    for unit in sorted({f.unit for f in filing.facts if f.unit}, key=lambda u: u.oim):
        u = iri(vocab.unit_iri(unit))
        shared.add(u, "a", "ll:Unit")
        shared.add(u, "ll:unitId", lit(unit.oim))

    fact_iris = {}
    first: dict[str, Fact] = {}
    for fact in filing.facts:
        fi = vocab.fact_iri(tax, entity, fact.concept, fact.period, fact.unit, fact.dimensions)
        fact_iris[fact.id] = fi
        first.setdefault(fi, fact)
    blocks = []
    for fi in sorted(first):
        fact = first[fi]
        body = [f"<{fi}> a ll:Fact ;\n    ll:entity {e_iri} ;\n    ll:concept <{vocab.concept_iri(tax, fact.concept)}> ;"
                f"\n    ll:period <{vocab.period_iri(fact.period)}> ;"
                f"\n    ll:series <{vocab.series_iri(entity_ref, fact.concept)}>"]
        if fact.unit:
            body.append(f" ;\n    ll:unit <{vocab.unit_iri(fact.unit)}>")
        for axis, member in fact.dimensions:
            body.append(f" ;\n    <{vocab.concept_iri(tax, axis)}> <{vocab.concept_iri(tax, member)}>")
        if fact.dimensions:
            body.append(f" ;\n    ll:dimensionLabel {lit(dimension_label(tax, fact.dimensions))}")
        body.append(" .\n")
        blocks.append("".join(body))

    own = [f"<{f_iri}> a ll:Filing, prov:Entity ;\n    ll:sourceFile {lit(doc.name)} ;"]
    if filing.issued:
        own.append(f"\n    dct:issued {lit(filing.issued)} ;")
    own.append(f"\n    ll:issuer {e_iri} ;\n    ll:documentType {lit(filing.document_type)} ;"
               f"\n    ll:sha256 {lit(doc.sha256)} .\n")
    reported = ["".join(own)]
    f_ref = f"<{f_iri}>"
    for fact in filing.facts:
        decimals = ""
        if fact.unit is not None:
            decimals = f" ;\n    ll:decimals {lit(fact.decimals) if fact.decimals is not None else lit('INF')}"
        reported.append(
            f"<{f_iri}/{fact.id}> a ll:ReportedFact ;\n    ll:fact <{fact_iris[fact.id]}> ;\n    ll:filing {f_ref} ;"
            f"\n    ll:value {lit(fact.value)}{decimals} ;\n    ll:sourceText {lit(fact.source_text)} ;"
            f"\n    ll:sourceLine {lit(fact.span.line)} ;\n    ll:sourceColumn {lit(fact.span.start)} ;"
            f"\n    ll:sourceLabel {lit(fact.label)} ;\n    ll:status {lit(fact.status.value)} .\n")

    prefixes = {**vocab.PREFIXES, **{p: ns + "#" for p, ns in tax.prefixes().items()}}
    head = "\n".join(f"@prefix {p}: <{ns}> ." for p, ns in prefixes.items())
    return "\n".join([
        head, "", f"{GRAPH_MARK}taxonomy", concepts.text(),
        f"{GRAPH_MARK}shared", shared.text(), *blocks,
        f"{GRAPH_MARK}filing <{f_iri}>", *reported,
    ])


@register("rdf", ".ttl", "RDF Turtle (ledgerlink vocabulary)")
def render(filing: Filing, ctx: EmitContext) -> bytes:
    return describe_filing(filing, ctx.taxonomy).encode("utf-8")


def to_graph(data: bytes):
    import rdflib

    graph = rdflib.Graph()
    graph.parse(data=data.decode("utf-8"), format="turtle")
    return graph
