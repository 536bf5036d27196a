"""Amounts stated in running text: "Total revenues were JPY82,988 million, up 12.0% YoY
(JPY74,123 million for 1H16)".

Every amount, percentage or count in a sentence gets a role from the words around
it: a value of the sentence's subject, the same subject's value for an earlier
period (in parentheses or after "compared to"), a change ("up 12.0% YoY",
"increased by JPY187 million"), a balance reached ("... to JPY3,692 million"), a
convenience translation, or a number that looks damaged.  Values become
Observations labelled with their subject; everything else becomes a Skip saying
what it is.  The mapper decides whether a subject names a concept at all.
"""

from __future__ import annotations

import re
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from . import money, numbers
from .layout import heading_text
from .model import PURE, SHARES, Block, Document, Extraction, Message, Observation, Period, Skip, Span, Status, Unit
from .periods import FiscalCalendar, add_months, find_dates, months_ending, parse_period, status_of, weeks_ending

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"thousand|million|billion|trillion"
_AMOUNT = re.compile(
    rf"(?P<cur>JPY|¥|US\$|\$|USD)\s?(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALE}))?(?:\s+yen)?"
    rf"|(?<![\d,.])(?P<num2>{_NUM})\s?(?P<scale2>{_SCALE})\s+(?P<yen>yen|JPY)\b", re.I)
_PERCENT = re.compile(rf"(?<![\d,.])(?P<num>{_NUM})\s?(?:%|percent\b)", re.I)
_SHARES = re.compile(r"(?<![\w,.])\(?(?P<num>\d{1,3}(?:,\d{3})+|\d+)\)?\s+shares\b", re.I)
_SHARES_FIRST = re.compile(r"(?<![\w,.])(?P<num>\d{1,3}(?:,\d{3})+)(?=\s+and\s+\d{1,3}(?:,\d{3})+\s+shares\b)")
_NUMBER_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
                 "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
                 "million billion and").split()
_SPELLED = re.compile(r"(?:\b(?:" + "|".join(_NUMBER_WORDS) + r")\b[\s-]*){2,}\(?\s*$", re.I)
_COUNT = re.compile(r"\b(?P<num>\d{1,3}(?:,\d{3})+|\d+)\s+(?P<noun>[A-Z][A-Za-z]*s|[a-z]+s)\s+"
                    r"(?:were|was|have\s+been|had\s+been|are|is)\s+(?P<verb>[a-z]+ed)\b")
