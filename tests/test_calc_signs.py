"""The calculation networks as a check on the signs the tool chose: a statement that does not add
up as emitted but would with one item's sign reversed is an error of the reading, reported as such."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from converter.check import filing_calculations
from converter.model import JPY, Fact, Period, Span
from converter.taxonomy import default as load_taxonomy

Q = Period(start=dt.date(2022, 5, 9), end=dt.date(2022, 8, 28))


def fact(concept: str, value: int, line: int, text: str) -> Fact:
    return Fact("", concept, Q, Decimal(value) * 1_000_000, JPY, -6, Span(line, 0, len(text)), text, concept,
                statement="income")


def test_an_item_whose_opposite_sign_would_add_up_is_an_error_naming_it():
    facts = [fact("ProfitLoss", 1878, 10, "1,878"), fact("NetIncomeLossAttributableToNoncontrollingInterest", -10, 11, "(10)"),
             fact("NetIncomeLoss", 1868, 12, "1,868")]
    arcs, messages = filing_calculations(facts, load_taxonomy())
    errors = [m for m in messages if m.level == "error"]
    assert len(errors) == 1 and errors[0].line == 11
    assert "NetIncomeLossAttributableToNoncontrollingInterest" in errors[0].text and "'(10)'" in errors[0].text
    assert "NetIncomeLoss" not in {parent for parent, _, _ in arcs.get("IncomeStatement", [])}


def test_a_statement_that_adds_up_raises_nothing():
    facts = [fact("ProfitLoss", 1878, 10, "1,878"), fact("NetIncomeLossAttributableToNoncontrollingInterest", 10, 11, "(10)"),
             fact("NetIncomeLoss", 1868, 12, "1,868")]
    arcs, messages = filing_calculations(facts, load_taxonomy())
    assert not messages
    assert ("NetIncomeLoss", "NetIncomeLossAttributableToNoncontrollingInterest", -1) in arcs["IncomeStatement"]


def test_figures_that_disagree_whatever_the_signs_are_no_sign_error():
    facts = [fact("ProfitLoss", 1878, 10, "1,878"), fact("NetIncomeLossAttributableToNoncontrollingInterest", 10, 11, "10"),
             fact("NetIncomeLoss", 1500, 12, "1,500")]
    _, messages = filing_calculations(facts, load_taxonomy())
    assert messages and not any(m.level == "error" for m in messages)
