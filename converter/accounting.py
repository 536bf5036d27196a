"""Every number of the text gets exactly one fate: emitted as a fact, or skipped with a reason.

The extraction stages report what they read; this last pass finds each numeric token of
the document (a run of digits with its grouping commas and decimal point: "1,234.5",
"2013", the "3" of "1Q-3Q22"), gives the tokens no stage mentioned a reason of their own
from small rules (part of a date, of a period name, a list number, a footnote mark, a
contact detail ...), and keeps one skip per token where several stages skipped it.  So the
report answers "what happened to this number?" for every number, and
``emitted + skipped == found`` holds for every filing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .model import Document, Fact, Skip, Span
from .periods import find_dates

# A numeric token: digits, with commas or points between digit groups.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*+")


@dataclass(frozen=True, slots=True)
class Token:
    span: Span
    text: str


def numeric_tokens(doc: Document) -> list[Token]:
    """Every numeric token of the document, in reading order.

    >>> [t.text for t in numeric_tokens(Document("x", ["Revenues JPY1,234.5 million in 1H13"], ""))]
    ['1,234.5', '1', '13']
    """
    found = []
    for number, line in enumerate(doc.lines, start=1):
        if not any(c.isdigit() for c in line):
            continue
        for m in _TOKEN.finditer(line):
            found.append(Token(Span(number, m.start(), m.end()), m.group(0)))
    return found


# ---------------------------------------------------------------- why a number no stage read is not a fact
# Each rule looks at the token in its line and returns a reason, or "" when it does not apply.

Rule = Callable[[str, int, int], str]


def part_of_date(line: str, start: int, end: int) -> str:
    """"September 30, 2013" written out: its day and year are the date's, not amounts."""
    for d in find_dates(line):
        if d.start <= start and end <= d.end:
            return "part of a date"
    return ""


_PERIOD_NAME = re.compile(
    r"\b(?:FY|CY|H|Q)\s?'?\d{1,4}\b|\b[1-4]Q(?:\s?-\s?[1-4]Q)?\s?(?:FY)?\s?\d{0,4}\b|\b[12]H\s?(?:FY)?\s?\d{0,4}\b"
    r"|\bfiscal\s+(?:year\s+)?\d{4}\b|\bFYE?\s+\d{4}\b|\b\d{1,2}\s+(?:months|weeks)\b|\b(?:19|20)\d\d/\d\d?\b", re.I)


def part_of_period_name(line: str, start: int, end: int) -> str:
    """"FY2013", "1H13", "1Q-3Q22", "fiscal 2021", "six months" written in figures ("13 weeks")."""
    for m in _PERIOD_NAME.finditer(line, max(0, start - 16), min(len(line), end + 16)):
        if m.start() <= start and end <= m.end():
            return "part of a period name"
    return ""


_LIST_MARK = re.compile(r"^\s*(?:#{1,6}\s*)?(?:[-*•]\s*)?\**[(\[<|]?\d{1,2}(?:\.\d{1,2})*[.)\]>|](?=\s|$|\S)")


def list_number(line: str, start: int, end: int) -> str:
    """"1. Dividend details", "(2) Schedule", "3) Record date": the numbering of a list or section."""
    m = _LIST_MARK.match(line)
    return "list or section number" if m and start < m.end() else ""


_FOOTNOTE = re.compile(r"\*\s?\d{1,2}\b|\(\s?\*\s?\d{1,2}\s?\)|\(Note\s?\d{1,2}\)|\bNote\s\d{1,2}\b", re.I)


def footnote_mark(line: str, start: int, end: int) -> str:
    """"(*1)", "*2", "(Note 3)", or a small figure glued to the end of a word ("Net profit3")."""
    for m in _FOOTNOTE.finditer(line, max(0, start - 8), min(len(line), end + 2)):
        if m.start() <= start and end <= m.end():
            return "footnote mark"
    if start > 0 and line[start - 1].islower() and end - start <= 2 and (end == len(line) or not line[end].isalnum()):
        return "footnote mark"
    if start == 0 and end - start <= 2 and end < len(line) and line[end] in " \t" and len(line.split()) > 3 \
            and line[end:].strip()[:1].isupper():
        return "footnote mark"  # "9 The depreciation line leaves out ...": a footnote's own number
    return ""


