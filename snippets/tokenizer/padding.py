"""Padding a batch, right and left, and what the mask does for the real tokens."""

# --8<-- [start:right-left]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
texts = ["A short one.", "A noticeably longer sentence than the first."]
print(tokenizer.padding_side, tokenizer.pad_token, tokenizer.pad_token_id)
#> right [PAD] 0
for side in ["right", "left"]:
    batch = tokenizer(texts, padding=True, padding_side=side)
    print(
        f"{side}:\n  input_ids      {batch['input_ids'][0]}"
        f"\n  attention_mask {batch['attention_mask'][0]}"
    )
    #> right:
    #>   input_ids      [101, 1037, 2460, 2028, 1012, 102, 0, 0, 0, 0]
    #>   attention_mask [1, 1, 1, 1, 1, 1, 0, 0, 0, 0]
    #> left:
    #>   input_ids      [0, 0, 0, 0, 101, 1037, 2460, 2028, 1012, 102]
    #>   attention_mask [0, 0, 0, 0, 1, 1, 1, 1, 1, 1]
# --8<-- [end:right-left]

assert batch["attention_mask"][0][:4] == [0, 0, 0, 0]

# --8<-- [start:same-hidden-states]
import torch
from transformers import AutoModel, AutoTokenizer

name = "sentence-transformers/all-MiniLM-L6-v2"
tokenizer = AutoTokenizer.from_pretrained(name)
model = AutoModel.from_pretrained(name).eval()
short = "A short one."
texts = [short, "A noticeably longer sentence than the first one, by far."]

with torch.no_grad():
    alone = model(**tokenizer(short, return_tensors="pt")).last_hidden_state[0]
    batch = tokenizer(texts, padding=True, return_tensors="pt")  # right padding
    real = batch["attention_mask"][0].bool()
    masked = model(**batch).last_hidden_state[0][real]
    all_ones = model(
        input_ids=batch["input_ids"],
        token_type_ids=batch["token_type_ids"],
        attention_mask=torch.ones_like(batch["attention_mask"]),
    ).last_hidden_state[0][real]

print("real tokens:", len(alone), "padded length:", batch["input_ids"].shape[1])
#> real tokens: 6 padded length: 14
same = torch.allclose(masked, alone, atol=1e-5)
print("with the mask, same within atol=1e-5:", same)
#> with the mask, same within atol=1e-5: True
largest = (all_ones - alone).abs().max().item()
print("mask of all ones, largest difference:", round(largest, 2))
#> mask of all ones, largest difference: 0.89
# --8<-- [end:same-hidden-states]

assert not torch.allclose(all_ones, alone, atol=1e-2)

# --8<-- [start:left-padding-positions]
import torch
from transformers import AutoModel, AutoTokenizer

name = "sentence-transformers/all-MiniLM-L6-v2"
tokenizer = AutoTokenizer.from_pretrained(name)
model = AutoModel.from_pretrained(name).eval()
short = "A short one."
texts = [short, "A noticeably longer sentence than the first one, by far."]

with torch.no_grad():
    alone = model(**tokenizer(short, return_tensors="pt")).last_hidden_state[0]
    batch = tokenizer(
        texts, padding=True, padding_side="left", return_tensors="pt"
    )
    real = batch["attention_mask"][0].bool()
    masked = model(**batch).last_hidden_state[0][real]
    # count positions from the first real token, as the text alone does
    position_ids = (batch["attention_mask"].cumsum(-1) - 1).clamp(min=0)
    repositioned = model(**batch, position_ids=position_ids)
    repositioned = repositioned.last_hidden_state[0][real]

print(position_ids[0])
#> tensor([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5])
print("mask only, same within atol=1e-5:",
      torch.allclose(masked, alone, atol=1e-5))
#> mask only, same within atol=1e-5: False
largest = (masked - alone).abs().max().item()
print("mask only, largest difference:", round(largest, 2))
#> mask only, largest difference: 1.58
print("mask and position_ids, same within atol=1e-5:",
      torch.allclose(repositioned, alone, atol=1e-5))
#> mask and position_ids, same within atol=1e-5: True
# --8<-- [end:left-padding-positions]
