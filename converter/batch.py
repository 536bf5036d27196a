"""Convert many filings to files: collect inputs, convert, write every output atomically.

A conversion can run away inside a regular expression match, which Python cannot interrupt in the
thread running it, so a bounded conversion (``timeout``) runs in a worker process that is killed
when it overruns: `WorkerPool` keeps such processes, feeds each one task at a time over a pipe,
gives each task a deadline, kills and replaces a worker past it, and returns the results in input
order. ``-j N`` uses the same workers, with or without a deadline.
"""

from __future__ import annotations

import glob
import multiprocessing
import os
import pickle
import signal
import sys
import time
import traceback
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path
from typing import Any

from . import linkbases
from .emit import EMITTERS, EmitContext
from .emit.report import coverage
from .gcpolicy import per_filing
from .model import Document, Filing
from .pipeline import Settings, convert_document, convert_path
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


@per_filing  # one filing: full garbage collections wait until it is done (see gcpolicy)
def render(filing: Filing, ctx: EmitContext, formats: Iterable[str]) -> dict[str, bytes]:
    """Every output of one filing, in memory: written only if all of them render."""
    names = list(dict.fromkeys(formats))
    if _NEEDS_EXTENSION & set(names):
        names += ["schema", "calc", "extlab", "extpre", "extdef"]
    rendered = {filing.document.stem + EMITTERS[n].suffix: EMITTERS[n].render(filing, ctx) for n in names}
    return {name: data for name, data in rendered.items() if data}  # a linkbase with nothing in it is not written


@per_filing  # one filing: full garbage collections wait until it is done (see gcpolicy)
def convert_one(path: Path, out: Path, settings: Settings, ctx: EmitContext,
                formats: Iterable[str] = DEFAULT_FORMATS,
                before_write: Callable[[list[str]], None] | None = None) -> Outcome:
    """Convert one file and write its outputs; ``before_write`` (if given) is told the names of the
    files about to be written, before the first of them is."""
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
            _write(out, render(filing, ctx, ("report",)), outcome, before_write)
        return outcome
    outcome = Outcome(str(path), filing=filing, name=filing.document.name, facts=len(filing.facts),
                      skipped=len(filing.skipped), warnings=len(filing.warnings), coverage=coverage(filing),
                      warning_lines=[(f"line {m.line}: " if m.line else "") + m.text for m in filing.warnings])
    _write(out, render(filing, ctx, formats), outcome, before_write)
    return outcome


def _write(out: Path, files: dict[str, bytes], outcome: Outcome,
           before_write: Callable[[list[str]], None] | None) -> None:
    if before_write is not None:
        before_write(list(files))
    for name, data in files.items():
        target = out / name
        atomic_write_bytes(target, data)
        outcome.written.append(target)
        if name.endswith(".ttl"):
            outcome.rdf = data


def remove_outputs(out: Path, names: Iterable[str]) -> None:
    """Remove the named outputs and any temporary file an atomic write of them left behind."""
    for name in names:
        (out / name).unlink(missing_ok=True)
        for part in out.glob(f".{glob.escape(name)}.*.part"):
            part.unlink(missing_ok=True)


def timeout_reason(seconds: float, option: str = "--timeout") -> str:
    return f"conversion stopped after {seconds:g} s ({option})"


def convert_many(paths: list[Path], out: Path, settings: Settings, ctx: EmitContext,
                 formats: Iterable[str] = DEFAULT_FORMATS, jobs: int = 1,
                 entity_files: tuple[Path, ...] = (), timeout: float | None = None) -> Iterator[Outcome]:
    """Convert in input order; with ``jobs`` > 1 in that many worker processes (the outcomes come
    back in input order, without the Filing objects, and the files written are the same).

    ``timeout`` (seconds; None or 0: no bound) bounds each filing: the conversion runs in a worker
    process (one with ``jobs`` = 1) that is killed when the filing takes longer; the filing is then
    an outcome with the error "conversion stopped after N s (--timeout)", whatever it had written is
    removed, and the next filings go to a fresh worker. Workers get ``settings`` itself (inherited,
    or pickled where processes are spawned); ``entity_files`` is accepted for compatibility.
    """
    out.mkdir(parents=True, exist_ok=True)
    write_taxonomy(out, ctx)
    formats = tuple(formats)
    if not timeout and (jobs <= 1 or len(paths) < 2):
        for path in paths:
            yield convert_one(path, out, settings, ctx, formats)
        return
    if not paths:
        return

    def stopped(path: Path, reason: str, notes: list) -> None:
        for names in notes:  # the files it was writing: none of them stays, complete or not
            remove_outputs(out, names)

    pool = WorkerPool(_ConvertJob(out, settings, ctx, formats), min(jobs, len(paths)), timeout, on_stop=stopped)
    for path, result in pool.imap(paths):
        if isinstance(result, Stopped):
            yield Outcome(str(path), error=str(InputError(str(path), result.reason)), name=Path(path).name)
        else:
            yield result


