"""MLM masking is a separate mechanism: [MASK] in input_ids, -100 in labels."""

# --8<-- [start:mlm]
from transformers import AutoTokenizer, DataCollatorForLanguageModeling

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
collator = DataCollatorForLanguageModeling(tokenizer, mlm_probability=0.15, seed=0)
# choose 0.15 of the tokens; of those, 0.8 become [MASK], 0.1 a random token
print(
    collator.mlm_probability, collator.mask_replace_prob, collator.random_replace_prob
)
#> 0.15 0.8 0.1
text = "The quick brown fox jumps over the lazy dog near the river bank today."
examples = [tokenizer(text), tokenizer("Short one.")]
batch = collator(examples)
print(list(batch))
#> ['input_ids', 'token_type_ids', 'attention_mask', 'labels']
# the short example: padded, and nothing was chosen, so every label is -100
print(batch["attention_mask"][1].tolist())
#> [1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
print(batch["labels"][1].unique().tolist())
#> [-100]
# --8<-- [end:mlm]

# --8<-- [start:mlm-table]
from transformers import AutoTokenizer, DataCollatorForLanguageModeling

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
collator = DataCollatorForLanguageModeling(tokenizer, mlm_probability=0.15, seed=0)
text = "The quick brown fox jumps over the lazy dog near the river bank today."
examples = [tokenizer(text), tokenizer("Short one.")]
batch = collator(examples)  # the same batch as above: seed=0
original = tokenizer.convert_ids_to_tokens(examples[0]["input_ids"])
masked = tokenizer.convert_ids_to_tokens(batch["input_ids"][0])
labels = batch["labels"][0].tolist()
attention = batch["attention_mask"][0].tolist()
print(f"{'original':>9} {'input':>9} {'label':>6} {'mask':>4}")
#>  original     input  label mask
for row in zip(original, masked, labels, attention, strict=True):
    print("{:>9} {:>9} {:>6} {:>4}".format(*row))
    #>     [CLS]     [CLS]   -100    1
    #>       the       the   -100    1
    #>     quick    [MASK]   4248    1
    #>     brown       gem   2829    1
    #>       fox       fox   -100    1
    #>     jumps     jumps   -100    1
    #>      over      over   -100    1
    #>       the       the   -100    1
    #>      lazy      lazy   -100    1
    #>       dog       dog   -100    1
    #>      near      near   -100    1
    #>       the       the   -100    1
    #>     river    stares   2314    1
    #>      bank      bank   -100    1
    #>     today     today   -100    1
    #>         .         .   -100    1
    #>     [SEP]     [SEP]   -100    1
# --8<-- [end:mlm-table]

import torch

labels = batch["labels"][0]
chosen = labels != -100
assert chosen.sum().item() == 3
# a chosen position's label is its original id; [PAD] and special tokens are never chosen
assert (labels[chosen] == torch.tensor(examples[0]["input_ids"])[chosen]).all()
assert (batch["labels"][1] == -100).all()
# the collator leaves attention_mask as padding made it
assert batch["attention_mask"].tolist() == tokenizer.pad(examples)["attention_mask"]
