"""Under ``mkdocs serve``, rebuild with the current code of the hooks and of this package.

``watch:`` in mkdocs.yml makes a change to a snippet, a hook or the package start
a rebuild, but MkDocs loads each hook once per process (a cached loader) and
Python imports a module once: without [`reloading`][tensornotes.serve.reloading],
a rebuild would run the code as it was at start. ``hooks/serve_reload.py`` uses it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from mkdocs.config import config_options
from mkdocs.exceptions import PluginError

__all__ = ["PACKAGE", "reloading"]

PACKAGE = "tensornotes"


def _hook_cache_clear() -> Callable[[], None]:
    # MkDocs 1.6 caches its hook loader with functools.lru_cache; no public API reloads hooks
    clear = getattr(getattr(config_options.Hooks, "_load_hook", None), "cache_clear", None)
    if clear is None:
        raise PluginError(
            "this MkDocs release no longer caches hooks in config_options.Hooks._load_hook: "
            "hooks/serve_reload.py (tensornotes.serve) cannot reload hooks, update it"
        )
    return clear


def reloading(builder: Callable[[], None]) -> Callable[[], None]:
    """Wrap ``mkdocs serve``'s builder so each rebuild imports the hooks and the package anew.

    Raises ``PluginError`` at once when the installed MkDocs loads hooks another way.
    """
    clear = _hook_cache_clear()

    def fresh_builder():
        clear()
        for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
            del sys.modules[name]
        builder()

    return fresh_builder
