"""BERT's three embedding tables, looked up by hand, summed, normalised and dropped out."""

# --8<-- [start:vocab]
from transformers import AutoConfig, AutoTokenizer

config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
# rows of word_embeddings, entries of the vocabulary
print(config.vocab_size, len(tokenizer))
#> 30522 30522

# the ids of a sentence all fall inside the table
ids = tokenizer("Tokenizers turn text into tensors.")["input_ids"]
print(max(ids), max(ids) < config.vocab_size)
#> 23435 True
# --8<-- [end:vocab]

assert config.vocab_size == len(tokenizer) == 30522

# --8<-- [start:tables]
import torch
from transformers import AutoConfig, AutoModel, AutoTokenizer

config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
with torch.device("meta"):  # shapes only
    model = AutoModel.from_config(config)
for name in ["word_embeddings", "token_type_embeddings", "position_embeddings"]:
    table = getattr(model.embeddings, name)
    shape = tuple(table.weight.shape)
    print(f"{name:>21}: {type(table).__name__}, weight {shape}")
    #>       word_embeddings: Embedding, weight (30522, 768)
    #> token_type_embeddings: Embedding, weight (2, 768)
    #>   position_embeddings: Embedding, weight (512, 768)

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
encoding = tokenizer("The cat sat.", "It purred.", return_tensors="pt")
print(encoding.tokens())
#> ['[CLS]', 'the', 'cat', 'sat', '.', '[SEP]', 'it', 'pu', '##rred', '.', '[SEP]']
print(list(encoding.keys()))  # no position_ids: the model makes them
#> ['input_ids', 'token_type_ids', 'attention_mask']
print(encoding["input_ids"])
#> tensor([[  101,  1996,  4937,  2938,  1012,   102,  2009, 16405, 20529,  1012,
#>            102]])
print(encoding["token_type_ids"])
#> tensor([[0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1]])
position_ids = torch.arange(encoding["input_ids"].shape[1])
print(position_ids)
#> tensor([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10])
# --8<-- [end:tables]

# --8<-- [start:lookup]
import torch
from transformers import AutoConfig, AutoModel, AutoTokenizer

torch.manual_seed(0)
config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
embeddings = AutoModel.from_config(config).eval().embeddings
tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
encoding = tokenizer("The cat sat.", "It purred.", return_tensors="pt")
input_ids, token_type_ids = encoding["input_ids"], encoding["token_type_ids"]
position_ids = torch.arange(input_ids.shape[1])

# three lookups by hand
words = embeddings.word_embeddings(input_ids)
segments = embeddings.token_type_embeddings(token_type_ids)
positions = embeddings.position_embeddings(position_ids)
print(tuple(words.shape), tuple(segments.shape), tuple(positions.shape))
#> (1, 11, 768) (1, 11, 768) (11, 768)

# a lookup returns rows of the weight matrix: plain indexing gives the same tensor
word_table = embeddings.word_embeddings.weight  # (30522, 768)
print(torch.equal(words[0, 2], word_table[input_ids[0, 2]]))  # one token: one row
#> True
print(torch.equal(words, word_table[input_ids]))
#> True
print(torch.equal(segments, embeddings.token_type_embeddings.weight[token_type_ids]))
#> True
print(torch.equal(positions, embeddings.position_embeddings.weight[position_ids]))
#> True
# the model takes its position ids from a buffer: the same 0, 1, 2, ...
print(torch.equal(embeddings.position_ids[0, : len(position_ids)], position_ids))
#> True

# the same rows, picked by multiplying one-hot vectors with the matrix
one_hot = torch.nn.functional.one_hot(input_ids, config.vocab_size).float()
print(torch.equal(one_hot @ word_table, words))
#> True
# --8<-- [end:lookup]

assert torch.equal(words, word_table[input_ids]) and torch.equal(one_hot @ word_table, words)


# --8<-- [start:position_ids]
import torch
from transformers import AutoConfig, AutoModel

