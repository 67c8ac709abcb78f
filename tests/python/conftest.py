from __future__ import annotations

from pathlib import Path

import pytest

import spur

import synthetic

SOURCE = Path(__file__).resolve().parents[2]
DATA = SOURCE / "tests" / "data"
EXAMPLE = SOURCE / "examples" / "palliativ-sydostra-skane.yaml"


@pytest.fixture(scope="session")
def book() -> spur.RuleBook:
    return spur.RuleBook.bundled()


@pytest.fixture(scope="session")
def example() -> spur.Inspection:
    return spur.Inspection.load(EXAMPLE)


@pytest.fixture(scope="session")
def evaluation(book: spur.RuleBook, example: spur.Inspection) -> spur.Evaluation:
    return book.evaluate(example)


@pytest.fixture(scope="session")
def random_inspections(book: spur.RuleBook) -> list[spur.Inspection]:
    """A few hundred random, valid inspections."""
    return synthetic.inspections(book, 300, seed=7)
