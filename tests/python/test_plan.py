"""Action plans from Python: plan_status, plan_frame, to_excel and read_dates."""

from __future__ import annotations

import datetime
from pathlib import Path

import pandas as pd
import pytest

import spur

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "palliativ-sydostra-skane.yaml"
PLAN_COVERS_ALL = ROOT / "tests" / "data" / "inspections" / "plan-covers-all.yaml"


@pytest.fixture(scope="module")
def book() -> spur.RuleBook:
    return spur.RuleBook.bundled()


def test_example_plan_adjusts_d_and_h_to_c(book: spur.RuleBook) -> None:
    ev = book.evaluate(spur.Inspection.load(EXAMPLE))
    frame = ev.results_frame().set_index("area")
    assert frame.loc["D", "grade"] == "D"
    assert frame.loc["D", "adjusted_grade"] == "C"
    assert frame.loc["H", "adjusted_grade"] == "C"
    assert frame.loc["E", "adjusted_grade"] is None or pd.isna(frame.loc["E", "adjusted_grade"])


def test_plan_frame_follows_up_on_a_day(book: spur.RuleBook) -> None:
    ev = book.evaluate(spur.Inspection.load(EXAMPLE))
    plan = ev.plan_frame(as_of=datetime.date(2025, 3, 15)).set_index("requirement")
    assert list(plan.index) == ["D1", "D7", "H2", "H7", "H9"]
    assert plan.loc["D1", "due"] == "maj2025"
    assert plan.loc["D1", "due_start"] == datetime.date(2025, 5, 1)
    assert plan.loc["D1", "due_end"] == datetime.date(2025, 5, 31)
    assert plan.loc["D1", "state"] == "planned"
    assert plan.loc["D7", "state"] == "overdue"
    assert plan.loc["H2", "state"] == "due"
    assert plan.loc["D1", "next_follow_up"] == datetime.date(2026, 5, 1)
    assert plan.loc["D7", "next_follow_up"] == datetime.date(2025, 9, 1)
    assert plan.loc["D7", "follow_up_responsible"] == "verksamhetschef"


def test_plan_status_says_when_the_plan_was_due(book: spur.RuleBook) -> None:
    ev = book.evaluate(spur.Inspection.load(PLAN_COVERS_ALL))
    status = ev.plan_status("2025-12-31")
    assert status["plan_due"] == "2025-04-15"
    assert status["in_time"] is True
    assert [e["state"] for e in status["entries"]] == ["overdue", "overdue"]
    assert status["entries"][1]["follow_up"]["next"] == "2026-09-01"


def test_plan_status_rejects_a_bad_day(book: spur.RuleBook) -> None:
    ev = book.evaluate(spur.Inspection.load(EXAMPLE))
    with pytest.raises(spur.LookupError, match="is not a date"):
        ev.plan_status("2025-13-01")


def test_an_inspection_without_plan_has_an_empty_plan_frame(book: spur.RuleBook) -> None:
    ev = book.evaluate(
        spur.Inspection.from_dict(
            {"inspection": {"regulations": ["sosfs-2015-8"], "default_status": "met"}}
        )
    )
    frame = ev.plan_frame("2025-01-01")
    assert frame.empty
    assert "state" in frame.columns


def test_to_excel_writes_three_sheets(book: spur.RuleBook, tmp_path: Path) -> None:
    ev = book.evaluate(spur.Inspection.load(EXAMPLE))
    path = tmp_path / "palliativ.xlsx"
    ev.to_excel(path, as_of="2025-03-15", lang="en")
    sheets = pd.read_excel(path, sheet_name=None)
    assert list(sheets) == ["grades", "actions", "plan"]
    assert len(sheets["grades"]) == 8
    assert list(sheets["actions"]["Requirement"][:5]) == ["D1", "D7", "H2", "H7", "H9"]
    assert list(sheets["plan"]["State"]) == ["planned", "overdue", "due", "due", "due"]


def test_read_dates_reads_swedish_phrases() -> None:
    d = spur.read_dates("september 2025, därefter årligen")
    first = d["parts"][0]
    assert (first["start"], first["end"], first["precision"], first["recurrence"]) == (
        "2025-09-01",
        "2025-09-30",
        "month",
        "yearly",
    )
    impossible = spur.read_dates("31/2-25")
    assert impossible["parts"][0]["start"] is None
    assert "no such date" in impossible["warnings"][0]
    assert spur.read_dates("maj", reference=datetime.date(2025, 6, 1))["parts"][0]["start"] == (
        "2026-05-01"
    )
