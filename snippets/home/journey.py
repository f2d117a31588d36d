"""Home page: one sentence pair from text to logits, the run behind the journey diagram."""

# --8<-- [start:journey]
import torch
from transformers import AutoConfig, AutoModelForSequenceClassification, AutoTokenizer

name = "google-bert/bert-base-uncased"
tokenizer = AutoTokenizer.from_pretrained(name)
batch = tokenizer("The cat sat on the mat.", "It purred.", return_tensors="pt")
print(batch.tokens())
#> ['[CLS]', 'the', 'cat', 'sat', 'on', 'the', 'mat', '.', '[SEP]', 'it', 'pu', '##rred', '.', '[SEP]']
print({key: tuple(value.shape) for key, value in batch.items()})
#> {'input_ids': (1, 14), 'token_type_ids': (1, 14), 'attention_mask': (1, 14)}

# the architecture from its configuration: shapes and counts, not trained weights
torch.manual_seed(0)
config = AutoConfig.from_pretrained(name, num_labels=2)
model = AutoModelForSequenceClassification.from_config(config).eval()
with torch.no_grad():
    out = model(**batch, output_hidden_states=True)
    pooled = model.bert.pooler(out.hidden_states[-1])
tables = model.bert.embeddings
word, position, segment = (
    tables.word_embeddings, tables.position_embeddings, tables.token_type_embeddings
)
print([tuple(table.weight.shape) for table in (word, position, segment)])
#> [(30522, 768), (512, 768), (2, 768)]
print(tuple(out.hidden_states[0].shape), len(out.hidden_states) - 1, "layers")
#> (1, 14, 768) 12 layers
print(tuple(pooled.shape), tuple(out.logits.shape))
#> (1, 768) (1, 2)
bert = sum(p.numel() for p in model.bert.parameters())
head = sum(p.numel() for p in model.classifier.parameters())
print(f"{bert:,} + {head:,} parameters")
#> 109,482,240 + 1,538 parameters
# --8<-- [end:journey]

assert batch["token_type_ids"][0].tolist() == [0] * 9 + [1] * 5
assert all(state.shape == (1, 14, 768) for state in out.hidden_states)

# the figures the home page's diagram shows, recorded from this run
import json

from tensornotes.runner import emit_file

journey = {
    "text": ["The cat sat on the mat.", "It purred."],
    "tokens": batch.tokens(),
    "ids_shape": list(batch["input_ids"].shape),
    "tables": [list(table.weight.shape) for table in (word, position, segment)],
    "hidden_shape": list(out.hidden_states[-1].shape),
    "layers": len(out.hidden_states) - 1,
    "pooled_shape": list(pooled.shape),
    "logits_shape": list(out.logits.shape),
    "parameters": bert,
    "head_parameters": head,
}
emit_file("docs/assets/generated/journey.json", json.dumps(journey).encode() + b"\n")
