"""How Python's cyclic garbage collector runs while a filing converts.

A full collection (generation 2) visits every tracked object of the process.  While one
filing converts, the objects it has built so far (lines, blocks, cells, observations,
facts, rendered views) are that heap, so the full collections a big filing triggers
visit a heap that grows with the document: conversion time grew faster than the input
(issue 12).  The filing's objects do not form garbage cycles that wait for a full
collection (their cycles, if any, are short-lived and die in the young generations), so
``young_collections_only`` keeps the young collections (generations 0 and 1, whose size
is bounded) and holds the full ones back until the outermost filing is done; the
thresholds are then restored and the collector catches up once, as it would have.

Nested and concurrent filings (threads) share one setting: the full collections resume when
the last of them is done.  ``ENABLED`` turns this off (bench/linear.py measures both).
"""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

ENABLED = True
_NEVER = 2**31 - 1  # a generation-2 threshold the count of generation-1 collections never reaches

_lock = threading.Lock()
_depth = 0  # filings converting or rendering now (nested calls and threads share one setting)
_saved: tuple[int, int, int] | None = None


@contextmanager
def young_collections_only() -> Iterator[None]:
    """Only young collections inside the block; the previous thresholds come back after it
    (after the last of several nested or concurrent blocks)."""
    global _depth, _saved
    if not ENABLED:
        yield
        return
    with _lock:
        if _depth == 0:
            _saved = gc.get_threshold()
            gc.set_threshold(_saved[0], _saved[1], _NEVER)
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _saved is not None:
                gc.set_threshold(*_saved)
                _saved = None


P = ParamSpec("P")
R = TypeVar("R")


def per_filing(func: Callable[P, R]) -> Callable[P, R]:
    """Decorate a function that converts or renders one filing: see ``young_collections_only``."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with young_collections_only():
            return func(*args, **kwargs)

    return wrapper
