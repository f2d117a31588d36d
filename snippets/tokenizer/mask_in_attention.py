"""The mask inside attention: added before the softmax, its broadcast form, three conventions."""

# --8<-- [start:softmax]
import torch

scores = torch.tensor([2.0, 1.0, 0.5, 3.0, 3.0])  # one query against five keys
keep = torch.tensor([1, 1, 1, 0, 0])  # the last two keys are padding
minimum = torch.finfo(scores.dtype).min
additive = torch.where(keep.bool(), 0.0, minimum)
weights = torch.softmax(scores + additive, dim=-1)
print(weights)
#> tensor([0.6285, 0.2312, 0.1402, 0.0000, 0.0000])
print(torch.equal(weights[:3], torch.softmax(scores[:3], dim=-1)))
#> True
# a row with every key masked: -inf gives NaN, the finite minimum does not
print(torch.softmax(torch.full((3,), float("-inf")), dim=-1))
#> tensor([nan, nan, nan])
print(torch.softmax(torch.full((3,), minimum), dim=-1))
#> tensor([0.3333, 0.3333, 0.3333])
# --8<-- [end:softmax]

# --8<-- [start:float16]
import torch

minimum = torch.finfo(torch.float16).min
for score in [-15, -16]:  # from -16 down, the sum overflows
    print(score, "+", minimum, "=", torch.tensor(score, dtype=torch.float16) + minimum)
    #> -15 + -65504.0 = tensor(-65504., dtype=torch.float16)
    #> -16 + -65504.0 = tensor(-inf, dtype=torch.float16)
score = -20
masked = torch.full((3,), score, dtype=torch.float16) + minimum
print(masked, torch.softmax(masked, dim=-1))  # a fully masked row: -inf again, NaN
#> tensor([-inf, -inf, -inf], dtype=torch.float16) tensor([nan, nan, nan], dtype=torch.float16)
mixed = torch.tensor([score, 1, 2], dtype=torch.float16) + minimum
print(torch.softmax(mixed, dim=-1))  # not NaN, but not uniform either
#> tensor([0.0000, 0.5000, 0.5000], dtype=torch.float16)
# float32 and bfloat16: the score rounds away into the minimum, uniform weights
for dtype in [torch.float32, torch.bfloat16]:
    row = torch.full((3,), score, dtype=dtype) + torch.finfo(dtype).min
    print(dtype, torch.softmax(row, dim=-1))
    #> torch.float32 tensor([0.3333, 0.3333, 0.3333])
    #> torch.bfloat16 tensor([0.3340, 0.3340, 0.3340], dtype=torch.bfloat16)
# --8<-- [end:float16]

assert torch.isneginf(masked).all() and torch.isnan(torch.softmax(masked, dim=-1)).all()
# float16: every score of -16 or lower overflows to -inf, every higher one rounds away
scores16 = (torch.arange(-40 * 1024, 0) / 1024).to(torch.float16).unique()
assert torch.equal(torch.isneginf(scores16 + minimum), scores16 <= -16)
assert (scores16[scores16 > -16] + minimum == minimum).all()
# so a float16 row is NaN exactly when every score is -16 or lower
assert torch.isnan(torch.softmax(torch.tensor([-16.0, -17, -40], dtype=torch.float16) + minimum, dim=-1)).all()
assert not torch.isnan(torch.softmax(torch.tensor([-15.99, -17, -40], dtype=torch.float16) + minimum, dim=-1)).any()
for dtype in [torch.float32, torch.bfloat16]:  # the score vanishes into the minimum
    assert (torch.full((3,), score, dtype=dtype) + torch.finfo(dtype).min == torch.finfo(dtype).min).all()
    wide = torch.arange(-10_000, 0, dtype=dtype)
    assert (wide + torch.finfo(dtype).min == torch.finfo(dtype).min).all()

# BERT's eager attention adds the mask and takes the softmax in the input dtype:
# a fully masked row with scores of -20 is NaN in float16, uniform in float32 and bfloat16
from transformers import AutoConfig
from transformers.masking_utils import create_bidirectional_mask
from transformers.models.bert.modeling_bert import eager_attention_forward

