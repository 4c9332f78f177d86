"""Workflow commands: baselines, the rules table, and reports that never
overwrite an input."""

import json

import pytest

from mtcheck.cli import main

SRC = "Antony Blinken said on Monday that there would be consequences.\n\nThe 94,000 soldiers left.\n"
MT = "Antony Blink dijo el lunes que habría consecuencias.\n\nLos 49.000 soldados se fueron.\n"
LANGS = ["--src-lang", "en", "--tgt-lang", "es", "--no-models"]


@pytest.fixture()
def pair(tmp_path):
    (tmp_path / "en.txt").write_text(SRC)
    (tmp_path / "es.txt").write_text(MT)
    return tmp_path


def run(args, capsys):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def rules_of(doc):
    return [(f["rule"], f.get("suppressed", False)) for f in doc["articles"][0]["findings"]]


def test_a_baseline_leaves_only_new_findings_counted(pair, capsys):
    base = pair / "base.json"
    code, _, err = run(["baseline", pair / "en.txt", pair / "es.txt", *LANGS, "-o", base], capsys)
    assert code == 0 and err.strip() == f"wrote {base}: 2 finding(s) of 1 article(s)"
    doc = json.loads(base.read_text())
    assert doc["schema"] == "mtcheck.baseline/1"
    assert sorted(e["rule"] for e in doc["findings"]) == ["names.altered", "numbers.changed"]
    # the same article: everything known, shown as suppressed, the run passes
    code, out, _ = run(["check", pair / "en.txt", pair / "es.txt", *LANGS, "--baseline", base,
                        "-f", "json", "-o", "-", "--fail-on", "minor"], capsys)
    doc = json.loads(out)
    assert code == 0 and doc["articles"][0]["verdict"] == "pass"
    assert rules_of(doc) == [("names.altered", True), ("numbers.changed", True)]
    # a new error in the article: only it counts
    (pair / "es.txt").write_text(MT.replace("que habría", "que habría “"))
    code, out, _ = run(["check", pair / "en.txt", pair / "es.txt", *LANGS, "--baseline", base,
                        "-f", "json", "-o", "-", "--fail-on", "major"], capsys)
    doc = json.loads(out)
    assert code == 1
    assert rules_of(doc) == [("names.altered", True), ("quotes.spacing", False), ("quotes.unclosed", False), ("numbers.changed", True)]


def test_a_baseline_belongs_to_its_article(pair, capsys):
    base = pair / "base.json"
    run(["baseline", pair / "en.txt", pair / "es.txt", *LANGS, "-o", base], capsys)
    (pair / "other.txt").write_text(MT)  # the same words, another article id
    code, out, _ = run(["check", pair / "en.txt", pair / "other.txt", *LANGS, "--baseline", base,
                        "-f", "json", "-o", "-"], capsys)
    assert rules_of(json.loads(out)) == [("names.altered", False), ("numbers.changed", False)]


@pytest.mark.parametrize("content, reason", [
    ("{}", "not a baseline (expected schema 'mtcheck.baseline/1' and a 'findings' list)"),
    ("[1", "not a baseline (JSONDecodeError: "),
    ('{"schema": "mtcheck.baseline/1", "findings": [{"article": 1}]}', "findings[0] needs 'article' and 'fingerprint' strings"),
])
def test_a_bad_baseline_is_one_error_line(pair, capsys, content, reason):
    (pair / "b.json").write_text(content)
    code, out, err = run(["check", pair / "en.txt", pair / "es.txt", *LANGS, "--baseline", pair / "b.json",
                          "-f", "md", "-o", "-"], capsys)
    assert code == 2 and out == ""
    assert err.startswith(f"mtcheck: error: {pair / 'b.json'}: {reason}") and err.count("\n") == 1


def test_reports_never_overwrite_an_input(pair, capsys):
    before = (pair / "es.txt").read_bytes()
    for args in (["-f", "md", "-o", pair / "es.txt"], ["--output-dir", pair, "--name", "es", "-f", "md"]):
        (pair / "es.md").write_text(MT) if "--name" in args else None
        target = pair / "es.txt" if "-o" in args else None
        code, _, err = run(["check", pair / "en.txt", pair / "es.txt", *LANGS, *args], capsys)
        if target is not None:
            assert code == 2 and err == f"mtcheck: error: {target}: is an input; refusing to overwrite it\n"
    assert (pair / "es.txt").read_bytes() == before
    code, _, err = run(["baseline", pair / "en.txt", pair / "es.txt", *LANGS, "-o", pair / "en.txt"], capsys)
    assert code == 2 and "is an input; refusing to overwrite it" in err
    assert (pair / "en.txt").read_text() == SRC


def test_rules_lists_every_rule_with_an_example(capsys):
    code, out, _ = run(["rules", "-f", "json"], capsys)
    table = json.loads(out)
    assert code == 0
    from mtcheck.rules import RULES

    assert [r["id"] for r in table] == list(RULES)
    altered = next(r for r in table if r["id"] == "names.altered")
    assert altered == {"id": "names.altered", "category": "names", "severity": "critical",
                       "description": "a name of the source is cut short or misspelt",
                       "example": "Antony Blinken -> Antony Blink"}
    assert all(r["example"] for r in table)
    code, out, _ = run(["rules"], capsys)
    assert out.splitlines()[1].split()[:2] == ["names.altered", "critical"]


@pytest.mark.parametrize("name", ["../escape", "sub/dir", "..", ""])
def test_reports_go_into_the_output_folder_only(pair, capsys, name):
    out = pair / "reports"
    code, _, err = run(["check", pair / "en.txt", pair / "es.txt", *LANGS, "--output-dir", out, "--name", name], capsys)
    assert code == 2 and err == f"mtcheck: error: --name: {name!r} must be a file name, without a folder\n"
    assert not out.exists() and sorted(p.name for p in pair.iterdir()) == ["en.txt", "es.txt"]
