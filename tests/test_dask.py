"""The Dask example (bench/dask_convert.py): a corpus converted on a LocalCluster and loaded into a
real Oxigraph server gives the same facts as converting on one machine."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from converter import store as store_mod
from converter import taxonomy
from converter.entities import load_registry

from conftest import EXAMPLES, STEMS

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
distributed = pytest.importorskip("distributed", reason="the dask extra is part of the test extras")


def test_convert_on_a_local_cluster_into_a_sparql_server(server, tmp_path, outdir):
    from dask_convert import convert_on_cluster

    sink = store_mod.open(f"{server}/query", update_endpoint=f"{server}/update", graph_store=f"{server}/store")
    sink.update("DROP ALL")
    inputs = [EXAMPLES / f"{stem}.txt" for stem in STEMS]
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        results = list(convert_on_cluster(client, inputs, tmp_path, sink))
    assert sorted(Path(r["source"]).stem for r in results) == sorted(STEMS)
    assert all(r["error"] is None for r in results)
    # the files written by the workers are those written on one machine
    for stem in STEMS:
        for suffix in (".xhtml", ".xbrl", ".json", ".ttl"):
            assert (tmp_path / f"{stem}{suffix}").read_bytes() == (outdir / f"{stem}{suffix}").read_bytes()
    rows = store_mod.run(sink, "filings", [], taxonomy.default(), load_registry())
    assert [r["facts"] for r in rows] == [830, 19, 877, 20, 24]
