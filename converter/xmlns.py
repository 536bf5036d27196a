"""XML namespaces of XBRL and friends, shared by everything that writes XML."""

XS = "http://www.w3.org/2001/XMLSchema"
XBRLI = "http://www.xbrl.org/2003/instance"
LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"
XBRLDT = "http://xbrl.org/2005/xbrldt"
XBRLDI = "http://xbrl.org/2006/xbrldi"
ISO4217 = "http://www.xbrl.org/2003/iso4217"
DTR_TYPES = "http://www.xbrl.org/dtr/type/2022-03-31"
XML = "http://www.w3.org/XML/1998/namespace"


def q(ns: str, local: str) -> str:
    """Clark notation for lxml: ``{namespace}local``."""
    return f"{{{ns}}}{local}"
