"""spur.import_report: a published report (path, text or PDF bytes) becomes a draft inspection."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import spur

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "tests" / "data" / "reports" / "spur-report-palliativ-sydostra-skane.txt"


@pytest.fixture(scope="module")
def book() -> spur.RuleBook:
    return spur.RuleBook.bundled()


def test_the_sample_grades_d_adjusted_to_c_in_d_and_h(book: spur.RuleBook) -> None:
    result = spur.import_report(REPORT)
    ev = book.evaluate(result.inspection)
    frame = ev.results_frame().set_index("area")
    assert list(frame.loc[["D", "H"], "grade"]) == ["D", "D"]
    assert list(frame.loc[["D", "H"], "adjusted_grade"]) == ["C", "C"]
    actions = ev.actions_frame()
    required = actions[actions["category"] == "required"]
    assert list(required["requirement"]) == ["D1", "D7", "H2", "H7", "H9"]


def test_the_draft_keeps_plan_dates_as_written() -> None:
    inspection, diagnostics = spur.import_report(REPORT)
    plan = inspection.action_plan
    assert [p.requirement for p in plan] == ["D1", "D7", "H2", "H7", "H9"]
    assert [p.due for p in plan] == ["maj2025", "februari 2025", "mars 2025", "mars 2025", "mars 2025"]
    assert plan[0].follow_up == "uppföljning varje år med start maj 2026"
    assert all(p.received for p in plan)
    assert any(d.line == 7 and "Styrkor" in d.message for d in diagnostics)


def test_findings_are_marked_drafts_and_reported_grades_kept() -> None:
    result = spur.import_report(REPORT)
    d = result.inspection.to_dict()
    assert d["findings"]["D7"]["status"] == "not_met"
    assert d["findings"]["H2"]["status"] == "partially_met"
    assert d["findings"]["D7"]["note"].startswith("UTKAST")
    assert d["reported_grades"]["D"]["grade"] == "C"
    assert "Graderingen är ändrad till C." in d["reported_grades"]["H"]["text"]
    assert result.missing == ["unit", "date"]
    assert result.unplaced == []
    assert "# TODO unit:" in result.yaml


def test_text_and_bytes_import_like_the_file() -> None:
    from_file = spur.import_report(REPORT).inspection.to_dict()
    text = REPORT.read_text(encoding="utf-8")
    from_text = spur.import_report(text, name=str(REPORT)).inspection.to_dict()
    from_bytes = spur.import_report(text.encode("utf-8"), name=str(REPORT)).inspection.to_dict()
    assert from_text == from_file
    assert from_bytes == from_file


def test_names_are_dropped_unless_kept() -> None:
    text = REPORT.read_text(encoding="utf-8").replace(
        "Ansvarig för genomförandet\nstudierektor\n",
        "Ansvarig för genomförandet\nStudierektor Anna Berg\n",
        1,
    )
    assert spur.import_report(text).inspection.action_plan[0].responsible == "Studierektor"
    kept = spur.import_report(text, keep_names=True)
    assert kept.inspection.action_plan[0].responsible == "Studierektor Anna Berg"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        ((ROOT / "README.md").read_bytes(), "not a SPUR report"),
        (bytes(range(256)) * 100, "neither a PDF nor UTF-8 text"),
    ],
)
def test_no_report_is_refused(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(content)
    with pytest.raises(spur.FileError, match=message) as info:
        spur.import_report(path)
    assert info.value.file == str(path)


def test_a_folder_of_reports_into_one_frame(tmp_path: Path, book: spur.RuleBook) -> None:
    for name in ("ystad", "lund"):
        shutil.copy(REPORT, tmp_path / f"{name}.txt")
    (tmp_path / "readme.txt").write_text("Inte en rapport.\n", encoding="utf-8")
    drafts, problems = [], []
    for path in sorted(tmp_path.glob("*.txt")):
        try:
            drafts.append(spur.import_report(path).inspection)
        except spur.FileError as e:
            problems.append((path.name, str(e)))
    frame = spur.evaluate_many(book, drafts)
    grades = frame.pivot_table(
        index="inspection", columns="area", values="adjusted_grade", aggfunc="first", observed=True
    )
    assert list(grades.index) == ["lund", "ystad"]
    assert list(grades["D"]) == ["C", "C"]
    assert [p[0] for p in problems] == ["readme.txt"]


def test_the_draft_follows_the_inspection_schema() -> None:
    import yaml
    from test_schemas import errors

    draft = yaml.safe_load(spur.import_report(REPORT).yaml)
    assert errors("inspection", draft) == []


VARIANTS = ROOT / "tests" / "data" / "reports" / "variants"


@pytest.mark.parametrize(
    ("variant", "findings", "plan"),
    [
        ("page-breaks.txt", ["D1", "D7", "H2", "H7", "H9"], ["D1", "D7", "H2", "H7", "H9"]),
        ("two-regulations.txt", ["D1", "D7", "E7", "H2", "H7", "H9"], ["D1", "D7", "E7", "H2", "H7", "H9"]),
        ("action-required-without-plan.txt", ["B4", "D1", "D7", "E6", "H2", "H7", "H9"], ["D1", "D7", "H2", "H7", "H9"]),
        ("no-handlingsplan.txt", [], []),
        ("plan-not-received.txt", ["D1", "D6", "D7", "H2", "H7", "H9"], []),
    ],
)
def test_variants_of_the_template_draft_what_the_report_says(variant: str, findings: list[str], plan: list[str]) -> None:
    result = spur.import_report(VARIANTS / variant)
    assert sorted(result.inspection.to_dict()["findings"]) == findings
    assert [p.requirement for p in result.inspection.action_plan] == plan
    assert result.unplaced == []


def test_a_moved_block_is_placed_by_its_content_with_a_warning_at_its_line(book: spur.RuleBook) -> None:
    result = spur.import_report(VARIANTS / "page-breaks.txt")
    moved = [d for d in result.diagnostics if d.line == 638]
    assert len(moved) == 1 and "speaks of area G" in moved[0].message
    assert "akademisk forskning" in result.inspection.notes.split("G. Medicinsk")[1].split("H. Ledarskap")[0]
    frame = book.evaluate(result.inspection).results_frame().set_index("area")
    assert list(frame.loc[["D", "H"], "adjusted_grade"]) == ["C", "C"]
