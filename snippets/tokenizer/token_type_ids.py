"""token_type_ids: segment A is 0, segment B is 1; the NSP head reads the pair."""

# --8<-- [start:segments]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
encoding = tokenizer("How old are you?", "I am six.")
print(list(encoding))
#> ['input_ids', 'token_type_ids', 'attention_mask']
rows = zip(encoding.tokens(), encoding["token_type_ids"], strict=True)
for token, type_id in rows:
    print(f"{token:>6} {type_id}")
    #>  [CLS] 0
    #>    how 0
    #>    old 0
    #>    are 0
    #>    you 0
    #>      ? 0
    #>  [SEP] 0
    #>      i 1
    #>     am 1
    #>    six 1
    #>      . 1
    #>  [SEP] 1
# --8<-- [end:segments]

tokens, types = encoding.tokens(), encoding["token_type_ids"]
assert (tokens[0], types[0]) == ("[CLS]", 0)
first_sep = tokens.index("[SEP]")
assert types[first_sep] == 0 and (tokens[-1], types[-1]) == ("[SEP]", 1)
assert types == [0] * (first_sep + 1) + [1] * (len(tokens) - first_sep - 1)

# --8<-- [start:template]
import json

from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
# the post-processor template that adds [CLS] and [SEP] and sets the type ids
template = json.loads(tokenizer.backend_tokenizer.to_str())["post_processor"]
for kind in ["single", "pair"]:
    parts = []
    for item in template[kind]:
        ((what, piece),) = item.items()  # a SpecialToken or a Sequence ($A, $B)
        name = piece["id"] if what == "SpecialToken" else "$" + piece["id"]
        parts.append(f"{name}:{piece['type_id']}")
    print(f"{kind:>6}:", " ".join(parts))
    #> single: [CLS]:0 $A:0 [SEP]:0
    #>   pair: [CLS]:0 $A:0 [SEP]:0 $B:1 [SEP]:1
# --8<-- [end:template]

# --8<-- [start:no-encode-plus]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
print([cls.__name__ for cls in type(tokenizer).__mro__[:-1]])  # without object
#> ['BertTokenizer', 'TokenizersBackend', 'PreTrainedTokenizerBase', 'PushToHubMixin']
# none of these classes defines them any more
print("encode_plus:", hasattr(tokenizer, "encode_plus"))
#> encode_plus: False
print("batch_encode_plus:", hasattr(tokenizer, "batch_encode_plus"))
#> batch_encode_plus: False
# __call__ returns them, for one pair or a batch of pairs
firsts, seconds = ["How old are you?", "Where?"], ["I am six.", "Here."]
batch = tokenizer(firsts, seconds, padding=True)
print(batch["token_type_ids"])
#> [[0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1], [0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0]]
print(batch["attention_mask"])
#> [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0]]
# they can be left out on request
without = tokenizer(firsts[0], seconds[0], return_token_type_ids=False)
print(list(without))
#> ['input_ids', 'attention_mask']
# --8<-- [end:no-encode-plus]

# --8<-- [start:without-type-ids]
import torch
from transformers import AutoModel, AutoTokenizer

name = "sentence-transformers/all-MiniLM-L6-v2"  # a trained 6-layer BERT
tokenizer = AutoTokenizer.from_pretrained(name)
model = AutoModel.from_pretrained(name).eval()
print(model.config.type_vocab_size, tokenizer.model_input_names)
#> 2 ['input_ids', 'token_type_ids', 'attention_mask']
pair = tokenizer("How old are you?", "I am six.", return_tensors="pt")
with torch.no_grad():
    with_types = model(**pair).last_hidden_state
    # without token_type_ids, BERT gives every token type 0, segment B included
    without = model(
        input_ids=pair["input_ids"], attention_mask=pair["attention_mask"]
    ).last_hidden_state
largest = (with_types - without).abs().max().item()
print("largest change of a hidden state:", round(largest, 3))
#> largest change of a hidden state: 0.169
# --8<-- [end:without-type-ids]

