"""Check yourself, parameters page: the answers, printed."""

# --8<-- [start:q1]
import torch
from transformers import AutoConfig, AutoModel

config = AutoConfig.from_pretrained("google-bert/bert-base-uncased", vocab_size=50_000)
with torch.device("meta"):
    model = AutoModel.from_config(config)
print(config.vocab_size)
#> 50000
print(f"{sum(p.numel() for p in model.parameters()):,}")
#> 124,441,344
print(f"{(50_000 - 30522) * 768:,} more than bert-base")
#> 14,959,104 more than bert-base
# --8<-- [end:q1]

# --8<-- [start:q2]
import torch
from transformers import BertConfig, BertModel

# bert-large's shapes: 24 layers, width 1024, 16 heads, feed-forward 4096
config = BertConfig(
    num_hidden_layers=24, hidden_size=1024, num_attention_heads=16, intermediate_size=4096
)
with torch.device("meta"):
    model = BertModel(config)
L, H = config.num_hidden_layers, config.hidden_size
print(L, H, config.num_attention_heads, config.intermediate_size)
#> 24 1024 16 4096
print(f"12 * L * H^2: {12 * L * H**2:,}")
#> 12 * L * H^2: 301,989,888
print(f"encoder:      {sum(p.numel() for p in model.encoder.parameters()):,}")
#> encoder:      302,309,376
print(f"whole model:  {sum(p.numel() for p in model.parameters()):,}")
#> whole model:  335,141,888
# --8<-- [end:q2]

# --8<-- [start:q3]
import torch
from transformers import AutoConfig, AutoModel

config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
with torch.device("meta"):
    model = AutoModel.from_config(config)
model.embeddings.requires_grad_(False)
trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
print(f"trainable: {trainable:,}")
#> trainable: 85,645,056
print(f"frozen:    {sum(p.numel() for p in model.embeddings.parameters()):,}")
#> frozen:    23,837,184
# --8<-- [end:q3]
