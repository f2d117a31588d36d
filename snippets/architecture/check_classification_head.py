"""Check yourself, classification head page: the answers, printed."""

# --8<-- [start:q1]
import torch
from transformers import AutoConfig, AutoModelForSequenceClassification

config = AutoConfig.from_pretrained("google-bert/bert-base-uncased", num_labels=5)
with torch.device("meta"):
    model = AutoModelForSequenceClassification.from_config(config)
print(model.classifier)
#> Linear(in_features=768, out_features=5, bias=True)
print(f"{sum(p.numel() for p in model.classifier.parameters()):,}")
#> 3,845
# --8<-- [end:q1]

# --8<-- [start:q2]
import torch
from transformers import BertConfig, BertForSequenceClassification

torch.manual_seed(0)
small = dict(hidden_size=32, num_hidden_layers=1, num_attention_heads=2, intermediate_size=64)
model = BertForSequenceClassification(BertConfig(num_labels=2, **small))
ids = torch.tensor([[101, 7592, 102], [101, 2088, 102]])
try:  # class ids 1 and 0, written as floats
    model(input_ids=ids, labels=torch.tensor([1.0, 0.0]))
except ValueError as error:
    print(type(error).__name__, error)
    #> ValueError Target size (torch.Size([2])) must be the same as input size (torch.Size([2, 2]))
print(model.config.problem_type)
#> multi_label_classification
# --8<-- [end:q2]
