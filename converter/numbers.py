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

DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"  # hyphen, en/em dashes, minus

# Digits either grouped in threes by commas, or ungrouped; optional decimals.
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_CURRENCY = r"(?:JPY|USD|US\$|\$|¥|￥)"
_SUFFIX = r"(?:%|Gbps|Mbps|Tbps|shares|yen)"

_SCALE_WORD = r"(?:thousand|million|billion|trillion)s?"
# Possessive spaces (\s*+): each run of spaces is read once, so a cell of a thousand spaces
# fails in linear time (adjacent \s* around optional parts would try every split of the run).
_CELL = re.compile(
    rf"""^\s*+
    (?P<open>\()?\s*+
    (?P<minus>[{DASHES}])?\s*+
    (?P<cur>{_CURRENCY})?\s*+
    (?P<num>{_DIGITS})
    (?:\s++(?P<scale>{_SCALE_WORD}))?
    \s*+(?P<suffix>{_SUFFIX})?\s*+
    (?P<close>\))?\s*+$""",
    re.VERBOSE | re.IGNORECASE,
)
_DASH_CELL = re.compile(rf"^\s*[{DASHES}]\s*$")

_CURRENCY_CODES = {"JPY": "JPY", "¥": "JPY", "￥": "JPY", "USD": "USD", "US$": "USD", "$": "USD"}
SCALE_WORDS = {"thousand": 3, "thousands": 3, "million": 6, "millions": 6, "billion": 9, "billions": 9,
               "trillion": 12, "trillions": 12}


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
def parse_cell(text: str) -> Number | None:
    """Parse a whole table cell; None when it is not exactly one number."""
    m = _CELL.match(text)
    if not m or bool(m["open"]) != bool(m["close"]):
        return None
    digits = m["num"]
    places = len(digits.split(".", 1)[1]) if "." in digits else 0
    return Number(
        magnitude=Decimal(digits.replace(",", "")),
        negative=bool(m["open"] or m["minus"]),
        places=places,
        start=m.start("num"),
        end=m.end("num"),
        currency=_CURRENCY_CODES.get((m["cur"] or "").upper(), m["cur"] or ""),
        suffix=m["suffix"] or "",
        scale=SCALE_WORDS.get((m["scale"] or "").lower(), 0),
    )


def currency_code(text: str) -> str | None:
    """ISO 4217 code of a currency as written ("JPY", "yen", "U.S. Dollars", "$"), else None."""
    t = text.strip().lower().replace(" ", "")
    if t in ("jpy", "yen", "¥", "￥"):
        return "JPY"
    if t in ("usd", "us$", "$") or t.startswith("u.s.dollar") or t.startswith("usdollar"):
        return "USD"
    return None


def is_dash(text: str) -> bool:
    return bool(_DASH_CELL.match(text))


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
