"""Appendix A3, check yourself: answers printed by code."""

# --8<-- [start:q1]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
print(tokenizer.tokenize("hello😀"), tokenizer.tokenize("hello 😀"))
#> ['[UNK]'] ['hello', '[UNK]']
# --8<-- [end:q1]

# --8<-- [start:q2]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
print(tokenizer.tokenize("Hello", "world"))  # stops before the post-processor
#> ['hello', 'world']
encoding = tokenizer("Hello", "world")  # the post-processor ran
print(tokenizer.convert_ids_to_tokens(encoding["input_ids"]), encoding["token_type_ids"])
#> ['[CLS]', 'hello', '[SEP]', 'world', '[SEP]'] [0, 0, 0, 1, 1]
# --8<-- [end:q2]

# --8<-- [start:q3]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
print(tokenizer.convert_tokens_to_ids(["s", "##s"]), tokenizer.tokenize("tokenizers"))
#> [1055, 2015] ['token', '##izer', '##s']
# --8<-- [end:q3]
