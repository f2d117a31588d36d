"""The call chain of tokenizer(...): trace it, then check what exists in this release."""

import inspect

from transformers.tokenization_utils_base import PreTrainedTokenizerBase

# --8<-- [start:trace]
import sys

from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
# the classes, most derived first
print(" -> ".join(cls.__name__ for cls in type(tokenizer).__mro__[:3]))
#> BertTokenizer -> TokenizersBackend -> PreTrainedTokenizerBase
calls, stack = [], []


def profiler(frame, event, arg):
    """Record each transformers call, and each Rust call it makes, with its depth."""
    name = getattr(frame.f_code, "co_qualname", frame.f_code.co_name)
    module = frame.f_globals.get("__name__", "")
    # keep transformers frames, skip comprehensions such as <listcomp>
    if event == "call" and module.startswith("transformers") and "<" not in name:
        calls.append((len(stack), name))
        stack.append(frame)
    elif event == "return" and stack and stack[-1] is frame:
        stack.pop()
    elif event == "c_call" and stack and stack[-1] is frame:
        owner = type(getattr(arg, "__self__", None))
        if owner.__module__.startswith("tokenizers"):
            calls.append((len(stack), f"{owner.__name__}.{arg.__name__}"))


sys.setprofile(profiler)
tokenizer("Hello world")
sys.setprofile(None)
for depth, name in calls:
    if depth <= 2:  # two levels below __call__
        print("    " * depth + name)
        #> PreTrainedTokenizerBase.__call__
        #>     PreTrainedTokenizerBase._get_padding_truncation_strategies
        #>     PreTrainedTokenizerBase.__getattr__
        #>     TokenizersBackend._encode_plus
        #>         TokenizersBackend.set_truncation_and_padding
        #>         Tokenizer.encode_batch
        #>         TokenizersBackend._convert_encoding
        #>         PreTrainedTokenizerBase._eventual_warn_about_too_long_sequence
        #>         BatchEncoding.__init__
        #>         BatchEncoding.__getitem__
        #>         BatchEncoding.__getitem__
        #>         BatchEncoding.__getitem__
        #>         BatchEncoding.encodings
        #>         BatchEncoding.__init__
# --8<-- [end:trace]


def trace(*args, **kwargs):
    """The (depth, name) calls of tokenizer(*args, **kwargs), recorded by the profiler above."""
    calls.clear()
    sys.setprofile(profiler)
    try:
        tokenizer(*args, **kwargs)
    finally:
        sys.setprofile(None)
    return list(calls)


# the one __getattr__ call is __call__'s hasattr(self, "_switch_to_input_mode"), which finds none
top = [name for depth, name in trace("Hello world") if depth == 1]
assert top.count("PreTrainedTokenizerBase.__getattr__") == 1
assert 'hasattr(self, "_switch_to_input_mode")' in inspect.getsource(PreTrainedTokenizerBase.__call__)
assert not hasattr(tokenizer, "_switch_to_input_mode")



def rust_calls(*args, **kwargs):
    """The Rust calls, at any depth, of tokenizer(*args, **kwargs)."""
    return [name for _, name in trace(*args, **kwargs) if name.startswith("Tokenizer.")]


# with the default options, encode_batch is the only Rust call; options for padding or
# truncation, or a change of them, make set_truncation_and_padding configure Rust first
assert rust_calls("Hello world") == ["Tokenizer.encode_batch"]
padded = rust_calls(["a b", "c"], padding=True, truncation=True, max_length=8)
assert {"Tokenizer.enable_truncation", "Tokenizer.enable_padding"} <= set(padded)
assert padded.count("Tokenizer.encode_batch") == 1
assert rust_calls("Hello world") == ["Tokenizer.no_truncation", "Tokenizer.no_padding", "Tokenizer.encode_batch"]
assert rust_calls("Hello world") == ["Tokenizer.encode_batch"]

# --8<-- [start:aliases]
from transformers import PreTrainedTokenizer, PreTrainedTokenizerFast
from transformers.models.bert.tokenization_bert import (
    BertTokenizer,
    BertTokenizerFast,
)
from transformers.models.bert.tokenization_bert_legacy import (
    BertTokenizerLegacy,
)
from transformers.tokenization_python import PythonBackend
from transformers.tokenization_utils_tokenizers import TokenizersBackend

# the 4.x names are aliases now
print(BertTokenizerFast is BertTokenizer)
#> True
print(PreTrainedTokenizerFast is TokenizersBackend)
#> True
print(PreTrainedTokenizer is PythonBackend)
#> True
# the pure-Python BERT tokenizer is kept under another name
print(" -> ".join(cls.__name__ for cls in BertTokenizerLegacy.__mro__[:3]))
#> BertTokenizerLegacy -> PythonBackend -> PreTrainedTokenizerBase
# --8<-- [end:aliases]

