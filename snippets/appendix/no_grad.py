"""Appendix A2: torch.no_grad() against requires_grad=False, measured on bert-base."""

from saved_for_backward import saved_for_backward  # the block above, on the page

# --8<-- [start:grad-mode]
import torch

weight = torch.ones(3, requires_grad=True)
with torch.no_grad():
    print(torch.is_grad_enabled(), weight.requires_grad)
    #> False True
    doubled = weight * 2
print(torch.is_grad_enabled(), doubled.requires_grad, doubled.grad_fn)
#> True False None
# --8<-- [end:grad-mode]

assert weight.requires_grad and not doubled.requires_grad

# --8<-- [start:update]
import torch

weight = torch.ones(3, requires_grad=True)
(weight * 2).sum().backward()
print(weight.grad)
#> tensor([2., 2., 2.])

try:
    weight -= 0.1 * weight.grad  # recorded by autograd: refused
except RuntimeError as error:
    print(type(error).__name__, error)
    #> RuntimeError a leaf Variable that requires grad is being used in an in-place operation.

with torch.no_grad():
    weight -= 0.1 * weight.grad  # an SGD step, written where autograd does not record
print(weight)
#> tensor([0.8000, 0.8000, 0.8000], requires_grad=True)
# --8<-- [end:update]

# --8<-- [start:table]
# needs saved_for_backward from the block above
import contextlib

import torch
from transformers import AutoConfig, AutoModel

model = AutoModel.from_config(AutoConfig.from_pretrained("google-bert/bert-base-uncased"))
model.train()  # training mode, dropout on (from_pretrained would return eval mode)
input_ids = torch.arange(2 * 16).reshape(2, 16) + 1000  # a fixed batch: 2 sequences of 16 ids

rows = {}
for no_grad in (True, False):
    for frozen in (True, False):
        model.requires_grad_(not frozen)  # requires_grad=False on every parameter, or not
        with torch.no_grad() if no_grad else contextlib.nullcontext():
            output, count, nbytes = saved_for_backward(model, input_ids=input_ids)
        hidden = output.last_hidden_state
        try:
            hidden.sum().backward()
            backward = "works"
        except RuntimeError as error:
            backward, message = "fails", str(error)
        rows[no_grad, frozen] = (hidden.grad_fn is not None, count, nbytes)
        print(f"no_grad={no_grad!s:5} frozen={frozen!s:5} grad_fn={hidden.grad_fn is not None!s:5} "
              f"packed={count:3} bytes={nbytes:,} backward() {backward}")
        #> no_grad=True  frozen=True  grad_fn=False packed=  0 bytes=0 backward() fails
        #> no_grad=True  frozen=False grad_fn=False packed=  0 bytes=0 backward() fails
        #> no_grad=False frozen=True  grad_fn=False packed=  0 bytes=0 backward() fails
        #> no_grad=False frozen=False grad_fn=True  packed=384 bytes=22,426,240 backward() works
print(message)  # why backward() fails in the first three rows
#> element 0 of tensors does not require grad and does not have a grad_fn
# --8<-- [end:table]

# only the last row records a graph; the first three are identical
assert rows[True, True] == rows[True, False] == rows[False, True] == (False, 0, 0)
assert rows[False, False][0]

# --8<-- [start:why-nothing]
import torch

torch.manual_seed(0)
table = torch.nn.Embedding(30522, 768).requires_grad_(False)  # a frozen lookup table
layer = torch.nn.Linear(768, 768).requires_grad_(False)  # a frozen layer
input_ids = torch.tensor([[101, 7592, 102]])

vectors = table(input_ids)
print(input_ids.dtype, input_ids.requires_grad, vectors.requires_grad, layer(vectors).grad_fn)
#> torch.int64 False False None

# the same frozen layer, fed a tensor that requires grad, is recorded
vectors = vectors.detach().requires_grad_()
print(layer(vectors).requires_grad)
#> True
# --8<-- [end:why-nothing]
