"""Appendix A2, check yourself: answers printed by code."""

# --8<-- [start:q1]
import torch

layer = torch.nn.Linear(4, 1)
losses, numbers = [], []
for _batch in range(3):
    loss = layer(torch.ones(2, 4)).pow(2).mean()
    losses.append(loss)  # keeps this batch's graph: its grad_fn and what it saved
    numbers.append(loss.item())  # a Python float: keeps nothing
print(all(loss.grad_fn is not None for loss in losses), type(numbers[0]).__name__)
#> True float
# --8<-- [end:q1]

# --8<-- [start:q2]
import torch


def after_one_step(freeze_first):
    """Bytes of .grad and of Adam state after one Adam step, and the first layer (frozen or not)."""
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(768, 768), torch.nn.Linear(768, 2))
    model[0].requires_grad_(not freeze_first)
    optimizer = torch.optim.Adam(p for p in model.parameters() if p.requires_grad)
    model(torch.ones(1, 768)).sum().backward()
    optimizer.step()
    grads = sum(p.grad.nbytes for p in model.parameters() if p.grad is not None)
    state = sum(v.nbytes for s in optimizer.state.values() for v in s.values())
    return grads, state, model[0]


(grads, state, layer), (grads_frozen, state_frozen, _) = after_one_step(False), after_one_step(True)
frozen = sum(p.numel() for p in layer.parameters())
print(f"{frozen:,} frozen parameters ({layer.in_features} x {layer.out_features} + bias): "
      f".grad {grads - grads_frozen:,} bytes less, Adam state {state - state_frozen:,} bytes less")
#> 590,592 frozen parameters (768 x 768 + bias): .grad 2,362,368 bytes less, Adam state 4,724,744 bytes less
print(f"spared: {grads - grads_frozen + state - state_frozen:,} bytes")
#> spared: 7,087,112 bytes
# --8<-- [end:q2]

# 4 bytes of .grad and 8 of Adam's averages per parameter, and a 4-byte step counter for each
# of the two frozen tensors (weight and bias)
assert grads - grads_frozen == 4 * frozen
assert state - state_frozen == 8 * frozen + 2 * 4

# --8<-- [start:q3]
import torch

weight = torch.ones(3, requires_grad=True)
with torch.inference_mode():
    inferred = torch.full((3,), 2.0)
print((inferred + weight).grad_fn is not None)  # recorded: the sum saves neither operand
#> True
try:
    inferred * weight  # the product must save inferred for weight's gradient
except RuntimeError as error:
    print(str(error).split(".")[0])
    #> Inference tensors cannot be saved for backward
# --8<-- [end:q3]

# gradient accumulation, as the page describes it: each half batch's mean loss divided by 2,
# the two gradients summed, gives the whole batch's gradient (undivided, it gives twice that)
torch.manual_seed(0)
layer, batch = torch.nn.Linear(4, 1), torch.randn(8, 4)
layer(batch).pow(2).mean().backward()
whole, layer.weight.grad = layer.weight.grad, None
for half in batch.chunk(2):
    (layer(half).pow(2).mean() / 2).backward()
assert torch.allclose(layer.weight.grad, whole)
