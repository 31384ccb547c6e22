"""The example notebook runs headless, top to bottom, and shows what it promises."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).parents[2] / "examples" / "notebook.ipynb"


@pytest.mark.slow
def test_the_example_notebook_runs(tmp_path: Path) -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": tmp_path}}
    )
    client.execute()
    outputs = [out for cell in notebook.cells if cell.cell_type == "code" for out in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    texts = [o.get("data", {}).get("text/plain", "") for o in outputs]
    assert texts[0].startswith("Scenario('Shop app'")
    assert texts[1].startswith("Result('Shop app': pick ")
    assert any("total_cost_p90" in t for t in texts)
    assert any("capacity_p50" in t for t in texts)
    assert "(1000, " in texts[4]
    assert any("vega" in str(o.get("data", {})) for o in outputs)  # the Altair chart
    assert texts[-1].count("(") == 3  # three variants, each with its pick
