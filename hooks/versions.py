"""State, on every page, the package versions that produced its outputs; expand ``[[versions]]``."""

import markdown as md

from tensornotes.languages import build_strings
from tensornotes.markers import expand
from tensornotes.versions import STATED, installed_version, listed


def on_page_markdown(markdown, page, config, **kwargs):
    text = build_strings(config, "versions")
    versions = {name: installed_version(name) for name in STATED}
    table = "\n".join(
        [text["table_head"], "|---|---|"]
        + [f"| `{name}` | {version} |" for name, version in versions.items()]
    )
    return expand(markdown, "versions", lambda: table, page.file.src_uri) + _footer(text)


def _footer(text):
    versions = {name: installed_version(name) for name in STATED}
    stated = listed([f"`{name}` {version}" for name, version in versions.items()], *text["and"])
    return '\n\n<p class="versions" markdown>' + text["footer"].format(stated) + "</p>\n"


def on_page_content(html, page, config, **kwargs):
    # a notebook page is rendered from its JSON, never from Markdown: add the footer here
    if not page.file.src_uri.endswith(".ipynb"):
        return html
    text = build_strings(config, "versions")
    return html + md.markdown(_footer(text), extensions=["md_in_html"])
