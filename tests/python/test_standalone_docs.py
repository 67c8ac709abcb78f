"""Everything a user reads stands alone: no path that leads outside the repository."""

from __future__ import annotations

import re

from conftest import DATA, SOURCE

# What users read: the README, the docs, the examples and notebooks, the rules (installed with
# spur), the Python package (docstrings, messages), the command and the library (messages),
# and the scripts they run.
READ_BY_USERS = ["README.md", "docs", "examples", "notebooks", "rules", "python", "cli", "lib",
                 "include", "bindings", "scripts", "schemas", "pyproject.toml"]
OUTSIDE = re.compile(r"(\.\./|\b)shared/")


def test_nothing_a_user_reads_points_outside_the_repository() -> None:
    found = []
    for name in READ_BY_USERS:
        root = SOURCE / name
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in files:
            if "__pycache__" in path.parts or path.suffix in {".so", ".pyc"}:
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            for number, line in enumerate(text.splitlines(), start=1):
                if OUTSIDE.search(line):
                    found.append(f"{path.relative_to(SOURCE)}:{number}: {line.strip()}")
    assert found == []


def test_the_sample_report_the_example_quotes_is_in_the_repository() -> None:
    report = DATA / "reports" / "spur-report-palliativ-sydostra-skane.txt"
    example = (SOURCE / "examples" / "palliativ-sydostra-skane.yaml").read_text(encoding="utf-8")
    assert "tests/data/reports/spur-report-palliativ-sydostra-skane.txt" in example
    assert "Sydöstra Skåne" in report.read_text(encoding="utf-8")