def convert_document_bounded(doc: Document, settings: Settings, timeout: float,
                             option: str = "timeout") -> Filing:
    """``convert_document`` in a child process killed after ``timeout`` seconds: InputError then."""
    [(_, result)] = WorkerPool(_DocumentJob(settings), 1, timeout, option=option).imap([doc])
    if isinstance(result, Stopped):
        raise InputError(doc.name, result.reason)
    return result


# ----------------------------------------------------------------- worker processes


@dataclass
class _ConvertJob:
    """A worker's task: convert one path and write its outputs; the summary goes back, not the Filing."""

    out: Path
    settings: Settings
    ctx: EmitContext
    formats: tuple[str, ...]

    def __call__(self, path: Path, note: Callable[[Any], None]) -> Outcome:
        outcome = convert_one(path, self.out, self.settings, self.ctx, self.formats, before_write=note)
        outcome.filing = None  # stays in the worker: the summary and the Turtle go back
        return outcome


@dataclass
class _DocumentJob:
    settings: Settings

    def __call__(self, doc: Document, note: Callable[[Any], None]) -> Filing:
        return convert_document(doc, self.settings)


@dataclass
class Stopped:
    """A task whose worker was killed (past its deadline) or died: why, in one line."""

    reason: str


class RemoteTraceback(Exception):
    """The traceback of an exception raised in a worker (chained as the cause of the one re-raised)."""

    def __str__(self) -> str:
        return "\n" + self.args[0]


class _Worker:
    def __init__(self, mp, job, others: list):
        parent, child = mp.Pipe()
        # a forked child holds copies of the parent's ends of every pipe: it closes them, so that it
        # sees the end of its own pipe when the parent goes away
        inherited = [parent, *others] if mp.get_start_method() == "fork" else []
        self.process = mp.Process(target=_serve, args=(child, job, inherited, os.getpid()), daemon=True,
                                  name="ledgerlink-worker")
        self.process.start()
        child.close()
        self.conn = parent
        self.ready = False
        self.index: int | None = None  # the task in hand
        self.deadline: float | None = None
        self.notes: list = []


