"""Pytest set-up for every test path, the tests and the pages' own fences (docs/).

The offline hub cache is activated before any test imports transformers, and
pytest-markdown-docs keeps to the fences written in pages (tests/markdown_fences.py).
"""

from tensornotes import hub

hub.activate()

from tests.markdown_fences import pytest_collection_modifyitems  # noqa: E402, F401
