"""Versions of the installed packages, as the site states them."""

from __future__ import annotations

from importlib import metadata

__all__ = ["STATED", "installed_version"]

STATED = ("transformers", "torch")
"""Packages whose versions every page states: its outputs were produced with them."""


def installed_version(distribution: str) -> str:
    """Return the installed release of ``distribution`` without its local tag (``+cpu``)."""
    return metadata.version(distribution).split("+")[0]
