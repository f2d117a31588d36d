"""BERT is encoder-only: its config, its module tree, and the attention each token may use."""

# --8<-- [start:config]
from transformers import AutoConfig

config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
for name in [
    "vocab_size",
    "hidden_size",
    "num_hidden_layers",
    "num_attention_heads",
    "intermediate_size",
    "max_position_embeddings",
    "type_vocab_size",
    "is_decoder",
    "add_cross_attention",
]:
    print(f"{name:>23} = {getattr(config, name)}")
    #>              vocab_size = 30522
    #>             hidden_size = 768
    #>       num_hidden_layers = 12
    #>     num_attention_heads = 12
    #>       intermediate_size = 3072
    #> max_position_embeddings = 512
    #>         type_vocab_size = 2
    #>              is_decoder = False
    #>     add_cross_attention = False
# --8<-- [end:config]

# --8<-- [start:structure]
import torch
from transformers import AutoConfig, AutoModel

config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
with torch.device("meta"):  # shapes only: no memory, no initialisation
    model = AutoModel.from_config(config)

print(type(model).__name__)
#> BertModel
for name, child in model.named_children():
    print(f"{name:>10}: {type(child).__name__}")
    #> embeddings: BertEmbeddings
    #>    encoder: BertEncoder
    #>     pooler: BertPooler
print(len(model.encoder.layer), "x", type(model.encoder.layer[0]).__name__)
#> 12 x BertLayer
# the same structure, but each layer owns its weights: 12 separate query matrices
print(len({id(layer.attention.self.query.weight) for layer in model.encoder.layer}))
#> 12

# nothing decoder-like anywhere in the tree
names = [name for name, _ in model.named_modules()]
print(any("decoder" in name or "crossattention" in name for name in names))
#> False
# --8<-- [end:structure]

assert [name for name, _ in model.named_children()] == ["embeddings", "encoder", "pooler"]
assert not config.is_decoder and not config.add_cross_attention

# the same class can become a decoder: causal self-attention, then cross-attention
from transformers import BertConfig, BertModel

with torch.device("meta"):
    decoder = BertModel(BertConfig(is_decoder=True, add_cross_attention=True))
assert decoder.encoder.layer[0].attention.self.is_causal
assert hasattr(decoder.encoder.layer[0], "crossattention")
assert not model.encoder.layer[0].attention.self.is_causal
try:  # cross-attention without is_decoder is refused
    with torch.device("meta"):
        BertModel(BertConfig(add_cross_attention=True))
    raise AssertionError("cross-attention without is_decoder was accepted")
except ValueError as error:
    assert "should be used as a decoder model" in str(error)

# --8<-- [start:tree]
import torch
from transformers import AutoConfig, AutoModel

config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
with torch.device("meta"):
    model = AutoModel.from_config(config)
print(model)
#> BertModel(
#>   (embeddings): BertEmbeddings(
#>     (word_embeddings): Embedding(30522, 768, padding_idx=0)
#>     (position_embeddings): Embedding(512, 768)
#>     (token_type_embeddings): Embedding(2, 768)
#>     (LayerNorm): LayerNorm((768,), eps=1e-12, elementwise_affine=True, bias=True)
#>     (dropout): Dropout(p=0.1, inplace=False)
#>   )
#>   (encoder): BertEncoder(
#>     (layer): ModuleList(
#>       (0-11): 12 x BertLayer(
#>         (attention): BertAttention(
#>           (self): BertSelfAttention(
#>             (query): Linear(in_features=768, out_features=768, bias=True)
#>             (key): Linear(in_features=768, out_features=768, bias=True)
#>             (value): Linear(in_features=768, out_features=768, bias=True)
#>             (dropout): Dropout(p=0.1, inplace=False)
#>           )
#>           (output): BertSelfOutput(
#>             (dense): Linear(in_features=768, out_features=768, bias=True)
#>             (LayerNorm): LayerNorm((768,), eps=1e-12, elementwise_affine=True, bias=True)
#>             (dropout): Dropout(p=0.1, inplace=False)
#>           )
#>         )
#>         (intermediate): BertIntermediate(
#>           (dense): Linear(in_features=768, out_features=3072, bias=True)
#>           (intermediate_act_fn): GELUActivation()
#>         )
#>         (output): BertOutput(
#>           (dense): Linear(in_features=3072, out_features=768, bias=True)
#>           (LayerNorm): LayerNorm((768,), eps=1e-12, elementwise_affine=True, bias=True)
#>           (dropout): Dropout(p=0.1, inplace=False)
#>         )
#>       )
#>     )
#>   )
#>   (pooler): BertPooler(
#>     (dense): Linear(in_features=768, out_features=768, bias=True)
#>     (activation): Tanh()
#>   )
#> )
# --8<-- [end:tree]

