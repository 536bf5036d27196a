"""The conversion of one filing: text in, a Filing (facts, skips, messages) out.

Conversion is a pure function of the input text, the taxonomy and the entity
registry, so filings can be converted in any order, in parallel or on other
machines, and always give the same result.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import accounting, check, entities, events, layout, profile, prose, sentences, tables
from . import taxonomy as taxonomy_mod
from .gcpolicy import per_filing
from .mapper import Mapper, adjusting_member_signs, to_facts
from .model import Document, Entity, Fact, Filing, Message, Observation, Skip, Status
from .periods import UNKNOWN_CALENDAR, find_dates
from .reader import MAX_LINE_CHARS, InputError, read_document
from .taxonomy import Taxonomy

DOCUMENT_TYPES = (
    ("StockSplitNotice", re.compile(r"\bstock\s+split\b", re.I)),
    ("EarningsRelease", re.compile(r"\bfinancial\s+results\b|\b(?:quarterly|annual|interim)\s+results\b|"
                                   r"\bearnings\s+(?:release|report|results)\b|\b(?:reports?|reported|announce[sd]?)\s+(?:its\s+)?"
                                   r"(?:\w+\s+){0,3}results\b", re.I)),
    ("DividendNotice", re.compile(r"\bdividends?\b|\bdistribution\s+of\s+retained\s+earnings\b", re.I)),
)
_DATELINE = re.compile(r"(?:^|[^\w])(?:[A-Z][A-Za-z]+\.?|[A-Z]{2,})\s*(?:,|\u2014|\u2013|-{1,2})\s*$")  # "Calif., "
_FILENAME_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DATE_LABEL = re.compile(r"^\s*(?:(?:release\s+)?date|released?|issued|published)\s*:\s*", re.I)


@dataclass
class Settings:
    """What a conversion needs besides the text; build once, reuse for a batch."""

    taxonomy: Taxonomy = field(default_factory=taxonomy_mod.default)
    registry: dict[str, Entity] = field(default_factory=entities.load_registry)
    entity: str | None = None  # registry key forcing the issuer

    def mapper_for(self, entity: Entity) -> Mapper:
        """One label index for the base taxonomy plus the issuer's company extension (another
        company's service lines are no candidates), seen through the issuer's names."""
        cache = self.__dict__.setdefault("_mappers", {})
        if entity.key not in cache:
            tax = self.taxonomy.for_entity(entity)
            bases = self.__dict__.setdefault("_mapper_bases", {})
            key = tuple(sorted(tax.extensions))
            if key not in bases:
                bases[key] = Mapper(tax)
            cache[entity.key] = bases[key].with_aliases(entity.aliases + (entity.name,))
        return cache[entity.key]


def issue_date(doc: Document) -> dt.date | None:
    """The release date from its dateline ("Tokyo, November 8, 2013 - ..."), else a line near the top
    that is only a date, else the file name."""
    for line in doc.lines[:60]:
        for match in find_dates(line):
            if match.date and _DATELINE.search(line[: match.start]):
                return match.date
    for line in doc.lines[:20]:  # a line that is only a date, near the top: "26 February 2025", "Date: May 15, 2013"
        dates = find_dates(line)
        if len(dates) == 1 and dates[0].date and not _DATE_LABEL.sub("", line[:dates[0].start]).strip() \
                and not line[dates[0].end:].strip():
            return dates[0].date
    m = _FILENAME_DATE.search(doc.name)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    return None


def document_type(doc: Document) -> str:
    """What the release is, by the first of the telling phrases in its opening lines (the title
    comes first: a results release mentions dividends further down, a dividend notice mentions
    "retained earnings")."""
    head = "\n".join(doc.lines[:40])
    found = [(m.start(), name) for name, pattern in DOCUMENT_TYPES if (m := pattern.search(head))]
    return min(found)[1] if found else "Other"


def _one_fate(facts, skipped):
    """Each number has one fate: where a rule emitted it, another rule's skip of it is dropped."""
    emitted = {}
    for f in facts:
        emitted.setdefault(f.span.line, []).append((f.span.start, f.span.end))
    keep = [s for s in skipped
            if not any(a < s.span.end and s.span.start < b for a, b in emitted.get(s.span.line, ()))]
    unique = {(s.span.line, s.span.start, s.span.end): s for s in keep}
    return sorted(unique.values(), key=lambda s: (s.span.line, s.span.start))


def _future_amounts_are_forecasts(observations: list[Observation], issued: dt.date | None) -> list[Message]:
    """An amount for a period that ends after the release date cannot be an actual: whatever
    the wording, it is a forecast (a target line under a heading that does not say so)."""
    if issued is None:
        return []
    lines = []
    for obs in observations:
        if obs.status is Status.ACTUAL and obs.unit is not None and obs.unit.is_monetary and obs.period.end > issued \
                and not obs.declared:
            obs.status = Status.FORECAST
            lines.append(obs.span.line)
    if not lines:
        return []
    where = ", ".join(str(n) for n in sorted(set(lines))[:8]) + (" ..." if len(set(lines)) > 8 else "")
    return [Message("info", f"{len(lines)} amounts for periods ending after the release date ({issued}) are "
                    f"treated as forecasts (lines {where})", lines[0])]


SHARE_BASIS = ("ShareBasisAxis", "NotAdjustedForStockSplitMember")
# Who a filing is reported for when the text names no known issuer: its numbers are still read for
# the report, none is emitted.
UNKNOWN_ISSUER = Entity(key="", name="(unknown issuer)", scheme="", identifier="", fiscal_year_end=(3, 31))