eager_config = AutoConfig.from_pretrained("google-bert/bert-base-uncased", attn_implementation="eager")
for dtype in [torch.float16, torch.bfloat16, torch.float32]:
    query = torch.full((1, 1, 3, 4), 2.0, dtype=dtype)
    key = torch.full((1, 1, 3, 4), -5.0, dtype=dtype)  # every score: 4 * 2 * -5 * 0.5 = -20
    value = torch.ones(1, 1, 3, 4, dtype=dtype)
    no_real_token = torch.zeros(1, 3, dtype=torch.long)
    mask = create_bidirectional_mask(eager_config, torch.zeros(1, 3, 8, dtype=dtype), no_real_token)
    _, weights = eager_attention_forward(torch.nn.Module().eval(), query, key, value, mask, scaling=0.5)
    assert weights.dtype == dtype
    if dtype == torch.float16:
        assert torch.isnan(weights).all()
    else:
        assert torch.allclose(weights.float(), torch.full_like(weights.float(), 1 / 3), atol=1e-2)

# --8<-- [start:reaches-attention]
import torch
from transformers import AutoConfig, AutoTokenizer
from transformers.masking_utils import create_bidirectional_mask

name = "google-bert/bert-base-uncased"
tokenizer = AutoTokenizer.from_pretrained(name)
batch = tokenizer(["Hi there.", "A somewhat longer sentence."], padding=True, return_tensors="pt")
print(batch["attention_mask"])
#> tensor([[1, 1, 1, 1, 1, 0, 0],
#>         [1, 1, 1, 1, 1, 1, 1]])
config = AutoConfig.from_pretrained(name, attn_implementation="eager")
for dtype in [torch.float32, torch.float16]:
    embeddings = torch.zeros(2, 7, config.hidden_size, dtype=dtype)  # only shape and dtype count
    mask = create_bidirectional_mask(config, embeddings, batch["attention_mask"])
    row = mask[0, 0, 0]  # text 0, any head, query 0: one value per key
    print(f"{mask.dtype} {tuple(mask.shape)} minimum: {torch.finfo(dtype).min}\n{row}")
    #> torch.float32 (2, 1, 7, 7) minimum: -3.4028234663852886e+38
    #> tensor([ 0.0000e+00,  0.0000e+00,  0.0000e+00,  0.0000e+00,  0.0000e+00,
    #>         -3.4028e+38, -3.4028e+38])
    #> torch.float16 (2, 1, 7, 7) minimum: -65504.0
    #> tensor([     0.,      0.,      0.,      0.,      0., -65504., -65504.],
    #>        dtype=torch.float16)
# --8<-- [end:reaches-attention]

# the same mask reaches the attention function of every layer of a real BERT
from transformers import AttentionInterface, AttentionMaskInterface, AutoModel
from transformers.masking_utils import eager_mask
from transformers.models.bert.modeling_bert import eager_attention_forward

received = []


def spy(module, query, key, value, attention_mask, **kwargs):
    received.append(attention_mask)
    return eager_attention_forward(module, query, key, value, attention_mask, **kwargs)


AttentionInterface.register("tensornotes_spy", spy)
AttentionMaskInterface.register("tensornotes_spy", eager_mask)
model = AutoModel.from_pretrained(
    "sentence-transformers/all-MiniLM-L6-v2", attn_implementation="tensornotes_spy"
).eval()
with torch.no_grad():
    model(**batch)
float32_mask = create_bidirectional_mask(
    config, torch.zeros(2, 7, config.hidden_size), batch["attention_mask"]
)
assert len(received) == model.config.num_hidden_layers
assert batch["attention_mask"].dtype == torch.int64  # the tokenizer's mask: int64, not bool
assert all(torch.equal(m, float32_mask) for m in received)
# a batch without padding: the eager layers of the real model receive no mask
received.clear()
with torch.no_grad():
    model(**tokenizer(["Cats chase mice.", "Dogs chase cats."], padding=True, return_tensors="pt"))
assert len(received) == model.config.num_hidden_layers and all(m is None for m in received)
# sdpa is the implementation a BERT model gets by default
default = AutoModel.from_pretrained("sentence-transformers/all-MiniLM-L6-v2")
assert default.config._attn_implementation == "sdpa"

# --8<-- [start:sdpa-form]
import torch
from transformers import AutoConfig, AutoTokenizer
from transformers.masking_utils import create_bidirectional_mask

