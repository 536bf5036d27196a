"""The ledgerlink taxonomy, read from its one source file ``taxonomy/ledgerlink.toml``.

The source names each concept once with everything the rest of the tool needs:
labels and synonyms (for the mapper), XBRL type, period type and balance (for the
schema), the US-GAAP/SRT/DEI alignment (for RDF and users), calculation and
presentation placement (for the linkbases) and the sign convention (for turning
presented numbers into natural XBRL values).  ``linkbases.py`` generates the XBRL
files from it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .resources import data_dir

SOURCE_FILE = "ledgerlink.toml"

# type name in the source -> (XBRL item type, kind of unit it takes)
TYPES: dict[str, tuple[str, str | None]] = {
    "monetary": ("xbrli:monetaryItemType", "currency"),
    "shares": ("xbrli:sharesItemType", "shares"),
    "perShare": ("dtr-types:perShareItemType", "currency/shares"),
    "pure": ("xbrli:pureItemType", "pure"),
    "percent": ("dtr-types:percentItemType", "pure"),
    "count": ("xbrli:decimalItemType", "pure"),
    "dataRate": ("xbrli:decimalItemType", "Gbps"),
    "date": ("xbrli:dateItemType", None),
    "string": ("xbrli:stringItemType", None),
    "domain": ("dtr-types:domainItemType", None),
}
MATCHES = ("exact", "close", "broad", "narrow", "none")
ALIGN_PREFIXES = {
    "us-gaap": "http://fasb.org/us-gaap/2024",
    "srt": "http://fasb.org/srt/2024",
    "dei": "http://xbrl.sec.gov/dei/2024",
}
_NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")


class TaxonomyError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class CalcArc:
    role: str
    parent: str
    weight: int


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a concept appears in a presentation network."""

    role: str
    parent: str  # an abstract concept, or the role's root
    negated: bool = False  # shown with its negated label there


@dataclass(frozen=True, slots=True)
class Concept:
    name: str
    label: str
    type: str
    period: str
    balance: str = ""
    terse: str = ""
    total: str = ""
    negated: str = ""
    documentation: str = ""
    synonyms: tuple[str, ...] = ()
    align: str = ""
    match: str = "none"
    sign: str = "signed"  # "nonnegative": parentheses in a statement never make it negative
    abstract: bool = False
    calc: tuple[CalcArc, ...] = ()
    presentation: tuple[Placement, ...] = ()
    statements: tuple[str, ...] = ()  # roles the mapper may find it in (besides presentation)

    @property
    def xbrl_type(self) -> str:
        return TYPES[self.type][0]

    @property
    def unit_kind(self) -> str | None:
        return TYPES[self.type][1]

    @property
    def is_numeric(self) -> bool:
        return self.unit_kind is not None

    @property
    def roles(self) -> tuple[str, ...]:
        found = dict.fromkeys(p.role for p in self.presentation)
        found.update(dict.fromkeys(self.statements))
        return tuple(found)

    @property
    def all_labels(self) -> tuple[str, ...]:
        return tuple(x for x in (self.label, self.terse, self.total, self.negated, *self.synonyms) if x)


@dataclass(frozen=True, slots=True)
class Role:
    id: str
    definition: str
    kind: str  # statement kind the tables stage assigns: "income", "balance", ...

    def uri(self, namespace: str) -> str:
        return f"{namespace}/role/{self.id}"


@dataclass(frozen=True, slots=True)
class Axis:
    """A dimension with its domain, members and default member."""

    name: str
    label: str
    domain: str
    default: str
    members: tuple[tuple[str, str], ...]  # (member name, label)
    align: str = ""
    member_align: tuple[tuple[str, str], ...] = ()  # (member name, aligned element)
    concepts: tuple[str, ...] = ()  # concepts that may carry this axis ("*" = all numeric)
    member_synonyms: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (member name, wordings in filings)


@dataclass(frozen=True)
class Hypercube:
    """A closed hypercube of some axes and the concepts (line items) that may carry them."""

    name: str  # "StatementScenarioBusinessSegment": the table is <name>Table, the role <name>Hypercube
    axes: tuple[str, ...]
    concepts: tuple[str, ...]

    @property
    def role_id(self) -> str:
        return f"{self.name}Hypercube"


