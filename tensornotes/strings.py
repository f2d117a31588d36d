"""Every text the site's code writes into pages and notebooks, by language and topic.

[`tensornotes.languages.strings`][tensornotes.languages.strings] returns one
language's entry; a test checks that every language has every key.
"""

CATALOG = {
    "en": {
        "notebook": {
            "intro": (
                "This notebook holds every page of the part *{title}*, in the order of the si"
                "te, generated from the same pages and snippets. Each code cell is a block th"
                "e site shows, and the output under it is the output the site shows, recorded"
                " by running the snippet with {versions}. Every cell runs on its own, top to "
                "bottom, on a CPU."
            ),
            "setup": (
                "In Colab, run the next cell first: it installs the pinned versions. Locally,"
                " with the project installed, skip it and start Jupyter with the project's of"
                "fline hub cache (the README, *Notebooks*, says how)."
            ),
            "versions": "Outputs in this notebook were produced with {}.",
            "and": (
                ", ",
                " and ",
            ),
            "source": "Source",
            "playground": (
                "*On the site, the tokenizer playground stands here: type a text and watch ev"
                "ery stage of the tokenizer in the browser.*"
            ),
        },
        "notebook_links": {
            "page": "Run this part in Jupyter:",
            "notebook": "This page is the part's notebook, rendered:",
            "download": "download the notebook",
            "colab": "Open in Colab",
        },
        "playground": {
            "label": "Tokenizer playground",
            "text": "Text",
            "pair": "Second text of a pair (optional)",
            "pad": "Pad to length",
            "loading": "The playground needs JavaScript.",
            "textA": "A",
            "textB": "B",
            "normalized": "Normalized text",
            "words": "Pre-tokenized words",
            "wordpiece": (
                "WordPiece tokens (hover or focus one to see its characters; arrow keys move)"
            ),
            "tokens": "WordPiece tokens",
            "numbersTitle": "What the model receives",
            "numbers": ("Tokens, offsets, ids, token_type_ids and attention_mask"),
            "position": "position",
            "token": "token",
            "tokenLabel": "{index}: {token}, characters {start} to {end}, id {id}",
            "cutMark": "(cut by truncation)",
            "count": ("{total} tokens of the {max} that bert-base-uncased accepts."),
            "cutOne": (
                "truncation=True would cut the last {a} tokens of the text (struck through)."
            ),
            "cutPair": (
                "truncation=True (longest first) would cut the last {a} tokens of A and {b} o"
                "f B (struck through)."
            ),
            "example": ("Tokenization isn't magic: ünïcödé, 北京大学, [MASK] and 😀."),
            "working": "Tokenizing… {percent}%",
            "shownOne": (
                "The page lists {shown} of the {total} tokens: the first {limit} of the text "
                "and the special tokens."
            ),
            "shownPair": (
                "The page lists {shown} of the {total} tokens: the first {limit} of each text "
                "and the special tokens."
            ),
            "omitted": "… {n} more tokens, not listed",
            "omittedWords": "… {n} more words",
            "more": "…",
        },
        "versions": {
            "footer": "Outputs on this page were produced with {}.",
            "and": (
                ", ",
                " and ",
            ),
            "table_head": "| Package | Version |",
        },
        "offline": {
            "link": (
                '!!! tip "Read offline"\n\n    <a href="{href}" download>Download the whole sit'
                "e</a> as one zip file, unzip it\n    and open `text-to-tensors/index.html`: b"
                "oth languages, search and charts\n    work from your disk, with no server and"
                " no network.\n"
            ),
            "held": (
                '!!! info "Offline copy"\n\n    You are reading the offline copy of this site, '
                "from your disk. The published\n    site may be newer.\n"
            ),
        },
        "journey": {
            "stages": [
                (
                    "tokenizer/token-type-ids.md",
                    "Text pair",
                    "{text}",
                ),
                (
                    "appendix/wordpiece.md",
                    "Tokens",
                    (
                        "normalized, split into words and WordPiece pieces, `[CLS]` and `[SEP"
                        "]` added: {count} tokens, `{tokens}`"
                    ),
                ),
                (
                    "tokenizer/attention-mask.md",
                    "Ids and masks",
                    ("`input_ids`, `token_type_ids` and `attention_mask`, each `{ids}`"),
                ),
                (
                    "architecture/embeddings.md",
                    "Three embedding tables",
                    (
                        "word `{word}`, position `{position}`, segment `{segment}`; summed, L"
                        "ayerNorm, dropout: `{hidden}`"
                    ),
                ),
                (
                    "architecture/encoder-only.md",
                    "Encoder",
                    ("{layers} layers of self-attention and feed-forward, each output `{hidden}`"),
                ),
                (
                    ("architecture/classification-head.md#pooler-output"),
                    "Pooler",
                    ("the `[CLS]` vector through a dense layer and tanh: `{pooled}`"),
                ),
                (
                    "architecture/classification-head.md",
                    "Classification head",
                    ("dropout and one linear layer: logits `{logits}`"),
                ),
                (
                    "architecture/parameters.md",
                    "Parameters",
                    ("{parameters} in `BertModel`, {head} more in the head"),
                ),
            ],
            "quotes": (
                "“",
                "”",
                " and ",
            ),
        },
        "corrections": {
            "title": "Correction",
            "headings": (
                "The notes say",
                "Correction",
                "Proof",
            ),
            "colon": ": ",
        },
    },
    "zh": {
        "notebook": {
            "intro": (
                "本笔记本按网站中的顺序收录“{title}”部分的全部页面，由网站所用的同一批页面和"
                "代码片段生成。每个代码单元格都是网站展示的一段代码，其下的输出就是网站展示的"
                "输出，由 {versions} 运行代码片段记录而来。每个单元格都能单独运行，自上而下，"
                "只需 CPU。"
            ),
            "setup": (
                "在 Colab 中请先运行下一个单元格：它会安装固定的版本。在本地已安装本项目时，"
                "可以跳过它，并用项目的离线 Hub 缓存启动 Jupyter（做法见 README 的 *Notebooks"
                "* 一节）。"
            ),
            "versions": "本笔记本的输出由 {} 生成。",
            "and": (
                "、",
                " 与 ",
            ),
            "source": "源代码",
            "playground": ("*网站的这个位置是在线试用：输入文本，在浏览器中查看分词器的每一步。*"),
        },
        "notebook_links": {
            "page": "在 Jupyter 中运行本部分：",
            "notebook": "本页是本部分的笔记本：",
            "download": "下载笔记本",
            "colab": "在 Colab 中打开",
        },
        "playground": {
            "label": "分词器在线试用",
            "text": "文本",
            "pair": "文本对的第二条文本（可选）",
            "pad": "填充到长度",
            "loading": "在线试用需要 JavaScript。",
            "textA": "A",
            "textB": "B",
            "normalized": "规范化后的文本",
            "words": "预分词得到的词",
            "wordpiece": ("WordPiece token（悬停或聚焦某个 token 可看到它对应的字符；方向键移动）"),
            "tokens": "WordPiece token",
            "numbersTitle": "模型收到的内容",
            "numbers": "token、偏移量、id、token_type_ids 和 attention_mask",
            "position": "位置",
            "token": "token",
            "tokenLabel": "{index}：{token}，字符 {start} 到 {end}，id {id}",
            "cutMark": "（被截断）",
            "count": ("共 {total} 个 token，bert-base-uncased 最多接受 {max} 个。"),
            "cutOne": ("truncation=True 会截掉文本最后的 {a} 个 token（划线标出）。"),
            "cutPair": (
                "truncation=True（longest_first）会截掉片段 A 最后的 {a} 个 token和片段 B 最"
                "后的 {b} 个（划线标出）。"
            ),
            "example": "分词并不神秘：ünïcödé、北京大学、[MASK] 和 😀。",
            "working": "正在分词……{percent}%",
            "shownOne": (
                "共 {total} 个 token，页面只列出其中 {shown} 个：文本的前 {limit} 个和特殊 token。"
            ),
            "shownPair": (
                "共 {total} 个 token，页面只列出其中 {shown} 个：每条文本的前 {limit} 个和"
                "特殊 token。"
            ),
            "omitted": "……其余 {n} 个 token 未列出",
            "omittedWords": "……其余 {n} 个词",
            "more": "……",
        },
        "versions": {
            "footer": "本页输出由 {} 生成。",
            "and": (
                "、",
                " 与 ",
            ),
            "table_head": "| 包 | 版本 |",
        },
        "offline": {
            "link": (
                '!!! tip "离线阅读"\n\n    <a href="{href}" download>下载整个网站</a>（一个 zip'
                " 文件），解压后打开`text-to-tensors/index.html`：两种语言、搜索和图表都能直"
                "接从本地磁盘使用，不需要服务器，也不需要联网。\n"
            ),
            "held": (
                '!!! info "离线副本"\n\n    你正在阅读本站的离线副本（来自本地磁盘），在线发布'
                "的网站可能更新。\n"
            ),
        },
        "journey": {
            "stages": [
                (
                    "tokenizer/token-type-ids.md",
                    "文本对",
                    "{text}",
                ),
                (
                    "appendix/wordpiece.md",
                    "Token",
                    (
                        "规范化、切成单词和 WordPiece 子词，再加上 `[CLS]` 和 `[SEP]`：共 {co"
                        "unt} 个 token，`{tokens}`"
                    ),
                ),
                (
                    "tokenizer/attention-mask.md",
                    "id 与掩码",
                    ("`input_ids`、`token_type_ids` 和 `attention_mask`，形状都是 `{ids}`"),
                ),
                (
                    "architecture/embeddings.md",
                    "三张嵌入表",
                    (
                        "词 `{word}`、位置 `{position}`、片段 `{segment}`；相加后经过 LayerNo"
                        "rm 和 dropout：`{hidden}`"
                    ),
                ),
                (
                    "architecture/encoder-only.md",
                    "编码器",
                    ("{layers} 层自注意力加前馈网络，每层输出 `{hidden}`"),
                ),
                (
                    ("architecture/classification-head.md#pooler-output"),
                    "Pooler",
                    ("`[CLS]` 向量经过一个全连接层和 tanh：`{pooled}`"),
                ),
                (
                    "architecture/classification-head.md",
                    "分类头",
                    "dropout 加一个线性层：logits `{logits}`",
                ),
                (
                    "architecture/parameters.md",
                    "参数量",
                    ("`BertModel` 共 {parameters} 个，分类头另有 {head} 个"),
                ),
            ],
            "quotes": (
                "“",
                "”",
                " 和 ",
            ),
        },
        "corrections": {
            "title": "更正",
            "headings": (
                "笔记原文",
                "更正",
                "证明",
            ),
            "colon": "：",
        },
    },
}
