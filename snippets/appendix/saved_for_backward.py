"""Appendix A2: count what autograd saves for backward during one forward pass."""

# --8<-- [start:helper]
import torch


def saved_for_backward(model, *args, **kwargs):
    """Run model(...); return its output, the tensors packed for backward, and their bytes."""
    packed = []
    with torch.autograd.graph.saved_tensors_hooks(lambda t: packed.append(t) or t, lambda t: t):
        output = model(*args, **kwargs)
    owned = {t.untyped_storage().data_ptr() for t in [*model.parameters(), *model.buffers()]}
    storages = {t.untyped_storage().data_ptr(): t.untyped_storage().nbytes() for t in packed}
    return output, len(packed), sum(n for ptr, n in storages.items() if ptr not in owned)
# --8<-- [end:helper]
