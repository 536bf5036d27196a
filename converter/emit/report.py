"""The coverage report: every number found, with its fate (emitted as which fact, or skipped and why)."""

from __future__ import annotations

import json
from collections import Counter

from ..model import Filing
from . import register
from .common import EmitContext, value_text


def coverage(filing: Filing) -> dict:
    """Counts of numbers found in tables and sentences, and how many have a fate other than "unmapped"."""
    table_facts = sum(1 for f in filing.facts if f.statement != "prose")
    table_skips = [s for s in filing.skipped if s.origin == "table"]
    prose_facts = len(filing.facts) - table_facts
    prose_skips = [s for s in filing.skipped if s.origin == "prose"]
    unmapped_cells = sum(1 for s in table_skips if s.reason.startswith("unmapped"))
    cells = table_facts + len(table_skips)
    return {
        "table_cells": cells,
        "table_cells_emitted": table_facts,
        "table_cells_skipped": len(table_skips),
        "table_cells_unmapped": unmapped_cells,
        "table_cells_accounted": round((cells - unmapped_cells) / cells, 4) if cells else 1.0,
        "sentence_numbers": prose_facts + len(prose_skips),
        "sentence_numbers_emitted": prose_facts,
        "sentence_numbers_skipped": len(prose_skips),
    }


_FROM = {"prose": "sentence", "table": "table", "text": "text"}


@register("report", ".report.json", "coverage report: every number found and its fate")
def render(filing: Filing, ctx: EmitContext) -> bytes:
    entries = []
    for f in filing.facts:
        entries.append({
            "line": f.span.line, "column": f.span.start + 1, "text": f.source_text, "fate": "emitted",
            "fact": f.id, "concept": ctx.taxonomy.qname(f.concept), "label": f.label, "period": f.period.key,
            "unit": f.unit.oim if f.unit else None, "value": value_text(f.value), "decimals": f.decimals,
            "status": f.status.value, "dimensions": {a: m for a, m in f.dimensions}, "rule": f.rule,
            "from": "sentence" if f.statement == "prose" else "table",
        })
    for s in filing.skipped:
        entry = {"line": s.span.line, "column": s.span.start + 1, "text": s.text, "fate": "skipped",
                 "reason": s.reason, "label": s.label, "from": _FROM.get(s.origin, s.origin)}
        if s.candidates:
            entry["candidates"] = [ctx.taxonomy.qname(c) for c in s.candidates]
        entries.append(entry)
    entries.sort(key=lambda e: (e["line"], e["column"]))
    reasons = Counter(s.reason.split(":")[0] if s.reason.startswith("unmapped") else s.reason for s in filing.skipped)
    report = {
        "filing": filing.document.name,
        "rejected": filing.rejection,
        "entity": filing.entity.name if filing.entity.key else None,
        "issued": filing.issued.isoformat() if filing.issued else None,
        "document_type": filing.document_type,
        "coverage": coverage(filing),
        "numbers_found": filing.numbers,
        "skip_reasons": dict(sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))),
        "messages": [{"level": m.level, "line": m.line, "text": m.text} for m in filing.messages],
        "numbers": entries,
    }
    return (json.dumps(report, indent=1, ensure_ascii=False) + "\n").encode("utf-8")
