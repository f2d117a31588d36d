"""Check yourself: the mask inside attention."""

# --8<-- [start:q1]
import torch
from transformers import AutoConfig
from transformers.masking_utils import create_bidirectional_mask

config = AutoConfig.from_pretrained("google-bert/bert-base-uncased", attn_implementation="eager")
embeddings = torch.zeros(1, 4, config.hidden_size, dtype=torch.bfloat16)
mask = create_bidirectional_mask(config, embeddings, torch.tensor([[1, 1, 1, 0]]))
print(mask[0, 0, 0], torch.finfo(torch.bfloat16).min)
#> tensor([ 0.0000e+00,  0.0000e+00,  0.0000e+00, -3.3895e+38],
#>        dtype=torch.bfloat16) -3.3895313892515355e+38
# --8<-- [end:q1]

# --8<-- [start:q2]
import torch

torch.manual_seed(0)
mha = torch.nn.MultiheadAttention(8, num_heads=2, batch_first=True).eval()
x = torch.randn(1, 3, 8)
attention_mask = torch.tensor([[1, 1, 1]])  # no padding; int64, as the tokenizer returns it
try:
    mha(x, x, x, key_padding_mask=attention_mask)  # as it is: refused
except AssertionError as error:
    print("AssertionError:", error)
    #> AssertionError: only bool and floating types of key_padding_mask are supported
with torch.no_grad():
    output, _ = mha(x, x, x, key_padding_mask=attention_mask.bool())  # True = ignore: every key
print(output[0, 0, :4])
#> tensor([nan, nan, nan, nan])
# --8<-- [end:q2]

# the raw int64 mask is refused (the shown AssertionError line is checked against each run);
# after .bool() every key is ignored and the output is NaN
assert attention_mask.dtype == torch.int64 and torch.isnan(output).all()

# --8<-- [start:q3]
import torch
from transformers import AutoConfig, AutoTokenizer
from transformers.masking_utils import create_bidirectional_mask

name = "google-bert/bert-base-uncased"
tokenizer = AutoTokenizer.from_pretrained(name)
batch = tokenizer(["Cats chase mice.", "Dogs chase cats."], padding=True, return_tensors="pt")
print(batch["attention_mask"])
#> tensor([[1, 1, 1, 1, 1, 1],
#>         [1, 1, 1, 1, 1, 1]])
embeddings = torch.zeros(2, batch["input_ids"].shape[1], 768)
for implementation in ["eager", "sdpa"]:
    config = AutoConfig.from_pretrained(name, attn_implementation=implementation)
    print(implementation, create_bidirectional_mask(config, embeddings, batch["attention_mask"]))
    #> eager None
    #> sdpa None
# --8<-- [end:q3]
