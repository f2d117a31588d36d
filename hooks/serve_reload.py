"""Under ``mkdocs serve``, rebuild with the current code of the hooks and the package."""

from tensornotes.serve import reloading


def on_serve(server, config, builder):
    server.builder = reloading(builder)
    return server
