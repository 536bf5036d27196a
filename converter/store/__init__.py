"""Linked facts across filings, queried with SPARQL: an embedded on-disk Oxigraph store by
default, or any SPARQL 1.1 server.  See base.py for the graph layout.

    >>> from converter import store
    >>> with store.open("out/store") as s:            # or store.open("http://host:7878/query", ...)
    ...     s.load("out")                              # .ttl files, output folders or Filing objects
    ...     rows = s.query("SELECT ?file WHERE { GRAPH ?f { ?f ll:sourceFile ?file } }")
"""

from __future__ import annotations

from pathlib import Path

from ..taxonomy import Taxonomy
from .base import SHARED, TAXONOMY, LoadResult, QueryError, Row, Store, StoreError, bind
from .embedded import EmbeddedStore
from .named import QUERIES, run
from .remote import RemoteStore

__all__ = ["open", "Store", "StoreError", "QueryError", "LoadResult", "Row", "QUERIES", "run", "bind",
           "SHARED", "TAXONOMY", "EmbeddedStore", "RemoteStore", "load_outputs"]


def open(location: str | Path, *, update_endpoint: str | None = None, graph_store: str | None = None) -> Store:  # noqa: A001
    """An embedded store at a folder path, or a SPARQL 1.1 server at an http(s) URL."""
    text = str(location)
    if text.startswith(("http://", "https://")):
        return RemoteStore(text, update_endpoint=update_endpoint, graph_store=graph_store)
    return EmbeddedStore(location)


def load_outputs(store: Store, paths: list[Path], tax: Taxonomy, on_load=None) -> list[LoadResult]:
    """Load converted filings (their .ttl files, or folders of them), reporting each as it loads."""
    return store.load(*paths, taxonomy=tax, on_load=on_load)
