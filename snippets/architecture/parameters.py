"""bert-base-uncased's parameters, counted exactly: by part, by layer, and as a formula."""

# --8<-- [start:counts]
import torch
from transformers import AutoConfig, AutoModel

config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
with torch.device("meta"):  # shapes only: no memory, no initialisation
    model = AutoModel.from_config(config)


def count(module):
    return sum(p.numel() for p in module.parameters())


total = count(model)
trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
print(f"total:     {total:,}")
#> total:     109,482,240
print(f"trainable: {trainable:,}")
#> trainable: 109,482,240

parts = {
    "embeddings": model.embeddings,
    "encoder": model.encoder,
    "pooler": model.pooler,
}
for name, part in parts.items():
    print(f"{name:>10}: {count(part):>11,}  {100 * count(part) / total:6.2f} %")
    #> embeddings:  23,837,184   21.77 %
    #>    encoder:  85,054,464   77.69 %
    #>     pooler:     590,592    0.54 %
in_parts = sum(count(part) for part in parts.values())
print(f"{'total':>10}: {in_parts:>11,}  {100 * in_parts / total:6.2f} %")
#>      total: 109,482,240  100.00 %
# --8<-- [end:counts]

assert total == 109_482_240 == trainable == in_parts

# --8<-- [start:notes]
import torch
from transformers import AutoConfig, AutoModel

config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
with torch.device("meta"):
    model = AutoModel.from_config(config)
total = sum(p.numel() for p in model.parameters())

# the notes' shares, in %
notes = {"embeddings": 21.7, "encoder": 77.6, "pooler": 0.5}
for name, claimed in notes.items():
    part = getattr(model, name)
    share = 100 * sum(p.numel() for p in part.parameters()) / total
    print(
        f"{name:>10}: notes {claimed:4} %  exact {share:5.2f} %"
        f"  one decimal {share:4.1f} %"
    )
    #> embeddings: notes 21.7 %  exact 21.77 %  one decimal 21.8 %
    #>    encoder: notes 77.6 %  exact 77.69 %  one decimal 77.7 %
    #>     pooler: notes  0.5 %  exact  0.54 %  one decimal  0.5 %
print(f"sum of the notes' shares: {sum(notes.values()):.1f} %")
#> sum of the notes' shares: 99.8 %
print(f"notes: 109,000,000  exact: {total:,} = {total / 1e6:.2f} M")
#> notes: 109,000,000  exact: 109,482,240 = 109.48 M
print(f"to three significant figures: {round(total, -6):,}")  # rounded or cut off alike
#> to three significant figures: 109,000,000
# --8<-- [end:notes]

assert round(total, -6) == total // 10**6 * 10**6 == 109_000_000

# --8<-- [start:per_layer]
import torch
from transformers import AutoConfig, AutoModel

config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
with torch.device("meta"):
    model = AutoModel.from_config(config)
layer = model.encoder.layer[0]  # all 12 layers have the same shapes

pieces = {
    "attention.self (query, key, value)": layer.attention.self,
    "attention.output.dense": layer.attention.output.dense,
    "attention.output.LayerNorm": layer.attention.output.LayerNorm,
    "intermediate.dense": layer.intermediate.dense,
    "output.dense": layer.output.dense,
    "output.LayerNorm": layer.output.LayerNorm,
}
per_layer = sum(p.numel() for p in layer.parameters())
for name, piece in pieces.items():
    n = sum(p.numel() for p in piece.parameters())
    print(f"{name:>34}: {n:>9,}  {100 * n / per_layer:5.2f} %")
    #> attention.self (query, key, value): 1,771,776  25.00 %
    #>             attention.output.dense:   590,592   8.33 %
    #>         attention.output.LayerNorm:     1,536   0.02 %
    #>                 intermediate.dense: 2,362,368  33.33 %
    #>                       output.dense: 2,360,064  33.30 %
    #>                   output.LayerNorm:     1,536   0.02 %
print(f"{'one BertLayer':>34}: {per_layer:>9,}")
#>                      one BertLayer: 7,087,872
layers = len(model.encoder.layer)
print(f"{f'x {layers} layers':>34}: {per_layer * layers:,}")
#>                        x 12 layers: 85,054,464
# --8<-- [end:per_layer]

assert sum(sum(p.numel() for p in piece.parameters()) for piece in pieces.values()) == per_layer
assert per_layer * 12 == sum(p.numel() for p in model.encoder.parameters())

# --8<-- [start:formula]
import torch
from transformers import AutoConfig, AutoModel

config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
V, H, L = config.vocab_size, config.hidden_size, config.num_hidden_layers
P, T = config.max_position_embeddings, config.type_vocab_size
F = config.intermediate_size  # the feed-forward width

