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


def _reaches(fact: Fact, low: Decimal, high: Decimal) -> bool:
    """Does the fact's interval overlap every interval whose common part is [low, high]?"""
    lo, hi = interval(fact)
    return lo <= high and low <= hi


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
            # intervals on a line overlap pairwise exactly when they share a point, and one overlaps
            # each of them exactly when it reaches that common part: linear in the group, however
            # often a long document repeats the same fact
            bounds = [interval(a) for a in anchors]
            low, high = max(lo for lo, _ in bounds), min(hi for _, hi in bounds)
            if low > high:
                where = ", ".join(f"line {f.span.line}: {f.source_text}" for f in anchors)
                messages.append(Message("warning", f"the source states {group[0].concept} for {group[0].period.key} "
                                        f"differently at the same precision: {where}", anchors[0].span.line))
                continue
            losers = [f for f in group if _precision(f) != best and not _reaches(f, low, high)]
        else:
            anchors = [group[0]]
            losers = [f for f in group[1:] if f.value != group[0].value]
        for f in losers:
            anchor = anchors[0]
            dropped.add(id(f))
            skips.append(Skip(f.span, f.source_text, f"contradicts line {anchor.span.line} ({anchor.source_text}), "
                              "the more precise statement of the same fact", f.label,
                              origin="prose" if f.statement == "prose" else "table"))
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


CalcArcs = dict[str, list[tuple[str, str, int]]]


def filing_calculations(facts: list[Fact], tax: Taxonomy) -> tuple[CalcArcs, list[Message]]:
    """The calculation arcs this filing carries, and what was left out and why.

    Candidates are the taxonomy's arcs whose total and item both appear in the
    filing's statements of that kind (see Taxonomy.calc_arcs).  A summation is then
    checked like XBRL Calculations 1.1 does, in every context: if the items present
    do not add up to the total it is left out, because the filing would assert a
    relationship its figures contradict.  That is reported as an inconsistency in
    the source when every item was stated (and the figures disagree even at the
    total's own precision), and as an incomplete breakdown otherwise: a target table
    giving operating income and revenues but no costs, or a summary in millions that
    rounds before it adds.
    """
    arcs = tax.calc_arcs(reported_concepts(facts))
    every_item: dict[tuple[str, str], int] = defaultdict(int)  # (role, total) -> items in the taxonomy
    for role, role_arcs in tax.calc_arcs().items():
        for parent, _, _ in role_arcs:
            every_item[(role, parent)] += 1
    by_key: dict[tuple, list[Fact]] = defaultdict(list)
    keys_of: dict[str, list[tuple]] = defaultdict(list)  # concept -> its aspect keys, in order of appearance
    for fact in facts:
        if fact.is_numeric:
            key = aspect_key(fact)
            if key not in by_key:
                keys_of[key[0]].append(key)
            by_key[key].append(fact)
    messages: list[Message] = []
    kept: CalcArcs = {}
    for role, role_arcs in arcs.items():
        items: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for parent, child, weight in role_arcs:
            items[parent].append((child, weight))
        dropped = set()
        for parent, children in items.items():
            for key in keys_of.get(parent, ()):
                totals = by_key[key]
                problem = _summation_problem(totals, children, key, by_key)
                if problem is None:
                    continue
                dropped.add(parent)
                present, own_precision = problem
                if flipped := _sign_that_would_add_up(totals, children, key, by_key):
                    fact = flipped[0]
                    messages.append(Message("error", f"sign: {fact.concept} for {key[1].key} is {fact.value} as read from "
                                            f"{fact.source_text!r} (line {fact.span.line}); with the opposite sign "
                                            f"{parent} ({totals[0].source_text}) would add up in {role}, so the sign "
                                            "given to it is likely wrong", fact.span.line))
                    break
                complete = present == every_item[(role, parent)]
                where = f"{parent} for {key[1].key}"
                if complete and own_precision:
                    messages.append(Message("warning", f"calculation inconsistency in the source: {where} is "
                                            f"{totals[0].source_text} but its items in {role} do not add up to it; "
                                            "the summation is left out of the filing's calculations", totals[0].span.line))
                else:
                    messages.append(Message("info", f"{where}: the items stated beside it do not add up to it "
                                            f"({'rounded before adding' if complete else 'not all items stated'}); "
                                            f"the summation is left out of the filing's calculations in {role}",
                                            totals[0].span.line))
                break
        kept_arcs = [arc for arc in role_arcs if arc[0] not in dropped]
        if kept_arcs:
            kept[role] = kept_arcs
    return kept, messages


def _summation_problem(totals: list[Fact], children: list[tuple[str, int]], key: tuple,
                       by_key: dict[tuple, list[Fact]]) -> tuple[int, bool] | None:
    """None when the items present add up to the total within rounding; else
    (how many items are present, inconsistent even at the total's own precision?)."""
    _, period, unit, dims = key
    present = [(by_key[(c, period, unit, dims)], w) for c, w in children if (c, period, unit, dims) in by_key]
    if not present:
        return None
    if _consistent(totals, present, lambda group: group):
        return None
    precision = max(f.decimals for f in totals if f.decimals is not None) if any(
        f.decimals is not None for f in totals) else None
    same = [f for f in totals if f.decimals == precision] or totals
    own = _consistent(same, present, lambda group: [f for f in group if f.decimals == precision] or group)
    return len(present), not own


def _sign_that_would_add_up(totals: list[Fact], children: list[tuple[str, int]], key: tuple,
                            by_key: dict[tuple, list[Fact]]) -> list[Fact] | None:
    """The one item whose opposite sign would make a summation add up, when exactly one would:
    "Net income attributable to noncontrolling interests (10)" read as -10 where the statement
    adds up with +10.  Zero items cannot be flipped."""
    _, period, unit, dims = key
    present = [(by_key[(c, period, unit, dims)], w) for c, w in children if (c, period, unit, dims) in by_key]
    found = []
    for i, (group, weight) in enumerate(present):
        if all(f.value == 0 for f in group):
            continue
        trial = present[:i] + [(group, -weight)] + present[i + 1:]
        if _consistent(totals, trial, lambda g: g):
            found.append(group)
    return found[0] if len(found) == 1 else None


def _consistent(totals: list[Fact], present, pick) -> bool:
    low = high = Decimal(0)
    for group, weight in present:
        lo, hi = _bounds(pick(group))
        if weight > 0:
            low, high = low + lo, high + hi
        else:
            low, high = low - hi, high - lo
    t_lo, t_hi = _bounds(totals)
    return not (t_hi < low or t_lo > high)


def _bounds(group: list[Fact]) -> tuple[Decimal, Decimal]:
    return max(interval(f)[0] for f in group), min(interval(f)[1] for f in group)


def check(filing: Filing, tax: Taxonomy) -> None:
    """Resolve contradicting duplicates and settle the filing's calculations, in place."""
    filing.facts, skips, messages = resolve_duplicates(filing.facts)
    filing.skipped = sorted(filing.skipped + skips, key=lambda s: (s.span.line, s.span.start))
    for i, fact in enumerate(filing.facts, start=1):
        fact.id = f"f{i}"
    filing.calc_arcs, calc_messages = filing_calculations(filing.facts, tax)
    filing.messages += messages + calc_messages
