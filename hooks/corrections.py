"""Expand ``[[corrections]]`` into the list of every correction of the notes on the site."""

from pathlib import Path

from mkdocs.exceptions import PluginError

from tensornotes import corrections
from tensornotes.languages import source_of

_MARKER = "[[corrections]]"


def on_page_markdown(markdown, page, config, **kwargs):
    if _MARKER not in markdown:
        return markdown
    lang = config.theme["language"]
    path = source_of(page.file.src_uri)  # corrections.zh.md -> corrections.md
    try:
        listing = corrections.render(Path(config.docs_dir), config.nav, lang, path)
    except ValueError as error:
        raise PluginError(str(error)) from error
    return markdown.replace(_MARKER, listing)
