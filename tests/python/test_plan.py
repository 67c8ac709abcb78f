"""Action plans from Python: plan_status, plan_frame, to_excel and read_dates."""

from __future__ import annotations

import datetime
from pathlib import Path

import numpy as np
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
    frame = ev.plan_frame(as_of=datetime.date(2025, 3, 15))
    for column in ("due_start", "due_end", "next_follow_up", "received_on", "done"):
        assert pd.api.types.is_datetime64_dtype(frame[column]), column
    plan = frame.set_index("requirement")
    assert list(plan.index) == ["D1", "D7", "H2", "H7", "H9"]
    assert plan.loc["D1", "due"] == "maj2025"
    assert plan.loc["D1", "due_start"] == pd.Timestamp("2025-05-01")
    assert plan.loc["D1", "due_end"] == pd.Timestamp("2025-05-31")
    assert plan["received_on"].isna().all()  # NaT: received, but nobody wrote when
    assert plan["done"].isna().all()  # nothing is done yet
    assert plan.loc["D1", "state"] == "planned"
    assert plan.loc["D7", "state"] == "overdue"
    assert plan.loc["H2", "state"] == "due"
    assert plan.loc["D1", "next_follow_up"] == pd.Timestamp("2026-05-01")
    assert plan.loc["D7", "next_follow_up"] == pd.Timestamp("2025-09-01")
    assert plan.loc["D7", "follow_up_responsible"] == "verksamhetschef"


def test_plan_status_says_when_the_plan_was_due(book: spur.RuleBook) -> None:
    ev = book.evaluate(spur.Inspection.load(PLAN_COVERS_ALL))
    status = ev.plan_status("2025-12-31")
    assert status["plan_due"] == "2025-04-15"
    assert status["in_time"] is True
    assert [e["state"] for e in status["entries"]] == ["overdue", "overdue"]
    assert status["entries"][1]["follow_up"]["next"] == "2026-09-01"


@pytest.mark.parametrize("day", ["2025-13-01", "tomorrow", "2025-02-29", "15/3-2025", ""])
def test_plan_status_rejects_a_bad_day(book: spur.RuleBook, day: str) -> None:
    ev = book.evaluate(spur.Inspection.load(EXAMPLE))
    if not day:  # empty text is today, as None is
        assert ev.plan_status(day)["as_of"] == ev.plan_status()["as_of"]
        return
    message = (
        f"as_of='{day}' is not a date: write it as YYYY-MM-DD (e.g. 2025-03-15), or pass a "
        "datetime.date"
    )
    for call in (ev.plan_status, ev.plan_frame):
        with pytest.raises(ValueError) as info:
            call(as_of=day)
        assert str(info.value) == message
        assert not isinstance(info.value, LookupError)
    with pytest.raises(ValueError, match=f"reference='{day}' is not a date: write it as"):
        spur.read_dates("maj", reference=day)


def test_plan_status_takes_dates_of_every_kind(book: spur.RuleBook) -> None:
    ev = book.evaluate(spur.Inspection.load(EXAMPLE))
    expected = ev.plan_status("2025-03-15")
    for day in (
        datetime.date(2025, 3, 15),
        datetime.datetime(2025, 3, 15, 23, 59),
        pd.Timestamp("2025-03-15"),
        np.datetime64("2025-03-15"),
    ):
        assert ev.plan_status(day) == expected, day
    with pytest.raises(
        TypeError, match="as_of must be a datetime.date or a text YYYY-MM-DD, not int"
    ):
        ev.plan_status(20250315)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="as_of is NaT"):
        ev.plan_status(pd.NaT)  # type: ignore[arg-type]


def test_an_inspection_without_plan_has_an_empty_plan_frame(book: spur.RuleBook) -> None:
    ev = book.evaluate(
        spur.Inspection.from_dict(
            {"inspection": {"regulations": ["sosfs-2015-8"], "default_status": "met"}}
        )
    )
    frame = ev.plan_frame("2025-01-01")
    assert frame.empty
    assert "state" in frame.columns
    assert pd.api.types.is_datetime64_dtype(frame["due_start"])


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


def _one_entry(book: spur.RuleBook, due: str, follow_up: str = "årligen") -> spur.Evaluation:
    text = (
        "inspection: {unit: X, date: 2025-01-15, regulations: [sosfs-2015-8], default_status: met}\n"
        "findings: {D1: not_met}\n"
        "action_plan:\n"
        "  - requirement: D1\n"
        "    action: Riktlinjerna gås igenom.\n"
        "    responsible: studierektor\n"
        "    follow_up_responsible: studierektor\n"
        f"    due: {due!r}\n"
        f"    follow_up: {follow_up!r}\n"
        "    received: true\n"
    )
    return book.evaluate(spur.Inspection.parse(text, "plan.yaml"))


def test_an_unreadable_due_date_is_a_warning_and_the_state_says_so(book: spur.RuleBook) -> None:
    ev = _one_entry(book, "31/2-25")
    warnings = [(d.line, d.message) for d in ev.diagnostics if "31/2-25" in d.message]
    assert warnings == [
        (8, 'the plan entry for D1: due "31/2-25": no such date (31 February 2025)')
    ]
    plan = ev.plan_frame(as_of="2025-03-01")
    assert list(plan["state"]) == ["unreadable"]
    assert pd.isna(plan.loc[0, "due_start"])
    status = ev.plan_status("2025-03-01")
    assert status["entries"][0]["due"]["unreadable"] is True
    assert status["warnings"] == ['line 8: D1 due "31/2-25": no such date (31 February 2025)']


@pytest.mark.parametrize(
    ("due", "start", "end"),
    [
        ("Q3 2025", datetime.date(2025, 7, 1), datetime.date(2025, 9, 30)),
        ("vecka 12 2025", datetime.date(2025, 3, 17), datetime.date(2025, 3, 23)),
        ("ht 2025", datetime.date(2025, 8, 1), datetime.date(2025, 12, 31)),
        ("våren 2025", datetime.date(2025, 3, 1), datetime.date(2025, 5, 31)),
    ],
)
def test_quarters_weeks_terms_and_seasons_in_the_plan_frame(
    book: spur.RuleBook, due: str, start: datetime.date, end: datetime.date
) -> None:
    ev = _one_entry(book, due)
    plan = ev.plan_frame(as_of=start)
    assert (plan.loc[0, "due_start"], plan.loc[0, "due_end"], plan.loc[0, "state"]) == (
        pd.Timestamp(start),
        pd.Timestamp(end),
        "due",
    )


def test_undated_words_are_read_as_such() -> None:
    asap = spur.read_dates("snarast")["parts"][0]
    assert (asap["start"], asap["undated"], asap["unreadable"]) == (
        None,
        "as_soon_as_possible",
        False,
    )
    assert spur.read_dates("löpande")["parts"][0]["undated"] == "ongoing"
    quarter = spur.read_dates("kvartal 2 2025")["parts"][0]
    assert (quarter["start"], quarter["end"], quarter["precision"]) == (
        "2025-04-01",
        "2025-06-30",
        "quarter",
    )
    widened = spur.read_dates("mitten av 2025")
    assert widened["warnings"] == [
        '"mitten av 2025": "mitten" not read, so the date is the whole year 2025-01-01..2025-12-31'
    ]
