"""Tokenizer and model come in pairs: what a mismatch does."""

import inspect
import logging
import warnings

from transformers import PreTrainedModel

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

# the rule is "every id < number of rows": a larger table works as well
model.resize_token_embeddings(len(tokenizer), pad_to_multiple_of=64)
rows = model.get_input_embeddings().num_embeddings
print(rows, "rows =", rows // 64, "x", 64)
#> 30528 rows = 477 x 64
print(model(**inputs).last_hidden_state.shape)
#> torch.Size([1, 11, 384])
# --8<-- [end:pair]

assert len(tokenizer) < model.get_input_embeddings().num_embeddings
assert int(inputs["input_ids"].max()) < model.get_input_embeddings().num_embeddings

# why pad_to_multiple_of exists, in the docstring of resize_token_embeddings: Tensor Cores
# (compute capability >= 7.5) and TPUs (multiples of 128); 64 is not in it, it is our choice
reason = " ".join(PreTrainedModel.resize_token_embeddings.__doc__.split())
assert "enable the use of Tensor Cores on NVIDIA hardware with compute capability `>= 7.5`" in reason
assert "TPUs which benefit from having sequence lengths be a multiple of 128" in reason
assert "64" not in reason

# --8<-- [start:out-of-range]
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
# --8<-- [end:out-of-range]


def model_frames(error):
    """The qualified names of the traceback's frames, outermost first, minus torch's plumbing."""
    frames, tb = [], error.__traceback__.tb_next
    while tb is not None:
        code = tb.tb_frame.f_code
        name = getattr(code, "co_qualname", code.co_name)
        if "<" not in name and not name.startswith("Module._"):
            frames.append(name)
        tb = tb.tb_next
    return frames


try:
    model(**inputs)
except IndexError as error:
    frames = model_frames(error)
assert frames == ["BertModel.forward", "BertEmbeddings.forward", "Embedding.forward", "embedding"]

# --8<-- [start:resize]
import torch
from transformers import AutoModel, AutoTokenizer

checkpoint = "sentence-transformers/all-MiniLM-L6-v2"
tokenizer = AutoTokenizer.from_pretrained(checkpoint)
model = AutoModel.from_pretrained(checkpoint)
tokenizer.add_tokens(["tensornotes"])

# the fix: one row per tokenizer id (transformers logs a warning about the new row)
torch.manual_seed(0)
model.resize_token_embeddings(len(tokenizer))
rows = model.get_input_embeddings().weight.detach()
print(tuple(rows.shape))
#> (30523, 384)

# the new row is, in effect, the mean of the old rows
old, new = rows[:-1], rows[-1]
distance = (new - old.mean(dim=0)).norm()
typical = old.norm(dim=1).median()
print(f"distance to the mean row {distance:.1e}, typical row norm {typical:.2f}")
#> distance to the mean row 3.5e-05, typical row norm 1.11

inputs = tokenizer("tensornotes runs offline", return_tensors="pt")
print(model(**inputs).last_hidden_state.shape)
#> torch.Size([1, 6, 384])
# --8<-- [end:resize]

assert distance < 1e-4 * typical
assert model.get_input_embeddings().num_embeddings == len(tokenizer) == 30523

# the warning speaks of the old rows' covariance; the library scales it by 1e-9 first
logging.Logger.warning_once.cache_clear()  # transformers warns once per message
records = []
handler = logging.Handler()
handler.emit = records.append
logging.getLogger("transformers").addHandler(handler)
tokenizer.add_tokens(["offline2"])
model.resize_token_embeddings(len(tokenizer))
logging.getLogger("transformers").removeHandler(handler)
(message,) = [record.getMessage() for record in records]
assert "multivariate normal distribution that has old embeddings' mean and covariance" in message
source = inspect.getsource(PreTrainedModel._init_added_embeddings_weights_with_mean)
assert "epsilon = 1e-9" in source and "covariance_matrix=epsilon * covariance" in source

# --8<-- [start:other-vocab]
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
# the ids are all in range: a tensor of the usual shape, and no error
print(model(**wrong).last_hidden_state.shape)
#> torch.Size([1, 8, 384])
# --8<-- [end:other-vocab]

# no warning and no log record either
records = []
handler = logging.Handler()
handler.emit = records.append
logging.getLogger("transformers").addHandler(handler)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    model(**wrong)
logging.getLogger("transformers").removeHandler(handler)
assert len(caught) == 0 and len(records) == 0
assert right["input_ids"].tolist() != wrong["input_ids"].tolist()
