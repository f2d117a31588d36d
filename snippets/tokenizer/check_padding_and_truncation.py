"""Check yourself: padding and truncation."""

# --8<-- [start:q1]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
texts = [
    "Short.",
    "A sentence of medium length.",
    "A longer sentence that goes on for a while.",
]
batch = tokenizer(texts, padding="max_length", max_length=8)
print([len(ids) for ids in batch["input_ids"]])
#> [8, 8, 12]
# --8<-- [end:q1]

# --8<-- [start:q2]
import textwrap

from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
try:
    tokenizer(["Short.", "A sentence of medium length."], return_tensors="pt")
except ValueError as error:
    print(textwrap.fill(str(error).split(". ")[0], 80))
    #> Unable to create tensor, you should probably activate truncation and/or padding
    #> with 'padding=True' 'truncation=True' to have batched tensors with the same
    #> length
# --8<-- [end:q2]

# --8<-- [start:q3]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
tokenizer.truncation_side = "left"
text = "A longer sentence that goes on for a while."
print(tokenizer(text, truncation=True, max_length=8).tokens())
#> ['[CLS]', 'goes', 'on', 'for', 'a', 'while', '.', '[SEP]']
# --8<-- [end:q3]
