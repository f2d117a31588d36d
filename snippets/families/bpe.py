"""BPE training from word counts, rebuilt and checked against tokenizers' BpeTrainer."""

# --8<-- [start:trainer]
from collections import Counter
from itertools import pairwise


def train_bpe(word_counts, vocab_size, min_frequency=0, special_tokens=()):
    """Return the vocab (token -> id) and each merge as (pair, count, pairs tied at that count)."""
    vocab = {}
    for token in [*special_tokens, *sorted({char for word in word_counts for char in word})]:
        vocab.setdefault(token, len(vocab))  # special tokens, then characters by code point
    words = [list(word) for word in word_counts]  # every word starts as its characters
    counts = list(word_counts.values())
    pairs, where = Counter(), {}  # pair -> occurrences (word counts added up); pair -> words
    for i, word in enumerate(words):
        for pair in pairwise(word):
            pairs[pair] += counts[i]
            where.setdefault(pair, set()).add(i)
    history = []
    while len(vocab) < vocab_size and pairs:
        top = max(pairs.values())
        if top < min_frequency:
            break
        tied = sorted((pair for pair, count in pairs.items() if count == top),
                      key=lambda pair: (vocab[pair[0]], vocab[pair[1]]))
        best = tied[0]  # among equal counts, the pair with the smallest (left id, right id)
        history.append((best, top, tied))
        vocab.setdefault(best[0] + best[1], len(vocab))  # a new id, unless the token exists
        for i in where.pop(best):
            old, new, j = words[i], [], 0
            while j < len(old):  # left to right, without overlaps: a a a -> aa a
                if old[j : j + 2] == list(best):
                    new.append(best[0] + best[1])
                    j += 2
                else:
                    new.append(old[j])
                    j += 1
            for pair in pairwise(old):  # take the word's old pairs out ...
                pairs[pair] -= counts[i]
                if pairs[pair] == 0:
                    del pairs[pair]
            for pair in pairwise(new):  # ... and put its new ones in
                pairs[pair] += counts[i]
                where.setdefault(pair, set()).add(i)
            words[i] = new
    return vocab, history
# --8<-- [end:trainer]

# --8<-- [start:toy]
# needs train_bpe from the block above
import json

from tokenizers import Tokenizer, models, pre_tokenizers, trainers

word_counts = {"hug": 10, "pug": 5, "pun": 12, "bun": 4, "hugs": 5}
vocab, history = train_bpe(word_counts, vocab_size=100, min_frequency=5)
print(vocab)
#> {'b': 0, 'g': 1, 'h': 2, 'n': 3, 'p': 4, 's': 5, 'u': 6, 'ug': 7, 'un': 8, 'hug': 9, 'pun': 10, 'pug': 11, 'hugs': 12}
for step, (pair, count, tied) in enumerate(history, 1):
    ids = [(vocab[left], vocab[right]) for left, right in tied]
    print(step, pair, count, *([f"tied: {tied} with ids {ids}"] if len(tied) > 1 else []))
    #> 1 ('u', 'g') 20
    #> 2 ('u', 'n') 16
    #> 3 ('h', 'ug') 15
    #> 4 ('p', 'un') 12
    #> 5 ('p', 'ug') 5 tied: [('p', 'ug'), ('hug', 's')] with ids [(4, 7), (9, 5)]
    #> 6 ('hug', 's') 5
# the real trainer, on a text holding each word as often as it is counted
tokenizer = Tokenizer(models.BPE())
tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
text = " ".join(word for word, count in word_counts.items() for _ in range(count))
tokenizer.train_from_iterator([text], trainers.BpeTrainer(
    vocab_size=100, min_frequency=5, show_progress=False))
model = json.loads(tokenizer.to_str())["model"]
print(model["merges"] == [list(pair) for pair, _, _ in history], model["vocab"] == vocab)
#> True True
# --8<-- [end:toy]

assert model["merges"] == [list(pair) for pair, _, _ in history] and model["vocab"] == vocab
assert [pair for pair, _, _ in history][4] == ("p", "ug") and ("hug", "s") < ("p", "ug")
assert ("b", "un") not in [tuple(pair) for pair in model["merges"]]  # count 4 < min_frequency 5
assert len(vocab) < 100  # min_frequency stopped it, not vocab_size


