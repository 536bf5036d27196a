"""Dividends and stock splits stated in sentences, in the words any company uses.

"The Board declared a cash dividend of $0.82 per common share, to be paid on August 13,
2020 to shareholders of record at the close of business on August 10, 2020."  "The Board
also approved a four-for-one stock split ... Shareholders of record at the close of
business on August 24, 2020 will receive three additional shares for each share ... the
shares will trade on a split-adjusted basis from August 31, 2020."  "... a split of the
company's outstanding shares of common stock at a ratio of 3:1."  "... the interim
dividend is set at 12 yen per share."

Each statement yields observations labelled the way the taxonomy names them (the mapper
still decides the concept): the dividend per share (with its kind: quarterly, special,
interim, year-end, final, annual), its record and payment dates; the split ratio, its
record, distribution and first split-adjusted trading dates.  A split's facts are dated by
the day the split takes effect as the text states it (the first day of split-adjusted
trading, else its effective date, its distribution date or its record date), so two
releases about the same split state the same fact.  A dividend declared without a fiscal
period (a US quarterly dividend) is dated by its record date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from . import money
from .model import PURE, Block, Document, Extraction, Observation, Period, Skip, Span, Status, Unit
from .periods import FiscalCalendar, find_dates

_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "twenty": 20, "fifty": 50, "hundred": 100}
_N = r"(?:\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred)"
# "four-for-one stock split", "50-for-1 split", "3-for-1 forward split", "two-for-one"
_FOR = re.compile(rf"\b(?P<a>{_N})[- ]for[- ](?P<b>{_N})\b(?=[^.]{{0,40}}\bsplit)", re.I)
# "at a ratio of 3:1", "ratio of 1:200", "split ... 1:2"
_COLON = re.compile(r"\b(?:ratio\s+of\s+|split\s+(?:ratio\s+)?(?:of\s+)?)(?P<a>\d{1,4})\s*:\s*(?P<b>\d{1,4})\b"
                    r"|\b(?P<a2>\d{1,4})\s*:\s*(?P<b2>\d{1,4})\s+(?:stock\s+|share\s+)?split\b", re.I)
# "each share ... will be split into two shares"
_INTO = re.compile(rf"\bsplit\s+into\s+(?P<b>{_N})\s+shares\b", re.I)
_REVERSE = re.compile(r"\breverse\s+(?:stock\s+)?split\b|\bshare\s+consolidation\b|\bconsolidat\w+\s+of\s+shares\b", re.I)
_SPLIT_WORD = re.compile(r"\bsplit\b", re.I)
_STOCK_DIVIDEND = re.compile(r"\b(?:stock|share)\s+dividends?\b", re.I)


def _cash_dividend(text: str) -> bool:
    """Does the text speak of a dividend paid in cash?  A split "effected in the form of a stock
    dividend" does not."""
    return bool(re.search(r"\bdividends?\b", _STOCK_DIVIDEND.sub(" ", text), re.I))


