"""Cut a document into blocks: headings, paragraphs and tab-separated tables.

This is the only stage that looks at raw line structure; the rest of the pipeline
works on blocks and their rows and cells, each of which knows its span in the text.
"""

from __future__ import annotations

import re

from .model import Block, Cell, Document, Row, Span

_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s")
_SENTENCE_END = re.compile(r"[.;,]\s*$")


def split_cells(line: str, number: int) -> list[Cell]:
    cells = []
    start = 0
    for part in line.split("\t"):
        cells.append(Cell(part, Span(number, start, start + len(part))))
        start += len(part) + 1
    return cells


def _is_heading(text: str) -> bool:
    stripped = text.strip().strip("*_ ").strip()
    if not stripped or len(stripped) > 100:
        return False
    if _SENTENCE_END.search(stripped) or stripped.startswith(("-", "•", "(Note", "*")):
        return False
    if re.search(r":\s+\S", stripped) or "@" in stripped or "http" in stripped:
        return False  # "Company name: ...", contact lines
    return stripped[0].isupper() or stripped[0].isdigit() or stripped[0] in "(<"


def segment(doc: Document) -> list[Block]:
    blocks: list[Block] = []
    current: Block | None = None
    for number, line in enumerate(doc.lines, start=1):
        if not line.strip():
            current = None
            continue
        kind = "table" if "\t" in line else "paragraph"
        if current is not None and current.kind == kind and kind == "table":
            current.last_line = number
            current.rows.append(Row(number, split_cells(line, number)))
            continue
        if current is not None and current.kind == "paragraph" and kind == "paragraph" \
                and not _MD_HEADING.match(line):
            current.last_line = number
            continue
        current = Block(kind, number, number)
        if kind == "table":
            current.rows.append(Row(number, split_cells(line, number)))
        blocks.append(current)
    for block in blocks:
        if block.kind != "paragraph":
            continue
        md = _MD_HEADING.match(doc.line(block.first_line))
        if md and block.first_line == block.last_line:
            block.kind, block.level = "heading", min(len(md.group(1)), 4)
        elif block.first_line == block.last_line and _is_heading(doc.line(block.first_line)):
            block.kind, block.level = "heading", 3
    return blocks


def heading_text(line: str) -> str:
    """A heading line without markdown decoration."""
    text = _MD_HEADING.sub("", line).strip()
    return re.sub(r"[*_]{1,3}", "", text).strip()