def recount(word_counts, steps, pick):
    """A course-style trainer: recount every pair at each step, merge the pair pick() chooses."""
    words, picked = {word: list(word) for word in word_counts}, []
    for _ in range(steps):
        pairs = Counter()
        for word, count in word_counts.items():
            for pair in pairwise(words[word]):
                pairs[pair] += count
        picked.append(best := pick(pairs))
        for word, old in words.items():
            new, j = [], 0
            while j < len(old):  # left to right, without overlaps, as in train_bpe
                merge = tuple(old[j : j + 2]) == best
                new.append(old[j] + old[j + 1] if merge else old[j])
                j += 2 if merge else 1
            words[word] = new
    return picked


# string order merges hug s at step 5; the pair counted first agrees with tokenizers here only
# because p ug (from pug) is counted before hug s (from hugs)
by_string = recount(word_counts, 5,
                    lambda pairs: min(p for p in pairs if pairs[p] == max(pairs.values())))
first_counted = recount(word_counts, 5, lambda pairs: pairs.most_common(1)[0][0])
assert by_string[4] == ("hug", "s") and first_counted[4] == ("p", "ug")
assert by_string[:4] == first_counted[:4] == [pair for pair, _, _ in history][:4]

# --8<-- [start:corpus]
# needs train_bpe from the block above
import ast
import importlib.util
import json
import re
from collections import Counter
from pathlib import Path

from tokenizers import Tokenizer, models, pre_tokenizers, trainers

package = Path(importlib.util.find_spec("matplotlib").origin).parent
docstrings = []
for module in ["artist", "axis", "axes/_axes", "axes/_base", "figure", "pyplot", "colors", "scale",
               "collections", "lines", "patches", "text", "transforms", "ticker", "dates",
               "legend", "image", "contour", "backend_bases", "font_manager"]:
    for node in ast.walk(ast.parse((package / f"{module}.py").read_text(encoding="utf-8"))):
        defines = isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        if defines and (docstring := ast.get_docstring(node)):
            docstrings.append(docstring)
word_counts = Counter(word for text in docstrings for word in re.findall(r"\w+|[^\w\s]+", text))
print(sum(word_counts.values()), "words,", len(word_counts), "distinct")
#> 161016 words, 6796 distinct
settings = dict(vocab_size=1000, min_frequency=2, special_tokens=["[UNK]", "[PAD]"])
vocab, history = train_bpe(word_counts, **settings)
tokenizer = Tokenizer(models.BPE(unk_token="[UNK]"))
tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()  # cuts text as the regex above does
tokenizer.train_from_iterator(docstrings, trainers.BpeTrainer(**settings, show_progress=False))
model = json.loads(tokenizer.to_str())["model"]
merges = [pair for pair, _, _ in history]
ties = [(pair, tied) for pair, _, tied in history if len(tied) > 1]
print(len(merges), "merges;", len(ties), "broke a tie, and in",
      sum(min(tied) != pair for pair, tied in ties), "of them string order would pick another pair")
#> 885 merges; 475 broke a tie, and in 281 of them string order would pick another pair
print(model["merges"] == [list(pair) for pair in merges], model["vocab"] == vocab)
#> True True
# --8<-- [end:corpus]

assert model["merges"] == [list(pair) for pair in merges] and model["vocab"] == vocab
assert len(vocab) == 1000 == tokenizer.get_vocab_size()
# the count-based word split equals the pre-tokenizer's
assert word_counts == Counter(word for text in docstrings
                              for word, _ in pre_tokenizers.Whitespace().pre_tokenize_str(text))

# --8<-- [start:encode]
# needs merges, vocab, tokenizer from the block above
from itertools import pairwise

rank = {pair: i for i, pair in enumerate(merges)}  # earlier merges first


def encode_word(word):
    parts = [char if char in vocab else "[UNK]" for char in word]
    while True:  # the merge of lowest rank first, the leftmost one among equals
        found = [(rank[pair], i) for i, pair in enumerate(pairwise(parts)) if pair in rank]
        if not found:
            return parts
        _, i = min(found)
        parts[i : i + 2] = [parts[i] + parts[i + 1]]


