"""Decide which taxonomy concept each observation reports, and turn it into a fact.

The mapper compares normalised labels (case, punctuation, dashes, plurals, the
issuer's own name) with each concept's labels and synonyms: first under the
enclosing section headers, then alone, then shortened, then allowing one typo.
Candidates must fit the observation's unit, period type and statement.

Tables are also read in order, because a row's meaning can come from the rows
above it: in a table laid out "total first" ("Total Costs", then "Network
Services", ...) a row is first matched among the calculation children of the
total above it; in a segment table a row naming a segment gives the measure of the
table for that segment.

An observation that fits no concept, or several equally well, is skipped and
reported with the closest concepts: it is never given a concept by guesswork.
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import functools
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal

from .model import PURE, Fact, Message, Observation, Period, Skip, Status, Unit
from .taxonomy import Concept, Taxonomy

_DASHES = re.compile(r"[\u2010-\u2015\u2212-]")
_NON_WORD = re.compile(r"[^\w\s]")
_LEAD_OPERATOR = re.compile(r"^(?:less|add|deduct|plus)\s+")
_STATEMENTS = {"income", "balance", "cashflow"}  # statement kinds whose concepts the taxonomy lists
_TOTALS = {"total", "consolidated total", "total amount", "subtotal"}
_COMMON_WORDS = frozenset("of and the to in for from on at by total net other entity a".split())
_ATTRIBUTION = re.compile(r"\battributable\s+to\b", re.I)
_CUTS = re.compile(r",|;|\s?[\u2014\u2013]|\s\(| net of | less ")
FORECAST_DIMENSION = ("StatementScenarioAxis", "ScenarioForecastMember")
PREVIOUS_FORECAST_DIMENSION = ("StatementScenarioAxis", "PreviousForecastMember")
NEAR_MATCH = 0.95  # difflib ratio above which a label counts as a misspelling of a known one
_ADJUSTING_MEMBER = re.compile(r"Elimination|Adjustment|Reconcil", re.I)


_BAG_STOP = frozenset("the of to be a an number".split())
# timing words a period hint carries (the mapper's label need not repeat them)
_TIMING = re.compile(r"\b(?:before|after|as\s+a\s+result\s+of)\s+the\s+(?:stock\s+)?split\b|\bat\s+the\s+(?:end|beginning)\s+of\s+"
                     r"the\s+(?:period|year|quarter)\b")


def _bag(label: str) -> frozenset:
    return frozenset(w for w in label.split() if w not in _BAG_STOP)


def _stem(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@functools.lru_cache(maxsize=256)
def _alias_pattern(aliases: tuple[str, ...]) -> re.Pattern | None:
    if not aliases:
        return None
    return re.compile("|".join(rf"(?<!\w){re.escape(a)}(?!\w)" for a in aliases), re.I)


_GAAP_WORDS = re.compile(r"(?:^|\s)(?:(?:u\s?s|us)\s)?(?:gaap|ifrs?)(?=\s|$)")  # "ifrs" is stemmed to "ifr"
_OWNER_WORDS = {"total", "net", "common", "preferred", "ordinary", "company", "the", "parent", "minority", "our",
                "noncontrolling", "non-controlling", "other", "all", "equity", "controlling", "group"}
# a name that owns an equity or an income: "Total ACME shareholders' equity", "Net income attributable to ACME"
_OWNER_BEFORE = re.compile(r"(?<![\w'])(?P<name>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})(?=\s+(?:share|stock)holders['’]?\s)")
_OWNER_AFTER = re.compile(r"\battributable\s+to\s+(?P<name>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})\s*$")


def _owner_names(text: str) -> str:
    """The company's own name where a label names the owner of an equity or an income, even a name no
    registry knows or one damaged in the text: "Total IJ shareholders' equity" -> "Total {entity}
    shareholders' equity"; "Total Shareholders' equity" and "attributable to Noncontrolling
    interests" keep their words."""
    def swap(m: re.Match) -> str:
        words = m["name"].split()
        while words and words[0].lower() in _OWNER_WORDS:
            words.pop(0)
        if not words or any(w.lower() in _OWNER_WORDS or w.lower() == "interests" for w in words):
            return m.group(0)
        return m.group(0).replace(" ".join(words), "{entity}")
    return _OWNER_AFTER.sub(swap, _OWNER_BEFORE.sub(swap, text))


