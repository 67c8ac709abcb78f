"""Generates python/spur/_core.pyi from the installed module.

pybind11-stubgen writes the stub; then enum members, which it writes as annotations
(``A: typing.ClassVar[Grade]``, which type checkers read as "no members"), are written as
members (``A = 0``). Regenerate after ``pip install .``, from the repository root::

    python tests/python/stubs.py
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

import spur

STUB = Path(__file__).resolve().parents[2] / "python" / "spur" / "_core.pyi"
_ENUM = re.compile(r"^class (\w+)\(enum\.Enum\):$")
_MEMBER = re.compile(r"^    (\w+): typing\.ClassVar\[(\w+)\]$")


def generate() -> str:
    """The stub as it should read for the installed spur._core."""
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [sys.executable, "-m", "pybind11_stubgen", "spur._core", "-o", out],
            check=True,
            capture_output=True,
            cwd=out,  # the installed package, never a source tree on the path
        )
        text = (Path(out) / "spur" / "_core.pyi").read_text(encoding="utf-8")
    return members_as_values(text)


def members_as_values(text: str) -> str:
    lines, enum = [], None
    for line in text.splitlines(keepends=True):
        if match := _ENUM.match(line.rstrip("\n")):
            enum = getattr(spur._core, match.group(1))
        elif line.startswith("class "):
            enum = None
        member = _MEMBER.match(line.rstrip("\n"))
        if enum is not None and member and member.group(2) == enum.__name__:
            line = f"    {member.group(1)} = {enum[member.group(1)].value}\n"
        lines.append(line)
    return "".join(lines)


if __name__ == "__main__":
    STUB.write_text(generate(), encoding="utf-8")
    print(f"wrote {STUB}")