def _mark_unadjusted(facts: list[Fact], notes: list[prose.UnadjustedDividends], tax: Taxonomy) -> list[Message]:
    """Dividends per share the release says are not adjusted for a stock split get the
    not-adjusted member, so they never merge with the split-adjusted amount of the same dividend."""
    if not notes or SHARE_BASIS[0] not in tax.axes:
        return []
    carriers = set(tax.axes[SHARE_BASIS[0]].concepts)
    # the same note repeated (a long document quoting it again) marks nothing more: each one once
    distinct = list({(note.year, note.kinds): note for note in notes}.values())
    marked = []
    for fact in facts:
        if fact.concept not in carriers:
            continue
        label = tax.concepts[fact.concept].label.lower()
        for note in distinct:
            inside = note.year.start <= (fact.period.start or fact.period.end) and fact.period.end <= note.year.end
            if inside and ("annual" in label or any(kind in label for kind in note.kinds)):
                fact.dimensions = tuple(sorted(fact.dimensions + (SHARE_BASIS,)))
                marked.append(fact)
                break
    if not marked:
        return []
    return [Message("info", f"{len(marked)} dividends per share are as declared before a stock split (not adjusted), "
                    f"as line {notes[0].line} says", notes[0].line)]


class _Clock:
    """Adds the time since the last lap to ``timings[stage]`` (for bench/convert.py); free when off."""

    def __init__(self, timings: dict[str, float] | None):
        self.timings = timings
        self.last = time.perf_counter() if timings is not None else 0.0

    def lap(self, stage: str) -> None:
        if self.timings is not None:
            now = time.perf_counter()
            self.timings[stage] = self.timings.get(stage, 0.0) + now - self.last
            self.last = now


@per_filing  # full garbage collections wait until the filing is done (see gcpolicy)
def convert_document(doc: Document, settings: Settings | None = None,
                     timings: dict[str, float] | None = None) -> Filing:
    """One filing's facts; ``timings`` (if given) accumulates seconds per stage."""
    settings = settings or Settings()
    clock = _Clock(timings)
    text = "\n".join(doc.lines)
    messages: list[Message] = []
    rejection = None
    forced = None
    if settings.entity:
        forced = settings.registry.get(settings.entity)
        if forced is None:
            raise InputError(doc.name, f"unknown entity {settings.entity!r}; known: {', '.join(sorted(settings.registry))}")
    else:
        found = entities.identify(text, settings.registry)
        for other in found.others:
            messages.append(Message("warning", f"the text also names {other.name}; facts are reported for "
                                    f"{found.entity.name}"))
    try:
        prof = profile.infer(doc, settings.registry, forced)
    except profile.NoIssuer as exc:
        rejection = str(exc)
        prof = profile.Profile(UNKNOWN_ISSUER, UNKNOWN_CALENDAR, "USD")
    entity, cal = prof.entity, prof.calendar
    messages += [Message("info", f"profile: {line}") for line in prof.evidence]
    for number in doc.long_lines:
        messages.append(Message("warning", f"line {number} is longer than {MAX_LINE_CHARS:,} characters and was not read",
                                number))
    issued = issue_date(doc)
    if issued is None:
        messages.append(Message("warning", "no release date found (no dateline, no date in the file name)"))
    clock.lap("identify")
    blocks = layout.segment(doc)
    convenience = "convenience" in text.lower()
    doctype = document_type(doc)
    clock.lap("layout")
    notice = prose.notice_context(doc, blocks, cal, issued, doctype, events.split_day(doc, blocks))
    found = tables.extract(doc, blocks, cal, convenience, default_period=notice.event, currency=prof.currency,
                           doctype=doctype)
    table_lines = {o.span.line for o in found.observations} | {s.span.line for s in found.skipped}
    current = sentences.current_period(found.observations)
    clock.lap("tables")
    found.extend(prose.extract(doc, blocks, cal, notice, current))
    found.extend(events.extract(doc, blocks, cal, issued, prof.currency, table_lines))
    release = sentences.release_periods(doc, cal)
    found.extend(sentences.extract(doc, blocks, cal, current or release.get("quarter") or release.get("year"),
                                   convenience, skip_lines=table_lines, currency=prof.currency, release=release))
    messages += _future_amounts_are_forecasts(found.observations, issued)
    unadjusted = prose.unadjusted_dividends(notice.lines, cal)
    clock.lap("prose")
    facts, unmapped = to_facts(found.observations, settings.taxonomy, settings.mapper_for(entity))
    messages += adjusting_member_signs(facts, settings.taxonomy)
    messages += _mark_unadjusted(facts, unadjusted, settings.taxonomy)
    clock.lap("map")
    filing = Filing(
        document=doc,
        entity=entity,
        issued=issued,  # type: ignore[arg-type]
        document_type=doctype,
        blocks=blocks,
        facts=facts,
        skipped=_one_fate(facts, found.skipped + unmapped),
        messages=messages + found.messages,
    )
    check.check(filing, settings.taxonomy)
    if rejection is None and not filing.facts:
        rejection = "no financial facts found in the text"
    if rejection is not None:
        filing.skipped += [Skip(f.span, f.source_text, f"not emitted: {rejection}", f.label) for f in filing.facts]
        filing.facts = []
        filing.rejection = rejection
    filing.skipped, filing.numbers = accounting.account(doc, filing.facts, filing.skipped)
    clock.lap("check")
    return filing


def convert_path(path: Path, settings: Settings | None = None) -> Filing:
    """The filing of a file; a rejected filing (see ``Filing.rejection``) is returned, not raised."""
    return convert_document(read_document(path), settings)
