"""The JSON Schemas in schemas/ accept every bundled rule, inspection and test file, and
reject the mistakes they are there to catch (an unknown status, an unknown key, a bad id)."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schemas"
AUTHORING = ROOT / "tests" / "data" / "authoring"


class YamlLikeSpur(yaml.SafeLoader):
    """PyYAML as spur's loader (yaml-cpp) sees scalars: dates stay text (2025-01-20 is the
    string "2025-01-20", not a datetime.date); true/false stay booleans."""


YamlLikeSpur.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=YamlLikeSpur)


def load_schema(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((SCHEMAS / f"{name}.schema.json").read_text("utf-8"))
    return schema


SCHEMA_NAMES = ["model", "regulation", "inspection", "regulation-tests"]


@functools.cache
def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(load_schema(name))


def authoring_kind(path: Path) -> str:
    """Which schema a file of the worked example (tests/data/authoring) follows."""
    if path.name == "regulation.yaml":
        return "regulation"
    if path.name == "model.yaml":
        return "model"
    if path.parent.name in ("tests", "mistakes"):
        return "regulation-tests"
    if path.parent.name == "inspections":
        return "inspection"
    raise AssertionError(f"{path}: no schema is known for this file; extend authoring_kind()")


def bundled_files() -> list[tuple[str, Path]]:
    files: list[tuple[str, Path]] = [("model", ROOT / "rules" / "spur-st" / "model.yaml")]
    files += [("regulation", p) for p in sorted(ROOT.glob("rules/*/regulation.yaml"))]
    files += [("regulation-tests", p) for p in sorted(ROOT.glob("rules/*/tests/*.yaml"))]
    files += [("inspection", p) for p in sorted(ROOT.glob("examples/*.yaml"))]
    files += [("inspection", p) for p in sorted(ROOT.glob("tests/data/inspections/*.yaml"))]
    files += [("inspection", p) for p in sorted(ROOT.glob("tests/data/diff/*.yaml"))]
    files += [(authoring_kind(p), p) for p in sorted(AUTHORING.rglob("*.yaml"))]
    return files


BUNDLED = bundled_files()


def errors(name: str, document: object) -> list[str]:
    found = validator(name).iter_errors(document)
    return [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in found]


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    schema = load_schema(name)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"urn:spur:schema:{name}"
    assert schema["title"]


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_every_property_has_a_description(name: str) -> None:
    """Editors show the description as help: no property may go without one."""
    missing: list[str] = []
    schema = load_schema(name)

    def resolve(node: dict[str, Any]) -> dict[str, Any]:
        ref = node.get("$ref", "")
        target: dict[str, Any] = node
        if ref.startswith("#/$defs/"):
            target = schema["$defs"][ref.removeprefix("#/$defs/")]
        return target

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            for key, value in node.get("properties", {}).items():
                if isinstance(value, dict) and "description" not in value:
                    if "description" not in resolve(value):
                        missing.append(f"{where}/properties/{key}")
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}/{i}")

    walk(schema, "#")
    assert not missing, "properties without a description: " + ", ".join(missing)


def test_shared_definitions_agree() -> None:
    """Each schema is self-contained so that editors need no cross-file references; the
    definitions they share must be the same in every file."""
    defs = {name: load_schema(name)["$defs"] for name in SCHEMA_NAMES}
    # The test schema embeds the inspection format for inline inspections.
    for key, value in defs["inspection"].items():
        assert defs["regulation-tests"].get(key) == value, (
            f"$defs/{key} differs between inspection.schema.json and "
            "regulation-tests.schema.json: change both"
        )
    for key in ("requirementId", "regulationId", "date", "grade", "areaId"):
        versions = {json.dumps(d[key], sort_keys=True) for d in defs.values() if key in d}
        assert len(versions) == 1, f"$defs/{key} differs between the schemas: make them agree"


def test_every_kind_of_bundled_file_is_checked() -> None:
    kinds = {kind for kind, _ in BUNDLED}
    assert kinds == set(SCHEMA_NAMES)
    assert any(AUTHORING in p.parents for _, p in BUNDLED), "the worked example is checked"


@pytest.mark.parametrize(
    ("name", "path"), BUNDLED, ids=[str(p.relative_to(ROOT)) for _, p in BUNDLED]
)
def test_bundled_file_follows_its_schema(name: str, path: Path) -> None:
    problems = errors(name, load_yaml(path))
    assert not problems, f"{path.relative_to(ROOT)} against {name}.schema.json:\n" + "\n".join(
        problems
    )


def test_dates_load_as_text_and_booleans_as_booleans() -> None:
    document = yaml.load("received: 2025-01-20\nswedish_at: true\n", Loader=YamlLikeSpur)
    assert document == {"received": "2025-01-20", "swedish_at": True}


# ---- mistakes the schemas catch ----

INSPECTION = {
    "inspection": {"unit": "Testenheten", "regulations": ["sosfs-2015-8"]},
    "findings": {"D1": "not_met", "E7": {"status": "met", "note": "..."}},
}


def with_change(document: dict[str, Any], path: list[str | int], value: object) -> Any:
    """A deep copy of `document` with the value at `path` set (or added)."""
    copy = json.loads(json.dumps(document))
    node = copy
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return copy


def test_a_valid_inspection_passes() -> None:
    assert errors("inspection", INSPECTION) == []


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (["findings", "D1"], "uppfyllt"),  # an unknown status (the Swedish word)
        (["findings", "E7", "status"], "failed"),
        (["inspection", "default_status"], "unknown"),
        (["inspection", "unit_name"], "Testenheten"),  # an unknown key
        (["findings", "E7", "comment"], "..."),
        (["overrides"], [{"area": "E", "grade": "A", "reason": "x", "why": "y"}]),
        (["findings", "d1"], "met"),  # a bad id
        (["findings", "E07a"], "met"),
        (["findings", "I1"], "met"),
        (["inspection", "date"], "2024-10"),  # a bad date
        (["inspection", "regulations"], []),
        (["overrides"], [{"area": "E", "grade": "E", "reason": "x"}]),  # there is no grade E
        (["action_plan"], [{"requirement": "D1", "received": "snart"}]),
    ],
)
def test_a_mistake_in_an_inspection_is_rejected(path: list[str | int], value: object) -> None:
    assert errors("inspection", with_change(INSPECTION, path, value))


def test_an_inspection_needs_its_header() -> None:
    assert errors("inspection", {"findings": {"D1": "met"}})
    assert errors("inspection", {"inspection": {"unit": "Testenheten"}})  # no regulations


REGULATION = load_yaml(AUTHORING / "hslf-fs-2027-1" / "regulation.yaml")
COMPLETE = load_yaml(ROOT / "rules" / "sosfs-2015-8" / "regulation.yaml")


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (["add", 0, "kind"], "rule"),  # an unknown kind
        (["add", 0, "confidence"], "certain"),
        (["add", 0, "id"], "D-14"),  # a bad id
        (["remove", 0], "e14"),
        (["amend", 0, "id"], "H"),
        (["add", 0, "requires"], ["D06x"]),
        (["add", 0, "source", "page"], 3),  # an unknown key
        (["amend", 0, "title"], "x"),
        (["replaces"], "hslf-fs-2021-8"),
        (["in_force", "from"], "1 juli 2027"),  # a bad date
        (["applies_to", "all", 0], {"st_start_after": "2027-07-01"}),
        (["applies_to", "any"], [{"swedish_at": False}]),  # any and all at once
        (["requirements"], []),  # a delta lists only its changes
    ],
)
def test_a_mistake_in_a_delta_is_rejected(path: list[str | int], value: object) -> None:
    assert errors("regulation", REGULATION) == []
    assert errors("regulation", with_change(REGULATION, path, value))


def test_a_complete_regulation_needs_requirements_and_no_changes() -> None:
    without = {k: v for k, v in COMPLETE.items() if k != "requirements"}
    assert errors("regulation", without)
    assert errors("regulation", with_change(COMPLETE, ["remove"], ["G5"]))
    incomplete = with_change(COMPLETE, ["requirements", 0], {"id": "A1", "kind": "provision"})
    assert errors("regulation", incomplete)


TESTS = load_yaml(AUTHORING / "hslf-fs-2027-1" / "tests" / "changes.yaml")


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (["cases", 0, "expect", "grades", "D"], "E"),  # not a grade
        (["cases", 0, "expect", "grade"], {"D": "A"}),  # an unknown key
        (["cases", 0, "variants", 0, "findings", "D14"], "failed"),  # an unknown status
        (["cases", 0, "variants", 0, "expect", "required"], ["d14"]),  # a bad id
        (["cases", 0, "inspection"], {"file": "x.yaml", "findings": {}}),
        (["cases", 0, "expect", "action_plan_required"], "yes"),
        (["cases", 1], {"name": "checks nothing", "inspection": {"findings": {}}}),
    ],
)
def test_a_mistake_in_a_test_file_is_rejected(path: list[str | int], value: object) -> None:
    assert errors("regulation-tests", TESTS) == []
    assert errors("regulation-tests", with_change(TESTS, path, value))


def test_a_model_with_an_unknown_consequence_is_rejected() -> None:
    model = load_yaml(ROOT / "rules" / "spur-st" / "model.yaml")
    assert errors("model", model) == []
    bad = with_change(model, ["scales", "four-step", 0, "consequence"], "handlingsplan")
    assert errors("model", bad)
    assert errors("model", with_change(model, ["policy", "exceptions"], 1))
