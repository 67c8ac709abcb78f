"""Bad input is found where it is made: inspections built in Python are checked against the
rule book when built, frames name their bad rows, evaluate_many reports (or skips) every bad
inspection, and bad arguments are ValueErrors that name the argument."""

from __future__ import annotations

import datetime
import enum
import inspect
import pickle
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import spur
from spur import _core

from conftest import DATA

TWO = ["sosfs-2015-8", "hslf-fs-2021-8"]


def header(**fields: object) -> dict[str, object]:
    return {"regulations": ["sosfs-2015-8"], **fields}


# --- Inspection.from_dict and Inspection.check ---------------------------------------------


def test_from_dict_finds_a_misspelled_requirement_at_once() -> None:
    with pytest.raises(spur.InspectionError) as info:
        spur.Inspection.from_dict(
            {"inspection": header(), "findings": {"D1": "met", "D1x": "not_met"}}, file="<u1>"
        )
    e = info.value
    assert (e.file, e.line, e.requirement) == ("<u1>", None, "D1x")
    assert str(e) == (
        "<u1>: error: unknown requirement 'D1x': no regulation of the rule book defines it "
        "(ids are like D1 or E4)"
    )
    assert list(e.errors.columns) == ["row", "inspection", "requirement", "message"]
    assert e.errors.to_dict("records") == [
        {
            "row": None,
            "inspection": "<u1>",
            "requirement": "D1x",
            "message": e.diagnostics[0].message,
        }
    ]


def test_from_dict_reports_every_error_the_book_finds() -> None:
    data = {
        "inspection": header(regulations=["sosfs-2015-8", "sosfs-2015-9"]),
        "findings": {"Q1": "met", "E7": {"by_regulation": {"hslf-2021": "met"}}},
        "overrides": [{"area": "Z", "grade": "B", "reason": "x"}],
    }
    with pytest.raises(spur.InspectionError) as info:
        spur.Inspection.from_dict(data)
    messages = [d.message for d in info.value.diagnostics]
    assert messages[0].startswith("unknown regulation 'sosfs-2015-9' (known: sosfs-2015-8, ")
    assert messages[1].startswith("unknown requirement 'Q1'")
    assert messages[2].startswith("unknown regulation 'hslf-2021' in by_regulation of E7")
    assert messages[3] == "override for unknown area 'Z' (areas: A to H)"
    assert len(str(info.value).splitlines()) == 4


def test_from_dict_checks_against_the_book_given(book: spur.RuleBook) -> None:
    draft = spur.RuleBook.load([book.directory, DATA / "authoring"])  # with hslf-fs-2027-1
    data = {"inspection": header(regulations=["hslf-fs-2027-1"]), "findings": {"H12": "met"}}
    assert spur.Inspection.from_dict(data, book=draft).regulations == ["hslf-fs-2027-1"]
    with pytest.raises(spur.InspectionError, match="unknown regulation 'hslf-fs-2027-1'"):
        spur.Inspection.from_dict(data)  # the bundled book lacks the draft
    with pytest.raises(TypeError, match="book must be a spur.RuleBook, not str"):
        spur.Inspection.from_dict(data, book="rules/")  # type: ignore[arg-type]


def test_check_returns_the_warnings_and_raises_the_errors(book: spur.RuleBook) -> None:
    # G11 exists only in HSLF-FS 2021:8: a warning for a 2015 inspection, not an error.
    insp = spur.Inspection.from_dict({"inspection": header(), "findings": {"G11": "not_met"}})
    (w,) = insp.check()
    assert (w.severity, w.requirement) == (spur.Severity.warning, "G11")
    assert w.message == "G11 is not part of sosfs-2015-8; its finding is not used"
    assert [d.message for d in insp.check(book)] == [w.message]
    # A file is read without a rule book; check finds what grading would.
    parsed = spur.Inspection.parse(
        "inspection: {regulations: [sosfs-2015-8]}\nfindings: {X1: met}\n"
    )
    with pytest.raises(
        spur.InspectionError, match="<string>:2:12: error: unknown requirement 'X1'"
    ):
        parsed.check(book)


# --- inspections_from_frame -----------------------------------------------------------------


def findings_frame() -> pd.DataFrame:
    """Three bad inspections among four, on rows labelled by letters."""
    return pd.DataFrame(
        {
            "inspection": ["ok", "u", "u", "v", "v", "w", "w"],
            "requirement": ["D1", "D1", "D1", "A1", "Q9", "E7", "E7"],
            "status": ["met", "met", "not_met", "met", "met", "met", "bad"],
            "regulation": [None, None, None, None, None, "sosfs-2015-8", "hslf-fs-2021-8"],
        },
        index=list("abcdefg"),
    )


