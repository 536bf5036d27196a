"""The filing's own schema and linkbases: its calculations and its company extension.

The shared taxonomy carries no calculations (one set of summation networks cannot fit every
filing's statements), and no company's own concepts.  Each filing gets a small schema of its
own, as a company's extension in an SEC filing is: it imports the base taxonomy, links the
calculation networks of the filing's own statements (see Taxonomy.calc_arcs) and, when the
filing uses concepts of its company's extension (taxonomy/extensions/*.toml), defines those
concepts, roles and members in the extension's namespace, with their labels, presentation and
dimensional relationships.  Instances refer to that schema; xBRL-JSON lists it as its taxonomy.
"""

from __future__ import annotations

from .. import linkbases, vocab
from ..model import Filing
from . import register
from .common import EmitContext, calc_href


def extension_namespace(filing: Filing) -> str:
    return vocab.filing_iri(filing.entity, filing.document.stem)


def extension_names(filing: Filing, ctx: EmitContext) -> set[str]:
    """The company-extension concepts, members and roles the filing uses (with the roles they sit in)."""
    tax = ctx.taxonomy
    cache = ctx._cache.setdefault("extension_names", {})
    key = id(filing)
    if key not in cache or cache[key][0] is not filing:
        names = {f.concept for f in filing.facts} | {m for f in filing.facts for _, m in f.dimensions}
        names |= {n for arcs in filing.calc_arcs.values() for parent, child, _ in arcs for n in (parent, child)}
        names = {n for n in names if tax.owner.get(n)}
        names |= {p.role for n in names if n in tax.concepts for p in tax.concepts[n].presentation
                  if tax.owner.get(p.role)}
        names |= {role for role in filing.calc_arcs if tax.owner.get(role)}
        names |= {f"{role}Abstract" for role in list(names) if role in tax.roles}
        cache[key] = (filing, names)
    return cache[key][1]


def _own(filing: Filing, name: str) -> str:
    return f"{filing.document.stem}{name}"


def _href_of(filing: Filing, ctx: EmitContext):
    """Where a linkbase of the filing finds an element or role: its own schema, or the base's."""
    tax, own = ctx.taxonomy, _own(filing, ".xsd")

    def href(name: str) -> str:
        owner_name = name.removesuffix("Abstract") if name.endswith("Abstract") else name
        return own if tax.owner.get(name) or tax.owner.get(owner_name) else ctx.schema_href
    return href


def _target(filing: Filing, ctx: EmitContext, names: set[str]) -> str:
    keys = {ctx.taxonomy.owner[n] for n in names if ctx.taxonomy.owner.get(n)}
    if len(keys) > 1:
        raise ValueError(f"{filing.document.name}: concepts of two company extensions ({', '.join(sorted(keys))})")
    return ctx.taxonomy.extensions[keys.pop()].namespace if keys else extension_namespace(filing)


@register("schema", ".xsd", "the filing's own schema: its calculations and its company extension (used by the XBRL outputs)")
def render_schema(filing: Filing, ctx: EmitContext) -> bytes:
    names = extension_names(filing, ctx)
    refs = [(calc_href(filing), "calculationLinkbaseRef")]
    if names:
        refs += [(_own(filing, "_lab.xml"), "labelLinkbaseRef"), (_own(filing, "_pre.xml"), "presentationLinkbaseRef")]
        if render_definition(filing, ctx):
            refs.append((_own(filing, "_def.xml"), "definitionLinkbaseRef"))
    return linkbases.extension_schema(ctx.taxonomy, names, _target(filing, ctx, names), ctx.schema_href, refs)


@register("calc", "_cal.xml", "calculation linkbase of the filing's statements (used by the XBRL outputs)")
def render_calc(filing: Filing, ctx: EmitContext) -> bytes:
    return linkbases.calculation_linkbase(ctx.taxonomy, filing.calc_arcs, schema_href=ctx.schema_href,
                                          href_of=_href_of(filing, ctx))


@register("extlab", "_lab.xml", "labels of the company-extension concepts the filing uses (with the XBRL outputs)")
def render_labels(filing: Filing, ctx: EmitContext) -> bytes:
    names = extension_names(filing, ctx)
    return linkbases.label_linkbase(ctx.taxonomy, _href_of(filing, ctx), names) if names else b""


@register("extpre", "_pre.xml", "presentation of the company-extension concepts the filing uses (with the XBRL outputs)")
def render_presentation(filing: Filing, ctx: EmitContext) -> bytes:
    names = extension_names(filing, ctx)
    return linkbases.presentation_linkbase(ctx.taxonomy, _href_of(filing, ctx), names) if names else b""


@register("extdef", "_def.xml", "dimensions of the company-extension concepts and members (with the XBRL outputs)")
def render_definition(filing: Filing, ctx: EmitContext) -> bytes:
    names = extension_names(filing, ctx)
    return (linkbases.extension_definition(ctx.taxonomy, names, _href_of(filing, ctx)) or b"") if names else b""
