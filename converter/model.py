"""Plain data passed between the pipeline stages.

Every stage takes and returns these dataclasses, so a stage can be tested, replaced
or run on its own.  Values are exact: numbers are ``Decimal`` (never float) and
dates are ``datetime.date``.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

Value = Decimal | dt.date | str


class Status(StrEnum):
    """Whether a number reports what happened or what is expected."""

    ACTUAL = "actual"
    FORECAST = "forecast"


# ---------------------------------------------------------------- aspects


@dataclass(frozen=True, slots=True)
class Period:
    """An XBRL period: an instant (``start is None``) or a duration.

    Dates are as written: an instant or end date means the end of that day, a start
    date the beginning of that day (XBRL 2.1, 4.7.2).
    """

    end: dt.date
    start: dt.date | None = None

    @property
    def is_instant(self) -> bool:
        return self.start is None

    @property
    def key(self) -> str:
        """Readable and sortable: ``2013-09-30`` or ``2013-04-01/2013-09-30``."""
        if self.start is None:
            return self.end.isoformat()
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    @property
    def months(self) -> int:
        if self.start is None:
            return 0
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    def oim(self) -> str:
        """OIM form: end-of-day dates become the next midnight."""
        one = dt.timedelta(days=1)
        end = f"{(self.end + one).isoformat()}T00:00:00"
        if self.start is None:
            return end
        return f"{self.start.isoformat()}T00:00:00/{end}"

    def __str__(self) -> str:  # pragma: no cover - display only
        return self.key


@functools.lru_cache(maxsize=256)
def _unit_oim(numerator: tuple[str, ...], denominator: tuple[str, ...]) -> str:
    text = "*".join(numerator)
    return text + "/" + "*".join(denominator) if denominator else text


@functools.lru_cache(maxsize=256)
def _unit_id(numerator: tuple[str, ...], denominator: tuple[str, ...]) -> str:
    text = "_".join(m.split(":")[-1] for m in numerator)
    return text + "_per_" + "_".join(m.split(":")[-1] for m in denominator) if denominator else text


@dataclass(frozen=True, slots=True)
class Unit:
    """An XBRL unit as measures in OIM QName form (``iso4217:JPY``)."""

    numerator: tuple[str, ...]
    denominator: tuple[str, ...] = ()

    @property
    def oim(self) -> str:
        return _unit_oim(self.numerator, self.denominator)

    @property
    def xml_id(self) -> str:
        """A readable id usable as an XML NCName: ``JPY``, ``JPY_per_shares``."""
        return _unit_id(self.numerator, self.denominator)

    @property
    def is_monetary(self) -> bool:
        """An amount of money, or money per share."""
        return any(m.startswith("iso4217:") for m in self.numerator)

    def __str__(self) -> str:  # pragma: no cover - display only
        return self.oim


JPY = Unit(("iso4217:JPY",))
USD = Unit(("iso4217:USD",))
SHARES = Unit(("xbrli:shares",))
PURE = Unit(("xbrli:pure",))
JPY_PER_SHARE = Unit(("iso4217:JPY",), ("xbrli:shares",))


@dataclass(frozen=True, slots=True)
class Entity:
    """A reporting company from the entity registry."""

    key: str
    name: str
    scheme: str
    identifier: str
    fiscal_year_end: tuple[int, int]  # (month, day)
    aliases: tuple[str, ...] = ()
    fiscal_year_named_by: str = "start"  # "FY2013" starts in 2013 ("start") or ends in it ("end")

    @property
    def iri_path(self) -> str:
        scheme = {"http://www.sec.gov/CIK": "cik"}.get(self.scheme, self.scheme)
        return f"{_iri_safe(scheme)}/{_iri_safe(self.identifier)}"


def _iri_safe(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-._~" else "_" for c in text)


# ---------------------------------------------------------------- document


@dataclass(frozen=True, slots=True)
class Span:
    """Where a piece of text sits: 1-based line, 0-based [start, end) columns."""

    line: int
    start: int
    end: int


@dataclass(slots=True)
class Cell:
    text: str
    span: Span


@dataclass(slots=True)
class Row:
    line: int
    cells: list[Cell]
    # False for a row written without the table's alignment ("Amount of dividend JPY2,077 million JPY925 million"):
    # its values stand in order in cells 1.., and the tables stage decides which columns they belong to
    placed: bool = True

    @property
    def label(self) -> str:
        return self.cells[0].text.strip() if self.cells else ""


@dataclass(slots=True)
class Block:
    """A run of lines the layout stage recognised: heading, paragraph or table."""

    kind: str  # "heading" | "paragraph" | "table"
    first_line: int  # 1-based
    last_line: int
    level: int = 0  # heading level (1-4) where known
    rows: list[Row] = field(default_factory=list)  # tables only
    headers: tuple[str, ...] = ()  # column headers known from elsewhere (tables rebuilt from running text)
    title: str = ""  # tables rebuilt from running text: the heading they stand under
    currencies: tuple[str | None, ...] = ()  # per column, a currency its cells were marked with ("|$" / "|77,430")


@dataclass(slots=True)
class Document:
    """A decoded text filing; ``lines[0]`` is line 1."""

    name: str  # file name as given, e.g. "iij-2013-11-08-results-1h-fy2013.txt"
    lines: list[str]
    sha256: str
    encoding: str = "utf-8"
    long_lines: tuple[int, ...] = ()  # lines longer than reader.MAX_LINE_CHARS, left unread (blanked)

    @property
    def stem(self) -> str:
        return self.name.rsplit(".", 1)[0] if "." in self.name else self.name

    def line(self, number: int) -> str:
        return self.lines[number - 1]

    def text(self, span: Span) -> str:
        return self.lines[span.line - 1][span.start : span.end]


# ---------------------------------------------------------------- extraction


@dataclass(slots=True)
class Observation:
    """One number or date found in the text, interpreted but not yet mapped.

    ``value`` is the number as presented (sign shown, scale applied); the mapper turns
    it into the concept's natural XBRL sign.
    """

    label: str  # the line item's label, cleaned of footnote marks
    sections: tuple[str, ...]  # enclosing section headers, outermost first
    statement: str  # statement kind, see tables.STATEMENT_KINDS
    span: Span  # the characters tagged in the Inline XBRL (the digits only)
    source_text: str  # the value as written, e.g. "(1,058)"
    value: Value
    period: Period
    unit: Unit | None = None
    decimals: int | None = None  # None means INF
    scale: int = 0  # power of ten the displayed digits are multiplied by
    status: Status = Status.ACTUAL
    dash: bool = False  # written as "-" or "—": zero
    concept: str | None = None  # set when the extractor knows the concept (notices)
    origin: str = "table"  # "table" | "prose"
    period_hint: str = ""  # "beginning" / "end" for instant items in duration columns
    hidden: bool = False  # written in a form no transform reads ("One-half (1/2)"): tagged in ix:hidden
    same_figure: bool = False  # one figure stated for several dates: one fact per date, tagged nested
    contribution: bool = False  # the sign shows the item's effect on its total
    table: int = 0  # first line of the table it came from (0: prose)
    row: int = 0  # row index within that table
    kind: str = ""  # "percent" for a percentage (value already divided by 100)
    negated_wording: bool = False  # stated as a loss, an expense or cash "used in": negative for a signed concept
    declared: bool = False  # declared (a dividend, a split): an actual decision, even for a later date
    superseded: bool = False  # a forecast a revision replaced ("Previous Target (A)", "Original Target")


@dataclass(slots=True)
class Extraction:
    """What an extraction stage found: observations, skipped numbers, messages."""

    observations: list[Observation] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)

    def extend(self, other: Extraction) -> None:
        self.observations += other.observations
        self.skipped += other.skipped
        self.messages += other.messages


@dataclass(slots=True)
class Skip:
    """A number that is deliberately not emitted, and why."""

    span: Span
    text: str
    reason: str
    label: str = ""
    candidates: tuple[str, ...] = ()
    origin: str = "table"  # "table" (a table cell), "prose" (a sentence) or "text" (read by no stage)


@dataclass(slots=True)
class Message:
    level: str  # "warning" | "error"
    text: str
    line: int | None = None


# ---------------------------------------------------------------- facts


@dataclass(slots=True)
class Fact:
    """A fact ready to emit: concept, aspects, value in its natural XBRL sign."""

    id: str
    concept: str  # local name in the ledgerlink taxonomy
    period: Period
    value: Value
    unit: Unit | None
    decimals: int | None  # None = INF (numeric) / not applicable (non-numeric)
    span: Span
    source_text: str
    label: str
    status: Status = Status.ACTUAL
    dimensions: tuple[tuple[str, str], ...] = ()  # ((axis, member), ...) local names
    scale: int = 0
    dash: bool = False
    rule: str = ""  # how the mapper chose the concept
    confidence: float = 1.0
    statement: str = ""  # kind of table or text it came from ("income", "cashflow", ..., "prose")
    hidden: bool = False  # see Observation.hidden

    @property
    def is_numeric(self) -> bool:
        return isinstance(self.value, Decimal)


@dataclass(slots=True)
class Filing:
    """Everything known about one converted filing."""

    document: Document
    entity: Entity
    issued: dt.date
    document_type: str
    blocks: list[Block]
    facts: list[Fact] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
    calc_arcs: dict = field(default_factory=dict)  # role -> [(total, item, weight)] this filing carries
    numbers: dict = field(default_factory=dict)  # numeric tokens of the text: found, emitted, skipped
    rejection: str | None = None  # why the filing cannot be emitted (its report still says what was found)

    @property
    def warnings(self) -> list[Message]:
        return [m for m in self.messages if m.level == "warning"]
