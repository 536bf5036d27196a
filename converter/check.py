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

from .model import Fact, Filing, Message, Skip
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


def _precision(fact: Fact) -> float:
    return float("inf") if fact.decimals is None else fact.decimals


def _overlap(a: Fact, b: Fact) -> bool:
    (alo, ahi), (blo, bhi) = interval(a), interval(b)
    return alo <= bhi and blo <= ahi


def resolve_duplicates(facts: list[Fact]) -> tuple[list[Fact], list[Skip], list[Message]]:
    """Keep duplicates that agree; drop the rounded ones that contradict the most precise statement.

    A summary in millions that does not round to the statement's thousands (IIJ's
    12,619 beside 12,618,348) contradicts it: the precise figure is kept, the other
    is skipped and reported.  Equally precise figures that disagree are all kept and
    reported, since nothing says which is right.
    """
    groups: dict[tuple, list[Fact]] = defaultdict(list)
    for fact in facts:
        groups[aspect_key(fact)].append(fact)
    dropped: set[int] = set()
    skips: list[Skip] = []
    messages: list[Message] = []
    for group in groups.values():
        if len(group) < 2:
            continue
        if group[0].is_numeric:
            best = max(_precision(f) for f in group)
            anchors = [f for f in group if _precision(f) == best]
            if any(not _overlap(a, b) for a in anchors for b in anchors):
                where = ", ".join(f"line {f.span.line}: {f.source_text}" for f in anchors)
                messages.append(Message("warning", f"the source states {group[0].concept} for {group[0].period.key} "
                                        f"differently at the same precision: {where}", anchors[0].span.line))
                continue
            losers = [f for f in group if f not in anchors and not all(_overlap(f, a) for a in anchors)]
        else:
            anchors = [group[0]]
            losers = [f for f in group[1:] if f.value != group[0].value]
        for f in losers:
            anchor = anchors[0]
            dropped.add(id(f))
            skips.append(Skip(f.span, f.source_text, f"contradicts line {anchor.span.line} ({anchor.source_text}), "
                              "the more precise statement of the same fact", f.label))
            messages.append(Message("warning", f"{f.concept} for {f.period.key}: {f.source_text} (line {f.span.line}) "
                                    f"does not round to {anchor.source_text} (line {anchor.span.line}); "
                                    "kept the more precise figure", f.span.line))
    return [f for f in facts if id(f) not in dropped], skips, messages


def reported_concepts(facts: list[Fact]) -> dict[str, set[str]]:
    """Statement kind -> concepts the filing reports in statements of that kind."""
    reported: dict[str, set[str]] = defaultdict(set)
    for fact in facts:
        reported[fact.statement].add(fact.concept)
    return reported


def filing_calc_arcs(facts: list[Fact], tax: Taxonomy) -> dict[str, list[tuple[str, str, int]]]:
    """The calculation arcs that apply to this filing (see Taxonomy.calc_arcs).

    A summation is left out when some context reports its total with only part of
    its items and that total does not come from the statement itself: a target
    table giving operating income and revenues but not costs would otherwise be
    "inconsistent" only because the release did not state the other items.
    """
    arcs = tax.calc_arcs(reported_concepts(facts))
    by_context: dict[tuple, dict[str, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    for fact in facts:
        by_context[(fact.period, fact.unit, fact.dimensions)][fact.concept].append(fact)
    for role, role_arcs in list(arcs.items()):
        kind = tax.roles[role].kind
        children: dict[str, set[str]] = defaultdict(set)
        for parent, child, _weight in role_arcs:
            children[parent].add(child)
        partial = set()
        for parent, items in children.items():
            for concepts in by_context.values():
                totals = concepts.get(parent)
                if not totals or any(f.statement == kind for f in totals):
                    continue
                present = sum(1 for c in items if c in concepts)
                if 0 < present < len(items):
                    partial.add(parent)
        arcs[role] = [arc for arc in role_arcs if arc[0] not in partial]
    return {role: role_arcs for role, role_arcs in arcs.items() if role_arcs}


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


def check(filing: Filing, tax: Taxonomy) -> None:
    """Resolve contradicting duplicates, then report calculation inconsistencies, in place."""
    filing.facts, skips, messages = resolve_duplicates(filing.facts)
    filing.skipped = sorted(filing.skipped + skips, key=lambda s: (s.span.line, s.span.start))
    for i, fact in enumerate(filing.facts, start=1):
        fact.id = f"f{i}"
    filing.messages += messages + calculations(filing.facts, tax)
