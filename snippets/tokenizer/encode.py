"""encode = tokenize + convert_tokens_to_ids; decode and the round trip; vocab, special tokens."""

# --8<-- [start:encode]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
text = "Tokenizers turn text into tensors."

tokens = tokenizer.tokenize(text)
print(tokens)
#> ['token', '##izer', '##s', 'turn', 'text', 'into', 'tensor', '##s', '.']
print(tokenizer.convert_tokens_to_ids(tokens))
#> [19204, 17629, 2015, 2735, 3793, 2046, 23435, 2015, 1012]
print(tokenizer.encode(text))
#> [101, 19204, 17629, 2015, 2735, 3793, 2046, 23435, 2015, 1012, 102]
# the difference is the special tokens: encode adds them unless told not to
print(tokenizer.encode(text, add_special_tokens=False))
#> [19204, 17629, 2015, 2735, 3793, 2046, 23435, 2015, 1012]
print(tokenizer.convert_ids_to_tokens(tokenizer.encode(text)))
#> ['[CLS]', 'token', '##izer', '##s', 'turn', 'text', 'into', 'tensor', '##s', '.', '[SEP]']
# --8<-- [end:encode]

assert tokenizer.encode(text, add_special_tokens=False) == tokenizer.convert_tokens_to_ids(tokens)
cls_id, sep_id = tokenizer.cls_token_id, tokenizer.sep_token_id
assert tokenizer.encode(text) == [cls_id, *tokenizer.convert_tokens_to_ids(tokens), sep_id]

# --8<-- [start:tokenize-special]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
# in 5.x tokenize runs the same encoder as encode: it can add special tokens
print(tokenizer.tokenize("Hello world", add_special_tokens=True))
#> ['[CLS]', 'hello', 'world', '[SEP]']
# and text that spells a special token is matched as that token
print(tokenizer.tokenize("[CLS] Hello [MASK] world"))
#> ['[CLS]', 'hello', '[MASK]', 'world']
print(tokenizer.encode("[CLS] Hello [MASK] world", add_special_tokens=False))
#> [101, 7592, 103, 2088]
# --8<-- [end:tokenize-special]

# --8<-- [start:round-trip]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
text = "Hello, World! Don't PANIC."
ids = tokenizer.encode(text)
print(tokenizer.decode(ids))
#> [CLS] hello, world! don ' t panic. [SEP]
print(tokenizer.decode(ids, skip_special_tokens=True))
#> hello, world! don ' t panic.

text = "Café au lait: a naïve résumé (e-mail me)."
ids = tokenizer.encode(text)
back = tokenizer.decode(ids, skip_special_tokens=True)
print(back)
#> cafe au lait : a naive resume ( e - mail me ).
print(back == text, back == text.lower())
#> False False
# --8<-- [end:round-trip]

assert back.lower() != text.lower()  # lossy beyond case: accents and spaces too

# --8<-- [start:more-losses]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
# runs of spaces, tabs and newlines leave no trace in the tokens
print(tokenizer.tokenize("a   b\n\t c") == tokenizer.tokenize("a b c"))
#> True
# control and zero-width characters are removed, which can join two words
text = "zero\u200bwidth bell\x07"
ids = tokenizer.encode(text, add_special_tokens=False)
print(tokenizer.decode(ids))
#> zerowidth bell
# one character WordPiece cannot spell turns the whole word into [UNK]
print(tokenizer.tokenize("hello😀 world"))
#> ['[UNK]', 'world']
print(tokenizer.tokenize("hello 😀 world"))
#> ['hello', '[UNK]', 'world']
# --8<-- [end:more-losses]

