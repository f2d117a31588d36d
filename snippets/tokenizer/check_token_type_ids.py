"""Check yourself: token_type_ids and pairs of texts."""

# --8<-- [start:q1]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
batch = tokenizer(["a", "b"], ["c d", "e"], padding=True)
print(batch["token_type_ids"])
#> [[0, 0, 0, 1, 1, 1], [0, 0, 0, 1, 1, 0]]
# --8<-- [end:q1]

# --8<-- [start:q2]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
pair = tokenizer("one two three four", "five", truncation=True, max_length=6)
print(pair.tokens())
#> ['[CLS]', 'one', 'two', '[SEP]', 'five', '[SEP]']
# --8<-- [end:q2]
