"""The ``ledgerlink`` command: thin click wrappers around the library.

Exit codes: 0 everything converted, 1 some inputs failed, 2 usage error.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import traceback
from pathlib import Path

import click

from . import __version__, formatting, linkbases
from . import store as store_mod
from . import taxonomy as taxonomy_mod
from .batch import DEFAULT_FORMATS, collect_inputs, convert_many, shard_of
from .emit import EmitContext
from .entities import RegistryError, load_registry
from .pipeline import Settings
from .taxonomy import TaxonomyError
from .writing import atomic_write_bytes

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
USER_FORMATS = ("ixbrl", "xbrl", "json", "rdf")


def _fail(message: str, code: int = EXIT_USAGE):
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def _guard(debug: bool):
    """Turn unexpected exceptions into a one-line error (a traceback only with --debug)."""

    class Guard:
        def __enter__(self):
            return self

        def __exit__(self, kind, exc, tb):
            if exc is None or isinstance(exc, (SystemExit, click.exceptions.Exit, click.ClickException, click.Abort)):
                return False
            if debug:
                traceback.print_exception(kind, exc, tb)
            if isinstance(exc, (TaxonomyError, RegistryError, store_mod.QueryError)):
                _fail(str(exc))
            if isinstance(exc, store_mod.StoreError):
                _fail(str(exc), EXIT_FAILED)
            _fail(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)", EXIT_FAILED)
            return True

    return Guard()


DEFAULT_STORE = Path("out") / "store"


def store_options(default_help: str):
    """--store / --endpoint / --update-endpoint / --graph-store, shared by convert, load and query."""

    def decorate(command):
        command = click.option("--graph-store", default=None, metavar="URL",
                               help="Graph Store Protocol URL of the server (PUT per filing graph); without it "
                                    "graphs are written with chunked INSERT DATA.")(command)
        command = click.option("--update-endpoint", default=None, metavar="URL",
                               help="SPARQL update URL, when it differs from --endpoint.")(command)
        command = click.option("--endpoint", default=None, metavar="URL",
                               help="A SPARQL 1.1 server instead of the embedded store (Oxigraph, Fuseki, Virtuoso, "
                                    "GraphDB, Neptune). Credentials: LEDGERLINK_SPARQL_TOKEN, or "
                                    "LEDGERLINK_SPARQL_USER and LEDGERLINK_SPARQL_PASSWORD.")(command)
        command = click.option("--store", "store_dir", default=None, type=click.Path(file_okay=False, path_type=Path),
                               help=f"Embedded store folder (Oxigraph on disk); {default_help}.")(command)
        return command

    return decorate


def _open_store(store_dir: Path | None, endpoint: str | None, update_endpoint: str | None, graph_store: str | None,
                default: Path):
    if store_dir and endpoint:
        _fail("give either --store or --endpoint, not both")
    if endpoint:
        return store_mod.open(endpoint, update_endpoint=update_endpoint, graph_store=graph_store)
    return store_mod.open(store_dir or default)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ledgerlink")
def main() -> None:
    """Turn plain-text financial releases into Inline XBRL, XBRL 2.1, xBRL-JSON and linked RDF.

    Start with `ledgerlink convert examples -o out`.
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Output folder; created if missing. The taxonomy is written to OUT/taxonomy/.")
@click.option("-f", "--format", "formats", default=",".join(DEFAULT_FORMATS), show_default=True,
              help=f"Comma-separated outputs to write: {', '.join(USER_FORMATS)}.")
