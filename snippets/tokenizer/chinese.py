"""Chinese text through bert-base-uncased: which characters it knows, what a sentence becomes."""

# --8<-- [start:cjk-in-vocab]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")


def is_cjk(char):
    """The code point ranges BERT's tokenizer treats as Chinese characters."""
    code = ord(char)
    ranges = [
        (0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF),
        (0x2A700, 0x2B73F), (0x2B740, 0x2B81F), (0x2B820, 0x2CEAF),
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
# --8<-- [end:cjk-in-vocab]

# the "##" forms of CJK characters are never produced: each character is a word of its own
assert not any(token.startswith("##") for token in tokenizer.tokenize("".join(single)))

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