for word in ["tokenization", "colormaps", "tensors张量"]:
    print(word, encode_word(word), encode_word(word) == tokenizer.encode(word).tokens)
    #> tokenization ['to', 'k', 'en', 'iz', 'ation'] True
    #> colormaps ['colormap', 's'] True
    #> tensors张量 ['t', 'en', 's', 'or', 's', '[UNK]', '[UNK]'] True
# --8<-- [end:encode]

# colormap became one token mostly from the word colormap itself
print(word_counts["colormap"], "colormap,", word_counts["colormaps"], "colormaps")
#> 145 colormap, 47 colormaps
# fuse_unk is off by default: each unknown character is an [UNK] of its own; with it on they fuse
assert models.BPE().fuse_unk is False
fused = Tokenizer(models.BPE(vocab, merges, unk_token="[UNK]", fuse_unk=True))
assert fused.encode("tensors张量").tokens == ["t", "en", "s", "or", "s", "[UNK]"]
# byte_fallback: with the 256 byte tokens <0x00>..<0xFF> in the vocabulary, an unknown character
# becomes its UTF-8 bytes instead of [UNK]
with_bytes = {**vocab, **{f"<0x{byte:02X}>": len(vocab) + byte for byte in range(256)}}
fallback = Tokenizer(models.BPE(with_bytes, merges, unk_token="[UNK]", byte_fallback=True))
assert fallback.encode("tensors张量").tokens == ["t", "en", "s", "or", "s"] + [
    f"<0x{byte:02X}>" for byte in "张量".encode()]

# held out: every distinct word of the source of matplotlib.widgets, a module not trained on
held_out = sorted(set(re.findall(r"\w+|[^\w\s]+", (package / "widgets.py").read_text("utf-8"))))
real = [encoding.tokens for encoding in tokenizer.encode_batch(held_out)]
mismatches = sum(encode_word(word) != tokens for word, tokens in zip(held_out, real, strict=True))
unseen = sum(word not in word_counts for word in held_out)
print(f"{len(held_out)} distinct words of widgets.py ({unseen} never seen in training), "
      f"{mismatches} mismatches")
#> 2036 distinct words of widgets.py (694 never seen in training), 0 mismatches
assert mismatches == 0 and unseen > 100

# a second corpus: jieba's dictionary gives words with counts, the trainer's own input; the real
# trainer gets a text that holds each word count // 1000 times (the 3000 most frequent words)
entries = (Path(importlib.util.find_spec("jieba").origin).parent / "dict.txt").read_text("utf-8")
frequencies = {word: int(count) for word, count, *_ in map(str.split, entries.splitlines())}
chinese = {word: count // 1000 for word, count in sorted(frequencies.items(), key=lambda item:
                                                         (-item[1], item[0]))[:3000]}
assert min(chinese.values()) > 0
vocab, history = train_bpe(chinese, vocab_size=3000, special_tokens=["[UNK]"])
tokenizer = Tokenizer(models.BPE(unk_token="[UNK]"))
tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
tokenizer.train_from_iterator(
    [" ".join([word] * count) for word, count in chinese.items()],
    trainers.BpeTrainer(vocab_size=3000, special_tokens=["[UNK]"], show_progress=False))
model = json.loads(tokenizer.to_str())["model"]
ties = sum(len(tied) > 1 for _, _, tied in history)
print(f"jieba: {len(history)} merges ({ties} broke a tie), the same as the trainer's:",
      model["merges"] == [list(pair) for pair, _, _ in history] and model["vocab"] == vocab)
#> jieba: 1576 merges (1514 broke a tie), the same as the trainer's: True
assert model["merges"] == [list(pair) for pair, _, _ in history] and model["vocab"] == vocab
# Whitespace() keeps a run of Chinese characters whole: on running text a whole clause would be
# one word, which is why this run takes its words from the dictionary
assert [word for word, _ in pre_tokenizers.Whitespace().pre_tokenize_str("这本书很好看。")] == [
    "这本书很好看", "。"]
