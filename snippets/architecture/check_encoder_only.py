"""Check yourself, encoder-only page: the answers, printed."""

# --8<-- [start:q1]
from transformers import AutoConfig

config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
batch, seq = 8, 128
layers, heads = config.num_hidden_layers, config.num_attention_heads
# one (seq x seq) matrix of weights per layer, head and sequence
print(f"{layers * heads * batch:,} matrices of {seq} x {seq}")
#> 1,152 matrices of 128 x 128
print(f"{layers * heads * batch * seq * seq:,} attention weights")
#> 18,874,368 attention weights
# --8<-- [end:q1]

# --8<-- [start:q2]
import torch
from transformers import AutoConfig
from transformers.models.bert.modeling_bert import BertLayer

config = AutoConfig.from_pretrained("google-bert/bert-base-uncased", attn_implementation="eager")
torch.manual_seed(0)
layer = BertLayer(config).eval()
x = torch.randn(1, 6, 768)
mask = torch.tensor([[1, 1, 1, 1, 0, 0]])  # the last two positions are padding
additive = (1 - mask[:, None, None, :]) * torch.finfo(torch.float32).min

changed = x.clone()
changed[0, 4:] = torch.randn(2, 768)  # new vectors at the padded positions
before = layer(x, attention_mask=additive)
after = layer(changed, attention_mask=additive)
print("real tokens unchanged:", torch.equal(before[0, :4], after[0, :4]))
#> real tokens unchanged: True
# --8<-- [end:q2]

# --8<-- [start:q3]
import torch
from transformers import AutoConfig
from transformers.models.bert.modeling_bert import BertLayer

config = AutoConfig.from_pretrained("google-bert/bert-base-uncased", attn_implementation="eager")
torch.manual_seed(0)
layer = BertLayer(config).eval()
x = torch.randn(1, 6, 768)
changed = x.clone()
changed[0, 5] = torch.randn(768)  # change only the last token
before, after = layer(x), layer(changed)
# does the first token's output depend on the last token, after one layer?
print("first token unchanged:", torch.equal(before[0, 0], after[0, 0]))
#> first token unchanged: False
# --8<-- [end:q3]
