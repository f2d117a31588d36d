"""The call chain of tokenizer(...): trace it, then check what exists in this release."""

# --8<-- [start:trace]
import itertools
import sys

from transformers import AutoTokenizer


def trace_calls(function, *args, **kwargs):
    """Call function(*args, **kwargs) and return the transformers calls it made.

    Each entry is (depth, module, qualified name). Calls into the Rust
    `tokenizers` library appear as well, under the frame that made them.
    """
    calls, stack = [], []

    def profiler(frame, event, arg):
        if event == "call":
            module = frame.f_globals.get("__name__", "")
            name = getattr(frame.f_code, "co_qualname", frame.f_code.co_name)
            # keep transformers frames, skip comprehensions such as <listcomp>
            if module.startswith("transformers") and "<" not in name:
                calls.append((len(stack), module, name))
                stack.append(frame)
        elif event == "return" and stack and stack[-1] is frame:
            stack.pop()
        elif event == "c_call" and stack and stack[-1] is frame:
            owner = type(getattr(arg, "__self__", None))
            if owner.__module__.startswith("tokenizers"):
                name = f"{owner.__name__}.{arg.__name__}"
                calls.append((len(stack), owner.__module__, name))

    sys.setprofile(profiler)
    try:
        function(*args, **kwargs)
    finally:
        sys.setprofile(None)
    return calls


tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
calls = trace_calls(tokenizer, "Hello world")
# print the tree two levels deep, folding repeated calls into "x N"
for (depth, _module, name), group in itertools.groupby(calls):
    if depth <= 2:
        repeat = len(list(group))
        label = name + (f" x {repeat}" if repeat > 1 else "")
        print("    " * depth + label)
        #> PreTrainedTokenizerBase.__call__
        #>     PreTrainedTokenizerBase._get_padding_truncation_strategies
        #>     PreTrainedTokenizerBase.__getattr__
        #>     TokenizersBackend._encode_plus
        #>         TokenizersBackend.set_truncation_and_padding
        #>         Tokenizer.encode_batch
        #>         TokenizersBackend._convert_encoding
        #>         PreTrainedTokenizerBase._eventual_warn_about_too_long_sequence
        #>         BatchEncoding.__init__
        #>         BatchEncoding.__getitem__ x 3
        #>         BatchEncoding.encodings
        #>         BatchEncoding.__init__
# --8<-- [end:trace]

# --8<-- [start:pair-and-batch]
import sys

from transformers import AutoTokenizer


def trace_calls(function, *args, **kwargs):
    """The same tracer, shortened: (depth, qualified name) of each call."""
    calls, stack = [], []

    def profiler(frame, event, arg):
        name = getattr(frame.f_code, "co_qualname", frame.f_code.co_name)
        module = frame.f_globals.get("__name__", "")
        keep = module.startswith("transformers") and "<" not in name
        if event == "call" and keep:
            calls.append((len(stack), name))
            stack.append(frame)
        elif event == "return" and stack and stack[-1] is frame:
            stack.pop()
        elif event == "c_call" and stack and stack[-1] is frame:
            owner = type(getattr(arg, "__self__", None))
            if owner.__module__.startswith("tokenizers"):
                calls.append((len(stack), f"{owner.__name__}.{arg.__name__}"))

    sys.setprofile(profiler)
    try:
        function(*args, **kwargs)
    finally:
        sys.setprofile(None)
    return calls


tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
inputs = {
    "single": ("Hello world",),
    "pair": ("Hello world", "How are you?"),
    "batch": (["Hello world", "How are you?", "Fine."],),
}
first = None
for label, args in inputs.items():
    calls = trace_calls(tokenizer, *args)
    # the calls directly under __call__ ...
    top = [name for depth, name in calls if depth == 1]
    first = first or top
    # ... and how often the Rust encoder and the converter ran
    rust = sum(name == "Tokenizer.encode_batch" for _, name in calls)
    converts = sum(name.endswith("._convert_encoding") for _, name in calls)
    print(
        f"{label:6} same chain: {top == first} ",
        f"encode_batch x {rust}  convert x {converts}",
    )
    #> single same chain: True  encode_batch x 1  convert x 1
    #> pair   same chain: True  encode_batch x 1  convert x 1
    #> batch  same chain: True  encode_batch x 1  convert x 3
# --8<-- [end:pair-and-batch]

single, pair, batch = (
    [name for depth, name in trace_calls(tokenizer, *args) if depth == 1]
    for args in inputs.values()
)
assert single == pair == batch
assert "TokenizersBackend._encode_plus" in single


def batch_encoding_inits(*args, **kwargs):
    return [name for _, name in trace_calls(tokenizer, *args, **kwargs)].count(
        "BatchEncoding.__init__"
    )


# the second BatchEncoding drops the batch dimension: single input, no tensors
assert batch_encoding_inits("Hello world") == 2
assert batch_encoding_inits("Hello world", return_tensors="pt") == 1
assert batch_encoding_inits(["Hello world"]) == 1

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

# --8<-- [start:what-exists]
from transformers import (
    AutoTokenizer,
    PreTrainedTokenizer,
    PreTrainedTokenizerFast,
)
from transformers.models.bert.tokenization_bert import BertTokenizerFast
from transformers.models.bert.tokenization_bert_legacy import (
    BertTokenizerLegacy,
)
from transformers.tokenization_python import PythonBackend
from transformers.tokenization_utils_base import PreTrainedTokenizerBase
from transformers.tokenization_utils_tokenizers import TokenizersBackend

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")

# the class layering of the tokenizer AutoTokenizer returns
print(" -> ".join(cls.__name__ for cls in type(tokenizer).__mro__))
#> BertTokenizer -> TokenizersBackend -> PreTrainedTokenizerBase -> PushToHubMixin -> object

# the notes' 4.x chain, method by method: does it exist, and where?
names = [
    "__call__",
    "_call_one",
    "encode_plus",
    "batch_encode_plus",
    "_batch_encode_plus",
    "_encode_plus",
]
for name in names:
    mro = type(tokenizer).__mro__
    owners = [cls.__name__ for cls in mro if name in vars(cls)]
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
print("_encode_plus" in vars(TokenizersBackend))
#> True
print("_encode_plus" in vars(PythonBackend))
#> True

# the 4.x names of the base classes are aliases now
print(PreTrainedTokenizerFast is TokenizersBackend)
#> True
print(PreTrainedTokenizer is PythonBackend)
#> True
print(BertTokenizerFast.__name__)
#> BertTokenizer
# the pure-Python BERT tokenizer is kept under another name
print(" -> ".join(cls.__name__ for cls in BertTokenizerLegacy.__mro__))
#> BertTokenizerLegacy -> PythonBackend -> PreTrainedTokenizerBase -> PushToHubMixin -> object
# --8<-- [end:what-exists]

assert not hasattr(tokenizer, "encode_plus") and not hasattr(tokenizer, "_call_one")
