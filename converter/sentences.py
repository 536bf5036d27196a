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
from .model import JPY, PURE, SHARES, Block, Document, Extraction, Message, Observation, Period, Skip, Span
from .periods import FiscalCalendar, find_dates, parse_period

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"thousand|million|billion|trillion"
_AMOUNT = re.compile(
    rf"(?P<cur>JPY|¥|US\$|\$|USD)\s?(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALE}))?(?:\s+yen)?"
    rf"|(?P<num2>{_NUM})\s?(?P<scale2>{_SCALE})\s+(?P<yen>yen|JPY)\b", re.I)
_PERCENT = re.compile(rf"(?P<num>{_NUM})\s?(?:%|percent\b)", re.I)
_COUNT = re.compile(r"\b(?P<num>\d{1,3}(?:,\d{3})+|\d+)\s+(?P<noun>[A-Z][A-Za-z]*s|[a-z]+s)\s+"
                    r"(?:were|was|have\s+been|had\s+been|are|is)\s+(?P<verb>[a-z]+ed)\b")
_ABBREVIATIONS = {"inc", "co", "ltd", "corp", "no", "vs", "etc", "approx", "jan", "feb", "mar", "apr", "jun", "jul",
                  "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "s"}
_SENTENCE_END = re.compile(r"[.;]\s+(?=[A-Z(<\"])")
_PERIOD_PHRASE = re.compile(
    r"\b(?:for|in|during)\s+(?:the\s+)?(?P<p>[12]H\s?(?:FY\s?)?\d{2,4}|FY\s?\d{2,4}|[1-4]Q\s?(?:FY\s?)?\d{2,4}|fiscal\s+\d{4}"
    r"|(?:six|three|nine|twelve)\s+months\s+ended\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})"
    r"|\bas\s+of\s+(?P<d>[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})", re.I)
_CHANGE_BEFORE = re.compile(r"(?:\b(?:up|down|increased|decreased|grew|rose|fell|declined|increase|decrease)"
                            r"(?:\s+(?:by|of))?|\bby)\s*$", re.I)
_CHANGE_AFTER = re.compile(r"^\s*(?:YoY|year[- ]on[- ]year|year[- ]over[- ]year)\b", re.I)
_COPULA = re.compile(r"(?:\b(?:was|were|is|are|amounted\s+to|totall?ed|reached|came\s+to|of|at)\s+"
                     r"(?:(?:an?|the)\s+(?P<kind>income|expense|gain|loss|profit|increase|decrease)\s+of\s+)?|:\s*)$", re.I)
_COMPARE = re.compile(r"(?:\(\s*(?:an?\s+(?P<kind>income|expense|gain|loss|profit)\s+of\s+)?"
                      r"|\b(?:compared\s+(?:to|with)|from|versus|vs\.?|against)\s+)$", re.I)
_TO = re.compile(r"\bto\s+$", re.I)
_IN_FOLLOWS = re.compile(r"^\s+in\s+(?P<label>[a-z][\w\s-]*?)(?=,|\sand\s|\.|;|$)")
_FILLER = re.compile(
    r"^(?:.*\b(?:mainly\s+(?:due\s+to|because\s+of|related\s+to)|due\s+to|because\s+of|as\s+a\s+result\s+of\s+the\s+above|"
    r"in\s+the\s+breakdown|the\s+major\s+breakdown\s+of\s+[\w\s]+?\s+was|there\s+were|including)\b[,\s]*)", re.I)
_LEAD = re.compile(r"^(?:and|or|the|a|an|as\s+for|in\s+total)\s+", re.I)
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


def tokens(text: str) -> list[Token]:
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
    text = re.sub(r"\bin\s+total\b", "", text, flags=re.I)
    while True:
        new = _LEAD.sub("", _CONNECTOR.sub("", _BALANCE_OF.sub("", text.strip())))
        if new == text:
            break
        text = new
    return " ".join(text.split()).strip(" ,;:-")


def _period_in(text: str, cal: FiscalCalendar) -> Period | None:
    m = None
    for m in _PERIOD_PHRASE.finditer(text):
        pass
    if m is None:
        return None
    if m["d"]:
        return Period(end=find_dates(m["d"])[0].date) if find_dates(m["d"]) and find_dates(m["d"])[0].date else None
    return parse_period(m["p"], cal)


@dataclass
class Context:
    cal: FiscalCalendar
    current: Period | None  # the period a release is about (1H of its fiscal year)
    convenience_note: bool
    result: Extraction


def _sentences(line: str) -> list[tuple[int, int]]:
    """Sentence (and ";" clause) spans of a line; "Inc." and "Sep." do not end one."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(line):
        word = re.search(r"([\w.]+)$", line[start:m.start()])
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
    for block in blocks:
        if block.kind == "table":
            continue
        first = heading_text(doc.line(block.first_line))
        if block.kind == "heading":
            heading_period = parse_period(first, cal) or heading_period
            continue
        topic = ""
        for number in range(block.first_line, block.last_line + 1):
            if number in skip_lines:
                continue
            line = doc.line(number)
            for s, e in _sentences(line):
                topic = _sentence(ctx, number, line, s, e, heading_period or current, topic)
    return ctx.result


_CHANGE_SUBJECT = re.compile(
    r"(?:\b(?:an?\s+)?(?:increase|decrease)\s+in\s+(?P<a>[^,;()\d]+?)|(?P<b>[^,;()\d]+?)\s+(?:increased|decreased|rose|fell))"
    r"\s+by\s*$", re.I)
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
    if m:  # the previous amount's own "for 1H12"
        segment = segment.lstrip()[m.end():]
    return segment


def _sentence(ctx: Context, number: int, line: str, start: int, end: int, default: Period | None, topic: str) -> str:
    """Read one sentence; returns the paragraph's topic (the lead subject) for the next sentences."""
    text = line[start:end]
    found = tokens(text)
    if not found:
        return topic
    result = ctx.result
    last_label, last_period = "", None
    previous_end = 0
    for tok in found:
        segment, after = _own(text[previous_end:tok.start]), text[tok.end:]
        before = text[:tok.start]
        previous_end = tok.end
        span = Span(number, start + tok.num_start, start + tok.num_end)
        source = text[tok.start:tok.end]
        if tok.kind == "amount" and tok.currency and tok.currency != "JPY":
            reason = "U.S. dollar convenience translation" if ctx.convenience_note and tok.currency == "USD" \
                else f"amount in {tok.currency}, not the reporting currency"
            result.skipped.append(Skip(span, source, reason))
            continue
        if tok.kind == "amount" and tok.scale and _DAMAGED.match(tok.number):
            result.skipped.append(Skip(span, source, f"suspect number: {tok.number!r} looks like a thousands separator "
                                       "typed as a decimal point"))
            result.messages.append(Message("warning", f"suspect number {source!r} not emitted", number))
            continue
        if _CHANGE_BEFORE.search(segment[-40:]) or (tok.kind == "percent" and _CHANGE_AFTER.search(after)):
            kind = "year-on-year change" if tok.kind == "percent" else "change over the period"
            result.skipped.append(Skip(span, source, f"{kind} (derived from reported values)"))
            continue
        label, period, sign_word = "", None, ""
        if tok.kind == "count":
            label = tok.noun
            period = _period_in(_immediate(after), ctx.cal) or _period_in(segment, ctx.cal)
        elif _FROM_BALANCE.search(segment) and last_label:
            label, period = last_label, _period_in(segment, ctx.cal)
        elif m := _COMPARE.search(segment):
            label, sign_word = last_label, m["kind"] or ""
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
        elif (m := _IN_FOLLOWS.match(after)) is not None and tok.kind == "amount":
            label = _clean(m["label"])
            period = _period_in(text, ctx.cal)
        if not label:
            result.skipped.append(Skip(span, source, "number in running text with no subject it is stated for"))
            continue
        period = period or default
        if period is None:
            result.skipped.append(Skip(span, source, "no period stated or implied", label))
            continue
        last_label, last_period = label, period
        generic = label.lower() in ("gross margin", "gross margin ratio", "operating margin")
        sections = (topic,) if generic and topic else ()
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
        else:
            unit, scale = None, 0
        if tok.kind == "count" and "share" in tok.noun.lower():
            unit = SHARES
        result.observations.append(Observation(
            label=label, sections=sections, statement="prose", span=span, source_text=source,
            value=numbers.normalize_decimal(value.scaleb(scale)), negated_wording=negative,
            period=period, unit=unit, decimals=places - scale, scale=scale,
            kind="percent" if tok.kind == "percent" else ("count" if unit is None else ""),
            origin="prose", period_hint="end"))
        if not topic and tok.kind == "amount":
            topic = re.sub(r"^(?:cost\s+of\s+)|\s+revenues?$", "", label, flags=re.I).strip()
    return topic


def current_period(observations: list[Observation]) -> Period | None:
    """What a release reports on: the longest period ending last among its table figures."""
    durations = [o.period for o in observations if o.period.start is not None and o.status.value == "actual"]
    if not durations:
        return None
    latest = max(p.end for p in durations)
    return max((p for p in durations if p.end == latest), key=lambda p: p.months)

