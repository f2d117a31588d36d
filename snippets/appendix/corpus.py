"""Appendix A1: the 20 Newsgroups corpus (or an offline stand-in of its shape), tokenized."""

# --8<-- [start:corpus]
import ast
from pathlib import Path

import matplotlib
import numpy as np
from huggingface_hub import constants

STAND_IN = ["artist", "axis", "axes._axes", "axes._base", "figure", "pyplot", "colors", "scale",
            "collections", "lines", "patches", "text", "transforms", "ticker", "dates", "legend",
            "image", "contour", "backend_bases", "font_manager"]  # 20 modules, 20 categories


def load_corpus():
    """20 Newsgroups through scikit-learn; in offline mode (HF_HUB_OFFLINE=1), the stand-in."""
    if not constants.HF_HUB_OFFLINE:
        from sklearn.datasets import fetch_20newsgroups  # downloads the corpus on first use

        bunch = fetch_20newsgroups(subset="all", remove=("headers", "footers", "quotes"))
        return "20 Newsgroups", bunch.data, bunch.target, bunch.target_names
    data, target = [], []  # the stand-in: every docstring is a document, its module its category
    for label, module in enumerate(STAND_IN):
        path = Path(matplotlib.__file__).parent / (module.replace(".", "/") + ".py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            defines = isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
            if defines and (docstring := ast.get_docstring(node)):
                data.append(docstring)
                target.append(label)
    return "stand-in", data, np.array(target), [f"matplotlib.{module}" for module in STAND_IN]


corpus, data, target, target_names = load_corpus()
print(f"{corpus}:", len(data), target.shape, len(target_names))
#> stand-in: 1947 (1947,) 20
# --8<-- [end:corpus]

# --8<-- [start:lengths]
# needs data from the block above
import numpy as np
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
limit = tokenizer.model_max_length
# verbose=False: no warning for documents over the limit, they are counted below
lengths = np.array([len(ids) for ids in tokenizer(data, verbose=False)["input_ids"]])
print(f"tokens per document: median {np.median(lengths):.0f}, max {lengths.max()}")
#> tokens per document: median 42, max 2553
over = lengths > limit
print(f"{over.sum()} of {len(data)} documents ({over.mean():.2%}) are over {limit} tokens")
#> 82 of 1947 documents (4.21%) are over 512 tokens
# --8<-- [end:lengths]

real = corpus == "20 Newsgroups"
if not real:  # the stand-in the block builds is the one this site's package builds
    from tensornotes.standins import newsgroups_stand_in

    expected = newsgroups_stand_in()
    assert data == expected[0] and (target == expected[1]).all() and target_names == expected[2]

# the same corpus, truncated, then cut into overlapping windows
truncated = tokenizer(data, truncation=True, max_length=limit)
kept = np.array([len(ids) for ids in truncated["input_ids"]])
print(f"after truncation: max {kept.max()}, {(lengths - kept).sum()} tokens dropped")
#> after truncation: max 512, 34304 tokens dropped

stride = 128  # tokens that consecutive windows share
windows = tokenizer(
    data, truncation=True, max_length=limit, stride=stride, return_overflowing_tokens=True
)
per_document = np.bincount(windows["overflow_to_sample_mapping"])
print(f"{len(windows['input_ids'])} windows, up to {per_document.max()} for one document")
#> 2087 windows, up to 7 for one document
print(f"a window: up to {limit - 2} text tokens, {stride} shared, {limit - 2 - stride} new")
#> a window: up to 510 text tokens, 128 shared, 382 new

# every window holds at most 510 text tokens; consecutive ones share `stride` of them
step = limit - 2 - stride
for n, length in zip(per_document, lengths, strict=True):
    assert n == 1 + max(0, -(-(length - limit) // step))
ids, mapping = windows["input_ids"], windows["overflow_to_sample_mapping"]
for i in range(1, len(ids)):
    if mapping[i] == mapping[i - 1]:
        assert ids[i - 1][1:-1][-stride:] == ids[i][1:-1][:stride]
if not real:  # the stand-in's longest document is the docstring of Axes.plot
    longest = lengths.argmax()
    assert target_names[target[longest]] == "matplotlib.axes._axes"
    assert data[longest].startswith("Plot y versus x as lines and/or markers.")
assert kept.max() == limit and (lengths - kept).sum() == (lengths - limit).clip(0).sum()


# why a stride: the context a token gets on its poorer side, in the best window that holds it
def poorest_context(document, stride):
    text_ids = tokenizer(document, add_special_tokens=False, verbose=False)["input_ids"]
    cut = tokenizer(document, truncation=True, max_length=limit, stride=stride,
                    return_overflowing_tokens=True)["input_ids"]
    size, step = limit - 2, limit - 2 - stride
    for i, window in enumerate(cut):  # window i holds text tokens i * step onwards
        assert window[1:-1] == text_ids[i * step : i * step + size]
    best = [max(min(t - i * step, min(i * step + size, len(text_ids)) - 1 - t)
                for i in range(len(cut)) if i * step <= t < i * step + size)
            for t in range(len(text_ids))]
    away = stride // 2  # tokens this close to the document's own ends cannot have more
    return len(cut), min(best[away : len(text_ids) - away])


longest_document = data[lengths.argmax()]
for shared in (0, stride):
    n, context = poorest_context(longest_document, shared)
    print(f"stride={shared}: {n} windows; every token {stride // 2} or more from the document's "
          f"ends has {context} or more tokens of context on each side in one of its windows")
    #> stride=0: 6 windows; every token 64 or more from the document's ends has 0 or more tokens of context on each side in one of its windows
    #> stride=128: 7 windows; every token 64 or more from the document's ends has 64 or more tokens of context on each side in one of its windows

# --8<-- [start:windows]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
texts = ["Long documents are cut into windows that overlap, so a token near a cut has context.",
         "A short one."]
truncated = tokenizer(texts, truncation=True, max_length=12)
print(" ".join(tokenizer.convert_ids_to_tokens(truncated["input_ids"][0])))
#> [CLS] long documents are cut into windows that overlap , so [SEP]
windows = tokenizer(texts, truncation=True, max_length=12, stride=4, return_overflowing_tokens=True)
print(windows["overflow_to_sample_mapping"], max(len(ids) for ids in windows["input_ids"]))
#> [0, 0, 0, 1] 12
for ids in windows["input_ids"]:
    print(" ".join(tokenizer.convert_ids_to_tokens(ids)))
    #> [CLS] long documents are cut into windows that overlap , so [SEP]
    #> [CLS] that overlap , so a token near a cut has [SEP]
    #> [CLS] near a cut has context . [SEP]
    #> [CLS] a short one . [SEP]
# --8<-- [end:windows]

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from tensornotes.figures import LANGUAGES, chart_style, save_svg

LABELS = {
    "en": {"bars": "documents", "limit": f"{limit} tokens: {over.mean():.2%} of documents beyond",
           "x": "tokens per document (bert-base-uncased, with [CLS] and [SEP])", "y": "documents",
           "real": f"20 Newsgroups: {len(data)} posts",
           "stand-in": f"Stand-in corpus: {len(data)} docstrings of 20 matplotlib modules"},
    "zh": {"bars": "文档", "limit": f"{limit} 个 token：{over.mean():.2%} 的文档超出",
           "x": "每篇文档的 token 数（bert-base-uncased，含 [CLS] 和 [SEP]）", "y": "文档数",
           "real": f"20 Newsgroups：{len(data)} 篇帖子",
           "stand-in": f"替代语料：20 个 matplotlib 模块的 {len(data)} 个 docstring"},
}
name = "appendix-corpus-token-lengths" + ("-real" if real else "")  # online: a chart beside ours
for lang in LANGUAGES:
    text = LABELS[lang]
    with chart_style(lang):
        fig, ax = plt.subplots(figsize=(7, 3.5))
        bins = np.geomspace(lengths.min(), lengths.max() + 1, 40)
        ax.hist(lengths, bins=bins, color="#3f51b5", label=text["bars"])
        ax.set_xscale("log")
        ax.axvline(limit, color="#c62828", linestyle="--", label=text["limit"])
        ax.set_xlabel(text["x"])
        ax.set_ylabel(text["y"])
        ax.set_title(text["real" if real else "stand-in"])
        ax.legend(loc="upper left", fontsize="small")
        fig.tight_layout()
        save_svg(fig, name, lang)
        plt.close(fig)
