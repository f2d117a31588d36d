"""Padding and truncation: every option on one batch, pairs, and dynamic padding."""

# --8<-- [start:table-padding]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
texts = [
    "Short.",
    "A sentence of medium length.",
    "A longer sentence that goes on for a while.",
]
calls = [
    {},
    {"padding": True},
    {"padding": "longest"},
    {"padding": "max_length", "max_length": 16},
    {"padding": "max_length"},
    {"padding": True, "pad_to_multiple_of": 8},
    {"pad_to_multiple_of": 8},
]
print(f"{'arguments':<43} lengths")
#> arguments                                   lengths
for kwargs in calls:
    arguments = ", ".join(f"{key}={value!r}" for key, value in kwargs.items())
    lengths = [len(ids) for ids in tokenizer(texts, **kwargs)["input_ids"]]
    print(f"{arguments or '(none)':<43} {lengths}")
    #> (none)                                      [4, 8, 12]
    #> padding=True                                [12, 12, 12]
    #> padding='longest'                           [12, 12, 12]
    #> padding='max_length', max_length=16         [16, 16, 16]
    #> padding='max_length'                        [512, 512, 512]
    #> padding=True, pad_to_multiple_of=8          [16, 16, 16]
    #> pad_to_multiple_of=8                        [4, 8, 12]
print("model_max_length:", tokenizer.model_max_length)
#> model_max_length: 512
# --8<-- [end:table-padding]

# pad_to_multiple_of acts only with padding on; its docstrings give the reason for it
from transformers import PreTrainedModel

assert tokenizer(texts, pad_to_multiple_of=8)["input_ids"] == tokenizer(texts)["input_ids"]
assert "Tensor Cores" in type(tokenizer).__call__.__doc__
resize_doc = PreTrainedModel.resize_token_embeddings.__doc__
assert "Tensor Cores" in resize_doc and "TPUs" in resize_doc and "multiple of 128" in resize_doc

# --8<-- [start:table-truncation]
# needs tokenizer, texts from the block above
import warnings

calls = [
    {"truncation": True, "max_length": 8},
    {"truncation": True},
    {"max_length": 8},
    {"padding": True, "max_length": 8},
    {"padding": True, "truncation": True, "max_length": 8},
    {"padding": "max_length", "truncation": True, "max_length": 16},
]
print(f"{'arguments':<53} lengths")
#> arguments                                             lengths
for kwargs in calls:
    arguments = ", ".join(f"{key}={value!r}" for key, value in kwargs.items())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        lengths = [len(ids) for ids in tokenizer(texts, **kwargs)["input_ids"]]
    print(f"{arguments:<53} {lengths}", "(warns)" if caught else "")
    #> truncation=True, max_length=8                         [4, 8, 8]
    #> truncation=True                                       [4, 8, 12]
    #> max_length=8                                          [4, 8, 8]
    #> padding=True, max_length=8                            [12, 12, 12] (warns)
    #> padding=True, truncation=True, max_length=8           [8, 8, 8]
    #> padding='max_length', truncation=True, max_length=16  [16, 16, 16]
# --8<-- [end:table-truncation]

# --8<-- [start:max-length-none]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
long_text = " ".join(["word"] * 600)
print(len(long_text.split()), len(tokenizer(long_text)["input_ids"]))
#> 600 602
print(len(tokenizer(long_text, truncation=True)["input_ids"]))  # max_length=None
#> 512
print(len(tokenizer("Short.", padding="max_length")["input_ids"]))  # max_length=None
#> 512
# a tokenizer without a length limit: truncation=True cuts nothing,
# padding="max_length" pads nothing
unlimited = AutoTokenizer.from_pretrained(
    "google-bert/bert-base-uncased", model_max_length=int(1e30)
)
print(len(unlimited(long_text, truncation=True)["input_ids"]))
#> 602
print(len(unlimited("Short.", padding="max_length")["input_ids"]))
#> 4
# --8<-- [end:max-length-none]

# without a length limit, padding="max_length" leaves a text as it is
assert unlimited("Short.", padding="max_length") == unlimited("Short.")

# --8<-- [start:max-length-alone]
import textwrap
import warnings

from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
texts = [
    "Short.",
    "A sentence of medium length.",
    "A longer sentence that goes on for a while.",
]
# max_length alone turns truncation on (longest_first), for backward compatibility
print(tokenizer(texts, max_length=8).tokens(2))
#> ['[CLS]', 'a', 'longer', 'sentence', 'that', 'goes', 'on', '[SEP]']
# with padding=True and no truncation, max_length is ignored, with a warning
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    tokenizer(texts, padding=True, max_length=8)
print(textwrap.fill(str(caught[0].message), 80))
#> `max_length` is ignored when `padding`=`True` and there is no truncation
#> strategy. To pad to max length, use `padding='max_length'`.
# padding, truncation and pad_to_multiple_of must agree
try:
    tokenizer(texts, padding=True, truncation=True, max_length=12, pad_to_multiple_of=8)
except ValueError as error:
    print(textwrap.fill(f"ValueError: {error}", 80))
    #> ValueError: Truncation and padding are both activated but truncation length (12)
    #> is not a multiple of pad_to_multiple_of (8).
# without padding the check is skipped: nothing is rounded up
batch = tokenizer(texts, truncation=True, max_length=12, pad_to_multiple_of=8)
print([len(ids) for ids in batch["input_ids"]])
#> [4, 8, 12]
# --8<-- [end:max-length-alone]

