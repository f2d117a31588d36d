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

# --8<-- [start:layer_attention]
import torch
from transformers import AutoConfig
from transformers.models.bert.modeling_bert import BertLayer

name = "google-bert/bert-base-uncased"
config = AutoConfig.from_pretrained(name, attn_implementation="eager")
print(config.num_attention_heads, config.hidden_size // config.num_attention_heads)
#> 12 64
torch.manual_seed(0)
layer = BertLayer(config).eval()  # one of the encoder's 12 layers
x = torch.randn(2, 6, 768)  # (batch, seq, hidden): what the layer below hands up
mask = torch.tensor([[1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 0, 0]])  # attention_mask
additive = (1 - mask[:, None, None, :]) * torch.finfo(torch.float32).min


def split(t):  # (2, 6, 768) -> (2, 12 heads, 6, 64)
    return t.view(2, 6, 12, 64).transpose(1, 2)


att, out = layer.attention.self, layer.attention.output
q, k, v = split(att.query(x)), split(att.key(x)), split(att.value(x))
scores = q @ k.transpose(-1, -2) / 64**0.5 + additive  # (2, 12, 6, 6)
weights = scores.softmax(dim=-1)
context = (weights @ v).transpose(1, 2).reshape(2, 6, 768)  # the heads side by side
attended = out.LayerNorm(out.dense(context) + x)  # projection, residual, LayerNorm
print(tuple(q.shape), tuple(scores.shape), tuple(context.shape))
#> (2, 12, 6, 64) (2, 12, 6, 6) (2, 6, 768)
print(weights[1, :, :, 4:].abs().max().item())  # the padded keys of sentence 2
#> 0.0
module = layer.attention(x, attention_mask=additive)[0]
print(f"largest difference: {(attended - module).abs().max().item():.1e}")
#> largest difference: 0.0e+00
print(torch.allclose(attended, module, atol=1e-6, rtol=0))
#> True
# --8<-- [end:layer_attention]

# --8<-- [start:layer_feed_forward]
import torch
from transformers import AutoConfig
from transformers.models.bert.modeling_bert import BertLayer

config = AutoConfig.from_pretrained("google-bert/bert-base-uncased", attn_implementation="eager")
torch.manual_seed(0)
layer = BertLayer(config).eval()
x = torch.randn(2, 6, 768)
mask = torch.tensor([[1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 0, 0]])
additive = (1 - mask[:, None, None, :]) * torch.finfo(torch.float32).min
attended = layer.attention(x, attention_mask=additive)[0]  # the block computed above

print(config.hidden_act, layer.intermediate.intermediate_act_fn)
#> gelu GELUActivation()
wide = torch.nn.functional.gelu(layer.intermediate.dense(attended))  # 768 -> 3072
out = layer.output
by_hand = out.LayerNorm(out.dense(wide) + attended)  # 3072 -> 768, residual, LayerNorm
print(tuple(wide.shape), tuple(by_hand.shape))
#> (2, 6, 3072) (2, 6, 768)
module = layer(x, attention_mask=additive)
print(f"largest difference: {(by_hand - module).abs().max().item():.1e}")
#> largest difference: 0.0e+00
print(torch.allclose(by_hand, module, atol=1e-6, rtol=0))
#> True
# --8<-- [end:layer_feed_forward]

# --8<-- [start:padding_and_positions]
import torch
from transformers import AutoConfig
from transformers.models.bert.modeling_bert import BertEmbeddings

config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
torch.manual_seed(0)
embeddings = BertEmbeddings(config)
words, positions = embeddings.word_embeddings, embeddings.position_embeddings
print(words.padding_idx, config.pad_token_id)  # row 0 belongs to [PAD]
#> 0 0
print(words.weight[0].abs().max().item())  # created as a row of zeros
#> 0.0

ids = torch.tensor([[101, 7592, 102, 0, 0]])  # [CLS] hello [SEP] [PAD] [PAD]
embeddings(input_ids=ids).sum().backward()
print(words.weight.grad[0].abs().max().item())  # [PAD] gets no gradient
#> 0.0
print(words.weight.grad[7592].abs().max().item() > 0)  # hello does
#> True

# positions: a learned table, trained like any weight, not a sin/cos formula
print(type(positions.weight).__name__)
#> Parameter
print((positions.weight.grad.abs().sum(-1) > 0).nonzero().flatten().tolist())
#> [0, 1, 2, 3, 4]
# --8<-- [end:padding_and_positions]

# --8<-- [start:position_type]
import torch
from transformers import AutoConfig, AutoModel, BertConfig

name = "google-bert/bert-base-uncased"
config = AutoConfig.from_pretrained(name)
# a leftover key of config.json, written by transformers 4.6
print(config.position_embedding_type, config.transformers_version)
#> absolute 4.6.0.dev0
print(hasattr(BertConfig(), "position_embedding_type"))  # not a field of 5.x's BertConfig
#> False

ids = torch.tensor([[101, 7592, 2088, 102]])  # [CLS] hello world [SEP]
runs = {}
for kind in ["absolute", "relative_key_query"]:
    torch.manual_seed(0)  # the same random weights for both
    model = AutoModel.from_config(AutoConfig.from_pretrained(name, position_embedding_type=kind))
    with torch.no_grad():
        output = model.eval()(input_ids=ids).last_hidden_state
    runs[kind] = (sum(p.numel() for p in model.parameters()), output)
    print(f"{kind:>18}: {runs[kind][0]:,} parameters")
    #>           absolute: 109,482,240 parameters
    #> relative_key_query: 109,482,240 parameters
print(torch.equal(runs["absolute"][1], runs["relative_key_query"][1]))  # bit-identical
#> True
# --8<-- [end:position_type]

# nothing in 5.23's BERT reads the key: same count, same outputs, no relative-position weights
import inspect

import transformers.models.bert.modeling_bert as modeling_bert

assert "position_embedding_type" not in inspect.getsource(modeling_bert)
assert runs["absolute"][0] == runs["relative_key_query"][0] == 109_482_240
assert torch.equal(runs["absolute"][1], runs["relative_key_query"][1])
assert not any("distance" in n or "relative" in n for n, _ in model.named_parameters())

# --8<-- [start:attention]
import torch
from transformers import AutoConfig, AutoModel, AutoTokenizer

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
# --8<-- [end:attention]

# --8<-- [start:causal]
import torch
from transformers.masking_utils import causal_mask_function

# a decoder's causal mask over the same 6 positions: no token sees the tokens after it
n = 6
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
# --8<-- [end:causal]

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

# a checkpoint keeps whatever row 0 it was saved with: this one is not zero
assert model.embeddings.word_embeddings.weight[0].abs().max() > 0

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


# Architecture diagram, drawn from the config's quantities in each language (not shown)
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.patches import Circle, FancyBboxPatch

from tensornotes.figures import save_charts

H, F, L = config.hidden_size, config.intermediate_size, config.num_hidden_layers
V, P, T = config.vocab_size, config.max_position_embeddings, config.type_vocab_size
A = config.num_attention_heads
D = H // A  # width of one head
TEXT = {
    "en": {
        "seq": "(batch, seq)",
        "buffer": "(1, seq), from a buffer",
        "mask": "padding mask:\nadded to every\nlayer's scores",
        "sum": "sum",
        "embeddings": "BertModel.embeddings\n(BertEmbeddings)",
        "encoder": f"BertModel.encoder  (BertEncoder: {L} × BertLayer)",
        "layer": f"one BertLayer, repeated {L} times, each with its own weights",
        "qkv": f"query, key, value: three dense {H} → {H}\nsplit into {A} heads of {D}",
        "scores": f"softmax(q·kᵀ / √{D} + mask), dropout, then × value",
        "concat": f"concatenate the {A} heads, dense {H} → {H}, dropout",
        "ffn_in": f"dense {H} → {F}, GELU",
        "ffn_out": f"dense {F} → {H}, dropout",
        "residual": "residual",
        "residual_rotation": 90,
        "pooler": f"BertModel.pooler  (BertPooler): hidden state of [CLS] → dense {H} → {H} → tanh",
    },
    "zh": {
        "seq": "(batch, seq)",
        "buffer": "(1, seq)，取自缓冲区",
        "mask": "填充掩码：\n加到每一层的\n注意力打分上",
        "sum": "相加",
        "embeddings": "BertModel.embeddings\n(BertEmbeddings)",
        "encoder": f"BertModel.encoder  (BertEncoder：{L} × BertLayer)",
        "layer": f"一个 BertLayer，重复 {L} 次，每层有自己的权重",
        "qkv": f"查询、键、值：三个全连接 {H} → {H}\n拆成 {A} 个 {D} 维的头",
        "scores": f"softmax(q·kᵀ / √{D} + 掩码)，dropout，再乘以值",
        "concat": f"拼接 {A} 个头，全连接 {H} → {H}，dropout",
        "ffn_in": f"全连接 {H} → {F}，GELU",
        "ffn_out": f"全连接 {F} → {H}，dropout",
        "residual": "残\n差",
        "residual_rotation": 0,
        "pooler": f"BertModel.pooler  (BertPooler)：[CLS] 的隐藏状态 → 全连接 {H} → {H} → tanh",
    },
}


def draw_architecture(text):
    fig, ax = plt.subplots(figsize=(9.6, 13))
    ax.set_xlim(0, 12)
    ax.set_ylim(0, 17.2)
    ax.axis("off")

    def box(x, y, w, h, label="", face="white", edge="#3f51b5", style="-", size=9, bold=False):
        ax.add_patch(FancyBboxPatch(
            (x, y), w, h, boxstyle="round,pad=0.02,rounding_size=0.12",
            facecolor=face, edgecolor=edge, linewidth=1.4, linestyle=style,
        ))
        if label:
            ax.text(x + w / 2, y + h / 2, label, ha="center", va="center", fontsize=size,
                    weight="bold" if bold else "normal")

    def arrow(x0, y0, x1, y1, color="#333333"):
        ax.annotate("", (x1, y1), (x0, y0),
                    arrowprops=dict(arrowstyle="-|>", color=color, lw=1.3, shrinkA=0, shrinkB=0))

    def line(xs, ys, color="#333333"):
        ax.plot(xs, ys, color=color, lw=1.3)

    def plus(x, y):
        ax.add_patch(Circle((x, y), 0.2, facecolor="white", edgecolor="#333333", lw=1.3))
        ax.text(x, y, "+", ha="center", va="center", fontsize=12)

    # inputs: three tensors from the tokenizer, position_ids from a buffer of the embeddings
    inputs = [(0.45, "input_ids", text["seq"]), (3.55, "token_type_ids", text["seq"]),
              (6.65, "position_ids", text["buffer"])]
    for x, name, shape in inputs:
        box(x, 16.15, 2.9, 0.8, f"{name}\n{shape}", face="#f5f5f5", edge="#9e9e9e")
    box(9.95, 16.15, 1.9, 0.8, f"attention_mask\n{text['seq']}", face="#f5f5f5", edge="#9e9e9e")

    # embeddings: three lookups, their sum, LayerNorm and dropout
    box(0.3, 12.75, 9.4, 2.95, face="#e8eaf6")
    ax.text(0.5, 13.35, text["embeddings"], fontsize=10, weight="bold", va="center")
    tables = [("word_embeddings", V), ("token_type_embeddings", T), ("position_embeddings", P)]
    for (x, _, _), (name, rows) in zip(inputs, tables, strict=True):
        arrow(x + 1.45, 16.15, x + 1.45, 15.3)
        box(x, 14.45, 2.9, 0.85, f"{name}\n{rows} × {H}")
        arrow(x + 1.45, 14.45, 5, 13.6)
    box(4.1, 13.1, 1.8, 0.5, text["sum"], size=10)
    box(6.4, 13.1, 3.0, 0.5, "LayerNorm, dropout")
    arrow(5.9, 13.35, 6.4, 13.35)
    ax.text(8.05, 12.5, f"(batch, seq, {H})", ha="left", va="center", fontsize=8.5,
            color="#555555")

    # encoder: one layer in detail, with its residual connections and dropouts
    arrow(7.9, 13.1, 7.9, 12.3)
    box(0.3, 3.65, 9.4, 8.6, face="#e8f5e9", edge="#2e7d32")
    ax.text(0.5, 12.0, text["encoder"], fontsize=10.5, weight="bold", va="center")
    box(0.6, 3.85, 8.8, 7.85, edge="#2e7d32", style="--")
    ax.text(0.8, 11.45, text["layer"], fontsize=8.5, va="center", color="#555555")
    cx, bx, bw = 5.4, 2.0, 6.8  # centre, left edge and width of the layer's boxes
    rows = [  # (bottom, height, label, module)
        (10.15, 0.75, text["qkv"], "attention.self"),
        (9.35, 0.6, text["scores"], "attention.self"),
        (8.4, 0.6, text["concat"], "attention.output"),
        (7.15, 0.45, "LayerNorm", "attention.output"),
        (6.1, 0.6, text["ffn_in"], "intermediate"),
        (5.15, 0.6, text["ffn_out"], "output"),
        (3.95, 0.45, "LayerNorm", "output"),
    ]
    arrow(cx, 11.25, cx, 10.9)
    for i, (y, h, label, _) in enumerate(rows):
        box(bx, y, bw, h, label, face="#f1f8e9", edge="#2e7d32", size=8.5)
        if i + 1 < len(rows) and i not in (2, 5):
            arrow(cx, y, cx, rows[i + 1][0] + rows[i + 1][1])
    # the two residual additions: input + attention, attention output + feed-forward
    for top, add_y, below in [(11.1, 7.95, 7.6), (6.85, 4.7, 4.4)]:
        plus(cx, add_y)
        arrow(cx, rows[2 if add_y > 7 else 5][0], cx, add_y + 0.2)
        arrow(cx, add_y - 0.2, cx, below)
        line([cx, 1.3, 1.3], [top, top, add_y])
        arrow(1.3, add_y, cx - 0.2, add_y)
        ax.text(1.2, (top + add_y) / 2, text["residual"], rotation=text["residual_rotation"],
                ha="right", va="center",
                fontsize=8.5, color="#555555")
    arrow(cx, 7.15, cx, 6.7)
    # the padding mask reaches the scores of every layer
    line([10.9, 10.9], [16.15, 9.65])
    arrow(10.9, 9.65, bx + bw, 9.65)
    ax.text(10.98, 14.2, text["mask"], fontsize=8, va="center", color="#555555")

    # outputs
    arrow(5, 3.65, 5, 3.1)
    box(2.6, 2.5, 4.8, 0.6, f"last_hidden_state  (batch, seq, {H})", face="#fff8e1",
        edge="#f9a825")
    arrow(5, 2.5, 5, 2.05)
    box(0.3, 1.25, 9.4, 0.8, text["pooler"], face="#fce4ec", edge="#ad1457", size=9)
    arrow(5, 1.25, 5, 0.9)
    box(2.6, 0.3, 4.8, 0.6, f"pooler_output  (batch, {H})", face="#fff8e1", edge="#f9a825")
    return fig


save_charts("bert-base-architecture", lambda lang: draw_architecture(TEXT[lang]))
