"""Appendix A2: a training step's memory, measured on a CPU, per freezing choice and with no_grad."""

from saved_for_backward import saved_for_backward  # the block above, on the page

# --8<-- [start:budget]
# needs saved_for_backward from the block above
import contextlib

import torch
from transformers import AutoConfig, AutoModel

model = AutoModel.from_config(AutoConfig.from_pretrained("google-bert/bert-base-uncased")).train()
input_ids = torch.arange(2 * 16).reshape(2, 16) + 1000


def training_step(frozen=(), no_grad=False):
    """Bytes of weights, .grad, Adam state and saved activations after one Adam step."""
    for name, parameter in model.named_parameters():
        parameter.requires_grad_(not name.startswith(frozen)).grad = None
    with torch.no_grad() if no_grad else contextlib.nullcontext():
        outputs, _, saved = saved_for_backward(model, input_ids=input_ids)
    adam = 0
    if outputs.pooler_output.requires_grad:  # backward() fails on an output without a graph
        optimizer = torch.optim.Adam([p for p in model.parameters() if p.requires_grad])
        (outputs.last_hidden_state.sum() + outputs.pooler_output.sum()).backward()
        optimizer.step()
        adam = sum(v.nbytes for state in optimizer.state.values() for v in state.values())
    weights = sum(p.nbytes for p in model.parameters())
    grads = sum(p.grad.nbytes for p in model.parameters() if p.grad is not None)
    return [weights, grads, adam, saved]


layers = tuple(f"encoder.layer.{i}." for i in range(12))
choices = {"nothing frozen": (), "embeddings": ("embeddings.",),
           "embeddings + 6 layers": ("embeddings.", *layers[:6]),
           "all but the pooler": ("embeddings.", "encoder."), "everything": ("",)}
print(f"{'frozen':22} {'weights':>7} {'.grad':>7} {'Adam':>7} {'saved':>7} {'total':>7}  (MB)")
#> frozen                 weights   .grad    Adam   saved   total  (MB)
budget = {name: training_step(frozen) for name, frozen in choices.items()}
budget["no_grad"] = training_step(no_grad=True)
for name, row in budget.items():
    print(f"{name:22}", *(f"{size / 1e6:7.1f}" for size in [*row, sum(row)]))
    #> nothing frozen           437.9   437.9   875.9    22.4  1774.1
    #> embeddings               437.9   342.6   685.2    22.2  1487.9
    #> embeddings + 6 layers    437.9   172.5   344.9    11.2   966.5
    #> all but the pooler       437.9     2.4     4.7     0.1   445.1
    #> everything               437.9     0.0     0.0     0.0   437.9
    #> no_grad                  437.9     0.0     0.0     0.0   437.9
# --8<-- [end:budget]

full, embeddings = budget["nothing frozen"], budget["embeddings"]
model.requires_grad_(True)
parameters = sum(p.numel() for p in model.parameters())
print(f"{parameters:,} parameters: {full[0]:,} bytes of weights, {full[1]:,} of .grad, "
      f"{full[2]:,} of Adam state")
#> 109,482,240 parameters: 437,928,960 bytes of weights, 437,928,960 of .grad, 875,858,716 of Adam state
frozen = sum(p.numel() for p in model.embeddings.parameters())
tensors = len(list(model.embeddings.parameters()))
print(f"freezing the embeddings: {frozen:,} parameters ({tensors} tensors) frozen")
#> freezing the embeddings: 23,837,184 parameters (5 tensors) frozen
spared = (full[1] - embeddings[1]) + (full[2] - embeddings[2])
print(f"  .grad and Adam state: {spared:,} bytes less, {spared / 1e6:.0f} MB")
#>   .grad and Adam state: 286,046,228 bytes less, 286 MB
print(f"  saved activations: {full[3] - embeddings[3]:,} bytes less")
#>   saved activations: 197,248 bytes less
# 4 bytes of .grad, 2 x 4 bytes of Adam state per parameter, and a 4-byte step per tensor
assert full[1] - embeddings[1] == 4 * frozen
assert full[2] - embeddings[2] == 8 * frozen + 4 * tensors
assert full[0] == full[1] == 4 * sum(p.numel() for p in model.parameters())
# no_grad and a fully frozen model keep only the weights
assert budget["no_grad"] == budget["everything"] == [full[0], 0, 0, 0]

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from tensornotes.figures import LANGUAGES, chart_style, save_svg

LABELS = {
    "en": {"rows": list(budget), "parts": ["weights", ".grad", "Adam state", "saved activations"],
           "x": "MB (10^6 bytes)", "y": "frozen (requires_grad=False)",
           "title": "One training step, bert-base architecture, 2 x 16 tokens, float32, CPU"},
    "zh": {"rows": ["不冻结", "冻结嵌入层", "嵌入层 + 前 6 层", "除 pooler 外全部", "全部冻结",
                    "no_grad（不冻结）"],
           "parts": ["权重", ".grad（梯度）", "Adam 状态", "为反向传播保存的激活"],
           "x": "MB（10^6 字节）", "y": "冻结的部分（requires_grad=False）",
           "title": "一步训练：bert-base 结构，2 x 16 个 token，float32，CPU"},
}
COLORS = ["#90a4ae", "#3f51b5", "#7986cb", "#c62828"]
for lang in LANGUAGES:
    text = LABELS[lang]
    with chart_style(lang):
        fig, ax = plt.subplots(figsize=(8, 3.6))
        left = [0.0] * len(budget)
        for part, (label, color) in enumerate(zip(text["parts"], COLORS, strict=True)):
            widths = [row[part] / 1e6 for row in budget.values()]
            ax.barh(text["rows"], widths, left=left, color=color, label=label)
            left = [a + b for a, b in zip(left, widths, strict=True)]
        for y, total in enumerate(left):
            ax.text(total + 20, y, f"{total:,.0f}", va="center", fontsize="small")
        ax.invert_yaxis()
        ax.set_xlim(0, max(left) * 1.12)
        ax.set_xlabel(text["x"])
        ax.set_ylabel(text["y"])
        ax.set_title(text["title"], fontsize="medium")
        ax.legend(loc="lower right", fontsize="small")
        fig.tight_layout()
        save_svg(fig, "no-grad-budget", lang)
        plt.close(fig)
