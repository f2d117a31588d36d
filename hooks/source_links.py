"""Turn ``[[module:qualname]]`` into a link to the pinned release; ``[[source ...]]`` into lines."""

from mkdocs.exceptions import PluginError

from tensornotes.sources import SYMBOL, SourceError, render


def on_page_markdown(markdown, page, **kwargs):
    # each symbol is resolved once per build: resolve() is cached across pages and languages
    def replace(match):
        try:
            return render(match["symbol"], excerpt=bool(match["source"]))
        except SourceError as error:
            raise PluginError(f"{page.file.src_uri}: unknown source symbol: {error}") from error

    return SYMBOL.sub(replace, markdown)
