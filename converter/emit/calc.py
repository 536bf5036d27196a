"""The filing's extension schema and calculation linkbase.

The shared taxonomy carries no calculations (one set of summation networks cannot
fit every filing's statements).  Each filing gets a tiny extension schema that
imports the taxonomy and links the calculation networks of its own statements
(see Taxonomy.calc_arcs), as a company extension does in SEC filings.  Instances
refer to that schema; xBRL-JSON lists it as its taxonomy.
"""

from __future__ import annotations

from lxml import etree

from .. import linkbases, vocab
from ..model import Filing
from ..xmlns import LINK, XLINK, XS
from . import register
from .common import EmitContext, calc_href


def extension_namespace(filing: Filing) -> str:
    return vocab.filing_iri(filing.entity, filing.document.stem)


@register("schema", ".xsd", "extension schema of the filing (used by the XBRL outputs)")
def render_schema(filing: Filing, ctx: EmitContext) -> bytes:
    tax = ctx.taxonomy
    root = etree.Element(f"{{{XS}}}schema", nsmap={"xs": XS, "link": LINK, "xlink": XLINK, tax.prefix: tax.namespace},
                         targetNamespace=extension_namespace(filing), elementFormDefault="qualified")
    appinfo = etree.SubElement(etree.SubElement(root, f"{{{XS}}}annotation"), f"{{{XS}}}appinfo")
    etree.SubElement(appinfo, f"{{{LINK}}}linkbaseRef", {
        f"{{{XLINK}}}type": "simple", f"{{{XLINK}}}href": calc_href(filing),
        f"{{{XLINK}}}role": "http://www.xbrl.org/2003/role/calculationLinkbaseRef",
        f"{{{XLINK}}}arcrole": "http://www.w3.org/1999/xlink/properties/linkbase"})
    etree.SubElement(root, f"{{{XS}}}import", namespace=tax.namespace, schemaLocation=ctx.schema_href)
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


@register("calc", "_cal.xml", "calculation linkbase of the filing's statements (used by the XBRL outputs)")
def render_calc(filing: Filing, ctx: EmitContext) -> bytes:
    return linkbases.calculation_linkbase(ctx.taxonomy, filing.calc_arcs, schema_href=ctx.schema_href)
