"""Check yourself, pre-training page: the answers, printed."""

# --8<-- [start:q1]
import torch
from transformers import AutoConfig, BertForPreTraining

name = "google-bert/bert-base-uncased"
with torch.device("meta"):
    tied = BertForPreTraining(AutoConfig.from_pretrained(name))
    untied = BertForPreTraining(AutoConfig.from_pretrained(name, tie_word_embeddings=False))
counts = {label: sum(p.numel() for p in model.parameters())
          for label, model in [("tied", tied), ("untied", untied)]}
print(counts)
#> {'tied': 110106428, 'untied': 133577846}
print(f"{counts['untied'] - counts['tied']:,} = {30522 * 768:,} + {30522:,}")
#> 23,471,418 = 23,440,896 + 30,522
# --8<-- [end:q1]

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
