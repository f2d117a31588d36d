"""State, on every page, the package versions that produced its outputs; expand ``[[versions]]``."""

import markdown as md
from mkdocs.exceptions import PluginError

from tensornotes.versions import STATED, installed_version, listed

_FOOTER = {
    "en": "Outputs on this page were produced with {}.",
    "zh": "本页输出由 {} 生成。",
}
_AND = {"en": (", ", " and "), "zh": ("、", " 与 ")}
_TABLE_HEAD = {"en": "| Package | Version |", "zh": "| 包 | 版本 |"}


def on_page_markdown(markdown, page, config, **kwargs):
    language = config.theme["language"]
    if language not in _FOOTER:
        raise PluginError(f"no version footer for the site language {language!r}")
    versions = {name: installed_version(name) for name in STATED}
    table = "\n".join(
        [_TABLE_HEAD[language], "|---|---|"]
        + [f"| `{name}` | {version} |" for name, version in versions.items()]
    )
    return markdown.replace("[[versions]]", table) + _footer(language)


def _footer(language):
    versions = {name: installed_version(name) for name in STATED}
    stated = listed([f"`{name}` {version}" for name, version in versions.items()], *_AND[language])
    return '\n\n<p class="versions" markdown>' + _FOOTER[language].format(stated) + "</p>\n"


def on_page_content(html, page, config, **kwargs):
    # a notebook page is rendered from its JSON, never from Markdown: add the footer here
    if not page.file.src_uri.endswith(".ipynb"):
        return html
    return html + md.markdown(_footer(config.theme["language"]), extensions=["md_in_html"])
