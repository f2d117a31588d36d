"""Check yourself, pre-training page: the answers, printed."""

# --8<-- [start:q1]
import torch
from transformers import AutoConfig, BertForPreTraining

config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
V, H = config.vocab_size, config.hidden_size
with torch.device("meta"):  # shapes and the autograd graph, no memory
    tied = BertForPreTraining(config)
    untied = BertForPreTraining(AutoConfig.from_pretrained(
        "google-bert/bert-base-uncased", tie_word_embeddings=False
    ))
    out = untied(input_ids=torch.zeros(1, 7, dtype=torch.long))
    (out.prediction_logits.sum() + out.seq_relationship_logits.sum()).backward()


def count(model):
    return sum(p.numel() for p in model.parameters())


names = dict(untied.named_parameters())
print(sorted(set(names) - set(dict(tied.named_parameters()))))  # the decoder's own tensors
#> ['cls.predictions.decoder.bias', 'cls.predictions.decoder.weight']
print(untied.cls.predictions.decoder.bias is untied.cls.predictions.bias)
#> False
dead = [name for name, p in names.items() if p.grad is None]  # nothing reached them
print(dead)
#> ['cls.predictions.bias']
print(f"{count(untied):,} = {count(tied):,} + {count(untied) - count(tied):,}")
#> 133,577,846 = 110,106,428 + 23,471,418
in_use = count(untied) - sum(names[name].numel() for name in dead)
print(f"in use: {in_use - count(tied):,} more = {V} x {H}, plus {V:,} dead values")
#> in use: 23,440,896 more = 30522 x 768, plus 30,522 dead values
# --8<-- [end:q1]

assert dead == ["cls.predictions.bias"]
assert count(untied) - count(tied) == V * H + V and in_use - count(tied) == V * H == 23_440_896

# --8<-- [start:q2]
import torch
from transformers import AutoConfig, BertForMaskedLM

config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
print(config.architectures)
#> ['BertForMaskedLM']
with torch.device("meta"):
    model = BertForMaskedLM(config)
print(model.bert.pooler)  # no pooler
#> None
print([name for name, _ in model.cls.named_children()])  # no seq_relationship
#> ['predictions']
# --8<-- [end:q2]