@functools.lru_cache(maxsize=8192)
def normalize(text: str, aliases: tuple[str, ...] = ()) -> str:
    """Comparable form of a label: "LESS: Net Income attributable to IIJ" -> "net income attributable to entity"."""
    if (pattern := _alias_pattern(aliases)) is not None:  # longest alias first: the caller sorts them
        text = pattern.sub(" entity ", text)
    t = _owner_names(text).replace("{entity}", " entity ")
    t = t.lower().replace("&", " and ")
    t = _DASHES.sub(" ", t)
    t = _NON_WORD.sub(" ", t)
    out: list[str] = []
    for w in t.split():
        if out and out[-1] == "non":
            out[-1] = "non" + w
        else:
            out.append(w)
    # "GAAP diluted earnings per share", "U.S. GAAP net income": the basis named is the one the concepts
    # are ("non-GAAP" stays "nongaap" and matches nothing)
    return _LEAD_OPERATOR.sub("", _GAAP_WORDS.sub(" ", " ".join(_stem(w) for w in out)).strip())


@dataclass(frozen=True, slots=True)
class Mapping:
    concept: str | None
    confidence: float
    rule: str
    candidates: tuple[str, ...] = ()
    reason: str = ""
    dims: tuple[tuple[str, str], ...] = ()


def _unit_kind(obs: Observation) -> str | None:
    if isinstance(obs.value, dt.date):
        return "date"
    if obs.unit is None:
        return obs.kind or None  # "count" or a written unit such as "Gbps"
    if obs.kind == "percent":
        return "percent"
    if obs.unit.denominator == ("xbrli:shares",):
        return "currency/shares"
    measure = obs.unit.numerator[0]
    if measure.startswith("iso4217:"):
        return "currency"
    return {"xbrli:shares": "shares", "xbrli:pure": "pure"}.get(measure, measure.split(":")[-1])