# --8<-- [start:attention]
import torch
from transformers import AutoConfig, AutoModel, AutoTokenizer
from transformers.masking_utils import causal_mask_function

torch.manual_seed(0)
config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
model = AutoModel.from_config(config, attn_implementation="eager").eval()
tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")

batch = tokenizer(["Cats chase mice.", "Hi!"], padding=True, return_tensors="pt")
with torch.no_grad():
    outputs = model(**batch, output_attentions=True)
print(len(outputs.attentions), tuple(outputs.attentions[0].shape))
#> 12 (2, 12, 6, 6)

# 1 where a query token (row) puts weight on a key token (column): layer 0, head 0
def allowed(row):
    tokens = batch.tokens(row)
    weights = outputs.attentions[0][row, 0]  # (query, key)
    lines = [" " * 7 + "".join(f"{t:>6}" for t in tokens)]
    for token, line in zip(tokens, (weights > 0).int().tolist(), strict=True):
        lines.append(f"{token:>7}" + "".join(f"{v:>6}" for v in line))
    return "\n".join(lines)


print(allowed(0))
#>         [CLS]  cats chase  mice     . [SEP]
#>   [CLS]     1     1     1     1     1     1
#>    cats     1     1     1     1     1     1
#>   chase     1     1     1     1     1     1
#>    mice     1     1     1     1     1     1
#>       .     1     1     1     1     1     1
#>   [SEP]     1     1     1     1     1     1
print(allowed(1))
#>         [CLS]    hi     ! [SEP] [PAD] [PAD]
#>   [CLS]     1     1     1     1     0     0
#>      hi     1     1     1     1     0     0
#>       !     1     1     1     1     0     0
#>   [SEP]     1     1     1     1     0     0
#>   [PAD]     1     1     1     1     0     0
#>   [PAD]     1     1     1     1     0     0

# the same holds in every layer and head: only padding columns are closed
# attention_mask as (batch, 1, 1, key), stretched to each (batch, head, query, key)
open_keys = batch["attention_mask"][:, None, None, :].bool()
print(all(torch.equal(a > 0, open_keys.expand_as(a)) for a in outputs.attentions))
#> True

# a decoder's causal mask, for comparison: no token sees the tokens after it
n = batch["input_ids"].shape[1]
causal = torch.tensor(
    [[causal_mask_function(0, 0, q, kv) for kv in range(n)] for q in range(n)]
)
print(causal.long())
#> tensor([[1, 0, 0, 0, 0, 0],
#>         [1, 1, 0, 0, 0, 0],
#>         [1, 1, 1, 0, 0, 0],
#>         [1, 1, 1, 1, 0, 0],
#>         [1, 1, 1, 1, 1, 0],
#>         [1, 1, 1, 1, 1, 1]])
# --8<-- [end:attention]

# the model built on the CPU has the same count as the ones built on meta
assert sum(p.numel() for p in model.parameters()) == 109_482_240

# --8<-- [start:trained]
import torch
from transformers import AutoModel, AutoTokenizer

