"""What the XBRL-based emitters share: contexts, units, names and lexical forms."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from ..model import Fact, Filing, Period, Unit
from ..numbers import decimal_text
from ..taxonomy import Taxonomy
from ..xmlns import ISO4217, XBRLI

TAXONOMY_DIR = "taxonomy"


@dataclass
class EmitContext:
    """Settings shared by the emitters of one batch."""

    taxonomy: Taxonomy
    taxonomy_dir: str = TAXONOMY_DIR  # where the taxonomy sits relative to the outputs
    _cache: dict = field(default_factory=dict, repr=False)

    @property
    def schema_href(self) -> str:
        return f"{self.taxonomy_dir}/{self.taxonomy.entry}"


def calc_href(filing: Filing) -> str:
    return f"{filing.document.stem}_cal.xml"


def schema_href(filing: Filing) -> str:
    """What the instances refer to: the filing's extension schema (see emit/calc.py)."""
    return f"{filing.document.stem}.xsd"


@lru_cache(maxsize=65536)
def context_id(period: Period, dims: tuple[tuple[str, str], ...]) -> str:
    base = f"I{period.end:%Y%m%d}" if period.is_instant else f"D{period.start:%Y%m%d}_{period.end:%Y%m%d}"
    for _axis, member in dims:
        base += "_" + member.removesuffix("Member")
    return base


@dataclass(frozen=True, slots=True)
class XbrlContext:
    id: str
    period: Period
    dims: tuple[tuple[str, str], ...]


def contexts(facts: list[Fact]) -> list[XbrlContext]:
    seen: dict[str, XbrlContext] = {}
    for fact in facts:
        cid = context_id(fact.period, fact.dimensions)
        seen.setdefault(cid, XbrlContext(cid, fact.period, fact.dimensions))
    return sorted(seen.values(), key=lambda c: c.id)


def units(facts: list[Fact]) -> list[Unit]:
    found = {f.unit.xml_id: f.unit for f in facts if f.unit is not None}
    return [found[k] for k in sorted(found)]


def value_text(value) -> str:
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def decimals_text(fact: Fact) -> str:
    return "INF" if fact.decimals is None else str(fact.decimals)


def namespaces(tax: Taxonomy) -> dict[str, str]:
    return {tax.prefix: tax.namespace, "iso4217": ISO4217, "xbrli": XBRLI}


def used_prefixes(filing: Filing, tax: Taxonomy) -> dict[str, str]:
    """The base taxonomy's prefix, and a company extension's when the filing uses its concepts or members."""
    names = {f.concept for f in filing.facts} | {m for f in filing.facts for _, m in f.dimensions}
    found = {tax.prefix: tax.namespace}
    for name in names:
        if (ext := tax.extension_of(name)) is not None:
            found[ext.prefix] = ext.namespace
    return found

