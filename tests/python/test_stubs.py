"""python/spur/_core.pyi is what pybind11-stubgen makes of the built module (stubs.py)."""

from __future__ import annotations

import pytest

pytest.importorskip("pybind11_stubgen")

import stubs  # noqa: E402


@pytest.mark.stubs
def test_core_stub_matches_the_module() -> None:
    assert stubs.generate() == stubs.STUB.read_text(encoding="utf-8"), (
        "python/spur/_core.pyi no longer matches the module; after `pip install .` regenerate "
        "it from the repository root with `python tests/python/stubs.py`, review the diff and "
        "commit it"
    )