# --8<-- [start:pairs]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
first = "one two three four five six seven eight"
second = "alpha beta gamma delta epsilon"
added = tokenizer.num_special_tokens_to_add(pair=True)  # [CLS], [SEP], [SEP]
print(len(tokenizer(first, second)["input_ids"]), added)
#> 16 3
for strategy in [True, "longest_first", "only_first", "only_second"]:
    tokens = tokenizer(first, second, truncation=strategy, max_length=12).tokens()
    print(f"{strategy!s:>13}", " ".join(tokens))
    #>          True [CLS] one two three four five [SEP] alpha beta gamma delta [SEP]
    #> longest_first [CLS] one two three four five [SEP] alpha beta gamma delta [SEP]
    #>    only_first [CLS] one two three four [SEP] alpha beta gamma delta epsilon [SEP]
    #>   only_second [CLS] one two three four five six seven eight [SEP] alpha [SEP]
# only_second at max_length=10: the second text would have to lose all 5 tokens
try:
    tokenizer(first, second, truncation="only_second", max_length=10)
except Exception as error:  # the Rust backend raises a plain Exception
    caught = error
print(type(caught).__name__)
#> Exception
print(caught)
#> Truncation error: Sequence to truncate too short to respect the provided max_length
# --8<-- [end:pairs]

assert type(caught) is Exception

# --8<-- [start:longest-first]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")


def longest_first(n1, n2, budget):
    """What the Rust backend keeps of two segments of n1 and n2 tokens."""
    if n1 + n2 <= budget:
        return n1, n2
    shorter = min(n1, n2)
    if shorter <= budget // 2:  # the shorter fits in half: only the longer is cut
        keep_short, keep_long = shorter, budget - shorter
    else:  # both cut to half; the longer (the second, on a tie) keeps the odd token
        keep_short, keep_long = budget // 2, budget - budget // 2
    return (keep_long, keep_short) if n1 > n2 else (keep_short, keep_long)


def one_at_a_time(n1, n2, budget):
    """Drop one token at a time from the longer segment (the second, on a tie)."""
    while n1 + n2 > budget:
        n1, n2 = (n1 - 1, n2) if n1 > n2 else (n1, n2 - 1)
    return n1, n2


print("tokens   max_length  budget  kept    rule    one at a time")
#> tokens   max_length  budget  kept    rule    one at a time
for n1, n2, max_length in [(8, 5, 12), (9, 2, 10), (6, 6, 10), (5, 8, 10)]:
    budget = max_length - tokenizer.num_special_tokens_to_add(pair=True)
    pair = tokenizer("word " * n1, "word " * n2, truncation=True, max_length=max_length)
    kept = (pair.sequence_ids().count(0), pair.sequence_ids().count(1))
    rule, loop = longest_first(n1, n2, budget), one_at_a_time(n1, n2, budget)
    print(f"{(n1, n2)!s:<9}{max_length:>10}{budget:>8}  {kept!s:<8}{rule!s:<8}{loop}")
    #> (8, 5)           12       9  (5, 4)  (5, 4)  (5, 4)
    #> (9, 2)           10       7  (5, 2)  (5, 2)  (5, 2)
    #> (6, 6)           10       7  (3, 4)  (3, 4)  (4, 3)
    #> (5, 8)           10       7  (3, 4)  (3, 4)  (4, 3)
# --8<-- [end:longest-first]

# the rule holds for every pair of lengths; one token at a time differs, e.g. on the tie
special = tokenizer.num_special_tokens_to_add(pair=True)
assert special == 3


def kept_by(strategy, n1, n2, max_length):
    encoding = tokenizer("word " * n1, "word " * n2, truncation=strategy,
                         max_length=max_length)
    return encoding.sequence_ids().count(0), encoding.sequence_ids().count(1)


assert kept_by(True, 6, 6, 10) == (3, 4) and one_at_a_time(6, 6, 10 - special) == (4, 3)
for n1 in range(1, 12):
    for n2 in range(1, 12):
        for max_length in range(5, 24):
            budget = max_length - special
            assert kept_by(True, n1, n2, max_length) == longest_first(n1, n2, budget)
            same = kept_by("longest_first", n1, n2, max_length)
            assert same == kept_by(True, n1, n2, max_length)
            # only_first / only_second: cut that text alone; fail if it keeps no token
            for strategy, index in [("only_first", 0), ("only_second", 1)]:
                lengths = [n1, n2]
                excess = n1 + n2 - budget
                if excess > 0:
                    lengths[index] -= excess
                try:
                    result = kept_by(strategy, n1, n2, max_length)
                except Exception as error:
                    assert type(error) is Exception and lengths[index] <= 0, (n1, n2)
                else:
                    assert lengths[index] > 0 and result == tuple(lengths), (n1, n2)

# --8<-- [start:collator]
from transformers import AutoTokenizer, DataCollatorWithPadding

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
texts = [
    "Short.",
    "Hi!",
    "A sentence of medium length.",
    "A longer sentence that goes on for a while.",
]
features = [tokenizer(text) for text in texts]  # no padding when tokenizing
collator = DataCollatorWithPadding(tokenizer)  # padding=True, return_tensors="pt"
for batch in [features[:2], features[2:]]:  # two batches of a DataLoader
    padded = collator(batch)
    rows = ["".join(map(str, row)) for row in padded["attention_mask"].tolist()]
    print(tuple(padded["input_ids"].shape), "attention_mask rows:", rows)
    #> (2, 4) attention_mask rows: ['1111', '1111']
    #> (2, 12) attention_mask rows: ['111111110000', '111111111111']
collator = DataCollatorWithPadding(tokenizer, pad_to_multiple_of=8)
print(tuple(collator(features[2:])["input_ids"].shape))
#> (2, 16)
# --8<-- [end:collator]
