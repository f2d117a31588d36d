"""Appendix A2: freeze a layer below or above the trainable ones, measure what backward keeps."""

from saved_for_backward import saved_for_backward  # the block above, on the page

# --8<-- [start:freeze]
# needs saved_for_backward from the block above
import torch
from transformers import AutoConfig, AutoModel


def saved_with_frozen(model, modules, *args, **kwargs):  # requires_grad=False on these only
    model.requires_grad_(True)
    for module in modules:
        module.requires_grad_(False)
    return saved_for_backward(model, *args, **kwargs)[2]


# the smallest case: Linear -> GELU -> Linear on 2 x 16 vectors of 768 floats (98,304 bytes)
mlp = torch.nn.Sequential(torch.nn.Linear(768, 768), torch.nn.GELU(), torch.nn.Linear(768, 768))
x = torch.randn(2, 16, 768)
cases = {"nothing": [], "the top Linear": [mlp[2]], "the bottom Linear": [mlp[0]]}
small = {frozen: saved_with_frozen(mlp, modules, x) for frozen, modules in cases.items()}
for frozen, nbytes in small.items():
    print(f"{frozen} frozen: {nbytes:,} bytes")
    #> nothing frozen: 294,912 bytes
    #> the top Linear frozen: 196,608 bytes
    #> the bottom Linear frozen: 98,304 bytes

# bert-base with 2 encoder layers instead of 12: each layer has the same shapes
config = AutoConfig.from_pretrained("google-bert/bert-base-uncased", num_hidden_layers=2)
model = AutoModel.from_config(config).train()
input_ids = torch.arange(2 * 16).reshape(2, 16) + 1000
layers = model.encoder.layer
bottom = [saved_with_frozen(model, [model.embeddings, *layers[:k]], input_ids) for k in range(3)]
top = [saved_with_frozen(model, [model.pooler, *layers[2 - k :]], input_ids) for k in range(3)]
for frozen, saved in [("embeddings + first k layers", bottom), ("pooler + last k layers", top)]:
    print(f"{frozen} frozen, k = 0 -> 1 -> 2:", " -> ".join(f"{n:,}" for n in saved))
    #> embeddings + first k layers frozen, k = 0 -> 1 -> 2: 3,791,872 -> 1,948,160 -> 104,448
    #> pooler + last k layers frozen, k = 0 -> 1 -> 2: 3,890,816 -> 3,202,688 -> 2,514,560
print(f"each frozen layer: {bottom[0] - bottom[1]:,} bytes less at the bottom, "
      f"{top[0] - top[1]:,} at the top")
#> each frozen layer: 1,843,712 bytes less at the bottom, 688,128 at the top
# --8<-- [end:freeze]

# the notes' rule "only below the lowest trainable parameter" would make the top savings 0
assert small == {"nothing": 3 * 98_304, "the top Linear": 2 * 98_304, "the bottom Linear": 98_304}
per_bottom, per_top = bottom[0] - bottom[1], top[0] - top[1]
assert bottom[1] - bottom[2] == per_bottom and top[1] - top[2] == per_top
assert 0 < per_top < per_bottom
# a frozen layer above a trainable part drops the inputs of its Linear layers, which only the
# weight gradients need: the input of query, key and value, the attention context, the
# attention block's output, and the 3072-wide GELU output
layer = model.encoder.layer[0]
widths = [layer.attention.self.query.in_features, layer.attention.output.dense.in_features,
          layer.intermediate.dense.in_features, layer.output.dense.in_features]
assert per_top == 4 * 2 * 16 * sum(widths)
print(f"a layer frozen at the top drops {per_top:,} bytes: the inputs of its linear layers, "
      f"{' + '.join(map(str, widths))} floats per token")
#> a layer frozen at the top drops 688,128 bytes: the inputs of its linear layers, 768 + 768 + 768 + 3072 floats per token
# below the lowest trainable parameter nothing is kept: with everything but the pooler frozen,
# only the pooler's input and output remain
pooler_only = bottom[-1]

# freezing only biases or LayerNorm parameters keeps every activation: a bias's gradient needs no
# saved tensor, and a LayerNorm keeps the same tensors for the gradient of its input
assert saved_with_frozen(mlp, [mlp[0].bias, mlp[2].bias], x) == small["nothing"]
norms_and_biases = [m for m in model.modules() if isinstance(m, torch.nn.LayerNorm)]
norms_and_biases += [p for name, p in model.named_parameters() if name.endswith(".bias")]
nothing_frozen = saved_with_frozen(model, [], input_ids)
assert saved_with_frozen(model, norms_and_biases, input_ids) == nothing_frozen
frozen_count = sum(p.numel() for p in model.parameters() if not p.requires_grad)
print(f"2 layers, every bias and LayerNorm frozen ({frozen_count:,} parameters): "
      f"{nothing_frozen:,} bytes saved, as with nothing frozen")
