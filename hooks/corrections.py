"""Expand ``[[corrections]]`` into the list of every correction of the notes on the site."""

from pathlib import Path

from mkdocs.exceptions import PluginError

from tensornotes import corrections
from tensornotes.languages import source_of
from tensornotes.markers import expand


def on_page_markdown(markdown, page, config, **kwargs):
    def listing():
        lang = config.theme["language"]
        path = source_of(page.file.src_uri)  # corrections.zh.md -> corrections.md
        try:
            return corrections.render(Path(config.docs_dir), config.nav, lang, path)
        except ValueError as error:
            raise PluginError(str(error)) from error

    return expand(markdown, "corrections", listing, page.file.src_uri)