config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
with torch.device("meta"):  # shapes only: enough to see where the buffers live
    model = AutoModel.from_config(config)

for name, buffer in model.embeddings.named_buffers():
    print(f"{name}: {tuple(buffer.shape)} {buffer.dtype}")
    #> position_ids: (1, 512) torch.int64
    #> token_type_ids: (1, 512) torch.int64
# not saved with the weights
print("embeddings.position_ids" in model.state_dict())
#> False
# --8<-- [end:position_ids]

# --8<-- [start:checkpoint_position_ids]
from huggingface_hub import hf_hub_download
from safetensors import safe_open
from transformers import AutoModel

name = "sentence-transformers/all-MiniLM-L6-v2"  # a checkpoint saved by an older release
with safe_open(hf_hub_download(name, "model.safetensors"), "pt") as checkpoint:
    stored = set(checkpoint.keys())
    print(len(stored), checkpoint.get_tensor("embeddings.position_ids")[0, :5].tolist())
    #> 104 [0, 1, 2, 3, 4]

model, info = AutoModel.from_pretrained(name, output_loading_info=True)
print(len(model.state_dict()), sorted(stored - set(model.state_dict())))
#> 103 ['embeddings.position_ids']
print(info["unexpected_keys"])  # dropped without a word
#> set()
# --8<-- [end:checkpoint_position_ids]

assert "embeddings.position_ids" in stored and len(stored) == len(model.state_dict()) + 1
assert "embeddings.position_ids" not in model.state_dict()

# --8<-- [start:sum]
import torch
from transformers import AutoConfig, AutoModel, AutoTokenizer

torch.manual_seed(0)
config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
embeddings = AutoModel.from_config(config).eval().embeddings
tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
batch = tokenizer(["The cat sat.", "It purred all night long."], padding=True, return_tensors="pt")
seq_len = batch["input_ids"].shape[1]

with torch.no_grad():
    words = embeddings.word_embeddings(batch["input_ids"])
    segments = embeddings.token_type_embeddings(batch["token_type_ids"])
    positions = embeddings.position_embeddings(torch.arange(seq_len))
    print("words                 ", tuple(words.shape))
    #> words                  (2, 9, 768)
    print("segments              ", tuple(segments.shape))
    #> segments               (2, 9, 768)
    print("positions             ", tuple(positions.shape))
    #> positions              (9, 768)
    print("positions.unsqueeze(0)", tuple(positions.unsqueeze(0).shape))
    #> positions.unsqueeze(0) (1, 9, 768)
    # (1, seq, 768) is repeated over the batch by broadcasting
    summed = words + segments + positions.unsqueeze(0)
    print("sum                   ", tuple(summed.shape))
    #> sum                    (2, 9, 768)

    # broadcasting lines up trailing dimensions, so the unsqueeze(0) is optional
    print(torch.equal(summed, words + segments + positions))
    #> True
    # the model slices its (1, 512) buffer, which is already (1, seq)
    print(tuple(embeddings.position_ids[:, :seq_len].shape))
    #> (1, 9)
# --8<-- [end:sum]

# --8<-- [start:segment_shift]
import torch
from transformers import AutoConfig, AutoModel, AutoTokenizer

torch.manual_seed(0)
config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
embeddings = AutoModel.from_config(config).eval().embeddings
tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
pair = tokenizer("The cat sat.", "It purred.", return_tensors="pt")
in_b = pair["token_type_ids"][0] == 1  # the tokens of segment B
rows = embeddings.token_type_embeddings.weight  # (2, 768): row 0 for A, row 1 for B

