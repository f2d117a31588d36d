"""Appendix A3: the basic tokenizer and WordPiece, reimplemented from vocab.txt and checked."""

# --8<-- [start:pipeline]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
backend = tokenizer.backend_tokenizer  # the Rust tokenizer that does the work
text = "Héllo, WORLD!\tDon't split 北京大学 [SEP]"
print(type(backend.normalizer).__name__, type(backend.pre_tokenizer).__name__)
#> BertNormalizer BertPreTokenizer
print(type(backend.model).__name__, backend.model.max_input_chars_per_word)
#> WordPiece 100
normalized = backend.normalizer.normalize_str(text)
print(repr(normalized))
#> "hello, world! don't split  北  京  大  学  [sep]"
words = [word for word, _span in backend.pre_tokenizer.pre_tokenize_str(normalized)]
print(words)
#> ['hello', ',', 'world', '!', 'don', "'", 't', 'split', '北', '京', '大', '学', '[', 'sep', ']']
print(tokenizer.tokenize(text))
#> ['hello', ',', 'world', '!', 'don', "'", 't', 'split', '北', '京', '大', '学', '[SEP]']
pair = backend.encode("Hello", "world")  # the post-processor adds [CLS], [SEP] and type ids
print(type(backend.post_processor).__name__, pair.tokens, pair.type_ids)
#> TemplateProcessing ['[CLS]', 'hello', '[SEP]', 'world', '[SEP]'] [0, 0, 0, 1, 1]
# --8<-- [end:pipeline]

assert normalized == "hello, world! don't split  北  京  大  学  [sep]"
# cleaning drops control (BEL), format (zero-width space and joiner, soft hyphen) and private-use
# characters, and keeps unassigned code points
for char in "\x07\u200b\u200d\u00ad\ue000":
    assert backend.normalizer.normalize_str(f"a{char}b") == "ab", hex(ord(char))
assert backend.normalizer.normalize_str("a\u0378b") == "a\u0378b"

# --8<-- [start:reimplementation]
import re
import string
import unicodedata

from huggingface_hub import hf_hub_download

path = hf_hub_download("google-bert/bert-base-uncased", "vocab.txt")
with open(path, encoding="utf-8") as file:
    vocab = {line.rstrip("\n"): index for index, line in enumerate(file)}
SPECIAL = re.compile(r"(\[PAD\]|\[UNK\]|\[CLS\]|\[SEP\]|\[MASK\])")


def is_cjk(char):
    code = ord(char)
    return any(low <= code <= high for low, high in [
        (0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x2A700, 0x2B73F),
        (0x2B740, 0x2B81F), (0x2B820, 0x2CEAF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F),
    ])


def is_punctuation(char):
    return char in string.punctuation or unicodedata.category(char).startswith("P")


def basic_tokenize(text):
    chars = []
    for char in text:
        if char.isspace():
            chars.append(" ")  # tabs, newlines, other spaces
        elif unicodedata.category(char).startswith("C") or char == "\ufffd":
            continue  # control and other invisible characters
        elif is_cjk(char):
            chars.append(f" {char} ")  # each CJK character becomes a word
        else:
            chars.append(char)
    decomposed = unicodedata.normalize("NFD", "".join(chars))
    text = "".join(c for c in decomposed if unicodedata.category(c) != "Mn").lower()
    words = []
    for chunk in text.split():
        start = 0
        for i, char in enumerate(chunk):
            if is_punctuation(char):  # a punctuation character is a word of its own
                words += [chunk[start:i], char]
                start = i + 1
        words.append(chunk[start:])
    return [word for word in words if word]


def wordpiece(word, max_chars=100):
    if len(word) > max_chars:
        return ["[UNK]"]
    pieces, start = [], 0
    while start < len(word):
        for end in range(len(word), start, -1):  # longest match first
            piece = ("##" if start > 0 else "") + word[start:end]
            if piece in vocab:
                break
        else:
            return ["[UNK]"]  # no piece fits: the whole word is unknown
        pieces.append(piece)
        start = end
    return pieces


