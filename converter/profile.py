"""Who reports, in what currency, on what fiscal calendar: read off the filing itself.

A release says who issued it (its dateline, a TSE summary's "Company name:" header, an
exchange and ticker, a securities code, a CIK or LEI), which currency its amounts are
in (the symbols, codes and unit captions next to its numbers) and when its fiscal year
ends ("fiscal year ending March 31, 2014", "fiscal 2023, which ended on September 30,
2023", "the 53-week fiscal year ended September 3, 2023", a cumulative "(April 1, 2020 to
September 30, 2020)").  The profile gathers that evidence, so no registry entry is
needed; a registry entry, when one matches, adds its identifiers and may pin the rest.
Each conclusion keeps the words it rests on, for the report.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from . import entities, money
from .model import Document, Entity
from .periods import MONTHS, UNKNOWN_CALENDAR, FiscalCalendar, WeekRule, add_months, find_dates, month_end

ENTITY_SCHEME = "https://w3id.org/ledgerlink/entity"  # a stable name-based identifier when nothing better is printed
EXCHANGE_SCHEME = "https://w3id.org/ledgerlink/exchange/"  # + exchange: a listing code ("TSE" "3774")
CIK_SCHEME = "http://www.sec.gov/CIK"
LEI_SCHEME = "http://standards.iso.org/iso/17442"


@dataclass
class Profile:
    entity: Entity
    calendar: FiscalCalendar
    currency: str
    evidence: list[str] = field(default_factory=list)  # what each conclusion rests on, for the report
    registered: bool = False  # the entity came from a registry entry
    convenience: str | None = None  # the currency of convenience translations, when the text says so


# ---------------------------------------------------------------- issuer

_HEAD_LINES = 40
_LEGAL = (r"(?:(?i:Inc\.?|Incorporated|Corporation|Corp\.?|Co\.\s?,?\s?Ltd\.?|Ltd\.?|Limited|PLC|N\.V\.|S\.A\.|S\.p\.A\.|"
          r"GmbH|K\.K\.|LLC|L\.P\.)|AG|SE|Holdings(?:\s+(?:Inc\.|Ltd\.|Co\.,\s?Ltd\.|Corporation))?)")
_COMPANY = re.compile(rf"(?<![\w&])(?P<name>(?:[A-Z][\w&'.-]*\s?,?\s+){{0,6}}?[A-Z][\w&'.-]*,?\s+{_LEGAL})(?![\w])")
_NAME_FIELD = re.compile(r"^\s*(?:Company\s+name|Listed\s+company\s+name|Name\s+of\s+(?:the\s+)?listed\s+company|"
                         r"Company\s+Name|Name\s+of\s+company)\s*[:：]\s*(?P<name>.*)$", re.I)
_CODE_FIELD = re.compile(r"\b(?:Securities\s+code|Stock\s+exchange\s+code|Code\s+number|Code\s+No\.?|Stock\s+code(?:\s+number)?"
                         r"|Code)\s*[:：]?\s*(?P<code>\d{4}[0-9A-Z]?)\b", re.I)
_LISTING = re.compile(r"\b(?P<ex>NASDAQ|Nasdaq|NYSE|LSE|TSE(?:\s?Prime|\s?Standard|\s?Growth|\d)?|TYO|Euronext|XETRA|SIX|ASX|"
                      r"HKEX|SGX|TSX)\s*[:：]\s*(?P<tk>[A-Z0-9][A-Z0-9.]{0,5})\b")
_DEFINED = re.compile(r"\(\s*(?:the\s+)?[\"“]([A-Z][\w&.-]{1,30}(?:\s[A-Z][\w&.-]{1,30})?)[\"”](?:\s+or\s+the\s+[\"“]Company[\"”])?")
_CIK = re.compile(r"\bCIK\s*(?:No\.?|number)?\s*[:#]?\s*(?P<cik>\d{4,10})\b")
_LEI = re.compile(r"\bLEI\s*(?:code)?\s*[:#]?\s*(?P<lei>[A-Z0-9]{18}\d{2})\b")
_DATELINE_NAME = re.compile(
    r"(?:[-\u2013\u2014]{1,2}|\)\s*[-\u2013\u2014]{1,2}|\(GLOBE NEWSWIRE\)\s*[-\u2013\u2014]{1,2})\s*(?:The\s+Board\s+of\s+Directors\s+of\s+)?"
    r"(?P<name>[A-Z][\w&'.,-]*(?:\s+[A-Z][\w&'.,-]*){0,5})\s*(?:\(|today\b|has\b|have\b|said\b|announced\b|reported\b|"
    r"reports\b|published\b|approved\b|declared\b)")


_CODE_LABEL = re.compile(r"^\s*(?:Securities\s+code|Stock\s+exchange\s+code|Code\s+number|Code)\s*[:：]\s*$", re.I)


def _next_text(lines: list[str], i: int) -> str:
    """The first non-blank line after line ``i`` (a field whose value was broken onto the next line)."""
    for line in lines[i + 1:i + 4]:
        if line.strip():
            return line.strip()
    return ""


def _clean_name(name: str) -> str:
    name = " ".join(name.replace("\u3000", " ").split()).strip(" ,;:-")
    return re.sub(r"^(?:The\s+)", "", name)


def _title(name: str) -> str:
    """Names printed in capitals ("SEIKO EPSON CORPORATION") in the usual case, legal forms kept."""
    if not name.isupper():
        return name
    keep = {"AG", "SE", "PLC", "N.V.", "S.A.", "K.K.", "LLC", "GMBH"}
    return " ".join(w if w in keep or len(w) <= 3 and w.isalpha() and w in ("ABC",) else w.capitalize()
                    for w in name.split())


@dataclass(frozen=True)
class IssuerEvidence:
    name: str | None
    identifiers: tuple[tuple[str, str, str], ...]  # (scheme, identifier, where it was read)
    sources: tuple[str, ...]
    defined: tuple[str, ...] = ()  # names the text defines for it: ("Costco" or the "Company")


def find_issuer(doc: Document) -> IssuerEvidence:
    """The issuer's name and identifiers as the release prints them.

    >>> ev = find_issuer(Document("x.txt", ["ISSAQUAH, Wash., Jan. 19, 2023 -- Costco Wholesale Corporation "
    ...                                      "(Nasdaq: COST) said today"], ""))
    >>> ev.name, ev.identifiers[0][:2]
    ('Costco Wholesale Corporation', ('https://w3id.org/ledgerlink/exchange/NASDAQ', 'COST'))
    """
    head = doc.lines[:_HEAD_LINES]
    names: Counter[str] = Counter()
    sources: list[str] = []
    ids: list[tuple[str, str, str]] = []
    for i, line in enumerate(head):
        if m := _NAME_FIELD.match(line):
            value = m["name"].strip() or _next_text(head, i)
            value = re.split(r"\s{2,}|\s+(?:Listed|Stock|Securities|URL|Representative|Code)\b", value)[0]
            if value:
                names[_clean_name(value)] += 5
                sources.append(f"company name field (line {i + 1})")
        if m := _DATELINE_NAME.search(line):
            if find_dates(line[:m.start() + 3]) or re.search(r"\b\d{4}\s*$", line[:m.start()]):
                candidate = _clean_name(m["name"])
                legal = _COMPANY.search(candidate + " ")
                names[legal["name"] if legal else candidate] += 3
                sources.append(f"dateline (line {i + 1})")
        for cm in _COMPANY.finditer(line):
            names[_clean_name(cm["name"])] += 1
        for lm in _LISTING.finditer(line):
            exchange = re.sub(r"\s|\d", "", lm["ex"]).upper()
            exchange = {"TSEPRIME": "TSE", "TSESTANDARD": "TSE", "TSEGROWTH": "TSE", "TYO": "TSE"}.get(exchange, exchange)
            ids.append((EXCHANGE_SCHEME + exchange, lm["tk"], f"listing '{lm.group(0)}' (line {i + 1})"))
        if m := _CODE_FIELD.search(line):
            ids.append((EXCHANGE_SCHEME + "TSE", m["code"], f"securities code '{m.group(0).strip()}' (line {i + 1})"))
        elif (m := _CODE_LABEL.match(line)) and (code := re.fullmatch(r"\d{4}[0-9A-Z]?", _next_text(head, i))):
            ids.append((EXCHANGE_SCHEME + "TSE", code.group(0), f"securities code (line {i + 1})"))
    text = "\n".join(head)
    if m := _CIK.search(text):
        ids.insert(0, (CIK_SCHEME, m["cik"].zfill(10), "CIK printed in the text"))
    if m := _LEI.search(text):
        ids.insert(0, (LEI_SCHEME, m["lei"], "LEI printed in the text"))
    for short in list(names):  # "Apple" in the dateline is "Apple Inc." printed elsewhere
        longer = [n for n in names if n != short and n.startswith(short + " ") and _COMPANY.fullmatch(n)]
        if longer:
            names[max(longer, key=len)] += names.pop(short)
    name = None
    if names:
        best = max(names.values())
        # the longest of the best-supported spellings ("Costco Wholesale Corporation" over "Costco")
        name = max((n for n, c in names.items() if c == best), key=len)
    # one identifier per scheme, the first seen
    seen, unique = set(), []
    for scheme, ident, where in ids:
        if scheme not in seen:
            seen.add(scheme)
            unique.append((scheme, ident, where))
    defined = tuple(dict.fromkeys(m.group(1) for m in _DEFINED.finditer(text)))
    return IssuerEvidence(_title(name) if name else None, tuple(unique), tuple(dict.fromkeys(sources)), defined)


def short_names(name: str) -> list[str]:
    """How a release calls its issuer for short: "Costco Wholesale Corporation" -> "Costco Wholesale", "Costco"."""
    bare = re.sub(rf",?\s+{_LEGAL}$", "", name).strip()
    out = [bare] if bare and bare != name else []
    first = bare.split()[0] if bare.split() else ""
    if len(first) >= 4 and first[0].isupper() and first.lower() not in ("the", "group", "global", "international"):
        out.append(first)
    return out


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def entity_from_text(evidence: IssuerEvidence, calendar: FiscalCalendar) -> Entity | None:
    """An Entity for an issuer in no registry: the strongest identifier printed (CIK, LEI,
    listing), else a stable IRI from its name."""
    if evidence.name is None and not evidence.identifiers:
        return None
    name = evidence.name or f"{evidence.identifiers[0][0].rsplit('/', 1)[-1]} {evidence.identifiers[0][1]}"
    if evidence.identifiers:
        scheme, identifier, _ = evidence.identifiers[0]
    else:
        scheme, identifier = ENTITY_SCHEME, _slug(name)
    aliases = tuple(dict.fromkeys([name, *short_names(name), *evidence.defined] + [i for _, i, _ in evidence.identifiers]))
    return Entity(key=_slug(name) or identifier, name=name, scheme=scheme, identifier=identifier,
                  fiscal_year_end=(calendar.end_month, calendar.end_day), aliases=aliases,
                  fiscal_year_named_by=calendar.named_by)


# ---------------------------------------------------------------- currency

_CONVENIENCE = re.compile(r"convenience\s+translations?|translat\w+\s+(?:of\s+)?(?:\w+\s+){0,4}into\s+(?P<into>[A-Za-z.$ ]+?)"
                          r"(?:\s+(?:at|is|are|has|have|for|using)\b|[.,;])", re.I)
_AMOUNT_CURRENCY = re.compile(rf"(?P<pre>{money.PREFIX})\s?\(?\d|(?<![\d,.])\d[\d,.]*+\s?(?:{money.SCALE}\s+)?"
                              rf"(?P<post>yen|euros?|pence|(?<=\d)p(?![A-Za-z])|{money.CODE_AFTER})(?![A-Za-z])")


def reporting_currency(doc: Document) -> tuple[str | None, str | None, list[str]]:
    """The currency most amounts are written in, and the currency of convenience translations
    when the text says there are some ("U.S. dollar amounts are convenience translations")."""
    counts: Counter[str] = Counter()
    text = "\n".join(doc.lines)
    for m in _AMOUNT_CURRENCY.finditer(text):
        code = money.code_of(m["pre"] or m["post"] or "")
        if m["post"] and m["post"].lower() in ("p", "pence"):
            code = "GBP"
        if code:
            counts[code] += 1
    for line in doc.lines:
        if (cap := money.unit_caption(line)) is not None and cap.currency:
            counts[cap.currency] += 3  # a unit caption covers a whole table
    convenience = None
    if m := _CONVENIENCE.search(text):
        around = text[max(0, m.start() - 80):m.end() + 80]
        if re.search(r"U\.?\s?S\.?\s*dollars?|US\$|USD|\$", around):
            convenience = "USD"
    if convenience and len(counts) > 1:
        counts.pop(convenience, None)
    if not counts:
        return None, convenience, []
    best = max(sorted(counts), key=lambda c: counts[c])
    why = f"currency {best}: {counts[best]} amounts or captions" + (
        f"; {convenience} amounts are convenience translations" if convenience else "")
    return best, convenience, [why]


# ---------------------------------------------------------------- fiscal calendar

_DATE = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4})"
_YEAR_END_PHRASES = [
    # "fiscal 2023, which ended on September 30, 2023", "fiscal 2022 fourth quarter ended September 24, 2022"
    ("label", re.compile(rf"\bfiscal\s+(?:year\s+)?(?P<fy>\d{{4}}),?\s+(?:fourth\s+quarter\s+)?(?:which\s+)?"
                         rf"end(?:ed|s|ing)\s+(?:on\s+)?(?P<date>{_DATE})", re.I)),
    ("weeks", re.compile(rf"\b(?P<weeks>5[23])[- ]week\s+fiscal\s+year\s+end(?:ed|ing)\s+(?:on\s+)?(?P<date>{_DATE})", re.I)),
    ("year", re.compile(rf"\b(?:fiscal\s+year|year|FY|fiscal\s+period)\s+end(?:ed|ing)\s+(?:on\s+)?(?P<date>{_DATE})", re.I)),
]
_QUARTER_END = re.compile(rf"\b(?:(?:fiscal\s+(?P<fy>\d{{4}})\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter"
                          rf"(?:\s+of\s+(?:the\s+)?fiscal\s+year)?)\s+end(?:ed|ing)\s+(?:on\s+)?(?P<date>{_DATE})", re.I)
_HALF_END = re.compile(rf"\b(?:half[- ]year|first\s+half|six\s+months)\b[^.\n]{{0,40}}?\bend(?:ed|ing)\s+(?:on\s+)?"
                       rf"(?P<date>{_DATE})", re.I)
_MONTH_ONLY = re.compile(r"\b(?:fiscal\s+year\s+ending|FYE|FY\s+ending|year\s+ending)\s+(?P<month>" +
                         "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+(?P<year>\d{4})\b", re.I)
_PAREN_LABEL = re.compile(r"^[\s,]*\(\s*[\"“']?(?:FY\s?(?P<fy>\d{4})|fiscal\s+(?P<fy2>\d{4}))", re.I)
_FYE_LABEL = re.compile(r"\bFYE\s+(?P<fy>\d{4})\b")
_CUMULATIVE_RANGE = re.compile(r"\((?:from\s+)?(?P<a>[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})\s+(?:to|through|-|\u2013)\s+"
                               r"(?P<b>[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})\)", re.I)
_WEEK_WORDS = re.compile(r"\b(?:5[23]|1[3-7])[- ]weeks?\b", re.I)
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def _one_date(text: str) -> dt.date | None:
    found = [d.date for d in find_dates(text) if d.date]
    return found[0] if found else None


def infer_calendar(doc: Document) -> tuple[FiscalCalendar | None, list[str]]:
    """The fiscal calendar the text states or implies, with the phrases it rests on; None
    when the text says nothing about when its fiscal year ends."""
    text = "\n".join(doc.lines)
    ends: Counter[tuple[int, int]] = Counter()
    year_end_dates: list[dt.date] = []
    labels: dict[int, dt.date] = {}  # fiscal label -> the year end printed with it
    naming: Counter[str] = Counter()
    why: list[str] = []
    weeks = bool(_WEEK_WORDS.search(text))
    period_ends = _header_period_ends(doc)

    def saw(date: dt.date, weight: int, phrase: str) -> None:
        ends[(date.month, date.day)] += weight
        if len(why) < 6:
            why.append(f"'{' '.join(phrase.split())}'")

    for kind, pattern in _YEAR_END_PHRASES:
        for m in pattern.finditer(text):
            date = _one_date(m["date"])
            if date is None:
                continue
            saw(date, 3, m.group(0))
            year_end_dates.append(date)
            if kind == "label":
                fy = int(m["fy"])
                labels[fy] = date
                naming["end" if fy == date.year else "start" if fy == date.year - 1 else "?"] += 1
            if kind == "weeks":
                weeks = True
            if p := _PAREN_LABEL.match(text, m.end()):
                fy = int(p["fy"] or p["fy2"])
                labels[fy] = date
                naming["end" if fy == date.year else "start" if fy == date.year - 1 else "?"] += 1
    quarter_ends: list[dt.date] = []
    derived_ends: list[dt.date] = []
    for m in _QUARTER_END.finditer(text):
        date = _one_date(m["date"])
        if date is None:
            continue
        quarter_ends.append(date)
        q = _ORD[m["q"].lower()]
        if q == 4 and m["fy"]:
            labels[int(m["fy"])] = date
            year_end_dates.append(date)
        if date == month_end(date.year, date.month):
            later = add_months(dt.date(date.year, date.month, 1), 3 * (4 - q))
            saw(month_end(later.year, later.month), 2, m.group(0))
        else:
            year_end = _shift_days(date, 4 - q)  # a 52/53-week quarter: 13 weeks each
            saw(year_end, 2, m.group(0))
            derived_ends.append(year_end)
        if m["fy"]:
            fy_end_year = (add_months(dt.date(date.year, date.month, 1), 3 * (4 - q))).year
            fy = int(m["fy"])
            naming["end" if fy == fy_end_year else "start" if fy == fy_end_year - 1 else "?"] += 1
    for m in _HALF_END.finditer(text):
        date = _one_date(m["date"])
        if date is not None and date == month_end(date.year, date.month):
            later = add_months(dt.date(date.year, date.month, 1), 6)
            saw(month_end(later.year, later.month), 1, m.group(0))
    for m in _CUMULATIVE_RANGE.finditer(text):
        a, b = _one_date(m["a"]), _one_date(m["b"])
        if a and b and a < b and a.day == 1 and b == month_end(b.year, b.month):
            before = a - dt.timedelta(days=1)  # a cumulative period starts the day after the last year end
            saw(before, 2, m.group(0))
    for m in _MONTH_ONLY.finditer(text):
        month = MONTHS[m["month"].lower()]
        saw(month_end(int(m["year"]), month), 2, m.group(0))
    for m in _FYE_LABEL.finditer(text):
        naming["end"] += 2
        if len(why) < 6:
            why.append(f"'{m.group(0)}' names a year by its end")
    if not ends:
        return None, []
    (month, day), _ = max(sorted(ends.items()), key=lambda kv: kv[1])
    year_end_dates += [d for months, d in period_ends if months == 12]
    weeks = weeks or _week_based([d for _, d in period_ends] + year_end_dates + quarter_ends)
    rule = None
    if weeks:
        by_month: Counter[int] = Counter()
        for (mo, _), votes in ends.items():
            by_month[mo] += votes
        month = max(sorted(by_month), key=lambda mo: by_month[mo])
        rule = WeekRule.fitting(sorted(set(year_end_dates or derived_ends)))
        if rule is not None:
            month = rule.month
        day = month_end(2001, month).day
    named_by = "end" if naming["end"] > naming["start"] else "start" if naming["start"] > naming["end"] else (
        "end" if month >= 6 else "start")
    if not naming["end"] and not naming["start"]:
        why.append(f"fiscal years named by the calendar year holding most of their months ({named_by})")
    known = tuple(sorted(labels.items()))
    if weeks and year_end_dates:
        by_label = dict(known)
        for d in sorted(set(year_end_dates)):
            fy = d.year if named_by == "end" or d.month <= 6 and month >= 10 else d.year - 1
            if named_by == "start":
                fy = d.year - 1 if month != 12 else d.year
            by_label.setdefault(fy, d)
        known = tuple(sorted(by_label.items()))
    if not weeks and day >= 28:
        day = month_end(2001, month).day  # "March 30" beside "March 31": the month's end
    return FiscalCalendar(month, day, named_by, weeks=weeks, rule=rule, ends=known), why


_PERIOD_HEAD = re.compile(r"\b(?:(?P<n>three|six|nine|twelve|3|6|9|12)\s+months|(?P<weeks>thirteen|twenty-six|thirty-nine|"
                          r"fifty-two|fifty-three|13|14|26|27|39|40|52|53)\s+weeks|(?P<year>(?:fiscal\s+)?years?))"
                          r"\s+end(?:ed|ing)\b", re.I)
_WEEKS_AS_MONTHS = {"thirteen": 3, "13": 3, "14": 3, "twenty-six": 6, "26": 6, "27": 6, "thirty-nine": 9, "39": 9,
                    "40": 9, "fifty-two": 12, "fifty-three": 12, "52": 12, "53": 12}
_MONTH_DAY = re.compile(r"\b(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})\b,?(?!\s*,?\s*\d{4})")
_YEAR = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?![\d,.])")


def _months_of(head: re.Match) -> int:
    """"Three Months Ended" -> 3, "13 Weeks Ended" -> 3, "Fiscal Year Ended" -> 12."""
    if head["year"]:
        return 12
    if head["weeks"]:
        return _WEEKS_AS_MONTHS[head["weeks"].lower()]
    return {"three": 3, "six": 6, "nine": 9, "twelve": 12}.get(head["n"].lower(), 0) or int(head["n"])


def _stacked_dates(first: str, second: str) -> list[dt.date]:
    """Dates written over two header lines, month and day above the year ("September 28,   September 30,"
    over "2024   2023"), paired in order when the counts agree."""
    days, years = list(_MONTH_DAY.finditer(first)), _YEAR.findall(second)
    if not days or len(days) != len(years):
        return []
    found = []
    for m, year in zip(days, years, strict=True):
        month = MONTHS.get(m["month"].lower())
        try:
            found.append(dt.date(int(year), month, int(m["day"]))) if month else None
        except ValueError:
            return []
    return found if len(found) == len(days) else []


def _header_period_ends(doc: Document) -> list[tuple[int, dt.date]]:
    """(months, end date) of columns headed "Three/Twelve Months Ended": the date right after each
    heading, or the dates of the next line shared out among the headings in order
    ("Three Months Ended / Twelve Months Ended" over four dates: two each)."""
    found = []
    for i, line in enumerate(doc.lines):
        heads = list(_PERIOD_HEAD.finditer(line))
        if not heads:
            continue
        months = [_months_of(m) for m in heads]
        inline = [d for d in find_dates(line) if d.date]
        if inline:
            for m, n in zip(heads, months, strict=True):
                after = [d for d in inline if d.start >= m.end()]
                if after:
                    found.append((n, after[0].date))
            continue
        following = [doc.lines[j] for j in range(i + 1, min(i + 4, len(doc.lines))) if doc.lines[j].strip()][:2]
        below = following[0] if following else ""
        dates = [d.date for d in find_dates(below) if d.date] or (
            _stacked_dates(below, following[1]) if len(following) == 2 else [])
        if dates and len(dates) % len(heads) == 0:
            each = len(dates) // len(heads)
            for k, n in enumerate(months):
                found += [(n, d) for d in dates[k * each:(k + 1) * each]]
    return found


def _week_based(dates: list[dt.date]) -> bool:
    """Period ends that are not month ends, on one weekday (or clearly off a month end): a 52/53-week year.
    One date a day before a month end is more likely a slip than a calendar."""
    off = sorted({d for d in dates if d != month_end(d.year, d.month)})
    if not off:
        return False
    if len(off) >= 2:
        return len({d.weekday() for d in off}) == 1
    return (month_end(off[0].year, off[0].month) - off[0]).days >= 2


def _shift_days(date: dt.date, quarters: int) -> dt.date:
    """A 52/53-week quarter end moved on by whole quarters of 13 weeks."""
    return date + dt.timedelta(days=91 * quarters)


# ---------------------------------------------------------------- the profile


class NoIssuer(Exception):
    pass


def infer(doc: Document, registry: dict[str, Entity], forced: Entity | None = None) -> Profile:
    """The filing's profile: a registry entry when one is named (or forced), else the text's own
    evidence; the calendar and currency from the text unless the registry pins them."""
    text = "\n".join(doc.lines)
    evidence: list[str] = []
    cal, cal_why = infer_calendar(doc)
    currency, convenience, cur_why = reporting_currency(doc)
    entity, registered = forced, forced is not None
    if entity is None:
        found = entities.identify(text, registry)
        if found.entity is not None:
            entity, registered = found.entity, True
            evidence.append(f"issuer: registry entry '{found.entity.key}'")
    if entity is not None:
        pinned = FiscalCalendar.of(entity)
        if cal is not None and cal.weeks and cal.end_month in (pinned.end_month, pinned.end_month % 12 + 1,
                                                                 (pinned.end_month - 2) % 12 + 1):
            # the registry's nominal year end, refined by the week-based dates the text prints
            cal = FiscalCalendar(cal.end_month, cal.end_day, pinned.named_by, True, cal.rule, cal.ends)
            evidence.append("calendar: registry entry, with the 52/53-week dates the text prints")
        else:
            cal = pinned
            evidence.append(f"calendar: registry entry (year ends --{cal.end_month:02d}-{cal.end_day:02d}, "
                            f"named by its {cal.named_by})")
    else:
        issuer = find_issuer(doc)
        if cal is None:
            cal = UNKNOWN_CALENDAR
            cal_why = ["not stated in the text: periods named only by a fiscal label are skipped"]
        entity = entity_from_text(issuer, cal)
        if entity is None:
            raise NoIssuer("no issuer named in the text (no dateline, company name field, listing or "
                           "registry entry)")
        evidence.append(f"issuer: {entity.name} from the {', '.join(issuer.sources) or 'company names in the text'}")
        for scheme, ident, where in issuer.identifiers:
            evidence.append(f"identifier {ident} ({scheme}) from the {where}")
        if cal.known:
            evidence.append(f"calendar: year ends --{cal.end_month:02d}-{cal.end_day:02d}"
                            f"{' (52/53 weeks)' if cal.weeks else ''}, named by its {cal.named_by}, from "
                            + "; ".join(cal_why))
        else:
            evidence.append("calendar: " + cal_why[0])
    evidence += cur_why
    return Profile(entity=entity, calendar=cal, currency=currency or "USD", evidence=evidence, registered=registered,
                   convenience=convenience)
