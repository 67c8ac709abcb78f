from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import spur

from conftest import DATA, SOURCE


def test_bundled_rules_ship_inside_the_package(book: spur.RuleBook) -> None:
    package = Path(spur.__file__).parent
    assert book.directory == package / "rules"
    assert SOURCE / "python" not in Path(spur.__file__).parents  # the installed package
    assert spur.RuleBook.bundled() is spur.RuleBook.bundled()  # loaded once


def test_bundled_book_holds_the_model_and_both_regulations(book: spur.RuleBook) -> None:
    assert book.model.id == "spur-st"
    assert [a.id for a in book.model.areas] == list("ABCDEFGH")
    assert [s.id for s in book.model.sections] == ["struktur", "process"]
    assert book.model.policy["isolated_exceptions"] == 1
    scale = book.model.scales["four-step"]
    assert [row.grade for row in scale.rows] == [
        spur.Grade.D,
        spur.Grade.C,
        spur.Grade.B,
        spur.Grade.A,
    ]
    assert scale.rows[0].consequence is spur.Consequence.action_required
    assert [r.id for r in book.regulations] == ["sosfs-2015-8", "hslf-fs-2021-8"]
    assert book.regulation("hslf-fs-2021-8").based_on == "sosfs-2015-8"
    assert book.warnings == []
    assert "E4" in book.requirement_ids and "G11" in book.requirement_ids


def test_requirements_are_views_with_enums(book: spur.RuleBook) -> None:
    reg = book.regulation("sosfs-2015-8")
    e4 = reg.find("E4")
    assert e4 is not None and e4.id == "E4" and e4.area == "E"
    assert isinstance(e4.kind, spur.Kind) and isinstance(e4.confidence, spur.Confidence)
    assert e4.source.document == "SOSFS 2015:8"
    assert reg.find("Z1") is None
    assert book.find_requirement("G11").id == "G11"
    assert book.find_requirement("nothing") is None
    assert repr(e4).startswith("<spur.Requirement E4 (")
    data = reg.to_dict()
    assert data["regulation"] == "sosfs-2015-8"
    assert [q["id"] for q in data["requirements"]] == [q.id for q in reg.requirements]


def test_load_a_rules_directory(tmp_path: Path) -> None:
    shutil.copytree(SOURCE / "rules", tmp_path / "rules")
    book = spur.RuleBook.load(tmp_path / "rules")
    assert book.directory == tmp_path / "rules"
    assert [r.id for r in book.regulations] == ["sosfs-2015-8", "hslf-fs-2021-8"]
    assert spur.RuleBook.load(str(tmp_path / "rules")).model.id == "spur-st"


def test_load_reports_broken_rules_with_their_location() -> None:
    directory = DATA / "rules-broken" / "cycle"
    with pytest.raises(spur.RuleError) as info:
        spur.RuleBook.load(directory)
    e = info.value
    file = str(directory / "test-cycle" / "regulation.yaml")
    assert (e.file, e.line, e.column, e.requirement) == (file, 11, 15, "A1")  # the `requires:` line
    assert str(e) == f"{file}:11:15: error: requires forms a cycle: A1 -> A2 -> A3 -> A1"
    assert [d.format() for d in e.diagnostics] == [str(e)]
    assert isinstance(e, spur.Error)


def test_load_of_a_missing_directory_is_a_file_error(tmp_path: Path) -> None:
    with pytest.raises(spur.FileError) as info:
        spur.RuleBook.load(tmp_path / "none")
    assert isinstance(info.value, OSError)
    assert info.value.diagnostics and info.value.diagnostics[0].severity is spur.Severity.error


