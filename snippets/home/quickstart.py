"""Home page: text in, tensors out, with the offline hub cache."""

# --8<-- [start:quickstart]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
encoding = tokenizer("Tokenizers turn text into tensors.", return_tensors="pt")
print(encoding.tokens())
#> ['[CLS]', 'token', '##izer', '##s', 'turn', 'text', 'into', 'tensor', '##s', '.', '[SEP]']
print(encoding["input_ids"])
#> tensor([[  101, 19204, 17629,  2015,  2735,  3793,  2046, 23435,  2015,  1012,
#>            102]])
# --8<-- [end:quickstart]

assert encoding["input_ids"].shape == (1, len(encoding.tokens()))

# --8<-- [start:version]
import transformers
from transformers import AutoTokenizer

print(transformers.__version__.split(".")[0])  # the outputs of this site need 5
#> 5
tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
print(hasattr(tokenizer, "encode_plus"))  # 4.x has it; 5.x removed it
#> False
# --8<-- [end:version]

assert transformers.__version__.startswith("5.") and not hasattr(tokenizer, "encode_plus")
