from __future__ import annotations

import datetime

import numpy as np
import pandas as pd
import pytest

import spur

import synthetic


def test_evaluate_many_equals_one_by_one(
    book: spur.RuleBook, random_inspections: list[spur.Inspection]
) -> None:
    frame = spur.evaluate_many(book, random_inspections)
    one_by_one = [book.evaluate(i) for i in random_inspections]
    expected = pd.concat([ev.results_frame() for ev in one_by_one], ignore_index=True)
    pd.testing.assert_frame_equal(frame, expected)
    # ... and both say what the JSON output says.
    results = [(ev.inspection.id, r) for ev in one_by_one for r in ev.to_dict()["results"]]
    assert len(frame) == len(results)
    assert list(frame["inspection"]) == [id for id, _ in results]
    assert list(frame["regulation"]) == [r["regulation"] for _, r in results]
    assert list(frame["area"]) == [r["area"] for _, r in results]
    assert list(frame["grade"].astype(object).where(frame["grade"].notna(), None)) == [
        r["grade"] for _, r in results
    ]
    assert list(frame["possible_grades"]) == ["/".join(r["possible_grades"]) for _, r in results]
    assert list(
        frame["computed_grade"].astype(object).where(frame["computed_grade"].notna(), None)
    ) == [r["computed_grade"] for _, r in results]
    assert list(frame["overridden"]) == [r["override"] is not None for _, r in results]
    adjusted = frame["adjusted_grade"].astype(object).where(frame["adjusted_grade"].notna(), None)
    assert list(adjusted) == [r["adjusted_grade"] for _, r in results]
    for kind in ("provision", "advice", "indicator"):
        for metric in ("met", "unmet", "partial", "unknown", "not_applicable"):
            assert list(frame[f"{kind}_{metric}"]) == [
                r["counts"][kind].get(metric, 0) for _, r in results
            ], (kind, metric)
    # The random set covers what it should.
    assert frame["provisional"].any() and not frame["provisional"].all()
    assert frame["overridden"].any()
    assert set(frame["grade"].dropna()) == {"A", "B", "C", "D"}


def test_evaluate_many_columns_and_types(book: spur.RuleBook, example: spur.Inspection) -> None:
    frame = spur.evaluate_many(book, [example, example])
    assert len(frame) == 16
    assert isinstance(frame["grade"].dtype, pd.CategoricalDtype)
    assert list(frame["regulation"].cat.categories) == ["sosfs-2015-8", "hslf-fs-2021-8"]
    assert frame["provision_met"].dtype == np.int32
    assert frame["provisional"].dtype == bool
    assert spur.evaluate_many(book, []).empty
    assert list(spur.evaluate_many(book, []).columns) == list(frame.columns)


def test_evaluate_many_labels_inspections_without_id_by_file(book: spur.RuleBook) -> None:
    insp = spur.Inspection.from_dict(
        {"inspection": {"regulations": ["sosfs-2015-8"]}}, file="u.yaml"
    )
    assert set(spur.evaluate_many(book, iter([insp]))["inspection"]) == {"u.yaml"}


def test_evaluate_many_raises_for_a_bad_inspection(book: spur.RuleBook) -> None:
    good = spur.Inspection.from_dict({"inspection": {"id": "g", "regulations": ["sosfs-2015-8"]}})
    # Files are read without a rule book: what it lacks is found when grading.
    bad = spur.Inspection.parse(
        "inspection: {id: b, regulations: [sosfs-2015-8]}\nfindings: {Q1: met}\n", "b.yaml"
    )
    with pytest.raises(spur.InspectionError) as info:
        spur.evaluate_many(book, [good, bad])
    assert (info.value.file, info.value.line, info.value.requirement) == ("b.yaml", 2, "Q1")
    assert str(info.value) == (
        'evaluate_many: 1 of 2 inspections have errors (errors="skip" leaves them out):\n'
        "  inspections[1] (b): unknown requirement 'Q1': no regulation of the rule book defines "
        "it (ids are like D1 or E4)"
    )
    with pytest.raises(TypeError, match="takes spur.Inspection objects, not dict"):
        spur.evaluate_many(book, [{}])  # type: ignore[list-item]


