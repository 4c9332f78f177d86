"""The examples in docs/ and the pre-commit hook run as written: the tests
run their mtcheck commands (rules only) on a small newsroom tree."""

import json
import shlex
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import yaml

from mtcheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
SRC = "Antony Blinken said on Monday that there would be consequences.\n\nThe 94,000 soldiers left.\n"
BAD = "Antony Blink dijo el lunes que habría consecuencias.\n\nLos 49.000 soldados se fueron.\n"
GOOD = "Antony Blinken dijo el lunes que habría consecuencias.\n\nLos 94.000 soldados se fueron.\n"


def commands(workflow: dict) -> list[list[str]]:
    out = []
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            for line in step.get("run", "").splitlines():
                if line.strip().startswith("mtcheck "):
                    out.append(shlex.split(line)[1:])
    return out


def test_the_github_workflow_runs_as_written(tmp_path, monkeypatch, capsys):
    workflow = yaml.safe_load((ROOT / "docs" / "github-workflow.yml").read_text())
    cmds = commands(workflow)
    assert len(cmds) == 1
    for side, texts in (("source", (SRC, SRC)), ("translation", (BAD, GOOD))):
        (tmp_path / "incoming" / side).mkdir(parents=True)
        for name, text in zip(("a1", "a2"), texts):
            (tmp_path / "incoming" / side / f"{name}.txt").write_text(text)
    monkeypatch.chdir(tmp_path)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code = main(cmds[0] + ["--src-lang", "en", "--tgt-lang", "es", "--no-models"])
    out = capsys.readouterr().out
    assert code == 1  # the cut name and the changed number are critical
    assert out.splitlines()[0].startswith("::error file=incoming/translation/a1.txt,line=1,col=8")
    sarif = json.loads((tmp_path / workflow["jobs"]["check"]["steps"][-1]["with"]["sarif_file"]).read_text())
    schema = json.loads((ROOT / "tests" / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text())
    jsonschema.Draft4Validator(schema).validate(sarif)
    cases = ET.parse(tmp_path / "reports" / "mtcheck.junit.xml").getroot().findall("./testsuite/testcase")
    assert [(c.get("name"), c.find("failure") is not None) for c in cases] == [("a1", True), ("a2", False)]
    assert "## a1: BLOCK" in summary.read_text()


def test_the_pre_commit_hook_runs_as_written(tmp_path, capsys):
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    entry = shlex.split(hook["entry"])
    assert entry[0] == "mtcheck"
    import re

    files = {"ok.md": "# Noticias\n\nEl ministro dijo que “no habrá guerra”.\n",
             "bad.md": "# Noticias\n\nEl ministro dijo que “no habrá guerra.\n\nLuego se fue.\n",
             "notes.json": "{}"}
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    staged = [str(tmp_path / n) for n in files if re.search(hook["files"], n)]  # what pre-commit would pass
    assert [Path(p).name for p in staged] == ["ok.md", "bad.md"]
    code = main(entry[1:] + hook["args"] + staged)
    out = capsys.readouterr().out
    assert code == 1 and "## ok: PASS" in out and "## bad: REVIEW" in out
    code = main(entry[1:] + hook["args"] + staged[:1])
    assert code == 0