def tokenize(text):
    tokens = []
    for part in SPECIAL.split(text):  # special tokens written in the text stay whole
        if SPECIAL.fullmatch(part):
            tokens.append(part)
        else:
            tokens += [piece for word in basic_tokenize(part) for piece in wordpiece(word)]
    return tokens


print(tokenize("Héllo, WORLD!\tDon't split 北京大学 [SEP]"))
#> ['hello', ',', 'world', '!', 'don', "'", 't', 'split', '北', '京', '大', '学', '[SEP]']

# --8<-- [end:reimplementation]

# the check: English docstrings of matplotlib (a labelled stand-in), jieba's Chinese words
import importlib.util
from pathlib import Path

from transformers import AutoTokenizer

from tensornotes.standins import english_docstrings

backend = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased").backend_tokenizer
english = english_docstrings()
print(len(set(re.findall(r"[a-z]+", english.lower()))), "distinct English words")
#> 6807 distinct English words
jieba_dict = Path(importlib.util.find_spec("jieba").origin).parent / "dict.txt"
chinese = [line.split(" ")[0] for line in jieba_dict.read_text(encoding="utf-8").splitlines()]
print(len(chinese), "Chinese words")
#> 349046 Chinese words
checked = {}
for name, items in [("English", set(english.split())), ("Chinese", set("".join(chinese)))]:
    items = sorted(items)
    real = [encoding.tokens for encoding in backend.encode_batch(items, add_special_tokens=False)]
    mismatches = sum(tokenize(item) != tokens for item, tokens in zip(items, real, strict=True))
    unknown = sum("[UNK]" in tokens for tokens in real)
    checked[name] = items, real
    print(f"{name}: {len(items)} strings, {mismatches} mismatches, {unknown} with [UNK]")
    #> English: 23468 strings, 0 mismatches, 6 with [UNK]
    #> Chinese: 12045 strings, 0 mismatches, 11785 with [UNK]

assert mismatches == 0 and len(set(re.findall(r"[a-z]+", english.lower()))) >= 5000
# the rebuild drops every character of Unicode category C, unassigned code points included, which
# the real normalizer keeps; neither text holds such a character, so the check never meets one
assert basic_tokenize("a\u0378b") == ["ab"] != [w for w, _ in backend.pre_tokenizer.pre_tokenize_str(
    backend.normalizer.normalize_str("a\u0378b"))]
assert all(backend.normalizer.normalize_str(f"a{char}b") in ("ab", "a b")
           for char in set(english) | set("".join(chinese))
           if unicodedata.category(char).startswith("C"))
# the basic tokenizer makes every CJK character a word; jieba's dictionary holds a few others
chars = checked["Chinese"][0]
print(f"Chinese: {sum(not is_cjk(char) for char in chars)} of {len(chars)} distinct characters are not CJK")
#> Chinese: 35 of 12045 distinct characters are not CJK
# English [UNK]s all come from characters outside the vocabulary, never from a word of letters
for item, tokens in zip(*checked["English"], strict=True):
    if "[UNK]" in tokens:
        for word in basic_tokenize(item):
            if wordpiece(word) == ["[UNK]"]:
                assert any(char not in vocab for char in word), item
missing = {char for item, tokens in zip(*checked["English"], strict=True) if "[UNK]" in tokens
           for char in item if char not in vocab and not char.isspace()}
print("English characters outside the vocabulary:", " ".join(sorted(missing)))
#> English characters outside the vocabulary: ⋮ ⋯ ┌ ┐ └ ┘ ├ ┤ ┬ ┴ ┼ ╴ ╶

# distinct characters overstate it for running text: weight each character by how often jieba's
# dictionary says its words occur (each line of dict.txt: word, frequency, part of speech)
occurrences = {}
for line in jieba_dict.read_text(encoding="utf-8").splitlines():
    word, frequency = line.split(" ")[:2]
    for char in word:
        occurrences[char] = occurrences.get(char, 0) + int(frequency)
