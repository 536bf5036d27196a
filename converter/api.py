"""The library in one call: ``converter.convert(path_or_text)``.

    >>> import converter
    >>> result = converter.convert("examples/iij-2016-11-04-interim-dividend.txt")
    >>> [(f.concept, f.period.key, f.value) for f in result.facts][:2]
    >>> result.to_rdf().serialize(format="turtle")
    >>> result.write("out")            # every output file, as `ledgerlink convert` writes them
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .batch import convert_document_bounded, render, write_taxonomy
from .emit import EMITTERS, EmitContext
from .emit.report import coverage
from . import taxonomy as taxonomy_mod
from .entities import load_registry
from .model import Fact, Filing, Message, Skip
from .pipeline import Settings, convert_document
from .reader import InputError, document_from_text, read_document
from .writing import atomic_write_bytes

_SETTINGS: dict[tuple, Settings] = {}


@dataclass
class Result:
    """One converted filing: its facts, what was skipped and why, and every output format."""

    filing: Filing
    settings: Settings = field(repr=False)

    @property
    def facts(self) -> list[Fact]:
        return self.filing.facts

    @property
    def skipped(self) -> list[Skip]:
        return self.filing.skipped

    @property
    def messages(self) -> list[Message]:
        return self.filing.messages

    @property
    def report(self) -> dict:
        """The coverage report (what `--report` writes): every number found and its fate."""
        return json.loads(self._render("report"))

    @property
    def coverage(self) -> dict:
        return coverage(self.filing)

    def _render(self, name: str) -> bytes:
        return EMITTERS[name].render(self.filing, EmitContext(self.settings.taxonomy))

    def to_ixbrl(self) -> str:
        """Inline XBRL 1.1 (XHTML); it refers to the taxonomy as `write` lays it out."""
        return self._render("ixbrl").decode("utf-8")

    def to_xbrl(self) -> str:
        return self._render("xbrl").decode("utf-8")

    def to_json(self) -> dict:
        """xBRL-JSON (OIM) as a dict (values are strings, exact)."""
        return json.loads(self._render("json"))

    def to_turtle(self) -> str:
        return self._render("rdf").decode("utf-8")

    def to_rdf(self):
        """The filing's RDF as an rdflib Graph."""
        import rdflib

        return rdflib.Graph().parse(data=self.to_turtle(), format="turtle")

    def to_dataframe(self):
        """One row per fact (pandas, if installed): concept, label, period, value, unit, decimals,
        status, dimensions, source line and text."""
        try:
            import pandas as pd
        except ImportError:  # pragma: no cover - depends on the environment
            raise ImportError("to_dataframe needs pandas: pip install pandas") from None
        tax = self.settings.taxonomy
        return pd.DataFrame([{
            "concept": f.concept, "label": tax.concepts[f.concept].label,
            "start": f.period.start, "end": f.period.end, "instant": f.period.is_instant,
            "value": f.value, "unit": f.unit.oim if f.unit else None, "decimals": f.decimals,
            "status": f.status.value, "dimensions": dict(f.dimensions), "line": f.span.line, "text": f.source_text,
        } for f in self.facts])

    def write(self, out: str | Path, formats: tuple[str, ...] = ("ixbrl", "xbrl", "json", "rdf")) -> list[Path]:
        """Write the outputs (and the taxonomy they refer to) into a folder, atomically."""
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        ctx = EmitContext(self.settings.taxonomy)
        write_taxonomy(folder, ctx)
        written = []
        for name, data in render(self.filing, ctx, formats).items():
            atomic_write_bytes(folder / name, data)
            written.append(folder / name)
        return written


def convert(source: str | Path, entity: str | None = None, entities: tuple[str | Path, ...] = (),
            name: str = "filing.txt", timeout: float | None = None,
            extensions: tuple[str | Path, ...] = ()) -> Result:
    """Convert a filing given as a path or as its text.

    ``entity`` forces the issuer (a registry key); ``entities`` adds registry files; ``extensions``
    adds company extensions of the taxonomy (TOML files, see taxonomy/extensions/); ``name``
    is the file name given to text (its date, if any, helps date the release).  Raises
    ``converter.reader.InputError`` for input that cannot be converted; when the text was read
    but yields nothing to emit, the error's ``result`` still holds the report of what was found.

    ``timeout`` (seconds; None or 0: no bound) converts in a child process that is killed when it
    takes longer (a runaway match cannot be interrupted in-thread); ``InputError`` then says
    "conversion stopped after N s (timeout)".
    """
    key = (entity, tuple(str(e) for e in entities), tuple(str(e) for e in extensions))
    settings = _SETTINGS.get(key)
    if settings is None:
        tax = taxonomy_mod.with_extensions(taxonomy_mod.default(), map(Path, extensions))
        settings = _SETTINGS[key] = Settings(taxonomy=tax, registry=load_registry(*map(Path, entities)), entity=entity)
    if isinstance(source, Path) or ("\n" not in source and len(source) < 4096 and Path(source).is_file()):
        doc = read_document(Path(source))
    else:
        doc = document_from_text(source, name)
    filing = convert_document_bounded(doc, settings, timeout) if timeout else convert_document(doc, settings)
    result = Result(filing, settings)
    if result.filing.rejection is not None:
        error = InputError(doc.name, result.filing.rejection)
        error.result = result  # what was found and why nothing is a fact: error.result.report
        raise error
    return result


__all__ = ["convert", "Result", "InputError"]