class Mapper:
    """Label index over one taxonomy; mapping is deterministic and side-effect free."""

    def __init__(self, taxonomy: Taxonomy, aliases: tuple[str, ...] = ()):
        self.tax = taxonomy
        self.aliases = tuple(sorted(aliases, key=len, reverse=True))
        self.plain: dict[str, list[tuple[str, float]]] = {}
        self.qualified: dict[tuple[str, str], list[str]] = {}
        self._memo: dict[tuple, Mapping] = {}
        self._alias_re = _alias_pattern(self.aliases)
        self._generic_cache: dict[tuple[str, str], str] = {}
        self._alias_key = self._alias_re.pattern if self._alias_re is not None else ""
        self.wordings: dict[str, set[str]] = defaultdict(set)  # concept -> every normalised wording
        self.children: dict[str, list[str]] = defaultdict(list)  # concept -> calculation children
        self.members: dict[str, list[tuple[str, str]]] = defaultdict(list)  # wording -> (axis, member)
        for c in taxonomy.concepts.values():
            if c.abstract:
                continue
            for text, weight in ((c.label, 0.95), (c.terse, 0.95), (c.total, 0.95), (c.negated, 0.9)):
                if text:
                    self._add(normalize(text), c.name, weight)
            for syn in c.synonyms:
                if ">" in syn:
                    section, _, label = syn.partition(">")
                    key = (normalize(section), normalize(label))
                    if c.name not in self.qualified.setdefault(key, []):
                        self.qualified[key].append(c.name)
                    self.wordings[c.name].add(key[1])
                else:
                    self._add(normalize(syn), c.name, 0.9)
            for arc in c.calc:
                if c.name not in self.children[arc.parent]:
                    self.children[arc.parent].append(c.name)
        for axis in taxonomy.axes.values():
            synonyms = dict(axis.member_synonyms)
            for member, label in axis.members:
                if member == axis.default:
                    continue
                for text in (label, *synonyms.get(member, ())):
                    entry = (axis.name, member)
                    if entry not in self.members[normalize(text)]:
                        self.members[normalize(text)].append(entry)
        self._qualified_by_label: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
        for (section, label), names in self.qualified.items():
            self._qualified_by_label[label].append((section, names))
        self._keys = sorted(self.plain)
        self._vocabulary: set[str] | None = None
        self._bags: dict[frozenset, set[str]] | None = None
        self._by_word: dict[str, list[str]] = defaultdict(list)  # word -> labels holding it (for suggestions)
        for key in self._keys:
            for word in set(key.split()) - _COMMON_WORDS:
                self._by_word[word].append(key)

    def with_aliases(self, aliases: tuple[str, ...]) -> Mapper:
        """The same index and remembered mappings for another issuer (labels naming the issuer are
        compared with "entity" in its place, so what one issuer's filings taught holds for all)."""
        other = copy.copy(self)
        other.aliases = tuple(sorted(aliases, key=len, reverse=True))
        other._alias_re = _alias_pattern(other.aliases)
        # one bounded cache for every issuer (one each grew with the number of issuers in a batch)
        other._alias_key = other._alias_re.pattern if other._alias_re is not None else ""
        return other

    def _generic(self, text: str) -> str:
        """The label with the issuer's names replaced by "{entity}"."""
        key = (self._alias_key, text)
        found = self._generic_cache.get(key)
        if found is None:
            if len(self._generic_cache) > 20_000:
                self._generic_cache.clear()
            found = self._alias_re.sub("{entity}", text) if self._alias_re is not None else text
            self._generic_cache[key] = found
        return found

    def _add(self, key: str, name: str, weight: float) -> None:
        self.wordings[name].add(key)
        entries = self.plain.setdefault(key, [])
        for i, (existing, w) in enumerate(entries):
            if existing == name:
                entries[i] = (name, max(w, weight))
                return
        entries.append((name, weight))

    def norm(self, text: str) -> str:
        return normalize(text, self.aliases)

    # -------------------------------------------------------------- fitting

    def fits(self, c: Concept, obs: Observation) -> bool:
        """Does the concept take this observation's kind of value, unit and period?"""
        kind = _unit_kind(obs)
        if kind == "date":
            ok = c.type == "date"
        elif kind == "percent":
            ok = c.type == "percent"
        elif kind == "count":
            ok = c.type in ("count", "pure")
        elif kind == "Gbps":
            ok = c.type == "dataRate"
        elif kind == "pure":
            ok = c.type == "pure"
        else:
            ok = c.unit_kind is not None and c.unit_kind == kind
        if not ok:
            return False
        if c.period == "duration" and obs.period.is_instant:
            return False
        if c.period == "instant" and not obs.period.is_instant and not obs.period_hint:
            return False
        return True

    def _in_statement(self, c: Concept, obs: Observation) -> bool:
        return any(self.tax.roles[r].kind == obs.statement for r in c.roles)

    def _choose(self, names: list[str], obs: Observation, rule: str, confidence: float) -> Mapping | None:
        fitting = [n for n in dict.fromkeys(names) if self.fits(self.tax.concepts[n], obs)]
        if obs.statement in _STATEMENTS:
            # a line item of a financial statement is one of that statement's concepts
            fitting = [n for n in fitting if self._in_statement(self.tax.concepts[n], obs)]
        if not fitting:
            return None
        if len(fitting) > 1:
            in_statement = [n for n in fitting if self._in_statement(self.tax.concepts[n], obs)]
            if len(in_statement) == 1:
                fitting = in_statement
        if len(fitting) > 1:
            return Mapping(None, 0.0, rule, tuple(fitting[:3]), f"ambiguous label: fits {', '.join(fitting[:3])}")
        return Mapping(fitting[0], confidence, rule)

    def _plain(self, key: str, obs: Observation, rule: str, scale: float) -> Mapping | None:
        """Concepts labelled ``key``; labels proper win over synonyms when both fit."""
        entries = self.plain.get(key, [])
        for weight in sorted({w for _, w in entries}, reverse=True):
            found = self._choose([n for n, w in entries if w == weight], obs, rule, weight * scale)
            if found is not None:
                return found
        return None

    # -------------------------------------------------------------- mapping one observation

    def map(self, obs: Observation, strict: bool = False, suggest: bool = True) -> Mapping:
        """The concept for ``obs``; ``strict`` allows only whole-label matches (no shortening, no typos);
        ``suggest`` finds the closest concepts when none matches (slow: only for the report).

        Results are remembered by what the mapping depends on (label, sections, statement, kind of
        value, period type), so the same line item in a thousand filings is mapped once."""
        key = (obs.concept, self._generic(obs.label), tuple(self._generic(s) for s in obs.sections), obs.statement,
               _unit_kind(obs), obs.period.is_instant, bool(obs.period_hint), strict, suggest)
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) > 20_000:  # bounded: memory stays flat over any batch
                self._memo.clear()
            found = self._memo[key] = self._map(obs, strict, suggest)
        return found

    def _map(self, obs: Observation, strict: bool, suggest: bool) -> Mapping:
        if obs.concept:
            c = self.tax.concepts.get(obs.concept)
            if c is None or not self.fits(c, obs):
                return Mapping(None, 0.0, "extractor", (), f"extractor named {obs.concept}, which does not fit")
            return Mapping(obs.concept, 1.0, "extractor")
        label = self.norm(obs.label)
        contexts = [self.norm(s) for s in reversed(obs.sections)]  # innermost first
        if (label in _TOTALS or not label) and contexts:
            # "Total" is the total of the section it closes, the innermost one, and of no other
            ctx = contexts[0]
            for key in (self.norm(f"total {ctx}"), ctx):
                if found := self._plain(key, obs, f"total of section '{ctx}'", 0.95):
                    return found
            for names in (self.qualified.get((ctx, "total")), self.qualified.get((ctx, label))):
                if names and (found := self._choose(names, obs, f"total of section '{ctx}'", 0.95)):
                    return found
            return Mapping(None, 0.0, "none", () if not suggest else self.suggest(f"total {ctx}", obs),
                           f"a total of section '{ctx}', which no concept stands for")
        for lookup in (lambda c: self.qualified.get((c, label)), lambda c: self._within(c, label)):
            for ctx in contexts:  # exact section wordings first, then sections that contain one
                names = lookup(ctx)
                if names and (found := self._choose(names, obs, f"section '{ctx}' + label", 1.0)):
                    return found
        if found := self._plain(label, obs, "label", 1.0):
            return found
        if strict:
            return Mapping(None, 0.0, "none", (), "no concept has exactly this label")
        for short in self._shortened(obs.label):
            if found := self._plain(short, obs, "shortened label", 0.85):
                return found
        if found := self._near(label, obs):
            return found
        rejoined = self._rejoin(label)
        if rejoined != label:  # "Total net sal es", "Total operat i ng expenses": words broken by stray spaces
            if found := self._plain(rejoined, obs, "label with broken words rejoined", 0.9):
                return found
        if found := self._same_words(rejoined, obs):
            return found
        return Mapping(None, 0.0, "none", self.suggest(label, obs) if suggest else (), "no concept matches this label")

    def _same_words(self, label: str, obs: Observation) -> Mapping | None:
        """A known wording with the same words in another order, or with the timing words the period
        already says taken off: "Total number of issued shares before the stock split" is "Total number of
        shares issued"; "Number of shares to be increased by the stock split" is "Number of shares
        increased by the stock split".  Only when one concept has that wording."""
        if self._bags is None:
            self._bags = defaultdict(set)
            for key in self._keys:
                for name, _ in self.plain[key]:
                    self._bags[_bag(key)].add(name)
        for candidate in (label, _TIMING.sub(" ", label)):
            names = sorted(self._bags.get(_bag(candidate), ()))
            found = self._choose(names, obs, "the same words as a known wording", 0.8) if names else None
            if found is not None and found.concept:
                return found
        return None

    def _rejoin(self, label: str) -> str:
        """Join a fragment of three letters or fewer to its neighbour when together they make a word the
        taxonomy's labels use and apart they do not: "sal es" -> "sales", "operat i ng" -> "operating"."""
        if self._vocabulary is None:
            self._vocabulary = {w for key in self._keys for w in key.split()}
        words = label.split()
        out: list[str] = []
        for word in words:
            if out and (len(word) <= 3 or len(out[-1]) <= 3) and (
                    word not in self._vocabulary or out[-1] not in self._vocabulary):
                joined = _stem(out[-1] + word)
                if joined in self._vocabulary or any(v.startswith(joined) for v in self._prefixes(joined)):
                    out[-1] = joined
                    continue
            out.append(word)
        return " ".join(out)

    def _prefixes(self, start: str) -> list[str]:
        return [v for v in self._vocabulary if v.startswith(start[:3])] if len(start) >= 3 else []

    def _within(self, section: str, label: str) -> list[str]:
        """Concepts whose "section > label" wording has its section words inside this section
        ("per share > basic" under "Net income per common share attributable to Costco")."""
        found: list[str] = []
        padded = f" {section} "
        for key_section, names in self._qualified_by_label.get(label, ()):
            if f" {key_section} " in padded:
                found += [n for n in names if n not in found]
        return found

    def component_of(self, parent: str, obs: Observation) -> Mapping | None:
        """A calculation child of ``parent`` that goes by this row's label."""
        for label in [self.norm(obs.label), *self._shortened(obs.label)]:
            names = [c for c in self.children.get(parent, ()) if label in self.wordings[c]]
            found = self._choose(names, obs, f"component of {parent}", 0.95) if names else None
            if found and found.concept:
                return found
        return None

    def member_of(self, label: str) -> list[tuple[str, str]]:
        return self.members.get(self.norm(label), [])

    def _shortened(self, label: str) -> list[str]:
        out = []
        for m in _CUTS.finditer(label):
            if _ATTRIBUTION.search(label, m.start()):
                break  # "Net income (loss) attributable to X" is not net income: keep whose it is
            short = self.norm(label[: m.start()])
            if short and short not in out:
                out.append(short)
        return out

    def _near(self, label: str, obs: Observation) -> Mapping | None:
        """A label one typo away from a known one ("INVESTEEES"): only when clearly the closest."""
        scored = []
        for key in difflib.get_close_matches(label, self._sharing_words(label), n=6, cutoff=NEAR_MATCH):
            ratio = difflib.SequenceMatcher(None, label, key).ratio()
            names = [n for n, _ in self.plain[key] if self.fits(self.tax.concepts[n], obs)]
            if names:
                scored.append((ratio, key, names))
        if not scored:
            return None
        scored.sort(key=lambda s: -s[0])
        best_ratio, best_key, names = scored[0]
        rivals = {n for r, _, ns in scored[1:] if r > best_ratio - 0.03 for n in ns} - set(names)
        if rivals:
            return None
        return self._choose(names, obs, f"near-identical label ({best_ratio:.2f} like '{best_key}')", 0.8 * best_ratio)

    def _sharing_words(self, label: str) -> list[str]:
        """Known labels with a word in common with ``label`` (the only ones worth comparing)."""
        found: dict[str, None] = {}
        for word in set(label.split()) - _COMMON_WORDS:
            found.update(dict.fromkeys(self._by_word.get(word, ())))
        return list(found)

    def suggest(self, label: str, obs: Observation | None = None, n: int = 3) -> tuple[str, ...]:
        """The concepts whose labels are closest to ``label`` (for the unmapped report)."""
        scored: dict[str, float] = {}
        for key in difflib.get_close_matches(label, self._sharing_words(label) or self._keys, n=12, cutoff=0.0):
            ratio = difflib.SequenceMatcher(None, label, key).ratio()
            for name, _ in self.plain[key]:
                if obs is None or self.fits(self.tax.concepts[name], obs):
                    scored[name] = max(scored.get(name, 0.0), ratio)
        return tuple(sorted(scored, key=lambda k: (-scored[k], k))[:n])

    # -------------------------------------------------------------- mapping a table in order

    def map_all(self, observations: list[Observation]) -> list[tuple[Observation, Mapping]]:
        """Every observation with its mapping, tables read row by row (see the module docstring)."""
        observations = repair_wrapped_labels(observations, self)
        items: dict[tuple, list[Observation]] = {}
        for obs in observations:
            key = (obs.table, obs.row, obs.label, obs.sections) if obs.origin == "table" else (-1, id(obs))
            items.setdefault(key, []).append(obs)
        out: list[tuple[Observation, Mapping]] = []
        parents: list[str] = []
        segment = _SegmentState()
        last_table, last_sections = None, None
        for group in items.values():
            first = group[0]
            table = first.table
            if first.origin != "table":
                out += [(o, self.map(o)) for o in group]
                continue
            if table != last_table or first.sections != last_sections:
                parents.clear()
            if table != last_table:
                segment = _SegmentState()
            last_table, last_sections = table, first.sections
            mapping = segment.read(self, first) if first.statement == "segment" else None
            if mapping is None:
                # a component of a total above it, the nearest total first ("Others" under
                # "Internet connectivity (enterprise)" even after a row that is no component)
                for depth in range(len(parents) - 1, -1, -1):
                    mapping = self.component_of(parents[depth], first)
                    if mapping is not None:
                        del parents[depth + 1:]
                        break
            if mapping is None:
                mapping = self.map(first)
            if first.statement == "segment":
                mapping = segment.after(self, mapping)
            if mapping.concept and self.children.get(mapping.concept) and not mapping.dims:
                parents.append(mapping.concept)
            for obs in group:
                m = mapping
                if m.concept and not self.fits(self.tax.concepts[m.concept], obs):
                    m = self.map(obs)  # e.g. a column whose period type the row's concept does not take
                out.append((obs, m))
        return out


