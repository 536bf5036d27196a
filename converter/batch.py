"""Convert many filings to files: collect inputs, convert, write every output atomically."""

from __future__ import annotations

import multiprocessing
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import linkbases
from .emit import EMITTERS, EmitContext
from .emit.report import coverage
from .model import Filing
from .pipeline import Settings, convert_path
from .reader import InputError
from .writing import atomic_write_bytes

DEFAULT_FORMATS = ("ixbrl", "xbrl", "json", "rdf")
# The filing's extension schema and calculation linkbase go with any XBRL output.
_NEEDS_EXTENSION = {"ixbrl", "xbrl", "json"}


@dataclass
class Outcome:
    """What happened to one input: the filing (in-process only), its summary, or the error."""

    source: str
    filing: Filing | None = None
    error: str | None = None
    written: list[Path] = field(default_factory=list)
    rdf: bytes = b""  # the filing's Turtle, for loading into a store
    name: str = ""  # the input's file name
    facts: int = 0
    skipped: int = 0
    warnings: int = 0
    coverage: dict = field(default_factory=dict)
    warning_lines: list[str] = field(default_factory=list)  # "line 52: ..." for --verbose

    @property
    def ok(self) -> bool:
        return self.error is None


def shard_of(path: Path, count: int) -> int:
    """The shard (0..count-1) a file belongs to, by its name: stable on any machine and listing order."""
    return zlib.crc32(path.name.encode("utf-8")) % count


def collect_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and the ``*.txt`` files of folders (sorted); missing paths are kept
    so that converting them reports the error in order."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix.lower() == ".txt" and p.is_file()))
        else:
            found.append(path)
    return found


def write_taxonomy(out: Path, ctx: EmitContext) -> Path:
    """The taxonomy the outputs refer to, under ``out/taxonomy`` (with its full calculation networks)."""
    folder = out / ctx.taxonomy_dir
    linkbases.write(ctx.taxonomy, folder)
    return folder


def render(filing: Filing, ctx: EmitContext, formats: Iterable[str]) -> dict[str, bytes]:
    """Every output of one filing, in memory: written only if all of them render."""
    names = list(dict.fromkeys(formats))
    if _NEEDS_EXTENSION & set(names):
        names += ["schema", "calc"]
    return {filing.document.stem + EMITTERS[n].suffix: EMITTERS[n].render(filing, ctx) for n in names}


def convert_one(path: Path, out: Path, settings: Settings, ctx: EmitContext,
                formats: Iterable[str] = DEFAULT_FORMATS) -> Outcome:
    try:
        filing = convert_path(path, settings)
    except InputError as exc:
        exc.source = str(path)  # name the file as the user gave it
        return Outcome(str(path), error=str(exc))
    if filing.rejection is not None:
        # nothing to emit, but the report (if asked for) says what was found and why nothing is a fact
        outcome = Outcome(str(path), error=str(InputError(str(path), filing.rejection)), name=filing.document.name,
                          skipped=len(filing.skipped))
        if "report" in formats:
            for name, data in render(filing, ctx, ("report",)).items():
                atomic_write_bytes(out / name, data)
                outcome.written.append(out / name)
        return outcome
    outcome = Outcome(str(path), filing=filing, name=filing.document.name, facts=len(filing.facts),
                      skipped=len(filing.skipped), warnings=len(filing.warnings), coverage=coverage(filing),
                      warning_lines=[(f"line {m.line}: " if m.line else "") + m.text for m in filing.warnings])
    for name, data in render(filing, ctx, formats).items():
        target = out / name
        atomic_write_bytes(target, data)
        outcome.written.append(target)
        if name.endswith(".ttl"):
            outcome.rdf = data
    return outcome


def convert_many(paths: list[Path], out: Path, settings: Settings, ctx: EmitContext,
                 formats: Iterable[str] = DEFAULT_FORMATS, jobs: int = 1,
                 entity_files: tuple[Path, ...] = ()) -> Iterator[Outcome]:
    """Convert in input order; with ``jobs`` > 1 in that many worker processes (the outcomes come
    back in input order, without the Filing objects, and the files written are the same).
    Workers rebuild the settings from ``entity_files`` and ``settings.entity``."""
    out.mkdir(parents=True, exist_ok=True)
    write_taxonomy(out, ctx)
    formats = tuple(formats)
    if jobs <= 1 or len(paths) < 2:
        for path in paths:
            yield convert_one(path, out, settings, ctx, formats)
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = multiprocessing.get_context(method).Pool(
        jobs, initializer=_worker_init, initargs=(tuple(entity_files), settings.entity, out, formats))
    try:
        yield from pool.imap(_worker_convert, paths, chunksize=1)
    finally:
        pool.terminate()
        pool.join()


_WORKER: dict = {}


def _worker_init(entity_files: tuple[Path, ...], entity: str | None, out: Path, formats: tuple[str, ...]) -> None:
    from .entities import load_registry

    settings = Settings(registry=load_registry(*entity_files), entity=entity)
    _WORKER.update(settings=settings, ctx=EmitContext(settings.taxonomy), out=out, formats=formats)


def _worker_convert(path: Path) -> Outcome:
    outcome = convert_one(path, _WORKER["out"], _WORKER["settings"], _WORKER["ctx"], _WORKER["formats"])
    outcome.filing = None  # stays in the worker: the summary and the Turtle go back
    return outcome
