"""The mask inside attention: its broadcast additive form, and three conventions side by side."""

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
assert all(torch.equal(m, float32_mask) for m in received)
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
no_padding = torch.ones(2, 7, dtype=torch.long)
print(create_bidirectional_mask(config, embeddings, no_padding))
#> None
# --8<-- [end:sdpa-form]

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
    wrong, _ = mha(x, x, x, key_padding_mask=attention_mask.bool())
print("MultiheadAttention:", torch.allclose(padded[:, :3], alone, atol=1e-6),
      "| mask passed as-is:", torch.allclose(wrong[:, :3], alone, atol=1e-6))
#> MultiheadAttention: True | mask passed as-is: False

q = k = v = x.view(1, 5, 2, 4).transpose(1, 2)  # (batch, heads, tokens, head size)
alone = F.scaled_dot_product_attention(q[:, :, :3], k[:, :, :3], v[:, :, :3])
padded = F.scaled_dot_product_attention(q, k, v, attn_mask=sdpa_mask)
wrong = F.scaled_dot_product_attention(q, k, v, attn_mask=key_padding_mask[:, None, None, :])
print("scaled_dot_product_attention:", torch.allclose(padded[:, :, :3], alone, atol=1e-6),
      "| inverted mask:", torch.allclose(wrong[:, :, :3], alone, atol=1e-6))
#> scaled_dot_product_attention: True | inverted mask: False
# --8<-- [end:conventions]