@click.option("--entities", "entity_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Extra entity registry (TOML) to recognise issuers; may be repeated.")
@click.option("--entity", default=None, help="Registry key of the issuer, when the text does not name it.")
@click.option("--taxonomy-extension", "extension_files", multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A company extension of the taxonomy (TOML, the form of taxonomy/extensions/*.toml): the "
                   "concepts, roles and members of the companies it names; may be repeated.")
@click.option("--report", is_flag=True,
              help="Also write OUT/<name>.report.json: every number found and its fate (emitted as which fact, "
                   "or skipped and why), and print a coverage line per filing.")
@store_options("default OUT/store")
@click.option("--no-store", is_flag=True, help="Only write files; load nothing into a store.")
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(1, 256),
              help="Worker processes converting in parallel; the output is the same as with -j 1.")
@click.option("--shard", default=None, metavar="I/N",
              help="Convert only shard I of N (0-based), chosen by file name, so N independent jobs "
                   "split an archive between them.")
@click.option("--timeout", default=120, show_default=True, type=click.FloatRange(min=0), metavar="SECONDS",
              help="Stop a filing whose conversion takes longer, report it as failed and go on (0: no limit). "
                   "Each filing is then converted in a worker process that can be killed.")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors and the total line.")
@click.option("-v", "--verbose", is_flag=True, help="Also print every warning, with its line.")
@click.option("--progress/--no-progress", default=None,
              help="A progress bar with counts and time left (default: on a terminal only).")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
def convert(paths, out, formats, entity_files, entity, extension_files, report, store_dir, endpoint, update_endpoint, graph_store,
            no_store, jobs, shard, timeout, quiet, verbose, progress, debug):
    """Convert text filings (files, or folders of .txt files) into OUT.

    Writes OUT/<name>.xhtml, .xbrl, .json and .ttl for each filing, plus its
    extension schema OUT/<name>.xsd with OUT/<name>_cal.xml (the calculations of
    its statements), and the shared taxonomy in OUT/taxonomy/. The RDF of every
    filing is loaded into the embedded store OUT/store (or --store DIR, or a
    SPARQL server with --endpoint) for `ledgerlink query`.
    A filing that cannot be converted, or whose conversion takes longer than
    --timeout, is reported on one line and the others still convert; the exit
    code is then 1.
    """
    wanted = [f.strip() for f in formats.split(",") if f.strip()]
    unknown = [f for f in wanted if f not in USER_FORMATS]
    if unknown or not wanted:
        _fail(f"unknown format {', '.join(unknown) or '(none)'}; choose from {', '.join(USER_FORMATS)}")
    with _guard(debug):
        settings = Settings(taxonomy=_taxonomy(extension_files), registry=load_registry(*entity_files), entity=entity)
        if entity and entity not in settings.registry:
            _fail(f"unknown entity {entity!r}; known: {', '.join(sorted(settings.registry))}")
        ctx = EmitContext(settings.taxonomy)
        if report:
            wanted.append("report")
        inputs = collect_inputs(paths)
        if shard:
            m = re.fullmatch(r"(?<!\d)(\d+)/(\d+)", shard)  # (?<!\d): linear even where searched (tests/regex_audit.py)
            if not m or not int(m[1]) < int(m[2]):
                _fail(f"--shard takes I/N with 0 <= I < N, not {shard!r}")
            inputs = [p for p in inputs if shard_of(p, int(m[2])) == int(m[1])]
        if not inputs:
            _fail("no .txt files found in the given paths" + (f" for shard {shard}" if shard else ""))
        store = None
        if not no_store:
            if "rdf" not in wanted:
                wanted.append("rdf")
            store = _open_store(store_dir, endpoint, update_endpoint, graph_store, out / "store")
            store.ensure_taxonomy(settings.taxonomy)
        show = _Progress(len(inputs), quiet=quiet, verbose=verbose, report=report,
                         bar=(not quiet and sys.stdout.isatty()) if progress is None else progress)
        loader = _Loader(store, settings.taxonomy)
        with show:
            for outcome in convert_many(inputs, out, settings, ctx, wanted, jobs=jobs, timeout=timeout or None):
                if outcome.ok:
                    loader.add(outcome.name, outcome.rdf)
                show.done(outcome)
            loader.flush()
        where = f"{out}" + (f" (store {store.location})" if store is not None else "")
        if store is not None:
            store.close()
        show.summary(where)
        sys.exit(EXIT_FAILED if show.totals["failed"] else EXIT_OK)


class _Loader:
    """Filings' RDF into the store, a batch at a time (the store links revisions per batch)."""

    def __init__(self, store, tax, batch: int = 200):
        self.store, self.tax, self.batch, self.pending = store, tax, batch, []

    def add(self, name: str, rdf: bytes) -> None:
        if self.store is not None:
            self.pending.append((name, rdf))
            if len(self.pending) >= self.batch:
                self.flush()

    def flush(self) -> None:
        if self.store is not None and self.pending:
            self.store.load_many(self.pending, self.tax, batch=self.batch, count_triples=False)
            self.pending = []


class _Progress:
    """What `convert` prints: a line per filing, or a progress bar on a terminal and a table
    at the end; errors always, on stderr; the total line last."""

    TABLE_ROWS = 40

    def __init__(self, count: int, quiet: bool, verbose: bool, report: bool, bar: bool):
        self.count, self.quiet, self.verbose, self.report, self.use_bar = count, quiet, verbose, report, bar
        self.totals = {"ok": 0, "failed": 0, "facts": 0, "skipped": 0, "warnings": 0}
        self.rows: list[dict] = []  # the closing table's rows: only the ones it can show are kept
        self.row_count = 0
        self.bar = None

    def __enter__(self):
        if self.use_bar:
            self.bar = click.progressbar(length=self.count, label="converting", show_eta=True, show_pos=True,
                                         file=sys.stderr)
            self.bar.__enter__()
        return self

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.__exit__(*exc)

    def done(self, outcome) -> None:
        t = self.totals
        if outcome.ok:
            t["ok"] += 1
            t["facts"] += outcome.facts
            t["skipped"] += outcome.skipped
            t["warnings"] += outcome.warnings
            self._row({"filing": outcome.name, "facts": outcome.facts, "skipped": outcome.skipped,
                       "warnings": outcome.warnings, "status": "ok"})
        else:
            t["failed"] += 1
            self._row({"filing": Path(outcome.source).name, "facts": 0, "skipped": 0, "warnings": 0,
                       "status": "failed"})
        if self.bar is not None:
            self.bar.update(1)
        if not outcome.ok:
            self._echo(f"error: {outcome.error}", err=True)
            return
        if self.quiet or self.bar is not None:
            return
        click.echo(f"ok     {outcome.name}: {outcome.facts} facts, {outcome.skipped} numbers skipped, "
                   f"{outcome.warnings} warnings")
        if self.report:
            cov = outcome.coverage
            click.echo(f"       report: {cov['table_cells_accounted']:.1%} of {cov['table_cells']} table cells "
                       f"emitted or skipped for a reason ({cov['table_cells_unmapped']} unmapped); "
                       f"{cov['sentence_numbers_emitted']} of {cov['sentence_numbers']} numbers in sentences emitted")
        if self.verbose:
            for line in outcome.warning_lines:
                click.echo(f"       warning {line}")

    @staticmethod
    def _rank(row: dict) -> tuple:
        return (row["status"] == "ok", -row["warnings"], row["filing"])

    def _row(self, row: dict) -> None:
        """Memory stays flat over any batch: the rows the table cannot show are dropped as they come."""
        self.row_count += 1
        if self.use_bar and not self.quiet:
            self.rows.append(row)
            if len(self.rows) > 4 * self.TABLE_ROWS:
                self.rows = sorted(self.rows, key=self._rank)[:self.TABLE_ROWS]

    def _echo(self, text: str, err: bool = False) -> None:
        if self.bar is not None:  # above the bar, not through it
            click.echo("\r\033[K", nl=False, err=True)
        click.echo(text, err=err)

    def summary(self, where: str) -> None:
        t = self.totals
        if self.bar is not None and not self.quiet:
            shown = sorted(self.rows, key=self._rank)[:self.TABLE_ROWS]
            click.echo(formatting.render(shown, ("filing", "facts", "skipped", "warnings", "status")), nl=False)
            if self.row_count > len(shown):
                click.echo(f"... and {self.row_count - len(shown)} more filings (failed and most warnings first)")
        click.echo(f"total  {t['ok'] + t['failed']} filings: {t['ok']} converted, {t['failed']} failed; "
                   f"{t['facts']} facts, {t['skipped']} numbers skipped, {t['warnings']} warnings -> {where}")


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--concept", default=None, help="Only facts of concepts whose name or label contains this text.")
@click.option("--unmapped", is_flag=True, help="Show the numbers no concept matched, with the closest concepts.")
@click.option("--skipped", is_flag=True, help="Show every number not emitted, with the reason.")
@click.option("--warnings", "warnings_only", is_flag=True, help="Show the filing's warnings.")
@click.option("--profile", "profile_only", is_flag=True,
              help="Show who the issuer is, its currency and fiscal calendar, and the words each was read from.")
@click.option("--entities", "entity_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Extra entity registry (TOML).")
@click.option("--entity", default=None, help="Registry key of the issuer, when the text does not name it.")
@click.option("--taxonomy-extension", "extension_files", multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A company extension of the taxonomy (TOML, the form of taxonomy/extensions/*.toml): the "
                   "concepts, roles and members of the companies it names; may be repeated.")
@click.option("--format", "fmt", type=click.Choice(formatting.FORMATS), default="table", show_default=True,
              help="table (readable), csv or json.")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
def show(file, concept, unmapped, skipped, warnings_only, profile_only, entity_files, entity, extension_files, fmt,
         debug):
    """Convert one filing in memory and print its facts (writes nothing).

    Each fact with its concept's label, period, the value as written and as
    emitted, unit, status and source line; or, with --unmapped, --skipped or
    --warnings, what was not emitted and why.
    """
    from .pipeline import convert_path
    from .reader import InputError

    with _guard(debug):
        settings = Settings(taxonomy=_taxonomy(extension_files), registry=load_registry(*entity_files), entity=entity)
        try:
            filing = convert_path(file, settings)
        except InputError as exc:
            _fail(str(exc), EXIT_FAILED)
        if filing.rejection is not None and not (warnings_only or unmapped or skipped or profile_only):
            _fail(str(InputError(str(file), filing.rejection)), EXIT_FAILED)
        tax = settings.taxonomy
        if profile_only:
            rows = [{"evidence": m.text.removeprefix("profile: ")} for m in filing.messages
                    if m.level == "info" and m.text.startswith("profile: ")]
            rows.append({"evidence": f"entity identifier: {filing.entity.scheme} {filing.entity.identifier}"})
            columns = ("evidence",)
            if fmt == "table":  # sentences, not a table: printed whole
                click.echo("\n".join(r["evidence"] for r in rows))
                return
        elif warnings_only:
            rows = [{"level": m.level, "line": m.line, "message": m.text} for m in filing.messages
                    if m.level in ("warning", "error")]
            columns = ("level", "line", "message")
        elif unmapped or skipped:
            rows = [{"line": s.span.line, "text": s.text, "label": s.label, "reason": s.reason,
                     "candidates": ", ".join(s.candidates)} for s in filing.skipped
                    if skipped or s.reason.startswith("unmapped")]
            columns = ("line", "text", "label", "reason", "candidates")
        else:
            wanted = (concept or "").lower()
            rows = [{"line": f.span.line, "concept": f.concept, "label": tax.concepts[f.concept].label,
                     "period": f.period.key, "written": f.source_text, "value": f.value,
                     "unit": f.unit.oim if f.unit else "", "status": f.status.value,
                     "dims": "; ".join(m for _, m in f.dimensions if m != "ScenarioForecastMember")}
                    for f in sorted(filing.facts, key=lambda f: (f.span.line, f.span.start))
                    if wanted in f.concept.lower() or wanted in tax.concepts[f.concept].label.lower()]
            columns = ("line", "label", "period", "written", "value", "unit", "status", "dims")
        click.echo(formatting.render(rows, columns, fmt), nl=False)
        if filing.rejection is not None:  # what was found is shown; the filing itself still failed
            _fail(str(InputError(str(file), filing.rejection)), EXIT_FAILED)


@main.command()
@click.argument("xhtml", type=click.Path(path_type=Path))
@click.option("-o", "--out", "dest", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for the viewer (default: <name>.viewer/ beside the document).")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
def view(xhtml, dest, debug):
    """Build the interactive viewer of an Inline XBRL output (offline; needs the viewer extra).

    Open the printed xbrlviewer.html in a browser: every tagged fact can be
    inspected, searched and highlighted, with its concept, period and unit.
    """
    from .viewer import ViewerError, build

    with _guard(debug):
        try:
            page = build(xhtml, dest)
        except ViewerError as exc:
            _fail(str(exc), EXIT_FAILED)
        click.echo(f"viewer: {page}")


# ----------------------------------------------------------------- store and queries


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@store_options("default: the store folder inside the first PATH (PATH/store)")
@click.option("-q", "--quiet", is_flag=True, help="Print only the total line.")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
def load(paths, store_dir, endpoint, update_endpoint, graph_store, quiet, debug):
    """Load converted filings (their .ttl files, or output folders) into a store.

    Loading a filing again replaces its graph, so reloading changes nothing.
    Facts reported again by later filings become one ll:Fact; a later value that
    differs beyond rounding is linked to the earlier one with prov:wasRevisionOf.
    """
    with _guard(debug):
        first = paths[0] if paths[0].is_dir() else paths[0].parent
        store = _open_store(store_dir, endpoint, update_endpoint, graph_store, first / "store")
        tax = taxonomy_mod.default()

        def loaded(file, result):
            if not quiet:
                click.echo(f"loaded {file.name}: {result.triples} triples, {result.facts} facts, "
                           f"{result.revisions} revisions")

        with store:
            results = store_mod.load_outputs(store, list(paths), tax, on_load=loaded)
            total = store.triple_count()
        click.echo(f"total  {len(results)} filings loaded; {total} triples in {store.location}")


@main.command()
@click.argument("what", required=False)
@click.argument("args", nargs=-1)
@store_options(f"default {DEFAULT_STORE} (where `ledgerlink convert examples -o out` puts it)")
@click.option("--entity", default=None, help="Only this issuer (registry key, name or identifier): series, dividends, "
                                             "restatements.")
@click.option("--all-reports", is_flag=True, help="series, dividends: every filing's report, not only the latest.")
@click.option("--format", "fmt", type=click.Choice(formatting.FORMATS), default="table", show_default=True,
              help="table (readable), csv or json.")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries.")
@click.option("--entities", "entity_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Extra entity registry (TOML) for --entity.")
@click.option("--taxonomy-extension", "extension_files", multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A company extension of the taxonomy (TOML, the form of taxonomy/extensions/*.toml): the "
                   "concepts, roles and members of the companies it names; may be repeated.")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
def query(what, args, store_dir, endpoint, update_endpoint, graph_store, entity, all_reports, fmt, list_queries,
          entity_files, extension_files, debug):
    """Query the store: a named query, a .rq file, or inline SPARQL.

    \b
    Named queries:
      filings                  the filings loaded
      facts FILING             every fact of a filing (file name or stem) in document order
      series CONCEPT           a metric over time (our name, a label, or us-gaap:Element)
      dividends                dividends per share with record and payment dates
      restatements             facts whose value changed between filings
      aligned US_GAAP_ELEMENT  our concepts aligned to it and how many facts use them
    Inline SPARQL gets the ll:, llg: (graphs), dct:, skos:, prov:, rdfs: and xsd:
    prefixes; facts live in GRAPH llg:shared, reports in one graph per filing.
    """
    with _guard(debug):
        if list_queries or not what:
            for q in store_mod.QUERIES.values():
                usage = " ".join([q.name, *(a.upper() for a in q.args)])
                click.echo(f"{usage:28} {q.summary}")
            return
        if not endpoint and not (store_dir or DEFAULT_STORE).exists():
            _fail(f"no store at {store_dir or DEFAULT_STORE}; convert with -o out first, or pass --store/--endpoint",
                  EXIT_FAILED)
        store = _open_store(store_dir, endpoint, update_endpoint, graph_store, DEFAULT_STORE)
        with store:
            if what in store_mod.QUERIES:
                tax = _taxonomy(extension_files)
                rows = store_mod.run(store, what, list(args), tax, load_registry(*entity_files),
                                     entity=entity, all_reports=all_reports)
                columns = store_mod.QUERIES[what].columns
            elif re.fullmatch(r"[\w-]+", what):
                _fail(f"no named query {what!r}; choose from {', '.join(store_mod.QUERIES)} (or give SPARQL or a .rq file)")
            else:
                path = Path(what)
                text = path.read_text(encoding="utf-8") if what.endswith(".rq") and path.is_file() else what
                if args:
                    _fail("inline SPARQL and .rq files take no arguments")
                rows = store.query(text)
                columns = list(rows[0]) if rows else []
        click.echo(formatting.render(rows, columns, fmt), nl=False)


# ----------------------------------------------------------------- taxonomy


@main.group()
def taxonomy():
    """Build, inspect and export the ledgerlink taxonomy."""


def _load_taxonomy(extension_files=()):
    """The base taxonomy with the packaged company extensions and the given ones."""
    return _taxonomy(extension_files)


def _taxonomy(extension_files=()):
    try:
        return taxonomy_mod.with_extensions(taxonomy_mod.default(), extension_files)
    except TaxonomyError as exc:
        _fail(str(exc))


@taxonomy.command("build")
@click.option("--source", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Taxonomy source file (default: ./taxonomy/ledgerlink.toml in a checkout, else the installed one).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder to write to (default: the folder of a checkout's source file).")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if the generated files are stale.")
def taxonomy_build(source, out, check):
    """Generate the schema, linkbases and package metadata from taxonomy/ledgerlink.toml."""
    local = Path("taxonomy") / taxonomy_mod.SOURCE_FILE
    source = source or (local if local.is_file() else None)
    try:
        tax = taxonomy_mod.load(source)
    except TaxonomyError as exc:
        _fail(str(exc))
    if out is None:
        if source is None:
            _fail("the taxonomy source is the installed copy; pass --out FOLDER (or run in a checkout)")
        out = source.parent
    folder = out
    if check:
        stale = linkbases.stale(tax, folder)
        for rel in stale:
            click.echo(f"stale: {folder / rel}")
        sys.exit(EXIT_FAILED if stale else EXIT_OK)
    written = linkbases.write(tax, folder)
    click.echo(f"{len(tax.concepts)} concepts; wrote {len(written)} files to {folder}")


EXPORT_COLUMNS = ["name", "us_gaap", "match", "period_type", "balance", "data_type", "label", "terse_label",
                  "total_label", "sign", "statements", "synonyms", "extension"]


def concept_rows(tax) -> list[dict]:
    rows = []
    for c in tax.concepts.values():
        rows.append({
            "name": c.name, "us_gaap": c.align, "match": c.match, "period_type": c.period, "balance": c.balance,
            "data_type": c.xbrl_type, "label": c.label, "terse_label": c.terse, "total_label": c.total,
            "sign": c.sign, "statements": ";".join(c.roles), "synonyms": ";".join(c.synonyms),
            "extension": tax.owner.get(c.name, ""),
        })
    return rows


@taxonomy.command("export")
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "ttl"]), default="csv", show_default=True,
              help="csv/json: one record per concept; ttl: the concepts as SKOS with their US-GAAP alignment.")
def taxonomy_export(fmt):
    """Print every concept with its alignment, period type, balance, type and label."""
    tax = _load_taxonomy()
    if fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=EXPORT_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(concept_rows(tax))
    elif fmt == "json":
        click.echo(json.dumps(concept_rows(tax), indent=1, ensure_ascii=False))
    else:
        from .emit.rdf import describe_taxonomy

        click.echo(describe_taxonomy(tax).text(), nl=False)


@taxonomy.command("list")
def taxonomy_list():
    """One line per concept: name, type, period type and alignment."""
    tax = _load_taxonomy()
    for c in tax.concepts.values():
        align = f"{c.match} {c.align}" if c.align else "(extension)"
        click.echo(f"{tax.qname(c.name):60} {c.type:9} {c.period:8} {align}")


@taxonomy.command("show")
@click.argument("name")
def taxonomy_show(name):
    """Everything the taxonomy says about one concept."""
    tax = _load_taxonomy()
    c = tax.concepts.get(name)
    if c is None:
        _fail(f"no concept {name!r}; try `ledgerlink taxonomy list`")
    for key, value in concept_rows(tax)[list(tax.concepts).index(name)].items():
        click.echo(f"{key:12} {value}")
    for arc in c.calc:
        click.echo(f"{'calc':12} {arc.role}: {'+' if arc.weight > 0 else '-'} into {arc.parent}")


@taxonomy.command("package")
@click.option("-o", "--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The taxonomy package (.zip) to write.")
def taxonomy_package(out):
    """Write a taxonomy package (zip) that Arelle and other processors load with --packages."""
    tax = _load_taxonomy()
    atomic_write_bytes(out, linkbases.package_zip(tax))
    click.echo(f"wrote {out}")


if __name__ == "__main__":  # pragma: no cover
    main()
