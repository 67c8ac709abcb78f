from __future__ import annotations

import datetime
from pathlib import Path

import numpy as np
import pytest

import spur

from conftest import EXAMPLE

MINIMAL = {"inspection": {"unit": "Enheten", "regulations": ["sosfs-2015-8"]}}


def test_load_the_example(example: spur.Inspection) -> None:
    assert example.id == "palliativ-sydostra-skane-2024"
    assert example.unit == "Specialiserad palliativ vård, Sydöstra Skåne"
    assert example.specialty == "palliativ medicin"
    assert example.regulations == ["sosfs-2015-8"]
    assert example.default_status is spur.Status.not_assessed
    assert example.file == str(EXAMPLE)
    assert example.date is None
    d1 = example.find("D1")
    assert d1 is not None and d1.status is spur.Status.not_met and d1.note
    assert d1.status_in("sosfs-2015-8") is spur.Status.not_met
    assert example.find("Z9") is None
    assert len(example.findings) == 74
    assert example.overrides == []
    assert len(example.action_plan) == 5
    assert example.action_plan[0].due == "maj2025" and example.action_plan[0].received
    assert example.warnings == []
    assert repr(example) == (
        "<spur.Inspection palliativ-sydostra-skane-2024: Specialiserad palliativ vård, "
        "Sydöstra Skåne, sosfs-2015-8, 74 findings>"
    )


def test_to_dict_round_trips(example: spur.Inspection) -> None:
    data = example.to_dict()
    assert data["inspection"]["id"] == example.id
    assert data["findings"]["D7"] == {"status": "not_met", "note": example.find("D7").note}
    again = spur.Inspection.from_dict(data)
    assert again.to_dict() == data
    assert again.file == "<dict>"


def test_from_dict_takes_the_file_structure() -> None:
    data = {
        "inspection": {
            "id": "x",
            "unit": "Enheten",
            "specialty": "kirurgi",
            "date": datetime.date(2024, 10, 1),
            "regulations": ["sosfs-2015-8", "hslf-fs-2021-8"],
            "default_status": spur.Status.met,
            "notes": "anteckning",
        },
        "findings": {
            "D1": "not_met",
            "E7": {"by_regulation": {"sosfs-2015-8": "met", "hslf-fs-2021-8": spur.Status.not_met}},
            "D2": {"status": "partially_met", "note": "delvis"},
        },
        "overrides": [
            {"area": "G", "regulation": "sosfs-2015-8", "grade": spur.Grade.B, "reason": "skäl"}
        ],
        "action_plan": [
            {
                "requirement": "D1",
                "action": "gör något",
                "due": "maj2025",
                "responsible": "studierektor",
                "follow_up": "årligen",
                "follow_up_responsible": "verksamhetschef",
                "received": "2025-01-20",
                "done": "2025-05-01",
            }
        ],
    }
    insp = spur.Inspection.from_dict(data, file="<mine>")
    assert insp.date == datetime.date(2024, 10, 1)
    assert insp.default_status is spur.Status.met
    assert insp.notes == "anteckning"
    e7 = insp.find("E7")
    assert e7.status is None
    assert [(b.regulation, b.status) for b in e7.by_regulation] == [
        ("sosfs-2015-8", spur.Status.met),
        ("hslf-fs-2021-8", spur.Status.not_met),
    ]
    assert e7.status_in("hslf-fs-2021-8") is spur.Status.not_met
    (override,) = insp.overrides
    assert (override.area, override.regulation, override.grade, override.reason) == (
        "G", "sosfs-2015-8", spur.Grade.B, "skäl",
    )  # fmt: skip
    (plan,) = insp.action_plan
    assert plan.received and plan.received_on == datetime.date(2025, 1, 20)
    assert plan.done == datetime.date(2025, 5, 1)
    assert plan.regulation is None and plan.follow_up == "årligen"
    out = insp.to_dict()
    assert out["inspection"]["date"] == "2024-10-01"
    assert out["findings"]["D1"] == "not_met"
    assert out["overrides"][0]["grade"] == "B"
    assert out["action_plan"][0]["received"] == "2025-01-20"
    assert spur.Inspection.from_dict(out).to_dict() == out