_ABBREVIATIONS = {"inc", "co", "ltd", "corp", "no", "vs", "etc", "approx", "jan", "feb", "mar", "apr", "jun", "jul",
                  "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "s"}
_SENTENCE_END = re.compile(r"[.;]\s+(?=[A-Z(<\"])")
_PERIOD_PHRASE = re.compile(
    r"\b(?:for|in|during)\s+(?:the\s+)?(?P<p>[12]H\s?(?:FY\s?)?\d{2,4}|FY\s?\d{2,4}|[1-4]Q\s?(?:FY\s?)?\d{2,4}|fiscal\s+\d{4}"
    r"|(?:first\s+)?(?:six|three|nine|twelve)\s+months\s+ended\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})"
    r"|\b(?:as\s+of|at)\s+(?P<d>[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})", re.I)
_CHANGE_BEFORE = re.compile(r"(?:\b(?:up|down|increased|decreased|grew|rose|fell|declined|increase|decrease)"
                            r"(?:\s+(?:by|of))?|\bby)\s*$", re.I)
_CHANGE_AFTER = re.compile(r"^\s*(?:YoY|y/y|year[- ]on[- ]year|year[- ]over[- ]year|above|below|higher|lower|more|less|"
                           r"up|down|increase|decrease|growth)\b", re.I)
_COPULA = re.compile(r"(?:\b(?:was|were|is|are|shall\s+be|will\s+be|amounted\s+to|totall?ed|reached|came\s+to|"
                     r"consisted\s+of|of|at)\s+"
                     r"(?:(?:an?|the)\s+(?P<kind>income|expense|gain|loss|profit|increase|decrease)\s+of\s+)?|:\s*)$", re.I)
_COMPARE = re.compile(r"(?:\(\s*(?:an?\s+(?P<kind>income|expense|gain|loss|profit)\s+of\s+)?"
                      r"|\b(?:compared\s+(?:to|with)|from|versus|vs\.?|against)\s+)$", re.I)
# "rose to X", "is expected to be X", "increased to approximately X": one lowercase word may stand between
_TO = re.compile(r"\bto\s+(?:[a-z]+\s+)?$")
_PHRASE_COMMA = re.compile(r"(?:^|[;\u2014\u2013]|\s-\s)\s*(?!(?:in|of|for|from|to|at|by|and)\s)"
                            r"(?P<phrase>[A-Za-z][A-Za-z -]{2,40}?),\s*$", re.I)
_HEADLINE = re.compile(r"\s*+(?:[-*•]\s*+)?(?P<label>[A-Z][A-Za-z&'/,() -]{2,70}?)\s*+:?\s*+")
_VERB = re.compile(r"\b(?:was|were|is|are|be|been|has|have|had|increased|decreased|rose|fell|grew|declined|reached|"
                   r"amounted|totaled|totalled|recorded|posted|reported|said|announced|expects?|plans?)\b", re.I)
_CHANGED_ITEM = re.compile(r"(?:^|[;.]\s)(?P<item>[^;()]+?)(?<!\s)\s++(?:increased|decreased|rose|fell|grew|declined)"
                           r"\s++by\s*+$",
                           re.I)
_CASH_FLOW_NOUN = re.compile(r"(?:net\s+)?cash\s+(?:out\s?flows?|in\s?flows?)", re.I)
_FLOW_SOURCE = re.compile(r"(?<!\s)\s*from\s+(?P<source>[a-z][a-z ,-]+?)\s*(?=[.;]|$)", re.I)
_FORECAST_WORDS = re.compile(r"\b(?:forecasts?|targets?|expects?|expected|outlook|guidance|projected|projections?|"
                             r"estimates?|estimated|plans?\s+to|aims?\s+(?:to|for|at))\b", re.I)
_HYPOTHETICAL = re.compile(r"\bwould\s+(?:have\s+been|be|have\s+amounted\s+to)\b", re.I)
_CHANGED_FROM = re.compile(r"\b(?:shall\s+be\s+|will\s+be\s+|was\s+|were\s+)?(?:adjusted|changed|increased|decreased|raised|"
                           r"reduced|revised)\s+from\s+$", re.I)
_IN_FOLLOWS = re.compile(r"^\s+in\s+(?P<label>[a-z][\w\s-]*?)(?=,|\sand\s|\.|;|$)")
_FILLER = re.compile(
    r"^(?:.*\b(?:mainly\s+(?:due\s+to|because\s+of|related\s+to)|due\s+to|because\s+of|as\s+a\s+result\s+of\s+the\s+above|"
    r"in\s+the\s+breakdown|the\s+major\s+breakdown\s+of\s+[\w\s]+?\s+was|there\s+were|including|"
    r"(?:said|reported|announced|stated)(?:\s+that)?|(?:posted|recorded|reported|generated|delivered|achieved|returned|"
    r"produced|earned|booked|expects?|plans?|forecasts?)(?=\s+[a-z]))\b[,\s]*)", re.I)
_LEAD = re.compile(r"^(?:and|or|the|a|an|as\s+for|in\s+total|compared\s+(?:to|with)|yoy|year[- ]on[- ]year|net\s+of"
                   r"|thousand|million|billion|included\s+in)\s+", re.I)
_FISCAL_TOKEN = re.compile(r"\b(?:FY\s?\d{2,4}|[12]H\s?\d{2,4}|[1-4]Q\s?\d{2,4})\s+", re.I)
_BREAKDOWN = re.compile(r"\bbreakdown\b|\bconsist(?:s|ed)?\b|\bcompris(?:e|es|ed)\b", re.I)
_RATE = re.compile(r"^\s*(?:per|=|to)\s+(?:1\s?)?(?:US\\?\$|U\.S\.\s*dollar|USD|\$)", re.I)
_BALANCE_OF = re.compile(r"^(?:the\s+)?balances?\s+of\s+", re.I)
_NEGATIVE_WORDS = re.compile(r"\b(?:loss|losses|deficit|used\s+in|outflow)\b", re.I)
_MARKUP = re.compile(r"</?(?:u|b|i|strong|em|sup)>|\*\*|&lt;/?sup&gt;")
_THREE_PLACES = re.compile(r"^\d{1,3}\.\d{3}$")  # "19.871": the point could be a thousands separator


@dataclass(slots=True)
class Token:
    kind: str  # "amount" | "percent" | "count"
    start: int  # of the whole token in the line
    end: int
    num_start: int  # of the digits
    num_end: int
    number: str
    scale: int = 0
    currency: str = ""
    noun: str = ""  # for counts: "ATMs placed"


_DIGIT = re.compile(r"\d")


def tokens(text: str) -> list[Token]:
    if not _DIGIT.search(text):
        return []
    found: list[Token] = []
    for m in _AMOUNT.finditer(text):
        num, group = (m["num"], "num") if m["num"] else (m["num2"], "num2")
        cur = numbers.currency_code(m["cur"] or "") or ("JPY" if m["yen"] else "") or (m["cur"] or "").upper()
        scale = numbers.SCALE_WORDS.get((m["scale"] or m["scale2"] or "").lower(), 0)
        found.append(Token("amount", m.start(), m.end(), m.start(group), m.end(group), num, scale, cur))
    for m in _PERCENT.finditer(text):
        if not any(t.start <= m.start() < t.end for t in found):
            found.append(Token("percent", m.start(), m.end(), m.start("num"), m.end("num"), m["num"], -2))
    for m in _COUNT.finditer(text):
        if not any(t.start <= m.start() < t.end for t in found):
            found.append(Token("count", m.start(), m.end(), m.start("num"), m.end("num"), m["num"],
                               noun=f"{m['noun']} {m['verb']}"))
    for pattern in (_SHARES, _SHARES_FIRST):
        for m in pattern.finditer(text):
            if not any(t.start <= m.start() < t.end for t in found):
                found.append(Token("shares", m.start(), m.end(), m.start("num"), m.end("num"), m["num"]))
    return sorted(found, key=lambda t: t.start)


def _clean(text: str) -> str:
    return " ".join(_MARKUP.sub("", text).split())


_PAREN_GROUP = re.compile(r"\([^()]*\)")
_APPOSITIVE = re.compile(r",\s*(?:a|an|which|that|including)\b[^,]*,\s*$", re.I)
_CONNECTOR = re.compile(r"^(?:and|or|while|but|with|as\s+well\s+as|of\s+which)\s+", re.I)


def _subject(text: str) -> str:
    """The noun phrase a clause is about: the words before its verb, without fillers,
    parentheticals, period phrases ("for 1H13", "as of ...") and appositives."""
    text = _clean(text)
    text = _PAREN_GROUP.sub(" ", text)
    text = _PERIOD_PHRASE.sub(" ", text)
    text = _APPOSITIVE.sub(" ", text.rstrip() + " ").strip()
    text = re.split(r"[;,:()]", text)[-1]
    text = _FILLER.sub("", text)
    text = _FISCAL_TOKEN.sub("", text)  # "payment of FY2012 year-end dividends"
    text = re.sub(r"\bby\s+the\s+company\b", "", text, flags=re.I)
    text = re.sub(r"\bin\s+total\b", "", text, flags=re.I)
    while True:
        new = _LEAD.sub("", _CONNECTOR.sub("", _BALANCE_OF.sub("", text.strip())))
        if new == text:
            break
        text = new
    return " ".join(text.split()).strip(" ,;:-\u2014\u2013")


def _period_in(text: str, cal: FiscalCalendar) -> Period | None:
    matches = list(_PERIOD_PHRASE.finditer(text))
    if not matches:
        return None
    m = matches[-1]
    if m["d"]:
        return Period(end=find_dates(m["d"])[0].date) if find_dates(m["d"]) and find_dates(m["d"])[0].date else None
    return parse_period(m["p"], cal)


@dataclass
class Context:
    cal: FiscalCalendar
    current: Period | None  # the period a release is about (1H of its fiscal year)
    convenience_note: bool
    result: Extraction
    currency: str = "JPY"  # the reporting currency
    release: dict = field(default_factory=dict)  # "quarter", "year", ...: the periods the release reports on
    usual_precision: int | None = None  # the decimals most scaled amounts of the text are written to (-6: millions)
    stated: Period | None = None  # the last period a sentence of the paragraph stated ("Revenue for the quarter ...")


_RISE_TO = re.compile(
    r"(?:^|(?<=[,;()]))\s*+(?P<b>[^,;()\d]+?)(?<!\s)\s++(?:(?:nearly|almost|more\s+than|about|roughly)\s+)?"
    r"(?:doubled|tripled|halved|rose|increased|grew|climbed|jumped|fell|declined|decreased|dropped)"
    r"(?:\s+by)?(?:\s+[\d.,]+\s*(?:%|percent))?\s*+$", re.I)
_PER_SHARE_AFTER = re.compile(r"^\s+per\s+(?:(?P<kind>diluted|basic)\s+)?(?:common\s+)?share\b", re.I)
_PER_SHARE_IN = re.compile(r"\bper\s+(?:\w+\s+)?(?:share|ADS)\b|\bEPS\b", re.I)
_YEAR_BEFORE = re.compile(r"\b(?:last\s+year'?s|(?:the\s+)?prior[- ]year(?:'s)?|(?:the\s+)?year[- ]ago|a\s+year\s+(?:earlier|ago)|"
                          r"(?:the\s+)?previous\s+year'?s?|(?:the\s+)?same\s+(?:quarter|period)\s+(?:of\s+)?last\s+year)\b", re.I)
_WEEKS_WORD = re.compile(r"\b(?P<n>\d{1,2})-week\b", re.I)
_QUARTER_WORDS = re.compile(r"\bquarter(?:ly)?\b|\b(?:first|second|third|fourth)[- ]quarter\b|\bQ[1-4]\b", re.I)
_YEAR_WORDS = re.compile(r"\b(?:annual|full[- ]year|for\s+the\s+(?:fiscal\s+)?year|fiscal[- ]year)\b", re.I)


def _relative_period(after: str, s: Sentence) -> Period | None:
    """"... in last year's 16-week fourth quarter", "a year earlier": the sentence's period, a year before."""
    m = _YEAR_BEFORE.search(after[:90])
    if m is None or s.default is None:
        return None
    return year_before(s.default, s.ctx.cal, _WEEKS_WORD.search(after[:m.end() + 40]))


def year_before(period: Period, cal: FiscalCalendar, weeks_said=None) -> Period | None:
    """The same fiscal period one year earlier (a quarter's or a year's comparative)."""
    if period.start is None:
        return None
    if cal.weeks:
        fy = cal.fiscal_year_of(period.end)
        year, prior = cal.year(fy), cal.year(fy - 1)
        if prior is None:
            return None
        if year is not None and period == year:
            return prior
        if year is not None and period.end == year.end:  # the last quarter: ends where the prior year ended
            weeks = int(weeks_said["n"]) if weeks_said else None
            return weeks_ending(weeks, prior.end) if weeks else None
        return None
    end = add_months(period.end + dt.timedelta(days=1), -12) - dt.timedelta(days=1)
    return months_ending(period.months, end)


def _period_of_subject(label: str, s: Sentence) -> Period | None:
    """"quarterly revenue", "fourth-quarter net sales": the release's quarter; "full-year revenue": its year.
    (An "annual dividend" or a "quarterly dividend" is a kind of dividend, not a period.)"""
    if re.search(r"\bdividend", label, re.I):
        return None
    if _QUARTER_WORDS.search(label) and "quarter" in s.ctx.release:
        return s.ctx.release["quarter"]
    if _YEAR_WORDS.search(label) and "year" in s.ctx.release:
        return s.ctx.release["year"]
    return None


_LAST_WORD = re.compile(r"(?<![\w.])([\w.]+)$")


def _sentences(line: str) -> list[tuple[int, int]]:
    """Sentence (and ";" clause) spans of a line; "Inc." and "Sep." do not end one."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(line):
        word = _LAST_WORD.search(line, max(start, m.start() - 12), m.start())  # abbreviations are short
        if line[m.start()] == "." and word and word.group(1).lower() in _ABBREVIATIONS:
            continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(line)))
    return spans


_LEAD_QUARTER = re.compile(
    r"\b(?:(?P<w>\d{1,2})-week\s+)?(?:(?P<q>first|second|third|fourth)\s+quarter|Q(?P<q2>[1-4])\b)(?P<rest>[^.\n]{0,90})",
    re.I)
_LEAD_YEAR = re.compile(r"\b(?:(?P<w>5[23])-week\s+)?(?:fiscal\s+year|full\s+year|year)\s+end(?:ed|ing)\s+(?:on\s+)?(?P<rest>[^.\n]{0,40})"
                        r"|\b(?:fiscal\s+(?:year\s+)?|FY\s?)(?P<fy>\d{4})\b", re.I)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def release_periods(doc: Document, cal: FiscalCalendar) -> dict[str, Period]:
    """The quarter and the fiscal year a release reports on, from its opening lines ("results for its
    fiscal 2020 third quarter ended June 27, 2020", "for the 17-week fourth quarter and the 53-week
    fiscal year ended September 3, 2023", "Earnings Release Q4 FY 2023"), for sentences that say only
    "quarterly revenue" or "for the year"."""
    from .periods import fiscal_label_period, weeks_ending

    found: dict[str, Period] = {}
    lines = [ln for ln in doc.lines[:25] if ln.strip()][:15]
    lines.sort(key=lambda ln: not find_dates(ln))  # lines that print the period's dates first
    for line in lines:
        for m in _LEAD_QUARTER.finditer(line):
            if "quarter" in found:
                break
            q = _ORDINALS.get((m["q"] or "").lower()) or int(m["q2"] or 0)
            dates = [d.date for d in find_dates(m["rest"]) if d.date]
            fy = re.search(r"\b(?:fiscal\s+(?:year\s+)?|FY\s?)(\d{4})\b", line[max(0, m.start() - 30):m.end()], re.I)
            of_year = re.match(r"\s*of\s+(?:the\s+)?(?:fiscal\s+)?year\s+end(?:ed|ing)\b", m["rest"], re.I)
            if dates and of_year and q:  # "first quarter of the fiscal year ending November 30, 2022"
                period = cal.quarter(cal.fiscal_year_of(dates[0]), q)
                if period:
                    found["quarter"] = period
            elif dates and m["w"]:
                found["quarter"] = weeks_ending(int(m["w"]), dates[0])
            elif dates and re.match(r"(?<![\w\s])\s*(?:\w+\s+){0,8}?end(?:ed|ing)\b", m["rest"]):
                period = parse_period(f"three months ended {dates[0].strftime('%B %d, %Y')}", cal)
                if period:
                    found["quarter"] = period
            elif fy and q:
                period = cal.quarter(int(fy.group(1)), q)
                if period:
                    found["quarter"] = period
        for m in _LEAD_YEAR.finditer(line):
            if "year" in found:
                break
            if m["fy"]:
                period = fiscal_label_period(f"FY{m['fy']}", cal)
            else:
                dates = [d.date for d in find_dates(m["rest"]) if d.date]
                period = (weeks_ending(int(m["w"]), dates[0]) if m["w"] else
                          parse_period(f"twelve months ended {dates[0].strftime('%B %d, %Y')}", cal)) if dates else None
            if period:
                found["year"] = period
    return found


def usual_precision(doc: Document) -> int | None:
    """The XBRL decimals most amounts written with a scale word in the text have ("JPY1,503 million": -6)."""
    counts: dict[int, int] = {}
    for line in doc.lines:
        if "illion" not in line and "housand" not in line:
            continue
        for tok in tokens(line):
            if tok.kind == "amount" and tok.scale:
                places = len(tok.number.split(".")[1]) if "." in tok.number else 0
                counts[places - tok.scale] = counts.get(places - tok.scale, 0) + 1
    return max(sorted(counts), key=lambda d: counts[d]) if counts else None


def extract(doc: Document, blocks: list[Block], cal: FiscalCalendar, current: Period | None,
            convenience_note: bool, skip_lines: set[int], currency: str = "JPY",
            release: dict | None = None) -> Extraction:
    ctx = Context(cal, current, convenience_note, Extraction(), currency, release or {}, usual_precision(doc))
    heading_period: Period | None = None
    heading_status = Status.ACTUAL  # "Financial Targets for FY2017": what follows is a forecast
    caption = ""
    for block in blocks:
        if block.kind == "table":
            continue
        first = heading_text(doc.line(block.first_line))
        if block.kind == "heading":
            heading_period = parse_period(first, cal) or heading_period
            heading_status = status_of(first)
            caption = first if _is_caption(first) else ""
            continue
        topic = ""
        ctx.stated = None  # the period the paragraph last stated: the next sentences speak of it too
        for number in range(block.first_line, block.last_line + 1):
            line = doc.line(number)
            if number in skip_lines:
                continue
            for s, e in _sentences(line):
                topic = _sentence(ctx, line[s:e], _on_line(number, s), ctx.stated or heading_period or current, topic,
                                  caption,
                                  status=heading_status)
            if _is_caption(line):
                caption = line.strip()
        if block.first_line == block.last_line and _is_caption(first):
            caption = first
    for skip in ctx.result.skipped:
        skip.origin = "prose"
    return ctx.result


_CHANGE_SUBJECT = re.compile(
    r"(?:\b(?:an?\s+)?(?:increase|decrease)\s+in\s+(?P<a>[^,;()\d]+?)"
    r"|(?:^|(?<=[,;()\d]))(?P<b>[^,;()\d]+?)(?<!\s)\s++(?:increased|decreased|rose|fell))"
    r"\s++by\s*+$", re.I)
_FROM_BALANCE = re.compile(r"\bfrom\s+the\s+balance\b[^;()]*?\bof\s*$", re.I)


def _immediate(after: str) -> str:
    """A period phrase standing right after an amount ("JPY3,696 million for 1H13"), or ""."""
    m = _PERIOD_PHRASE.match(after.lstrip())
    return m.group(0) if m else ""


def _own(segment: str) -> str:
    """The part of the text between two amounts that belongs to the second: not the tail
    of a parenthesis opened before the first ("... for 1H16), mainly due to X of")."""
    close = segment.find(")")
    if close >= 0 and "(" not in segment[:close]:
        segment = segment[close + 1:]
    m = _PERIOD_PHRASE.match(segment.lstrip())
    if m and segment.lstrip()[:1].islower() and not segment.lstrip()[m.end():].lstrip().startswith(":"):
        segment = segment.lstrip()[m.end():]  # the previous amount's own "for 1H12"
    return segment


_CAPTION_IN_LINE = re.compile(r"^(?P<caption>.*?[A-Za-z)]\s*):\s*(?=(?:As\s+of|For\s+the|Six|Three|Nine|Year)\b)", re.I)


def _caption_label(caption: str) -> str:
    """"3) The weighted average number of shares outstanding:" -> the line item (parentheses kept)."""
    text = re.sub(r"^\s*(?:[-*•]\s*)?(?:\(?\d{1,2}\)|\(Note\d*\))\s*", "", _clean(caption))
    return _LEAD.sub("", text.rstrip(" :"))


def _caption_before(text: str) -> str:
    """"1) The number of shares outstanding (inclusive of treasury stock): As of ..." -> the caption."""
    m = _CAPTION_IN_LINE.match(text)
    return m["caption"] if m else ""


def _on_line(number: int, start: int):
    return lambda a, b: Span(number, start + a, start + b)


# ---------------------------------------------------------------- reading one sentence: a chain of rules
#
# A sentence is read token by token (each amount, percentage or count).  For each token the
# SKIP_RULES say whether it is something other than a value of a line item (a change, a
# translation, an exchange rate, a pro forma figure); then the SUBJECT_RULES, in order, say
# what it is a value of and for which period; then the REFINEMENTS adjust that reading.  Each
# rule is a small function with an example; the state the rules share (the subject of the
# previous value, the changes seen, a breakdown in progress) lives in ``Sentence``.


@dataclass
class Sentence:
    """One sentence being read, and what its earlier tokens left for the later ones."""

    ctx: Context
    text: str
    default: Period | None  # the period the surrounding text is about
    caption: str  # the caption line above, for "As of ...: 46,697,800 shares"
    hint: str  # "beginning" / "end": the text is the state before or after a change
    context: tuple[str, ...]  # sections the sentence stands in (a table row's item)
    status: Status
    tokens: list[Token]
    paired: dict  # token index -> [(label, period)] from a "respectively" list
    last_label: str = ""
    last_period: Period | None = None
    last_from: tuple[int, str] | None = None  # "adjusted from A to B": where A was and its label
    breakdown: tuple[str, ...] = ()  # "the breakdown of X was A in B, C in D": B and D are parts of X
    changes: set[int] = field(default_factory=set)  # tokens that are changes, not balances
    changed_item: tuple[str, Period | None] = ("", None)  # "X as of D increased by A ...": X and D


@dataclass
class At:
    """One token in its sentence: the text before it that is its own, the text after it."""

    index: int
    tok: Token
    segment: str  # the text between the previous token and this one that belongs to this one
    before: str  # all the text before the token
    after: str  # all the text after it
    span: Span
    source: str  # the token as written


@dataclass
class Reading:
    """What a token is a value of: label, period, and how the words sign it."""

    label: str
    period: Period | None = None
    sign_word: str = ""  # "loss", "expense", "decrease": the wording makes the value negative
    sections: tuple[str, ...] = ()
    hint: str = ""
    dates: list[Period | None] = field(default_factory=list)  # one figure stated for several dates


# -- skip rules: (sentence, token) -> the reason it is not a value, or None


def foreign_currency(s: Sentence, at: At) -> str | None:
    """"EUR 12 million" in a yen release: another currency.  (A convenience translation, "$656 million"
    beside the yen figure of a release that says it translates, is read by the translation rule.)"""
    if at.tok.kind == "amount" and at.tok.currency and at.tok.currency != s.ctx.currency:
        if s.ctx.convenience_note and at.tok.currency == "USD" and s.last_label:
            return None
        if s.ctx.convenience_note and at.tok.currency == "USD":
            return "U.S. dollar convenience translation of no stated figure"
        return f"amount in {at.tok.currency}, not the reporting currency"
    return None


def ambiguous_point(s: Sentence, at: At) -> str | None:
    """"JPY19.871 million" in a text that writes its amounts "JPY1,503 million": three places after a
    point, a thousand times finer than every other amount the text scales, reads as well as 19,871
    million with the separator mistyped, so it is not emitted.  "JPY1.125 billion" beside "JPY1,503
    million" is as precise as the rest and is read as written."""
    tok = at.tok
    if tok.kind != "amount" or not tok.scale or not _THREE_PLACES.match(tok.number):
        return None
    usual = s.ctx.usual_precision
    if usual is not None and 3 - tok.scale >= usual + 3:
        return (f"suspect number: {tok.number!r} is a thousand times finer than the text's other amounts "
                "(a point where a thousands separator was meant?)")
    return None


def exchange_rate(s: Sentence, at: At) -> str | None:
    """"JPY98.03 = US$1": the rate of a translation."""
    return "exchange rate of a convenience translation" if at.tok.kind == "amount" and _RATE.match(at.after) else None


def pro_forma(s: Sentence, at: At) -> str | None:
    """"Revenues would have been JPY81,000 million if ...": not the reported value."""
    if _HYPOTHETICAL.search(at.before):
        return "pro forma figure: what it would have been under another assumption, not the reported value"
    return None


def change(s: Sentence, at: At) -> str | None:
    """"up 12.0% YoY", "increased by JPY187 million", "11 percent above the year-ago quarter", and the
    second of "increased by A and B, respectively"."""
    tok = at.tok
    if _CHANGE_BEFORE.search(at.segment[-40:]) or (tok.kind == "percent" and _CHANGE_AFTER.search(at.after)) or (
            at.index - 1 in s.changes and _AND_LIST.fullmatch(at.segment)):
        s.changes.add(at.index)
        if (changed := _CHANGED_ITEM.search(at.before)) is not None:
            s.changed_item = (_subject(changed["item"]), _period_in(changed["item"], s.ctx.cal))
        kind = "year-on-year change" if tok.kind == "percent" else "change over the period"
        return f"{kind} (derived from reported values)"
    return None


SKIP_RULES = (foreign_currency, ambiguous_point, exchange_rate, pro_forma, change)

# -- subject rules: (sentence, token) -> a Reading, a skip reason (str), or None when the rule does not apply


def translation(s: Sentence, at: At) -> Reading | None:
    """"Revenues JPY51,109 million ($656 million, up 8.3% YoY)": the figure before, restated in the
    convenience currency (the amount keeps its own currency)."""
    if at.tok.kind == "amount" and at.tok.currency and at.tok.currency != s.ctx.currency and s.last_label:
        return Reading(s.last_label, s.last_period)
    return None


def respectively(s: Sentence, at: At) -> Reading | None:
    """"common stock and additional paid-in capital were JPY25,497 million and JPY35,933 million,
    respectively": labels (or dates) paired with values in order."""
    pairs = s.paired.get(at.index)
    if not pairs:
        return None
    if pairs[0][0] is None:
        return None  # one figure for several dates: the other rules find its subject
    label, period = pairs[0]
    return Reading(label, period)


def counted(s: Sentence, at: At) -> Reading | None:
    """"12,345 ATMs were placed": a count, labelled by what is counted."""
    if at.tok.kind != "count":
        return None
    return Reading(at.tok.noun, _period_in(_immediate(at.after), s.ctx.cal) or _period_in(at.segment, s.ctx.cal))


def balance_from(s: Sentence, at: At) -> Reading | None:
    """"... from the balance as of March 31, 2013 of JPY3,692 million": the item of the value before."""
    if _FROM_BALANCE.search(at.segment) and s.last_label:
        return Reading(s.last_label, _period_in(at.segment, s.ctx.cal))
    return None


def changed_from_to(s: Sentence, at: At) -> Reading | None:
    """"shall be adjusted from 200 shares to 400 shares": the value before the change, then after it."""
    m = _CHANGED_FROM.search(at.segment)
    if m is None and not (s.last_from and _TO.search(at.segment) and at.index == s.last_from[0] + 1):
        return None
    if m is not None:
        label, hint = _subject(at.segment[:m.start()]), "beginning"
        s.last_from = (at.index, label)
    else:
        assert s.last_from is not None
        label, hint = s.last_from[1], "end"
    reading = Reading(label, _period_in(s.text, s.ctx.cal))
    if label:
        reading.hint = hint
    return reading


def comparative(s: Sentence, at: At) -> Reading | str | None:
    """"(JPY74,123 million for 1H16)", "compared to JPY3,176 million", "against $1.868 billion, ... in last
    year's fourth quarter": the same item for another period."""
    m = _COMPARE.search(at.segment)
    if m is None and not (s.last_label and re.fullmatch(r"\s*,\s*", at.segment) and _immediate(at.after)
                          and at.before.count("(") == at.before.count(")")):
        return None
    period = _period_in(_immediate(at.after), s.ctx.cal) or _period_in(at.segment, s.ctx.cal) \
        or _relative_period(at.after, s)
    if not s.last_label or period is None or period == s.last_period:
        return "comparative figure without a subject or period of its own"
    return Reading(s.last_label, period, sign_word=(m["kind"] or "") if m else "")


def rose_to(s: Sentence, at: At) -> Reading | None:
    """"Net income nearly doubled to EUR8.5 billion", "diluted earnings per share rose 13 percent to $1.46",
    "investment in property increased by JPY187 million to JPY3,692 million": the level reached."""
    if not _TO.search(at.segment):
        return None
    head = _PAREN_GROUP.sub(" ", at.before[: at.before.rstrip().rfind(" to")])
    amounts = list(re.finditer(money.PREFIX, head))
    m = _CHANGE_SUBJECT.search(head[:amounts[-1].start()] if amounts else head) or _RISE_TO.search(head)
    if not m:
        return None
    label = _subject(m.groupdict().get("a") or m["b"])
    lead = re.match(r"\s*As\s+of\s+([A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})", s.text)
    return Reading(label, _period_in(lead.group(0), s.ctx.cal) if lead else None)  # else the current period


def copula(s: Sentence, at: At) -> Reading | None:
    """"Total revenues were JPY54,397 million", "revenue of JPY4,200 billion", "Operating profit: JPY7.3 billion",
    "The Company posted quarterly revenue of $59.7 billion"."""
    m = _COPULA.search(at.segment)
    if m is None:
        return None
    label = _subject(at.segment[:m.start()])
    reading = Reading(label, sign_word=m["kind"] or "")
    clause = re.split(r"[;]", _PAREN_GROUP.sub(" ", at.segment[:m.start()]))[-1]
    reading.period = _period_in(clause, s.ctx.cal) or _period_in(_immediate(at.after), s.ctx.cal)
    stated_for = parse_period(at.segment[:m.start()], s.ctx.cal, bare_date_is_instant=True)
    if m.group(0).strip() == ":" and (not label or stated_for):
        # "As of September 30, 2013: 46,697,800 shares" under a caption saying what it is
        reading.label = _caption_label(_caption_before(s.text[:at.tok.start]) or s.caption)
        reading.period = stated_for or reading.period
    inside = _IN_FOLLOWS.match(at.after)
    if inside and _BREAKDOWN.search(at.segment[:m.end()] + " " + reading.label):
        # "The breakdown of other investments were JPY3,205 million in nonmarketable equity securities"
        whole = re.sub(r"^.*?\b(?:breakdown\s+of|of)\s+", "", reading.label, flags=re.I)
        reading.label, reading.sections = _clean(inside["label"]), (whole,)
        s.breakdown = reading.sections
    return reading


def breakdown_part(s: Sentence, at: At) -> Reading | None:
    """"..., JPY1,234 million in investment funds": a further part of the breakdown in progress."""
    if s.breakdown and at.tok.kind == "amount" and (m := _IN_FOLLOWS.match(at.after)) is not None:
        return Reading(_clean(m["label"]), s.last_period, sections=s.breakdown)
    return None


def apposition_after_change(s: Sentence, at: At) -> Reading | None:
    """"... equity as of September 30, 2013 increased by JPY19,547 million ... in 1H13, JPY57,153 million.":
    the balance the changed item reached."""
    if s.changed_item[0] and at.tok.kind == "amount" and re.search(r",\s*$", at.segment) and \
            re.fullmatch(r"[\s.)]*", at.after):
        return Reading(*s.changed_item)
    return None


def phrase_comma(s: Sentence, at: At) -> Reading | None:
    """"—authorized, 75,520,000 shares; issued and outstanding, 41,295,600 shares at March 31, 2013"."""
    m = _PHRASE_COMMA.search(at.segment)
    if m is None:
        return None
    ahead = _PERIOD_PHRASE.search(s.text[at.tok.end:])
    return Reading(_clean(m["phrase"]), _period_in(ahead.group(0), s.ctx.cal) if ahead else None)


_OF_FOLLOWS = re.compile(r"^\s+of\s+(?P<label>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,4}?)(?=\s*[,.;]|\s+(?:a|an|the|for|in|during|"
                         r"from|and|which|that|to)\b|\s*$)", re.I)


def amount_of(s: Sentence, at: At) -> Reading | None:
    """"the quarter generated $16.3 billion of operating cash flow": an amount named by what follows "of"."""
    if at.tok.kind == "amount" and (m := _OF_FOLLOWS.match(at.after)) is not None and not _COPULA.search(at.segment):
        return Reading(_clean(m["label"]), None)
    return None


_SHARES_STATE = re.compile(r"^\s*(?:of\s+(?P<cls>(?:common|ordinary|preferred|class\s+\w)\s+(?:stock|shares))\s+)?"
                           r"(?P<state>outstanding|issued\s+and\s+outstanding|issued|authorized)\b", re.I)


def shares_outstanding(s: Sentence, at: At) -> Reading | None:
    """"as of March 31, 2008 the company had 206,478 shares of common stock outstanding": a share count,
    named by the class and state written after it, at the date the sentence gives."""
    m = _SHARES_STATE.match(at.after)
    if at.tok.kind != "shares" or m is None:
        return None
    label = f"shares of {(m['cls'] or 'common stock').lower()} {m['state'].lower()}"
    return Reading(label, _period_in(at.before, s.ctx.cal))


def amount_in(s: Sentence, at: At) -> Reading | None:
    """"JPY3,205 million in nonmarketable equity securities": an amount labelled by what follows it."""
    if at.tok.kind == "amount" and (m := _IN_FOLLOWS.match(at.after)) is not None:
        return Reading(_clean(m["label"]), _period_in(s.text, s.ctx.cal))
    return None


SUBJECT_RULES = (translation, respectively, shares_outstanding, counted, balance_from, changed_from_to, comparative, rose_to, copula, breakdown_part,
                 apposition_after_change, phrase_comma, amount_of, amount_in)

# -- refinements: (sentence, token, reading) -> the reading, adjusted


def cash_flow_source(s: Sentence, at: At, r: Reading) -> Reading:
    """"net cash out flow of X (...) from changes in operating assets": the flow's source names it."""
    if r.label and _CASH_FLOW_NOUN.fullmatch(r.label) and (m := _FLOW_SOURCE.match(_PAREN_GROUP.sub(" ", at.after))):
        r.label = f"{r.label} from {_clean(m['source'])}"
    return r


def highlight_line(s: Sentence, at: At, r: Reading) -> Reading:
    """"Revenues JPY83.0 billion (up 12.0% YoY)": a highlights line, labelled by the words before the amount."""
    if not r.label and at.index == 0 and (m := _HEADLINE.fullmatch(at.segment)) and not _VERB.search(at.segment):
        r.label = _clean(m["label"])
        r.period = _period_in(_immediate(at.after), s.ctx.cal)
    return r


def shares_of_the_row(s: Sentence, at: At, r: Reading) -> Reading:
    """"Treasury stock—1,650,909 shares held by the company": the row's own item, counted in shares."""
    if not r.label and s.context and at.tok.kind == "shares":
        r.label, r.sections = s.context[-1], ()
    return r


_PER_KIND_SHARE = re.compile(r"\b(?:earnings|net\s+income|income|profit)\s+per\s+(?P<kind>diluted|basic)\s+share\b", re.I)
_PERIOD_ADJECTIVE = re.compile(r"^(?:quarterly|annual|full[- ]year|half[- ]year(?:ly)?|(?:first|second|third|fourth)[- ]"
                               r"(?:quarter|half)|Q[1-4]|fiscal[- ]year)\s+", re.I)


def plain_item(s: Sentence, at: At, r: Reading) -> Reading:
    """"quarterly revenue", "fourth-quarter net sales", "earnings per diluted share": the line item, once
    the words that name the period (already read) are taken off and the per-share wording put plainly."""
    if r.label and not re.search(r"\bdividend", r.label, re.I):  # "annual dividend" is a kind of dividend
        r.label = _PERIOD_ADJECTIVE.sub("", r.label)
        if m := _PER_KIND_SHARE.search(r.label):
            r.label = f"{m['kind'].lower()} earnings per share"
    return r


def per_share_after(s: Sentence, at: At, r: Reading) -> Reading:
    """"$2.160 billion, or $4.86 per diluted share": an amount followed by "per (diluted) share" is per share."""
    m = _PER_SHARE_AFTER.match(at.after)
    if at.tok.kind == "amount" and m:
        kind = (m["kind"] or "").lower()
        if kind in ("diluted", "basic"):
            r.label = f"{kind} earnings per share"
        elif r.label and not _PER_SHARE_IN.search(r.label):
            r.label = f"{r.label} per share"
    return r


REFINEMENTS = (cash_flow_source, highlight_line, shares_of_the_row, per_share_after)
LABEL_CLEANUP = (plain_item,)


def _sentence(ctx: Context, text: str, locate, default: Period | None, topic: str, caption: str = "",
              hint: str = "", context: tuple[str, ...] = (), status: Status = Status.ACTUAL) -> str:
    """Read one sentence; ``locate(start, end)`` gives the Span of characters of ``text``.
    Returns the paragraph's topic (the lead subject) for the next sentences."""
    found = tokens(text)
    if not found:
        return topic
    s = Sentence(ctx, text, default, caption, hint, context, status, found,
                 _respectively(text, found, ctx.cal, in_label=bool(context)))
    previous_end = 0
    for index, tok in enumerate(found):
        segment = _SPELLED.sub(" ", _own(text[previous_end:tok.start]))  # "seventy five million (75,520,000)"
        at = At(index, tok, segment, text[:tok.start], text[tok.end:], locate(tok.num_start, tok.num_end),
                text[tok.start:tok.end])
        previous_end = tok.end
        reason = next((r for rule in SKIP_RULES if (r := rule(s, at))), None)
        if reason:
            ctx.result.skipped.append(Skip(at.span, at.source, reason))
            continue
        pairs = s.paired.get(index)
        dates_for_all = [p for _, p in pairs] if pairs and pairs[0][0] is None else []
        reading: Reading | str | None = None
        for rule in SUBJECT_RULES:
            reading = rule(s, at)
            if reading is not None:
                break
        if isinstance(reading, str):
            ctx.result.skipped.append(Skip(at.span, at.source, reading, s.last_label))
            continue
        reading = reading or Reading("")
        if not reading.hint:
            reading.hint = hint
        for refine in REFINEMENTS:
            reading = refine(s, at, reading)
        if not reading.label:
            ctx.result.skipped.append(Skip(at.span, at.source, "number in running text with no subject it is stated for"))
            continue
        if dates_for_all:
            reading.period = dates_for_all[0]
        stated = reading.period or _period_of_subject(reading.label, s) or _period_of_subject(at.segment, s)
        for cleanup in LABEL_CLEANUP:  # after the period: "quarterly revenue" said which period it is
            reading = cleanup(s, at, reading)
        if stated is not None and stated.start is not None and tok.kind == "amount" and not _COMPARE.search(at.segment):
            ctx.stated = stated
        period = stated or default
        if period is None:
            ctx.result.skipped.append(Skip(at.span, at.source, "no period stated or implied", reading.label))
            continue
        topic = _emit(s, at, reading, period, dates_for_all, topic)
    return topic


def _emit(s: Sentence, at: At, r: Reading, period: Period, dates_for_all: list, topic: str) -> str:
    """The observations of one value (one per date when one figure is stated for several)."""
    tok, label, sections = at.tok, r.label, r.sections
    s.last_label, s.last_period = label, period
    if label.lower() in ("gross margin", "gross margin ratio", "operating margin") and topic:
        sections = (topic,)
    value = Decimal(tok.number.replace(",", ""))
    places = len(tok.number.split(".")[1]) if "." in tok.number else 0
    if r.sign_word:
        negative = r.sign_word.lower() in ("expense", "loss", "decrease")
    else:
        negative = bool(_NEGATIVE_WORDS.search(re.sub(r"\([^)]*\)", "", label)))
    scale = tok.scale
    if tok.kind == "amount":
        unit = Unit((f"iso4217:{tok.currency or s.ctx.currency}",))
    elif tok.kind == "percent":
        unit, scale = PURE, -2
    elif tok.kind == "shares":
        unit, scale = SHARES, 0
    else:
        unit, scale = None, 0
    if unit is not None and tok.kind == "amount" and _PER_SHARE_IN.search(label):
        unit = Unit(unit.numerator, ("xbrli:shares",))
    forecast = s.status is Status.FORECAST or bool(_FORECAST_WORDS.search(at.segment))
    if forecast:  # "the forecast revenues": the item is revenues
        label = " ".join(_FORECAST_WORDS.sub(" ", label).split()) or label
    for each in dates_for_all or [period]:
        s.ctx.result.observations.append(Observation(
            label=label, sections=s.context + sections, statement="prose", span=at.span, source_text=at.source,
            value=numbers.normalize_decimal(value.scaleb(scale)), negated_wording=negative,
            period=each, unit=unit, decimals=places - scale, scale=scale,
            kind="percent" if tok.kind == "percent" else ("count" if unit is None else ""),
            origin="prose", period_hint=r.hint or "end", same_figure=len(dates_for_all) > 1,
            status=Status.FORECAST if forecast else Status.ACTUAL))
    if not topic and tok.kind == "amount":
        topic = re.sub(r"^(?:cost\s+of\s+)|\s+revenues?$", "", label, flags=re.I).strip()
    return topic


_RESPECTIVELY = re.compile(r",?\s*respectively\b", re.I)
_AND_LIST = re.compile(r"(?<!\s)\s*+(?:,\s*+(?:and\s++)?|(?<=\s)and\s++)")


def _respectively(text: str, found: list[Token], cal: FiscalCalendar,
                  in_label: bool = False) -> dict[int, list[tuple[str | None, Period | None]]]:
    """"The balances of common stock and additional paid-in capital ... were JPY25,497 million and
    JPY 35,933 million, respectively"; "allowance ... of JPY 93,934 thousand and JPY 54,390 thousand
    at March 31, 2013 and September 30, 2013, respectively": labels or dates paired with values in order.

    In a row label (``in_label``) a figure stated once for the row's dates applies to each of them
    ("Treasury stock—1,650,909 shares held ... at March 31, 2017 and September 30, 2017,
    respectively"); its label is then None: whatever the sentence says it is about."""
    if not _RESPECTIVELY.search(text):
        return {}
    amounts = [i for i, t in enumerate(found) if t.kind in ("amount", "count", "shares")]
    runs: list[list[int]] = []
    for i in amounts:
        if runs and _AND_LIST.fullmatch(text[found[runs[-1][-1]].end:found[i].start]):
            runs[-1].append(i)
        else:
            runs.append([i])
    out: dict[int, list[tuple[str | None, Period | None]]] = {}
    for run in runs:
        tail = text[found[run[-1]].end:]
        if "respectively" not in tail:
            continue
        dates = [d.date for d in find_dates(tail.split("respectively")[0]) if d.date]
        if len(run) == 1:
            if in_label and len(dates) > 1:
                out[run[0]] = [(None, Period(end=d)) for d in dates]
            continue
        before = text[:found[run[0]].start]
        m = _COPULA.search(before)
        # "Treasury stock —758,800 shares and 758,813 shares held ... at D1 and D2, respectively"
        subject = _subject(before[:m.start()] if m else before)
        if not subject and (phrase := _PHRASE_COMMA.search(before)):
            subject = _clean(phrase["phrase"])  # "issued and outstanding, 46,711,400 and 46,713,800 shares at ..."
        if not subject:
            continue
        if len(dates) == len(run):  # one item at several dates
            out.update({i: [(subject, Period(end=d))] for i, d in zip(run, dates, strict=True)})
            continue
        labels = [s for s in _AND_LIST.split(subject) if s]
        if len(labels) > 1 and all(len(x.split()) == 1 for x in labels[1:]) and len(labels[0].split()) > 1:
            # "current deferred tax assets and liabilities": the shared words go with each
            shared = labels[0].rsplit(" ", 1)[0]
            labels = [labels[0]] + [f"{shared} {x}" for x in labels[1:]]
        if len(labels) == len(run):
            period = _period_in(before, cal)
            out.update({i: [(label, period)] for i, label in zip(run, labels, strict=True)})
    return out


def extract_columns(columns: list[list[tuple[str, Span]]], hints: list[str], cal: FiscalCalendar,
                    default: Period | None, convenience_note: bool, context: tuple[str, ...] = ()) -> Extraction:
    """Sentences written down the columns of a table ("Current articles" | "After the amendment"):
    each column's cells read top to bottom as one text; ``hints`` says whether a column
    is the state before or after a change."""
    ctx = Context(cal, default, convenience_note, Extraction())
    for pieces, hint in zip(columns, hints, strict=True):
        text, offsets, previous = "", [], ""
        for piece, span in pieces:
            if text:
                # a caption cell ("Article 6", "(Total Number of ...)") ends a sentence
                caption = len(previous.split()) <= 3 or (previous.startswith("(") and previous.endswith(")"))
                gap = ". " if caption and not previous.endswith((".", ",")) and piece[:1].isupper() else " "
                text += gap
                offsets.extend([None] * len(gap))
            for i in range(len(piece)):
                offsets.append((span.line, span.start + i))
            text += piece
            previous = piece

        def locate(a: int, b: int, offsets=offsets, text=text) -> Span:
            first, last = offsets[a], offsets[b - 1]
            if first is None or last is None or first[0] != last[0]:
                return Span(first[0] if first else 0, 0, 0)
            return Span(first[0], first[1], last[1] + 1)

        for s, e in _sentences(text):
            _sentence(ctx, text[s:e], lambda a, b, s=s, loc=locate: loc(s + a, s + b), default, "", hint=hint,
                      context=context)
    for skip in ctx.result.skipped:
        skip.origin = "table"
    return ctx.result


def _is_caption(line: str) -> bool:
    """A short line announcing figures below it: "(Note1) Total comprehensive income ...", "1) ...:"."""
    text = line.strip()
    return 0 < len(text) <= 100 and not tokens(text) and (text.endswith(":") or text.startswith("(Note"))


def current_period(observations: list[Observation]) -> Period | None:
    """What a release reports on: the longest period ending last among its table figures."""
    durations = [o.period for o in observations if o.period.start is not None and o.status.value == "actual"]
    if not durations:
        return None
    latest = max(p.end for p in durations)
    return max((p for p in durations if p.end == latest), key=lambda p: p.months)