@dataclass
class _SegmentState:
    """Reading a segment table: the measure (from its caption or the last plain row, e.g.
    "Revenues:" or "Operating income") and the segment in hand.

    A row naming a segment reports the measure for that segment; rows after it that
    name a concept the segment axis applies to ("Customers", "Intersegment") report
    that concept for the same segment; a row naming another concept starts a new measure.
    """

    measure: str | None = None
    member: tuple[str, str] | None = None

    def read(self, mapper: Mapper, obs: Observation) -> Mapping | None:
        if self.measure is None:
            for section in obs.sections:
                found = mapper._plain(mapper.norm(section), obs, "segment table measure", 1.0)
                if found and found.concept:
                    self.measure = found.concept
        members = mapper.member_of(obs.label)
        if members and self.measure:
            axis, member = members[0]
            self.member = (axis, member)
            if self.measure not in mapper.tax.axes[axis].concepts:
                return Mapping(None, 0.0, "none", (self.measure,),
                               f"{self.measure} by segment: the segment axis does not cover it")
            return Mapping(self.measure, 0.95, f"segment {member} of {self.measure}", dims=((axis, member),))
        return None

    def after(self, mapper: Mapper, mapping: Mapping) -> Mapping:
        if mapping.concept is None or mapping.dims:
            return mapping
        # a part of the measure ("Customers", "Intersegment" under a segment's revenues)
        if self.member and self.measure and mapping.concept in mapper.children.get(self.measure, ()):
            return replace(mapping, dims=(self.member,), rule=f"{mapping.rule} of segment {self.member[1]}")
        self.measure, self.member = mapping.concept, None
        return mapping


