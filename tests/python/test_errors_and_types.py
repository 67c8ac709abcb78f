from __future__ import annotations

import builtins
import enum
import pickle
from pathlib import Path

import pytest

import spur
import spur.rule_book


def test_the_hierarchy_mirrors_cpp() -> None:
    for cls in (spur.RuleError, spur.InspectionError, spur.FileError, spur.LookupError):
        assert issubclass(cls, spur.Error)
    assert issubclass(spur.Error, Exception)
    assert issubclass(spur.FileError, OSError)
    assert issubclass(spur.LookupError, builtins.LookupError)
    assert spur.LookupError is not builtins.LookupError


def test_an_error_raised_from_python_has_every_attribute() -> None:
    e = spur.InspectionError("x.yaml:3:4: error: bad", file="x.yaml", line=3, column=4,
                             requirement="D1")  # fmt: skip
    assert (str(e), e.file, e.line, e.column, e.requirement, e.diagnostics) == (
        "x.yaml:3:4: error: bad", "x.yaml", 3, 4, "D1", [],
    )  # fmt: skip
    bare = spur.Error("plain")
    assert (bare.file, bare.line, bare.column, bare.requirement, bare.diagnostics) == (
        None, None, None, None, [],
    )  # fmt: skip
    assert spur.FileError("gone", file="/x").filename == "/x"


def test_errors_survive_pickling(tmp_path: Path) -> None:
    with pytest.raises(spur.FileError) as info:
        spur.Inspection.load(tmp_path / "none.yaml")
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is spur.FileError and str(again) == str(info.value)
    assert again.file == info.value.file
    assert [d.format() for d in again.diagnostics] == [d.format() for d in info.value.diagnostics]
    assert again.diagnostics[0].severity is spur.Severity.error


def test_missing_bundled_rules_are_a_file_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(spur.rule_book, "_RULES", tmp_path / "rules")
    spur.rule_book._bundled.cache_clear()
    try:
        with pytest.raises(spur.FileError) as info:
            spur.RuleBook.bundled()
    finally:
        spur.rule_book._bundled.cache_clear()
    e = info.value
    assert e.file == str(tmp_path / "rules") and e.line is None
    assert str(e) == (
        f"{tmp_path / 'rules'}: the bundled rules are missing; reinstall spur (pip install .) "
        "or load a rules directory with RuleBook.load(path)"
    )


@pytest.mark.parametrize(
    ("cls", "names"),
    [
        (spur.Kind, ["provision", "advice", "indicator"]),
        (spur.Status, ["met", "partially_met", "not_met", "not_applicable", "not_assessed"]),
        (spur.Grade, ["A", "B", "C", "D"]),
        (spur.Confidence, ["high", "medium", "low"]),
        (spur.Consequence, ["none", "action_recommended", "action_required"]),
        (spur.Severity, ["error", "warning"]),
    ],
)
def test_enums_are_python_enums(cls: type[enum.Enum], names: list[str]) -> None:
    assert issubclass(cls, enum.Enum)
    assert [m.name for m in cls] == names
    assert cls[names[0]] is next(iter(cls))


def test_trainees(book: spur.RuleBook) -> None:
    from conftest import DATA

    insp = spur.Inspection.load(DATA / "inspections" / "trainees-both-regulations.yaml")
    assert insp.regulations == [] and insp.trainees
    t = insp.trainees[0]
    assert t.id and t.st_start is not None and t.swedish_at in (True, False)
    assert insp.to_dict()["inspection"]["trainees"][0]["id"] == t.id
    assert "regulations" not in insp.to_dict()["inspection"]
    assert book.evaluate(insp).regulations  # derived from the trainees


def test_version() -> None:
    assert spur.__version__ == "0.1.0"
    public = {name for name in dir(spur) if not name.startswith("_")}
    assert set(spur.__all__) - {"__version__"} <= public
    assert {"RuleBook", "Inspection", "Evaluation", "evaluate_many", "Error"} <= set(spur.__all__)
