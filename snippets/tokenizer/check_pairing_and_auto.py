"""Check yourself: pairs and Auto classes."""

# --8<-- [start:q1]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
# "hello" is already in the vocabulary
added = tokenizer.add_tokens(["hello"])
print(added, len(tokenizer), tokenizer.convert_tokens_to_ids("hello"))
#> 1 30522 7592
# --8<-- [end:q1]

# --8<-- [start:q2]
from transformers import AutoConfig, AutoModelForSequenceClassification

config = AutoConfig.from_pretrained(
    "sentence-transformers/all-MiniLM-L6-v2", num_labels=3
)
model = AutoModelForSequenceClassification.from_config(config)
print(type(model).__name__, model.classifier)
#> BertForSequenceClassification Linear(in_features=384, out_features=3, bias=True)
print(sum(p.numel() for p in model.classifier.parameters()))
#> 1155
# --8<-- [end:q2]
