"""Bad input and the errors it gets, from the tokenizer and from the model."""

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
# Python checks only the first item of a batch; Rust rejects the rest
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

# --8<-- [start:pair-too-long]
import torch
from transformers import AutoModel, AutoTokenizer

name = "sentence-transformers/all-MiniLM-L6-v2"
tokenizer = AutoTokenizer.from_pretrained(name)
model = AutoModel.from_pretrained(name).eval()
long_text, short_text = " ".join(["word"] * 590), "A short second sentence."

pair = tokenizer(long_text, short_text, return_tensors="pt", verbose=False)
print(pair["input_ids"].shape)
#> torch.Size([1, 598])
try:
    with torch.no_grad():
        model(**pair)
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    #> RuntimeError: The size of tensor a (598) must match the size of tensor b (512) at non-singleton dimension 1
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
# --8<-- [end:pair-too-long]

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
# the tokenizer does not raise: it maps an unknown id to None, or to nothing
print(tokenizer.convert_ids_to_tokens([101, 30522, 102]))
#> ['[CLS]', None, '[SEP]']
print(repr(tokenizer.decode([7592, 30522])))
#> 'hello'
# --8<-- [end:ids-out-of-range]