def _number(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else _WORD_NUMBERS[word]


@dataclass
class _Stated:
    label: str
    date: dt.date
    span: Span
    text: str


_DATE_RULES: list[tuple[str, re.Pattern[str]]] = [
    # (what the date is, the words just before it)
    ("effective date", re.compile(r"(?:\beffective\s+date(?:\s+of\s+the\s+(?:stock\s+)?split)?\s*(?:is|was|will\s+be|:|\|)?"
                                  r"|\b(?:becomes?|become|takes?|will\s+take)\s+effect(?:ive)?\s+on|^\s*Effective)\s*"
                                  r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?$", re.I)),
    ("first split-adjusted trading date", re.compile(
        r"(?:(?:post-split|split-adjusted)\s+basis\b[^.]{0,60}?\b(?:from|on|beginning|at\s+(?:the\s+)?market\s+open\s+on)"
        r"|(?:post-split|split-adjusted)\s+trading\s+(?:is\s+expected\s+to\s+)?begins?\s+(?:on)?"
        r"|will\s+trade\s+on\s+a\s+split-adjusted\s+basis\s+(?:from|on|beginning))\s*$", re.I)),
    ("split distribution date", re.compile(
        r"(?:distributed|payable|issued)\s+(?:after\s+the\s+(?:market|close)\s+(?:closes?\s+)?on|"
        r"after\s+the\s+close\s+of\s+(?:the\s+)?(?:market|trading)\s+on|on)\s*$", re.I)),
    ("record date", re.compile(
        r"(?:of\s+record|record\s+date|on\s+the\s+(?:share\s+)?register(?:\s+of\s+members)?)\s*"
        r"(?:(?:at|as\s+of|as\s+at)\s+the\s+close\s+of\s+business\s+)?(?:on|as\s+of|as\s+at|at|is|of|was|:|,)?\s*$",
        re.I)),
    ("payment date", re.compile(r"(?:(?:to\s+be\s+)?paid|payable|payment)\s+(?:on\s+)?$", re.I)),
    ("ex-dividend date", re.compile(r"\bex-?(?:dividend)?(?:\s+date)?\s*(?:is|of|will\s+be|was|on|:|,)?\s*$", re.I)),
    ("general meeting date", re.compile(
        r"(?:general\s+meeting\s+of\s+shareholders|annual\s+(?:general\s+)?meeting(?:\s+of\s+shareholders)?)"
        r"(?:,)?\s+(?:to\s+be\s+held\s+|scheduled\s+)?(?:on|for)\s*$", re.I)),
]


_SPLIT_ROLES = ("first split-adjusted trading date", "split distribution date")


def _dates_with_roles(text: str, offset, line: int, dividend: bool = False) -> list[_Stated]:
    """Each date of a sentence whose role the words just before it name; in a sentence about a
    dividend, "payable on" is the payment date, not a split's distribution."""
    out = []
    for d in find_dates(text):
        if d.date is None:
            continue
        before = text[max(0, d.start - 140):d.start]
        weekday = re.match(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+", d.text, re.I)
        start = d.start + (weekday.end() if weekday else 0)  # the date itself is tagged, not its weekday
        for role, pattern in _DATE_RULES:
            if dividend and role in _SPLIT_ROLES:
                continue
            if pattern.search(before):
                out.append(_Stated(role, d.date, offset(start, d.end), text[start:d.end]))
                break
    return out


_NUM = r"(?<![\d,.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"  # 1,500 or 0.82 (from the start of the figure only)
_DPS = re.compile(
    rf"(?:\b(?P<kind>quarterly|special|regular\s+quarterly|interim|year-end|final|annual|ordinary|commemorative)\s+)?"
    rf"(?:\bcash\s+)?\bdividends?\s+(?:of\s+surplus\s+)?(?:\w+\s+){{0,8}}?(?:of|at|is|was|to|be)\s+"
    rf"(?P<amount>(?:{money.PREFIX})\s?{_NUM}|{_NUM}\s?(?:cents|yen|pence|p)\b)\s+"
    r"(?:per\s+(?:share|common\s+share)|a\s+share)", re.I)
_PER_SHARE_DIVIDEND = re.compile(
    rf"(?P<amount>(?:{money.PREFIX})\s?{_NUM}|{_NUM}\s?(?:cents|yen|pence)\b)\s+per\s+(?:common\s+)?share",
    re.I)
_KIND_WORD = re.compile(r"\b(quarterly|special|interim|year-end|final|annual|full[- ]year|commemorative)\b", re.I)
_FISCAL_LABEL = re.compile(r"\b(?:FY\s?(?P<a>\d{4})|fiscal\s+(?:year\s+)?(?P<b>\d{4})|(?:fiscal\s+)?year\s+end(?:ing|ed)\s+"
                           r"(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}))", re.I)
_FORECAST_WORDS = re.compile(r"\b(?:expects?|expected|plans?|planned|forecasts?|targets?|intends?|proposes?|proposed|"
                             r"to\s+pay|will\s+pay)\b", re.I)
_SUPERSEDED_AMOUNT = re.compile(rf"\b(?:earlier|previous|prior|original|initial)\s+(?:forecast|target|plan)\s+(?:was|of|had\s+been)\s+"
                                rf"(?P<amount>(?:{money.PREFIX})\s?{_NUM}|{_NUM}\s?(?:cents|yen|pence|p)\b)",
                                re.I)
_DECLARED = re.compile(r"\b(?:declared|approved|resolved|decided|set\s+at|is\s+set\s+at|will\s+pay|to\s+pay|"
                       r"propose[sd]?|raise[sd]?|increase[sd]?)\b", re.I)


@dataclass
class Context:
    cal: FiscalCalendar
    issued: dt.date | None
    currency: str
    result: Extraction


def extract(doc: Document, blocks: list[Block], cal: FiscalCalendar, issued: dt.date | None, currency: str,
            skip_lines: set[int]) -> Extraction:
    """Dividends and splits stated in the sentences of a document (outside its tables)."""
    ctx = Context(cal, issued, currency, Extraction())
    day = split_day(doc, blocks)
    for block in blocks:
        if block.kind == "table":
            continue
        sentences = [(line[s:e], (lambda a, b, s=s, n=number: Span(n, s + a, s + b)))
                     for number in range(block.first_line, block.last_line + 1) if number not in skip_lines
                     for line in (doc.line(number),) for s, e in _sentences(line)]
        about_split = any(_SPLIT_WORD.search(text) for text, _ in sentences)
        fiscal_year = None  # the fiscal year the paragraph named last
        for i, (text, offset) in enumerate(sentences):
            if about_split and not _cash_dividend(text):
                _split(ctx, text, offset, day)
            if (named := _fiscal_year_in(text, ctx)) is not None:
                fiscal_year = named
            if _cash_dividend(text):
                # the dates may be in the sentence that follows ("It will be paid May 26, 2017, to ...")
                follow = sentences[i + 1] if i + 1 < len(sentences) and _refers_back(sentences[i + 1][0]) else None
                _dividend(ctx, text, offset, follow, fiscal_year)
            _meeting(ctx, text, offset)
    for skip in ctx.result.skipped:
        skip.origin = "prose"
    return ctx.result


_ABBREVIATION = re.compile(r"\b(?:Inc|Co|Ltd|Corp|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|Wash|Calif|Ark)$")


def _sentences(line: str) -> list[tuple[int, int]]:
    """Sentence spans of a line ("Feb. 22" and "Inc." do not end one)."""
    spans, start = [], 0
    for m in re.finditer(r"\.\s+(?=[A-Z(])", line):
        if _ABBREVIATION.search(line, max(start, m.start() - 6), m.start()):
            continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(line)))
    return spans


def split_day(doc: Document, blocks: list[Block], skip_lines: set[int] = frozenset()) -> Period | None:
    """The day a split takes effect, as the text states it: the first day of split-adjusted trading,
    else its distribution date, else its record date (a one-day period, as in the split notices)."""
    found: dict[str, dt.date] = {}
    text = "\n".join(doc.lines)
    if not _SPLIT_WORD.search(text):
        return None
    for number, line in enumerate(doc.lines, start=1):
        if number in skip_lines or not _SPLIT_WORD.search(line) and not re.search(
                r"\brecord\b|post-split|split-adjusted|\beffective\b", line, re.I) or _cash_dividend(line):
            continue
        for stated in _dates_with_roles(line, lambda a, b: Span(number, a, b), number):
            found.setdefault(stated.label, stated.date)
    for role in ("effective date", "first split-adjusted trading date", "split distribution date", "record date"):
        if role in found:
            return Period(start=found[role], end=found[role])
    return None


def _split(ctx: Context, text: str, offset, day: Period | None) -> None:
    """The ratio of a split the sentence announces, and the split's dates."""
    reverse = bool(_REVERSE.search(text))
    found = []
    for m in _FOR.finditer(text):
        a, b = _number(m["a"]), _number(m["b"])
        found.append((m.start("a"), m.end("a"), m.group(0), a, b, m["a"].isdigit()))
    for m in _COLON.finditer(text):
        first, second = ("a", "b") if m["a"] else ("a2", "b2")
        a, b = int(m[first]), int(m[second])
        big = first if a >= b else second
        found.append((m.start(big), m.end(big), m.group(0), max(a, b), min(a, b), True))
    for m in _INTO.finditer(text):
        found.append((m.start("b"), m.end("b"), m.group(0), _number(m["b"]), 1, m["b"].isdigit()))
    for start, end, source, a, b, digits in found:
        span = offset(start, end)
        if day is None:
            ctx.result.skipped.append(Skip(span, source, "split ratio without a date the split takes effect", "split ratio"))
            continue
        if b == 0 or a == 0:
            continue
        new, old = (a, b) if not reverse else (min(a, b), max(a, b))
        value = Decimal(new) / Decimal(old)
        if value * old != new:
            continue
        obs = Observation(label="stock split ratio", sections=("stock split",), statement="prose", span=span,
                          source_text=source, value=value.normalize() if value != value.to_integral() else Decimal(int(value)),
                          period=day, unit=PURE, decimals=None, origin="prose")
        obs.hidden = not digits or old != 1  # "four-for-one": the value 4 is not written as a figure
        ctx.result.observations.append(obs)
    if day is not None:
        for stated in _dates_with_roles(text, offset, 0):
            label = {"first split-adjusted trading date": "effective date", "effective date": "effective date",
                     "split distribution date": "split distribution date", "record date": "record date"}.get(stated.label)
            if label and not _cash_dividend(text[:text.find(stated.text)][-120:]):
                ctx.result.observations.append(Observation(
                    label=label, sections=("stock split",), statement="prose", span=stated.span, source_text=stated.text,
                    value=stated.date, period=day, origin="prose"))


_FOLLOWS = re.compile(r"(?<!\s)\s*(?:It|They|This\s+dividend|The\s+dividend|The\s+payment)\b")
_THE_DIVIDEND = re.compile(r"\b(?:the|this)\s+(?:(?:proposed|recommended|declared|final|interim|quarterly|special|year-end)\s+)*"
                           r"(?:dividend|payment)\b", re.I)


_EX_DIVIDEND = re.compile(r"\bex-?dividend\b", re.I)


def _refers_back(sentence: str) -> bool:
    """Does a sentence speak of the dividend the one before declared, stating no amount of its own?
    "It will be paid May 26, 2017, to ..."; "Subject to approval at the AGM, the final dividend will
    be paid on 20 June 2025 to shareholders on the register ..."; "The ex-dividend date is ..."."""
    return bool(_FOLLOWS.match(sentence) or _THE_DIVIDEND.search(sentence) or _EX_DIVIDEND.search(sentence)) and not (
        _DPS.search(sentence) or _PER_SHARE_DIVIDEND.search(sentence))


def _dividend(ctx: Context, text: str, offset, follow=None, fiscal_year: int | None = None) -> Observation | None:
    """A dividend per share the sentence declares, with its kind, and its record and payment dates.
    ``fiscal_year``: the year the paragraph named last ("... a FY2010 year-end dividend of JPY1,500 ...
    the dividend for the full year comes to JPY2,750 per share")."""
    m = _DPS.search(text) or _PER_SHARE_DIVIDEND.search(text)
    if m is None or not _DECLARED.search(text[:m.start() + 1] + text[m.end():]) and not re.search(
            r"dividend\s+(?:of|at)\b", text, re.I) and not _FORECAST_WORDS.search(text[:m.start()]):
        return None
    amount = m["amount"]
    # the kind: written before "dividend" in the match, or in the words between "dividend" and the amount
    # ("the dividend for the full year comes to ..."), else just before the match
    kind_m = (m.groupdict().get("kind") and m) or _KIND_WORD.search(text, m.start(), m.start("amount")) or \
        _KIND_WORD.search(text[:m.start()][-30:])
    kind = (kind_m.group("kind") if kind_m is m else kind_m.group(1)) if kind_m else ""
    kind = (kind or "").lower().replace("regular ", "")
    kind = "annual" if kind.startswith("full") else kind
    stated_year = _fiscal_year_in(text[:m.start("amount")], ctx)  # not "... up JPY500 on FY2009"
    fiscal_year = stated_year if stated_year is not None else fiscal_year
    forecast = bool(_FORECAST_WORDS.search(text[:m.start()]))
    dates = _dates_with_roles(text, offset, 0, dividend=True)
    if follow is not None:  # the roles this sentence leaves open ("The ex-dividend date is ...")
        stated = {d.label for d in dates}
        dates += [d for d in _dates_with_roles(follow[0], follow[1], 0, dividend=True) if d.label not in stated]
    record = next((d for d in dates if d.label == "record date"), None)
    cur_m = re.match(rf"(?P<cur>{money.PREFIX})\s?(?P<num>[\d,]+(?:\.\d+)?)|(?P<num2>[\d,]+(?:\.\d+)?)\s?(?P<word>cents|yen|pence|p)",
                     amount, re.I)
    if cur_m is None:
        return None
    number = cur_m["num"] or cur_m["num2"]
    scale = 0
    if cur_m["cur"]:
        currency = money.code_of(cur_m["cur"]) or ctx.currency
    elif cur_m["word"].lower() in ("cents", "pence", "p"):
        sub = money.subunit(cur_m["word"], ctx.currency if cur_m["word"].lower() == "cents" else None)
        currency, scale = sub if sub else (ctx.currency, 0)
    else:
        currency = money.code_of(cur_m["word"]) or ctx.currency
    num_start = m.start("amount") + (cur_m.start("num") if cur_m["num"] else cur_m.start("num2"))
    span = offset(num_start, num_start + len(number))
    if currency != ctx.currency:
        ctx.result.skipped.append(Skip(span, amount, f"dividend in {currency}, not the reporting currency", "dividend"))
        return None
    period = _dividend_period(kind, record, ctx, fiscal_year)
    if period is None:
        ctx.result.skipped.append(Skip(span, amount, "dividend per share without a record date or fiscal period",
                                       "dividend per share"))
        return None
    value = Decimal(number.replace(",", "")).scaleb(scale)
    places = len(number.split(".")[1]) if "." in number else 0
    label = {"interim": "interim dividend per share", "year-end": "year-end dividend per share",
             "final": "year-end dividend per share", "annual": "annual dividend per share"}.get(kind,
                                                                                                "dividend per share")
    dividend = Observation(
        label=label, sections=("dividend",) + ((kind,) if kind else ()), statement="prose", span=span,
        source_text=amount, value=value.normalize() if value != value.to_integral() else value,
        period=period, unit=Unit((f"iso4217:{currency}",), ("xbrli:shares",)), decimals=places - scale, origin="prose",
        declared=not forecast, status=Status.FORECAST if forecast else Status.ACTUAL)
    ctx.result.observations.append(dividend)
    if forecast and (old := _SUPERSEDED_AMOUNT.search(text, m.end())):
        # "... of JPY1,500 per share; its earlier forecast was JPY1,250": the forecast this one replaced
        digits = re.search(r"(?<![\d,])[\d,]*\d(?:\.\d+)?", old["amount"])
        start = old.start("amount") + digits.start()
        ctx.result.observations.append(replace(
            dividend, span=offset(start, start + len(digits.group(0))), source_text=old["amount"],
            value=Decimal(digits.group(0).replace(",", "")),
            decimals=len(digits.group(0).split(".")[1]) if "." in digits.group(0) else 0,
            superseded=True))
    for stated in dates:
        if stated.label in ("record date", "payment date", "ex-dividend date"):
            ctx.result.observations.append(Observation(
                label=f"dividend {stated.label}", sections=("dividend",), statement="prose", span=stated.span,
                source_text=stated.text, value=stated.date, period=period, origin="prose"))
    return dividend


def _dividend_period(kind: str, record: _Stated | None, ctx: Context, fiscal_year: int | None = None) -> Period | None:
    """Interim: the first half; year-end / final / annual: the fiscal year (named in the text, or the
    one holding the record date on the calendar); a dividend declared without a period of its own: its
    record date."""
    if kind in ("interim", "year-end", "final", "annual") and ctx.cal.known:
        fy = fiscal_year if fiscal_year is not None else _year_of_record(kind, record.date, ctx.cal) if record else None
        if fy is not None:
            return ctx.cal.half(fy, 1) if kind == "interim" else ctx.cal.year(fy)
    if record is not None:
        return Period(start=record.date, end=record.date)
    return None


def _year_of_record(kind: str, record: dt.date, cal: FiscalCalendar) -> int:
    """The fiscal year a dividend is paid for, by its record date: a year-end (final) dividend's
    record date is the year end itself (Japan: March 31) or falls after it (UK: a final dividend for
    2024 with its register closing on 23 May 2025): the year ended last on or before it."""
    fy = cal.fiscal_year_of(record)
    if kind in ("year-end", "final") and not cal.fits_year_end(record):
        fy -= 1
    return fy


def _fiscal_year_in(text: str, ctx: Context) -> int | None:
    """The fiscal year a sentence names: "FY2010", "fiscal 2025", "the fiscal year ending March 31, 2024"."""
    if not ctx.cal.known:
        return None
    m = _FISCAL_LABEL.search(text)
    if m is None:
        return None
    if m["date"]:
        day = next((d.date for d in find_dates(m["date"]) if d.date), None)
        return ctx.cal.fiscal_year_of(day) if day else None
    return int(m["a"] or m["b"])


def _meeting(ctx: Context, text: str, offset) -> None:
    """The date of the general meeting a notice names ("to be held on June 28, 2011")."""
    for stated in _dates_with_roles(text, offset, 0):
        if stated.label == "general meeting date":
            period = Period(start=stated.date, end=stated.date)
            ctx.result.observations.append(Observation(
                label="general meeting of shareholders date", sections=(), statement="prose", span=stated.span,
                source_text=stated.text, value=stated.date, period=period, origin="prose"))

