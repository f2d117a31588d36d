"""Alignment: offsets, word ids, special tokens, NER labels and question-answering windows."""

# --8<-- [start:offsets]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
text = "Héllo, Tokenizers!"
encoding = tokenizer(text, return_offsets_mapping=True)
for token, (start, end) in zip(encoding.tokens(), encoding["offset_mapping"], strict=True):
    print(f"{token:>7} ({start:2}, {end:2}) {text[start:end]!r}")
    #>   [CLS] ( 0,  0) ''
    #>   hello ( 0,  5) 'Héllo'
    #>       , ( 5,  6) ','
    #>   token ( 7, 12) 'Token'
    #>  ##izer (12, 16) 'izer'
    #>     ##s (16, 17) 's'
    #>       ! (17, 18) '!'
    #>   [SEP] ( 0,  0) ''
# --8<-- [end:offsets]

# --8<-- [start:word-ids]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
encoding = tokenizer("Héllo, Tokenizers!", "They split words.")
print(encoding.tokens())
#> ['[CLS]', 'hello', ',', 'token', '##izer', '##s', '!', '[SEP]', 'they', 'split', 'words', '.', '[SEP]']
print(encoding.word_ids())  # word index inside its own text
#> [None, 0, 1, 2, 2, 2, 3, None, 0, 1, 2, 3, None]
print(encoding.sequence_ids())  # which text: 0, 1, or None for a special token
#> [None, 0, 0, 0, 0, 0, 0, None, 1, 1, 1, 1, None]
# the same mapping, in both directions
print(encoding.word_to_tokens(2), encoding.token_to_word(4), encoding.char_to_token(9))
#> TokenSpan(start=3, end=6) 2 3
# --8<-- [end:word-ids]

# --8<-- [start:special-tokens-mask]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
texts = ["Hi [SEP] there.", "A longer sentence here."]
batch = tokenizer(texts, padding=True, return_special_tokens_mask=True)
for i in range(2):
    print(batch.tokens(i), batch["special_tokens_mask"][i], sep="\n")
    #> ['[CLS]', 'hi', '[SEP]', 'there', '.', '[SEP]', '[PAD]']
    #> [1, 0, 0, 0, 0, 1, 1]
    #> ['[CLS]', 'a', 'longer', 'sentence', 'here', '.', '[SEP]']
    #> [1, 0, 0, 0, 0, 0, 1]
# --8<-- [end:special-tokens-mask]

assert batch["special_tokens_mask"][0][2] == 0 and batch.tokens(0)[2] == "[SEP]"

# --8<-- [start:split-into-words]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
encoding = tokenizer(["New York", "City"], is_split_into_words=True)
print(encoding.tokens())  # the pre-tokenizer still splits inside an item
#> ['[CLS]', 'new', 'york', 'city', '[SEP]']
print(encoding.word_ids())  # but each item is one word
#> [None, 0, 0, 1, None]
# --8<-- [end:split-into-words]

assert encoding.tokens() == tokenizer("New York City").tokens()
assert encoding.word_ids() == [None, 0, 0, 1, None]

# --8<-- [start:ner-labels]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
words = ["Ada", "Lovelace", "visited", "Tokenizersville", "."]
tags = ["B-PER", "I-PER", "O", "B-LOC", "O"]
label_id = {"O": 0, "B-PER": 1, "I-PER": 2, "B-LOC": 3}
encoding = tokenizer(words, is_split_into_words=True)

labels, previous = [], None
for word in encoding.word_ids():
    if word is None or word == previous:
        labels.append(-100)  # special token, or not the first piece of a word
    else:
        labels.append(label_id[tags[word]])
    previous = word
for token, word, label in zip(encoding.tokens(), encoding.word_ids(), labels, strict=True):
    print(f"{token:>9} {word!s:>4} {label:>4}")
    #>     [CLS] None -100
    #>       ada    0    1
    #>      love    1    2
    #>    ##lace    1 -100
    #>   visited    2    0
    #>     token    3    3
    #>    ##izer    3 -100
    #>  ##sville    3 -100
    #>         .    4    0
    #>     [SEP] None -100
# --8<-- [end:ner-labels]

# --8<-- [start:ner-all-tokens]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
words = ["Ada", "Lovelace", "visited", "Tokenizersville", "."]
tags = ["B-PER", "I-PER", "O", "B-LOC", "O"]
encoding = tokenizer(words, is_split_into_words=True)

# label_all_tokens: a continuation piece gets the I- tag of its word's entity
labels, previous = [], None
for word in encoding.word_ids():
    if word is None:
        labels.append(-100)
    elif word == previous:
        labels.append(tags[word].replace("B-", "I-"))
    else:
        labels.append(tags[word])
    previous = word
for token, label in zip(encoding.tokens(), labels, strict=True):
    print(f"{token:>9} {label}")
    #>     [CLS] -100
    #>       ada B-PER
    #>      love I-PER
    #>    ##lace I-PER
    #>   visited O
    #>     token B-LOC
    #>    ##izer I-LOC
    #>  ##sville I-LOC
    #>         . O
    #>     [SEP] -100
# --8<-- [end:ner-all-tokens]


