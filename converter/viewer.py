"""The interactive viewer of an Inline XBRL output, built by Arelle's ixbrl-viewer plugin
(optional extra: pip install 'ledgerlink[viewer]'), entirely offline: the viewer's script
is copied beside the page."""

from __future__ import annotations

import logging
from pathlib import Path

from . import xmlsafe


class ViewerError(Exception):
    """The viewer could not be built (one line for the user)."""


def build(xhtml: Path, dest: Path | None = None) -> Path:
    """Write ``dest`` (default: ``<name>.viewer/`` beside the document) holding ``xbrlviewer.html``
    and ``ixbrlviewer.js``; return the page."""
    try:
        import iXBRLViewerPlugin  # noqa: F401  (fails early, with the reason, when the extra is missing)
        from arelle.api.Session import Session
        from arelle.RuntimeOptions import RuntimeOptions
    except ImportError:
        raise ViewerError("the viewer needs the viewer extra: pip install 'ledgerlink[viewer]'") from None
    if not xhtml.is_file():
        raise ViewerError(f"{xhtml}: no such file")
    try:  # Arelle reads it next: nothing with a DTD or entities gets that far
        root = xmlsafe.parse(xhtml).getroot()
    except xmlsafe.UnsafeXML as exc:
        raise ViewerError(f"{xhtml}: {exc}") from None
    if root.tag != "{http://www.w3.org/1999/xhtml}html":
        raise ViewerError(f"{xhtml}: not an XHTML document")
    dest = dest or xhtml.with_name(f"{xhtml.stem}.viewer")
    dest.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.ERROR:
                problems.append(record.getMessage())

    options = RuntimeOptions(entrypointFile=str(xhtml), internetConnectivity="offline", plugins="iXBRLViewerPlugin",
                             pluginOptions={"saveViewerDest": str(dest)}, disablePersistentConfig=True,
                             logLevel="WARNING")
    with Session() as session:
        session.run(options, logHandler=Collect())
    page = dest / "xbrlviewer.html"
    if not page.is_file():
        raise ViewerError(f"{xhtml}: the viewer was not built" + (f": {problems[0]}" if problems else ""))
    return page
