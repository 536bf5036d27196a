"""Reading XML safely: every XML document ledgerlink reads goes through ``parse``.

No external entity is resolved, no DTD loaded, nothing fetched from the network, and a
document declaring entities is refused outright (so a "billion laughs" expansion can
never start).  XHTML, XBRL and linkbases never need a DTD.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

_DTD = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.I)


class UnsafeXML(ValueError):
    """The document declares a DTD or entities, or is not well-formed XML."""


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=False)


def parse(source: bytes | str | Path) -> etree._ElementTree:
    """Parse XML from bytes or a file; raises UnsafeXML for DTDs, entity declarations and bad XML."""
    data = Path(source).read_bytes() if isinstance(source, (str, Path)) and not str(source).lstrip().startswith("<") \
        else (source.encode("utf-8") if isinstance(source, str) else source)
    if _DTD.search(data[:65536]):  # before parsing: no expansion ever starts
        raise UnsafeXML("documents with a DTD or entity declarations are not accepted")
    try:
        tree = etree.ElementTree(etree.fromstring(data, _parser()))
    except etree.XMLSyntaxError as exc:
        raise UnsafeXML(f"not well-formed XML: {exc}") from None
    info = tree.docinfo
    if info.internalDTD is not None or info.externalDTD is not None or info.doctype:
        raise UnsafeXML("documents with a DTD or entity declarations are not accepted")
    return tree
