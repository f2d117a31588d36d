"""Padding and truncation at a glance: every option on the same batch, and dynamic padding."""

# --8<-- [start:table]
import warnings

from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
texts = ["Short.", "A sentence of medium length.", "A longer sentence that goes on for a while."]
calls = [
    {},
    {"padding": True},
    {"padding": "longest"},
    {"padding": "max_length", "max_length": 16},
    {"padding": "max_length"},
    {"padding": True, "pad_to_multiple_of": 8},
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
    print(f"{arguments or '(none)':<53} {lengths}", "(warns)" if caught else "")
    #> (none)                                                [4, 8, 12]
    #> padding=True                                          [12, 12, 12]
    #> padding='longest'                                     [12, 12, 12]
    #> padding='max_length', max_length=16                   [16, 16, 16]
    #> padding='max_length'                                  [512, 512, 512]
    #> padding=True, pad_to_multiple_of=8                    [16, 16, 16]
    #> truncation=True, max_length=8                         [4, 8, 8]
    #> truncation=True                                       [4, 8, 12]
    #> max_length=8                                          [4, 8, 8]
    #> padding=True, max_length=8                            [12, 12, 12] (warns)
    #> padding=True, truncation=True, max_length=8           [8, 8, 8]
    #> padding='max_length', truncation=True, max_length=16  [16, 16, 16]
print("model_max_length:", tokenizer.model_max_length)
#> model_max_length: 512
# --8<-- [end:table]

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
# a tokenizer without a length limit: truncation=True then cuts nothing
unlimited = AutoTokenizer.from_pretrained(
    "google-bert/bert-base-uncased", model_max_length=int(1e30)
)
print(len(unlimited(long_text, truncation=True)["input_ids"]))
#> 602
# --8<-- [end:max-length-none]

# --8<-- [start:max-length-alone]
import warnings

from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
texts = ["Short.", "A sentence of medium length.", "A longer sentence that goes on for a while."]
# max_length alone turns truncation on (longest_first), for backward compatibility
print(tokenizer(texts, max_length=8).tokens(2))
#> ['[CLS]', 'a', 'longer', 'sentence', 'that', 'goes', 'on', '[SEP]']
# with padding=True and no truncation, max_length is ignored, with a warning
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    tokenizer(texts, padding=True, max_length=8)
print(caught[0].message)
#> `max_length` is ignored when `padding`=`True` and there is no truncation strategy. To pad to max length, use `padding='max_length'`.
# truncation and pad_to_multiple_of must agree
try:
    tokenizer(texts, padding=True, truncation=True, max_length=12, pad_to_multiple_of=8)
except ValueError as error:
    print(f"ValueError: {error}")
    #> ValueError: Truncation and padding are both activated but truncation length (12) is not a multiple of pad_to_multiple_of (8).
# --8<-- [end:max-length-alone]

# --8<-- [start:pairs]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
first = "one two three four five six seven eight"
second = "alpha beta gamma delta epsilon"
print(f"{'truncation':<20} first second total")
#> truncation           first second total
for strategy in [False, True, "longest_first", "only_first", "only_second"]:
    try:
        segments = tokenizer(first, second, truncation=strategy, max_length=10).sequence_ids()
        result = f"{segments.count(0):>5} {segments.count(1):>6} {len(segments):>5}"
    except Exception as error:  # the Rust backend raises a plain Exception
        result = str(error)
    print(f"{strategy!r:<20} {result}")
    #> False                    8      5    16
    #> True                     4      3    10
    #> 'longest_first'          4      3    10
    #> 'only_first'             2      5    10
    #> 'only_second'        Truncation error: Sequence to truncate too short to respect the provided max_length
# --8<-- [end:pairs]

try:
    tokenizer(first, second, truncation="only_second", max_length=10)
    raise AssertionError("only_second did not fail")
except Exception as error:
    assert type(error) is Exception, type(error)

# --8<-- [start:collator]
from transformers import AutoTokenizer, DataCollatorWithPadding

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
texts = ["Short.", "Hi!", "A sentence of medium length.", "A longer sentence that goes on for a while."]
features = [tokenizer(text) for text in texts]  # no padding when tokenizing
collator = DataCollatorWithPadding(tokenizer)  # padding=True, return_tensors="pt"
for batch in [features[:2], features[2:]]:  # two batches of a DataLoader
    padded = collator(batch)
    print(tuple(padded["input_ids"].shape), padded["attention_mask"].tolist())
    #> (2, 4) [[1, 1, 1, 1], [1, 1, 1, 1]]
    #> (2, 12) [[1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]]
collator = DataCollatorWithPadding(tokenizer, pad_to_multiple_of=8)
print(tuple(collator(features[2:])["input_ids"].shape))
#> (2, 16)
# --8<-- [end:collator]