# --8<-- [start:rust-stages]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
# what __call__ sets up before encode_batch, done by hand on the Rust tokenizer
rust = tokenizer.backend_tokenizer
rust.enable_truncation(max_length=6)
rust.enable_padding(length=8, pad_id=tokenizer.pad_token_id, pad_token="[PAD]")
(encoding,) = rust.encode_batch(["Tokenizers turn text into tensors."])
# one Rust call: WordPiece, truncation, the [CLS]/[SEP] template, padding
print(encoding.tokens)
#> ['[CLS]', 'token', '##izer', '##s', 'turn', '[SEP]', '[PAD]', '[PAD]']
print(encoding.attention_mask)
#> [1, 1, 1, 1, 1, 1, 0, 0]
# --8<-- [end:rust-stages]

fresh = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
text = "Tokenizers turn text into tensors."
called = fresh(text, truncation=True, max_length=6)
assert called.tokens() == encoding.tokens[:6]
assert fresh(text, padding="max_length", max_length=8).tokens()[0] == "[CLS]"

# --8<-- [start:batch-dimension]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
# a single text comes back without the batch dimension ...
print(tokenizer("Hello world")["input_ids"])
#> [101, 7592, 2088, 102]
# ... unless it is asked for as tensors, or passed as a batch of one
print(tokenizer("Hello world", return_tensors="pt")["input_ids"])
#> tensor([[ 101, 7592, 2088,  102]])
print(tokenizer(["Hello world"])["input_ids"])
#> [[101, 7592, 2088, 102]]
# --8<-- [end:batch-dimension]


def batch_encoding_inits(*args, **kwargs):
    return [name for _, name in trace(*args, **kwargs)].count("BatchEncoding.__init__")


# the second BatchEncoding drops the batch dimension: a single input, no tensors,
# no overflowing tokens
assert batch_encoding_inits("Hello world") == 2
assert batch_encoding_inits("Hello world", "How are you?") == 2
assert batch_encoding_inits("Hello world", return_tensors="pt") == 1
assert batch_encoding_inits(["Hello world"]) == 1
assert batch_encoding_inits("Hello world", return_overflowing_tokens=True) == 1
assert tokenizer("Hello world", return_overflowing_tokens=True)["input_ids"] == [
    [101, 7592, 2088, 102]
]

# --8<-- [start:pair-and-batch]
import cProfile
import pstats

from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
inputs = {
    "single": ("Hello world",),
    "pair": ("Hello world", "How are you?"),
    "batch": (["Hello world", "How are you?", "Fine."],),
}
encode_batch = "<method 'encode_batch' of 'tokenizers.Tokenizer' objects>"
for label, args in inputs.items():
    profile = cProfile.Profile()
    profile.runcall(tokenizer, *args)
    # how often each function ran, by name
    counts = {}
    for (_, _, function), (_, ncalls, *_) in pstats.Stats(profile).stats.items():
        counts[function] = counts.get(function, 0) + ncalls
    print(
        f"{label:6}  _encode_plus x {counts['_encode_plus']}",
        f" encode_batch x {counts[encode_batch]}",
        f" _convert_encoding x {counts['_convert_encoding']}",
    )
    #> single  _encode_plus x 1  encode_batch x 1  _convert_encoding x 1
    #> pair    _encode_plus x 1  encode_batch x 1  _convert_encoding x 1
    #> batch   _encode_plus x 1  encode_batch x 1  _convert_encoding x 3
# --8<-- [end:pair-and-batch]

# the calls directly under __call__ are the same for the three inputs
single, pair, batch = (
    [name for depth, name in trace(*args) if depth == 1] for args in inputs.values()
)
assert single == pair == batch
assert "TokenizersBackend._encode_plus" in single
for args in inputs.values():
    names = [name for _, name in trace(*args)]
    assert names.count("Tokenizer.encode_batch") == 1

# --8<-- [start:what-exists]
from transformers import AutoTokenizer
from transformers.tokenization_python import PythonBackend
from transformers.tokenization_utils_base import PreTrainedTokenizerBase
from transformers.tokenization_utils_tokenizers import TokenizersBackend

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
# the notes' 4.x chain, method by method: does it exist, and where?
names = ["__call__", "_call_one", "encode_plus"]
names += ["batch_encode_plus", "_batch_encode_plus", "_encode_plus"]
for name in names:
    owners = [cls.__name__ for cls in type(tokenizer).__mro__ if name in vars(cls)]
    print(f"{name:19}", hasattr(tokenizer, name), owners)
    #> __call__            True ['PreTrainedTokenizerBase']
    #> _call_one           False []
    #> encode_plus         False []
    #> batch_encode_plus   False []
    #> _batch_encode_plus  False []
    #> _encode_plus        True ['TokenizersBackend', 'PreTrainedTokenizerBase']
try:
    tokenizer.encode_plus("Hello world")
except AttributeError as error:
    print(type(error).__name__, error)
    #> AttributeError BertTokenizer has no attribute encode_plus
# the base class only declares _encode_plus; each backend implements it
try:
    PreTrainedTokenizerBase._encode_plus(tokenizer, "Hello world")
except NotImplementedError as error:
    print(type(error).__name__)
    #> NotImplementedError
print("_encode_plus" in vars(TokenizersBackend), "_encode_plus" in vars(PythonBackend))
#> True True
# --8<-- [end:what-exists]

assert not hasattr(tokenizer, "encode_plus") and not hasattr(tokenizer, "_call_one")
