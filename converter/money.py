"""One vocabulary of money and scale for every stage: currency codes and symbols, subunits,
scale words and the unit captions tables carry.

Releases write money in many ways: "JPY54,397 million", "¥110,206", "$ 67,184", "€21.4
billion", "£572.6m", "14.7p", "90 cents", "3,774.5 billion yen", "CHF 1.2bn".  Each
stage that reads an amount asks this module, so a currency or scale word learnt here is
learnt everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# ISO 4217 codes in use.  Codes that are also English words ("ALL", "TOP", "CUP", "PEN", ...)
# are left out: written next to a number they are far more often words than currencies.
ISO_CODES = frozenset("""
AED AFN AMD ANG AOA ARS AUD AWG AZN BBD BDT BGN BHD BIF BMD BND BRL BSD BTN BWP BYN BZD CAD CDF CHF
CLP CNY COP CRC CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GHS GIP GMD GNF GTQ GYD HKD HNL HTG
HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD
MDL MGA MKD MMK MNT MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PGK PHP PKR PLN PYG QAR
RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SRD SSP STN SVC SYP SZL THB TJS TMT TND TRY TTD TWD TZS
UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL
""".split())

# Symbols and prefixes, longest first where one is a prefix of another.
SYMBOLS = {
    "US$": "USD", "U.S.$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "HK$": "HKD",
    "NZ$": "NZD", "S$": "SGD", "R$": "BRL", "NT$": "TWD", "RMB": "CNY", "$": "USD", "¥": "JPY", "￥": "JPY",
    "€": "EUR", "£": "GBP", "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY", "Fr.": "CHF", "SFr.": "CHF",
}
# Currency words written after a number ("22.00 yen", "4 euros") or in captions ("Millions of yen").
WORDS = {
    "yen": "JPY", "euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD", "u.s. dollar": "USD",
    "u.s. dollars": "USD", "us dollars": "USD", "us dollar": "USD", "pound": "GBP", "pounds": "GBP",
    "pounds sterling": "GBP", "sterling": "GBP", "swiss francs": "CHF", "swiss franc": "CHF", "francs": "CHF",
    "yuan": "CNY", "renminbi": "CNY", "won": "KRW", "rupees": "INR", "rupee": "INR",
}
# Subunits: the currency they belong to (None: the dollar-like currency in hand) and the power of ten.
SUBUNITS = {"p": ("GBP", -2), "pence": ("GBP", -2), "penny": ("GBP", -2), "cents": (None, -2), "cent": (None, -2),
            "¢": (None, -2), "c": (None, -2)}

SCALE_WORDS = {"thousand": 3, "thousands": 3, "million": 6, "millions": 6, "billion": 9, "billions": 9,
               "trillion": 12, "trillions": 12, "k": 3, "m": 6, "mn": 6, "mm": 6, "mln": 6, "bn": 9, "b": 9,
               "bln": 9, "tn": 12, "tr": 12}

_SYMBOL_ALT = "|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True))
_CODE_ALT = "|".join(sorted(ISO_CODES))
# A currency written before a number: a symbol or an ISO code ("JPY", "USD", "CHF").
PREFIX = rf"(?:{_SYMBOL_ALT}|(?<![A-Za-z])(?:{_CODE_ALT})(?![A-Za-z]))"
# A scale word written with a number: "million", "bn", "m" (the short forms only glued or after a space).
SCALE = r"(?:thousands?|millions?|billions?|trillions?|mln|bln|mn|mm|bn|tn|[kKmMbB])(?![A-Za-z])"
# A currency word or subunit written after a number.
SUFFIX = (r"(?:yen|euros?|(?:U\.?S\.?\s+)?dollars?|pounds?(?:\s+sterling)?|(?:swiss\s+)?francs?|yuan|renminbi"
          r"|rupees?|pence|cents?|¢|p(?![A-Za-z])|c(?![A-Za-z]))")
# ISO code written after a number ("1,200 EUR", "3.5 billion JPY").
CODE_AFTER = rf"(?:{_CODE_ALT})(?![A-Za-z])"


def code_of(text: str, dollar: str = "USD") -> str | None:
    """The ISO 4217 code of a currency as written, else None.

    >>> code_of("€"), code_of("JPY"), code_of("U.S. Dollars"), code_of("yen"), code_of("$", dollar="CAD")
    ('EUR', 'JPY', 'USD', 'JPY', 'CAD')
    """
    t = " ".join(text.strip().split())
    if not t:
        return None
    if t in SYMBOLS:
        return dollar if t == "$" else SYMBOLS[t]
    if t.upper() in ISO_CODES and (t.isupper() or len(t) == 3):
        return t.upper()
    lowered = t.lower().rstrip(".")
    lowered = re.sub(r"^u\.?\s?s\.?\s*", "u.s. ", lowered) if re.match(r"^u\.?\s?s\.?\s*dollar", lowered) else lowered
    if lowered in WORDS:
        return WORDS[lowered]
    if lowered.replace(" ", "") in ("usdollar", "usdollars", "u.s.dollar", "u.s.dollars"):
        return "USD"
    return None


def subunit(text: str, currency: str | None) -> tuple[str, int] | None:
    """A subunit ("p", "pence", "cents") as (currency, power of ten), given the currency in hand.

    >>> subunit("pence", None), subunit("cents", "USD"), subunit("cents", "EUR"), subunit("cents", None)
    (('GBP', -2), ('USD', -2), ('EUR', -2), ('USD', -2))
    """
    found = SUBUNITS.get(text.strip().lower())
    if found is None:
        return None
    code, power = found
    return (code or currency or "USD"), power


def scale_of(word: str) -> int:
    """The power of ten a scale word stands for ("million" 6, "bn" 9, "m" 6); 0 when none."""
    return SCALE_WORDS.get(word.strip().lower().rstrip("."), 0)


# ---------------------------------------------------------------- unit captions


@dataclass(frozen=True, slots=True)
class UnitCaption:
    """What a table's unit caption says: "(In millions, except per share amounts)" is scale 6,
    no currency named (the reporting currency), per-share amounts unscaled."""

    currency: str | None
    scale: int
    per_share_unscaled: bool = False  # "except per share amounts/data"
    shares_scale: int | None = None  # "number of shares ... in thousands"; None when not said


_CAPTION_SCALE = re.compile(
    r"\b(?:in\s+|amounts?\s+in\s+|unit\s*:\s*|figures?\s+in\s+)?(?P<scale>thousands?|millions?|billions?|trillions?)\b"
    r"(?:\s+of\s+(?P<cur_after>[A-Za-z.€£$¥ ]{1,20}?)(?=[,;)]|\s+(?:and|unless|except)\b|$))?", re.I)
_CAPTION_SHORT = re.compile(rf"(?P<cur>{PREFIX})\s?(?P<scale>m|mn|bn|k|million|billion|thousand)\b", re.I)
_CAPTION_WORD_SCALE = re.compile(r"(?P<cur>yen|JPY|USD|EUR|GBP|CHF|euros?)\s+(?P<scale>thousands?|millions?|billions?)\b"
                                 r"|(?P<scale2>thousands?|millions?|billions?)\s+(?:of\s+)?(?P<cur2>yen|JPY|USD|EUR|GBP|CHF"
                                 r"|U\.?S\.?\s+dollars|dollars|euros?)\b", re.I)
_EXCEPT_PER_SHARE = re.compile(r"\bexcept\b[^)]*\bper[- ]share\b|\bper[- ]share\b[^)]*\bin\s+(?:yen|dollars|euros|[€£$¥])",
                               re.I)
_SHARES_IN = re.compile(r"\bshares?\b[^)]*?\b(?:in|reflected\s+in)\s+(?P<scale>thousands|millions)\b|\(000'?s\)", re.I)


def unit_caption(text: str) -> UnitCaption | None:
    """The unit a caption states for a table, or None when it states none.

    >>> unit_caption("(In millions, except per share amounts)")
    UnitCaption(currency=None, scale=6, per_share_unscaled=True, shares_scale=6)
    >>> unit_caption("(Millions of yen)").currency, unit_caption("£ million unless otherwise stated").scale
    ('JPY', 6)
    >>> unit_caption("Fiscal year (in millions of €, earnings per share in €)").currency
    'EUR'
    """
    if not re.search(r"thousand|million|billion|trillion|\b(?:m|mn|bn|k)\b|000'?s", text, re.I):
        return None
    currency = None
    scale = None
    if m := _CAPTION_WORD_SCALE.search(text):
        currency = code_of(m["cur"] or m["cur2"])
        scale = scale_of(m["scale"] or m["scale2"])
    elif m := _CAPTION_SHORT.search(text):
        currency, scale = code_of(m["cur"]), scale_of(m["scale"])
    elif m := _CAPTION_SCALE.search(text):
        scale = scale_of(m["scale"])
        if m["cur_after"]:
            currency = code_of(m["cur_after"].strip())
    if scale is None:
        if re.search(r"\(000'?s\)|\bin\s+000s\b", text, re.I):
            scale = 3
        else:
            return None
    if currency is None:  # "(€ in millions)", "USD in thousands", "(in JPY millions)"
        for m in re.finditer(rf"{PREFIX}|\b(?:yen|euros?|dollars)\b", text):
            if (code := code_of(m.group(0))) is not None:
                currency = code
                break
    shares = _SHARES_IN.search(text)
    shares_scale = (3 if shares.group(0).startswith("(") else scale_of(shares["scale"])) if shares else None
    except_per_share = bool(_EXCEPT_PER_SHARE.search(text))
    if shares_scale is None and currency is None and except_per_share and not re.search(
            r"\bshares?\b", re.sub(r"\bper[- ]share\b", "", text, flags=re.I), re.I):
        # "(In thousands, except per share amounts)": everything but per-share amounts is in thousands, share
        # counts included (a caption naming a currency, "Thousands of JPY", says nothing of share counts)
        shares_scale = scale
    return UnitCaption(currency, scale, except_per_share, shares_scale)


def is_currency_word(text: str) -> bool:
    return code_of(text) is not None
