"""Convert a corpus on a Dask cluster and load the results into a SPARQL server.

    pip install '.[dask]'
    python bench/dask_convert.py CORPUS -o OUT --endpoint http://host:7878/query \\
        --update-endpoint http://host:7878/update --graph-store http://host:7878/store \\
        [--scheduler tcp://scheduler:8786] [--entities FILE]

Conversion is one pure function per filing, so it spreads over any number of workers:
each task reads one filing, writes its outputs into OUT (a folder every worker can
write, e.g. a shared file system) and returns its summary and its RDF; the client loads
the RDF into the server as results arrive. Without --scheduler a LocalCluster on this
machine is used.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter import store as store_mod  # noqa: E402
from converter.batch import collect_inputs, convert_one, write_taxonomy  # noqa: E402
from converter.emit import EmitContext  # noqa: E402
from converter.entities import load_registry  # noqa: E402
from converter.pipeline import Settings  # noqa: E402

_SETTINGS: dict = {}


def convert_task(path: str, out: str, entity_files: tuple[str, ...] = ()) -> dict:
    """One filing, on a worker: outputs written to ``out``; the summary and the Turtle returned."""
    key = entity_files
    if key not in _SETTINGS:  # once per worker process
        settings = Settings(registry=load_registry(*map(Path, entity_files)))
        _SETTINGS[key] = (settings, EmitContext(settings.taxonomy))
    settings, ctx = _SETTINGS[key]
    outcome = convert_one(Path(path), Path(out), settings, ctx)
    return {"source": path, "error": outcome.error, "facts": outcome.facts, "rdf": outcome.rdf}


def convert_on_cluster(client, inputs: list[Path], out: Path, sink=None, entity_files: tuple[str, ...] = ()):
    """Convert every input on the cluster's workers; ``sink`` (a store) receives each filing's RDF
    as it arrives. Yields the summaries in completion order."""
    from distributed import as_completed

    out.mkdir(parents=True, exist_ok=True)
    write_taxonomy(out, EmitContext(Settings().taxonomy))
    futures = client.map(convert_task, [str(p) for p in inputs], out=str(out), entity_files=entity_files, pure=False)
    tax = Settings().taxonomy
    if sink is not None:
        sink.ensure_taxonomy(tax)
    for future in as_completed(futures):
        result = future.result()
        if sink is not None and result["error"] is None:
            sink.load_turtle(result["rdf"], tax)
        result.pop("rdf")
        yield result


def main() -> None:
    from distributed import Client, LocalCluster

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, nargs="+")
    parser.add_argument("-o", "--out", type=Path, required=True)
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--update-endpoint")
    parser.add_argument("--graph-store")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler (default: a LocalCluster)")
    parser.add_argument("--entities", type=Path, action="append", default=[])
    args = parser.parse_args()
    inputs = collect_inputs(args.corpus)
    cluster = None if args.scheduler else LocalCluster(n_workers=2, threads_per_worker=1)
    with Client(args.scheduler or cluster) as client:
        sink = store_mod.open(args.endpoint, update_endpoint=args.update_endpoint, graph_store=args.graph_store)
        start = time.perf_counter()
        done = failed = 0
        for result in convert_on_cluster(client, inputs, args.out, sink, tuple(map(str, args.entities))):
            done += result["error"] is None
            failed += result["error"] is not None
            if result["error"]:
                print(f"error: {result['error']}", file=sys.stderr)
        seconds = time.perf_counter() - start
        print(f"{done} filings converted and loaded, {failed} failed, in {seconds:.1f} s "
              f"({done / seconds:.1f} filings/s) -> {args.out}, {args.endpoint}")
    if cluster is not None:
        cluster.close()


if __name__ == "__main__":
    main()
