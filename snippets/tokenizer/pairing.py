"""Tokenizer and model come in pairs: what a mismatch does."""

# --8<-- [start:pair]
from transformers import AutoModel, AutoTokenizer

checkpoint = "sentence-transformers/all-MiniLM-L6-v2"
tokenizer = AutoTokenizer.from_pretrained(checkpoint)
model = AutoModel.from_pretrained(checkpoint)

# the tokenizer's ids index the rows of the model's embedding table
print(len(tokenizer), model.config.vocab_size)
#> 30522 30522
print(model.get_input_embeddings())
#> Embedding(30522, 384, padding_idx=0)

inputs = tokenizer("Tokenizers and models come in pairs.", return_tensors="pt")
print(inputs["input_ids"])
#> tensor([[  101, 19204, 17629,  2015,  1998,  4275,  2272,  1999,  7689,  1012,
#>            102]])
print(model(**inputs).last_hidden_state.shape)
#> torch.Size([1, 11, 384])
# --8<-- [end:pair]

assert len(tokenizer) == model.config.vocab_size == model.get_input_embeddings().num_embeddings
assert int(inputs["input_ids"].max()) < model.config.vocab_size

# --8<-- [start:out-of-range]
import logging

import torch
from transformers import AutoModel, AutoTokenizer

checkpoint = "sentence-transformers/all-MiniLM-L6-v2"
tokenizer = AutoTokenizer.from_pretrained(checkpoint)
model = AutoModel.from_pretrained(checkpoint)

# a new token gets the next free id, one past the model's last row
tokenizer.add_tokens(["tensornotes"])
inputs = tokenizer("tensornotes runs offline", return_tensors="pt")
print(len(tokenizer), model.config.vocab_size)
#> 30523 30522
print(inputs["input_ids"])
#> tensor([[  101, 30522,  3216,  2125,  4179,   102]])

try:
    model(**inputs)
except IndexError as error:
    print(type(error).__name__, error)
    #> IndexError index out of range in self
    # where it was raised: the model's frames in the traceback, outermost first
    frames, tb = [], error.__traceback__.tb_next
    while tb is not None:
        code = tb.tb_frame.f_code
        name = getattr(code, "co_qualname", code.co_name)
        if "<" not in name and not name.startswith("Module._"):
            frames.append(name)
        tb = tb.tb_next
    print(" -> ".join(frames))
    #> BertModel.forward -> BertEmbeddings.forward -> Embedding.forward -> embedding

# the fix: give the model one row per tokenizer id
records = []
handler = logging.Handler()
handler.emit = records.append
logging.getLogger("transformers").addHandler(handler)
torch.manual_seed(0)
model.resize_token_embeddings(len(tokenizer))
logging.getLogger("transformers").removeHandler(handler)
# the new row is not trained: transformers says how it fills it
for record in records:
    print(record.levelname, record.getMessage().split(". ")[0])
    #> WARNING The new embeddings will be initialized from a multivariate normal distribution that has old embeddings' mean and covariance
print(model.get_input_embeddings())
#> Embedding(30523, 384, padding_idx=0)
print(model(**inputs).last_hidden_state.shape)
#> torch.Size([1, 6, 384])
# --8<-- [end:out-of-range]

assert model.get_input_embeddings().num_embeddings == len(tokenizer) == 30523

# --8<-- [start:other-vocab]
import logging
import warnings

from transformers import AutoModel, AutoTokenizer

checkpoint = "sentence-transformers/all-MiniLM-L6-v2"
tokenizer = AutoTokenizer.from_pretrained(checkpoint)
model = AutoModel.from_pretrained(checkpoint)

# the same kind of tokenizer, trained on another (tiny) corpus
corpus = [
    "the cat sat on the mat",
    "the dog sat on the log",
    "cats and dogs are friends",
] * 20
other = tokenizer.train_new_from_iterator(corpus, vocab_size=100)
print(type(other).__name__, len(other), "entries")
#> BertTokenizer 52 entries

text = "the cat sat on the mat"
right = tokenizer(text, return_tensors="pt")
wrong = other(text, return_tensors="pt")
print(right["input_ids"].tolist())
#> [[101, 1996, 4937, 2938, 2006, 1996, 13523, 102]]
print(wrong["input_ids"].tolist())
#> [[2, 33, 35, 38, 37, 33, 44, 3]]

# what the model reads: the ids looked up in the vocabulary it was trained with
print(" ".join(tokenizer.convert_ids_to_tokens(wrong["input_ids"][0])))
#> [unused1] [unused32] [unused34] [unused37] [unused36] [unused32] [unused43] [unused2]

# no error and no warning: the ids are all in range
records = []
handler = logging.Handler()
handler.emit = records.append
logging.getLogger("transformers").addHandler(handler)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    outputs = model(**wrong)
logging.getLogger("transformers").removeHandler(handler)
print(outputs.last_hidden_state.shape)
#> torch.Size([1, 8, 384])
print(len(caught), "warnings,", len(records), "log records")
#> 0 warnings, 0 log records
# --8<-- [end:other-vocab]

assert len(caught) == 0 and len(records) == 0
assert int(wrong["input_ids"].max()) < model.config.vocab_size
assert right["input_ids"].tolist() != wrong["input_ids"].tolist()
