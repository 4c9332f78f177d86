"""The user cache: built once, read afterwards, built again when the entry
cannot be read, and no error when the cache cannot be written."""

import json

from mtcheck.cache import cache_dir, cached_json, key_of


def test_built_once_then_read_and_rebuilt_when_damaged(tmp_path, monkeypatch):
    monkeypatch.setenv("MTCHECK_CACHE", str(tmp_path / "c"))
    calls = []

    def build():
        calls.append(1)
        return {"a": [1, 2]}

    key = key_of("v1", b"data")
    assert cached_json("t", key, build) == {"a": [1, 2]}
    assert cached_json("t", key, build) == {"a": [1, 2]} and len(calls) == 1
    entry = cache_dir() / f"t-{key}.json"
    entry.write_text('{"a": [1,')  # a half-written entry from a crash
    assert cached_json("t", key, build) == {"a": [1, 2]} and len(calls) == 2
    assert json.loads(entry.read_text()) == {"a": [1, 2]}
    assert cached_json("t", key_of("v2", b"data"), build) == {"a": [1, 2]} and len(calls) == 3  # another key
    assert sorted(p.name for p in cache_dir().iterdir()) == sorted([entry.name, f"t-{key_of('v2', b'data')}.json"])


def test_a_cache_that_cannot_be_written_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("MTCHECK_CACHE", str(blocker / "sub"))
    assert cached_json("t", "k", lambda: [3]) == [3]


def test_the_gazetteer_from_the_cache_is_the_one_built(tmp_path, monkeypatch):
    from mtcheck.names import gazetteer

    monkeypatch.setenv("MTCHECK_CACHE", str(tmp_path))
    gazetteer._table.cache_clear()
    try:
        built = gazetteer._table()
        gazetteer._table.cache_clear()
        read = gazetteer._table()
        assert read == built and len(list(tmp_path.iterdir())) == 1
        assert gazetteer.is_known("Estocolmo") and gazetteer.is_known("Stockholm")
    finally:
        gazetteer._table.cache_clear()
