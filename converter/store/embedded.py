"""The default store: an on-disk Oxigraph database (pyoxigraph), nothing to install or run."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from .base import QueryError, Row, Store, StoreError, to_python


class EmbeddedStore(Store):
    def __init__(self, path: str | Path):
        self.location = str(path)
        try:
            Path(path).mkdir(parents=True, exist_ok=True)
            self._db = ox.Store(str(path))
        except OSError as exc:
            raise StoreError(f"{path}: cannot open the store: {exc}") from None

    def select(self, query: str) -> list[Row]:
        try:
            solutions = self._db.query(query)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from None
        if not isinstance(solutions, ox.QuerySolutions):
            raise QueryError("only SELECT queries return rows")
        names = [v.value for v in solutions.variables]
        return [{n: to_python(s[n]) for n in names} for s in solutions]

    def update(self, update: str) -> None:
        try:
            self._db.update(update)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL update syntax error: {exc}") from None

    def replace_graph(self, graph: str, turtle: bytes) -> None:
        node = ox.NamedNode(graph)
        if self._db.contains_named_graph(node):
            self._db.remove_graph(node)
        self.add_to_graph(graph, turtle)

    def add_to_graph(self, graph: str, turtle: bytes) -> None:
        try:
            self._db.load(turtle, format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(graph))
        except SyntaxError as exc:
            raise StoreError(f"not Turtle: {exc}") from None

    def close(self) -> None:
        if getattr(self, "_db", None) is not None:
            self._db.flush()
            self._db = None
