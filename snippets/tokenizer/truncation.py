"""Truncating pairs, and a pair past 512 tokens without truncation."""

import logging

# --8<-- [start:strategies]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
first = "one two three four five six seven eight"
second = "alpha beta gamma delta epsilon"
print(len(tokenizer(first, second)["input_ids"]), tokenizer.truncation_side)
#> 16 right
for strategy in ["longest_first", "only_first", "only_second"]:
    encoding = tokenizer(first, second, truncation=strategy, max_length=12)
    tokens = " ".join(encoding.tokens())
    print(f"{strategy:>13}", len(encoding["input_ids"]), tokens)
    #> longest_first 12 [CLS] one two three four five [SEP] alpha beta gamma delta [SEP]
    #>    only_first 12 [CLS] one two three four [SEP] alpha beta gamma delta epsilon [SEP]
    #>   only_second 12 [CLS] one two three four five six seven eight [SEP] alpha [SEP]
# truncation=True is longest_first
encoding = tokenizer(first, second, truncation=True, max_length=12)
print(" ".join(encoding.tokens()))
#> [CLS] one two three four five [SEP] alpha beta gamma delta [SEP]
# --8<-- [end:strategies]

assert tokenizer(first, second, truncation=True, max_length=12).tokens() == tokenizer(
    first, second, truncation="longest_first", max_length=12
).tokens()

# --8<-- [start:beyond-512]
import torch
from transformers import AutoModel, AutoTokenizer

name = "sentence-transformers/all-MiniLM-L6-v2"
tokenizer = AutoTokenizer.from_pretrained(name)
model = AutoModel.from_pretrained(name).eval()
print(tokenizer.model_max_length, model.config.max_position_embeddings)
#> 512 512

long_text = " ".join(["word"] * 590)
second = "A short second sentence."
pair = tokenizer(long_text, second, return_tensors="pt")  # no truncation
print(pair["input_ids"].shape)
#> torch.Size([1, 598])
try:
    with torch.no_grad():
        model(**pair)
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    #> RuntimeError: The size of tensor a (598) must match the size of tensor b (512) at non-singleton dimension 1

# with truncation, the same pair fits
pair = tokenizer(long_text, second, truncation=True, return_tensors="pt")
with torch.no_grad():
    print(pair["input_ids"].shape, model(**pair).last_hidden_state.shape)
    #> torch.Size([1, 512]) torch.Size([1, 512, 384])
# --8<-- [end:beyond-512]


def logged(function, *args, **kwargs):
    """The messages that the transformers logger records while function runs."""
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    logging.getLogger("transformers").addHandler(handler)
    try:
        function(*args, **kwargs)
    finally:
        logging.getLogger("transformers").removeHandler(handler)
    return [record.getMessage() for record in records]


# the tokenizer warns, once per tokenizer object
fresh = AutoTokenizer.from_pretrained(name)
(message,) = logged(fresh, long_text, second)
assert message.startswith("Token indices sequence length is longer than the specified maximum")
assert "(598 > 512)" in message
assert logged(fresh, long_text, second) == []