def repair_wrapped_labels(observations: list[Observation], mapper: Mapper) -> list[Observation]:
    """Mend a label that wrapped into the next row of a table.

    "INCOME ... AND EQUITY IN NET INCOME" / "OF EQUITY METHOD INVESTEES INCOME TAX
    EXPENSE": when the second label maps to nothing but some leading words of it
    complete the first label and the remaining words map on their own, both rows
    are relabelled.
    """
    rows: dict[int, list[Observation]] = {}
    for obs in observations:
        if obs.origin == "table":
            rows.setdefault(obs.span.line, []).append(obs)
    relabelled: dict[int, str] = {}
    for line in sorted(rows):
        prev = rows.get(line - 1)
        current = rows[line]
        if not prev or prev[0].statement != current[0].statement or prev[0].table != current[0].table:
            continue
        if mapper.map(current[0], suggest=False).concept is not None or mapper.map(prev[0], strict=True).concept is not None:
            continue
        words = current[0].label.split()
        prev_label = relabelled.get(line - 1, prev[0].label)
        for k in range(1, len(words)):
            head, tail = " ".join(words[:k]), " ".join(words[k:])
            joined = replace(prev[0], label=f"{prev_label} {head}")
            rest = replace(current[0], label=tail)
            if mapper.map(joined, strict=True).concept and mapper.map(rest, strict=True).concept:
                relabelled[line - 1], relabelled[line] = joined.label, tail
                break
    if not relabelled:
        return observations
    return [replace(o, label=relabelled[o.span.line]) if o.origin == "table" and o.span.line in relabelled else o
            for o in observations]


