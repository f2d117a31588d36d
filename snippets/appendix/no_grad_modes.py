"""Appendix A2: model.eval() against torch.no_grad(), and what torch.inference_mode() forbids."""

# --8<-- [start:eval]
import contextlib

import torch
from transformers import AutoConfig, AutoModel

model = AutoModel.from_config(AutoConfig.from_pretrained("google-bert/bert-base-uncased"))
input_ids = torch.arange(2 * 16).reshape(2, 16) + 1000
print(model.config._attn_implementation)  # the default: torch's scaled_dot_product_attention
#> sdpa

for mode in ("train", "eval"):
    getattr(model, mode)()  # model.train() or model.eval(): switches dropout
    for no_grad in (False, True):
        with torch.no_grad() if no_grad else contextlib.nullcontext():
            torch.manual_seed(0)  # two different dropout draws
            first = model(input_ids=input_ids).last_hidden_state
            torch.manual_seed(1)
            second = model(input_ids=input_ids).last_hidden_state
        print(f"model.{mode}() no_grad={no_grad!s:5} same twice={torch.equal(first, second)!s:5} "
              f"grad_fn={first.grad_fn is not None}")
        #> model.train() no_grad=False same twice=False grad_fn=True
        #> model.train() no_grad=True  same twice=False grad_fn=False
        #> model.eval() no_grad=False same twice=True  grad_fn=True
        #> model.eval() no_grad=True  same twice=True  grad_fn=False
# --8<-- [end:eval]


# what the graph keeps in each mode, counted as in the table of the four rows
def saved_bytes(model, input_ids):
    packed = []
    with torch.autograd.graph.saved_tensors_hooks(lambda t: packed.append(t) or t, lambda t: t):
        model(input_ids=input_ids)
    owned = {t.untyped_storage().data_ptr() for t in [*model.parameters(), *model.buffers()]}
    storages = {t.untyped_storage().data_ptr(): t.untyped_storage().nbytes() for t in packed}
    return sum(n for ptr, n in storages.items() if ptr not in owned)


kept = {}
for mode in ("train", "eval"):
    getattr(model, mode)()
    kept[mode] = saved_bytes(model, input_ids)
    with torch.no_grad():
        assert saved_bytes(model, input_ids) == 0
print(f"saved for backward: model.train() {kept['train']:,} bytes, model.eval() {kept['eval']:,}")
#> saved for backward: model.train() 22,426,240 bytes, model.eval() 19,102,336
assert 0 < kept["eval"] < kept["train"]

# the two reasons eval keeps less, apart: eager attention keeps the attention matrices in both
# modes, so eager's train - eval is dropout alone, and eager's eval - sdpa's eval the fused kernel
config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
eager = AutoModel.from_config(config, attn_implementation="eager")  # the weights do not matter
eager_kept = {}
for mode in ("train", "eval"):
    getattr(eager, mode)()
    eager_kept[mode] = saved_bytes(eager, input_ids)
assert eager.config._attn_implementation == "eager" and model.config._attn_implementation == "sdpa"
assert eager_kept["train"] == kept["train"]
dropout_part = eager_kept["train"] - eager_kept["eval"]
kernel_part = eager_kept["eval"] - kept["eval"]
assert dropout_part + kernel_part == kept["train"] - kept["eval"] and dropout_part > kernel_part > 0
print(f"eager: model.train() {eager_kept['train']:,}, model.eval() {eager_kept['eval']:,}; "
      f"of the {kept['train'] - kept['eval']:,} bytes eval saves, dropout off {dropout_part:,}, "
      f"fused kernel {kernel_part:,}")
#> eager: model.train() 22,426,240, model.eval() 19,378,816; of the 3,323,904 bytes eval saves, dropout off 3,047,424, fused kernel 276,480


def backward_nodes(tensor):
    """Names of the autograd nodes behind a tensor."""
    seen, stack, names = set(), [tensor.grad_fn], set()
    while stack:
        node = stack.pop()
        if node is None or node in seen:
            continue
        seen.add(node)
        names.add(node.name())
        stack.extend(next_node for next_node, _ in node.next_functions)
    return names


# with dropout on, CPU attention runs the unfused math path (it keeps the attention
# matrices); in eval mode it picks the fused CPU kernel, which keeps much less
model.train()
train_nodes = backward_nodes(model(input_ids=input_ids).last_hidden_state)
model.eval()
eval_nodes = backward_nodes(model(input_ids=input_ids).last_hidden_state)
assert "BmmBackward0" in train_nodes and "SafeSoftmaxBackward0" in train_nodes
assert "ScaledDotProductFlashAttentionForCpuBackward0" in eval_nodes
assert "BmmBackward0" not in eval_nodes

# --8<-- [start:inference-mode]
import torch

weight = torch.ones(3, requires_grad=True)
with torch.inference_mode():
    inferred = torch.ones(3) * 2
with torch.no_grad():
    no_grad = torch.ones(3) * 2
print(inferred.is_inference(), no_grad.is_inference())
#> True False

(inferred + weight).sum().backward()  # recorded: addition saves neither operand
print(weight.grad)
#> tensor([1., 1., 1.])
try:
    (inferred * weight).sum().backward()  # the gradient of weight needs inferred: saved
except RuntimeError as error:
    print(type(error).__name__, error)
    #> RuntimeError Inference tensors cannot be saved for backward. Please do not use Tensors created in inference mode in computation tracked by autograd. To work around this, you can make a clone to get a normal tensor and use it in autograd, or use `torch.no_grad()` instead of `torch.inference_mode()`.
try:
    inferred.add_(1)  # in place, outside inference mode
except RuntimeError as error:
    print(type(error).__name__, error)
    #> RuntimeError Inplace update to inference tensor outside InferenceMode is not allowed.You can make a clone to get a normal tensor before doing inplace update.See https://github.com/pytorch/rfcs/pull/17 for more details.

# a tensor made under no_grad is an ordinary tensor: both work
no_grad.add_(1)
weight.grad = None
(no_grad * weight).sum().backward()
print(weight.grad)
#> tensor([3., 3., 3.])
# the way out: clone an inference tensor into a normal one
print(inferred.clone().is_inference())
#> False
# --8<-- [end:inference-mode]


# what the summary states: an inference tensor can enter a computation autograd records later;
# only saving it for backward, or changing it in place outside the block, fails
def fails(operation):
    try:
        operation()
    except RuntimeError:
        return True
    return False


weight.grad = None
assert not fails(lambda: (inferred + weight).sum().backward()) and weight.grad is not None
assert fails(lambda: inferred * weight) and fails(lambda: inferred.add_(1))
assert not fails(lambda: inferred.clone() * weight)
