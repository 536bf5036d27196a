"""What issue 12 ("Linear time overall") changed, checked for behaviour (bench/linear.py measures
the time): the garbage-collector setting around a filing, and the duplicate check that no longer
compares every pair of a group."""

from __future__ import annotations

import datetime as dt
import gc
import random
import threading
from decimal import Decimal

import pytest

from converter import gcpolicy
from converter.check import interval, resolve_duplicates
from converter.model import JPY, Fact, Period, Span


def test_full_collections_wait_for_the_filing_and_the_thresholds_come_back():
    before = gc.get_threshold()
    with gcpolicy.young_collections_only():
        inside = gc.get_threshold()
        with gcpolicy.young_collections_only():
            assert gc.get_threshold() == inside
        assert gc.get_threshold() == inside  # the outer filing is still converting
    assert inside[:2] == before[:2] and inside[2] > 10**9
    assert gc.get_threshold() == before


def test_thresholds_come_back_after_an_error_and_when_turned_off():
    before = gc.get_threshold()

    @gcpolicy.per_filing
    def failing():
        raise ValueError("bad filing")

    with pytest.raises(ValueError):
        failing()
    assert gc.get_threshold() == before
    gcpolicy.ENABLED = False
    try:
        with gcpolicy.young_collections_only():
            assert gc.get_threshold() == before
    finally:
        gcpolicy.ENABLED = True


def test_concurrent_filings_share_one_setting():
    before = gc.get_threshold()
    entered, release = threading.Barrier(3), threading.Event()

    def filing():
        with gcpolicy.young_collections_only():
            entered.wait()
            release.wait()

    threads = [threading.Thread(target=filing) for _ in range(2)]
    for t in threads:
        t.start()
    entered.wait()
    assert gc.get_threshold()[2] > 10**9
    release.set()
    for t in threads:
        t.join()
    assert gc.get_threshold() == before


def _overlap(a: Fact, b: Fact) -> bool:
    (alo, ahi), (blo, bhi) = interval(a), interval(b)
    return alo <= bhi and blo <= ahi


def _pairwise(facts: list[Fact]) -> tuple[set[str], int]:
    """The rule as first written, comparing every pair: ids of the facts dropped, warnings."""
    dropped, warnings = set(), 0
    best = max(float("inf") if f.decimals is None else f.decimals for f in facts)
    anchors = [f for f in facts if (float("inf") if f.decimals is None else f.decimals) == best]
    if any(not _overlap(a, b) for a in anchors for b in anchors):
        return dropped, 1
    for f in facts:
        if f not in anchors and not all(_overlap(f, a) for a in anchors):
            dropped.add(f.id)
            warnings += 1
    return dropped, warnings


def test_duplicates_resolved_as_by_comparing_every_pair():
    rng = random.Random(12)
    period = Period(dt.date(2013, 9, 30), dt.date(2013, 4, 1))
    for trial in range(300):
        facts = []
        for i in range(rng.randint(2, 12)):
            decimals = rng.choice([None, 0, -3, -6])
            value = Decimal(rng.choice([12_618_348, 12_618_000, 12_619_000, 12_618_500, 13_000_000, 12_600_000]))
            if decimals is not None:
                value = value.quantize(Decimal(1).scaleb(-decimals)) if decimals < 0 else value
            facts.append(Fact(f"f{i}", "Revenues", period, value, JPY, decimals, Span(i + 1, 0, 5), str(value), "Revenues"))
        kept, skips, messages = resolve_duplicates(facts)
        dropped, warnings = _pairwise(facts)
        assert {f.id for f in facts} - {f.id for f in kept} == dropped, trial
        assert len(skips) == len(dropped) and len(messages) == warnings, trial
