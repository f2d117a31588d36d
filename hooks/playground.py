"""Expand ``[[playground]]`` into the tokenizer playground; its scripts load only on that page."""

import html
import json

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

MARKER = "[[playground]]"
# playground.js loads vendor/tokenizers.js and bert-base-uncased.js beside it when needed
_SCRIPTS = ("assets/playground/playground.js",)
_STYLE = "assets/playground/playground.css"

_STRINGS = {
    "en": {
        "label": "Tokenizer playground",
        "text": "Text",
        "pair": "Second text of a pair (optional)",
        "pad": "Pad to length",
        "loading": "The playground needs JavaScript.",
        "textA": "A",
        "textB": "B",
        "normalized": "Normalized text",
        "words": "Pre-tokenized words",
        "wordpiece": "WordPiece tokens (hover or focus one to see its characters; arrow keys move)",
        "tokens": "WordPiece tokens",
        "numbersTitle": "What the model receives",
        "numbers": "Tokens, offsets, ids, token_type_ids and attention_mask",
        "position": "position",
        "token": "token",
        "tokenLabel": "{index}: {token}, characters {start} to {end}, id {id}",
        "cutMark": "(cut by truncation)",
        "count": "{total} tokens of the {max} that bert-base-uncased accepts.",
        "cutOne": "truncation=True would cut the last {a} tokens of the text (struck through).",
        "cutPair": (
            "truncation=True (longest first) would cut the last {a} tokens of A and "
            "{b} of B (struck through)."
        ),
        "example": "Tokenization isn't magic: ünïcödé, 北京大学, [MASK] and 😀.",
    },
    "zh": {
        "label": "分词器在线试用",
        "text": "文本",
        "pair": "文本对的第二条文本（可选）",
        "pad": "填充到长度",
        "loading": "在线试用需要 JavaScript。",
        "textA": "A",
        "textB": "B",
        "normalized": "规范化后的文本",
        "words": "预分词得到的词",
        "wordpiece": "WordPiece token（悬停或聚焦某个 token 可看到它对应的字符；方向键移动）",
        "tokens": "WordPiece token",
        "numbersTitle": "模型收到的内容",
        "numbers": "token、偏移量、id、token_type_ids 和 attention_mask",
        "position": "位置",
        "token": "token",
        "tokenLabel": "{index}：{token}，字符 {start} 到 {end}，id {id}",
        "cutMark": "（被截断）",
        "count": "共 {total} 个 token，bert-base-uncased 最多接受 {max} 个。",
        "cutOne": "truncation=True 会截掉文本最后的 {a} 个 token（划线标出）。",
        "cutPair": (
            "truncation=True（longest_first）会截掉片段 A 最后的 {a} 个 token"
            "和片段 B 最后的 {b} 个（划线标出）。"
        ),
        "example": "分词并不神秘：ünïcödé、北京大学、[MASK] 和 😀。",
    },
}


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
    if MARKER not in markdown:
        return markdown
    if markdown.count(MARKER) > 1:
        raise PluginError(f"{page.file.src_uri}: {MARKER} may appear once per page")
    language = config.theme["language"]
    if language not in _STRINGS:
        raise PluginError(f"no playground strings for the site language {language!r}")
    return markdown.replace(MARKER, _widget(_STRINGS[language], page.url))
