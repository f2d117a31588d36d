"""Chinese text through bert-base-uncased: which characters it knows, what a sentence becomes."""

import unicodedata

from transformers.models.bert.tokenization_bert_legacy import BasicTokenizer

# --8<-- [start:cjk-in-vocab]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")


def is_cjk(char):
    """The code point ranges the Rust BertNormalizer treats as Chinese characters."""
    code = ord(char)
    ranges = [
        (0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF),
        (0x2A700, 0x2B73F), (0x2B740, 0x2B81F), (0x2B920, 0x2CEAF),
        (0xF900, 0xFAFF), (0x2F800, 0x2FA1F),
    ]
    return any(first <= code <= last for first, last in ranges)


vocab = tokenizer.vocab
single = [token for token in vocab if len(token) == 1 and is_cjk(token)]
single.sort(key=vocab.get)  # in id order
print(len(single), "single CJK characters in", len(vocab), "entries")
#> 244 single CJK characters in 30522 entries
print("".join(single[:40]))
#> 一三上下不世中主久之也事二五井京人亻仁介代仮伊会佐侍保信健元光八公内出分前劉力加
# the same characters again as word continuations: "##" + character
continued = {
    t[2] for t in vocab if t.startswith("##") and len(t) == 3 and is_cjk(t[2])
}
print(len(continued), continued == set(single))
#> 244 True
# and no entry of two or more characters that holds a CJK character
longer = [
    t for t in vocab if len(t.removeprefix("##")) > 1 and any(map(is_cjk, t))
]
print(len(longer))
#> 0
# --8<-- [end:cjk-in-vocab]

# the "##" forms of CJK characters are never produced: each character is a word of its own
assert not any(token.startswith("##") for token in tokenizer.tokenize("".join(single)))

# is_cjk is exactly the set of characters the Rust normalizer puts spaces around
normalizer = tokenizer.backend_tokenizer.normalizer


def spaced(code):
    out = normalizer.normalize_str(chr(code))
    return len(out) == 3 and out[0] == out[2] == " "


codes = [code for code in range(0x2E80, 0x323B0) if not 0xD800 <= code <= 0xDFFF]
rust = {code for code in codes if spaced(code)}
assert rust == {code for code in codes if is_cjk(chr(code))}
# the legacy Python tokenizer's ranges differ from Rust's by U+2B820..U+2B91F only
legacy = {code for code in codes if BasicTokenizer()._is_chinese_char(code)}
assert legacy - rust == set(range(0x2B820, 0x2B920)) and not rust - legacy
# none of those code points is in the vocabulary, so the count of 244 holds either way
assert not any(len(token) == 1 and 0x2B820 <= ord(token) < 0x2B920 for token in vocab)
assert unicodedata.name(chr(0x2B820)) == "CJK UNIFIED IDEOGRAPH-2B820"  # Extension E's first
# Extensions F (U+2CEB0..U+2EBEF), G (U+30000..U+3134F), H (U+31350..U+323AF) and
# I (U+2EBF0..U+2EE5F) are in neither list
for first, last in [(0x2CEB0, 0x2EBEF), (0x30000, 0x3134F), (0x31350, 0x323AF), (0x2EBF0, 0x2EE5F)]:
    block = set(range(first, last + 1))
    assert not block & rust and not block & legacy

# --8<-- [start:simplified-traditional]
from transformers import AutoTokenizer

vocab = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased").vocab
# simplified / traditional pairs: which form does the vocabulary hold?
for simplified, traditional in ["风風", "东東", "车車", "语語", "学學", "国國"]:
    print(simplified, simplified in vocab, "|",
          traditional, traditional in vocab)
    #> 风 False | 風 True
    #> 东 False | 東 True
    #> 车 False | 車 True
    #> 语 False | 語 True
    #> 学 True | 學 False
    #> 国 True | 國 True
# --8<-- [end:simplified-traditional]