# ---------------------------------------------------------------- facts


def natural_value(obs: Observation, concept: Concept, tax: Taxonomy):
    """The value in the concept's natural XBRL sign.

    Parentheses around an amount that is never negative (an expense, a payment) are
    presentation only.  Where a row shows its effect on a total (cash-flow
    statements, "Less:" rows) an item subtracted from its total is negated.
    """
    value = obs.value
    if not isinstance(value, Decimal):
        return value
    if concept.sign == "nonnegative":
        return abs(value)
    if obs.negated_wording:
        return -value  # "Net loss attributable to noncontrolling interests 265", "net cash used in ..."
    if obs.contribution:
        weight = tax.weight(concept.name, obs.statement)
        if weight is None and concept.calc:
            weight = concept.calc[0].weight
        if weight == -1:
            return -value
    return value


def fact_period(obs: Observation, concept: Concept) -> Period:
    """Instant items in a duration column: "beginning of period" is the day before it starts."""
    if concept.period == "instant" and not obs.period.is_instant:
        if obs.period_hint == "beginning":
            assert obs.period.start is not None
            return Period(end=obs.period.start - dt.timedelta(days=1))
        return Period(end=obs.period.end)
    return obs.period


def fact_unit(obs: Observation, concept: Concept, tax: Taxonomy) -> Unit | None:
    if not concept.is_numeric:
        return None
    if obs.unit is not None:
        return obs.unit
    if concept.unit_kind == "pure":
        return PURE
    return Unit((f"{tax.prefix}:{concept.unit_kind}",))  # a unit of the taxonomy's own, e.g. Gbps


