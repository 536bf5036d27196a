"""Output formats, one module each, behind a small registry.

Every emitter is a function ``(filing, context) -> bytes``; ``EMITTERS`` maps a
format name to it and to the file suffix it is written with.  Adding a format is
adding a module that calls ``register``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..gcpolicy import per_filing
from ..model import Filing
from .common import EmitContext


@dataclass(frozen=True, slots=True)
class Emitter:
    name: str
    suffix: str  # appended to the filing's stem: ".xhtml", "_cal.xml"
    render: Callable[[Filing, EmitContext], bytes]
    description: str


EMITTERS: dict[str, Emitter] = {}


def register(name: str, suffix: str, description: str):
    def wrap(func: Callable[[Filing, EmitContext], bytes]):
        # one filing at a time: full garbage collections wait until it is rendered (see gcpolicy)
        EMITTERS[name] = Emitter(name, suffix, per_filing(func), description)
        return func
    return wrap


def emitter(name: str) -> Emitter:
    return EMITTERS[name]


# Importing the modules registers them, in the order outputs are written.
from . import calc, ixbrl, rdf, report, xbrl, xbrljson  # noqa: E402,F401

__all__ = ["EMITTERS", "Emitter", "EmitContext", "register", "emitter"]
