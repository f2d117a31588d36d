"""Bad input and the errors it gets, from the tokenizer and from the model."""

import inspect

from transformers.tokenization_utils_tokenizers import TokenizersBackend

# --8<-- [start:no-text]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
try:
    tokenizer()
except ValueError as error:
    print(type(error).__name__, error)
    #> ValueError You need to specify either `text` or `text_target`.
try:
    tokenizer(text_pair="Only a second segment.")
except ValueError as error:
    print(type(error).__name__, error)
    #> ValueError You need to specify either `text` or `text_target`.
try:
    tokenizer([])  # an empty batch
except IndexError as error:
    print(type(error).__name__, error)
    #> IndexError list index out of range
# an empty string is valid text: only the special tokens remain
print(tokenizer("").tokens())
#> ['[CLS]', '[SEP]']
# --8<-- [end:no-text]

# --8<-- [start:non-string]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
try:
    tokenizer(42)
except ValueError as error:
    print(f"{type(error).__name__}: {error}")
    #> ValueError: text input must be of type `str` (single example), `list[str]` (batch or single pretokenized example) or `list[list[str]]` (batch of pretokenized examples) or `list[tuple[list[str], list[str]]]` (batch of pretokenized sequence pairs).
# a list of ids is not text either, nor is a number as the second segment
for args in [([101, 7592, 102],), ("Some text.", 42)]:
    try:
        tokenizer(*args)
    except ValueError as error:
        print(repr(args), type(error).__name__, str(error)[:32], "...")
        #> ([101, 7592, 102],) ValueError text input must be of type `str` ...
        #> ('Some text.', 42) ValueError text input must be of type `str` ...
# Python checks only the first item (Rust rejects a later one) and a str as the pair
mixed_batch = (["A string", 42],)
one_pair_for_two = (["A batch", "of two"], "one string as the pair")
for args in [mixed_batch, one_pair_for_two]:
    try:
        tokenizer(*args)
    except TypeError as error:
        print(f"{type(error).__name__}: {error}")
        #> TypeError: TextEncodeInput must be Union[TextInputSequence, Tuple[InputSequence, InputSequence]]
        #> TypeError: when tokenizing batches of text, `text_pair` must be a list or tuple with the same length as `text`.
# --8<-- [end:non-string]

# the single string as the pair is refused by the Python check in _encode_plus, not by Rust
assert "if isinstance(text_pair, str):\n                raise TypeError(" in inspect.getsource(TokenizersBackend._encode_plus)

# --8<-- [start:empty-pair]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
# an empty second text: the pair is silently dropped
single = tokenizer("hello", "")
print(single.tokens(), single["token_type_ids"])
#> ['[CLS]', 'hello', '[SEP]'] [0, 0, 0]
# the same pair in a batch keeps an empty segment B: one more [SEP], of type 1
batch = tokenizer(["hello"], [""])
print(batch.tokens(0), batch["token_type_ids"][0])
#> ['[CLS]', 'hello', '[SEP]', '[SEP]'] [0, 0, 0, 1]
# --8<-- [end:empty-pair]

assert single.tokens() == ["[CLS]", "hello", "[SEP]"] and single["token_type_ids"] == [0, 0, 0]
assert single.tokens() == tokenizer("hello").tokens()  # as if no pair had been given
assert batch.tokens(0) == ["[CLS]", "hello", "[SEP]", "[SEP]"]
assert batch["token_type_ids"][0] == [0, 0, 0, 1]
# the cause: a single input is wrapped as a pair only if text_pair is truthy
source = inspect.getsource(TokenizersBackend._encode_plus)
assert "[(text, text_pair)] if text_pair else [text]" in source
assert "list(zip(text, text_pair)) if text_pair is not None else text" in source

# --8<-- [start:pair-too-long]
import logging
import textwrap

import torch
from transformers import AutoModel, AutoTokenizer

name = "sentence-transformers/all-MiniLM-L6-v2"
tokenizer = AutoTokenizer.from_pretrained(name)
model = AutoModel.from_pretrained(name).eval()
print(tokenizer.model_max_length, model.config.max_position_embeddings)
#> 512 512
long_text, short_text = " ".join(["word"] * 590), "A short second sentence."

records = []  # what the transformers logger reports while tokenizing
handler = logging.Handler()
handler.emit = records.append
logging.getLogger("transformers").addHandler(handler)
pair = tokenizer(long_text, short_text, return_tensors="pt")  # no truncation
logging.getLogger("transformers").removeHandler(handler)
print(pair["input_ids"].shape)
#> torch.Size([1, 598])
for record in records:
    print(record.levelname, textwrap.fill(record.getMessage(), 72))
    #> WARNING Token indices sequence length is longer than the specified maximum
    #> sequence length for this model (598 > 512). Running this sequence
    #> through the model will result in indexing errors
try:
    with torch.no_grad():
        model(**pair)
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    #> RuntimeError: The size of tensor a (598) must match the size of tensor b (512) at non-singleton dimension 1
# --8<-- [end:pair-too-long]


def logged(function, *args, **kwargs):
    """The messages that the transformers logger records while function runs."""
    found = []
    catcher = logging.Handler()
    catcher.emit = found.append
    logging.getLogger("transformers").addHandler(catcher)
    try:
        function(*args, **kwargs)
    finally:
        logging.getLogger("transformers").removeHandler(catcher)
    return [record.getMessage() for record in found]


