"""Each English notebook runs top to bottom in a fresh kernel, offline, printing what it shows."""

import difflib
import os

import nbformat
import pytest

from tensornotes import hub, notebooks
from tests.docs_tree import relative

PARTS = notebooks.parts()

# A first cell that the test adds, not part of the notebook: the kernel may open no
# connection except on loopback, so a notebook that reaches for the network fails.
_OFFLINE_GUARD = """\
import pytest_socket
pytest_socket.socket_allow_hosts(["127.0.0.1", "::1"])
"""


def _stdout(cell) -> str:
    """What a cell printed, as the snippet runner records it: trailing spaces dropped."""
    text = "".join(
        output.text
        for output in cell.get("outputs", [])
        if output.output_type == "stream" and output.name == "stdout"
    )
    return "\n".join(line.rstrip() for line in text.split("\n"))


def _execute(notebook):
    """Run a notebook in a fresh kernel with the variables of ``python -m tensornotes env``."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    env = {
        **os.environ,
        "HF_HOME": str(hub.seed()),
        "HF_HUB_OFFLINE": "1",
        # one thread, as the snippet runner computes, and room for the other test workers
        "OMP_NUM_THREADS": "1",
    }
    client = NotebookClient(notebook, kernel_name="python3", timeout=600)
    try:
        client.execute(env=env)
    except CellExecutionError as error:
        return error
    return None


# the test talks to its kernel over loopback (ZeroMQ, an asyncio loop): only that is allowed
@pytest.mark.enable_socket
@pytest.mark.allow_hosts(["127.0.0.1", "::1"])
@pytest.mark.parametrize("part", PARTS, ids=lambda part: part.notebook.removesuffix(".ipynb"))
def test_english_notebook_runs_offline_and_prints_what_it_shows(part):
    """Run every cell but the one tagged ``colab``: it installs the pinned packages with
    ``%pip``, which a kernel of the project's environment has already.

    Then each code cell must have printed exactly the output the notebook shows, in
    the same order: the page's ``#>`` lines, which the snippet tests keep fresh.
    """
    path = notebooks.notebook_path(part, "en")
    shown = nbformat.read(path, as_version=4)
    tag = notebooks.COLAB_TAG
    cells = [cell for cell in shown.cells if tag not in cell.metadata.get("tags", ())]
    assert len(cells) == len(shown.cells) - 1, f"{relative(path)}: not one cell tagged colab"
    run = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell(_OFFLINE_GUARD), *[cell.copy() for cell in cells]],
        metadata=shown.metadata,
    )
    for cell in run.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    error = _execute(run)
    code = [cell for cell in run.cells[1:] if cell.cell_type == "code"]
    if error is not None:
        failed = next((c for c in code if any(o.output_type == "error" for o in c.outputs)), None)
        name = f"cell {failed.id}" if failed is not None else "the offline guard cell"
        pytest.fail(f"{relative(path)}: {name} failed:\n{error}", pytrace=False)
    expected = {cell.id: _stdout(cell) for cell in cells if cell.cell_type == "code"}
    for cell in code:
        printed = _stdout(cell)
        if printed != expected[cell.id]:
            diff = "\n".join(
                difflib.unified_diff(
                    expected[cell.id].splitlines(),
                    printed.splitlines(),
                    "shown",
                    "printed in the kernel",
                    lineterm="",
                )
            )
            pytest.fail(f"{relative(path)}: cell {cell.id} printed other output:\n{diff}")
