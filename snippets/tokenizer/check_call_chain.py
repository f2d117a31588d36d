"""Check yourself: what tokenizer(...) calls."""

# --8<-- [start:q1]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
# a tuple of two strings: one pair, or a batch of two texts?
encoding = tokenizer(("Hello", "world"))
print(encoding["input_ids"])
#> [[101, 7592, 102], [101, 2088, 102]]
# --8<-- [end:q1]

# --8<-- [start:q2]
from collections.abc import Mapping

from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
encoding = tokenizer("Hello world")
print(type(encoding).__name__, isinstance(encoding, dict), isinstance(encoding, Mapping))
#> BatchEncoding False True
# --8<-- [end:q2]

# --8<-- [start:q3]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
# which 4.x batch methods survived in 5.x?
for name in ["batch_encode_plus", "batch_decode"]:
    print(name, hasattr(tokenizer, name))
    #> batch_encode_plus False
    #> batch_decode True
# --8<-- [end:q3]
