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


def describe_taxonomy(tax: Taxonomy) -> Turtle:
    """Every concept, axis and member as SKOS concepts with their alignments."""
    t = Turtle({**vocab.PREFIXES, tax.prefix: tax.namespace + "#"})
    for name in tax.concepts:
        _describe_concept(t, tax, name)
    for axis in tax.axes.values():
        _describe_concept(t, tax, axis.name)
        for member, _ in axis.members:
            _describe_concept(t, tax, member)
    return t


def describe_filing(filing: Filing, tax: Taxonomy) -> Turtle:
    t = Turtle({**vocab.PREFIXES, tax.prefix: tax.namespace + "#"})
    entity = filing.entity
    f_iri = vocab.filing_iri(entity, filing.document.stem)
    e_iri = vocab.entity_iri(entity)
    doc = filing.document
    t.add(iri(f_iri), "a", "ll:Filing, prov:Entity")
    t.add(iri(f_iri), "ll:sourceFile", lit(doc.name))
    if filing.issued:
        t.add(iri(f_iri), "dct:issued", lit(filing.issued))
    t.add(iri(f_iri), "ll:issuer", iri(e_iri))
    t.add(iri(f_iri), "ll:documentType", lit(filing.document_type))
    t.add(iri(f_iri), "ll:sha256", lit(doc.sha256))
    t.add(iri(e_iri), "a", "ll:Entity")
    t.add(iri(e_iri), "rdfs:label", lit(entity.name))
    t.add(iri(e_iri), "ll:scheme", lit(entity.scheme))
    t.add(iri(e_iri), "ll:identifier", lit(entity.identifier))

    facts: dict[str, Fact] = {}
    fact_iris = {}
    for fact in filing.facts:
        fi = vocab.fact_iri(tax, entity, fact.concept, fact.period, fact.unit, fact.dimensions)
        fact_iris[fact.id] = fi
        facts.setdefault(fi, fact)
    for name in sorted({f.concept for f in filing.facts} | {n for f in filing.facts for d in f.dimensions for n in d}):
        _describe_concept(t, tax, name)
    for period in sorted({f.period for f in filing.facts}, key=lambda p: p.key):
        p = iri(vocab.period_iri(period))
        t.add(p, "a", "ll:Period")
        if period.is_instant:
            t.add(p, "ll:instant", lit(period.end))
        else:
            t.add(p, "ll:startDate", lit(period.start))
            t.add(p, "ll:endDate", lit(period.end))
    for unit in sorted({f.unit for f in filing.facts if f.unit}, key=lambda u: u.oim):
        u = iri(vocab.unit_iri(unit))
        t.add(u, "a", "ll:Unit")
        t.add(u, "ll:unitId", lit(unit.oim))
    for fi in sorted(facts):
        fact = facts[fi]
        s = iri(fi)
        t.add(s, "a", "ll:Fact")
        t.add(s, "ll:entity", iri(e_iri))
        t.add(s, "ll:concept", iri(vocab.concept_iri(tax, fact.concept)))
        t.add(s, "ll:period", iri(vocab.period_iri(fact.period)))
        if fact.unit:
            t.add(s, "ll:unit", iri(vocab.unit_iri(fact.unit)))
        for axis, member in fact.dimensions:
            t.add(s, iri(vocab.concept_iri(tax, axis)), iri(vocab.concept_iri(tax, member)))
    for fact in filing.facts:
        r = iri(f"{f_iri}/{fact.id}")
        t.add(r, "a", "ll:ReportedFact")
        t.add(r, "ll:fact", iri(fact_iris[fact.id]))
        t.add(r, "ll:filing", iri(f_iri))
        t.add(r, "ll:value", lit(fact.value))
        if fact.unit is not None:
            t.add(r, "ll:decimals", lit(fact.decimals) if fact.decimals is not None else lit("INF"))
        t.add(r, "ll:sourceText", lit(fact.source_text))
        t.add(r, "ll:sourceLine", lit(fact.span.line))
        t.add(r, "ll:sourceColumn", lit(fact.span.start))
        t.add(r, "ll:sourceLabel", lit(fact.label))
        t.add(r, "ll:status", lit(fact.status.value))
    return t


@register("rdf", ".ttl", "RDF Turtle (ledgerlink vocabulary)")
def render(filing: Filing, ctx: EmitContext) -> bytes:
    return describe_filing(filing, ctx.taxonomy).text().encode("utf-8")


def to_graph(data: bytes):
    import rdflib

    graph = rdflib.Graph()
    graph.parse(data=data.decode("utf-8"), format="turtle")
    return graph