# the warning is logged once per tokenizer object, and not at all with verbose=False
(message,) = [record.getMessage() for record in records]
assert "(598 > 512)" in message
assert logged(tokenizer, long_text, short_text) == []
fresh = AutoTokenizer.from_pretrained(name)
assert logged(fresh, long_text, short_text, verbose=False) == []
assert len(logged(fresh, long_text, short_text)) == 1
# it predicts "indexing errors", but the model fails on tensor sizes, not with an IndexError
assert "indexing errors" in message
try:
    with torch.no_grad():
        model(**pair)
except Exception as error:
    assert type(error) is RuntimeError and "598" in str(error) and "512" in str(error)
    tb = error.__traceback__
    frames = []
    while tb is not None:
        frames.append(tb.tb_frame.f_code.co_qualname)
        tb = tb.tb_next
    assert frames[-1] == "BertEmbeddings.forward"  # the sum with the 512 position embeddings

# --8<-- [start:pair-truncated]
import torch
from transformers import AutoModel, AutoTokenizer

name = "sentence-transformers/all-MiniLM-L6-v2"
tokenizer = AutoTokenizer.from_pretrained(name)
model = AutoModel.from_pretrained(name).eval()
long_text, short_text = " ".join(["word"] * 590), "A short second sentence."
try:
    # cut only the second sentence: it is too short to make room
    tokenizer(long_text, short_text, truncation="only_second")
except Exception as error:  # the Rust backend raises a plain Exception
    assert type(error) is Exception  # not ValueError or another subclass
    print(f"{type(error).__name__}: {error}")
    #> Exception: Truncation error: Sequence to truncate too short to respect the provided max_length
# cut only the long first text: the pair fits
pair = tokenizer(
    long_text, short_text, truncation="only_first", return_tensors="pt"
)
print(pair["input_ids"].shape, pair.tokens()[-7:])
#> torch.Size([1, 512]) ['[SEP]', 'a', 'short', 'second', 'sentence', '.', '[SEP]']
with torch.no_grad():
    print(model(**pair).last_hidden_state.shape)
    #> torch.Size([1, 512, 384])
# --8<-- [end:pair-truncated]

# --8<-- [start:ids-out-of-range]
import torch
from transformers import AutoModel, AutoTokenizer

name = "sentence-transformers/all-MiniLM-L6-v2"
tokenizer = AutoTokenizer.from_pretrained(name)
model = AutoModel.from_pretrained(name).eval()
print(model.config.vocab_size, model.config.type_vocab_size)
#> 30522 2
for input_ids, token_type_ids in [
    ([101, 30522, 102], [0, 0, 0]),  # one past the last id
    ([101, -1, 102], [0, 0, 0]),  # negative
    ([101, 7592, 102], [0, 2, 0]),  # a third segment that was never trained
]:
    try:
        with torch.no_grad():
            model(
                input_ids=torch.tensor([input_ids]),
                token_type_ids=torch.tensor([token_type_ids]),
            )
    except IndexError as error:
        print(input_ids, token_type_ids, type(error).__name__, error)
        #> [101, 30522, 102] [0, 0, 0] IndexError index out of range in self
        #> [101, -1, 102] [0, 0, 0] IndexError index out of range in self
        #> [101, 7592, 102] [0, 2, 0] IndexError index out of range in self
# an id past the vocabulary: the tokenizer does not raise, it gives None, or nothing
print(tokenizer.convert_ids_to_tokens([101, 30522, 102]))
#> ['[CLS]', None, '[SEP]']
print(repr(tokenizer.decode([7592, 30522])))
#> 'hello'
try:  # a negative id is different: the tokenizer raises too
    tokenizer.decode([7592, -1])
except OverflowError as error:
    print(f"{type(error).__name__}: {error}")
    #> OverflowError: number too small to fit in target type
# --8<-- [end:ids-out-of-range]

assert tokenizer.convert_ids_to_tokens([101, 30522, 102])[1] is None
assert tokenizer.decode([7592, 30522, 99999]) == "hello"  # any id past the end: left out
# a negative id: both decode and convert_ids_to_tokens raise OverflowError
for convert in [tokenizer.decode, tokenizer.convert_ids_to_tokens]:
    for ids in [[7592, -1], -1]:
        try:
            convert(ids)
        except OverflowError as refused:
            assert "number too small to fit in target type" in str(refused)
        else:
            raise AssertionError(f"{convert.__name__}({ids!r}) accepted a negative id")

# --8<-- [start:cuda]
import torch

# run here, on the CPU: the lookup fails where it happens
embedding = torch.nn.Embedding(30522, 384)
ids = torch.tensor([[101, 7592, 30522, 102]])  # 30522 is one past the last row
try:
    embedding(ids)
except IndexError as error:
    print(f"{type(error).__name__}: {error}")
    #> IndexError: index out of range in self

# not run here: on CUDA, a device-side assert surfaces as torch.AcceleratorError,
# a RuntimeError, so `except RuntimeError` catches it and `except IndexError` does not
assert issubclass(torch.AcceleratorError, RuntimeError)
assert not issubclass(torch.AcceleratorError, IndexError)
print([cls.__name__ for cls in torch.AcceleratorError.__mro__[:3]])
#> ['AcceleratorError', 'RuntimeError', 'Exception']

# the check to run before sending a batch to a device
print(int(ids.min()) >= 0, int(ids.max()) < embedding.num_embeddings)
#> True False
# --8<-- [end:cuda]
