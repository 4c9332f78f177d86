"""A config file drives a run: rules selected and ignored, severities,
fail-on and languages, per-path overrides; the command line wins; a bad
config is one error line and exit status 2."""

import json

import pytest

from mtcheck.cli import main

SRC = "Antony Blinken said on Monday that there would be consequences.\n\nThe 94,000 soldiers left.\n"
MT = "Antony Blink dijo el lunes que habría consecuencias.\n\nLos 49.000 soldados se fueron.\n"


@pytest.fixture()
def tree(tmp_path):
    (tmp_path / ".git").mkdir()  # the repository root: the search for a config stops here
    for d in ("src", "mt", "mt/wires"):
        (tmp_path / d).mkdir(exist_ok=True)
    (tmp_path / "src" / "a.txt").write_text(SRC)
    (tmp_path / "mt" / "a.txt").write_text(MT)
    (tmp_path / "mt" / "wires" / "a.txt").write_text(MT)
    return tmp_path


def run(args, capsys):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def findings(tree, capsys, mt="mt/a.txt", *extra):
    code, out, err = run(["check", tree / "src/a.txt", tree / mt, "--no-models", "-f", "json", "-o", "-", *extra],
                         capsys)
    assert err == "" or code == 1, err
    art = json.loads(out)["articles"][0]
    return code, [(f["rule"], f["severity"]) for f in art["findings"]], art["lang"]


def test_a_config_selects_rules_sets_severity_fail_on_and_languages(tree, capsys):
    assert findings(tree, capsys, "mt/a.txt", "--src-lang", "en", "--tgt-lang", "es") == (
        0, [("names.altered", "critical"), ("numbers.changed", "critical")], {"src": "en", "mt": "es"})
    (tree / "mtcheck.toml").write_text('ignore = ["names"]\nfail-on = "major"\nsrc-lang = "en"\ntgt-lang = "es"\n'
                                       '[severity]\n"numbers.changed" = "major"\n')
    assert findings(tree, capsys) == (1, [("numbers.changed", "major")], {"src": "en", "mt": "es"})
    # the command line wins over the config
    assert findings(tree, capsys, "mt/a.txt", "--fail-on", "critical")[0] == 0


def test_the_most_specific_override_wins(tree, capsys):
    (tree / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.mtcheck]\nsrc-lang = "en"\ntgt-lang = "es"\n'
        '[[tool.mtcheck.overrides]]\npaths = ["mt/wires/a.txt"]\nselect = ["names.altered"]\n'
        '[[tool.mtcheck.overrides]]\npaths = ["mt/*"]\nignore = ["names", "numbers"]\n')
    assert findings(tree, capsys)[1] == []
    # the wire copy: its own override names the file exactly, and selects the cut name back
    assert findings(tree, capsys, "mt/wires/a.txt")[1] == [("names.altered", "critical")]


def test_an_explicit_config_and_a_bad_one(tree, capsys):
    other = tree / "house.toml"
    other.write_text('select = ["numbers"]\nsrc-lang = "en"\ntgt-lang = "es"\n')
    assert findings(tree, capsys, "mt/a.txt", "--config", other)[1] == [("numbers.changed", "critical")]
    (tree / "mtcheck.toml").write_text('fial-on = "major"\n')
    code, out, err = run(["check", tree / "src/a.txt", tree / "mt/a.txt", "--no-models", "-f", "json", "-o", "-"],
                         capsys)
    assert (code, out) == (2, "")
    assert err.startswith("mtcheck: error: ") and "unknown key 'fial-on'" in err and err.count("\n") == 1
    code, _, err = run(["check", tree / "src/a.txt", tree / "mt/a.txt", "--config", tree / "none.toml"], capsys)
    assert code == 2 and err == f"mtcheck: error: --config: {tree / 'none.toml'}: no such file\n"


def test_lint_and_pairs_read_the_config_too(tree, capsys):
    (tree / "mtcheck.toml").write_text('ignore = ["numbers"]\nfail-on = "minor"\n')
    (tree / "p.jsonl").write_text(json.dumps({"id": 1, "src": "The 94,000 soldiers left, said Antony Blinken.",
                                              "mt": "Los 49.000 soldados se fueron, dijo Antony Blink."}) + "\n")
    code, out, _ = run(["pairs", tree / "p.jsonl", "--src-lang", "en", "--tgt-lang", "es", "--no-models"], capsys)
    assert code == 1 and [f["rule"] for f in json.loads(out)["items"][0]["findings"]] == ["names.altered"]
    (tree / "mt" / "q.txt").write_text("Dijo que “habría consecuencias.\n")
    code, out, _ = run(["lint", tree / "mt" / "q.txt", "--lang", "es", "--no-models", "-f", "json", "-o", "-"], capsys)
    assert code == 1 and [f["rule"] for f in json.loads(out)["articles"][0]["findings"]] == ["quotes.unclosed"]
