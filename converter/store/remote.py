"""Any SPARQL 1.1 server: Oxigraph server, Virtuoso, Fuseki, GraphDB, Amazon Neptune.

Queries and updates go through the SPARQL 1.1 Protocol (form-encoded POST); graphs
are written with the Graph Store Protocol (PUT replaces a filing's graph, POST adds
to the shared graph) when a graph store URL is known, else with chunked
``INSERT DATA`` updates, which every SPARQL 1.1 server accepts.

Credentials come from the environment, never from the command line:
``LEDGERLINK_SPARQL_TOKEN`` (a bearer token) or ``LEDGERLINK_SPARQL_USER`` and
``LEDGERLINK_SPARQL_PASSWORD`` (HTTP basic).
"""

from __future__ import annotations

import base64
import os
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox

from .base import QueryError, Row, Store, StoreError, to_python

TIMEOUT = 120  # seconds per request
INSERT_CHUNK = 5000  # triples per INSERT DATA when no graph store is available


def _headers() -> dict[str, str]:
    token = os.environ.get("LEDGERLINK_SPARQL_TOKEN")
    if token:
        return {"Authorization": f"Bearer {token}"}
    user = os.environ.get("LEDGERLINK_SPARQL_USER")
    if user:
        secret = f"{user}:{os.environ.get('LEDGERLINK_SPARQL_PASSWORD', '')}".encode()
        return {"Authorization": "Basic " + base64.b64encode(secret).decode("ascii")}
    return {}


def _ntriples(triples: list[ox.Triple]) -> bytes:
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) if triples else b""


class RemoteStore(Store):
    def __init__(self, endpoint: str, update_endpoint: str | None = None, graph_store: str | None = None):
        self.location = endpoint
        self.endpoint = endpoint
        self.update_endpoint = update_endpoint or endpoint
        self.graph_store = graph_store

    def _request(self, url: str, data: bytes, content_type: str, method: str = "POST",
                 accept: str | None = None) -> bytes:
        headers = {"Content-Type": content_type, **_headers()}
        if accept:
            headers["Accept"] = accept
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310 - the user's endpoint
                return response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read(300).decode("utf-8", "replace").strip().splitlines()
            kind = QueryError if exc.code == 400 else StoreError
            raise kind(f"{url}: HTTP {exc.code} {exc.reason}" + (f": {detail[0]}" if detail else "")) from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise StoreError(f"{url}: cannot reach the SPARQL server ({reason})") from None

    def select(self, query: str) -> list[Row]:
        body = urllib.parse.urlencode({"query": query}).encode()
        raw = self._request(self.endpoint, body, "application/x-www-form-urlencoded",
                            accept="application/sparql-results+json")
        try:
            results = ox.parse_query_results(raw, format=ox.QueryResultsFormat.JSON)
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"{self.endpoint}: unreadable SPARQL results: {exc}") from None
        if not isinstance(results, ox.QuerySolutions):
            raise QueryError("only SELECT queries return rows")
        names = [v.value for v in results.variables]
        return [{n: to_python(s[n]) for n in names} for s in results]

    def update(self, update: str) -> None:
        body = urllib.parse.urlencode({"update": update}).encode()
        self._request(self.update_endpoint, body, "application/x-www-form-urlencoded")

    def _graph_url(self, graph: str) -> str:
        assert self.graph_store is not None
        return f"{self.graph_store}?{urllib.parse.urlencode({'graph': graph})}"

    def replace_graph(self, graph: str, turtle: bytes) -> None:
        if self.graph_store:
            self._request(self._graph_url(graph), turtle, "text/turtle", method="PUT")
            return
        self.update(f"DROP SILENT GRAPH <{graph}>")
        self._insert(graph, turtle)

    def add_to_graph(self, graph: str, turtle: bytes) -> None:
        if self.graph_store:
            self._request(self._graph_url(graph), turtle, "text/turtle", method="POST")
            return
        self._insert(graph, turtle)

    def _insert(self, graph: str, turtle: bytes) -> None:
        """INSERT DATA in chunks: N-Triples, which SPARQL reads as it is."""
        try:
            triples = list(ox.parse(turtle, format=ox.RdfFormat.TURTLE))
        except SyntaxError as exc:
            raise StoreError(f"not Turtle: {exc}") from None
        for i in range(0, len(triples), INSERT_CHUNK):
            body = _ntriples(triples[i:i + INSERT_CHUNK]).decode("utf-8")
            self.update(f"INSERT DATA {{ GRAPH <{graph}> {{\n{body}}} }}")


def probe(endpoint: str) -> None:
    """Fail early, in one line, when the endpoint does not answer a trivial query."""
    RemoteStore(endpoint).select("SELECT * WHERE { } LIMIT 1")