# a trained 6-layer BERT, with its own weights
name = "sentence-transformers/all-MiniLM-L6-v2"
model = AutoModel.from_pretrained(name, attn_implementation="eager").eval()
tokenizer = AutoTokenizer.from_pretrained(name)

batch = tokenizer(["Cats chase mice.", "Hi!"], padding=True, return_tensors="pt")
with torch.no_grad():
    attentions = model(**batch, output_attentions=True).attentions
print(len(attentions), tuple(attentions[0].shape))
#> 6 (2, 12, 6, 6)
open_keys = batch["attention_mask"][:, None, None, :].bool()
print(all(torch.equal(a > 0, open_keys.expand_as(a)) for a in attentions))
#> True
smallest = min(a[open_keys.expand_as(a)].min().item() for a in attentions)
print(f"smallest weight on an open key: {smallest:.0e}")
#> smallest weight on an open key: 5e-22
# --8<-- [end:trained]

# trained layers hold different values, not copies of one layer
layers = model.encoder.layer
assert not torch.equal(layers[0].attention.self.query.weight, layers[1].attention.self.query.weight)

# --8<-- [start:underflow]
import torch

# softmax of two scores, 0 and -gap: the second weight is exp(-gap) / (1 + exp(-gap))
gaps = torch.arange(0, 200, 0.01, dtype=torch.float64)
scores = torch.stack([torch.zeros_like(gaps), -gaps], dim=-1)
for dtype in (torch.float32, torch.float16):
    weights = scores.to(dtype).softmax(dim=-1)[:, 1]
    first_zero = gaps[weights == 0][0].item()
    smallest = weights[weights > 0].min().item()
    print(f"{dtype!s:>13}: smallest weight {smallest:.1e}, "
          f"0 from a gap of {first_zero:.2f} (about {first_zero:.0f})")
    #> torch.float32: smallest weight 1.4e-45, 0 from a gap of 103.98 (about 104)
    #> torch.float16: smallest weight 6.0e-08, 0 from a gap of 17.34 (about 17)
# --8<-- [end:underflow]


# Architecture diagram, drawn from the config's quantities (not shown on the page)
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.patches import FancyBboxPatch

from tensornotes.figures import save_svg

H, F, L = config.hidden_size, config.intermediate_size, config.num_hidden_layers
V, P, T = config.vocab_size, config.max_position_embeddings, config.type_vocab_size
fig, ax = plt.subplots(figsize=(9.6, 10.5))
ax.set_xlim(0, 12)
ax.set_ylim(0, 14)
ax.axis("off")


def box(x, y, w, h, text="", face="white", edge="#3f51b5", style="-", size=10, weight="normal"):
    ax.add_patch(
        FancyBboxPatch(
            (x, y), w, h, boxstyle="round,pad=0.02,rounding_size=0.12",
            facecolor=face, edgecolor=edge, linewidth=1.4, linestyle=style,
        )
    )
    if text:
        ax.text(x + w / 2, y + h / 2, text, ha="center", va="center", fontsize=size, weight=weight)


def arrow(x0, y0, x1, y1):
    ax.annotate("", (x1, y1), (x0, y0), arrowprops=dict(arrowstyle="-|>", color="#333333", lw=1.3))


def label(x, y, text, ha="left", size=9, color="#555555"):
    ax.text(x, y, text, ha=ha, va="center", fontsize=size, color=color)


# inputs: the tokenizer gives three tensors, position_ids come from a buffer of the embeddings
inputs = [
    (0.45, "input_ids\n(batch, seq)"),
    (3.55, "token_type_ids\n(batch, seq)"),
    (6.65, "position_ids\n(1, seq), from a buffer"),
    (9.95, "attention_mask\n(batch, seq)"),
]
for x, text in inputs:
    w = 1.9 if text.startswith("attention_mask") else 2.9
    box(x, 12.95, w, 0.8, text, face="#f5f5f5", edge="#9e9e9e", size=9)
