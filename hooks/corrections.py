"""Expand ``[[corrections]]`` into the list of every correction of the notes on the site."""

from pathlib import Path

from mkdocs.exceptions import PluginError

from tensornotes import corrections

_MARKER = "[[corrections]]"


def on_page_markdown(markdown, page, config, **kwargs):
    if _MARKER not in markdown:
        return markdown
    lang = config.theme["language"]
    # the page's path in the default language: corrections.zh.md -> corrections.md
    path = page.file.src_uri.replace(f".{lang}.md", ".md")
    try:
        listing = corrections.render(Path(config.docs_dir), config.nav, lang, path)
    except ValueError as error:
        raise PluginError(str(error)) from error
    return markdown.replace(_MARKER, listing)
