"""xBRL-JSON (OIM 1.0)."""

from __future__ import annotations

import json

from ..model import PURE, Filing
from ..xmlns import ISO4217, XBRLI
from . import register
from .common import EmitContext, schema_href, used_prefixes, value_text

DOCUMENT_TYPE = "https://xbrl.org/2021/xbrl-json"
SCHEME_PREFIXES = {"http://www.sec.gov/CIK": "cik"}


@register("json", ".json", "xBRL-JSON (OIM 1.0)")
def render(filing: Filing, ctx: EmitContext) -> bytes:
    tax = ctx.taxonomy
    entity = filing.entity
    scheme_prefix = SCHEME_PREFIXES.get(entity.scheme, "scheme")
    facts = {}
    for fact in filing.facts:
        dims = {
            "concept": tax.qname(fact.concept),
            "entity": f"{scheme_prefix}:{entity.identifier}",
            "period": fact.period.oim(),
        }
        if fact.unit is not None and fact.unit != PURE:  # OIM: no unit dimension means xbrli:pure
            dims["unit"] = fact.unit.oim
        for axis, member in fact.dimensions:
            dims[tax.qname(axis)] = tax.qname(member)
        item: dict = {"value": value_text(fact.value)}
        if fact.unit is not None and fact.decimals is not None:
            item["decimals"] = fact.decimals
        item["dimensions"] = dims
        facts[fact.id] = item
    info = {
        "documentInfo": {
            "documentType": DOCUMENT_TYPE,
            "namespaces": {
                **used_prefixes(filing, tax),
                "iso4217": ISO4217,
                "xbrli": XBRLI,
                scheme_prefix: entity.scheme,
            },
            "taxonomy": [schema_href(filing)],
        },
    }
    # one fact per line: readable, and written by json's C encoder (indenting falls back to Python's)
    head = json.dumps(info, indent=1, ensure_ascii=False)[:-2]
    body = ",\n".join(f"  {json.dumps(fid)}: {json.dumps(item, ensure_ascii=False)}" for fid, item in facts.items())
    return f'{head},\n "facts": {{\n{body}\n }}\n}}\n'.encode()
