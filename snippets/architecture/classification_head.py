"""What BertForSequenceClassification adds to BertModel, and where the pooler output goes."""

# --8<-- [start:head]
import torch
from transformers import AutoConfig, AutoModel, AutoModelForSequenceClassification

config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
print(config.num_labels, config.id2label)
#> 2 {0: 'LABEL_0', 1: 'LABEL_1'}
with torch.device("meta"):  # shapes only: no memory, no initialisation
    base = AutoModel.from_config(config)
    classifier = AutoModelForSequenceClassification.from_config(config)

print(type(classifier).__name__)
#> BertForSequenceClassification
for name, child in classifier.named_children():
    # the whole BertModel is too long to print: show its class name only
    shown = type(child).__name__ if name == "bert" else child
    print(f"{name:>10}: {shown}")
    #>       bert: BertModel
    #>    dropout: Dropout(p=0.1, inplace=False)
    #> classifier: Linear(in_features=768, out_features=2, bias=True)


def count(module):
    return sum(p.numel() for p in module.parameters())


print(f"BertModel:                     {count(base):,}")
#> BertModel:                     109,482,240
print(f"BertForSequenceClassification: {count(classifier):,}")
#> BertForSequenceClassification: 109,483,778
print(f"the head adds:                 {count(classifier) - count(base):,}")
#> the head adds:                 1,538
print(count(classifier.bert) == count(base))
#> True
# --8<-- [end:head]

assert count(classifier) - count(base) == count(classifier.classifier) == 768 * 2 + 2

# --8<-- [start:num_labels]
import torch
from transformers import AutoConfig, AutoModelForSequenceClassification

for num_labels in [1, 2, 3, 20]:
    config = AutoConfig.from_pretrained(
        "google-bert/bert-base-uncased", num_labels=num_labels
    )
    with torch.device("meta"):
        model = AutoModelForSequenceClassification.from_config(config)
    head = sum(p.numel() for p in model.classifier.parameters())
    H = config.hidden_size
    per_label = f"({H} + 1) * {num_labels}"
    print(f"num_labels={num_labels:>2}: head {head:>6,} = {per_label}")
    #> num_labels= 1: head    769 = (768 + 1) * 1
    #> num_labels= 2: head  1,538 = (768 + 1) * 2
    #> num_labels= 3: head  2,307 = (768 + 1) * 3
    #> num_labels=20: head 15,380 = (768 + 1) * 20
# --8<-- [end:num_labels]

# --8<-- [start:pooler]
import torch
from transformers import (
    AutoConfig,
    AutoModelForSequenceClassification,
    AutoTokenizer,
)

torch.manual_seed(0)
config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
model = AutoModelForSequenceClassification.from_config(config).eval()
tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
inputs = tokenizer("A short review: great film.", return_tensors="pt")

with torch.no_grad():
    body = model.bert(**inputs)
    logits = model(**inputs).logits
    cls_vector = body.last_hidden_state[:, 0]  # the [CLS] position
    pooled = torch.tanh(model.bert.pooler.dense(cls_vector))
    by_hand = model.classifier(model.dropout(body.pooler_output))

print(tuple(body.last_hidden_state.shape))
#> (1, 9, 768)
print(tuple(body.pooler_output.shape))
#> (1, 768)
print(tuple(logits.shape))
#> (1, 2)
print(torch.allclose(pooled, body.pooler_output, atol=1e-6, rtol=0))
#> True
print(torch.allclose(by_hand, logits, atol=1e-6, rtol=0))
#> True
# --8<-- [end:pooler]

# the body of the classifier is a whole BertModel, pooler included
assert sum(p.numel() for p in model.bert.parameters()) == 109_482_240