def test_inspections_from_frame() -> None:
    findings = pd.DataFrame(
        {
            "inspection": ["u1", "u1", "u1", "u2", "u1"],
            "requirement": ["D1", "E7", "E7", "A1", "D1x"],
            "status": ["not_met", "met", "not_met", "met", spur.Status.met],
            "regulation": [None, "sosfs-2015-8", "hslf-fs-2021-8", np.nan, None],
            "note": ["brist", None, "för 2021", np.nan, None],
        }
    )
    findings.loc[4, "requirement"] = "D2"
    metadata = pd.DataFrame(
        {
            "inspection": ["u2", "u1", "u3"],
            "unit": ["Enhet 2", "Enhet 1", None],
            "date": [pd.Timestamp("2024-10-01"), None, datetime.date(2023, 1, 2)],
            "regulations": ["sosfs-2015-8, hslf-fs-2021-8", ["sosfs-2015-8"], None],
            "default_status": ["met", None, "not_assessed"],
        }
    )
    u2, u1, u3 = spur.inspections_from_frame(
        findings, metadata, regulations="hslf-fs-2021-8", default_status="met"
    )
    assert u1.to_dict() == {
        "inspection": {
            "id": "u1",
            "unit": "Enhet 1",
            "regulations": ["sosfs-2015-8"],
            "default_status": "met",
        },
        "findings": {
            "D1": {"status": "not_met", "note": "brist"},
            "E7": {
                "by_regulation": {"sosfs-2015-8": "met", "hslf-fs-2021-8": "not_met"},
                "note": "för 2021",
            },
            "D2": "met",
        },
    }
    assert u1.file == "<inspection u1>"
    assert u2.regulations == ["sosfs-2015-8", "hslf-fs-2021-8"]
    assert u2.date == datetime.date(2024, 10, 1) and u2.unit == "Enhet 2"
    assert u3.findings == [] and u3.regulations == ["hslf-fs-2021-8"]
    assert u3.default_status is spur.Status.not_assessed and u3.date == datetime.date(2023, 1, 2)


def test_inspections_from_frame_without_metadata() -> None:
    findings = pd.DataFrame(
        {"inspection": [3, 1, 3], "requirement": ["A1", "A1", "A2"], "status": ["met"] * 3}
    )
    three, one = spur.inspections_from_frame(findings, regulations=["sosfs-2015-8"])
    assert (three.id, one.id) == ("3", "1")
    assert [f.requirement for f in three.findings] == ["A1", "A2"]
    assert three.default_status is spur.Status.not_assessed
    assert spur.inspections_from_frame(findings.iloc[:0]) == []


def test_inspections_from_frame_round_trip_through_evaluation(book: spur.RuleBook) -> None:
    findings, metadata = synthetic.findings_frames(book, 40, seed=3)
    inspections = spur.inspections_from_frame(findings, metadata)
    assert [i.id for i in inspections] == list(metadata["inspection"])
    frame = spur.evaluate_many(book, inspections)
    first = findings[findings["inspection"] == "unit-00000"]
    assert len(inspections[0].findings) == len(first)
    assert set(frame["inspection"]) == set(metadata["inspection"])


def test_inspections_from_frame_reports_bad_data_as_a_file_would() -> None:
    findings = pd.DataFrame(
        {
            "inspection": ["u", "u", "v"],
            "requirement": ["D1", "D1", "A1"],
            "status": ["met", "not_met", "sometimes"],
        }  # fmt: skip
    )
    with pytest.raises(spur.InspectionError) as info:
        spur.inspections_from_frame(findings, regulations=["sosfs-2015-8"])
    e = info.value
    assert (e.file, e.requirement) == ("<inspection u>", "D1")
    assert "finding for D1 is given twice" in str(e)
    with pytest.raises(spur.InspectionError, match="unknown status 'sometimes' for A1") as info:
        spur.inspections_from_frame(findings.iloc[2:], regulations=["sosfs-2015-8"])
    assert info.value.file == "<inspection v>"
    twice = pd.DataFrame(
        {
            "inspection": ["u", "u"],
            "requirement": ["E7", "E7"],
            "status": ["met", "met"],
            "regulation": ["sosfs-2015-8", "sosfs-2015-8"],
        }  # fmt: skip
    )
    with pytest.raises(spur.InspectionError, match="given twice"):
        spur.inspections_from_frame(twice, regulations=["sosfs-2015-8"])
    missing = pd.DataFrame({"inspection": ["u"], "requirement": ["A1"], "status": [None]})
    with pytest.raises(spur.InspectionError, match="A1"):
        spur.inspections_from_frame(missing, regulations=["sosfs-2015-8"])
    with pytest.raises(spur.InspectionError, match="'regulations'"):
        spur.inspections_from_frame(findings.iloc[:1])


def test_inspections_from_frame_checks_the_frames() -> None:
    findings = pd.DataFrame({"inspection": ["u"], "requirement": ["A1"], "status": ["met"]})
    with pytest.raises(ValueError, match="findings lacks the column\\(s\\) status"):
        spur.inspections_from_frame(findings.drop(columns="status"))
    with pytest.raises(ValueError, match="findings has unknown column\\(s\\) notes"):
        spur.inspections_from_frame(findings.assign(notes="x"))
    with pytest.raises(ValueError, match="metadata lacks the column\\(s\\) inspection"):
        spur.inspections_from_frame(findings, pd.DataFrame({"unit": ["x"]}))
    with pytest.raises(
        ValueError, match="findings row 0 names inspection 'u', which metadata lacks"
    ):
        spur.inspections_from_frame(findings, pd.DataFrame({"inspection": ["w"]}))
    with pytest.raises(ValueError, match="metadata lists inspection 'w' twice"):
        spur.inspections_from_frame(findings, pd.DataFrame({"inspection": ["w", "w"]}))
    with pytest.raises(TypeError, match="findings must be a pandas DataFrame, not dict"):
        spur.inspections_from_frame({})  # type: ignore[arg-type]
