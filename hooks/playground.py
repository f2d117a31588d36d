"""Expand ``[[playground]]`` into the tokenizer playground; its scripts load only on that page."""

import html
import json

from mkdocs.utils import get_relative_url

from tensornotes.languages import build_strings
from tensornotes.markers import expand

# playground.js loads vendor/tokenizers.js and bert-base-uncased.js beside it when needed
_SCRIPTS = ("assets/playground/playground.js",)
_STYLE = "assets/playground/playground.css"

def _widget(strings: dict, url: str) -> str:
    def attr(value: str) -> str:
        return html.escape(value, quote=True)

    def link(path: str) -> str:
        return attr(get_relative_url(path, url))

    scripts = "".join(f'<script defer src="{link(path)}"></script>' for path in _SCRIPTS)
    return (
        f'<link rel="stylesheet" href="{link(_STYLE)}">'
        '<div class="playground" data-playground role="group"'
        f' aria-label="{attr(strings["label"])}"'
        f' data-strings="{attr(json.dumps(strings, ensure_ascii=False))}">'
        f"<noscript><p>{html.escape(strings['loading'])}</p></noscript>"
        '<div class="pg-inputs">'
        f'<label for="pg-text">{html.escape(strings["text"])}</label>'
        '<textarea id="pg-text" rows="3" spellcheck="false">'
        f"{html.escape(strings['example'])}</textarea>"
        f'<label for="pg-pair">{html.escape(strings["pair"])}</label>'
        '<textarea id="pg-pair" rows="2" spellcheck="false"></textarea>'
        f'<label for="pg-pad">{html.escape(strings["pad"])}</label>'
        '<input id="pg-pad" type="number" min="0" max="512" step="1" inputmode="numeric">'
        "</div>"
        '<div class="pg-status"><p class="pg-count"></p>'
        '<p class="pg-announce pg-visually-hidden" aria-live="polite"></p></div>'
        '<div class="pg-output"></div>'
        f"</div>{scripts}"
    )


def on_page_markdown(markdown, page, config, **kwargs):
    def widget():
        return _widget(build_strings(config, "playground"), page.url)

    return expand(markdown, "playground", widget, page.file.src_uri, once=True)
