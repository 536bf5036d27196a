"""Validate documents with Arelle in-process, offline, as the README's command line does."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from arelle.api.Session import Session
from arelle.RuntimeOptions import RuntimeOptions


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


@dataclass
class Validation:
    problems: list[tuple[str, str, str]]  # (level, code, message) at warning level or above
    facts: list[tuple[str, str, str, object]]  # (fact id, concept local name, context id, value)


def validate(path: Path, *, packages: list[str] | None = None) -> Validation:
    """Load and validate one document (XHTML, XBRL, xBRL-JSON, or a taxonomy entry point)."""
    handler = _Collect()
    options = RuntimeOptions(
        entrypointFile=str(path), validate=True, calcs="c11r", utrValidate=True,
        validateDuplicateFacts="inconsistent", internetConnectivity="offline", keepOpen=True,
        disablePersistentConfig=True, logLevel="INFO",
        plugins="loadFromOIM" if str(path).endswith(".json") else None,
        packages=packages,
    )
    with Session() as session:
        session.run(options, logHandler=handler)
        models = session.get_models()
        facts = []
        if models:
            for fact in models[-1].facts:
                value = fact.xValue if fact.isNumeric else fact.value
                if isinstance(value, Decimal):
                    value = value.normalize()
                facts.append((fact.id, fact.qname.localName, fact.contextID, value))
        for model in list(models):
            model.close()
    problems = [(r.levelname, getattr(r, "messageCode", ""), r.getMessage())
                for r in handler.records if r.levelno >= logging.WARNING]
    return Validation(problems, facts)
