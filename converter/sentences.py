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
from dataclasses import dataclass
from decimal import Decimal

from . import numbers
from .layout import heading_text
from .model import JPY, PURE, SHARES, Block, Document, Extraction, Message, Observation, Period, Skip, Span, Status
from .periods import FiscalCalendar, find_dates, parse_period, status_of

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
_CHANGE_AFTER = re.compile(r"^\s*(?:YoY|year[- ]on[- ]year|year[- ]over[- ]year)\b", re.I)
_COPULA = re.compile(r"(?:\b(?:was|were|is|are|shall\s+be|will\s+be|amounted\s+to|totall?ed|reached|came\s+to|"
                     r"consisted\s+of|of|at)\s+"
                     r"(?:(?:an?|the)\s+(?P<kind>income|expense|gain|loss|profit|increase|decrease)\s+of\s+)?|:\s*)$", re.I)
_COMPARE = re.compile(r"(?:\(\s*(?:an?\s+(?P<kind>income|expense|gain|loss|profit)\s+of\s+)?"
                      r"|\b(?:compared\s+(?:to|with)|from|versus|vs\.?|against)\s+)$", re.I)
_TO = re.compile(r"\bto\s+$", re.I)
_PHRASE_COMMA = re.compile(r"(?:^|[;\u2014\u2013]|\s-\s)\s*(?!(?:in|of|for|from|to|at|by|and)\s)"
                            r"(?P<phrase>[A-Za-z][A-Za-z -]{2,40}?),\s*$", re.I)
_HEADLINE = re.compile(r"\s*+(?:[-*•]\s*+)?(?P<label>[A-Z][A-Za-z&'/,() -]{2,70}?)\s*+:?\s*+")
_VERB = re.compile(r"\b(?:was|were|is|are|be|been|has|have|had|increased|decreased|rose|fell|grew|declined|reached|"
                   r"amounted|totaled|totalled|recorded|posted|reported|said|announced|expects?|plans?)\b", re.I)
_CHANGED_ITEM = re.compile(r"(?:^|[;.]\s)(?P<item>[^;()]+?)(?<!\s)\s++(?:increased|decreased|rose|fell|grew|declined)"
                           r"\s++by\s*+$",
                           re.I)
_CASH_FLOW_NOUN = re.compile(r"(?:net\s+)?cash\s+(?:out\s?flows?|in\s?flows?)", re.I)
_FLOW_SOURCE = re.compile(r"\s*from\s+(?P<source>[a-z][a-z ,-]+?)\s*(?=[.;]|$)", re.I)
_FORECAST_WORDS = re.compile(r"\b(?:forecasts?|targets?|expects?|expected|outlook|guidance|projected|projections?|"
                             r"estimates?|estimated|plans?\s+to|aims?\s+(?:to|for|at))\b", re.I)
_HYPOTHETICAL = re.compile(r"\bwould\s+(?:have\s+been|be|have\s+amounted\s+to)\b", re.I)
_CHANGED_FROM = re.compile(r"\b(?:shall\s+be\s+|will\s+be\s+|was\s+|were\s+)?(?:adjusted|changed|increased|decreased|raised|"
                           r"reduced|revised)\s+from\s+$", re.I)
_IN_FOLLOWS = re.compile(r"^\s+in\s+(?P<label>[a-z][\w\s-]*?)(?=,|\sand\s|\.|;|$)")
_FILLER = re.compile(
    r"^(?:.*\b(?:mainly\s+(?:due\s+to|because\s+of|related\s+to)|due\s+to|because\s+of|as\s+a\s+result\s+of\s+the\s+above|"
    r"in\s+the\s+breakdown|the\s+major\s+breakdown\s+of\s+[\w\s]+?\s+was|there\s+were|including|"
    r"(?:said|reported|announced|stated)(?:\s+that)?)\b[,\s]*)", re.I)
