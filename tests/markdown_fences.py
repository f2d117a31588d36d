"""Keep pytest-markdown-docs to the fences written in pages (the root ``conftest.py`` uses it).

A fence that only embeds snippet sections (``--8<--``) is Python that
pytest-markdown-docs cannot see, so it is deselected here; tests/test_snippets.py
runs those sections, each alone, through the snippet runner.
"""

from __future__ import annotations

import pytest


def _embed_only(code: str) -> bool:
    lines = [line.strip() for line in code.splitlines() if line.strip()]
    embeds = [line for line in lines if line.startswith("--8<--")]
    if embeds and len(embeds) != len(lines):
        raise pytest.UsageError(f"a fence mixes --8<-- embeds with code:\n{code.strip()}")
    return bool(embeds)


def pytest_collection_modifyitems(config, items):
    embed_fences = [item for item in items if _embed_only(getattr(item, "code", "") or "")]
    if embed_fences:
        config.hook.pytest_deselected(items=embed_fences)
        items[:] = [item for item in items if item not in embed_fences]
