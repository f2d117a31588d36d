"""attention_mask: one entry per token, 1 attends, 0 is ignored, whatever the pad id."""

# --8<-- [start:lengths]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
print(f"{'characters':>10}{'input_ids':>10}{'attention_mask':>16}  text")
#> characters input_ids  attention_mask  text
for text in ["Tokenization isn't character counting.", "ok", "😀"]:
    encoding = tokenizer(text)
    ids, mask = encoding["input_ids"], encoding["attention_mask"]
    assert len(ids) == len(mask)
    print(f"{len(text):>10}{len(ids):>10}{len(mask):>16}  {text!r}")
    #>         38        10              10  "Tokenization isn't character counting."
    #>          2         3               3  'ok'
    #>          1         3               3  '😀'
print(" ".join(tokenizer("Tokenization isn't character counting.").tokens()))
#> [CLS] token ##ization isn ' t character counting . [SEP]
print(" ".join(tokenizer("😀").tokens()))
#> [CLS] [UNK] [SEP]
# a word WordPiece cannot spell becomes one [UNK] as a whole
print(" ".join(tokenizer("ok😀").tokens()))
#> [CLS] [UNK] [SEP]
# --8<-- [end:lengths]

# --8<-- [start:mask-values]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
batch = tokenizer(["Hi there.", "A somewhat longer sentence."], padding=True)
for i in range(2):
    print(batch.tokens(i), batch["attention_mask"][i], sep="\n")
    #> ['[CLS]', 'hi', 'there', '.', '[SEP]', '[PAD]', '[PAD]']
    #> [1, 1, 1, 1, 1, 0, 0]
    #> ['[CLS]', 'a', 'somewhat', 'longer', 'sentence', '.', '[SEP]']
    #> [1, 1, 1, 1, 1, 1, 1]
# --8<-- [end:mask-values]

assert batch["attention_mask"][0] == [1, 1, 1, 1, 1, 0, 0]
# without padding a single text is all 1s; padding="max_length" gives it 0s as well
assert set(tokenizer("Hi there.")["attention_mask"]) == {1}
assert tokenizer("Hi there.", padding="max_length", max_length=8)["attention_mask"] == [
    1, 1, 1, 1, 1, 0, 0, 0,
]

# --8<-- [start:attention-weights]
import torch
from transformers import AutoModel, AutoTokenizer

name = "sentence-transformers/all-MiniLM-L6-v2"
tokenizer = AutoTokenizer.from_pretrained(name)
# eager attention returns the attention weights it computes
model = AutoModel.from_pretrained(name, attn_implementation="eager").eval()
texts = ["Hi there.", "A somewhat longer sentence."]
batch = tokenizer(texts, padding=True, return_tensors="pt")
with torch.no_grad():
    outputs = model(**batch, output_attentions=True)
weights = torch.stack(outputs.attentions)  # (layers, batch, heads, query, key)
print(weights.shape)
#> torch.Size([6, 2, 12, 7, 7])
padded_keys = batch["attention_mask"][0] == 0
on_padding = weights[:, 0, :, :, padded_keys]  # text 0, every layer and head
print("weight on padded keys, any layer or head:", on_padding.max().item())
#> weight on padded keys, any layer or head: 0.0
sums_to_one = torch.allclose(weights.sum(-1), torch.tensor(1.0))
print("weights of each query sum to 1:", sums_to_one)
#> weights of each query sum to 1: True
# --8<-- [end:attention-weights]

assert weights[:, 0, :, :, padded_keys].max().item() == 0.0

# --8<-- [start:pad-id]
from transformers import AutoTokenizer

# the same vocabulary, but with [UNK] (id 100) as the padding token
tokenizer = AutoTokenizer.from_pretrained(
    "google-bert/bert-base-uncased", pad_token="[UNK]"
)
print(tokenizer.pad_token, tokenizer.pad_token_id)
#> [UNK] 100
batch = tokenizer(["Hi there.", "A somewhat longer sentence."], padding=True)
print(batch["input_ids"][0])
#> [101, 7632, 2045, 1012, 102, 100, 100]
print(batch["attention_mask"][0])
#> [1, 1, 1, 1, 1, 0, 0]

# and a literal [PAD] (id 0) inside the text is a real token: its mask is 1
tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
encoding = tokenizer("keep [PAD] here")
print(encoding.tokens())
#> ['[CLS]', 'keep', '[PAD]', 'here', '[SEP]']
print(encoding["input_ids"])
#> [101, 2562, 0, 2182, 102]
print(encoding["attention_mask"])
#> [1, 1, 1, 1, 1]
# --8<-- [end:pad-id]

assert 0 in encoding["input_ids"] and 0 not in encoding["attention_mask"]
