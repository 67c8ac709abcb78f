"""notebooks/analysis.ipynb runs from top to bottom without an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SOURCE

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOK = SOURCE / "notebooks" / "analysis.ipynb"


@pytest.mark.notebook
def test_analysis_notebook_runs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # The kernel draws with matplotlib's inline backend (Agg into PNG): no screen needed, and
    # the heat map is really rendered, so a plotting error fails the test too.
    monkeypatch.delenv("MPLBACKEND", raising=False)
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        # Run outside the source tree: the notebook needs only the installed package.
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()  # raises CellExecutionError naming the cell that failed
    errors = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "error"
    ]
    assert errors == []
    data = [o.get("data", {}) for c in notebook.cells for o in c.get("outputs", [])]
    assert any('class="spur-summary"' in d.get("text/html", "") for d in data)  # the report summary
    assert any("image/png" in d for d in data)  # the heat map
