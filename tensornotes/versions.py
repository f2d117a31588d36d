"""Versions of the installed packages, as the site states them."""

from __future__ import annotations

from importlib import metadata

__all__ = ["STATED", "installed_version", "listed"]

STATED = ("transformers", "tokenizers", "torch")
"""Packages whose versions every page states: its outputs were produced with them."""


def installed_version(distribution: str) -> str:
    """Return the installed release of ``distribution`` without its local tag (``+cpu``)."""
    return metadata.version(distribution).split("+")[0]


def listed(items: list[str], comma: str, conjunction: str) -> str:
    """Join ``items`` as a sentence lists them: ``a, b and c``."""
    if len(items) < 2:
        return "".join(items)
    return comma.join(items[:-1]) + conjunction + items[-1]
