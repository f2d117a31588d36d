"""Appendix A2: freeze the first or the last k encoder layers, measure what backward keeps."""

# --8<-- [start:freeze]
import torch
from transformers import AutoConfig, AutoModel

model = AutoModel.from_config(AutoConfig.from_pretrained("google-bert/bert-base-uncased"))
model.train()  # training mode, dropout on (from_pretrained would return eval mode)
input_ids = torch.arange(2 * 16).reshape(2, 16) + 1000


def saved_for_backward(model, input_ids):
    """Bytes of the distinct storages packed for backward that the model does not own."""
    packed = []
    with torch.autograd.graph.saved_tensors_hooks(lambda t: packed.append(t) or t, lambda t: t):
        model(input_ids=input_ids)
    owned = {t.untyped_storage().data_ptr() for t in [*model.parameters(), *model.buffers()]}
    storages = {
        t.untyped_storage().data_ptr(): t.untyped_storage().nbytes()
        for t in packed
        if t.untyped_storage().data_ptr() not in owned
    }
    return sum(storages.values())


def trainable(model):
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


everything = saved_for_backward(model, input_ids)
print(f"nothing frozen: {trainable(model):,} trainable, {everything:,} saved")
#> nothing frozen: 109,482,240 trainable, 22,426,240 saved

bottom, top = [], []
print(f"{'':4} | bottom: {'trainable':>11} {'saved':>10} | top: {'trainable':>11} {'saved':>10}")
#>      | bottom:   trainable      saved | top:   trainable      saved
for k in range(0, 13, 2):  # every second k: both curves are straight lines
    # from the bottom: the embeddings and the first k layers
    model.requires_grad_(True)
    model.embeddings.requires_grad_(False)
    for layer in model.encoder.layer[:k]:
        layer.requires_grad_(False)
    bottom.append((trainable(model), saved_for_backward(model, input_ids)))
    # from the top: the pooler and the last k layers; the embeddings still train
    model.requires_grad_(True)
    model.pooler.requires_grad_(False)
    for layer in model.encoder.layer[12 - k :]:
        layer.requires_grad_(False)
    top.append((trainable(model), saved_for_backward(model, input_ids)))
    print(f"k={k:2} | bottom: {bottom[-1][0]:>11,} {bottom[-1][1]:>10,} "
          f"| top: {top[-1][0]:>11,} {top[-1][1]:>10,}")
    #> k= 0 | bottom:  85,645,056 22,228,992 | top: 108,891,648 22,327,936
    #> k= 2 | bottom:  71,469,312 18,541,568 | top:  94,715,904 20,951,680
    #> k= 4 | bottom:  57,293,568 14,854,144 | top:  80,540,160 19,575,424
    #> k= 6 | bottom:  43,117,824 11,166,720 | top:  66,364,416 18,199,168
    #> k= 8 | bottom:  28,942,080  7,479,296 | top:  52,188,672 16,822,912
    #> k=10 | bottom:  14,766,336  3,791,872 | top:  38,012,928 15,446,656
    #> k=12 | bottom:     590,592    104,448 | top:  23,837,184 14,070,400
# --8<-- [end:freeze]

# every two frozen bottom layers remove the same amount
steps = {bottom[i][1] - bottom[i + 1][1] for i in range(len(bottom) - 1)}
assert len(steps) == 1 and steps.pop() % 2 == 0
print(f"each frozen bottom layer: {(bottom[0][1] - bottom[1][1]) // 2:,} bytes less")
#> each frozen bottom layer: 1,843,712 bytes less
print(f"all 12 layers frozen, embeddings trainable: {top[-1][1] / everything:.0%} of the bytes kept")
#> all 12 layers frozen, embeddings trainable: 63% of the bytes kept
assert all(t[1] > b[1] for t, b in zip(top[1:], bottom[1:], strict=True))

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
           "saved": "为反向传播保存的内存（MB）", "params": "可训练参数（百万）",
           "x": "冻结的编码器层数 k",
           "title": "bert-base 架构，2 x 16 个 token 的批次，训练模式，CPU"},
}
ks = list(range(0, 13, 2))
for lang in LANGUAGES:
    text = LABELS[lang]
    with chart_style(lang):
        fig, (saved_axis, params_axis) = plt.subplots(1, 2, figsize=(10, 3.8))
        for rows, label, style in [(bottom, text["bottom"], "o-"), (top, text["top"], "s--")]:
            saved_axis.plot(ks, [b / 1e6 for _, b in rows], style, label=label)
            params_axis.plot(ks, [t / 1e6 for t, _ in rows], style, label=label)
        saved_axis.set_ylabel(text["saved"])
        params_axis.set_ylabel(text["params"])
        for axis in (saved_axis, params_axis):
            axis.set_xlabel(text["x"])
            axis.set_xticks(ks)
            axis.set_ylim(bottom=0)
            axis.grid(alpha=0.3)
            axis.legend(loc="lower left", fontsize="small")
        fig.suptitle(text["title"])
        fig.tight_layout()
        save_svg(fig, "no-grad-freeze", lang)
        plt.close(fig)