with torch.no_grad():
    zeros = model(
        input_ids=pair["input_ids"], attention_mask=pair["attention_mask"],
        token_type_ids=torch.zeros_like(pair["input_ids"]),
    ).last_hidden_state
assert torch.equal(without, zeros)  # left out means all type 0
assert largest > 0.1  # a trained model's output moves when the segment ids go

# only a few model-specific tokenizers still define their own: scan the sources
# (Pop2Piano's needs extra packages to import, so only the scan covers it)
import re
from pathlib import Path

import transformers
from transformers import (
    LayoutLMv2Tokenizer,
    LayoutLMv3Tokenizer,
    LayoutXLMTokenizer,
    MarkupLMTokenizer,
    RoCBertTokenizer,
    TapasTokenizer,
)

models = Path(transformers.__file__).parent / "models"
defining = sorted(
    path.parent.name
    for path in models.glob("*/tokenization_*.py")
    if re.search(r"def (batch_)?encode_plus\(", path.read_text(encoding="utf-8"))
)
assert defining == [
    "layoutlmv2", "layoutlmv3", "layoutxlm", "markuplm", "pop2piano", "roc_bert", "tapas"
], defining
for cls in [LayoutLMv2Tokenizer, LayoutLMv3Tokenizer, LayoutXLMTokenizer,
            MarkupLMTokenizer, RoCBertTokenizer, TapasTokenizer]:
    assert "encode_plus" in vars(cls) and "batch_encode_plus" in vars(cls), cls

# --8<-- [start:nsp-head]
from transformers import AutoConfig, AutoModelForNextSentencePrediction

config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
# the architecture only: random weights, no trained NSP predictions
model = AutoModelForNextSentencePrediction.from_config(config)
print(type(model).__name__)
#> BertForNextSentencePrediction
print(model.cls)
#> BertOnlyNSPHead(
#>   (seq_relationship): Linear(in_features=768, out_features=2, bias=True)
#> )
print(model.bert.embeddings.token_type_embeddings)
#> Embedding(2, 768)
# --8<-- [end:nsp-head]

# --8<-- [start:nsp-logits]
import torch
from transformers import AutoConfig, AutoModelForNextSentencePrediction, AutoTokenizer

name = "google-bert/bert-base-uncased"
model = AutoModelForNextSentencePrediction.from_config(AutoConfig.from_pretrained(name))
tokenizer = AutoTokenizer.from_pretrained(name)
pair = tokenizer(
    "The cat sat on the mat.", "It fell asleep there.", return_tensors="pt"
)
# record what the pooler returns: the [CLS] state through dense and tanh
captured = {}
model.bert.pooler.register_forward_hook(
    lambda module, args, out: captured.update(pooled=out)
)
with torch.no_grad():
    outputs = model.eval()(**pair)
    from_head = model.cls.seq_relationship(captured["pooled"])
print(captured["pooled"].shape, outputs.logits.shape)
#> torch.Size([1, 768]) torch.Size([1, 2])
print("logits == seq_relationship(pooled):", torch.allclose(outputs.logits, from_head))
#> logits == seq_relationship(pooled): True
# --8<-- [end:nsp-logits]

# --8<-- [start:separators]
from transformers import AutoTokenizer, RobertaTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
# without token_type_ids, [SEP] still marks where the second text starts
pair = tokenizer("How old are you?", "I am six.", return_token_type_ids=False)
print(list(pair))
#> ['input_ids', 'attention_mask']
print(" ".join(pair.tokens()))
#> [CLS] how old are you ? [SEP] i am six . [SEP]

# RoBERTa, pre-trained without NSP, does not return token_type_ids at all
print(RobertaTokenizer.model_input_names)
#> ['input_ids', 'attention_mask']
# --8<-- [end:separators]

assert "token_type_ids" not in RobertaTokenizer.model_input_names
assert pair.tokens().count("[SEP]") == 2

# pre-training trains the segment rows through both tasks: one forward pass adds both losses
import inspect

from transformers import BertForPreTraining

assert "total_loss = masked_lm_loss + next_sentence_loss" in inspect.getsource(
    BertForPreTraining.forward
)
