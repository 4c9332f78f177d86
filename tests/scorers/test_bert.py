"""The plain-torch BERT gives what transformers' BertModel gives, from the
same weights, padded batches included; its checkpoint format round-trips
and refuses a truncated file."""

import numpy as np
import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from mtcheck.scorers import bert  # noqa: E402


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    torch.manual_seed(0)
    cfg = transformers.BertConfig(vocab_size=120, hidden_size=32, num_hidden_layers=3, num_attention_heads=4,
                                  intermediate_size=64, max_position_embeddings=40, type_vocab_size=1,
                                  layer_norm_eps=1e-12, hidden_act="gelu", pad_token_id=1)
    theirs = transformers.BertModel(cfg, add_pooling_layer=False).eval()
    folder = tmp_path_factory.mktemp("tiny")
    theirs.save_pretrained(folder / "hf")  # built and saved, then loaded back through the real from_pretrained
    theirs = transformers.BertModel.from_pretrained(folder / "hf", add_pooling_layer=False).eval()
    ours_cfg = bert.BertConfig(vocab_size=120, hidden_size=32, num_hidden_layers=3, num_attention_heads=4,
                               intermediate_size=64, max_position_embeddings=40, pad_token_id=1)
    tensors = {k: v.numpy() for k, v in theirs.state_dict().items() if not k.endswith("position_ids")}
    bert.save(folder / "ours", ours_cfg, tensors)
    return theirs, bert.load(folder / "ours"), folder


def test_the_same_hidden_states_as_transformers(pair):
    theirs, ours, _ = pair
    ids = torch.tensor([[0, 5, 17, 33, 2, 1, 1], [0, 9, 8, 7, 6, 5, 2]])
    mask = (ids != 1).long()
    with torch.inference_mode():
        a = theirs(input_ids=ids, attention_mask=mask).last_hidden_state
        b = ours(input_ids=ids, attention_mask=mask).last_hidden_state
    real = mask.bool()
    assert torch.allclose(a[real], b[real], atol=1e-5)
    assert not torch.allclose(b[0, 1], b[1, 1])  # not a constant: the input matters


def test_the_same_module_names_for_hooks_and_adapters(pair):
    theirs, ours, _ = pair
    want = {k for k in theirs.state_dict() if not k.endswith("position_ids")}
    assert set(ours.state_dict()) == want
    assert ours.config.hidden_size == 32 and len(ours.encoder.layer) == 3


def test_a_truncated_checkpoint_is_refused(pair):
    _, _, folder = pair
    weights = folder / "ours" / bert.WEIGHTS
    data = weights.read_bytes()
    weights.write_bytes(data[: len(data) // 2])
    try:
        with pytest.raises(ValueError, match="shorter than its index says"):
            bert.load(folder / "ours")
    finally:
        weights.write_bytes(data)
    assert np.isfinite(bert.load(folder / "ours").embeddings.word_embeddings.weight.detach().numpy()).all()