@dataclass
class Taxonomy:
    prefix: str
    namespace: str
    version: str
    name: str
    entry: str  # schema file name
    publisher: str
    roles: dict[str, Role]
    concepts: dict[str, Concept]
    axes: dict[str, Axis] = field(default_factory=dict)
    source: Path | None = None

    def qname(self, name: str) -> str:
        return f"{self.prefix}:{name}"

    def iri(self, name: str) -> str:
        return f"{self.namespace}#{name}"

    def file(self, suffix: str) -> str:
        """Generated file names derive from the schema name: ``ledgerlink-2026_lab.xml``."""
        return self.entry[: -len(".xsd")] + suffix

    def role_uri(self, role: str) -> str:
        """The URI of a link role: a statement's, or a hypercube's (``<name>Hypercube``)."""
        return self.roles[role].uri(self.namespace) if role in self.roles else f"{self.namespace}/role/{role}"

    def weight(self, concept: str, kind: str) -> int | None:
        """The concept's calculation weight in the statement of this kind, if any."""
        for arc in self.concepts[concept].calc:
            if self.roles[arc.role].kind == kind:
                return arc.weight
        return None

    def calc_arcs(self, reported: dict[str, set[str]] | None = None) -> dict[str, list[tuple[str, str, int]]]:
        """Summation arcs by role: (parent, child, weight), in source order.

        With ``reported`` (statement kind -> concepts a filing reports in statements
        of that kind) only the arcs whose parent and child both appear in that
        filing's statement are kept: a filing's calculations then mirror its own
        statements, as a company extension's would.
        """
        arcs: dict[str, list[tuple[str, str, int]]] = {}
        for c in self.concepts.values():
            for arc in c.calc:
                if reported is not None:
                    names = reported.get(self.roles[arc.role].kind, set())
                    if c.name not in names or arc.parent not in names:
                        continue
                arcs.setdefault(arc.role, []).append((arc.parent, c.name, arc.weight))
        return {role: arcs[role] for role in self.roles if role in arcs}

    def roles_of_kind(self, kind: str) -> list[str]:
        return [r.id for r in self.roles.values() if r.kind == kind]

    def hypercubes(self) -> list[Hypercube]:
        """One hypercube for each combination of axes some concepts may carry together.

        A fact is dimensionally valid when one hypercube holds all its dimensions, so
        concepts that take two axes (a forecast of a segment's revenues) need a
        hypercube with both; concepts taking only one share a smaller one.
        """
        groups: dict[tuple[str, ...], list[str]] = {}
        for c in self.concepts.values():
            axes = tuple(a.name for a in self.axes.values() if ("*" in a.concepts and c.is_numeric) or c.name in a.concepts)
            if axes:
                groups.setdefault(axes, []).append(c.name)
        return [Hypercube("".join(a.removesuffix("Axis") for a in axes), axes, tuple(names))
                for axes, names in groups.items()]

    def dimension_members(self) -> dict[str, str]:
        """member name -> axis name, for every explicit member."""
        return {m: axis.name for axis in self.axes.values() for m, _ in axis.members}


def _require(raw: dict, key: str, where: str):
    if key not in raw:
        raise TaxonomyError(f"{where}: missing {key!r}")
    return raw[key]


def _concept(raw: dict, roles: dict[str, Role], where: str) -> Concept:
    name = _require(raw, "name", where)
    where = f"{where} ({name})"
    if not _NCNAME.match(name):
        raise TaxonomyError(f"{where}: name is not an XML NCName")
    ctype = _require(raw, "type", where)
    if ctype not in TYPES:
        raise TaxonomyError(f"{where}: unknown type {ctype!r}; use one of {', '.join(TYPES)}")
    period = _require(raw, "period", where)
    if period not in ("duration", "instant"):
        raise TaxonomyError(f"{where}: period must be duration or instant")
    balance = raw.get("balance", "")
    if balance not in ("", "debit", "credit") or (balance and ctype != "monetary"):
        raise TaxonomyError(f"{where}: balance must be debit or credit, and only on monetary concepts")
    match = raw.get("match", "exact" if raw.get("align") else "none")
    if match not in MATCHES:
        raise TaxonomyError(f"{where}: match must be one of {', '.join(MATCHES)}")
    align = raw.get("align", "")
    if bool(align) == (match == "none"):
        raise TaxonomyError(f"{where}: give align with a match kind, or neither")
    if align and align.split(":", 1)[0] not in ALIGN_PREFIXES:
        raise TaxonomyError(f"{where}: align {align!r} must start with {', '.join(ALIGN_PREFIXES)}")
    sign = raw.get("sign", "signed")
    if sign not in ("signed", "nonnegative"):
        raise TaxonomyError(f"{where}: sign must be signed or nonnegative")
    calc = []
    for arc in raw.get("calc", []):
        role = _require(arc, "role", where)
        if role not in roles:
            raise TaxonomyError(f"{where}: calc role {role!r} is not declared")
        weight = _require(arc, "weight", where)
        if weight not in (1, -1):
            raise TaxonomyError(f"{where}: calc weight must be 1 or -1")
        calc.append(CalcArc(role, _require(arc, "parent", where), weight))
    placements = []
    for entry in raw.get("presentation", []):
        negated = entry.endswith("!")
        role, _, parent = entry.rstrip("!").partition("/")
        if role not in roles:
            raise TaxonomyError(f"{where}: presentation role {role!r} is not declared")
        placements.append(Placement(role, parent or f"{role}Abstract", negated))
    for role in raw.get("statements", []):
        if role not in roles:
            raise TaxonomyError(f"{where}: statement role {role!r} is not declared")
    return Concept(
        name=name,
        label=_require(raw, "label", where),
        type=ctype,
        period=period,
        balance=balance,
        terse=raw.get("terse", ""),
        total=raw.get("total", ""),
        negated=raw.get("negated", ""),
        documentation=raw.get("documentation", ""),
        synonyms=tuple(raw.get("synonyms", ())),
        align=align,
        match=match,
        sign=sign,
        abstract=bool(raw.get("abstract", False)),
        calc=tuple(calc),
        presentation=tuple(placements),
        statements=tuple(raw.get("statements", ())),
    )


