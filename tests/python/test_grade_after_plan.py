"""One grade everywhere in Python: grade() before the action plan, grade_after_plan() after it,
a provisional adjustment while provisions not assessed could undo it, the same in frames,
dicts and repr."""

from __future__ import annotations

import pandas as pd

import spur


def _settled(example: spur.Inspection, **statuses: str) -> spur.Inspection:
    data = example.to_dict()
    for requirement, status in statuses.items():
        finding = data["findings"][requirement]
        if isinstance(finding, dict):
            finding["status"] = status
        else:
            data["findings"][requirement] = status
    return spur.Inspection.from_dict(data)


def test_the_example_d_is_provisionally_c_after_the_plan(evaluation: spur.Evaluation) -> None:
    assert evaluation.grade("D") == "D"
    assert evaluation.grade("d") == "D"  # area letters either way, as on the command line
    assert evaluation.grade_after_plan("D") is None
    assert evaluation.possible_grades_after_plan("D") == ["C", "D"]
    assert evaluation.grade_after_plan("A") == "A"
    assert evaluation.grade_after_plan("E", regulation="sosfs-2015-8") == "C"


def test_settling_the_unassessed_provisions_makes_the_adjustment_certain(
    book: spur.RuleBook, example: spur.Inspection
) -> None:
    ev = book.evaluate(_settled(example, D3="met", H3="met"))
    assert ev.grade("D") == "D" and ev.grade_after_plan("D") == "C"
    assert ev.grade_after_plan("H") == "C"
    frame = ev.results_frame().set_index("area")
    assert frame.loc["D", "grade_after_plan"] == "C"
    assert not frame.loc["D", "adjustment_provisional"]
    unmet = book.evaluate(_settled(example, D3="not_met"))
    assert unmet.grade_after_plan("D") == "D"
    assert unmet.to_dict()["results"][3]["uncovered"] == ["D3"]


def test_frames_dicts_and_repr_show_the_same_grades(evaluation: spur.Evaluation) -> None:
    frame = evaluation.results_frame().set_index("area")
    assert frame.loc["D", "grade"] == "D"
    assert frame.loc["D", "adjusted_grade"] == "C"
    assert frame.loc["D", "adjustment_provisional"]
    assert pd.isna(frame.loc["D", "grade_after_plan"])
    assert frame.loc["E", "grade_after_plan"] == "C" and not frame.loc["E", "adjustment_provisional"]
    result = evaluation.to_dict()["results"][3]
    assert result["covered"] == ["D1", "D7"] and result["could_undo"] == ["D3"]
    assert result["grade_after_plan"] is None
    (explained,) = evaluation.explanations("D")
    assert explained["adjustment_provisional"] and explained["could_undo"] == ["D3"]
    assert "Preliminär / provisional: D3" in evaluation.explain("D")
    assert "D:D->C?" in repr(evaluation) and "H:D->C?" in repr(evaluation)


def test_evaluate_many_has_the_after_plan_columns(
    book: spur.RuleBook, example: spur.Inspection
) -> None:
    many = spur.evaluate_many(book, [example, _settled(example, D3="met")])
    d = many[many["area"] == "D"]
    assert list(d["adjustment_provisional"]) == [True, False]
    assert pd.isna(d["grade_after_plan"].iloc[0]) and d["grade_after_plan"].iloc[1] == "C"


def test_actions_frame_says_what_implies_an_action(book: spur.RuleBook) -> None:
    ev = book.evaluate(
        spur.Inspection.from_dict(
            {
                "inspection": {"regulations": ["sosfs-2015-8"], "default_status": "met"},
                "findings": {"D6": "not_met"},
            }
        )
    )
    actions = ev.actions_frame().set_index("requirement")
    assert actions.loc["D7", "implied"] and actions.loc["D7", "implied_by"] == "D6"
    assert actions.loc["D6", "implied_by"] == ""


def test_frame_after_plan_columns_say_what_the_json_says(
    book: spur.RuleBook, example: spur.Inspection, random_inspections: list[spur.Inspection]
) -> None:
    inspections = [example, *random_inspections[:50]]
    frame = spur.evaluate_many(book, inspections)
    results = [r for i in inspections for r in book.evaluate(i).to_dict()["results"]]
    after = frame["grade_after_plan"].astype(object).where(frame["grade_after_plan"].notna(), None)
    assert list(after) == [r["grade_after_plan"] for r in results]
    assert list(frame["adjustment_provisional"]) == [r["adjustment_provisional"] for r in results]