_MINORITY = re.compile(r"\bnon-?controlling\b|\bminority\b|\battributable\s+to\b|\bowners\s+of\b", re.I)
_TOTAL_PROFIT = {"ProfitLoss"}
_SHARES_OF_PROFIT = {"NetIncomeLoss", "NetIncomeLossAttributableToNoncontrollingInterest"}


def parent_net_income(mapped: list[tuple[Observation, Mapping]], tax: Taxonomy) -> list[tuple[Observation, Mapping]]:
    """"Net income" is the parent's net income where the filing shows no noncontrolling interests
    anywhere: with nobody else to share it, net income is what US-GAAP tags NetIncomeLoss.  Where any of
    its statements splits it ("... attributable to noncontrolling interests", "... attributable to owners
    of the parent"), "net income" is the consolidated ProfitLoss, in every table and sentence."""
    if "NetIncomeLoss" not in tax.concepts:
        return mapped
    groups: dict[object, list[int]] = defaultdict(list)
    for i, (obs, _) in enumerate(mapped):
        groups[obs.table if obs.origin == "table" else "prose"].append(i)
    any_split = any(m.concept in _SHARES_OF_PROFIT or _MINORITY.search(o.label) for o, m in mapped)
    out = list(mapped)
    for key, members in groups.items():
        concepts = {mapped[i][1].concept for i in members}
        split = concepts & _SHARES_OF_PROFIT or any(_MINORITY.search(mapped[i][0].label) for i in members)
        if not concepts & _TOTAL_PROFIT or split or any_split:
            continue
        for i in members:
            obs, mapping = mapped[i]
            if mapping.concept == "ProfitLoss":
                out[i] = (obs, replace(mapping, concept="NetIncomeLoss",
                                       rule=f"{mapping.rule}; no noncontrolling interests beside it: the parent's"))
    return out


