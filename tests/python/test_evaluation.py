from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import spur

from conftest import DATA, SOURCE

GOLDEN = sorted((DATA / "inspections").glob("*.yaml"))


def relativise(value: Any, prefix: str) -> Any:
    """Paths inside the source tree written relative to it, as the golden files have them
    (the same rule as tests/cpp/test_golden.cpp)."""
    if isinstance(value, str):
        return value[len(prefix) :] if value.startswith(prefix) else value
    if isinstance(value, list):
        return [relativise(v, prefix) for v in value]
    if isinstance(value, dict):
        return {k: relativise(v, prefix) for k, v in value.items()}
    return value


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.stem)
def test_golden_inspections_give_the_json_files(book: spur.RuleBook, path: Path) -> None:
    golden = path.with_suffix(".json")
    if not golden.exists():
        pytest.skip(
            f"{golden.name} not written yet (the C++ suite writes it: SPUR_UPDATE_GOLDEN=1)"
        )
    actual = relativise(book.evaluate(spur.Inspection.load(path)).to_dict(), f"{SOURCE}/")
    assert actual == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.stem)
def test_golden_inspections_survive_a_dict_round_trip(book: spur.RuleBook, path: Path) -> None:
    insp = spur.Inspection.load(path)
    data = insp.to_dict()
    again = spur.Inspection.from_dict(data, file=str(path))
    assert again.to_dict() == data

    def unplaced(ev: spur.Evaluation) -> dict[str, Any]:
        out = ev.to_dict()  # the same but for where in the text a warning points
        for d in out["diagnostics"]:
            d["line"] = d["column"] = None
        return out

    assert unplaced(book.evaluate(again)) == unplaced(book.evaluate(insp))


def test_grades_of_the_example(evaluation: spur.Evaluation, book: spur.RuleBook) -> None:
    assert evaluation.regulations == ["sosfs-2015-8"]
    assert [evaluation.grade(a) for a in "ACDEFH"] == ["A", "A", "D", "C", "A", "D"]
    assert evaluation.grade("B") is None and evaluation.grade("G") is None
    assert evaluation.possible_grades("G") == ["A", "B", "C"]
    assert evaluation.possible_grades("D", "sosfs-2015-8") == ["D"]
    assert evaluation.grade("D", regulation="sosfs-2015-8") == "D"
    assert evaluation.action_plan_required is True
    assert evaluation.diagnostics == []
    assert evaluation.inspection.id == "palliativ-sydostra-skane-2024"
    assert evaluation.book is book


def test_to_dict_has_the_json_contract(evaluation: spur.Evaluation) -> None:
    data = evaluation.to_dict()
    assert data["spur_version"] == spur.__version__
    assert data["rulebook"] == {
        "model": "spur-st",
        "regulations": ["sosfs-2015-8", "hslf-fs-2021-8"],
    }
    assert data["inspection"]["id"] == "palliativ-sydostra-skane-2024"
    assert [r["area"] for r in data["results"]] == list("ABCDEFGH")
    assert [a["requirement"] for a in data["required_actions"]] == ["D1", "D7", "H2", "H7", "H9"]
    assert data["action_plan_required"] is True
    assert json.loads(json.dumps(data)) == data  # plain JSON types only
    assert evaluation.to_dict() is not data  # a fresh copy each time


def test_lookup_errors(evaluation: spur.Evaluation, book: spur.RuleBook) -> None:
    with pytest.raises(spur.LookupError) as info:
        evaluation.grade("Z")
    assert str(info.value) == "<input>: error: unknown area 'Z'"
    assert info.value.file is None and len(info.value.diagnostics) == 1
    with pytest.raises(spur.LookupError, match="regulation 'hslf-fs-2021-8' was not inspected"):
        evaluation.possible_grades("D", "hslf-fs-2021-8")
    both = book.evaluate(
        spur.Inspection.from_dict(
            {"inspection": {"regulations": ["sosfs-2015-8", "hslf-fs-2021-8"]}, "findings": {}}
        )
    )
    with pytest.raises(spur.LookupError) as info:
        both.explain("Z")
    assert str(info.value) == "<input>: error: unknown area 'Z' (areas: A to H)"
    with pytest.raises(spur.LookupError) as info:
        both.explanations("D", "x")
    assert str(info.value) == (
        "<input>: error: regulation 'x' was not inspected (inspected: sosfs-2015-8, hslf-fs-2021-8)"
    )
    assert len(both.explanations("E")) == 2  # one per inspected regulation


def test_unknown_requirement_is_an_inspection_error(book: spur.RuleBook) -> None:
    # Read without a rule book (a file), it is found when graded.
    insp = spur.Inspection.parse(
        "inspection: {regulations: [sosfs-2015-8]}\nfindings: {Z99: met}\n", "u.yaml"
    )
    with pytest.raises(spur.InspectionError) as info:
        book.evaluate(insp)
    e = info.value
    assert (e.file, e.line, e.column, e.requirement) == ("u.yaml", 2, 12, "Z99")
    assert str(e).startswith("u.yaml:2:12: error: unknown requirement 'Z99'")


def test_unknown_regulation_is_an_inspection_error(book: spur.RuleBook) -> None:
    insp = spur.Inspection.parse("inspection: {regulations: [sosfs-1999-1]}\n")
    with pytest.raises(spur.InspectionError, match="unknown regulation 'sosfs-1999-1'"):
        book.evaluate(insp)


