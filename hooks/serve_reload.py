"""Under ``mkdocs serve``, rebuild with the current code of the hooks and the project's package.

``watch:`` in mkdocs.yml makes a change to a snippet, a hook or the package start a
rebuild, but MkDocs loads hooks once per process and Python imports a module once:
without this hook, the rebuild would run the code as it was at start.
"""

import sys

from mkdocs.config import config_options

_PACKAGE = "tensornotes"


def on_serve(server, config, builder):
    def fresh_builder():
        # forget the loaded hooks and the package, so the rebuild imports both anew
        config_options.Hooks._load_hook.cache_clear()
        for name in [n for n in sys.modules if n == _PACKAGE or n.startswith(_PACKAGE + ".")]:
            del sys.modules[name]
        builder()

    server.builder = fresh_builder
    return server
