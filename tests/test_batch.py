"""Batches: manifests (CSV, JSON Lines, inline ninjs), worker processes whose
reports are byte-identical to one process's, a bad file reported among good
ones, and the summary table."""

import json

import pytest

from mtcheck.cli import main

SRC = "Antony Blinken said on Monday that there would be consequences.\n\nThe 94,000 soldiers left.\n"
MT = "Antony Blink dijo el lunes que habría consecuencias.\n\nLos 49.000 soldados se fueron.\n"
CLEAN = "Antony Blinken dijo el lunes que habría consecuencias.\n\nLos 94.000 soldados se fueron.\n"
NINJS = {"language": "es", "headlines": [{"value": "Noticias"}],
         "bodies": [{"contentType": "text/plain", "value": "Los 49.000 soldados se fueron, dijo Antony Blinken."}]}
NINJS_SRC = {"language": "en", "headlines": [{"value": "News"}],
             "bodies": [{"contentType": "text/plain", "value": "The 94,000 soldiers left, said Antony Blinken."}]}


@pytest.fixture()
def batch(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "es").mkdir()
    for n in range(3):
        (tmp_path / "en" / f"a{n}.txt").write_text(SRC)
        (tmp_path / "es" / f"a{n}.txt").write_text(MT if n != 1 else CLEAN)
    (tmp_path / "en" / "bin.txt").write_text(SRC)
    (tmp_path / "es" / "bin.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    return tmp_path


def run(args, capsys):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def verdicts(out):
    return [(a["id"], a["verdict"]) for a in json.loads(out)["articles"]]


def test_a_csv_manifest_with_languages_per_row(batch, capsys):
    (batch / "m.csv").write_text("id,source,translation,src_lang,tgt_lang\n"
                                 "one,en/a0.txt,es/a0.txt,en,es\n,en/a1.txt,es/a1.txt,en,es\n")
    code, out, err = run(["check", batch / "m.csv", "--no-models", "-f", "json", "-o", "-"], capsys)
    assert code == 0 and verdicts(out) == [("one", "block"), ("a1", "pass")]
    assert err.splitlines()[0] == "mtcheck: 2 article(s): 1 block, 1 pass"
    assert err.splitlines()[2].split() == ["names.altered", "1", "0", "0"]


def test_a_jsonl_manifest_with_inline_ninjs_items(batch, capsys):
    (batch / "m.jsonl").write_text(json.dumps({"id": "wire-1", "source": NINJS_SRC, "translation": NINJS}) + "\n"
                                   + json.dumps({"src": "en/a1.txt", "mt": "es/a1.txt"}) + "\n")
    code, out, _ = run(["check", batch / "m.jsonl", "--src-lang", "en", "--tgt-lang", "es", "--no-models",
                        "-f", "json", "-o", "-"], capsys)
    doc = json.loads(out)
    assert code == 0 and verdicts(out) == [("wire-1", "block"), ("a1", "pass")]
    assert [f["rule"] for f in doc["articles"][0]["findings"]] == ["numbers.changed"]


@pytest.mark.parametrize("content, reason", [
    ("source,target\n", "the manifest lists no article pairs"),
    ("a,b\nx,y\n", "a CSV manifest needs a header row with 'source' and 'translation' columns"),
    ("source,translation\nen/a0.txt,\n", "needs 'source' and 'translation'"),
    ("id,source,translation\nx,en/a0.txt,es/a0.txt\nx,en/a1.txt,es/a1.txt\n", "duplicate id 'x'"),
])
def test_a_bad_manifest_is_one_error_line(batch, capsys, content, reason):
    (batch / "m.csv").write_text(content)
    code, out, err = run(["check", batch / "m.csv", "--no-models", "-f", "json", "-o", "-"], capsys)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.startswith("mtcheck: error: " + str(batch / "m.csv")) and err.rstrip().endswith(reason)


def test_workers_give_byte_identical_reports_and_report_a_bad_file(batch, capsys):
    outs = {}
    for jobs in ("1", "2"):
        d = batch / f"r{jobs}"
        code, _, err = run(["check", batch / "en", batch / "es", "--src-lang", "en", "--tgt-lang", "es",
                            "--no-models", "-f", "json", "-f", "sarif", "-f", "junit", "--output-dir", d,
                            "--jobs", jobs], capsys)
        assert code == 2  # the binary file
        assert "mtcheck: error: " in err and "bin.txt" in err
        outs[jobs] = [(d / f"mtcheck{ext}").read_bytes() for ext in (".json", ".sarif", ".junit.xml")]
    assert outs["1"] == outs["2"]
    assert verdicts(outs["2"][0]) == [("a0", "block"), ("a1", "pass"), ("a2", "block"), ("bin", "block")]


def test_jobs_must_be_a_count(batch, capsys):
    code, _, err = run(["check", batch / "en", batch / "es", "--no-models", "--jobs", "-1"], capsys)
    assert code == 2 and err == "mtcheck: error: --jobs: -1 is not a number of processes (0 means one per CPU)\n"


def test_the_progress_bar_is_off_without_a_terminal_and_runs_with_one(capsys):
    from mtcheck.batch import Outcome, Progress
    from mtcheck.pipeline import unusable_result
    from mtcheck.decide import Policy

    out = Outcome(unusable_result("x", "no", Policy()), "no", (), ())
    bar = Progress(3)  # stderr is captured, not a terminal
    assert bar._bar is None
    bar = Progress(3, enabled=True)
    for n in range(3):
        bar.done(n, out)
    assert bar._bar.tasks[0].completed == 3
    bar.close()


def test_ninjs_items_pair_up_by_their_shared_uri(tmp_path, capsys):
    (tmp_path / "en").mkdir()
    (tmp_path / "es").mkdir()
    (tmp_path / "en" / "wire-0917.json").write_text(json.dumps({**NINJS_SRC, "uri": "urn:wire:2026:0917"}))
    (tmp_path / "es" / "noticia-soldados.json").write_text(json.dumps({**NINJS, "uri": "urn:wire:2026:0917"}))
    (tmp_path / "es" / "otra.json").write_text(json.dumps({**NINJS, "uri": "urn:wire:2026:0001"}))  # no original
    code, out, _ = run(["check", tmp_path / "en", tmp_path / "es", "--src-lang", "en", "--tgt-lang", "es",
                        "--no-models", "-f", "json", "-o", "-"], capsys)
    doc = json.loads(out)
    assert code == 0 and verdicts(out) == [("noticia-soldados", "block")]
    assert doc["articles"][0]["source"]["src"].endswith("wire-0917.json")
