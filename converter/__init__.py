"""ledgerlink: plain-text financial releases to Inline XBRL, XBRL, xBRL-JSON and linked RDF.

    >>> import converter
    >>> result = converter.convert("examples/iij-2016-11-04-interim-dividend.txt")
    >>> result.facts, result.report, result.to_ixbrl(), result.to_rdf()

See converter.api for the result, converter.store for linked facts and SPARQL.
"""

__version__ = "0.1.0"
__all__ = ["convert", "Result", "__version__"]


def __getattr__(name: str):
    # imported on first use: `ledgerlink --help` should not load the whole pipeline
    if name in ("convert", "Result"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'converter' has no attribute {name!r}")
