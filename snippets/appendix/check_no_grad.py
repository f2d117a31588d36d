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

model = torch.nn.Sequential(torch.nn.Linear(768, 768), torch.nn.Linear(768, 2))
model[0].requires_grad_(False)  # freeze the first layer
optimizer = torch.optim.Adam(p for p in model.parameters() if p.requires_grad)
model(torch.ones(1, 768)).sum().backward()
optimizer.step()
frozen = sum(p.numel() for p in model[0].parameters())
grads = sum(p.grad.nbytes for p in model.parameters() if p.grad is not None)
state = sum(v.nbytes for s in optimizer.state.values() for v in s.values())
print(f"{frozen:,} frozen parameters ({model[0].in_features} x {model[0].out_features} + bias); "
      f".grad {grads:,} bytes, Adam state {state:,} bytes")
#> 590,592 frozen parameters (768 x 768 + bias); .grad 6,152 bytes, Adam state 12,312 bytes
print(f"spared: {12 * frozen:,} bytes (4 of .grad and 8 of Adam state per parameter)")
#> spared: 7,087,104 bytes (4 of .grad and 8 of Adam state per parameter)
# --8<-- [end:q2]

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
