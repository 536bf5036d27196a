"""The ``ledgerlink`` command: thin click wrappers around the library.

Exit codes: 0 everything converted, 1 some inputs failed, 2 usage error.
"""

from __future__ import annotations

import csv
import json
import sys
import traceback
from pathlib import Path

import click

from . import __version__, linkbases
from . import taxonomy as taxonomy_mod
from .batch import DEFAULT_FORMATS, collect_inputs, convert_many
from .emit import EmitContext
from .emit.report import coverage
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
            if isinstance(exc, (TaxonomyError, RegistryError)):
                _fail(str(exc))
            _fail(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)", EXIT_FAILED)
            return True

    return Guard()


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
@click.option("--report", is_flag=True,
              help="Also write OUT/<name>.report.json: every number found and its fate (emitted as which fact, "
                   "or skipped and why), and print a coverage line per filing.")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors and the total line.")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
def convert(paths, out, formats, entity_files, entity, report, quiet, debug):
    """Convert text filings (files, or folders of .txt files) into OUT.

    Writes OUT/<name>.xhtml, .xbrl, .json and .ttl for each filing, plus its
    extension schema OUT/<name>.xsd with OUT/<name>_cal.xml (the calculations of
    its statements), and the shared taxonomy in OUT/taxonomy/.
    A filing that cannot be converted is reported on one line and the others
    still convert; the exit code is then 1.
    """
    wanted = [f.strip() for f in formats.split(",") if f.strip()]
    unknown = [f for f in wanted if f not in USER_FORMATS]
    if unknown or not wanted:
        _fail(f"unknown format {', '.join(unknown) or '(none)'}; choose from {', '.join(USER_FORMATS)}")
    with _guard(debug):
        settings = Settings(registry=load_registry(*entity_files), entity=entity)
        if entity and entity not in settings.registry:
            _fail(f"unknown entity {entity!r}; known: {', '.join(sorted(settings.registry))}")
        ctx = EmitContext(settings.taxonomy)
        if report:
            wanted.append("report")
        inputs = collect_inputs(paths)
        if not inputs:
            _fail("no .txt files found in the given paths")
        totals = {"ok": 0, "failed": 0, "facts": 0, "skipped": 0, "warnings": 0}
        for outcome in convert_many(inputs, out, settings, ctx, wanted):
            if outcome.ok:
                filing = outcome.filing
                totals["ok"] += 1
                totals["facts"] += len(filing.facts)
                totals["skipped"] += len(filing.skipped)
                totals["warnings"] += len(filing.warnings)
                if not quiet:
                    click.echo(f"ok     {filing.document.name}: {len(filing.facts)} facts, "
                               f"{len(filing.skipped)} numbers skipped, {len(filing.warnings)} warnings")
                if report and not quiet:
                    cov = coverage(filing)
                    click.echo(f"       report: {cov['table_cells_accounted']:.1%} of {cov['table_cells']} table cells "
                               f"emitted or skipped for a reason ({cov['table_cells_unmapped']} unmapped); "
                               f"{cov['sentence_numbers_emitted']} of {cov['sentence_numbers']} numbers in sentences emitted")
            else:
                totals["failed"] += 1
                click.echo(f"error: {outcome.error}", err=True)
        click.echo(f"total  {totals['ok'] + totals['failed']} filings: {totals['ok']} converted, "
                   f"{totals['failed']} failed; {totals['facts']} facts, {totals['skipped']} numbers skipped, "
                   f"{totals['warnings']} warnings -> {out}")
        sys.exit(EXIT_FAILED if totals["failed"] else EXIT_OK)


# ----------------------------------------------------------------- taxonomy


@main.group()
def taxonomy():
    """Build, inspect and export the ledgerlink taxonomy."""


def _load_taxonomy():
    try:
        return taxonomy_mod.load()
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
                  "total_label", "sign", "statements", "synonyms"]


def concept_rows(tax) -> list[dict]:
    rows = []
    for c in tax.concepts.values():
        rows.append({
            "name": c.name, "us_gaap": c.align, "match": c.match, "period_type": c.period, "balance": c.balance,
            "data_type": c.xbrl_type, "label": c.label, "terse_label": c.terse, "total_label": c.total,
            "sign": c.sign, "statements": ";".join(c.roles), "synonyms": ";".join(c.synonyms),
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
        click.echo(f"{c.name:60} {c.type:9} {c.period:8} {align}")


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