_CONTACT = re.compile(r"(?:\+\d[\d\s().-]{6,}\d)|(?:\b(?:tel|phone|fax)\b[.:]?\s*[\d\s().+-]{6,}\d)|"
                      r"(?:https?://|www\.)\S+|\S+@\S+|\b\d{3}-\d{4}\b", re.I)


def contact_detail(line: str, start: int, end: int) -> str:
    """A telephone number, URL, e-mail address or postal code."""
    for m in _CONTACT.finditer(line):
        if m.start() <= start and end <= m.end():
            return "contact detail (telephone, address or URL)"
    return ""


_CODE = re.compile(r"(?:\b(?:TSE\d?(?:\s+(?:Prime|Standard|Growth))?|NASDAQ|NYSE|ticker|CIK|LEI)\s*[:：]?"
                   r"|\bcode(?:\s+(?:number|no\.?))?\s*[:：]?|\bfile\s+(?:number|no\.?)\s*[:：]?|\bForms?)\s*$", re.I)


def securities_code(line: str, start: int, end: int) -> str:
    """"(TSE: 3774)", "Code number: 9991", "SEC file number 0-30204", "Form 20-F": an identifier."""
    return "identifier (securities code, file or form number)" if _CODE.search(line, 0, start) else ""


def ordinal(line: str, start: int, end: int) -> str:
    """"the 19th Ordinary General Meeting", "51st consecutive year"."""
    return "ordinal number" if re.match(r"(?:st|nd|rd|th)\b", line[end:end + 3], re.I) else ""


def part_of_word(line: str, start: int, end: int) -> str:
    """Digits inside a name or code: "IIJ4U", "LTE4G", "20-F", "3G", "COVID-19"."""
    before = line[start - 1] if start else ""
    after = line[end] if end < len(line) else ""
    if before.isalpha() or after.isalpha() or (before == "-" and start > 1 and line[start - 2].isalpha()) or (
            after == "-" and end + 1 < len(line) and line[end + 1].isalpha()):
        return "part of a name or code"
    return ""


def a_year(line: str, start: int, end: int) -> str:
    """A year on its own ("in 2019", "founded in 1992"): a date, not an amount."""
    text = line[start:end]
    return "a year" if re.fullmatch(r"(?:19|20)\d\d", text) else ""


RULES: tuple[Rule, ...] = (part_of_date, part_of_period_name, list_number, footnote_mark, contact_detail,
                           securities_code, ordinal, part_of_word, a_year)
UNREAD = "number no table or sentence rule reads as a fact"


def reason_for(line: str, start: int, end: int) -> str:
    """Why an unread number is not a fact: the first rule that applies, else UNREAD."""
    for rule in RULES:
        if reason := rule(line, start, end):
            return reason
    return UNREAD


# ---------------------------------------------------------------- one fate per token


def _index(spans: list[tuple[Span, object]]) -> dict[int, list[tuple[int, int, object]]]:
    by_line: dict[int, list[tuple[int, int, object]]] = {}
    for span, item in spans:
        by_line.setdefault(span.line, []).append((span.start, span.end, item))
    return by_line


def _first_over(index: dict, span: Span):
    for a, b, item in index.get(span.line, ()):
        if a < span.end and span.start < b:
            return item
    return None


def account(doc: Document, facts: list[Fact], skipped: list[Skip]) -> tuple[list[Skip], dict[str, int]]:
    """The skips to report, one per numeric token that no fact covers, and the token counts.

    Skips that cover no numeric token (a date cell read but not emitted) are kept as they are.
    """
    emitted = _index([(f.span, f) for f in facts])
    by_skip = _index([(s.span, s) for s in skipped])
    out: list[Skip] = []
    used: set[int] = set()
    counts = {"found": 0, "emitted": 0, "skipped": 0}
    for token in numeric_tokens(doc):
        counts["found"] += 1
        if _first_over(emitted, token.span) is not None:
            counts["emitted"] += 1
            continue
        counts["skipped"] += 1
        skip = _first_over(by_skip, token.span)
        if skip is None:
            line = doc.line(token.span.line)
            out.append(Skip(token.span, token.text, reason_for(line, token.span.start, token.span.end),
                            origin="text"))
        elif id(skip) not in used:
            used.add(id(skip))
            out.append(skip)
    # skips of things that are not numeric tokens (dates, dashes) stay, once each
    for skip in skipped:
        if id(skip) not in used and not any(c.isdigit() for c in skip.text):
            out.append(skip)
    out.sort(key=lambda s: (s.span.line, s.span.start))
    return out, counts
