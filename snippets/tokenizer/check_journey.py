"""Check yourself: the journey of a text pair."""

# --8<-- [start:q1]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
print(repr(tokenizer.backend_tokenizer.normalizer.normalize_str("Ünïcödé CAFÉ")))
#> 'unicode cafe'
# --8<-- [end:q1]

# --8<-- [start:q2]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
first, second = "Héllo, Tokenizers!", "They split words into pieces."
tokenizer(first, second, max_length=18, padding="max_length", truncation=True)
encoding = tokenizer.backend_tokenizer.encode("hi")  # the call's padding is still set
print(len(encoding.ids), encoding.tokens[:4])
#> 18 ['[CLS]', 'hi', '[SEP]', '[PAD]']
# --8<-- [end:q2]

# --8<-- [start:q3]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
first, second = "Héllo, Tokenizers!", "They split words into pieces."
encoding = tokenizer(first, second, truncation="only_second", max_length=10)
print(" ".join(encoding.tokens()))
#> [CLS] hello , token ##izer ##s ! [SEP] they [SEP]
# --8<-- [end:q3]
