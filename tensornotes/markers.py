"""The ``[[name]]`` markers a page may hold: one registry, one expander hook each.

A hook expands its marker with [`expand`][tensornotes.markers.expand], which
refuses a name the registry lacks; after every expander ran, ``hooks/markers.py``
fails the build on any ``[[name]]`` left in a page, so a typo or a marker whose
hook is gone never reaches a reader as literal text. Source symbols
(``[[module:qualname]]``, ``[[source module:qualname]]``) are the other kind of
marker, resolved by ``hooks/source_links.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mkdocs.exceptions import PluginError

from tensornotes.pages import code_lines

__all__ = ["MARKER", "NAMES", "MarkerError", "check_expanded", "expand", "left_over"]

NAMES = {
    "corrections": "hooks/corrections.py",
    "journey": "hooks/journey.py",
    "offline-copy": "hooks/offline_copy.py",
    "playground": "hooks/playground.py",
    "versions": "hooks/versions.py",
}
"""Every marker name, with the hook that expands it."""
MARKER = re.compile(r"\[\[(?P<name>[a-z][a-z-]*)\]\]")
"""A ``[[name]]`` marker."""


class MarkerError(PluginError):
    """A marker the registry does not know, or one used more often than it may be."""


def expand(
    markdown: str, name: str, replacement: Callable[[], str], where: str, once: bool = False
) -> str:
    """Replace ``[[name]]`` in ``markdown`` with ``replacement()``, computed only if it is there.

    ``where`` names the page in errors. Raises [`MarkerError`][tensornotes.markers.MarkerError]
    (a ``PluginError``) for a name not in [`NAMES`][tensornotes.markers.NAMES], or when
    ``once`` and the marker appears twice.
    """
    if name not in NAMES:
        raise MarkerError(f"{where}: [[{name}]] is not a registered marker (NAMES)")
    token = f"[[{name}]]"
    count = markdown.count(token)
    if not count:
        return markdown
    if once and count > 1:
        raise MarkerError(f"{where}: {token} may appear once per page")
    return markdown.replace(token, replacement())


def check_expanded(markdown: str, where: str) -> str:
    """Return ``markdown``, or raise ``MarkerError`` naming each ``[[name]]`` left in it."""
    found = left_over(markdown)
    if found:
        listed = ", ".join(f"line {line}: {marker}" for line, marker in found)
        known = ", ".join(f"[[{name}]]" for name in NAMES)
        raise MarkerError(f"{where}: unknown marker ({listed}); the markers are {known}")
    return markdown


def left_over(markdown: str) -> list[tuple[int, str]]:
    """Return (line number, marker) for each ``[[name]]`` outside code, after expansion."""
    lines = markdown.split("\n")
    code = code_lines(lines)
    return [
        (index + 1, match.group(0))
        for index, line in enumerate(lines)
        if index not in code
        for match in MARKER.finditer(re.sub(r"`[^`]*`", "", line))
    ]