def test_warnings_of_an_evaluation(book: spur.RuleBook) -> None:
    insp = spur.Inspection.from_dict(
        {
            "inspection": {"regulations": ["sosfs-2015-8"], "default_status": "met"},
            "findings": {"G11": "not_met"},
        }  # fmt: skip
    )
    ev = book.evaluate(insp)
    (w,) = ev.diagnostics
    assert w.severity is spur.Severity.warning and w.requirement == "G11"
    assert ev.to_dict()["diagnostics"] == [w.to_dict()]


def test_explain(evaluation: spur.Evaluation) -> None:
    text = evaluation.explain("D")
    assert text.startswith("Område D. Tjänstgöringens upplägg  [sosfs-2015-8, scale four-step]")
    assert "Gradering / grade: D" in text
    assert evaluation.explain("D", "sosfs-2015-8") == text
    (x,) = evaluation.explanations("D")
    assert x["area"] == "D" and x["grade"] == "D" and x["regulation"] == "sosfs-2015-8"
    assert [d["id"] for d in x["decisive"]] == ["D1", "D7"]
    assert evaluation.explanations("G")[0]["grade"] is None


def test_results_frame(evaluation: spur.Evaluation) -> None:
    frame = evaluation.results_frame()
    assert list(frame.columns[:8]) == [
        "inspection", "regulation", "area", "grade", "possible_grades", "provisional",
        "computed_grade", "overridden",
    ]  # fmt: skip
    assert len(frame) == 8
    assert list(frame["area"]) == list("ABCDEFGH")
    assert set(frame["inspection"]) == {"palliativ-sydostra-skane-2024"}
    assert list(frame["grade"].astype(object).fillna("-")) == list("A-ADCA-D")
    assert list(frame["possible_grades"]) == ["A", "A/B", "A", "D", "C", "A", "A/B/C", "D"]
    assert list(frame["provisional"]) == [False, True, False, False, False, False, True, False]
    assert frame["grade"].cat.ordered and list(frame["grade"].cat.categories) == list("ABCD")
    d = frame.set_index("area").loc["D"]
    counts = evaluation.to_dict()["results"][3]["counts"]["provision"]
    assert (d["provision_met"], d["provision_unmet"], d["provision_unknown"]) == (
        counts["met"], counts["unmet"], counts["unknown"],
    )  # fmt: skip
    assert frame["advice_met"].iloc[0] == 0  # area A has no advice
    adjusted = frame.set_index("area")["adjusted_grade"]
    assert (adjusted["D"], adjusted["H"]) == ("C", "C")  # the action plan covers D and H
    assert adjusted.drop(["D", "H"]).isna().all()


def test_actions_frame(evaluation: spur.Evaluation) -> None:
    frame = evaluation.actions_frame()
    assert list(frame.columns) == [
        "inspection", "category", "requirement", "area", "kind", "status", "implied",
        "implied_by", "regulations", "text",
    ]  # fmt: skip
    data = evaluation.to_dict()
    assert len(frame) == sum(
        len(data[k]) for k in ("required_actions", "recommended_actions", "improvements")
    )
    required = frame[frame["category"] == "required"]
    assert list(required["requirement"]) == ["D1", "D7", "H2", "H7", "H9"]
    assert set(required["regulations"]) == {"sosfs-2015-8"}
    empty = spur.RuleBook.bundled().evaluate(
        spur.Inspection.from_dict(
            {"inspection": {"regulations": ["sosfs-2015-8"], "default_status": "met"}}
        )
    )
    assert empty.actions_frame().empty and list(empty.actions_frame().columns) == list(
        frame.columns
    )


def test_repr_and_html(evaluation: spur.Evaluation, book: spur.RuleBook) -> None:
    assert repr(evaluation) == (
        "<spur.Evaluation palliativ-sydostra-skane-2024 (sosfs-2015-8): "
        "A:A B:A/B? C:A D:D->C? E:C F:A G:A/B/C? H:D->C?>"
    )
    html = evaluation._repr_html_()
    assert html.count("<tr data-area=") == 8 and 'data-grade="A/B/C?"' in html
    assert "Verksamheten" in html and "Handlingsplan krävs: <strong>ja</strong>" in html
    both = book.evaluate(
        spur.Inspection.from_dict(
            {
                "inspection": {
                    "regulations": ["sosfs-2015-8", "hslf-fs-2021-8"],
                    "default_status": "met",
                }
            }
        )  # fmt: skip
    )
    assert '<th scope="col" class="grade">Samlad</th>' in both._repr_html_()
    assert "Handlingsplan krävs: <strong>nej</strong>" in both._repr_html_()


def test_evaluation_from_many_threads_gives_identical_results(
    book: spur.RuleBook, random_inspections: list[spur.Inspection]
) -> None:
    expected = [book.evaluate(i).to_dict() for i in random_inspections]

    def run(_: int) -> list[dict[str, Any]]:
        return [book.evaluate(i).to_dict() for i in random_inspections]

    with ThreadPoolExecutor(max_workers=4) as pool:
        for result in pool.map(run, range(8)):
            assert result == expected


def test_evaluate_many_from_many_threads(
    book: spur.RuleBook, random_inspections: list[spur.Inspection]
) -> None:
    expected = spur.evaluate_many(book, random_inspections)
    with ThreadPoolExecutor(max_workers=4) as pool:
        for frame in pool.map(lambda _: spur.evaluate_many(book, random_inspections), range(6)):
            pd.testing.assert_frame_equal(frame, expected)
