"""The default store: an on-disk Oxigraph database (pyoxigraph), nothing to install or run."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from .base import LL, RDF_TYPE, SHARED, QueryError, Row, Store, StoreError, to_python


def _split_prefixes(turtle: bytes) -> tuple[dict[bytes, bytes], bytes]:
    """The @prefix lines at the top of a Turtle document (by prefix), and the rest."""
    head: dict[bytes, bytes] = {}
    pos = 0
    while turtle.startswith(b"@prefix", pos):
        end = turtle.find(b"\n", pos)
        end = len(turtle) if end < 0 else end
        line = turtle[pos:end].strip()
        head[line.split(b":", 1)[0]] = line
        pos = end + 1
    return head, turtle[pos:]


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

    def write_graphs(self, writes: list[tuple[str, bytes, bool]]) -> None:
        """All of a batch in one TriG document, parsed and written by Oxigraph at once."""
        prefixes: dict[bytes, bytes] = {}
        blocks: list[bytes] = []
        for graph, turtle, replace in writes:
            head, body = _split_prefixes(turtle)
            for name, line in head.items():
                if prefixes.setdefault(name, line) != line:  # a prefix meaning two things: one at a time
                    super().write_graphs(writes)
                    return
            if replace and self._db.contains_named_graph(ox.NamedNode(graph)):
                self._db.remove_graph(ox.NamedNode(graph))
            blocks += [f"<{graph}> {{\n".encode(), body, b"\n}\n"]
        trig = b"\n".join(prefixes.values()) + b"\n" + b"".join(blocks)
        try:
            # Oxigraph's bulk loader writes sorted files straight into the database: about three
            # times faster than a transaction; an interrupted load leaves a readable store that a
            # reload completes (loading is idempotent)
            self._db.bulk_load(trig, format=ox.RdfFormat.TRIG)
        except SyntaxError as exc:
            raise StoreError(f"not Turtle: {exc}") from None

    def existing_facts(self, facts: list[str], chunk: int = 2000) -> set[str]:
        shared, a, fact = ox.NamedNode(SHARED), ox.NamedNode(RDF_TYPE), ox.NamedNode(LL + "Fact")
        return {f for f in facts if ox.Quad(ox.NamedNode(f), a, fact, shared) in self._db}

    def graph_exists(self, graph: str) -> bool:
        return self._db.contains_named_graph(ox.NamedNode(graph))

    def close(self) -> None:
        if getattr(self, "_db", None) is not None:
            self._db.flush()
            self._db = None