# --8<-- [start:decoder-cleanup]
from tokenizers import decoders
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
ids = tokenizer.encode("Hello, World! Don't PANIC.", add_special_tokens=False)
# transformers' own cleanup is off for this tokenizer ...
print(tokenizer.clean_up_tokenization_spaces)
#> False
# ... the gluing happens in the Rust decoder
print(tokenizer.backend_tokenizer.decoder)
#> WordPiece(prefix="##", cleanup=True)
print(tokenizer.decode(ids))
#> hello, world! don ' t panic.
# without the decoder's cleanup, every token is joined with a space
tokenizer.backend_tokenizer.decoder = decoders.WordPiece(cleanup=False)
print(tokenizer.decode(ids))
#> hello , world ! don ' t panic .
# transformers' cleanup, on request, also closes the spaces around ' in don't
print(tokenizer.decode(ids, clean_up_tokenization_spaces=True))
#> hello, world! don't panic.
# --8<-- [end:decoder-cleanup]

# --8<-- [start:offsets]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
text = "Café au lait: a naïve résumé (e-mail me)."
encoding = tokenizer(text, return_offsets_mapping=True)
offsets = encoding["offset_mapping"]  # (start, end) in text; (0, 0) for [CLS], [SEP]
print(offsets[:5])
#> [(0, 0), (0, 4), (5, 7), (8, 11), (11, 12)]
# each token points at its characters in the original text
print([text[start:end] for start, end in offsets[1:-1]])
#> ['Café', 'au', 'lai', 't', ':', 'a', 'naïve', 'résumé', '(', 'e', '-', 'mail', 'me', ')', '.']
# from the first token's start to the last token's end: the text, unchanged
print(text[offsets[1][0] : offsets[-2][1]] == text)
#> True
# --8<-- [end:offsets]

# --8<-- [start:encode-ids]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
# the docstring of encode still lists list[int] as input ...
doc = tokenizer.encode.__doc__
print(next(line.strip() for line in doc.splitlines() if "list[int]" in line))
#> text (`str`, `list[str]` or `list[int]`):
# ... but 5.x accepts text only
try:
    tokenizer.encode([7592, 2088])
except ValueError as error:
    print(type(error).__name__, str(error).split(" (single example)")[0])
    #> ValueError text input must be of type `str`
# --8<-- [end:encode-ids]

# --8<-- [start:vocab]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
vocab = tokenizer.vocab  # token -> id
print(len(vocab), tokenizer.vocab_size, len(tokenizer))
#> 30522 30522 30522
print(vocab["hello"], vocab["##s"])
#> 7592 2015
continuations = sum(token.startswith("##") for token in vocab)
print(continuations, "entries continue a word (##)")
#> 5828 entries continue a word (##)
unused = sum(token.startswith("[unused") for token in vocab)
print(unused, "entries are [unused...] placeholders")
#> 994 entries are [unused...] placeholders

# special_tokens_map: attribute name -> token; the vocabulary gives the id
for name, token in tokenizer.special_tokens_map.items():
    print(f"{name:11} {token:7} {tokenizer.convert_tokens_to_ids(token)}")
    #> unk_token   [UNK]   100
    #> sep_token   [SEP]   102
    #> pad_token   [PAD]   0
    #> cls_token   [CLS]   101
    #> mask_token  [MASK]  103

# added tokens count in len() and in vocab, not in vocab_size
tokenizer.add_tokens(["tensornotes"])
print(len(tokenizer.vocab), tokenizer.vocab_size, len(tokenizer))
#> 30523 30522 30523
# --8<-- [end:vocab]

assert len(vocab) == 30522
assert sorted(tokenizer.all_special_ids) == [0, 100, 101, 102, 103]

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
assert tokenizer.tokenize("hello😀") == ["[UNK]"]
assert tokenizer.tokenize("zero\u200bwidth") == tokenizer.tokenize("zerowidth")

# the Rust decoder's cleanup removes the space before . , ! ? only, not before : ; or brackets
decoded = tokenizer.decode(tokenizer("a . b , c ! d ? e : f ; g ( h ) i")["input_ids"][1:-1])
assert decoded == "a. b, c! d? e : f ; g ( h ) i", decoded