def test_a_symlink_loop_in_the_rules_is_a_file_error(tmp_path: Path) -> None:
    shutil.copytree(SOURCE / "rules" / "spur-st", tmp_path / "rules" / "spur-st")
    (tmp_path / "rules" / "loop").mkdir()
    (tmp_path / "rules" / "loop" / "regulation.yaml").symlink_to("regulation.yaml")
    with pytest.raises(spur.FileError) as info:
        spur.RuleBook.load(tmp_path / "rules")
    assert str(info.value) == (
        f"{tmp_path / 'rules' / 'loop' / 'regulation.yaml'}: error: "
        "cannot be read: Too many levels of symbolic links"
    )


def test_regulation_lookup_names_the_known_ones(book: spur.RuleBook) -> None:
    with pytest.raises(spur.LookupError) as info:
        book.regulation("sosfs-1999-1")
    e = info.value
    assert str(e) == (
        "<input>: error: unknown regulation 'sosfs-1999-1' (known: sosfs-2015-8, hslf-fs-2021-8)"
    )
    assert (e.file, e.line, e.column, e.requirement) == (None, None, None, None)
    assert isinstance(e, LookupError)  # the built-in one too


def test_graph_queries(book: spur.RuleBook) -> None:
    reg = "sosfs-2015-8"
    order = book.evaluation_order(reg)
    assert sorted(order) == sorted(q.id for q in book.regulation(reg).requirements)
    for q in book.regulation(reg).requirements:
        for p in q.prerequisites:
            assert order.index(p) < order.index(q.id)
            assert p in book.prerequisites(reg, q.id)
            assert q.id in book.dependents(reg, p)
            assert q.area in book.affected_areas(reg, p)
        assert q.area in book.affected_areas(reg, q.id)


def test_graph_exports(book: spur.RuleBook) -> None:
    assert book.to_dot().startswith("digraph")
    graph = book.graph()
    assert set(graph) >= {"nodes", "edges"} and graph["nodes"] and graph["edges"]


def test_requirements_frame(book: spur.RuleBook) -> None:
    frame = book.requirements_frame("sosfs-2015-8")
    reg = book.regulation("sosfs-2015-8")
    assert list(frame.columns) == [
        "regulation", "id", "area", "kind", "text", "confidence", "requires",
        "document", "paragraph", "note",
    ]  # fmt: skip
    assert list(frame["id"]) == [q.id for q in reg.requirements]
    assert set(frame["kind"]) == {"provision", "advice", "indicator"}
    row = frame.set_index("id").loc["E4"]
    assert row["requires"] == ", ".join(reg.find("E4").prerequisites)
    everything = book.requirements_frame()
    assert len(everything) == sum(len(r.requirements) for r in book.regulations)
    assert list(everything["regulation"].unique()) == ["sosfs-2015-8", "hslf-fs-2021-8"]
    assert isinstance(everything, pd.DataFrame)
    with pytest.raises(spur.LookupError):
        book.requirements_frame("nope")


def test_repr_and_html(book: spur.RuleBook) -> None:
    text = repr(book)
    assert text.startswith("<spur.RuleBook spur-st: sosfs-2015-8 (")
    assert str(book) == text
    html = book._repr_html_()
    assert html.count("<tr>") == 1 + len(book.regulations)
    assert "hslf-fs-2021-8" in html and "<table>" in html


def test_evaluate_takes_an_inspection(book: spur.RuleBook) -> None:
    with pytest.raises(TypeError, match="takes a spur.Inspection, not dict"):
        book.evaluate({"inspection": {}})  # type: ignore[arg-type]


def test_load_several_directories_as_one_book(tmp_path: Path) -> None:
    for name, part in (("spur-st", "base"), ("sosfs-2015-8", "base"), ("hslf-fs-2021-8", "draft")):
        shutil.copytree(SOURCE / "rules" / name, tmp_path / part / name)
    book = spur.RuleBook.load([tmp_path / "base", str(tmp_path / "draft")])
    assert [r.id for r in book.regulations] == ["sosfs-2015-8", "hslf-fs-2021-8"]
    assert book.regulation("hslf-fs-2021-8").based_on == "sosfs-2015-8"