embeddings = (V + P + T) * H + 2 * H  # three tables, LayerNorm (weight and bias)
attention = 4 * (H * H + H) + 2 * H  # query, key, value, output dense; LayerNorm
# intermediate dense, output dense; LayerNorm
feed_forward = (H * F + F) + (F * H + H) + 2 * H
pooler = H * H + H  # dense
formula = embeddings + L * (attention + feed_forward) + pooler
print(f"embeddings = ({V} + {P} + {T}) * {H} + 2 * {H} = {embeddings:,}")
#> embeddings = (30522 + 512 + 2) * 768 + 2 * 768 = 23,837,184
layer = attention + feed_forward
print(f"one layer  = 4 * {H}^2 + 2 * {H} * {F} + 9 * {H} + {F} = {layer:,}")
#> one layer  = 4 * 768^2 + 2 * 768 * 3072 + 9 * 768 + 3072 = 7,087,872
print(f"pooler     = {H}^2 + {H} = {pooler:,}")
#> pooler     = 768^2 + 768 = 590,592
print(f"total      = {embeddings:,} + {L} * {layer:,} + {pooler:,} = {formula:,}")
#> total      = 23,837,184 + 12 * 7,087,872 + 590,592 = 109,482,240

with torch.device("meta"):
    model = AutoModel.from_config(config)
print(formula == sum(p.numel() for p in model.parameters()))
#> True
# --8<-- [end:formula]

assert layer == 4 * H * H + 2 * H * F + 9 * H + F

# --8<-- [start:rule_of_thumb]
import torch
from transformers import AutoConfig, AutoModel

config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
L, H, F = config.num_hidden_layers, config.hidden_size, config.intermediate_size
with torch.device("meta"):
    model = AutoModel.from_config(config)
encoder = sum(p.numel() for p in model.encoder.parameters())

print(F == 4 * H)  # so 4H^2 + 2HF = 12H^2 per layer
#> True
rule = 12 * L * H**2
print(f"12 * L * H^2 = {rule:,}")
#> 12 * L * H^2 = 84,934,656
print(f"encoder      = {encoder:,}")
#> encoder      = 85,054,464
rest = encoder - rule  # biases and LayerNorms: L * (9H + F)
print(f"the rest     = {rest:,} = L * (9H + F): {rest == L * (9 * H + F)}")
#> the rest     = 119,808 = L * (9H + F): True
print(f"the rule misses {100 * rest / encoder:.2f} % of the encoder")
#> the rule misses 0.14 % of the encoder
# --8<-- [end:rule_of_thumb]

# --8<-- [start:checkpoint]
import torch
from transformers import AutoConfig, AutoModel, BertForPreTraining

config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
print(config.architectures)  # what config.json names, not what the checkpoint holds
#> ['BertForMaskedLM']
with torch.device("meta"):
    base = AutoModel.from_config(config)  # what AutoModel.from_pretrained loads
    pretraining = BertForPreTraining(config)  # BertModel + the cls.* heads


def count(model):  # a weight tied to another counts once
    return sum(p.numel() for p in model.parameters())


print(f"BertModel:          {count(base):,}")
#> BertModel:          109,482,240
print(f"BertForPreTraining: {count(pretraining):,}")
#> BertForPreTraining: 110,106,428
print(f"cls.* heads add:    {count(pretraining) - count(base):,}")
#> cls.* heads add:    624,188
for model in (base, pretraining):
    print(f"{count(model) / 1e6:.2f} M, to two significant digits {count(model):.2g}")
    #> 109.48 M, to two significant digits 1.1e+08
    #> 110.11 M, to two significant digits 1.1e+08
# --8<-- [end:checkpoint]

assert count(pretraining) - count(base) == 624_188

# Chart of the counts, in each language (not shown on the page)
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from tensornotes.figures import save_charts

part_counts = {name: count(part) for name, part in parts.items()}
piece_counts = {name: sum(p.numel() for p in piece.parameters()) for name, piece in pieces.items()}
CHART_TEXT = {
    "en": {
        "axis": "parameters (millions)",
        "model": f"bert-base-uncased: {total:,} parameters",
        "layer": f"one BertLayer: {per_layer:,} parameters (x {L} layers)",
    },
    "zh": {
        "axis": "参数量（百万）",
        "model": f"bert-base-uncased：共 {total:,} 个参数",
        "layer": f"一个 BertLayer：{per_layer:,} 个参数（共 {L} 层）",
    },
}


def draw_parameters(text):
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(8, 5.6), height_ratios=[3, 6])
    colors = ["#3f51b5", "#2e7d32", "#ad1457"]
    names = list(part_counts)[::-1]
    top.barh(names, [part_counts[n] / 1e6 for n in names], color=colors[::-1])
    for y, name in enumerate(names):
        n = part_counts[name]
        top.text(n / 1e6 + 1, y, f"{n:,}  ({100 * n / total:.2f} %)", va="center", fontsize=9)
    top.set_xlim(0, 125)
    top.set_title(text["model"], fontsize=11)
    names = list(piece_counts)[::-1]
    bottom.barh(names, [piece_counts[n] / 1e6 for n in names], color="#66bb6a")
    for y, name in enumerate(names):
        n = piece_counts[name]
        bottom.text(n / 1e6 + 0.03, y, f"{n:,}  ({100 * n / per_layer:.2f} %)", va="center",
                    fontsize=9)
    bottom.set_xlim(0, 3.2)
    bottom.set_title(text["layer"], fontsize=11)
    for ax in (top, bottom):
        ax.set_xlabel(text["axis"])
        ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


save_charts("bert-base-parameters", lambda lang: draw_parameters(CHART_TEXT[lang]))