#> 2 layers, every bias and LayerNorm frozen (22,272 parameters): 3,989,120 bytes saved, as with nothing frozen


# the same measurement on all 12 layers, for every second k: the chart, and the page's totals
def trainable(model):
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


model = AutoModel.from_config(AutoConfig.from_pretrained("google-bert/bert-base-uncased")).train()
everything = saved_for_backward(model, input_ids)[2]
print(f"nothing frozen: {trainable(model):,} trainable, {everything:,} saved")
#> nothing frozen: 109,482,240 trainable, 22,426,240 saved
rows = {"bottom": [], "top": []}
for k in range(0, 13, 2):
    model.requires_grad_(True)
    for module in [model.embeddings, *model.encoder.layer[:k]]:
        module.requires_grad_(False)
    rows["bottom"].append((trainable(model), saved_for_backward(model, input_ids)[2]))
    model.requires_grad_(True)
    for module in [model.pooler, *model.encoder.layer[12 - k :]]:
        module.requires_grad_(False)
    rows["top"].append((trainable(model), saved_for_backward(model, input_ids)[2]))
    print(f"k={k:2} | bottom: {rows['bottom'][-1][0]:>11,} {rows['bottom'][-1][1]:>10,} "
          f"| top: {rows['top'][-1][0]:>11,} {rows['top'][-1][1]:>10,}")
    #> k= 0 | bottom:  85,645,056 22,228,992 | top: 108,891,648 22,327,936
    #> k= 2 | bottom:  71,469,312 18,541,568 | top:  94,715,904 20,951,680
    #> k= 4 | bottom:  57,293,568 14,854,144 | top:  80,540,160 19,575,424
    #> k= 6 | bottom:  43,117,824 11,166,720 | top:  66,364,416 18,199,168
    #> k= 8 | bottom:  28,942,080  7,479,296 | top:  52,188,672 16,822,912
    #> k=10 | bottom:  14,766,336  3,791,872 | top:  38,012,928 15,446,656
    #> k=12 | bottom:     590,592    104,448 | top:  23,837,184 14,070,400
bottom12, top12 = rows["bottom"], rows["top"]
# every layer keeps the same bytes as in the 2-layer model: two layers per step of k
import itertools

for rows12, per_layer in [(bottom12, per_bottom), (top12, per_top)]:
    assert {a[1] - b[1] for a, b in itertools.pairwise(rows12)} == {2 * per_layer}
assert bottom12[0][1] == bottom[0] + 10 * per_bottom and top12[0][1] == top[0] + 10 * per_bottom
assert bottom12[-1][1] == pooler_only
print(f"all 12 layers and the pooler frozen, embeddings trainable: {top12[-1][1]:,} bytes, "
      f"{top12[-1][1] / everything:.0%} of {everything:,}")
#> all 12 layers and the pooler frozen, embeddings trainable: 14,070,400 bytes, 63% of 22,426,240
assert all(t[1] > b[1] for t, b in zip(top12[1:], bottom12[1:], strict=True))

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from tensornotes.figures import LANGUAGES, chart_style, save_svg

LABELS = {
    "en": {"bottom": "embeddings + first k layers frozen", "top": "last k layers + pooler frozen",
           "saved": "saved for backward (MB)", "params": "trainable parameters (millions)",
           "x": "frozen encoder layers k",
           "title": "bert-base architecture, batch of 2 x 16 tokens, training mode, CPU"},
    "zh": {"bottom": "冻结嵌入层 + 前 k 层", "top": "冻结后 k 层 + pooler",
           "saved": "为反向传播保存的激活（MB）", "params": "可训练参数（百万）",
           "x": "冻结的编码器层数 k",
           "title": "bert-base 结构，2 x 16 个 token 的批次，训练模式，CPU"},
}
ks = list(range(0, 13, 2))
for lang in LANGUAGES:
    text = LABELS[lang]
    with chart_style(lang):
        fig, (saved_axis, params_axis) = plt.subplots(1, 2, figsize=(10, 3.8))
        for rows, label, style in [(bottom12, text["bottom"], "o-"), (top12, text["top"], "s--")]:
            saved_axis.plot(ks, [b / 1e6 for _, b in rows], style, label=label)
            params_axis.plot(ks, [t / 1e6 for t, _ in rows], style, label=label)
        saved_axis.set_ylabel(text["saved"])
        params_axis.set_ylabel(text["params"])
        for axis in (saved_axis, params_axis):
            axis.set_xlabel(text["x"])
            axis.set_xticks(ks)
            axis.set_ylim(bottom=0)
            axis.grid(alpha=0.3)
            axis.legend(loc="lower left")  # full size: the page column shrinks this wide chart
        fig.suptitle(text["title"])
        fig.tight_layout()
        save_svg(fig, "no-grad-freeze", lang)
        plt.close(fig)
