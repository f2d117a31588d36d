"""Check yourself: bad input."""

# --8<-- [start:q1]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
try:
    tokenizer(["ok", 42])
except Exception as error:  # which type?
    print(type(error).__name__)
    #> TypeError
# --8<-- [end:q1]

# --8<-- [start:q2]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
ids = [7592, 99999]  # "hello", then an id past the vocabulary
print(repr(tokenizer.decode(ids)), tokenizer.convert_ids_to_tokens(ids))
#> 'hello' ['hello', None]
# --8<-- [end:q2]
