"""Numbers as written in financial text: sign, grouping, decimals, scale and units.

The parser is strict on purpose: a cell either is a well-formed number (with an
optional currency prefix and unit suffix) or it is not a number at all.  Digits
grouped wrongly ("1,2,3", "12,34") are rejected rather than guessed at.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from . import money

DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uff0d"  # hyphen, en/em dashes, minus, fullwidth hyphen
NEGATIVE_MARKS = "\u25b3\u25b2"  # "△" and "▲": a negative number in Japanese releases

# Digits either grouped in threes by commas, or ungrouped; optional decimals.
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SUFFIX = r"(?:%|Gbps|Mbps|Tbps|shares|bps|per\s+(?:common\s+)?share)"

# Possessive spaces (\s*+): each run of spaces is read once, so a cell of a thousand spaces
# fails in linear time (adjacent \s* around optional parts would try every split of the run).
_CELL = re.compile(
    rf"""^\s*+
    (?P<cur0>{money.PREFIX})?\s*+
    (?P<open>\()?\s*+
    (?P<minus>[{DASHES}{NEGATIVE_MARKS}+])?\s*+
    (?P<cur>{money.PREFIX})?\s*+
    (?P<num>{_DIGITS})
    (?:\s*+(?P<scale>{money.SCALE}))?
    \s*+(?:(?P<word>{money.SUFFIX})|(?P<code>{money.CODE_AFTER}))?
    \s*+(?P<suffix>{_SUFFIX})?\s*+
    (?P<close>\))?\s*+$""",
    re.VERBOSE | re.IGNORECASE,
)
_DASH_CELL = re.compile(rf"^\s*(?:[{DASHES}\u2015\u30fc]|--)\s*$")

SCALE_WORDS = money.SCALE_WORDS


@dataclass(frozen=True, slots=True)
class Number:
    """A parsed number: unsigned magnitude plus how it was written."""

    magnitude: Decimal  # as displayed, before scale
    negative: bool  # in parentheses or with a minus sign
    places: int  # digits after the decimal point
    start: int  # offsets of the digits within the parsed text
    end: int
    currency: str = ""
    suffix: str = ""
    scale: int = 0  # from a scale word written with the number ("620 million": 6)

    @property
    def signed(self) -> Decimal:
        return -self.magnitude if self.negative else self.magnitude

    def decimals(self, scale: int) -> int:
        """XBRL decimals for this number displayed at 10**scale."""
        return self.places - scale


@functools.lru_cache(maxsize=8192)
def parse_cell(text: str, dollar: str = "USD") -> Number | None:
    """Parse a whole table cell; None when it is not exactly one number.

    >>> n = parse_cell("£572.6m"); (n.magnitude, n.currency, n.scale)
    (Decimal('572.6'), 'GBP', 6)
    >>> n = parse_cell("14.7p"); (n.magnitude, n.currency, n.scale)
    (Decimal('14.7'), 'GBP', -2)
    >>> n = parse_cell("$ (1,234)"); (n.signed, n.currency)
    (Decimal('-1234'), 'USD')
    >>> parse_cell("△1,500").signed, parse_cell("1,2,3")
    (Decimal('-1500'), None)
    """
    m = _CELL.match(text)
    if not m or bool(m["open"]) != bool(m["close"]) or (m["cur0"] and m["cur"]):
        return None
    if m["minus"] == "+" and m["open"]:
        return None
    digits = m["num"]
    places = len(digits.split(".", 1)[1]) if "." in digits else 0
    scale_word = m["scale"] or ""
    if scale_word and len(scale_word) == 1 and not (m["cur0"] or m["cur"] or m["code"]):
        return None  # "12 m", "5k": a short scale letter only counts beside a currency ("£572.6m")
    currency = money.code_of(m["cur0"] or m["cur"] or m["code"] or "", dollar) or ""
    scale = money.scale_of(scale_word)
    if m["word"]:
        sub = money.subunit(m["word"], currency or None)
        if sub is not None:
            if scale:
                return None  # "5 million cents": not a way amounts are written
            currency, scale = sub
        elif (code := money.code_of(m["word"], dollar)) is not None:
            if currency and currency != code:
                return None
            currency = code
    return Number(
        magnitude=Decimal(digits.replace(",", "")),
        negative=bool(m["open"] or (m["minus"] and m["minus"] != "+")),
        places=places,
        start=m.start("num"),
        end=m.end("num"),
        currency=currency,
        suffix=m["suffix"] or "",
        scale=scale,
    )


def currency_code(text: str) -> str | None:
    """ISO 4217 code of a currency as written ("JPY", "yen", "U.S. Dollars", "$", "€"), else None."""
    return money.code_of(text)


def is_dash(text: str) -> bool:
    """"-", "—", "－", "--": nothing stated (or nil, in a statement)."""
    return bool(_DASH_CELL.match(text))


# A note after a value in its cell: "JPY1,250 (paid)", "55.45 (*)", "10.25(*1)", "30.00 (forecast)".
_NOTE = re.compile(r"(?<!\s)\s*(?:\((?:\*\s?\d{0,2}|note\s?\d{0,2}|paid|forecast|estimated?|planned|scheduled|provisional|"
                   r"projected|target|results?|actual)\)|\*\d{1,2}|※\d?)$", re.I)
_FORECAST_NOTE = re.compile(r"forecast|estimate|planned|scheduled|projected|target|provisional", re.I)


# A parenthesis after a value that restates it in another currency or gives its change:
# "JPY106,248 million  ($1,128.4 million, up 9.2% YoY)".
_TRANSLATION_NOTE = re.compile(r"(?<!\s)\s*\((?=[^()]*(?:\$|US\$|USD|€|£|%|percent|YoY|\bup\b|\bdown\b))[^()]{1,80}\)$", re.I)


def split_note(text: str) -> tuple[str, str]:
    """A cell's value and the note after it ("" when there is none).

    >>> split_note("JPY1,250 (paid)"), split_note("55.45 (*)"), split_note("1,234")
    (('JPY1,250', '(paid)'), ('55.45', '(*)'), ('1,234', ''))
    """
    core, notes = text.rstrip(), []
    while ((m := _NOTE.search(core)) or (m := _TRANSLATION_NOTE.search(core))) and m.start() > 0:
        notes.insert(0, m.group(0).strip())
        core = core[:m.start()].rstrip()
    return core, " ".join(notes)


def note_is_forecast(note: str) -> bool:
    return bool(_FORECAST_NOTE.search(note))


_DIGIT = re.compile(r"\d")


def has_digit(text: str) -> bool:
    return _DIGIT.search(text) is not None


def scaled(number: Number, scale: int) -> Decimal:
    """The value a displayed number stands for: ``54,396,959`` thousands -> 54396959000."""
    return normalize_decimal(number.signed.scaleb(scale)) if scale else number.signed


def normalize_decimal(value: Decimal) -> Decimal:
    """Drop the exponent so that ``str()`` never gives scientific notation."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def decimal_text(value: Decimal) -> str:
    """Canonical lexical form for XBRL and xsd:decimal: no exponent, no trailing zeros."""
    text = format(normalize_decimal(value), "f")
    if text in ("-0", "-0.0"):
        return "0"
    return text