def _validate(tax: Taxonomy) -> None:
    concepts = tax.concepts
    for c in concepts.values():
        for arc in c.calc:
            parent = concepts.get(arc.parent)
            if parent is None:
                raise TaxonomyError(f"{c.name}: calc parent {arc.parent!r} is not a concept")
            if parent.period != c.period or not parent.is_numeric:
                raise TaxonomyError(f"{c.name}: calc parent {arc.parent} has another period type or is not numeric")
            if parent.balance and c.balance and (parent.balance == c.balance) != (arc.weight > 0):
                raise TaxonomyError(
                    f"{c.name} ({c.balance}) -> {arc.parent} ({parent.balance}): weight {arc.weight} "
                    "contradicts the balances (XBRL 2.1, 5.1.1.2)")
        for p in c.presentation:
            root = f"{p.role}Abstract"
            if p.parent != root and (p.parent not in concepts or not concepts[p.parent].abstract):
                raise TaxonomyError(f"{c.name}: presentation parent {p.parent!r} is not an abstract concept")
    members = tax.dimension_members()
    for axis in tax.axes.values():
        for name in (axis.name, axis.domain, *members):
            if name in concepts:
                raise TaxonomyError(f"dimension item {name!r} clashes with a concept name")


def load(path: Path | None = None) -> Taxonomy:
    """Read and check the taxonomy source; errors name the offending concept."""
    path = Path(path) if path else data_dir("taxonomy") / SOURCE_FILE
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise TaxonomyError(f"{path}: {exc}") from None
    head = _require(raw, "taxonomy", str(path))
    roles = {}
    for r in raw.get("role", []):
        role = Role(_require(r, "id", "role"), _require(r, "definition", "role"), r.get("kind", ""))
        roles[role.id] = role
    concepts: dict[str, Concept] = {}
    for i, c in enumerate(raw.get("concept", []), start=1):
        concept = _concept(c, roles, f"{path.name}: concept #{i}")
        if concept.name in concepts:
            raise TaxonomyError(f"{path.name}: concept {concept.name!r} is defined twice")
        concepts[concept.name] = concept
    axes = {}
    for a in raw.get("axis", []):
        members = tuple((m["name"], m["label"]) for m in a.get("members", []))
        axis = Axis(
            name=_require(a, "name", "axis"),
            label=_require(a, "label", "axis"),
            domain=_require(a, "domain", "axis"),
            default=_require(a, "default", "axis"),
            members=members,
            align=a.get("align", ""),
            member_align=tuple((m["name"], m["align"]) for m in a.get("members", []) if m.get("align")),
            concepts=tuple(a.get("concepts", ["*"])),
            member_synonyms=tuple((m["name"], tuple(m.get("synonyms", ()))) for m in a.get("members", [])),
        )
        axes[axis.name] = axis
    tax = Taxonomy(
        prefix=_require(head, "prefix", "taxonomy"),
        namespace=_require(head, "namespace", "taxonomy").rstrip("/"),
        version=_require(head, "version", "taxonomy"),
        name=_require(head, "name", "taxonomy"),
        entry=_require(head, "entry", "taxonomy"),
        publisher=head.get("publisher", "ledgerlink"),
        roles=roles,
        concepts=concepts,
        axes=axes,
        source=path,
    )
    _validate(tax)
    return tax


@lru_cache(maxsize=1)
def default() -> Taxonomy:
    """The packaged taxonomy, read once per process."""
    return load()