def test_inspections_from_frame_names_every_bad_row() -> None:
    with pytest.raises(spur.InspectionError) as info:
        spur.inspections_from_frame(findings_frame(), regulations=TWO)
    e = info.value
    assert str(e) == (
        'inspections_from_frame: 3 of 4 inspections have errors (errors="skip" leaves them '
        "out):\n"
        "  rows b, c (inspection u, D1): finding for D1 is given twice; keep one\n"
        "  row e (inspection v, Q9): unknown requirement 'Q9': no regulation of the rule book "
        "defines it (ids are like D1 or E4)\n"
        "  rows f, g (inspection w, E7): unknown status 'bad' for E7 under hslf-fs-2021-8 "
        "(allowed: met, partially_met, not_met, not_applicable, not_assessed)"
    )
    assert (e.file, e.line, e.requirement) == ("<inspection u>", None, "D1")
    assert [d.requirement for d in e.diagnostics] == ["D1", "Q9", "E7"]
    errors = e.errors
    assert list(errors.columns) == ["row", "inspection", "requirement", "message"]
    assert list(errors["row"]) == ["b", "c", "e", "f", "g"]
    assert list(errors["inspection"]) == ["u", "u", "v", "w", "w"]
    assert list(errors["requirement"]) == ["D1", "D1", "Q9", "E7", "E7"]
    assert errors["message"].iloc[2].startswith("unknown requirement 'Q9'")
    # The error survives pickling (multiprocessing), frame and all.
    again = pickle.loads(pickle.dumps(e))
    assert str(again) == str(e)
    pd.testing.assert_frame_equal(again.errors, errors)


def test_inspections_from_frame_can_skip_the_bad_inspections() -> None:
    with pytest.warns(UserWarning) as caught:
        inspections = spur.inspections_from_frame(findings_frame(), regulations=TWO, errors="skip")
    assert [i.id for i in inspections] == ["ok"]
    (w,) = caught
    assert str(w.message).startswith(
        "inspections_from_frame: left out 3 of 4 inspections with errors:\n"
        "  rows b, c (inspection u, D1): finding for D1 is given twice; keep one\n"
    )
    assert w.filename == __file__  # the warning points at the caller
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing to skip: no warning
        assert len(spur.inspections_from_frame(findings_frame().iloc[:1], regulations=TWO,
                                               errors="skip")) == 1  # fmt: skip


def test_inspections_from_frame_names_the_metadata_row_of_a_bad_inspection() -> None:
    findings = pd.DataFrame({"inspection": ["u"], "requirement": ["A1"], "status": ["met"]})
    metadata = pd.DataFrame(
        {"inspection": ["u", "x"], "regulations": ["sosfs-2015-8", "sosfs-2016-1"],
         "date": ["2024-10-01", "2024-02-30"]},
        index=[100, 200],
    )  # fmt: skip
    with pytest.raises(spur.InspectionError) as info:
        spur.inspections_from_frame(findings, metadata)
    lines = str(info.value).splitlines()
    assert lines[0].startswith("inspections_from_frame: 1 of 2 inspections have errors")
    assert lines[1] == (
        "  inspection x (metadata row 200): date '2024-02-30' is not a calendar date; write it "
        "as YYYY-MM-DD"
    )
    assert info.value.errors["row"].isna().all()
    assert list(info.value.errors["inspection"]) == ["x"]


def test_inspections_from_frame_checks_against_the_book_given(book: spur.RuleBook) -> None:
    findings = pd.DataFrame({"inspection": ["u"], "requirement": ["Q1"], "status": ["met"]})
    with pytest.raises(
        spur.InspectionError, match="row 0 \\(inspection u, Q1\\): unknown requirement"
    ):
        spur.inspections_from_frame(findings, regulations="sosfs-2015-8", book=book)


