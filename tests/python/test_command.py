"""The package ships the spur command (`spur`, `python -m spur`) and the example inspections,
and both work without the source tree: every test here runs in a scratch folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import spur

EXAMPLE = "palliativ-sydostra-skane"
PACKAGE = Path(spur.__file__).resolve().parent
# pip puts the console script beside the interpreter of the environment it installs into.
SCRIPT = Path(sys.executable).parent / "spur"


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "SPUR_RULES"}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_python_m_spur_prints_the_version(tmp_path: Path) -> None:
    done = run([sys.executable, "-m", "spur", "--version"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert spur.__version__ in done.stdout


def test_the_spur_script_grades_the_example_with_the_rules_in_the_package(tmp_path: Path) -> None:
    assert SCRIPT.is_file(), f"pip installed no spur command in {SCRIPT.parent}"
    validated = run([str(SCRIPT), "validate"], tmp_path)
    assert validated.returncode == 0, validated.stderr
    assert validated.stdout.startswith(f"ok: {PACKAGE / 'rules'}: model spur-st")

    example = str(spur.examples.path(EXAMPLE))
    graded = run([str(SCRIPT), "evaluate", example], tmp_path)
    assert graded.returncode == 0, graded.stderr
    area_d = next(line for line in graded.stdout.splitlines() if line.startswith("D  "))
    assert area_d.split()[-1] == "D->C?"  # unmet provisions, the plan has come in; D3 open
    # python -m spur is the same command: the same output.
    same = run([sys.executable, "-m", "spur", "evaluate", example], tmp_path)
    assert same.stdout == graded.stdout


def test_the_spur_script_keeps_the_commands_errors_and_exit_codes(tmp_path: Path) -> None:
    missing = run([str(SCRIPT), "evaluate", "saknas.yaml"], tmp_path)
    assert missing.returncode == 1
    assert "saknas.yaml" in missing.stderr and missing.stdout == ""
    usage = run([sys.executable, "-m", "spur", "evaluate"], tmp_path)
    assert usage.returncode == 2


def test_the_examples_ship_inside_the_package() -> None:
    assert EXAMPLE in spur.examples.names()
    path = spur.examples.path(EXAMPLE)
    assert path.is_file() and path.name == f"{EXAMPLE}.yaml"
    inspection = spur.examples.load(EXAMPLE)
    assert inspection.unit == "Specialiserad palliativ vård, Sydöstra Skåne"
    evaluation = spur.RuleBook.bundled().evaluate(inspection)
    assert evaluation.grade("A") == "A"


def test_an_unknown_example_names_the_ones_there_are() -> None:
    with pytest.raises(spur.LookupError) as info:
        spur.examples.path("palliativ")
    assert str(info.value) == (
        f"no example called 'palliativ'; the examples are: {', '.join(spur.examples.names())}"
    )