def test_from_dict_accepts_numpy_and_datetime_values() -> None:
    data = {
        "inspection": {
            "id": np.str_("n"),
            "date": datetime.datetime(2024, 3, 4, 12, 0),
            "regulations": ["sosfs-2015-8"],
        },
        "findings": {"A1": "met"},
        "notes": np.int64(7),
    }
    insp = spur.Inspection.from_dict(data)
    assert insp.date == datetime.date(2024, 3, 4) and insp.notes == "7"


def test_from_dict_rejects_what_json_cannot_hold() -> None:
    with pytest.raises(TypeError, match="cannot write set"):
        spur.Inspection.from_dict({"inspection": {"regulations": {"sosfs-2015-8"}}})
    with pytest.raises(TypeError, match="takes a dict, not list"):
        spur.Inspection.from_dict([])  # type: ignore[arg-type]


def test_from_dict_is_checked_as_a_file_is() -> None:
    data = {**MINIMAL, "findings": {"D1": "broken", "D2": {"note": "no status"}}}
    with pytest.raises(spur.InspectionError) as info:
        spur.Inspection.from_dict(data, file="<unit 7>")
    e = info.value
    assert (e.file, e.requirement) == ("<unit 7>", "D1")
    assert e.line is None and e.column is None  # a dict has no lines; the id says where
    assert [d.requirement for d in e.diagnostics] == ["D1", "D2"]
    assert "unknown status 'broken' for D1 (allowed: met, partially_met, not_met, " in str(e)
    assert "the finding for D2 needs a 'status'" in str(e)
    assert len(str(e).splitlines()) == 2


def test_parse_reports_line_and_column() -> None:
    text = "inspection:\n  regulations: [sosfs-2015-8]\nfindings:\n  D1: sometimes\n"
    with pytest.raises(spur.InspectionError) as info:
        spur.Inspection.parse(text)
    e = info.value
    assert (e.file, e.line, e.column, e.requirement) == ("<string>", 4, 7, "D1")
    assert str(e) == (
        "<string>:4:7: error: unknown status 'sometimes' for D1 (allowed: met, partially_met, "
        "not_met, not_applicable, not_assessed)"
    )
    (d,) = e.diagnostics
    assert (d.severity, d.file, d.line, d.column, d.requirement) == (
        spur.Severity.error, "<string>", 4, 7, "D1",
    )  # fmt: skip
    assert d.message.startswith("unknown status 'sometimes'")
    assert d.to_dict() == {
        "severity": "error",
        "file": "<string>",
        "line": 4,
        "column": 7,
        "message": d.message,
        "requirement": "D1",
    }
    assert str(d) == d.format() == str(e)
    assert repr(d) == f"<spur.Diagnostic {d.format()}>"


def test_parse_names_the_missing_regulations() -> None:
    with pytest.raises(spur.InspectionError, match="'regulations'") as info:
        spur.Inspection.parse("inspection: {unit: x}\n", "unit.yaml")
    assert info.value.file == "unit.yaml" and info.value.requirement is None


def test_load_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "none.yaml"
    with pytest.raises(spur.FileError) as info:
        spur.Inspection.load(path)
    e = info.value
    assert str(e) == f"{path}: error: no such file"
    assert (e.file, e.line, e.column, e.requirement) == (str(path), None, None, None)
    assert e.filename == str(path)
    assert isinstance(e, OSError) and isinstance(e, spur.Error)


def test_load_a_directory(tmp_path: Path) -> None:
    with pytest.raises(spur.FileError, match="is not a file"):
        spur.Inspection.load(tmp_path)


def test_warnings_are_values(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(
        "inspection: {regulations: [sosfs-2015-8]}\n"
        "action_plan:\n  - {requirement: D1, action: x}\n",
        encoding="utf-8",
    )
    insp = spur.Inspection.load(path)
    assert insp.warnings and all(w.severity is spur.Severity.warning for w in insp.warnings)
    assert any("lacks 'received'" in w.message for w in insp.warnings)
