"""Benchmarks (pytest-benchmark). CI runs them once with --benchmark-disable; measure with

    pytest tests/python/test_bench.py --benchmark-only

The figures measured are in docs/python.md.
"""

from __future__ import annotations

import pytest

import spur

import synthetic

pytestmark = pytest.mark.benchmark


@pytest.fixture(scope="module")
def ten_thousand(book: spur.RuleBook) -> list[spur.Inspection]:
    return synthetic.inspections(book, 10_000, seed=11)


def test_evaluate_many_10000(benchmark, book: spur.RuleBook, ten_thousand) -> None:  # type: ignore[no-untyped-def]
    frame = benchmark(spur.evaluate_many, book, ten_thousand)
    assert frame["inspection"].nunique() == 10_000


def test_evaluate_many_100000(benchmark, book: spur.RuleBook, ten_thousand) -> None:  # type: ignore[no-untyped-def]
    """The design's target: 100 000 inspections (here the 10 000, ten times) in at most 1 s."""
    inspections = ten_thousand * 10
    frame = benchmark.pedantic(spur.evaluate_many, (book, inspections), rounds=5)
    assert len(frame) > 800_000


def test_inspections_from_frame_1000(benchmark, book: spur.RuleBook) -> None:  # type: ignore[no-untyped-def]
    findings, metadata = synthetic.findings_frames(book, 1_000, seed=5)
    inspections = benchmark(spur.inspections_from_frame, findings, metadata)
    assert len(inspections) == 1_000


def test_evaluate_one(benchmark, book: spur.RuleBook, example: spur.Inspection) -> None:  # type: ignore[no-untyped-def]
    ev = benchmark(book.evaluate, example)
    assert ev.grade("D") == "D"