# the padding mask goes to the attention of every layer, not to the embeddings
ax.plot([10.9, 10.9, 9.3], [12.95, 7.3, 7.3], color="#333333", lw=1.3)
arrow(9.3, 7.3, 8.8, 7.3)
label(10.98, 10.3, "padding\nmask", size=8.5)

# embeddings
box(0.3, 9.6, 9.4, 2.9, face="#e8eaf6")
ax.text(0.5, 10.3, "BertModel.embeddings\n(BertEmbeddings)", fontsize=10.5, weight="bold",
        va="center")
tables = [
    (0.45, "word_embeddings", f"{V} × {H}"),
    (3.55, "token_type_embeddings", f"{T} × {H}"),
    (6.65, "position_embeddings", f"{P} × {H}"),
]
for x, name, shape in tables:
    arrow(x + 1.45, 12.95, x + 1.45, 12.1)
    box(x, 11.25, 2.9, 0.85, f"{name}\n{shape}", size=9)
    arrow(x + 1.45, 11.25, 5, 10.55)
box(4.1, 10.05, 1.8, 0.5, "sum", size=10)
box(6.4, 10.05, 3.0, 0.5, "LayerNorm, Dropout", size=9)
arrow(5.9, 10.3, 6.4, 10.3)
label(7.75, 9.4, f"(batch, seq, {H})", ha="right")

# encoder
arrow(7.9, 10.05, 7.9, 9.2)
box(0.3, 3.9, 9.4, 5.3, face="#e8f5e9", edge="#2e7d32")
ax.text(0.5, 8.95, f"BertModel.encoder  (BertEncoder: {L} × BertLayer)", fontsize=11, weight="bold",
        va="center")
box(0.8, 4.2, 8.4, 4.4, face="white", edge="#2e7d32", style="--")
label(1.0, 8.38, f"one BertLayer, repeated {L} times", size=9)
box(1.2, 6.5, 7.6, 1.55, face="#f1f8e9", edge="#2e7d32")
ax.text(5, 7.83, "attention  (BertAttention)", ha="center", va="center", fontsize=10, weight="bold")
ax.text(5, 7.47, f"query, key, value: {H} → {H}, split into {config.num_attention_heads} heads",
        ha="center", va="center", fontsize=8.5)
ax.text(5, 7.13, "each token attends to every non-padding token", ha="center", va="center",
        fontsize=8.5)
ax.text(5, 6.79, f"output: dense {H} → {H}, add the layer input, LayerNorm", ha="center",
        va="center", fontsize=8.5)
box(1.2, 5.6, 7.6, 0.7, f"intermediate: dense {H} → {F}, GELU", face="#f1f8e9", edge="#2e7d32",
    size=9)
box(1.2, 4.5, 7.6, 0.7, f"output: dense {F} → {H}, add attention output, LayerNorm",
    face="#f1f8e9", edge="#2e7d32", size=9)
arrow(5, 6.5, 5, 6.3)
arrow(5, 5.6, 5, 5.2)

# outputs
arrow(5, 3.9, 5, 3.25)
box(2.6, 2.65, 4.8, 0.6, f"last_hidden_state  (batch, seq, {H})", face="#fff8e1", edge="#f9a825",
    size=9)
arrow(5, 2.65, 5, 2.15)
box(0.3, 1.35, 9.4, 0.8, face="#fce4ec", edge="#ad1457")
ax.text(5, 1.75, f"BertModel.pooler  (BertPooler): hidden state of [CLS] → dense {H} → {H} → tanh",
        ha="center", va="center", fontsize=9.5)
arrow(5, 1.35, 5, 0.95)
box(2.6, 0.35, 4.8, 0.6, f"pooler_output  (batch, {H})", face="#fff8e1", edge="#f9a825", size=9)
save_svg(fig, "bert-base-architecture")
plt.close(fig)
