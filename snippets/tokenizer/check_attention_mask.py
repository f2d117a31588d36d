"""Check yourself: the attention mask."""

# --8<-- [start:q1]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
batch = tokenizer(["a", "b c d"], padding=True, padding_side="left")
print(batch["attention_mask"])
#> [[0, 0, 1, 1, 1], [1, 1, 1, 1, 1]]
# --8<-- [end:q1]

# --8<-- [start:q2]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
# [PAD] written in the text itself
encoding = tokenizer("[PAD] [PAD]")
print(encoding["input_ids"], encoding["attention_mask"])
#> [101, 0, 0, 102] [1, 1, 1, 1]
# --8<-- [end:q2]

# --8<-- [start:q3]
from transformers import AutoTokenizer, DataCollatorForLanguageModeling

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
collator = DataCollatorForLanguageModeling(tokenizer, mlm_probability=1.0, seed=0)
batch = collator([tokenizer("hello world")])
# every real token is chosen: which mask entries change?
print(collator.mlm_probability, batch["attention_mask"].tolist())
#> 1.0 [[1, 1, 1, 1]]
# --8<-- [end:q3]