unknown_chars = {item for item, tokens in zip(*checked["Chinese"], strict=True) if "[UNK]" in tokens}
assert set(occurrences) == set(checked["Chinese"][0])
share = sum(occurrences[char] for char in unknown_chars) / sum(occurrences.values())
print(f"Chinese: {len(unknown_chars)} of {len(occurrences)} distinct characters are [UNK]; weighted "
      f"by word frequency, {share:.0%} of character occurrences")
#> Chinese: 11785 of 12045 distinct characters are [UNK]; weighted by word frequency, 72% of character occurrences
assert 0.5 < share < len(unknown_chars) / len(occurrences)

# --8<-- [start:suffixes]
from huggingface_hub import hf_hub_download

path = hf_hub_download("google-bert/bert-base-uncased", "vocab.txt")
with open(path, encoding="utf-8") as file:
    vocab = [line.rstrip("\n") for line in file]
suffixes = [token for token in vocab if token.startswith("##")]
print(len(vocab), "entries,", len(suffixes), "start with ##")
#> 30522 entries, 5828 start with ##
print(suffixes[:10])
#> ['##s', '##a', '##e', '##i', '##ing', '##n', '##o', '##d', '##ed', '##r']
print(sorted(suffixes, key=len)[-3:])
#> ['##orestation', '##ropriation', '##filtration']
print(sum(len(token) == 3 for token in suffixes), "of them continue with a single character")
#> 997 of them continue with a single character
starts = set(vocab)
print(sum(token[2:] in starts for token in suffixes), "also exist without ##")
#> 2709 also exist without ##
print(vocab.index("s"), vocab.index("##s"))  # two symbols, two ids, two embedding rows
#> 1055 2015
# --8<-- [end:suffixes]

assert len(vocab) == 30522 and len(suffixes) == 5828

# --8<-- [start:unknown]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
print(tokenizer.backend_tokenizer.model.max_input_chars_per_word)
#> 100
for text in ["tokenizers", "pneumonoultramicroscopicsilicovolcanoconiosis", "龘", "hello😀 hello",
             "a" * 100, "a" * 101]:
    tokens = tokenizer.tokenize(text)
    shown = tokens if len(tokens) < 8 else f"{len(tokens)} pieces"
    print(f"{len(text)} chars, {text[:16]!r} -> {shown}")
    #> 10 chars, 'tokenizers' -> ['token', '##izer', '##s']
    #> 45 chars, 'pneumonoultramic' -> 17 pieces
    #> 1 chars, '龘' -> ['[UNK]']
    #> 12 chars, 'hello😀 hello' -> ['[UNK]', 'hello']
    #> 100 chars, 'aaaaaaaaaaaaaaaa' -> 50 pieces
    #> 101 chars, 'aaaaaaaaaaaaaaaa' -> ['[UNK]']
# --8<-- [end:unknown]

# --8<-- [start:decode]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
ids = tokenizer("Héllo! Don't tokenize 😀.")["input_ids"]
tokens = tokenizer.convert_ids_to_tokens(ids)
print(tokens)
#> ['[CLS]', 'hello', '!', 'don', "'", 't', 'token', '##ize', '[UNK]', '.', '[SEP]']
print(tokenizer.decode(ids))
#> [CLS] hello! don ' t tokenize [UNK]. [SEP]
print(tokenizer.decode(ids, skip_special_tokens=True))
#> hello! don ' t tokenize.
print(tokenizer.decode(ids, skip_special_tokens=True, clean_up_tokenization_spaces=True))
#> hello! don't tokenize.
# by hand: glue ## pieces to the previous token, no space before . , ! ?
text = " ".join(tokens).replace(" ##", "")
for mark in ".,!?":
    text = text.replace(" " + mark, mark)
print(text == tokenizer.decode(ids))
#> True
# --8<-- [end:decode]

assert text == tokenizer.decode(ids)
