"""Stand-in English texts for the appendices, read from the pinned matplotlib release.

The appendices need English text in quantity: A1 a labelled corpus of the shape
of 20 Newsgroups (which needs a download), A3 thousands of English words to
check a tokenizer with. Both come from the docstrings of matplotlib, a pinned
dependency of the project (see ``pyproject.toml``) that has nothing to do with
transformers: upgrading transformers changes neither text. They are stand-ins,
labelled as such on every page that uses them: docstrings are English prose
mixed with code and argument lists, not Usenet posts.
"""

from __future__ import annotations

import ast
import importlib.util
import re
from pathlib import Path

from tensornotes.versions import installed_version

__all__ = ["PINNED_MATPLOTLIB", "STAND_IN_MODULES", "english_docstrings", "newsgroups_stand_in"]

PINNED_MATPLOTLIB = "3.11.2"
"""The matplotlib release whose text the stand-ins are; the figures on the pages hold for it."""

STAND_IN_MODULES = (
    "artist", "axis", "axes._axes", "axes._base", "figure", "pyplot", "colors", "scale",
    "collections", "lines", "patches", "text", "transforms", "ticker", "dates", "legend",
    "image", "contour", "backend_bases", "font_manager",
)
"""The 20 matplotlib modules of the A1 stand-in corpus, one category each."""


def _package() -> Path:
    version = installed_version("matplotlib")
    if version != PINNED_MATPLOTLIB:
        raise RuntimeError(
            f"the stand-in texts are matplotlib {PINNED_MATPLOTLIB}'s docstrings, but "
            f"matplotlib {version} is installed: install the project's pinned dependencies"
        )
    return Path(importlib.util.find_spec("matplotlib").origin).parent


def newsgroups_stand_in():
    """Return ``(data, target, target_names)`` shaped like ``fetch_20newsgroups``'s result.

    Each document is the docstring of one function or class in one of the
    [`STAND_IN_MODULES`][tensornotes.standins.STAND_IN_MODULES]; its category is
    the module it comes from, as a post's category is its newsgroup.
    """
    import numpy as np

    package = _package()
    data, target = [], []
    for label, module in enumerate(STAND_IN_MODULES):
        source = (package / (module.replace(".", "/") + ".py")).read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            defines = isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
            if defines and (docstring := ast.get_docstring(node)):
                data.append(docstring)
                target.append(label)
    return data, np.array(target), [f"matplotlib.{module}" for module in STAND_IN_MODULES]


def english_docstrings() -> str:
    """Return the text of every triple-quoted string in matplotlib, its tests left out."""
    package = _package()
    return "\n".join(
        text
        for file in sorted(package.rglob("*.py"))
        if "tests" not in file.relative_to(package).parts
        for text in re.findall(r'"""(.*?)"""', file.read_text(encoding="utf-8"), re.S)
    )
