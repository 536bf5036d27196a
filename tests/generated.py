"""Random filings for property tests and the fuzz run: real structure (a dateline, tables with
header rows, sentences), random content (labels, numbers, dashes, junk, dates, odd characters)."""

from __future__ import annotations

import random

LABELS = ["Total revenues", "Cost of revenues", "Operating income", "Net income attributable to IIJ",
          "Cash and cash equivalents", "Total assets", "Interest expense", "Others", "Total",
          "Dividend per share", "Record date", "Network services:", "REVENUES:", "Less: noncontrolling interests",
          "Basic net income per share", "Number of shares", "Elimination", "ATM operation business", "", "???",
          "<b>bold</b> & co", "Ünïcödé ラベル", "label with \"quotes\"", "(1)", "—", "Notes: see below"]
HEADERS = ["Six Months Ended September 30, 2013", "As of March 31, 2013", "1H13", "2Q13", "FY2014", "FY2013 (forecast)",
           "Thousands of JPY", "JPY millions", "%", "Year ending March 31, 2017", "Sunday, September 30, 2012",
           "February 30, 2017", "", "Latest forecast", "Thousands of U.S. Dollars", "YoY", "Record date"]
WORDS = ["revenues", "were", "increased", "by", "JPY", "million", "for", "1H13", "compared", "with", "the", "of",
         "up", "%", "YoY", "respectively", "and", "as", "of", "shares", "record", "date", "dividend", "per", "share",
         "(", ")", ",", ";", "billion", "thousand", "yen", "—", "would have been"]


def number(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.35:
        return f"{rng.randint(0, 10**rng.randint(1, 10)):,}"
    if kind < 0.5:
        return f"({rng.randint(0, 10**rng.randint(1, 8)):,})"
    if kind < 0.6:
        return f"{rng.uniform(-100, 100):.{rng.randint(0, 3)}f}"
    if kind < 0.7:
        return rng.choice(["-", "—", "–", "", " ", "n/a", ", ,", ".,,"])
    if kind < 0.8:
        return rng.choice(["1,2,3", "12,34", "(1,234", "1,234)", "1.2.3", "JPY1,000 million", "$553", "6.4%",
                           "12,34513,579", "176,000 11.5", "0.1 31.1"])
    if kind < 0.9:
        return rng.choice(["September 30, 2013", "March 31, 2014", "February 30, 2017", "2013-09-30"])
    return "".join(rng.choice("0123456789,.()-% ") for _ in range(rng.randint(1, 12)))


PERIODS = [("Six Months Ended September 30, {y}", "Six Months Ended September 30, {y1}"),
           ("As of March 31, {y}", "As of March 31, {y1}"), ("1H{yy}", "1H{yy1}"), ("FY{y}", "FY{y1} (forecast)"),
           ("Three Months Ended June 30, {y}", "Three Months Ended June 30, {y1}")]
UNITS = ["Thousands of JPY", "JPY millions", "Millions of yen", "JPY", "%", ""]
ITEMS = ["Total revenues", "Cost of revenues", "Operating income", "Income before income tax expense",
         "Net income attributable to IIJ", "Cash and cash equivalents", "Total assets", "Total liabilities",
         "Interest expense", "Dividend income", "Depreciation and amortization", "Purchases of property and equipment",
         "Basic net income attributable to IIJ per share (JPY)", "Number of shares outstanding", "Gross margin ratio"]


def plausible_table(rng: random.Random) -> str:
    """A statement-like table: period headers, a unit row, known line items, mostly good numbers."""
    year = rng.randint(2005, 2030)
    first, second = rng.choice(PERIODS)
    fmt = {"y": year, "y1": year + 1, "yy": f"{year % 100:02d}", "yy1": f"{(year + 1) % 100:02d}"}
    unit = rng.choice(UNITS)
    rows = [rng.choice(["Consolidated Statements of Income", "Consolidated Balance Sheets", "Highlights"]), "",
            f"\t{first.format(**fmt)}\t{second.format(**fmt)}"]
    if unit:
        rows.append(f"\t{unit}\t{unit}")
    for item in rng.sample(ITEMS, rng.randint(2, 8)):
        cells = [f"{rng.randint(0, 10**rng.randint(2, 9)):,}" if rng.random() < 0.85 else number(rng) for _ in range(2)]
        rows.append("\t".join([item, *cells]))
    return "\n".join(rows) + "\n"


def filing(rng: random.Random) -> str:
    """A random filing of IIJ (so the issuer is known), usually with something to extract."""
    parts = []
    if rng.random() < 0.9:
        parts.append(f"TOKYO, {rng.choice(['November 8, 2013', 'May 24, 2018', 'Sunday, September 30, 2012'])} - "
                     "Internet Initiative Japan Inc. today announced its results.\n")
    else:
        parts.append("Internet Initiative Japan Inc. (IIJ)\n")
    for _ in range(rng.randint(1, 4)):
        if rng.random() < 0.5:
            parts.append(plausible_table(rng))
        elif rng.random() < 0.6:
            width = rng.randint(1, 5)
            sep = rng.choice(["\t", "\t", " | ", "  "])
            rows = [rng.choice(["Consolidated Statements of Income", "Consolidated Balance Sheets", "Dividends",
                                "Highlights (JPY millions)", "Segment information", ""])]
            for _ in range(rng.randint(0, 3)):
                rows.append(sep.join([""] + [rng.choice(HEADERS) for _ in range(width)]))
            for _ in range(rng.randint(1, 12)):
                rows.append(sep.join([rng.choice(LABELS)] + [number(rng) for _ in range(rng.randint(0, width + 1))]))
            parts.append("\n".join(rows) + "\n")
        else:
            words = [rng.choice(WORDS + [number(rng), rng.choice(LABELS)]) for _ in range(rng.randint(3, 40))]
            parts.append(" ".join(words) + rng.choice([".", "", ";"]) + "\n")
    return "\n".join(parts)
