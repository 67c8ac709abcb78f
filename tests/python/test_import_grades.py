"""spur.import_report and `spur import` read the grade each grading table marks from a PDF's
layout (the PDFs are written here with report_pdf.py), say where nothing or two rows are marked,
and say once that text alone cannot show the marks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import spur
from report_pdf import Layout, Mark, write_report_pdf

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "tests" / "data" / "reports" / "spur-report-palliativ-sydostra-skane.txt"
TEXT = REPORT.read_text(encoding="utf-8")
AREAS = "ABCDEFGH"


def marked(grades: str, style: str = "X", column: str = "") -> list[Mark]:
    return [Mark(area, grade, style, column) for area, grade in zip(AREAS, grades) if grade != "-"]


def pdf_text_lines(path: Path) -> list[str]:
    """The PDF's extracted text, whose lines the warnings name (`spur import --text`); split at
    line feeds only, as spur counts lines (str.splitlines would split at a page's form feed)."""
    done = subprocess.run(
        [sys.executable, "-m", "spur", "import", "--text", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.split("\n")


def warnings(result: spur.ImportedReport, part: str) -> list[spur.Diagnostic]:
    return [d for d in result.diagnostics if part in d.message]


@pytest.mark.parametrize(
    ("style", "ruled"), [("X", True), ("box", True), ("shade", False), ("shade", True)]
)
def test_the_mark_of_each_table_is_read(
    tmp_path: Path, book: spur.RuleBook, style: str, ruled: bool
) -> None:
    layout = Layout(marked("AAADCAAD", style), ruled=ruled)
    pdf = write_report_pdf(tmp_path / "rapport.pdf", TEXT, layout)
    result = spur.import_report(pdf)
    assert result.from_pdf
    grades = result.inspection.to_dict()["reported_grades"]
    assert {area: entry["marked"] for area, entry in grades.items()} == dict(zip(AREAS, "AAADCAAD"))
    # D and H keep what the text says beside the mark.
    assert grades["D"]["grade"] == "C" and "Graderingen är ändrad till C." in grades["D"]["text"]
    assert not warnings(result, "marks no grade")

    # E is marked C where the draft's findings give A: the warning points at the marked row and
    # at the lines of E's text.
    (lower,) = warnings(result, "the report criticises something")
    assert lower.message.startswith(
        "area E: the report's grading table marks C (page 8) but the draft's findings give A"
    )
    lines = pdf_text_lines(pdf)
    assert lines[lower.line - 1].startswith("C. Socialstyrelsens föreskrifter följs.")
    first_text_line = int(lower.message.split("(lines ")[1].split("-")[0])
    assert lines[first_text_line - 1].startswith("Det finns en huvudansvarig handledare")

    ev = book.evaluate(result.inspection)
    assert [d.message for d in ev.diagnostics if "grading table" in d.message] == [
        "area E: the report's grading table marks C but spur grades A from the findings; "
        "check the findings of area E"
    ]


def test_a_column_per_regulation(tmp_path: Path, book: spur.RuleBook) -> None:
    marks = marked("AAADCAAD", "X", "2015") + marked("AAADBAAD", "box", "2021")
    pdf = write_report_pdf(tmp_path / "rapport.pdf", TEXT, Layout(marks, regulation_columns=True))
    result = spur.import_report(pdf)
    assert result.inspection.regulations == ["sosfs-2015-8", "hslf-fs-2021-8"]
    grades = result.inspection.to_dict()["reported_grades"]
    assert grades["E"] == {"marked": {"sosfs-2015-8": "C", "hslf-fs-2021-8": "B"}}
    assert grades["A"] == {"marked": {"sosfs-2015-8": "A", "hslf-fs-2021-8": "A"}}
    (e,) = [g for g in result.inspection.reported_grades if g.area == "E"]
    assert [(m.regulation, m.grade) for m in e.marked] == [
        ("sosfs-2015-8", spur.Grade.C),
        ("hslf-fs-2021-8", spur.Grade.B),
    ]
    assert e.grade is None
    ev = book.evaluate(result.inspection)
    assert [d.message for d in ev.diagnostics if "grading table" in d.message] == [
        "area E (sosfs-2015-8): the report's grading table marks C but spur grades A from the "
        "findings; check the findings of area E",
        "area E (hslf-fs-2021-8): the report's grading table marks B but spur grades A from the "
        "findings; check the findings of area E",
    ]


def test_nothing_marked_is_said_for_each_table(tmp_path: Path) -> None:
    pdf = write_report_pdf(tmp_path / "rapport.pdf", TEXT)
    result = spur.import_report(pdf)
    none = warnings(result, "marks no grade")
    assert [d.message[5] for d in none] == list(AREAS)
    assert none[1].message.startswith(
        "area B (page 4): the grading table marks no grade the import can see"
    )
    lines = pdf_text_lines(pdf)
    assert all(lines[d.line - 1].startswith("A. Socialstyrelsens") for d in none)
    assert all(not g.marked for g in result.inspection.reported_grades)


def test_two_rows_marked_is_not_guessed(tmp_path: Path) -> None:
    marks = marked("AAADAAAD") + [Mark("B", "C"), Mark("G", "D", "box")]
    result = spur.import_report(write_report_pdf(tmp_path / "rapport.pdf", TEXT, Layout(marks)))
    assert [d.message for d in warnings(result, "more than one grade")] == [
        'area B (page 4): the grading table marks more than one grade, A ("X") and C ("X"); '
        "none is read, check in the report which one it gives",
        'area G (page 10): the grading table marks more than one grade, A ("X") and D (a drawn '
        "mark); none is read, check in the report which one it gives",
    ]
    assert sorted(result.inspection.to_dict()["reported_grades"]) == list("ACDEFH")


def test_text_says_once_that_the_marks_need_the_pdf() -> None:
    result = spur.import_report(REPORT)
    assert not result.from_pdf
    assert [d.message for d in result.diagnostics if "grade marks" in d.message] == [
        "the grade marks of the report's grading tables do not survive text extraction, so none "
        "were read: import the PDF itself to read them; reported_grades holds what the report's "
        "sentences say"
    ]


def test_the_command_reads_the_marks_and_evaluate_warns(tmp_path: Path) -> None:
    pdf = write_report_pdf(tmp_path / "rapport.pdf", TEXT, Layout(marked("ACADAAAD", "box")))
    imported = subprocess.run(
        [sys.executable, "-m", "spur", "import", str(pdf)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert imported.returncode == 0, imported.stderr
    assert "  B: {marked: C}\n" in imported.stdout
    assert (
        "rapport.pdf:" in imported.stderr
        and ": warning: area B: the report's grading table marks C (page 4) but the draft's "
        "findings give A" in imported.stderr
    )
    graded = subprocess.run(
        [sys.executable, "-m", "spur", "evaluate", "-"],
        input=imported.stdout,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert graded.returncode == 0, graded.stderr
    assert (
        "warning: area B: the report's grading table marks C but spur grades A from the findings"
        in graded.stdout + graded.stderr
    )
