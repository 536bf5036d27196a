"""Checks on the facts of one filing before they are emitted.

Duplicates (the same fact stated twice, e.g. in thousands in a statement and in
millions in a summary) must agree within their precision, and each calculation
total must equal the sum of its items within rounding (XBRL Calculations 1.1,
round-to-nearest).  Disagreements are reported as warnings naming the lines, since
they are in the source document itself.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from .model import Fact, Filing, Message
from .taxonomy import Taxonomy


def aspect_key(fact: Fact) -> tuple:
    return (fact.concept, fact.period, fact.unit, fact.dimensions)


def interval(fact: Fact) -> tuple[Decimal, Decimal]:
    """The values a rounded fact may stand for (decimals -3: +/- 500)."""
    value = fact.value
    assert isinstance(value, Decimal)
    if fact.decimals is None:
        return value, value
    half = Decimal(5).scaleb(-fact.decimals - 1)
    return value - half, value + half


def duplicates(facts: list[Fact]) -> list[Message]:
    groups: dict[tuple, list[Fact]] = defaultdict(list)
    for fact in facts:
        groups[aspect_key(fact)].append(fact)
    messages = []
    for group in groups.values():
        if len(group) < 2:
            continue
        if group[0].is_numeric:
            low = max(interval(f)[0] for f in group)
            high = min(interval(f)[1] for f in group)
            consistent = low <= high
        else:
            consistent = len({str(f.value) for f in group}) == 1
        if not consistent:
            where = ", ".join(f"line {f.span.line}: {f.source_text}" for f in group)
            messages.append(Message("warning", f"inconsistent duplicates of {group[0].concept} "
                                    f"for {group[0].period.key}: {where}", group[0].span.line))
    return messages


def reported_concepts(facts: list[Fact]) -> dict[str, set[str]]:
    """Statement kind -> concepts the filing reports in statements of that kind."""
    reported: dict[str, set[str]] = defaultdict(set)
    for fact in facts:
        reported[fact.statement].add(fact.concept)
    return reported


def filing_calc_arcs(facts: list[Fact], tax: Taxonomy) -> dict[str, list[tuple[str, str, int]]]:
    """The calculation arcs that apply to this filing (see Taxonomy.calc_arcs)."""
    return tax.calc_arcs(reported_concepts(facts))


def calculations(facts: list[Fact], tax: Taxonomy) -> list[Message]:
    """Calculations 1.1 (round-to-nearest) over the facts that are present."""
    by_key: dict[tuple, list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.is_numeric:
            by_key[aspect_key(fact)].append(fact)
    children: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for role, arcs in filing_calc_arcs(facts, tax).items():
        for parent, child, weight in arcs:
            children[(role, parent)].append((child, weight))
    messages = []
    for (role, parent), items in sorted(children.items()):
        for key, totals in by_key.items():
            if key[0] != parent:
                continue
            _, period, unit, dims = key
            low = high = Decimal(0)
            present = 0
            for name, weight in items:
                group = by_key.get((name, period, unit, dims))
                if not group:
                    continue
                present += 1
                lo, hi = _bounds(group)
                if weight > 0:
                    low, high = low + lo, high + hi
                else:
                    low, high = low - hi, high - lo
            if not present:
                continue
            t_lo, t_hi = _bounds(totals)
            if t_hi < low or t_lo > high:
                messages.append(Message(
                    "warning", f"calculation inconsistency in the source: {parent} for {period.key} is "
                    f"{totals[0].source_text} but its items in {role} add up to between {low} and {high}",
                    totals[0].span.line))
    return messages


def _bounds(group: list[Fact]) -> tuple[Decimal, Decimal]:
    return max(interval(f)[0] for f in group), min(interval(f)[1] for f in group)


def check(filing: Filing, tax: Taxonomy) -> list[Message]:
    return duplicates(filing.facts) + calculations(filing.facts, tax)