def to_facts(observations: list[Observation], tax: Taxonomy, mapper: Mapper) -> tuple[list[Fact], list[Skip]]:
    facts: list[Fact] = []
    skipped: list[Skip] = []
    taken: set[tuple[int, int]] = set()
    mapped = sorted(parent_net_income(mapper.map_all(observations), tax),
                    key=lambda om: (om[0].span.line, om[0].span.start))
    for obs, mapping in mapped:
        if mapping.concept is None:
            skipped.append(Skip(obs.span, obs.source_text, f"unmapped: {mapping.reason}", obs.label, mapping.candidates,
                                obs.origin))
            continue
        where = (obs.span.line, obs.span.start, obs.period.key if obs.same_figure else None)
        if where in taken:
            continue  # the same characters read twice (a table in a sentence): one fact
        taken.add(where)
        concept = tax.concepts[mapping.concept]
        dims = mapping.dims
        if obs.status is Status.FORECAST:
            if FORECAST_DIMENSION[0] not in tax.axes:
                skipped.append(Skip(obs.span, obs.source_text, "forecast value and no scenario dimension in the taxonomy",
                                    obs.label))
                continue
            dims = dims + (PREVIOUS_FORECAST_DIMENSION if obs.superseded else FORECAST_DIMENSION,)
        facts.append(Fact(
            id=f"f{len(facts) + 1}",
            concept=concept.name,
            period=fact_period(obs, concept),
            value=natural_value(obs, concept, tax),
            unit=fact_unit(obs, concept, tax),
            decimals=obs.decimals if concept.is_numeric else None,
            span=obs.span,
            source_text=obs.source_text,
            label=obs.label,
            status=obs.status,
            dimensions=tuple(sorted(dims)),
            scale=obs.scale,
            dash=obs.dash,
            rule=mapping.rule,
            confidence=mapping.confidence,
            statement=obs.statement,
            hidden=obs.hidden,
        ))
    return facts, skipped


def adjusting_member_signs(facts: list[Fact], tax: Taxonomy) -> list[Message]:
    """Give elimination rows the sign that makes the segments add up to the total.

    Releases print intersegment eliminations either as negative numbers or as
    positive amounts to subtract; the consolidated total tells which.  Where the
    arithmetic fits neither reading the value is left as printed and reported.
    """
    messages = []
    groups: dict[tuple, list[Fact]] = defaultdict(list)
    for f in facts:
        if not isinstance(f.value, Decimal):
            continue
        scenario = tuple(d for d in f.dimensions if d[0] == FORECAST_DIMENSION[0])
        if len(f.dimensions) - len(scenario) <= 1:  # the total, or one segment
            groups[(f.concept, f.period, f.unit, scenario, f.decimals)].append(f)  # one table at a time
    for group in groups.values():
        totals, members = [], []
        for f in group:
            (totals if all(d[0] == FORECAST_DIMENSION[0] for d in f.dimensions) else members).append(f)
        adjusting = [f for f in members if any(_ADJUSTING_MEMBER.search(m) for _, m in f.dimensions)]
        if not totals or not adjusting or len(members) < 2:
            continue
        if len(adjusting) > 1 or len({f.dimensions for f in members}) < len(members):
            messages.append(Message("warning", f"segments of {adjusting[0].concept} for {adjusting[0].period.key} are "
                                    "stated more than once at the same precision; eliminations left as printed",
                                    adjusting[0].span.line))
            continue
        elim = adjusting[0]
        rest = sum((f.value for f in members if f is not elim), Decimal(0))
        total = totals[0]
        tolerance = Decimal(10) ** -min(f.decimals or 0 for f in members + [total]) * len(members)
        if abs(rest + elim.value - total.value) <= tolerance:
            continue
        if abs(rest - elim.value - total.value) <= tolerance:
            elim.value = -elim.value
        else:
            messages.append(Message("warning", f"segments of {elim.concept} for {elim.period.key} do not add up to the "
                                    "total either way; elimination left as printed", elim.span.line))
    return messages
