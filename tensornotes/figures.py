"""Save charts that snippets generate, byte for byte reproducible."""

from __future__ import annotations

import io
from pathlib import Path

from tensornotes.runner import emit_file

__all__ = ["CHART_DIR", "save_svg"]

CHART_DIR = Path("docs/assets/generated")
"""Where generated charts go, relative to the project root; pages link them from there."""


def save_svg(figure, name: str) -> Path:
    """Save a matplotlib ``figure`` as ``docs/assets/generated/<name>.svg`` and return its path.

    The SVG carries no date and fixed element ids, so the same figure gives the
    same bytes on every run; the test harness compares them with the committed
    file. Text stays text (``svg.fonttype: none``): no font is embedded or fetched.
    """
    import matplotlib

    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "tensornotes", "svg.fonttype": "none"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    return emit_file(CHART_DIR / f"{name}.svg", buffer.getvalue())
