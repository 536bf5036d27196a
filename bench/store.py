"""Store speed: loading thousands of converted filings into the embedded Oxigraph store and
answering the named queries, beside the same data and queries in rdflib's in-memory store.

    python bench/store.py                        # 1,000 and 10,000 filings, rdflib at 200
    python bench/store.py --sizes 1000 4500 --rdflib 200   # 4,500 filings: about 1,000,000 reported facts

Filings come from bench/corpus.py, converted once with `ledgerlink convert -j 2` and kept
in bench/out/ for later runs. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import pyoxigraph as ox  # noqa: E402

from converter import store as store_mod  # noqa: E402
from converter import taxonomy  # noqa: E402
from converter.entities import load_registry  # noqa: E402
from converter.store.base import Row, Store, to_python  # noqa: E402

TAX = taxonomy.default()


class RdflibStore(Store):
    """The same Store, on rdflib's in-memory Dataset (for comparison only)."""

    def __init__(self):
        import rdflib

        self.location = "rdflib"
        self.rdflib = rdflib
        self.dataset = rdflib.Dataset()

    def select(self, query: str) -> list[Row]:
        result = self.dataset.query(query)
        names = [str(v) for v in result.vars]
        return [{n: _from_rdflib(row[i]) for i, n in enumerate(names)} for row in result]

    def update(self, update: str) -> None:
        self.dataset.update(update)

    def replace_graph(self, graph: str, turtle: bytes) -> None:
        self.dataset.remove_graph(self.rdflib.URIRef(graph))
        self.add_to_graph(graph, turtle)

    def add_to_graph(self, graph: str, turtle: bytes) -> None:
        self.dataset.graph(self.rdflib.URIRef(graph)).parse(data=turtle.decode("utf-8"), format="turtle")

    def existing_facts(self, facts: list[str], chunk: int = 2000) -> set[str]:
        return set(super().existing_facts(facts, chunk))


def _from_rdflib(term) -> object:
    if term is None:
        return None
    import rdflib

    if isinstance(term, rdflib.Literal):
        datatype = ox.NamedNode(str(term.datatype)) if term.datatype else None
        return to_python(ox.Literal(str(term), datatype=datatype))
    return str(term)


def converted(count: int) -> Path:
    """bench/out/store-<count>: the corpus of that size, converted (once)."""
    from corpus import generate

    out = ROOT / "bench" / "out" / f"store-{count}"
    if len(list(out.glob("*.ttl"))) == count:
        return out
    corpus = ROOT / "bench" / "corpus" / f"store-{count}"
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    generate(corpus, count, seed=7)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "converter.cli", "convert", str(corpus), "-o", str(out), "--no-store", "-q",
                    "-f", "rdf", "--entities", str(corpus / "entities.toml"), "-j", str(os.cpu_count() or 2)],
                   check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    print(f"  (converted {count} filings in {time.perf_counter() - start:.0f} s)")
    return out


def reported_facts(folder: Path) -> int:
    return sum(f.read_bytes().count(b" a ll:ReportedFact ;") for f in folder.glob("*.ttl"))


def load(store: Store, folder: Path) -> float:
    start = time.perf_counter()
    store.load(folder, taxonomy=TAX, count_triples=False)
    return time.perf_counter() - start


def query_times(store: Store, folder: Path, runs: int, only: str | None = None) -> dict[str, tuple[float, int]]:
    registry = load_registry(folder.parent.parent / "corpus" / folder.name / "entities.toml")
    first = sorted(folder.glob("*results-1h.ttl"))[0]
    entity = next(e for e in registry.values() if e.key in first.stem)
    asks = {
        "series": ("series", ["Revenues"], {"entity": entity.key}),
        "dividends": ("dividends", [], {"entity": entity.key}),
        "facts": ("facts", [first.stem], {}),
        "restatements": ("restatements", [], {}),
    }
    out = {}
    for label, (name, args, options) in asks.items():
        if only and label != only:
            continue
        times, rows = [], []
        for _ in range(runs):
            start = time.perf_counter()
            rows = store_mod.run(store, name, args, TAX, registry, **options)
            times.append(time.perf_counter() - start)
        out[label] = (statistics.median(times), len(rows))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--rdflib", type=int, default=200, help="corpus size for the rdflib comparison (0: skip)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--queries-only", action="store_true",
                        help="reuse the stores a previous run loaded (bench/out/oxigraph-N) and only time the queries")
    parser.add_argument("--reload-max", type=int, default=1000,
                        help="time a reload of every filing for sizes up to this (a reload replaces each graph)")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"pyoxigraph {ox.__version__}")
    work = ROOT / "bench" / "out"
    for size in args.sizes:
        folder = converted(size)
        facts = reported_facts(folder)
        db = work / f"oxigraph-{size}"
        if not args.queries_only:
            shutil.rmtree(db, ignore_errors=True)
        with store_mod.open(db) as s:
            seconds = 0.0 if args.queries_only else load(s, folder)
            triples = s.triple_count()
            print(f"\n{size} filings, {facts} reported facts, {triples} triples")
            if not args.queries_only:
                print(f"  embedded Oxigraph load: {seconds:.1f} s ({facts / seconds:,.0f} reported facts/s, "
                      f"{triples / seconds:,.0f} triples/s)")
            if size <= args.reload_max and not args.queries_only:
                again = load(s, folder)
                print(f"  reload of every filing: {again:.1f} s, triples after: {s.triple_count()}")
            for name, (t, n) in query_times(s, folder, args.runs).items():
                print(f"  {name:13} {t * 1000:8.1f} ms  ({n} rows)", flush=True)
    if args.rdflib:
        folder = converted(args.rdflib)
        db = work / f"oxigraph-{args.rdflib}-cmp"
        shutil.rmtree(db, ignore_errors=True)
        print(f"\nrdflib in-memory Dataset vs embedded Oxigraph, {args.rdflib} filings "
              f"({reported_facts(folder)} reported facts), same loader and queries")
        with store_mod.open(db) as s:
            ox_load, ox_q = load(s, folder), query_times(s, folder, args.runs)
        r = RdflibStore()
        rdf_load = load(r, folder)
        print(f"  load          rdflib {rdf_load:8.1f} s   oxigraph {ox_load:6.1f} s   ratio {rdf_load / ox_load:6.1f}x",
              flush=True)
        for name in ox_q:  # one at a time, printed as it ends: rdflib takes minutes on some
            (a, n), = query_times(r, folder, 1, only=name).values()
            b = ox_q[name][0]
            same = "same rows" if n == ox_q[name][1] else f"ROWS DIFFER {n} vs {ox_q[name][1]}"
            print(f"  {name:13} rdflib {a * 1000:8.1f} ms  oxigraph {b * 1000:6.1f} ms  ratio {a / b:6.1f}x  ({same})",
                  flush=True)


if __name__ == "__main__":
    main()