def entities(bio):
    """(type, first token, end token) of each entity a BIO sequence marks."""
    found = []
    for k, tag in enumerate(bio):
        if not isinstance(tag, str) or tag == "O":
            continue
        kind = tag[2:]
        if tag.startswith("B-") or not found or found[-1][0] != kind or found[-1][2] != k:
            found.append([kind, k, k + 1])
        else:
            found[-1][2] = k + 1
    return [tuple(entity) for entity in found]


# I- on the continuation pieces: still one PER and one LOC entity
assert entities(labels) == [("PER", 1, 4), ("LOC", 5, 8)]
# a copy of B-LOC on every piece would start three LOC entities
copied = [tags[w] if w is not None else -100 for w in encoding.word_ids()]
assert [e[0] for e in entities(copied)] == ["PER", "LOC", "LOC", "LOC"]

# --8<-- [start:ignore-index]
import torch

torch.manual_seed(0)
labels = torch.tensor([-100, 1, 2, -100, 0, 3, -100, -100, 0, -100])
logits = torch.randn(len(labels), 4)  # one score per tag, for each token
loss = torch.nn.CrossEntropyLoss()  # ignore_index=-100 by default
kept = labels != -100
print(loss.ignore_index, len(labels), int(kept.sum()))
#> -100 10 5
print(torch.allclose(loss(logits, labels), loss(logits[kept], labels[kept])))
#> True
# --8<-- [end:ignore-index]

# --8<-- [start:qa-windows]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
question = "Where did Ada meet Babbage?"
context = (
    "Ada Lovelace was born in London in 1815. She studied mathematics with "
    "tutors at home. In 1833 she met Charles Babbage at a party in London, "
    "and later wrote notes on his Analytical Engine."
)
windows = tokenizer(
    question, context, truncation="only_second", max_length=32, stride=8,
    return_overflowing_tokens=True, return_offsets_mapping=True,
)
print(len(tokenizer(question, context)["input_ids"]), len(windows["input_ids"]))
#> 53 3
print(windows["overflow_to_sample_mapping"])  # which example each window came from
#> [0, 0, 0]
for i in range(len(windows["input_ids"])):
    context_tokens = [t for t, s in zip(windows.tokens(i), windows.sequence_ids(i), strict=True) if s == 1]
    print(i, len(windows["input_ids"][i]), " ".join(context_tokens))
    #> 0 32 ada love ##lace was born in london in 1815 . she studied mathematics with tutor ##s at home . in 1833
    #> 1 32 with tutor ##s at home . in 1833 she met charles ba ##bba ##ge at a party in london , and
    #> 2 27 ##ge at a party in london , and later wrote notes on his analytical engine .
# --8<-- [end:qa-windows]

# consecutive windows share exactly `stride` context tokens
for i in range(len(windows["input_ids"]) - 1):
    this, following = (
        [t for t, s in zip(windows.tokens(k), windows.sequence_ids(k), strict=True) if s == 1] for k in (i, i + 1)
    )
    assert this[-8:] == following[:8] and this[-9:] != following[:9]

import itertools

# an answer cut by a window's end is whole in the next window exactly when it
# starts within the window's last `stride` tokens (so always when it has <= stride tokens)
stride = 8
full = tokenizer(context, add_special_tokens=False, return_offsets_mapping=True)["offset_mapping"]


def context_tokens(i):
    """Indices, in the context alone, of window i's context tokens."""
    inside = [k for k, s in enumerate(windows.sequence_ids(i)) if s == 1]
    return [full.index(tuple(windows["offset_mapping"][i][k])) for k in inside]


spans = [context_tokens(i) for i in range(len(windows["input_ids"]))]
for this, following in itertools.pairwise(spans):
    window_end = full[this[-1]][1]  # the window's last character
    next_start, next_end = full[following[0]][0], full[following[-1]][1]
    for a in range(len(full)):
        for b in range(a, len(full)):
            start_char, end_char = full[a][0], full[b][1]
            if not start_char < window_end < end_char:
                continue  # not cut by this window's end
            whole_next = next_start <= start_char and end_char <= next_end
            if b - a + 1 <= stride:
                assert whole_next
            if b <= following[-1]:
                assert whole_next == (a > this[-1] - stride)

# --8<-- [start:qa-labels]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
question = "Where did Ada meet Babbage?"
context = (
    "Ada Lovelace was born in London in 1815. She studied mathematics with "
    "tutors at home. In 1833 she met Charles Babbage at a party in London, "
    "and later wrote notes on his Analytical Engine."
)
answer_start = context.index("at a party in London")
answer_end = answer_start + len("at a party in London")
windows = tokenizer(
    question, context, truncation="only_second", max_length=32, stride=8,
    return_overflowing_tokens=True, return_offsets_mapping=True,
)
for i, offsets in enumerate(windows["offset_mapping"]):
    inside = [k for k, s in enumerate(windows.sequence_ids(i)) if s == 1]
    if offsets[inside[0]][0] > answer_start or offsets[inside[-1]][1] < answer_end:
        label = "answer not inside: start = end = 0, the [CLS] token"
    else:
        start = next(k for k in inside if offsets[k][0] >= answer_start)
        end = next(k for k in reversed(inside) if offsets[k][1] <= answer_end)
        label = f"{start} {end} {context[offsets[start][0] : offsets[end][1]]!r}"
    print(i, label)
    #> 0 answer not inside: start = end = 0, the [CLS] token
    #> 1 24 28 'at a party in London'
    #> 2 11 15 'at a party in London'
# --8<-- [end:qa-labels]