# --8<-- [start:cjk-ranges]
from transformers import AutoTokenizer
from transformers.models.bert.tokenization_bert_legacy import BasicTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
backend = tokenizer.backend_tokenizer
legacy = BasicTokenizer()  # the pure-Python splitting of BertTokenizerLegacy
# the first code points of Extensions D, E, F and G, and where Rust's range for E starts
for code in [0x2B740, 0x2B820, 0x2B91F, 0x2B920, 0x2CEB0, 0x30000]:
    text = "a" + chr(code) + "b"
    normalized = backend.normalizer.normalize_str(text)
    rust_words = len(backend.pre_tokenizer.pre_tokenize_str(normalized))
    legacy_words = len(legacy.tokenize(text))
    tokens = tokenizer.tokenize(text)
    print(f"U+{code:X}  words: legacy {legacy_words}, Rust {rust_words} ", tokens)
    #> U+2B740  words: legacy 3, Rust 3  ['a', '[UNK]', 'b']
    #> U+2B820  words: legacy 3, Rust 1  ['[UNK]']
    #> U+2B91F  words: legacy 3, Rust 1  ['[UNK]']
    #> U+2B920  words: legacy 3, Rust 3  ['a', '[UNK]', 'b']
    #> U+2CEB0  words: legacy 1, Rust 1  ['[UNK]']
    #> U+30000  words: legacy 1, Rust 1  ['[UNK]']
# --8<-- [end:cjk-ranges]

# --8<-- [start:sentence]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")

# each CJK character is split off on its own before WordPiece runs
print(repr(tokenizer.backend_tokenizer.normalizer.normalize_str("我喜欢NLP")))
#> ' 我  喜  欢 nlp'

text = "今天天气很好，我们去公园散步吧。"
tokens = tokenizer.tokenize(text)
print(" ".join(tokens))
#> [UNK] 天 天 [UNK] [UNK] [UNK] ， 我 [UNK] [UNK] 公 [UNK] [UNK] [UNK] [UNK] 。
unknown = tokens.count(tokenizer.unk_token)
print(len(text), "characters,", len(tokens), "tokens,", unknown, "[UNK]")
#> 16 characters, 16 tokens, 10 [UNK]
print(f"{unknown / len(tokens):.1%} of the tokens are [UNK]")
#> 62.5% of the tokens are [UNK]
# --8<-- [end:sentence]

assert len(tokens) == len(text)  # one token per character here
assert tokenizer.decode(tokenizer.encode(text, add_special_tokens=False)) != text

# --8<-- [start:lost-meaning]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
likes = tokenizer("我喜欢猫。")["input_ids"]  # "I like cats."
hates = tokenizer("我讨厌猫。")["input_ids"]  # "I hate cats."
print(likes)
#> [101, 1855, 100, 100, 100, 1636, 102]
print(hates)
#> [101, 1855, 100, 100, 100, 1636, 102]
print(likes == hates)
#> True
print(tokenizer.decode(likes))
#> [CLS] 我 [UNK] [UNK] [UNK] 。 [SEP]
# --8<-- [end:lost-meaning]

assert likes == hates

# --8<-- [start:full-width]
import unicodedata

from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
text = "２０２４年ＡＩ模型"  # full-width digits and letters, as Chinese text often has
print(tokenizer.tokenize(text))
#> ['[UNK]', '年', '[UNK]', '[UNK]', '[UNK]']
# the normalizer lowercases them but keeps them full-width: no vocabulary entry matches
print(repr(tokenizer.backend_tokenizer.normalizer.normalize_str(text)))
#> '２０２４ 年 ａｉ 模  型 '
# NFKC turns them into ASCII first
ascii_text = unicodedata.normalize("NFKC", text)
print(ascii_text, tokenizer.tokenize(ascii_text))
#> 2024年AI模型 ['202', '##4', '年', 'ai', '[UNK]', '[UNK]']
# --8<-- [end:full-width]

assert tokenizer.tokenize(text) == ["[UNK]", "年", "[UNK]", "[UNK]", "[UNK]"]
assert unicodedata.normalize("NFKC", text) == "2024年AI模型"

# --8<-- [start:mixed]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
backend = tokenizer.backend_tokenizer
text = "iPhone15很好用"  # "the iPhone 15 is easy to use"
normalized = backend.normalizer.normalize_str(text)
print(repr(normalized))
#> 'iphone15 很  好  用 '
# letters and digits stay one word: only CJK characters are split off
print([word for word, _ in backend.pre_tokenizer.pre_tokenize_str(normalized)])
#> ['iphone15', '很', '好', '用']
print(tokenizer.tokenize(text))
#> ['iphone', '##15', '[UNK]', '[UNK]', '[UNK]']
# --8<-- [end:mixed]

assert tokenizer.tokenize(text)[:2] == ["iphone", "##15"]
assert all(token == "[UNK]" for token in tokenizer.tokenize(text)[2:])
# written with a space, the digits are a word of their own, with another id
assert tokenizer.tokenize("iPhone 15")[1] == "15"
assert tokenizer.convert_tokens_to_ids("15") != tokenizer.convert_tokens_to_ids("##15")
