"""Benchmarks of grading a whole findings table (pytest-benchmark): spur.grade_frame beside
the plain pandas implementation of bench/peers, on the same 100 000 inspections x 74
requirements (2.6 M finding rows). Measure with

    pytest tests/python/test_bench_batch.py --benchmark-only

The figures measured are in docs/performance.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

import spur

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench" / "peers"))
import peers  # noqa: E402

pytestmark = pytest.mark.benchmark


@pytest.fixture(scope="module")
def findings(book: spur.RuleBook) -> pd.DataFrame:
    return peers.generate(book, 100_000, seed=7)


def test_grade_frame_100000(benchmark, book: spur.RuleBook, findings: pd.DataFrame) -> None:  # type: ignore[no-untyped-def]
    """The target: the long frame to the grades frame in at most 1 s."""
    grades = benchmark.pedantic(
        spur.grade_frame,
        (findings,),
        {"regulations": peers.REGULATION, "book": book},
        rounds=5,
    )
    assert len(findings) > 2_500_000
    assert len(grades) == 800_000


def test_pandas_100000(benchmark, book: spur.RuleBook, findings: pd.DataFrame) -> None:  # type: ignore[no-untyped-def]
    """The plain pandas implementation on the same frame: grade_frame should be >= 5x faster."""
    grades = benchmark.pedantic(peers.pandas_grades, (book, findings), rounds=3)
    assert grades.shape == (100_000, 8)