name = "google-bert/bert-base-uncased"
tokenizer = AutoTokenizer.from_pretrained(name)
config = AutoConfig.from_pretrained(name, attn_implementation="sdpa")
embeddings = torch.zeros(2, 7, config.hidden_size)
batch = tokenizer(["Hi there.", "A somewhat longer sentence."], padding=True, return_tensors="pt")
mask = create_bidirectional_mask(config, embeddings, batch["attention_mask"])
print(mask.dtype, tuple(mask.shape), mask[0, 0, 0])
#> torch.bool (2, 1, 7, 7) tensor([ True,  True,  True,  True,  True, False, False])
# no padding in the batch: no mask at all, with either implementation
no_padding = torch.ones(2, 7, dtype=torch.long)
for implementation in ["eager", "sdpa"]:
    config = AutoConfig.from_pretrained(name, attn_implementation=implementation)
    print(implementation, create_bidirectional_mask(config, embeddings, no_padding))
    #> eager None
    #> sdpa None
# --8<-- [end:sdpa-form]

# the skip is allow_is_bidirectional_skip, on by default: without it, both build a mask
for implementation in ["eager", "sdpa"]:
    config = AutoConfig.from_pretrained(name, attn_implementation=implementation)
    assert create_bidirectional_mask(config, embeddings, no_padding) is None
    full = create_bidirectional_mask(config, embeddings, no_padding, allow_is_bidirectional_skip=False)
    assert full is not None and tuple(full.shape) == (2, 1, 7, 7)


# --8<-- [start:conventions]
import torch
import torch.nn.functional as F

torch.manual_seed(0)
attention_mask = torch.tensor([[1, 1, 1, 0, 0]])  # transformers: 1 = keep
key_padding_mask = attention_mask == 0  # nn.MultiheadAttention: True = ignore
sdpa_mask = attention_mask.bool()[:, None, None, :]  # SDPA: True = keep
print(key_padding_mask.tolist(), sdpa_mask.flatten().tolist())
#> [[False, False, False, True, True]] [True, True, True, False, False]

x = torch.randn(1, 5, 8)  # (batch, tokens, features); tokens 3 and 4 are padding
mha = torch.nn.MultiheadAttention(8, num_heads=2, batch_first=True).eval()
with torch.no_grad():
    alone, _ = mha(x[:, :3], x[:, :3], x[:, :3])  # the three real tokens only
    padded, _ = mha(x, x, x, key_padding_mask=key_padding_mask)
    wrong, _ = mha(x, x, x, key_padding_mask=attention_mask.bool())  # 1 -> True: "ignore"
print("MultiheadAttention:", torch.allclose(padded[:, :3], alone, atol=1e-6),
      "| attention_mask.bool():", torch.allclose(wrong[:, :3], alone, atol=1e-6))
#> MultiheadAttention: True | attention_mask.bool(): False

q = k = v = x.view(1, 5, 2, 4).transpose(1, 2)  # (batch, heads, tokens, head size)
alone = F.scaled_dot_product_attention(q[:, :, :3], k[:, :, :3], v[:, :, :3])
padded = F.scaled_dot_product_attention(q, k, v, attn_mask=sdpa_mask)
wrong = F.scaled_dot_product_attention(q, k, v, attn_mask=key_padding_mask[:, None, None, :])
print("scaled_dot_product_attention:", torch.allclose(padded[:, :, :3], alone, atol=1e-6),
      "| inverted mask:", torch.allclose(wrong[:, :, :3], alone, atol=1e-6))
#> scaled_dot_product_attention: True | inverted mask: False
# --8<-- [end:conventions]

assert torch.allclose(padded[:, :, :3], alone, atol=1e-6) and not torch.allclose(wrong[:, :, :3], alone, atol=1e-6)
# the tokenizer's mask is int64: passed as it is, both PyTorch functions refuse it
assert attention_mask.dtype == torch.int64
try:
    mha(x, x, x, key_padding_mask=attention_mask)
except AssertionError as error:
    assert "only bool and floating types of key_padding_mask are supported" in str(error)
else:
    raise AssertionError("nn.MultiheadAttention accepted an int64 key_padding_mask")
try:
    F.scaled_dot_product_attention(q, k, v, attn_mask=attention_mask[:, None, None, :])
except RuntimeError as error:
    assert "Expected attn_mask dtype to be bool or float" in str(error)
else:
    raise AssertionError("scaled_dot_product_attention accepted an int64 attn_mask")