_LEAD = re.compile(r"^(?:and|or|the|a|an|as\s+for|in\s+total|compared\s+(?:to|with)|yoy|year[- ]on[- ]year|net\s+of"
                   r"|thousand|million|billion|to\s+was|included\s+in)\s+", re.I)
_FISCAL_TOKEN = re.compile(r"\b(?:FY\s?\d{2,4}|[12]H\s?\d{2,4}|[1-4]Q\s?\d{2,4})\s+", re.I)
_BREAKDOWN = re.compile(r"\bbreakdown\b|\bconsist(?:s|ed)?\b|\bcompris(?:e|es|ed)\b", re.I)
_RATE = re.compile(r"^\s*(?:per|=|to)\s+(?:1\s?)?(?:US\\?\$|U\.S\.\s*dollar|USD|\$)", re.I)
_BALANCE_OF = re.compile(r"^(?:the\s+)?balances?\s+of\s+", re.I)
_NEGATIVE_WORDS = re.compile(r"\b(?:loss|losses|deficit|used\s+in|outflow)\b", re.I)
_MARKUP = re.compile(r"</?(?:u|b|i|strong|em|sup)>|\*\*|&lt;/?sup&gt;")
_DAMAGED = re.compile(r"^\d{1,3}\.\d{3}$")  # "2.088" with a scale word: a comma typed as a point


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


