"""Expand ``[[journey]]`` into the diagram of one sentence pair going from text to logits.

The figures come from ``docs/assets/generated/journey.json``, which the snippet
``snippets/home/journey.py`` records from a real run (and the tests check); this
hook only lays them out, with labels in the page's language and a link from each
stage to the page that explains it.
"""

import json
from pathlib import Path

from mkdocs.exceptions import PluginError

from tensornotes.languages import build_strings
from tensornotes.markers import expand

_DATA = "assets/generated/journey.json"

def _shape(values: list[int]) -> str:
    return "(" + ", ".join(str(value) for value in values) + ")"


def _figures(run: dict, quotes: tuple[str, str, str]) -> dict[str, str]:
    opening, closing, joiner = quotes
    word, position, segment = (" × ".join(map(str, table)) for table in run["tables"])
    return {
        "text": joiner.join(f"{opening}{text}{closing}" for text in run["text"]),
        "count": str(len(run["tokens"])),
        "tokens": " ".join(run["tokens"]),
        "ids": _shape(run["ids_shape"]),
        "word": word,
        "position": position,
        "segment": segment,
        "hidden": _shape(run["hidden_shape"]),
        "layers": str(run["layers"]),
        "pooled": _shape(run["pooled_shape"]),
        "logits": _shape(run["logits_shape"]),
        "parameters": f"{run['parameters']:,}",
        "head": f"{run['head_parameters']:,}",
    }


def on_page_markdown(markdown, page, config, **kwargs):
    return expand(markdown, "journey", lambda: _diagram(page, config), page.file.src_uri)


def _diagram(page, config) -> str:
    text = build_strings(config, "journey")
    data = Path(config.docs_dir) / _DATA
    if not data.is_file():
        raise PluginError(f"{data} is missing: run python -m tensornotes generate snippets/home")
    figures = _figures(json.loads(data.read_text(encoding="utf-8")), text["quotes"])
    depth = page.file.src_uri.count("/")
    items = [
        f"1. [**{title}**]({'../' * depth}{target})<br>{what.format(**figures)}"
        for target, title, what in text["stages"]
    ]
    return '<div class="journey" markdown>\n\n' + "\n".join(items) + "\n\n</div>"