class WorkerPool:
    """Worker processes running ``job(task, note)`` one task at a time, each task with a deadline.

    ``imap(tasks)`` yields ``(task, result)`` in input order; ``result`` is what the job returned, or
    `Stopped` when the worker went past ``timeout`` seconds (it is killed, and a fresh one started)
    or died. ``on_stop(task, reason, notes)`` is called as soon as that happens, with what the job
    had passed to ``note`` by then. An exception raised by the job is raised again by ``imap`` (with
    the worker's traceback as its cause) when its turn comes.
    """

    def __init__(self, job: Callable[[Any, Callable[[Any], None]], Any], workers: int, timeout: float | None,
                 on_stop: Callable[[Any, str, list], None] | None = None, option: str = "--timeout",
                 window: int | None = None):
        self.job, self.count, self.timeout, self.on_stop = job, max(1, workers), timeout or None, on_stop
        self.option = option
        self.window = window or 4 * self.count  # results held at most, waiting for an earlier one
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        self.mp = multiprocessing.get_context(method)

    def imap(self, tasks: Iterable) -> Iterator[tuple[Any, Any]]:
        tasks = list(tasks)
        todo = deque(range(len(tasks)))
        results: dict[int, tuple] = {}
        following = 0  # the next index to yield
        workers: list[_Worker] = []
        try:
            for _ in range(min(self.count, len(tasks))):
                workers.append(self._start(workers))
            while following < len(tasks):
                while following in results:
                    kind, *rest = results.pop(following)
                    if kind == "error":
                        exc, remote = rest
                        raise exc from RemoteTraceback(remote)
                    yield tasks[following], rest[0]
                    following += 1
                if following >= len(tasks):
                    break
                for w in workers:
                    if w.ready and w.index is None and todo and todo[0] < following + self.window:
                        w.index = todo.popleft()
                        w.notes = []
                        w.deadline = time.monotonic() + self.timeout if self.timeout else None
                        try:
                            w.conn.send((w.index, tasks[w.index]))
                        except OSError:
                            pass  # the worker has died: its sentinel says so, and its task is stopped below
                deadlines = [w.deadline for w in workers if w.index is not None and w.deadline is not None]
                ready = wait([w.conn for w in workers] + [w.process.sentinel for w in workers],
                             max(0.0, min(deadlines) - time.monotonic()) if deadlines else None)
                for w in workers:
                    if w.conn in ready:
                        self._receive(w, results)
                for i, w in enumerate(workers):
                    if w.index is not None and w.deadline is not None and time.monotonic() >= w.deadline:
                        self._halt(w, tasks, results, timeout_reason(self.timeout, self.option))
                    elif not w.process.is_alive():
                        if not w.ready:
                            raise RuntimeError(f"a conversion worker could not start ({_exit(w.process.exitcode)})")
                        self._halt(w, tasks, results, "conversion stopped: the worker process ended unexpectedly "
                                                      f"({_exit(w.process.exitcode)})")
                    else:
                        continue
                    workers[i] = self._start(workers)
        finally:
            self._shutdown(workers, tasks, results)

    def _start(self, workers: list[_Worker]) -> _Worker:
        return _Worker(self.mp, self.job, [w.conn for w in workers if not w.conn.closed])

    def _receive(self, w: _Worker, results: dict) -> None:
        """Every message waiting on a worker's pipe (none lost: this also runs on a killed worker)."""
        try:
            while w.conn.poll():
                message = w.conn.recv()
                kind = message[0]
                if kind == "ready":
                    w.ready = True
                elif kind == "note" and message[1] == w.index:
                    w.notes.append(message[2])
                elif kind in ("done", "error") and message[1] == w.index:
                    results[w.index] = ("done", message[2]) if kind == "done" else ("error", *message[2:])
                    w.index = w.deadline = None
        except (EOFError, OSError, pickle.UnpicklingError):
            pass  # the worker is gone; its sentinel says so

    def _halt(self, w: _Worker, tasks: list, results: dict, reason: str) -> None:
        """Kill a worker; its task, unless its result came in meanwhile, is stopped."""
        if w.process.is_alive():
            w.process.kill()
        w.process.join()
        self._receive(w, results)  # a result sent just before the end still counts
        w.conn.close()
        w.process.close()
        if w.index is not None:
            index, w.index = w.index, None
            results[index] = ("stopped", Stopped(reason))
            if self.on_stop is not None:
                self.on_stop(tasks[index], reason, w.notes)

    def _shutdown(self, workers: list[_Worker], tasks: list, results: dict) -> None:
        workers = [w for w in workers if not w.conn.closed]  # (one halted and not replaced, if starting failed)
        for w in workers:
            if w.index is None and w.process.is_alive():
                try:
                    w.conn.send(None)
                except OSError:
                    pass
        for w in workers:
            if w.index is not None:  # closed early (an error, an interrupt): the task in hand is abandoned
                self._halt(w, tasks, results, "conversion interrupted")
                continue
            w.process.join(5)
            if w.process.is_alive():
                w.process.kill()
                w.process.join()
            w.conn.close()
            w.process.close()


def _exit(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            pass
    return f"exit code {code}"


def _portable(exc: BaseException) -> BaseException:
    """The exception itself if it survives the pipe, else a RuntimeError that says what it was."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")


def _die_with(parent: int) -> None:
    """On Linux the kernel kills the worker when its parent dies: a worker stuck in a runaway match would
    otherwise spin on after the command is killed (elsewhere it ends at its next task)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # it died before that
        os._exit(0)


def _serve(conn, job, inherited: list, parent: int) -> None:
    """A worker: run the job on each task received, send back its result; stop on None or a closed pipe."""
    _die_with(parent)
    for other in inherited:
        other.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # an interrupt is the parent's to handle: it stops the workers
    try:
        conn.send(("ready",))
        while True:
            message = conn.recv()
            if message is None:
                return
            index, task = message
            try:
                result = job(task, lambda note, index=index: conn.send(("note", index, note)))
            except Exception as exc:
                conn.send(("error", index, _portable(exc), traceback.format_exc()))
            else:
                conn.send(("done", index, result))
    except (EOFError, OSError):
        return  # the parent has gone
