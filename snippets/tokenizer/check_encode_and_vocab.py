"""Check yourself: encode, decode and the vocabulary."""

# --8<-- [start:q1]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
ids = tokenizer.encode("I can't wait!!")
print(tokenizer.decode(ids, skip_special_tokens=True))
#> i can ' t wait!!
# --8<-- [end:q1]

# --8<-- [start:q2]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
# a zero-width space between two words
print(tokenizer.tokenize("Hello\u200bworld"))
#> ['hello', '##world']
print(tokenizer("Hello\u200bworld").word_ids())  # one word: both tokens are word 0
#> [None, 0, 0, None]
# --8<-- [end:q2]

# one word, where a real space gives two
assert set(tokenizer("Hello\u200bworld").word_ids()) - {None} == {0}
assert set(tokenizer("Hello world").word_ids()) - {None} == {0, 1}

# --8<-- [start:q3]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
text = "Naïve CAFÉ"
encoding = tokenizer(text, return_offsets_mapping=True)
print(encoding.tokens())
#> ['[CLS]', 'naive', 'cafe', '[SEP]']
print([text[start:end] for start, end in encoding["offset_mapping"]])
#> ['', 'Naïve', 'CAFÉ', '']
# --8<-- [end:q3]
