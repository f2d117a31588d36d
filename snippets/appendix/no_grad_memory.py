"""Appendix A2: what the recording row keeps for backward, and how it grows."""

from saved_for_backward import saved_for_backward  # the block above, on the page

# --8<-- [start:growth]
# needs saved_for_backward from the block above
import torch
from transformers import AutoConfig, AutoModel

model = AutoModel.from_config(AutoConfig.from_pretrained("google-bert/bert-base-uncased"))
model.train()  # training mode, dropout on (from_pretrained would return eval mode)

measured = {}
for batch, length in [(1, 16), (2, 16), (4, 16), (1, 32), (1, 64), (1, 128)]:
    input_ids = torch.arange(batch * length).reshape(batch, length) % 1000 + 1000
    _, _, measured[batch, length] = saved_for_backward(model, input_ids=input_ids)
    print(f"batch={batch} length={length:3}  saved: {measured[batch, length]:>11,} bytes")
    #> batch=1 length= 16  saved:  11,213,184 bytes
    #> batch=2 length= 16  saved:  22,426,240 bytes
    #> batch=4 length= 16  saved:  44,852,352 bytes
    #> batch=1 length= 32  saved:  23,308,032 bytes
    #> batch=1 length= 64  saved:  50,151,936 bytes
    #> batch=1 length=128  saved: 114,456,576 bytes

print(f"one more sequence of 16 tokens: {measured[2, 16] - measured[1, 16]:,} bytes")
#> one more sequence of 16 tokens: 11,213,056 bytes
print(f"length 64 -> 128: x{measured[1, 128] / measured[1, 64]:.2f}")
#> length 64 -> 128: x2.28
print(f"batch 32 x 128 tokens, extrapolated: {32 * measured[1, 128] / 1e9:.2f} GB")
#> batch 32 x 128 tokens, extrapolated: 3.66 GB
# --8<-- [end:growth]

# linear in the batch: each sequence adds the same amount
per_sequence = measured[2, 16] - measured[1, 16]
assert measured[4, 16] - measured[2, 16] == 2 * per_sequence
# more than linear in the length (the attention matrices grow with its square)
assert measured[1, 32] > 2 * measured[1, 16] and measured[1, 128] > 2 * measured[1, 64]

# --8<-- [start:what-is-packed]
from collections import Counter

import torch
from transformers import AutoConfig, AutoModel

model = AutoModel.from_config(AutoConfig.from_pretrained("google-bert/bert-base-uncased"))
model.train()  # training mode, dropout on (from_pretrained would return eval mode)
input_ids = torch.arange(2 * 16).reshape(2, 16) + 1000

packed = []
with torch.autograd.graph.saved_tensors_hooks(lambda t: packed.append(t) or t, lambda t: t):
    outputs = model(input_ids=input_ids)

# which kind of parameter owns each storage: "Linear.weight", "LayerNorm.bias", ...
weights = {p.untyped_storage().data_ptr(): f"{type(module).__name__}.{name}"
           for module in model.modules() for name, p in module.named_parameters(recurse=False)}
of_weights = [t for t in packed if t.untyped_storage().data_ptr() in weights]
others = [t for t in packed if t.untyped_storage().data_ptr() not in weights]
print(len(packed), len(of_weights), len(others))
#> 384 123 261
print(dict(Counter(weights[t.untyped_storage().data_ptr()] for t in of_weights)))
#> {'LayerNorm.bias': 25, 'LayerNorm.weight': 25, 'Linear.weight': 73}
summed = sum(t.numel() * t.element_size() for t in packed)
summed_weights = sum(t.numel() * t.element_size() for t in of_weights)
print(f"{summed:,} bytes if every packed tensor is summed")
#> 366,945,152 bytes if every packed tensor is summed
print(f"{summed_weights:,} of them are weights, counted again each time one is packed")
#> 342,251,520 of them are weights, counted again each time one is packed

# --8<-- [end:what-is-packed]

# 73 Linear weights (6 per layer and the pooler's), saved for the gradient of their input, and
# the weight and bias of 25 LayerNorms: only that split gives the summed bytes of the weights
kinds = Counter(weights[t.untyped_storage().data_ptr()] for t in of_weights)
assert kinds == {"Linear.weight": 6 * 12 + 1, "LayerNorm.weight": 25, "LayerNorm.bias": 25}
linear = sum(t.nbytes for t in of_weights if weights[t.untyped_storage().data_ptr()] == "Linear.weight")
assert linear + 50 * 768 * 4 == summed_weights
assert not any(weights[t.untyped_storage().data_ptr()].endswith("Linear.bias") for t in of_weights)
