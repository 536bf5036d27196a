"""ledgerlink: plain-text financial releases to Inline XBRL, XBRL, xBRL-JSON and linked RDF."""

__version__ = "0.1.0"