def test_inspections_from_frame_lists_at_most_twenty_errors_in_the_message() -> None:
    findings = pd.DataFrame(
        {"inspection": [f"u{i}" for i in range(30)], "requirement": "Q1", "status": "met"}
    )
    with pytest.raises(spur.InspectionError) as info:
        spur.inspections_from_frame(findings, regulations="sosfs-2015-8")
    lines = str(info.value).splitlines()
    assert len(lines) == 22
    assert lines[-1] == "  ... and 10 more (all in the error's .errors frame)"
    assert len(info.value.errors) == 30
    assert list(info.value.errors["row"]) == list(range(30))


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"regulations": ["sosfs-2015-8", "sosfs-2099-1"]},
         "regulations: unknown regulation 'sosfs-2099-1' (known: sosfs-2015-8, hslf-fs-2021-8)"),
        ({"default_status": "fine"},
         "default_status='fine' is not a status (allowed: met, partially_met, not_met, "
         "not_applicable, not_assessed)"),
        ({"errors": "ignore"}, "errors='ignore': write errors=\"raise\" or errors=\"skip\""),
    ],
)  # fmt: skip
def test_inspections_from_frame_rejects_bad_arguments(
    arguments: dict[str, object], message: str
) -> None:
    findings = pd.DataFrame({"inspection": ["u"], "requirement": ["A1"], "status": ["met"]})
    with pytest.raises(ValueError) as info:
        spur.inspections_from_frame(findings, **{"regulations": "sosfs-2015-8", **arguments})
    assert str(info.value) == message


def test_inspections_from_frame_takes_a_status_enum_as_default() -> None:
    findings = pd.DataFrame({"inspection": ["u"], "requirement": ["A1"], "status": ["met"]})
    (u,) = spur.inspections_from_frame(
        findings, regulations="sosfs-2015-8", default_status=spur.Status.not_met
    )
    assert u.default_status is spur.Status.not_met


# --- evaluate_many ----------------------------------------------------------------------------


def bad_file(name: str, requirement: str) -> spur.Inspection:
    text = f"inspection: {{id: {name}, regulations: [sosfs-2015-8]}}\n"
    return spur.Inspection.parse(f"{text}findings: {{{requirement}: met}}\n", f"{name}.yaml")


def test_evaluate_many_reports_every_bad_inspection(book: spur.RuleBook) -> None:
    good = spur.Inspection.from_dict({"inspection": header(id="g", default_status="met")})
    many = [good] * 3000  # graded in chunks on every core: all are found, in order
    many[10], many[700], many[2999] = bad_file("b", "Q1"), bad_file("c", "Q2"), bad_file("d", "Q3")
    with pytest.raises(spur.InspectionError) as info:
        spur.evaluate_many(book, many)
    e = info.value
    assert str(e).splitlines() == [
        'evaluate_many: 3 of 3000 inspections have errors (errors="skip" leaves them out):',
        "  inspections[10] (b): unknown requirement 'Q1': no regulation of the rule book defines "
        "it (ids are like D1 or E4)",
        "  inspections[700] (c): unknown requirement 'Q2': no regulation of the rule book "
        "defines it (ids are like D1 or E4)",
        "  inspections[2999] (d): unknown requirement 'Q3': no regulation of the rule book "
        "defines it (ids are like D1 or E4)",
    ]
    assert (e.file, e.line, e.requirement) == ("b.yaml", 2, "Q1")
    assert e.errors[["row", "inspection", "requirement"]].to_dict("list") == {
        "row": [10, 700, 2999],
        "inspection": ["b", "c", "d"],
        "requirement": ["Q1", "Q2", "Q3"],
    }


def test_evaluate_many_can_skip_the_bad_inspections(book: spur.RuleBook) -> None:
    good = [
        spur.Inspection.from_dict({"inspection": header(id=f"g{i}", default_status="met")})
        for i in range(3)
    ]
    mixed = [good[0], bad_file("b", "Q1"), good[1], bad_file("c", "Q2"), good[2]]
    with pytest.warns(UserWarning, match="evaluate_many: left out 2 of 5 inspections with errors"):
        frame = spur.evaluate_many(book, mixed, errors="skip")
    pd.testing.assert_frame_equal(frame, spur.evaluate_many(book, good))
    assert list(frame["inspection"].unique()) == ["g0", "g1", "g2"]
    assert (frame["grade"] == "A").all()
    with pytest.warns(UserWarning, match="left out 1 of 1 inspection with errors"):
        assert spur.evaluate_many(book, [bad_file("b", "Q1")], errors="skip").empty
    with pytest.raises(ValueError, match='errors=\'warn\': write errors="raise" or errors="skip"'):
        spur.evaluate_many(book, good, errors="warn")  # type: ignore[arg-type]


# --- InspectionError ------------------------------------------------------------------------


def test_an_inspection_error_from_a_file_has_an_errors_frame(tmp_path: Path) -> None:
    path = tmp_path / "u.yaml"
    path.write_text(
        "inspection: {regulations: [sosfs-2015-8]}\nfindings: {D1: sometimes, D2: never}\n",
        encoding="utf-8",
    )
    with pytest.raises(spur.InspectionError) as info:
        spur.Inspection.load(path)
    errors = info.value.errors
    assert list(errors.columns) == ["row", "inspection", "requirement", "message"]
    assert list(errors["requirement"]) == ["D1", "D2"]
    assert list(errors["inspection"]) == [str(path)] * 2
    assert errors["row"].isna().all()
    assert errors["message"][1].startswith("unknown status 'never' for D2")
    assert spur.InspectionError("plain").errors.empty