def extract(doc: Document, blocks: list[Block], cal: FiscalCalendar, current: Period | None,
            convenience_note: bool, skip_lines: set[int]) -> Extraction:
    ctx = Context(cal, current, convenience_note, Extraction())
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
        for number in range(block.first_line, block.last_line + 1):
            line = doc.line(number)
            if number in skip_lines:
                continue
            for s, e in _sentences(line):
                topic = _sentence(ctx, line[s:e], _on_line(number, s), heading_period or current, topic, caption,
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


def _sentence(ctx: Context, text: str, locate, default: Period | None, topic: str, caption: str = "",
              hint: str = "", context: tuple[str, ...] = (), status: Status = Status.ACTUAL) -> str:
    """Read one sentence; ``locate(start, end)`` gives the Span of characters of ``text``.
    Returns the paragraph's topic (the lead subject) for the next sentences."""
    found = tokens(text)
    if not found:
        return topic
    result = ctx.result
    last_label, last_period = "", None
    last_from: tuple[int, str] | None = None
    breakdown: tuple[str, ...] = ()  # "the breakdown of X was A in B, C in D": B and D are parts of X
    changes: set[int] = set()  # tokens that are changes, not balances
    changed_item: tuple[str, Period | None] = ("", None)  # "X as of D increased by A ...": X and D
    given_hint = hint
    previous_end = 0
    paired = _respectively(text, found, ctx.cal, in_label=bool(context))
    for index, tok in enumerate(found):
        segment, after = _own(text[previous_end:tok.start]), text[tok.end:]
        segment = _SPELLED.sub(" ", segment)  # "seventy five million and ... (75,520,000)": the words say the same
        segment = re.sub(r"\bto\s+(?:was|were)\s*$", "to ", segment)  # "increased by X to was Y": a slip of the pen
        before = text[:tok.start]
        previous_end = tok.end
        span = locate(tok.num_start, tok.num_end)
        source = text[tok.start:tok.end]
        if tok.kind == "amount" and tok.currency and tok.currency != "JPY":
            reason = "U.S. dollar convenience translation" if ctx.convenience_note and tok.currency == "USD" \
                else f"amount in {tok.currency}, not the reporting currency"
            result.skipped.append(Skip(span, source, reason))
            continue
        if tok.kind == "amount" and tok.scale and _DAMAGED.match(tok.number):
            result.skipped.append(Skip(span, source, f"suspect number: {tok.number!r} looks like a thousands separator "
                                       "typed as a decimal point"))
            result.messages.append(Message("warning", f"suspect number {source!r} not emitted", span.line))
            continue
        if tok.kind == "amount" and _RATE.match(after):
            result.skipped.append(Skip(span, source, "exchange rate of a convenience translation"))
            continue
        if _HYPOTHETICAL.search(before):
            result.skipped.append(Skip(span, source, "pro forma figure: what it would have been under another "
                                       "assumption, not the reported value"))
            continue
        if _CHANGE_BEFORE.search(segment[-40:]) or (tok.kind == "percent" and _CHANGE_AFTER.search(after)) or (
                index - 1 in changes and _AND_LIST.fullmatch(segment)):  # "increased by A and B, respectively"
            changes.add(index)
            if (changed := _CHANGED_ITEM.search(before)) is not None:
                changed_item = (_subject(changed["item"]), _period_in(changed["item"], ctx.cal))
            kind = "year-on-year change" if tok.kind == "percent" else "change over the period"
            result.skipped.append(Skip(span, source, f"{kind} (derived from reported values)"))
            continue
        label, period, sign_word, sections, hint = "", None, "", (), given_hint
        dates_for_all: list[Period | None] = []
        if index in paired and paired[index][0][0] is None:
            dates_for_all = [p for _, p in paired[index]]
        if index in paired and not dates_for_all:
            label, period = paired[index][0]
        elif tok.kind == "count":
            label = tok.noun
            period = _period_in(_immediate(after), ctx.cal) or _period_in(segment, ctx.cal)
        elif _FROM_BALANCE.search(segment) and last_label:
            label, period = last_label, _period_in(segment, ctx.cal)
        elif (m := _CHANGED_FROM.search(segment)) is not None or (
                last_from and _TO.search(segment) and index == last_from[0] + 1):
            # "shall be adjusted from 200 shares to 400 shares": the value before and after a change
            if m is not None:
                label, hint_here = _subject(segment[:m.start()]), "beginning"
                last_from = (index, label)
            else:
                label, hint_here = last_from[1], "end"
            period = _period_in(text, ctx.cal)
            if label:
                sections = ()
                hint = hint_here
        elif (m := _COMPARE.search(segment)) or (last_label and re.fullmatch(r"\s*,\s*", segment) and _immediate(after)
                                                 and before.count("(") == before.count(")")):
            # "X of JPY106 million, JPY120 million for 1H16": the same item for another period (inside a
            # parenthesis it may as well be the comparative of the item the parenthesis explains)
            label, sign_word = last_label, (m["kind"] or "") if m else ""
            period = _period_in(_immediate(after), ctx.cal) or _period_in(segment, ctx.cal)
            if not label or period is None or period == last_period:
                result.skipped.append(Skip(span, source, "comparative figure without a subject or period of its own",
                                           label))
                continue
        elif _TO.search(segment) and (m := _CHANGE_SUBJECT.search(
                _PAREN_GROUP.sub(" ", before[: before.rstrip().rfind(" to")].rsplit("JPY", 1)[0]))):
            label = _subject(m["a"] or m["b"])
            lead = re.match(r"\s*As\s+of\s+([A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})", text)
            period = _period_in(lead.group(0), ctx.cal) if lead else None  # else the current period
        elif (m := _COPULA.search(segment)) is not None:
            label = _subject(segment[:m.start()])
            sign_word = m["kind"] or ""
            clause = re.split(r"[;]", _PAREN_GROUP.sub(" ", segment[:m.start()]))[-1]
            period = _period_in(clause, ctx.cal) or _period_in(_immediate(after), ctx.cal)
            stated_for = parse_period(segment[:m.start()], ctx.cal, bare_date_is_instant=True)
            if m.group(0).strip() == ":" and (not label or stated_for):
                # "As of September 30, 2013: 46,697,800 shares" under a caption saying what it is
                label = _caption_label(_caption_before(text[:tok.start]) or caption)
                period = stated_for or period
            inside = _IN_FOLLOWS.match(after)
            if inside and _BREAKDOWN.search(segment[:m.end()] + " " + label):
                # "The breakdown of other investments were JPY3,205 million in nonmarketable equity securities"
                whole = re.sub(r"^.*?\b(?:breakdown\s+of|of)\s+", "", label, flags=re.I)
                label, sections = _clean(inside["label"]), (whole,)
                breakdown = sections
        elif breakdown and tok.kind == "amount" and (m := _IN_FOLLOWS.match(after)) is not None:
            label, sections = _clean(m["label"]), breakdown
            period = last_period
        elif changed_item[0] and tok.kind == "amount" and re.search(r",\s*$", segment) and \
                re.fullmatch(r"[\s.)]*", after):
            # "... equity as of September 30, 2013 increased by JPY19,547 million ... in 1H13, JPY57,153 million."
            label, period = changed_item
        elif (m := _PHRASE_COMMA.search(segment)) is not None:
            # "—authorized, 75,520,000 shares; issued and outstanding, 41,295,600 shares at March 31, 2013"
            label = _clean(m["phrase"])
            ahead = _PERIOD_PHRASE.search(text[tok.end:])
            period = _period_in(ahead.group(0), ctx.cal) if ahead else None
        elif (m := _IN_FOLLOWS.match(after)) is not None and tok.kind == "amount":
            label = _clean(m["label"])
            period = _period_in(text, ctx.cal)
        if label and _CASH_FLOW_NOUN.fullmatch(label) and (m := _FLOW_SOURCE.match(_PAREN_GROUP.sub(" ", after))):
            label = f"{label} from {_clean(m['source'])}"  # "net cash out flow of X (...) from changes in ..."
        if not label and index == 0 and (m := _HEADLINE.fullmatch(segment)) and not _VERB.search(segment):
            # a highlights line: "Revenues JPY83.0 billion (up 12.0% YoY)"
            label = _clean(m["label"])
            period = _period_in(_immediate(after), ctx.cal)
        if not label and context and tok.kind == "shares":
            # "Treasury stock—1,650,909 shares held by the company": the row's own item, counted in shares
            label, sections = context[-1], ()
        if not label:
            result.skipped.append(Skip(span, source, "number in running text with no subject it is stated for"))
            continue
        if dates_for_all:
            period = dates_for_all[0]
        period = period or default
        if period is None:
            result.skipped.append(Skip(span, source, "no period stated or implied", label))
            continue
        last_label, last_period = label, period
        if label.lower() in ("gross margin", "gross margin ratio", "operating margin") and topic:
            sections = (topic,)
        value = Decimal(tok.number.replace(",", ""))
        places = len(tok.number.split(".")[1]) if "." in tok.number else 0
        if sign_word:
            negative = sign_word.lower() in ("expense", "loss", "decrease")
        else:
            negative = bool(_NEGATIVE_WORDS.search(re.sub(r"\([^)]*\)", "", label)))
        if tok.kind == "amount":
            unit, scale = JPY, tok.scale
        elif tok.kind == "percent":
            unit, scale = PURE, -2
        elif tok.kind == "shares":
            unit, scale = SHARES, 0
        else:
            unit, scale = None, 0
        forecast = status is Status.FORECAST or bool(_FORECAST_WORDS.search(segment))
        if forecast:  # "the forecast revenues": the item is revenues
            label = " ".join(_FORECAST_WORDS.sub(" ", label).split()) or label
        for each in dates_for_all or [period]:
            result.observations.append(Observation(
                label=label, sections=context + sections, statement="prose", span=span, source_text=source,
                value=numbers.normalize_decimal(value.scaleb(scale)), negated_wording=negative,
                period=each, unit=unit, decimals=places - scale, scale=scale,
                kind="percent" if tok.kind == "percent" else ("count" if unit is None else ""),
                origin="prose", period_hint=hint or "end", same_figure=len(dates_for_all) > 1,
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

