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
