"""XBRL 2.1 instance document."""

from __future__ import annotations

from lxml import etree

from ..model import Filing
from ..xmlns import ISO4217, LINK, XBRLDI, XBRLI, XLINK
from ..xmlns import q as _q
from . import register
from .common import EmitContext, context_id, contexts, decimals_text, schema_href, units, used_prefixes, value_text


@register("xbrl", ".xbrl", "XBRL 2.1 instance")
def render(filing: Filing, ctx: EmitContext) -> bytes:
    tax = ctx.taxonomy
    nsmap = {"xbrli": XBRLI, "link": LINK, "xlink": XLINK, "iso4217": ISO4217, "xbrldi": XBRLDI, **used_prefixes(filing, tax)}
    root = etree.Element(_q(XBRLI, "xbrl"), nsmap=nsmap)
    etree.SubElement(root, _q(LINK, "schemaRef"), {_q(XLINK, "type"): "simple", _q(XLINK, "href"): schema_href(filing)})
    entity = filing.entity
    for c in contexts(filing.facts):
        el = etree.SubElement(root, _q(XBRLI, "context"), id=c.id)
        ent = etree.SubElement(el, _q(XBRLI, "entity"))
        etree.SubElement(ent, _q(XBRLI, "identifier"), scheme=entity.scheme).text = entity.identifier
        per = etree.SubElement(el, _q(XBRLI, "period"))
        if c.period.is_instant:
            etree.SubElement(per, _q(XBRLI, "instant")).text = c.period.end.isoformat()
        else:
            etree.SubElement(per, _q(XBRLI, "startDate")).text = c.period.start.isoformat()  # type: ignore[union-attr]
            etree.SubElement(per, _q(XBRLI, "endDate")).text = c.period.end.isoformat()
        if c.dims:
            scen = etree.SubElement(el, _q(XBRLI, "scenario"))
            for axis, member in c.dims:
                etree.SubElement(scen, _q(XBRLDI, "explicitMember"), dimension=tax.qname(axis)).text = tax.qname(member)
    for unit in units(filing.facts):
        el = etree.SubElement(root, _q(XBRLI, "unit"), id=unit.xml_id)
        if unit.denominator:
            div = etree.SubElement(el, _q(XBRLI, "divide"))
            for part, measures in (("unitNumerator", unit.numerator), ("unitDenominator", unit.denominator)):
                holder = etree.SubElement(div, _q(XBRLI, part))
                for m in measures:
                    etree.SubElement(holder, _q(XBRLI, "measure")).text = m
        else:
            for m in unit.numerator:
                etree.SubElement(el, _q(XBRLI, "measure")).text = m

    for fact in filing.facts:
        attrs = {"contextRef": context_id(fact.period, fact.dimensions), "id": fact.id}
        if fact.unit is not None:
            attrs["unitRef"] = fact.unit.xml_id
            attrs["decimals"] = decimals_text(fact)
        el = etree.SubElement(root, _q(tax.namespace_of(fact.concept), fact.concept), attrs)
        el.text = value_text(fact.value)
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"

