"""Auto classes: how config.json's model_type selects the concrete classes."""

import torch

# --8<-- [start:lookup]
import json

from huggingface_hub import hf_hub_download
from transformers.models.auto import configuration_auto, modeling_auto
from transformers.models.auto import tokenization_auto

# 1. the checkpoint's config.json names its model_type
path = hf_hub_download("google-bert/bert-base-uncased", "config.json")
with open(path) as file:
    model_type = json.load(file)["model_type"]
print(model_type)
#> bert

# 2. the tables hold class names by model_type ...
print(configuration_auto.CONFIG_MAPPING_NAMES[model_type])
#> BertConfig
print(tokenization_auto.TOKENIZER_MAPPING_NAMES[model_type])
#> BertTokenizer
print(modeling_auto.MODEL_MAPPING_NAMES[model_type])
#> BertModel

# 3. ... the lazy mappings import the classes:
#    model_type -> config class -> every other class
config_class = configuration_auto.CONFIG_MAPPING[model_type]
print(config_class)
#> <class 'transformers.models.bert.configuration_bert.BertConfig'>
for mapping in [
    tokenization_auto.TOKENIZER_MAPPING,
    modeling_auto.MODEL_MAPPING,
    modeling_auto.MODEL_FOR_SEQUENCE_CLASSIFICATION_MAPPING,
]:
    print(mapping[config_class])
    #> <class 'transformers.models.bert.tokenization_bert.BertTokenizer'>
    #> <class 'transformers.models.bert.modeling_bert.BertModel'>
    #> <class 'transformers.models.bert.modeling_bert.BertForSequenceClassification'>
# --8<-- [end:lookup]

# the *_NAMES tables live in the submodules; the package exports only the lazy mappings
import transformers.models.auto as auto_package

for table in ["CONFIG_MAPPING_NAMES", "TOKENIZER_MAPPING_NAMES", "MODEL_MAPPING_NAMES"]:
    assert not hasattr(auto_package, table)
for mapping in ["CONFIG_MAPPING", "TOKENIZER_MAPPING", "MODEL_MAPPING"]:
    assert hasattr(auto_package, mapping)

# --8<-- [start:auto-result]
from transformers import (
    AutoConfig,
    AutoModel,
    AutoModelForSequenceClassification,
    AutoTokenizer,
)
from transformers.models.auto.modeling_auto import (
    MODEL_FOR_SEQUENCE_CLASSIFICATION_MAPPING,
    MODEL_MAPPING,
)
from transformers.models.auto.tokenization_auto import get_tokenizer_config

checkpoint = "google-bert/bert-base-uncased"
print(type(AutoConfig.from_pretrained(checkpoint)).__name__)
#> BertConfig
print(type(AutoTokenizer.from_pretrained(checkpoint)).__name__)
#> BertTokenizer

# each AutoModel* class reads its own table
print(AutoModel._model_mapping is MODEL_MAPPING)
#> True
for_classification = AutoModelForSequenceClassification._model_mapping
print(for_classification is MODEL_FOR_SEQUENCE_CLASSIFICATION_MAPPING)
#> True

# tokenizer_config.json may name the class; bert-base-uncased's does not
print(get_tokenizer_config(checkpoint).get("tokenizer_class"))
#> None
minilm = get_tokenizer_config("sentence-transformers/all-MiniLM-L6-v2")
print(minilm.get("tokenizer_class"))
#> BertTokenizer

# an Auto class is a factory: it never becomes an object of its own
try:
    AutoModel()
except OSError as error:
    print(type(error).__name__, str(error).split(" using ")[0])
    #> OSError AutoModel is designed to be instantiated
# --8<-- [end:auto-result]

# --8<-- [start:heads]
from transformers import AutoModel, AutoModelForSequenceClassification

checkpoint = "sentence-transformers/all-MiniLM-L6-v2"
base = AutoModel.from_pretrained(checkpoint)
classifier, loading = AutoModelForSequenceClassification.from_pretrained(
    checkpoint, output_loading_info=True
)
# the head is not in the checkpoint: transformers initialises it at random
print(sorted(loading["missing_keys"]))
#> ['classifier.bias', 'classifier.weight']

print(type(base).__name__, [name for name, _ in base.named_children()])
#> BertModel ['embeddings', 'encoder', 'pooler']
children = [name for name, _ in classifier.named_children()]
print(type(classifier).__name__, children)
#> BertForSequenceClassification ['bert', 'dropout', 'classifier']
print(classifier.classifier)
#> Linear(in_features=384, out_features=2, bias=True)


def count(model):
    return sum(parameter.numel() for parameter in model.parameters())


print(count(base), count(classifier), count(classifier) - count(base))
#> 22713216 22713986 770
# --8<-- [end:heads]

assert type(base).__name__ == "BertModel"
shared = classifier.bert.embeddings.word_embeddings.weight
assert torch.equal(shared, base.embeddings.word_embeddings.weight)
hidden, labels = classifier.config.hidden_size, classifier.config.num_labels
assert count(classifier) - count(base) == hidden * labels + labels

# --8<-- [start:heads-outputs]
import torch
from transformers import (
    AutoModel,
    AutoModelForSequenceClassification,
    AutoTokenizer,
)

checkpoint = "sentence-transformers/all-MiniLM-L6-v2"
tokenizer = AutoTokenizer.from_pretrained(checkpoint)
base = AutoModel.from_pretrained(checkpoint)
classifier = AutoModelForSequenceClassification.from_pretrained(checkpoint)

inputs = tokenizer("Auto classes pick the class.", return_tensors="pt")
with torch.no_grad():
    features = base(**inputs)
    scores = classifier(**inputs)
print(list(features.keys()))
#> ['last_hidden_state', 'pooler_output']
print(tuple(features.last_hidden_state.shape))
#> (1, 8, 384)
print(tuple(features.pooler_output.shape))
#> (1, 384)
print(list(scores.keys()), tuple(scores.logits.shape))
#> ['logits'] (1, 2)
# --8<-- [end:heads-outputs]

# --8<-- [start:bert-base-head]
from transformers import AutoConfig

config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
# BertForSequenceClassification's head is Linear(hidden_size, num_labels)
head = config.hidden_size * config.num_labels + config.num_labels
print(config.hidden_size, config.num_labels, head)
#> 768 2 1538
# --8<-- [end:bert-base-head]
