"""Check yourself: Chinese text and bert-base-uncased."""

# --8<-- [start:q1]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
print(tokenizer.tokenize("东京"), tokenizer.tokenize("東京"))
#> ['[UNK]', '京'] ['東', '京']
# --8<-- [end:q1]

# --8<-- [start:q2]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
tokens = tokenizer.tokenize("我爱北京天安门")
print(tokens, tokens.count("[UNK]"))
#> ['我', '[UNK]', '北', '京', '天', '安', '[UNK]'] 2
# --8<-- [end:q2]
