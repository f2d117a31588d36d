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

# in training mode the dropout zeroes entries and scales the kept ones by 1 / (1 - p)
model.dropout.train()
dropped = model.dropout(body.pooler_output)
kept = dropped != 0
assert not kept.all()
assert torch.allclose(dropped[kept], body.pooler_output[kept] / (1 - model.dropout.p))

# --8<-- [start:losses]
import torch
from torch.nn import functional as F
from transformers import BertConfig, BertForSequenceClassification

torch.manual_seed(0)
# the loss depends only on num_labels and the labels: a small BERT shows it
small = dict(hidden_size=32, num_hidden_layers=1, num_attention_heads=2, intermediate_size=64)
ids = torch.tensor([[101, 7592, 102], [101, 2088, 102]])  # a batch of 2
cases = {
    "integer ids": (3, torch.tensor([2, 0]), F.cross_entropy),
    "float multi-hot": (
        3, torch.tensor([[1.0, 0, 1], [0, 1, 0]]), F.binary_cross_entropy_with_logits
    ),
    "num_labels=1": (1, torch.tensor([0.7, -1.2]), F.mse_loss),
}
for case, (num_labels, labels, loss_fn) in cases.items():
    model = BertForSequenceClassification(BertConfig(num_labels=num_labels, **small))
    before = model.config.problem_type
    out = model(input_ids=ids, labels=labels)
    logits = out.logits.squeeze(-1) if num_labels == 1 else out.logits
    same = torch.allclose(out.loss, loss_fn(logits, labels))  # the loss the model chose
    print(f"{case}: {before} -> {model.config.problem_type}, {loss_fn.__name__} {same}")
    #> integer ids: None -> single_label_classification, cross_entropy True
    #> float multi-hot: None -> multi_label_classification, binary_cross_entropy_with_logits True
    #> num_labels=1: None -> regression, mse_loss True
# --8<-- [end:losses]

# --8<-- [start:label_dtypes]
import torch
from transformers import BertConfig, BertForSequenceClassification

small = dict(hidden_size=32, num_hidden_layers=1, num_attention_heads=2, intermediate_size=64)
ids = torch.tensor([[101, 7592, 102], [101, 2088, 102]])
chosen = {}
for dtype in [torch.long, torch.int, torch.int16, torch.uint8]:
    torch.manual_seed(0)
    model = BertForSequenceClassification(BertConfig(num_labels=3, **small))
    try:  # the class ids 2 and 0, in four integer dtypes
        model(input_ids=ids, labels=torch.tensor([2, 0], dtype=dtype))
        outcome = "loss computed"
    except (RuntimeError, ValueError) as error:
        outcome = f"{type(error).__name__}: {error}"
    chosen[dtype] = model.config.problem_type
    print(f"{dtype!s:>11}: {chosen[dtype]}, {outcome}")
    #> torch.int64: single_label_classification, loss computed
    #> torch.int32: single_label_classification, RuntimeError: expected target dtype to be Long or Byte, but got Int
    #> torch.int16: multi_label_classification, ValueError: Target size (torch.Size([2])) must be the same as input size (torch.Size([2, 3]))
    #> torch.uint8: multi_label_classification, ValueError: Target size (torch.Size([2])) must be the same as input size (torch.Size([2, 3]))
# --8<-- [end:label_dtypes]

# only torch.long and torch.int mean single-label; other integer dtypes fall through
assert chosen[torch.long] == chosen[torch.int] == "single_label_classification"
assert chosen[torch.int16] == chosen[torch.uint8] == "multi_label_classification"

# --8<-- [start:sticky]
import torch
from transformers import BertConfig, BertForSequenceClassification

torch.manual_seed(0)
small = dict(hidden_size=32, num_hidden_layers=1, num_attention_heads=2, intermediate_size=64)
model = BertForSequenceClassification(BertConfig(num_labels=3, **small))
ids = torch.tensor([[101, 7592, 102], [101, 2088, 102]])

model(input_ids=ids, labels=torch.tensor([2, 0]))  # first call: integer labels
print(model.config.problem_type)
#> single_label_classification
try:  # multi-hot labels now meet cross-entropy, not binary cross-entropy
    model(input_ids=ids, labels=torch.tensor([[1.0, 0, 1], [0, 1, 0]]))
except ValueError as error:
    print(type(error).__name__, error)
    #> ValueError Expected input batch_size (2) to match target batch_size (6).
print(model.config.problem_type)
#> single_label_classification
# --8<-- [end:sticky]
