"""The ledgerlink RDF vocabulary and the IRIs of the things it describes.

IRIs are built from the aspects alone (never from run, time or machine), so the
same fact reported by any filing, converted anywhere, gets the same ``ll:Fact``
IRI and facts link across filings.  See docs/VOCABULARY.md.
"""

from __future__ import annotations

import hashlib
import re

from .model import Entity, Period, Unit
from .taxonomy import Taxonomy

LL = "https://w3id.org/ledgerlink/vocab#"
ID = "https://w3id.org/ledgerlink/id/"
PREFIXES = {
    "ll": LL,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dct": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "us-gaap": "http://fasb.org/us-gaap/2024#",
    "srt": "http://fasb.org/srt/2024#",
    "dei": "http://xbrl.sec.gov/dei/2024#",
}
MATCH_PROPERTIES = {"exact": "exactMatch", "close": "closeMatch", "broad": "broadMatch", "narrow": "narrowMatch"}

_UNSAFE = re.compile(r"[^A-Za-z0-9._~-]")


def _safe(text: str) -> str:
    return _UNSAFE.sub("_", text)


def concept_iri(tax: Taxonomy, name: str) -> str:
    """A concept's IRI: its namespace (the base's, or its company extension's) and its name."""
    return tax.iri(name)


def aligned_iri(qname: str) -> str:
    """``us-gaap:Revenues`` -> ``http://fasb.org/us-gaap/2024#Revenues``."""
    prefix, local = qname.split(":", 1)
    return PREFIXES[prefix] + local


def entity_iri(entity: Entity) -> str:
    return f"{ID}entity/{entity.iri_path}"


def series_iri(entity: str, concept: str) -> str:
    """One company's facts of one concept (its time series), from the entity's IRI and the
    concept's name: a query that knows both finds the facts by one index lookup."""
    return f"{ID}series/{entity.removeprefix(ID + 'entity/')}/{_safe(concept)}"


def period_iri(period: Period) -> str:
    return f"{ID}period/{period.key.replace('/', '--')}"


def unit_iri(unit: Unit) -> str:
    return f"{ID}unit/{_safe(unit.oim.replace(':', '-').replace('/', '_per_'))}"


def filing_iri(entity: Entity, stem: str) -> str:
    return f"{ID}filing/{entity.iri_path}/{_safe(stem)}"


def fact_key(entity: Entity, concept: str, period: Period, unit: Unit | None,
             dims: tuple[tuple[str, str], ...]) -> str:
    """The canonical text of a fact's aspects; its hash names the ``ll:Fact``."""
    parts = [f"entity={entity.scheme}#{entity.identifier}", f"concept={concept}", f"period={period.key}",
             f"unit={unit.oim if unit else ''}"]
    parts += sorted(f"dim={axis}={member}" for axis, member in dims)
    return "\n".join(parts)


def fact_iri(tax: Taxonomy, entity: Entity, concept: str, period: Period, unit: Unit | None,
             dims: tuple[tuple[str, str], ...] = ()) -> str:
    key = fact_key(entity, concept_iri(tax, concept), period, unit,
                   tuple((concept_iri(tax, a), concept_iri(tax, m)) for a, m in dims))
    return f"{ID}fact/{hashlib.sha256(key.encode('utf-8')).hexdigest()[:32]}"
