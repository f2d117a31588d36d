"""BERT's pre-training heads: masked language modelling, next sentence prediction, the pooler."""

# --8<-- [start:heads]
import torch
from transformers import AutoConfig, BertForPreTraining

config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
with torch.device("meta"):  # shapes only: no memory, no initialisation
    model = BertForPreTraining(config)
print([name for name, _ in model.named_children()])
#> ['bert', 'cls']
print(model.cls)
#> BertPreTrainingHeads(
#>   (predictions): BertLMPredictionHead(
#>     (transform): BertPredictionHeadTransform(
#>       (dense): Linear(in_features=768, out_features=768, bias=True)
#>       (transform_act_fn): GELUActivation()
#>       (LayerNorm): LayerNorm((768,), eps=1e-12, elementwise_affine=True, bias=True)
#>     )
#>     (decoder): Linear(in_features=768, out_features=30522, bias=True)
#>   )
#>   (seq_relationship): Linear(in_features=768, out_features=2, bias=True)
#> )
# --8<-- [end:heads]

assert [name for name, _ in model.named_children()] == ["bert", "cls"]

# --8<-- [start:count]
import torch
from transformers import AutoConfig, BertForPreTraining

config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
with torch.device("meta"):
    model = BertForPreTraining(config)

# the decoder's weight is the word embedding table itself, not a copy
decoder = model.cls.predictions.decoder
print(decoder.weight is model.bert.embeddings.word_embeddings.weight)
#> True
print(decoder.bias is model.cls.predictions.bias)
#> True
# named_parameters lists a shared tensor once, under its first name
extra = {n: p.numel() for n, p in model.named_parameters() if n.startswith("cls.")}
for name, n in extra.items():
    print(f"{name:>42}: {n:>7,}")
    #>                       cls.predictions.bias:  30,522
    #>     cls.predictions.transform.dense.weight: 589,824
    #>       cls.predictions.transform.dense.bias:     768
    #> cls.predictions.transform.LayerNorm.weight:     768
    #>   cls.predictions.transform.LayerNorm.bias:     768
    #>                cls.seq_relationship.weight:   1,536
    #>                  cls.seq_relationship.bias:       2
print(f"{'cls.* in all':>42}: {sum(extra.values()):>7,}")
#>                               cls.* in all: 624,188
# --8<-- [end:count]

assert sum(extra.values()) == 624_188

# --8<-- [start:outputs]
import torch
from transformers import AutoConfig, BertForPreTraining

config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
with torch.device("meta"):  # a forward pass on meta computes shapes only
    model = BertForPreTraining(config)
    input_ids = torch.zeros(1, 7, dtype=torch.long)  # one sequence of 7 tokens
    outputs = model(input_ids=input_ids)
print(tuple(outputs.prediction_logits.shape))  # a score per vocabulary entry, per token
#> (1, 7, 30522)
print(tuple(outputs.seq_relationship_logits.shape))  # IsNext / NotNext, per sequence
#> (1, 2)
print(model.cls.seq_relationship.in_features == config.hidden_size)
#> True
# --8<-- [end:outputs]

# --8<-- [start:mean_pooling]
import json

import torch
from huggingface_hub import hf_hub_download
from transformers import AutoModel, AutoTokenizer

name = "sentence-transformers/all-MiniLM-L6-v2"
with open(hf_hub_download(name, "1_Pooling/config.json")) as f:
    pooling = json.load(f)
print({key: value for key, value in pooling.items() if value is True})
#> {'pooling_mode_mean_tokens': True}

model = AutoModel.from_pretrained(name).eval()
tokenizer = AutoTokenizer.from_pretrained(name)
texts = ["A man is playing a guitar.", "Someone plays the guitar.", "The stock market fell."]
batch = tokenizer(texts, padding=True, return_tensors="pt")
with torch.no_grad():
    out = model(**batch)
mask = batch["attention_mask"].unsqueeze(-1)  # average over real tokens only
mean = (out.last_hidden_state * mask).sum(1) / mask.sum(1)
for label, vectors in [("mean pooling", mean), ("pooler_output", out.pooler_output)]:
    unit = torch.nn.functional.normalize(vectors, dim=-1)
    sims = unit @ unit.T  # cosine similarities
    print(f"{label:>13}: paraphrase {sims[0, 1]:.2f}, unrelated {sims[0, 2]:.2f}")
    #>  mean pooling: paraphrase 0.84, unrelated -0.08
    #> pooler_output: paraphrase 0.96, unrelated 0.50
# no sign of training in this checkpoint's pooler: its bias is still all zeros
print(model.pooler.dense.bias.abs().max().item())
#> 0.0
# --8<-- [end:mean_pooling]

assert model.pooler.dense.bias.abs().max().item() == 0.0
# a new pooler starts with that bias: all zeros
fresh = AutoModel.from_config(model.config)
assert fresh.pooler.dense.bias.abs().max().item() == 0.0

# --8<-- [start:warning]
import logging

from transformers import AutoModelForSequenceClassification

records = []  # what transformers logs while loading
handler = logging.Handler()
handler.emit = records.append
logging.getLogger("transformers").addHandler(handler)

name = "sentence-transformers/all-MiniLM-L6-v2"  # a BertModel checkpoint: no head
model, info = AutoModelForSequenceClassification.from_pretrained(
    name, output_loading_info=True
)
print(sorted(info["missing_keys"]))
#> ['classifier.bias', 'classifier.weight']
report = records[-1].getMessage()
print(next(line for line in report.splitlines() if "newly" in line).replace("\t", " "))
#> - MISSING: those params were newly initialized because missing from the checkpoint. Consider training on your downstream task.
# --8<-- [end:warning]