# --- plan dates in frames ---------------------------------------------------------------------


def test_plan_frame_dates_are_datetimes_with_nat(book: spur.RuleBook) -> None:
    insp = spur.Inspection.from_dict(
        {
            "inspection": header(default_status="met"),
            "findings": {"D1": "not_met", "D7": "not_met"},
            "action_plan": [
                {"requirement": "D1", "action": "Rutin", "due": "maj 2025", "responsible": "SR",
                 "follow_up": "hösten 2025", "received": datetime.date(2025, 3, 20),
                 "done": "2025-06-01"},
                {"requirement": "D7", "action": "Plan", "due": "snart", "responsible": "VC",
                 "follow_up": "", "received": True},
            ],
        }
    )  # fmt: skip
    frame = book.evaluate(insp).plan_frame("2025-07-01")
    dates = ["due_start", "due_end", "next_follow_up", "received_on", "done"]
    assert {c: str(frame[c].dtype) for c in dates} == dict.fromkeys(dates, "datetime64[s]")
    d1, d7 = frame.to_dict("records")
    assert (d1["due_start"], d1["due_end"]) == (
        pd.Timestamp("2025-05-01"),
        pd.Timestamp("2025-05-31"),
    )
    assert d1["received_on"] == pd.Timestamp("2025-03-20")
    assert d1["done"] == pd.Timestamp("2025-06-01")
    assert all(d7[c] is pd.NaT for c in ("due_start", "due_end", "received_on", "done"))


# --- every public name is documented ----------------------------------------------------------


def public_members(module: object) -> list[tuple[str, object]]:
    names = getattr(module, "__all__", None) or dir(module)
    out = []
    for name in names:
        if name.startswith("_"):
            continue
        obj = getattr(module, name)
        out.append((f"{module.__name__}.{name}", obj))
        if inspect.isclass(obj) and not issubclass(obj, (enum.Enum, BaseException)):
            for member, value in vars(obj).items():
                if not member.startswith("_"):
                    out.append((f"{module.__name__}.{name}.{member}", value))
    return out


@pytest.mark.parametrize("module", [spur, _core], ids=["spur", "spur._core"])
def test_every_public_name_is_documented(module: object) -> None:
    undocumented = [
        name
        for name, obj in public_members(module)
        if not isinstance(obj, (str, int, float))
        and not (getattr(obj, "__doc__", None) or "").strip()
    ]
    assert undocumented == []
    # ... including what the Python classes wrap, e.g. Diagnostic.file and Inspection.unit.
    assert "None when unknown" in _core.Diagnostic.line.__doc__
    assert spur.Inspection.unit.__doc__ and spur.Inspection.overrides.__doc__


def test_dates_and_numpy_values_in_a_frame_are_accepted() -> None:
    findings = pd.DataFrame(
        {"inspection": np.array([1, 1]), "requirement": ["A1", "A2"], "status": ["met", "not_met"]}
    )
    metadata = pd.DataFrame({"inspection": [1], "date": [pd.Timestamp("2024-10-01")]})
    (u,) = spur.inspections_from_frame(findings, metadata, regulations="sosfs-2015-8")
    assert u.date == datetime.date(2024, 10, 1) and u.id == "1"


def test_inspections_from_frame_names_rows_without_inspection_or_requirement() -> None:
    findings = pd.DataFrame(
        {"inspection": ["u", None, "u", np.nan], "requirement": ["A1", "A2", None, "A4"],
         "status": "met"},
        index=[5, 6, 7, 8],
    )  # fmt: skip
    with pytest.raises(ValueError) as info:
        spur.inspections_from_frame(findings, regulations="sosfs-2015-8")
    assert str(info.value) == (
        "findings has no inspection in rows 6, 8: every finding needs its inspection and "
        "requirement"
    )
    with pytest.raises(ValueError, match="findings has no requirement in row 7: "):
        spur.inspections_from_frame(findings.loc[[5, 7]], regulations="sosfs-2015-8")


def test_inspections_from_frame_takes_numeric_requirement_labels_as_text() -> None:
    findings = pd.DataFrame({"inspection": ["u"], "requirement": [5], "status": ["met"]})
    with pytest.raises(
        spur.InspectionError, match="row 0 \\(inspection u, 5\\): unknown requirement '5'"
    ):
        spur.inspections_from_frame(findings, regulations="sosfs-2015-8")
