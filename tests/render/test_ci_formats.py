"""The CI formats: SARIF valid against the OASIS schema and pointing at the
input file's lines, JUnit one case per article, GitHub workflow commands
that article text cannot inject into, JSON Lines one article a line."""

import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from mtcheck.cli import main
from mtcheck.pipeline import Options, Session, check_article
from mtcheck.readers import read_article
from mtcheck.render import render
from mtcheck.types import Finding, Severity

SCHEMA = json.loads((Path(__file__).parent.parent / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text())
SRC = "Antony Blinken said on Monday that there would be consequences.\n\nThe 94,000 soldiers left.\n"
MT = "Antony Blink dijo el lunes que habría consecuencias.\n\nLos 49.000 soldados se fueron.\n"
CLEAN = "Antony Blinken dijo el lunes que habría consecuencias.\n\nLos 94.000 soldados se fueron.\n"


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("ci")
    (d / "en.txt").write_text(SRC)
    (d / "bad.txt").write_text(MT)
    (d / "good.txt").write_text(CLEAN)
    # the same sentence inside markup, on other lines and columns
    (d / "bad.html").write_text("<html><body>\n<h1>Noticias</h1>\n  <p>Antony   <b>Blink</b> dijo el lunes que "
                                "habría consecuencias.</p>\n<p>Los 49.000 soldados se fueron.</p></body></html>\n")
    return d


def report_of(files, *mts):
    s = Session(Options(src_lang="en", tgt_lang="es", use_models=False))
    src = read_article(files / "en.txt")
    return s.report([check_article(s, src, read_article(files / m)) for m in mts], "check")


def results(doc):
    return [(r["ruleId"], r["level"], r["locations"][0]["physicalLocation"]["region"]) for r in doc["runs"][0]["results"]]


def test_sarif_is_valid_and_points_at_lines_and_columns(files):
    doc = json.loads(render(report_of(files, "bad.txt", "good.txt"), "sarif"))
    jsonschema.Draft4Validator(SCHEMA).validate(doc)
    assert results(doc) == [
        ("names.altered", "error", {"startLine": 1, "startColumn": 8, "endLine": 1, "endColumn": 13,
                                    "snippet": {"text": "Blink"}}),
        ("numbers.changed", "error", {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 11,
                                      "snippet": {"text": "49.000"}}),
    ]
    first = doc["runs"][0]["results"][0]
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("bad.txt")
    # the source's span, in the source file
    rel = first["relatedLocations"][0]["physicalLocation"]
    assert rel["artifactLocation"]["uri"].endswith("en.txt") and rel["region"]["startLine"] == 1
    assert first["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] == {"text": "Blinken"}
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    assert rules[first["ruleIndex"]]["id"] == "names.altered"
    assert {r["id"] for r in rules} >= {"names.altered", "quotes.unclosed", "numbers.changed"}
    assert doc["runs"][0]["properties"]["articles"] == [
        {"id": "bad", "verdict": "block", "risk": 0.99}, {"id": "good", "verdict": "pass", "risk": 0.0}]


def test_sarif_maps_markup_back_to_the_file(files):
    doc = json.loads(render(report_of(files, "bad.html"), "sarif"))
    jsonschema.Draft4Validator(SCHEMA).validate(doc)
    html_lines = (files / "bad.html").read_text().split("\n")
    for _, _, reg in results(doc):
        line = html_lines[reg["startLine"] - 1]
        assert line[reg["startColumn"] - 1 : reg["endColumn"] - 1] == reg["snippet"]["text"]
    assert [r[2]["startLine"] for r in results(doc)] == [3, 4]


def test_sarif_marks_a_suppressed_finding(files):
    rep = report_of(files, "bad.txt")
    a = rep.articles[0]
    rep = replace(rep, articles=(replace(a, findings=tuple(replace(f, suppressed=True) for f in a.findings)),))
    doc = json.loads(render(rep, "sarif"))
    jsonschema.Draft4Validator(SCHEMA).validate(doc)
    assert all(r["suppressions"][0]["kind"] == "external" for r in doc["runs"][0]["results"])


def test_junit_one_case_per_article_failing_on_block_or_fail_on(files):
    rep = report_of(files, "bad.txt", "good.txt")
    root = ET.fromstring(render(rep, "junit"))
    cases = root.findall("./testsuite/testcase")
    assert [c.get("name") for c in cases] == ["bad", "good"]
    assert [c.find("failure") is not None for c in cases] == [True, False]
    assert root.get("tests") == "2" and root.get("failures") == "1"
    assert "critical names.altered at " in cases[0].find("failure").text
    assert "bad.txt:1:8 “Blink”" in cases[0].find("failure").text
    # --fail-on info: the clean article has no finding at all, so still passes
    root = ET.fromstring(render(replace(rep, fail_on=Severity.INFO), "junit"))
    assert [c.find("failure") is not None for c in root.findall("./testsuite/testcase")] == [True, False]


def test_junit_carries_no_character_xml_cannot_hold(files):
    rep = report_of(files, "bad.txt")
    a = rep.articles[0]
    f = replace(a.findings[0], message="bell \x07 and NUL \x00 here")
    rep = replace(rep, articles=(replace(a, id="id\x1b[31m", findings=(f,)),))
    root = ET.fromstring(render(rep, "junit"))  # parses: the characters were escaped
    case = root.find("./testsuite/testcase")
    assert case.get("name") == "id\\x1b[31m"
    assert "bell \\x07 and NUL \\x00 here" in case.find("failure").text


def test_github_annotations_cannot_be_injected(files):
    rep = report_of(files, "bad.txt")
    a = rep.articles[0]
    evil = replace(a.findings[0], message="name\n::add-mask::secret\r\n::stop-commands::x 100%")
    rep = replace(rep, articles=(replace(a, findings=(evil,)),))
    out = render(rep, "github")
    lines = out.splitlines()
    assert lines[0] == ("::error file=" + str(files / "bad.txt").replace(":", "%3A").replace(",", "%2C")
                        + ",line=1,col=8,endLine=1,endColumn=13,title=mtcheck names.altered (critical)"
                        "::name%0A::add-mask::secret%0D%0A::stop-commands::x 100%25 (suggested: “Blinken”)")
    assert all(l.startswith(("::error ", "::warning ", "::notice ")) for l in lines)


def test_github_shows_the_worst_findings_and_counts_the_rest(files):
    rep = report_of(files, "bad.txt")
    a = rep.articles[0]
    many = tuple(Finding("quotes.spacing", f"n{i}", mt_span=(0, 1), severity=Severity.MINOR, confidence=0.9)
                 for i in range(15)) + a.findings
    out = render(replace(rep, articles=(replace(a, findings=many),)), "github").splitlines()
    assert [l.split(" ", 1)[0] for l in out] == ["::error"] * 2 + ["::warning"] * 10 + ["::notice"]
    assert out[-1] == "::notice title=mtcheck::mtcheck: 1 article(s), 1 block; 5 more finding(s) of minor or above in the report"


def test_jsonl_one_article_a_line(files):
    lines = render(report_of(files, "bad.txt", "good.txt"), "jsonl").splitlines()
    docs = [json.loads(l) for l in lines]
    assert [(d["id"], d["verdict"], [f["rule"] for f in d["findings"]]) for d in docs] == [
        ("bad", "block", ["names.altered", "numbers.changed"]), ("good", "pass", [])]
    assert docs[0]["source"]["mt"].endswith("bad.txt")


def test_cli_github_goes_to_stdout_and_the_job_summary(files, tmp_path, capsys, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    rc = main(["check", str(files / "en.txt"), str(files / "bad.txt"), "--src-lang", "en", "--tgt-lang", "es",
               "--no-models", "-f", "github", "-f", "sarif", "--output-dir", str(tmp_path), "--fail-on", "major"])
    assert rc == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("::error file=") and "names.altered" in out
    assert "| critical | names.altered |" in summary.read_text()
    jsonschema.Draft4Validator(SCHEMA).validate(json.loads((tmp_path / "mtcheck.sarif").read_text()))
