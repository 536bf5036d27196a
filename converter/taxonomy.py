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
from dataclasses import dataclass, field, replace
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


@dataclass(frozen=True, slots=True)
class Extension:
    """A company's own part of the taxonomy: its concepts, roles and dimension members, under its own
    prefix and namespace (``taxonomy/extensions/iij.toml``, or a user's file).  ``entities`` are the
    registry keys or entity identifiers of the companies whose filings it applies to (none: every filing)."""

    key: str
    prefix: str
    namespace: str
    label: str
    entities: tuple[str, ...]
    source: Path | None = None

    def applies_to(self, entity) -> bool:
        return not self.entities or bool({entity.key, entity.identifier, entity.name} & set(self.entities))


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
    extensions: dict[str, Extension] = field(default_factory=dict)
    owner: dict[str, str] = field(default_factory=dict)  # concept, role or member name -> extension key

    def extension_of(self, name: str) -> Extension | None:
        """The extension that defines a concept, role or member; None for the base taxonomy's."""
        key = self.owner.get(name)
        return self.extensions[key] if key else None

    def prefix_of(self, name: str) -> str:
        ext = self.extension_of(name)
        return ext.prefix if ext else self.prefix

    def namespace_of(self, name: str) -> str:
        ext = self.extension_of(name)
        return ext.namespace if ext else self.namespace

    def qname(self, name: str) -> str:
        return f"{self.prefix_of(name)}:{name}"

    def iri(self, name: str) -> str:
        return f"{self.namespace_of(name)}#{name}"

    def prefixes(self) -> dict[str, str]:
        """Prefix -> namespace of the base and of every extension."""
        return {self.prefix: self.namespace, **{e.prefix: e.namespace for e in self.extensions.values()}}

    def base(self) -> Taxonomy:
        """The base taxonomy alone (what ``taxonomy build`` writes and every company uses)."""
        return self.restricted(())

    def restricted(self, keys) -> Taxonomy:
        """The base plus the given extensions only (a filing is mapped against its company's)."""
        keys = set(keys)
        if keys >= set(self.extensions):
            return self
        keep = lambda name: self.owner.get(name) in (None, *keys)  # noqa: E731
        axes = {n: replace(a, members=tuple(m for m in a.members if keep(m[0])),
                           member_align=tuple(m for m in a.member_align if keep(m[0])),
                           member_synonyms=tuple(m for m in a.member_synonyms if keep(m[0])))
                for n, a in self.axes.items()}
        return replace(self, roles={k: v for k, v in self.roles.items() if keep(k)},
                       concepts={k: v for k, v in self.concepts.items() if keep(k)}, axes=axes,
                       extensions={k: v for k, v in self.extensions.items() if k in keys},
                       owner={k: v for k, v in self.owner.items() if v in keys})

    def for_entity(self, entity) -> Taxonomy:
        """The base plus the extensions that apply to this issuer."""
        return self.restricted(k for k, e in self.extensions.items() if e.applies_to(entity))

    def file(self, suffix: str) -> str:
        """Generated file names derive from the schema name: ``ledgerlink-2026_lab.xml``."""
        return self.entry[: -len(".xsd")] + suffix

    def role_uri(self, role: str) -> str:
        """The URI of a link role: a statement's, or a hypercube's (``<name>Hypercube``)."""
        return self.roles[role].uri(self.namespace_of(role)) if role in self.roles else f"{self.namespace}/role/{role}"

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


_PREFIX = re.compile(r"^[A-Za-z][A-Za-z0-9-]{0,19}$")
EXTENSIONS_DIR = "extensions"


def extend(tax: Taxonomy, path: Path) -> Taxonomy:
    """The taxonomy with the extension in ``path`` added; errors name the file and the entry.

    An extension adds concepts, roles and members of the base's axes; it may not redefine a
    name the taxonomy already has, and its prefix and namespace must be its own."""
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise TaxonomyError(f"{path}: {exc}") from None
    head = _require(raw, "extension", str(path))
    where = path.name
    ext = Extension(key=_require(head, "key", where), prefix=_require(head, "prefix", where),
                    namespace=_require(head, "namespace", where).rstrip("/"), label=head.get("label", ""),
                    entities=tuple(head.get("entities", ())), source=path)
    if not _PREFIX.match(ext.prefix) or ext.prefix in ("xbrli", "link", "xlink", "xs", "ix", "ixt", "iso4217", "xbrldi",
                                                         *ALIGN_PREFIXES):
        raise TaxonomyError(f"{where}: prefix {ext.prefix!r} is not a usable XML prefix of its own")
    if ext.key in tax.extensions or ext.prefix in tax.prefixes() or ext.namespace in tax.prefixes().values():
        raise TaxonomyError(f"{where}: key, prefix or namespace of extension {ext.key!r} is already in use")
    taken = set(tax.concepts) | set(tax.roles) | set(tax.dimension_members()) | set(tax.axes)
    owner = dict(tax.owner)
    roles = dict(tax.roles)
    for r in raw.get("role", []):
        role = Role(_require(r, "id", f"{where}: role"), _require(r, "definition", f"{where}: role"), r.get("kind", ""))
        if role.id in taken:
            raise TaxonomyError(f"{where}: role {role.id!r} is already defined")
        roles[role.id], owner[role.id], owner[f"{role.id}Abstract"] = role, ext.key, ext.key
    concepts = dict(tax.concepts)
    for i, c in enumerate(raw.get("concept", []), start=1):
        concept = _concept(c, roles, f"{where}: concept #{i}")
        if concept.name in taken or concept.name in concepts:
            raise TaxonomyError(f"{where}: concept {concept.name!r} is already defined")
        concepts[concept.name], owner[concept.name] = concept, ext.key
    axes = dict(tax.axes)
    for i, m in enumerate(raw.get("member", []), start=1):
        axis_name, name = _require(m, "axis", f"{where}: member #{i}"), _require(m, "name", f"{where}: member #{i}")
        if axis_name not in axes:
            raise TaxonomyError(f"{where}: member {name!r}: no axis {axis_name!r} in the taxonomy")
        if name in taken or name in owner:
            raise TaxonomyError(f"{where}: member {name!r} is already defined")
        axis = axes[axis_name]
        axes[axis_name] = replace(
            axis, members=axis.members + ((name, _require(m, "label", f"{where}: member {name}")),),
            member_align=axis.member_align + (((name, m["align"]),) if m.get("align") else ()),
            member_synonyms=axis.member_synonyms + ((name, tuple(m.get("synonyms", ()))),))
        owner[name] = ext.key
    combined = replace(tax, roles=roles, concepts=concepts, axes=axes, owner=owner,
                       extensions={**tax.extensions, ext.key: ext})
    _validate(combined)
    return combined


def packaged_extensions() -> list[Path]:
    """The company extensions that ship with ledgerlink (``taxonomy/extensions/*.toml``)."""
    folder = data_dir("taxonomy") / EXTENSIONS_DIR
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


def with_extensions(tax: Taxonomy, paths) -> Taxonomy:
    for path in paths:
        tax = extend(tax, path)
    return tax


@lru_cache(maxsize=1)
def default() -> Taxonomy:
    """The packaged taxonomy with the packaged company extensions, read once per process."""
    return with_extensions(load(), packaged_extensions())
