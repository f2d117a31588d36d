"""Expand ``[[journey]]`` into the diagram of one sentence pair going from text to logits.

The figures come from ``docs/assets/generated/journey.json``, which the snippet
``snippets/home/journey.py`` records from a real run (and the tests check); this
hook only lays them out, with labels in the page's language and a link from each
stage to the page that explains it.
"""

import json
from pathlib import Path

from mkdocs.exceptions import PluginError

_MARKER = "[[journey]]"
_DATA = "assets/generated/journey.json"

# (page that explains the stage, title, what happens) by language; {…} are filled from the run
_STAGES = {
    "en": [
        ("tokenizer/token-type-ids.md", "Text pair", "{text}"),
        (
            "appendix/wordpiece.md",
            "Tokens",
            "normalized, split into words and WordPiece pieces, `[CLS]` and `[SEP]` added: "
            "{count} tokens, `{tokens}`",
        ),
        (
            "tokenizer/attention-mask.md",
            "Ids and masks",
            "`input_ids`, `token_type_ids` and `attention_mask`, each `{ids}`",
        ),
        (
            "architecture/embeddings.md",
            "Three embedding tables",
            "word `{word}`, position `{position}`, segment `{segment}`; summed, "
            "LayerNorm, dropout: `{hidden}`",
        ),
        (
            "architecture/encoder-only.md",
            "Encoder",
            "{layers} layers of self-attention and feed-forward, each output `{hidden}`",
        ),
        (
            "architecture/classification-head.md#pooler-output",
            "Pooler",
            "the `[CLS]` vector through a dense layer and tanh: `{pooled}`",
        ),
        (
            "architecture/classification-head.md",
            "Classification head",
            "dropout and one linear layer: logits `{logits}`",
        ),
        (
            "architecture/parameters.md",
            "Parameters",
            "{parameters} in `BertModel`, {head} more in the head",
        ),
    ],
    "zh": [
        ("tokenizer/token-type-ids.md", "文本对", "{text}"),
        (
            "appendix/wordpiece.md",
            "Token",
            "规范化、切成单词和 WordPiece 子词，再加上 `[CLS]` 和 `[SEP]`：共 {count} 个 token，"
            "`{tokens}`",
        ),
        (
            "tokenizer/attention-mask.md",
            "id 与掩码",
            "`input_ids`、`token_type_ids` 和 `attention_mask`，形状都是 `{ids}`",
        ),
        (
            "architecture/embeddings.md",
            "三张嵌入表",
            "词 `{word}`、位置 `{position}`、片段 `{segment}`；相加后经过 LayerNorm 和 "
            "dropout：`{hidden}`",
        ),
        (
            "architecture/encoder-only.md",
            "编码器",
            "{layers} 层自注意力加前馈网络，每层输出 `{hidden}`",
        ),
        (
            "architecture/classification-head.md#pooler-output",
            "Pooler",
            "`[CLS]` 向量经过一个全连接层和 tanh：`{pooled}`",
        ),
        (
            "architecture/classification-head.md",
            "分类头",
            "dropout 加一个线性层：logits `{logits}`",
        ),
        (
            "architecture/parameters.md",
            "参数量",
            "`BertModel` 共 {parameters} 个，分类头另有 {head} 个",
        ),
    ],
}
_QUOTES = {"en": ("“", "”", " and "), "zh": ("“", "”", " 和 ")}


def _shape(values: list[int]) -> str:
    return "(" + ", ".join(str(value) for value in values) + ")"


def _figures(run: dict, lang: str) -> dict[str, str]:
    opening, closing, joiner = _QUOTES[lang]
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
    if _MARKER not in markdown:
        return markdown
    lang = config.theme["language"]
    if lang not in _STAGES:
        raise PluginError(f"no journey labels for the site language {lang!r}")
    data = Path(config.docs_dir) / _DATA
    if not data.is_file():
        raise PluginError(f"{data} is missing: run python -m tensornotes refresh snippets/home")
    figures = _figures(json.loads(data.read_text(encoding="utf-8")), lang)
    depth = page.file.src_uri.count("/")
    items = [
        f"1. [**{title}**]({'../' * depth}{target})<br>{what.format(**figures)}"
        for target, title, what in _STAGES[lang]
    ]
    diagram = '<div class="journey" markdown>\n\n' + "\n".join(items) + "\n\n</div>"
    return markdown.replace(_MARKER, diagram)