with torch.no_grad():
    words = embeddings.word_embeddings(pair["input_ids"])
    positions = embeddings.position_embeddings(torch.arange(len(in_b)))
    summed = words + embeddings.token_type_embeddings(pair["token_type_ids"]) + positions
    as_if_a = words + rows[0] + positions  # the same tokens, all in segment A
    shift = (summed - as_if_a)[0]  # what segment B adds, token by token
    print(shift[~in_b].abs().max().item())  # to the tokens of A: nothing
    #> 0.0
    same = torch.allclose(shift[in_b], (rows[1] - rows[0]).expand(int(in_b.sum()), -1), atol=1e-6)
    print(f"{int(in_b.sum())} tokens of B, each moved by rows[1] - rows[0]: {same}")
    #> 5 tokens of B, each moved by rows[1] - rows[0]: True

# side by side instead of summed, every token would need three times the width
print(words.shape[-1], 3 * words.shape[-1])
#> 768 2304
# --8<-- [end:segment_shift]

assert same and shift[~in_b].abs().max().item() == 0

# --8<-- [start:layernorm]
import torch
from transformers import AutoConfig, AutoModel, AutoTokenizer

torch.manual_seed(0)
config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
embeddings = AutoModel.from_config(config).eval().embeddings
tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
batch = tokenizer(["The cat sat.", "It purred all night long."], padding=True, return_tensors="pt")
input_ids, token_type_ids = batch["input_ids"], batch["token_type_ids"]

with torch.no_grad():
    summed = (embeddings.word_embeddings(input_ids) + embeddings.token_type_embeddings(token_type_ids)
              + embeddings.position_embeddings(torch.arange(input_ids.shape[1])))
    # LayerNorm over the last dimension, then dropout (the identity in eval mode)
    ln = embeddings.LayerNorm
    print(ln)
    #> LayerNorm((768,), eps=1e-12, elementwise_affine=True, bias=True)
    print(embeddings.dropout, "training:", embeddings.training)
    #> Dropout(p=0.1, inplace=False) training: False
    mean = summed.mean(-1, keepdim=True)
    var = summed.var(-1, unbiased=False, keepdim=True)
    normed = (summed - mean) / torch.sqrt(var + ln.eps) * ln.weight + ln.bias
    print(torch.allclose(normed, ln(summed), atol=1e-5, rtol=0))
    #> True
    by_hand = embeddings.dropout(ln(summed))

    library = embeddings(input_ids=input_ids, token_type_ids=token_type_ids)
    print(tuple(library.shape))
    #> (2, 9, 768)
    print(f"max |by_hand - library| = {(by_hand - library).abs().max().item():.1e}")
    #> max |by_hand - library| = 0.0e+00
    print(torch.allclose(by_hand, library, atol=1e-6, rtol=0))
    #> True
# --8<-- [end:layernorm]

# --8<-- [start:dropout]
import torch
from transformers import AutoConfig, AutoModel, AutoTokenizer

torch.manual_seed(0)
config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
embeddings = AutoModel.from_config(config).eval().embeddings
tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
batch = tokenizer(["The cat sat.", "It purred all night long."], padding=True, return_tensors="pt")
inputs = {key: batch[key] for key in ("input_ids", "token_type_ids")}

with torch.no_grad():
    evaluated = embeddings(**inputs)  # eval mode: dropout passes everything through
    # train mode: dropout zeroes each value with probability p
    # and scales the others by 1 / (1 - p)
    embeddings.train()
    torch.manual_seed(0)
    dropped = embeddings(**inputs)
print(torch.allclose(evaluated, dropped, atol=1e-6, rtol=0))
#> False
zeroed = dropped == 0
p = embeddings.dropout.p
print(f"zeroed: {100 * zeroed.float().mean().item():.1f} % (p = {p})")
#> zeroed: 10.5 % (p = 0.1)
scaled = evaluated[~zeroed] / (1 - p)
kept = torch.allclose(dropped[~zeroed], scaled, atol=1e-6, rtol=1e-5)
print(f"the others are divided by {1 - p}: {kept}")
#> the others are divided by 0.9: True
# --8<-- [end:dropout]

assert kept and not torch.allclose(evaluated, dropped, atol=1e-6, rtol=0)
