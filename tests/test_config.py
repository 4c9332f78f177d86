"""Configuration files: where they are found, what they hold, how a bad one is
reported, and how overrides resolve for one article."""

from pathlib import Path

import pytest

from mtcheck.config import Config, Settings, find_config, load_config
from mtcheck.decide import Policy, enabled
from mtcheck.errors import InputError
from mtcheck.types import Severity

SEVERITIES = "(critical, major, minor, info)"


def write(path: Path, text: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def config(tmp_path: Path, text: str) -> Config:
    return load_config(write(tmp_path / "mtcheck.toml", text))


# -- finding ----------------------------------------------------------------------------------


def test_finds_the_nearest_mtcheck_toml_above_a_file(tmp_path):
    (tmp_path / ".git").mkdir()
    top = write(tmp_path / "mtcheck.toml")
    near = write(tmp_path / "desk" / "mtcheck.toml")
    article = write(tmp_path / "desk" / "wires" / "a.txt", "text")
    assert find_config(article) == near
    assert find_config(article.parent) == near
    assert find_config(tmp_path / "other") == top  # a folder that does not exist yet
    assert find_config(tmp_path) == top


def test_a_pyproject_counts_only_with_a_tool_mtcheck_table(tmp_path):
    (tmp_path / ".git").mkdir()
    top = write(tmp_path / "pyproject.toml", "[tool.mtcheck]\nfail-on = 'major'\n")
    write(tmp_path / "pkg" / "pyproject.toml", "[project]\nname = 'x'\n[tool.ruff]\nline-length = 100\n")
    assert find_config(tmp_path / "pkg") == top


def test_mtcheck_toml_wins_over_pyproject_in_one_folder(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path / "pyproject.toml", "[tool.mtcheck]\n")
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"
    write(tmp_path / "mtcheck.toml")
    assert find_config(tmp_path) == tmp_path / "mtcheck.toml"


def test_the_walk_stops_at_the_repository_root(tmp_path):
    write(tmp_path / "mtcheck.toml")  # outside the repository: never used
    repo = tmp_path / "repo"
    (repo / "sub").mkdir(parents=True)
    (repo / ".git").mkdir()
    assert find_config(repo / "sub") is None
    inner = write(repo / "mtcheck.toml")  # the root itself is still searched
    assert find_config(repo / "sub") == inner


def test_a_git_file_marks_a_root_too(tmp_path):
    write(tmp_path / "mtcheck.toml")
    write(tmp_path / "worktree" / ".git", "gitdir: /elsewhere\n")
    assert find_config(tmp_path / "worktree") is None


def test_a_broken_pyproject_is_returned_to_be_reported(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path / "mtcheck.toml")
    broken = write(tmp_path / "desk" / "pyproject.toml", "[tool.mtcheck\n")
    assert find_config(tmp_path / "desk") == broken
    with pytest.raises(InputError, match="invalid TOML"):
        load_config(broken)


# -- reading ----------------------------------------------------------------------------------


FULL = """
select = ["names", "quotes.unclosed"]
ignore = ["quotes.mixed"]
fail-on = "major"
src-lang = "FR"
tgt-lang = "en"
glossary = "house.toml"

[severity]
"names.added" = "minor"
quotes = "CRITICAL"
"adequacy.low_similarity" = "info"

[thresholds]
min-similarity = 0.8
min-quality = 0.5
min-roundtrip = 0.4
max-perplexity = 120
confident = 0.9
plausible = 0.6
"""


def test_every_key_is_read(tmp_path):
    write(tmp_path / "house.toml")
    cfg = config(tmp_path, FULL)
    assert cfg.path == tmp_path / "mtcheck.toml"
    assert cfg.overrides == ()
    assert cfg.resolve(None) == Settings(
        select=frozenset({"names", "quotes.unclosed"}),
        ignore=frozenset({"quotes.mixed"}),
        severity={"names.added": Severity.MINOR, "quotes": Severity.CRITICAL,
                  "adequacy.low_similarity": Severity.INFO},
        thresholds={"min_similarity": 0.8, "min_quality": 0.5, "min_roundtrip": 0.4,
                    "max_perplexity": 120.0, "confident": 0.9, "plausible": 0.6},
        src_lang="fr",
        tgt_lang="en",
        glossary=tmp_path / "house.toml",
        fail_on=Severity.MAJOR,
    )
    assert type(cfg.resolve(None).thresholds["max_perplexity"]) is float


def test_pyproject_table_and_snake_case_keys(tmp_path):
    path = write(tmp_path / "pyproject.toml", """
[project]
name = "newsroom"

[tool.mtcheck]
fail_on = "minor"
src_lang = "de"

[tool.mtcheck.thresholds]
min_similarity = 0.7

[[tool.mtcheck.overrides]]
paths = ["*.html"]
tgt_lang = "es"
""")
    cfg = load_config(path)
    assert cfg.resolve(None) == Settings(fail_on=Severity.MINOR, src_lang="de", thresholds={"min_similarity": 0.7})
    assert cfg.resolve(tmp_path / "a.html").tgt_lang == "es"


def test_an_empty_file_and_no_file_change_nothing(tmp_path):
    base = Policy(severity={"names": Severity.MINOR}, disabled=frozenset({"quotes"}),
                  selected=frozenset({"names", "quotes"}), min_similarity=0.5)
    for cfg in (Config.empty(), config(tmp_path, "")):
        settings = cfg.resolve(tmp_path / "a.txt")
        assert settings == Settings()
        assert settings.select is None and settings.glossary is None and settings.fail_on is None
        assert settings.policy(base) == base


# -- bad configs ------------------------------------------------------------------------------


@pytest.mark.parametrize("text, message", [
    ('[severity]\n"names.added" = "sever"\n',
     f"severity.\"names.added\": 'sever' is not a severity {SEVERITIES}"),
    ("[severity]\nnames = 3\n", f"severity.names: an integer 3 is not a severity {SEVERITIES}"),
    ('severity = "major"\n', "severity: expected a table, got a string"),
    ('[severity]\nnams = "major"\n', "severity.nams: unknown rule 'nams' (did you mean 'names'?)"),
    ('fial-on = "major"\n', "unknown key 'fial-on' (did you mean 'fail-on'?)"),
    ('fail-on = "major"\nfail_on = "minor"\n', "fail_on: given twice (as 'fail-on' too)"),
    ('fail-on = "sever"\n', f"fail-on: 'sever' is not a severity {SEVERITIES}"),
    ("fail-on = 2\n", "fail-on: expected a string, got an integer 2"),
    ('select = "names"\n', "select: expected an array of strings, got a string"),
    ('select = ["nams.added"]\n', "select: unknown rule 'nams.added' (did you mean 'names.added'?)"),
    ('ignore = [1]\n', "ignore: expected non-empty strings, got an integer 1"),
    ('ignore = [""]\n', "ignore: expected non-empty strings, got a string ''"),
    ('src-lang = "xx"\n', "src-lang: 'xx' is not an ISO 639-1 language code"),
    ('tgt-lang = "english"\n', "tgt-lang: 'english' is not an ISO 639-1 language code"),
    ("tgt-lang = ['en']\n", "tgt-lang: expected a string, got an array ['en']"),
    ("[thresholds]\nmin-simlarity = 0.8\n",
     "unknown key 'min-simlarity' in [thresholds] (did you mean 'min-similarity'?)"),
    ('[thresholds]\nconfident = "high"\n', "thresholds.confident: expected a number, got a string 'high'"),
    ("[thresholds]\nconfident = true\n", "thresholds.confident: expected a number, got a boolean True"),
    ("[thresholds]\nconfident = 1.5\n", "thresholds.confident: 1.5 is not in 0..1"),
    ("[thresholds]\nmin-similarity = nan\n", "thresholds.min-similarity: expected a finite number, got nan"),
    ("[thresholds]\nmax-perplexity = inf\n", "thresholds.max-perplexity: expected a finite number, got inf"),
    ("[thresholds]\nmax-perplexity = -1\n", "thresholds.max-perplexity: -1 is not in 0..inf"),
    ("[thresholds]\nconfident = 0.4\nplausible = 0.6\n", "thresholds: confident (0.4) is below plausible (0.6)"),
    ("thresholds = 0.5\n", "thresholds: expected a table, got a float"),
    ("[overrides]\npaths = ['*']\n", "overrides: expected an array of tables ([[overrides]]), got a table"),
    ("[[overrides]]\nselect = ['names']\n", "overrides[0]: missing key 'paths'"),
    ("[[overrides]]\npaths = '*.html'\n", "overrides[0].paths: expected an array of strings, got a string"),
    ("[[overrides]]\npaths = []\n", "overrides[0].paths: expected at least one pattern"),
    ("[[overrides]]\npaths = ['*']\nsellect = ['names']\n",
     "unknown key 'sellect' in overrides[0] (did you mean 'select'?)"),
    ("[[overrides]]\npaths = ['*']\n[[overrides.overrides]]\npaths = ['*']\n",
     "unknown key 'overrides' in overrides[0]"),
    ('[[overrides]]\npaths = ["*"]\n[[overrides]]\npaths = ["*"]\nseverity = {"names.added" = "bad"}\n',
     f"overrides[1].severity.\"names.added\": 'bad' is not a severity {SEVERITIES}"),
    ('[[overrides]]\npaths = ["*"]\n[overrides.thresholds]\nconfident = 2\n',
     "overrides[0].thresholds.confident: 2 is not in 0..1"),
])
def test_a_bad_config_is_one_line_naming_the_file_and_the_key(tmp_path, text, message):
    path = write(tmp_path / "mtcheck.toml", text)
    with pytest.raises(InputError) as e:
        load_config(path)
    assert str(e.value) == f"{path}: {message}"
    assert "\n" not in str(e.value)


def test_a_bad_pyproject_names_the_tool_table(tmp_path):
    path = write(tmp_path / "pyproject.toml", '[tool.mtcheck]\nfial-on = "major"\n')
    with pytest.raises(InputError) as e:
        load_config(path)
    assert str(e.value) == f"{path}: unknown key 'fial-on' in [tool.mtcheck] (did you mean 'fail-on'?)"
    write(path, '[tool.mtcheck.severity]\n"names.added" = "sever"\n')
    with pytest.raises(InputError) as e:
        load_config(path)
    assert str(e.value) == f"{path}: tool.mtcheck.severity.\"names.added\": 'sever' is not a severity {SEVERITIES}"
    write(path, '[project]\nname = "x"\n')
    with pytest.raises(InputError) as e:
        load_config(path)
    assert str(e.value) == f"{path}: no [tool.mtcheck] table"


def test_a_missing_glossary_names_the_resolved_path(tmp_path):
    path = write(tmp_path / "mtcheck.toml", 'glossary = "house.toml"\n')
    with pytest.raises(InputError) as e:
        load_config(path)
    assert str(e.value) == f"{path}: glossary: no such glossary file '{tmp_path / 'house.toml'}'"


def test_syntax_encoding_and_unreadable_files(tmp_path):
    path = write(tmp_path / "mtcheck.toml", 'fail-on = "major"\nselect = = ["names"]\n')
    with pytest.raises(InputError) as e:
        load_config(path)
    assert str(e.value).startswith(f"{path}: invalid TOML: ") and "line 2" in str(e.value)
    path.write_bytes(b'fail-on = "ma\xefor"\n')
    with pytest.raises(InputError) as e:
        load_config(path)
    assert str(e.value) == f"{path}: a config file must be UTF-8 (undecodable byte at offset 13)"
    missing = tmp_path / "nope" / "mtcheck.toml"
    with pytest.raises(InputError) as e:
        load_config(missing)
    assert str(e.value) == f"{missing}: cannot read the config file: No such file or directory"


def test_a_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "mtcheck.toml"
    path.write_bytes('\ufefffail-on = "info"\n'.encode())
    assert load_config(path).resolve(None).fail_on == Severity.INFO


# -- overrides --------------------------------------------------------------------------------


OVERRIDES = """
fail-on = "critical"
[[overrides]]
paths = ["wires/afp/*"]
fail-on = "major"
[[overrides]]
paths = ["*.html", "./notes.txt"]
src-lang = "fr"
"""


@pytest.mark.parametrize("rel, fail_on, src_lang", [
    ("wires/afp/a.txt", Severity.MAJOR, None),
    ("wires/afp/2024/a.txt", Severity.MAJOR, None),  # * crosses folders, as in fnmatch
    ("wires/reuters/a.txt", Severity.CRITICAL, None),
    ("deep/down/page.html", Severity.CRITICAL, "fr"),  # a name pattern matches at any depth
    ("wires/afp/page.html", Severity.MAJOR, "fr"),
    ("notes.txt", Severity.CRITICAL, "fr"),
    ("desk/notes.txt", Severity.CRITICAL, None),  # ./ anchors a pattern at the config's folder
    ("wires/afp/notes.txt", Severity.MAJOR, None),
    ("page.HTML", Severity.CRITICAL, None),  # case-sensitive on every OS
])
def test_override_patterns_match_the_relative_path_or_the_name(tmp_path, rel, fail_on, src_lang):
    settings = config(tmp_path, OVERRIDES).resolve(tmp_path / rel)
    assert (settings.fail_on, settings.src_lang) == (fail_on, src_lang)


def test_resolve_takes_relative_paths_from_the_current_folder(tmp_path, monkeypatch):
    cfg = config(tmp_path, OVERRIDES)
    monkeypatch.chdir(tmp_path)
    assert cfg.resolve("wires/afp/a.txt").fail_on == Severity.MAJOR
    assert cfg.resolve(None).fail_on == Severity.CRITICAL
    (tmp_path / "wires").mkdir()
    monkeypatch.chdir(tmp_path / "wires")
    assert cfg.resolve("afp/a.txt").fail_on == Severity.MAJOR
    assert cfg.resolve("wires/afp/a.txt").fail_on == Severity.CRITICAL  # that is wires/wires/afp


def test_a_path_outside_the_config_folder_matches_name_patterns_only(tmp_path):
    cfg = config(tmp_path / "desk", OVERRIDES)
    assert cfg.resolve(tmp_path / "wires" / "afp" / "a.html") == Settings(fail_on=Severity.CRITICAL, src_lang="fr")


GENERAL = '[[overrides]]\npaths = ["wires/*"]\nfail-on = "minor"\n[overrides.thresholds]\nconfident = 0.9\n'
SPECIFIC = '[[overrides]]\npaths = ["wires/afp/a.txt"]\nfail-on = "info"\n[overrides.thresholds]\nplausible = 0.3\n'


@pytest.mark.parametrize("text", [GENERAL + SPECIFIC, SPECIFIC + GENERAL])
def test_the_most_specific_override_wins_whatever_the_file_order(tmp_path, text):
    cfg = config(tmp_path, 'fail-on = "critical"\n[thresholds]\nconfident = 0.8\nplausible = 0.4\n' + text)
    specific = cfg.resolve(tmp_path / "wires/afp/a.txt")
    assert specific.fail_on == Severity.INFO
    assert specific.thresholds == {"confident": 0.9, "plausible": 0.3}  # merged key by key
    general = cfg.resolve(tmp_path / "wires/afp/b.txt")
    assert general.fail_on == Severity.MINOR
    assert general.thresholds == {"confident": 0.9, "plausible": 0.4}


@pytest.mark.parametrize("a, b, expected", [
    ("*.html", "wires/*", Severity.MINOR),  # a longer literal part is more specific
    ("wires/*", "*.html", Severity.MAJOR),
    ("wires/a?c.html", "wires/*.html", Severity.MAJOR),  # equal wildcards, longer literal
    ("w*/*.html", "wires/*", Severity.MINOR),  # fewer wildcards first
    ("*.html", "*.html", Severity.MINOR),  # a tie: the later one in the file
])
def test_specificity(tmp_path, a, b, expected):
    cfg = config(tmp_path, f'[[overrides]]\npaths = ["{a}"]\nfail-on = "major"\n'
                           f'[[overrides]]\npaths = ["{b}"]\nfail-on = "minor"\n')
    assert cfg.resolve(tmp_path / "wires/abc.html").fail_on == expected


def test_an_override_uses_its_most_specific_matching_pattern(tmp_path):
    cfg = config(tmp_path, '[[overrides]]\npaths = ["*", "wires/afp/a.txt"]\nfail-on = "major"\n'
                           '[[overrides]]\npaths = ["wires/afp/*"]\nfail-on = "minor"\n')
    assert cfg.resolve(tmp_path / "wires/afp/a.txt").fail_on == Severity.MAJOR
    assert cfg.resolve(tmp_path / "wires/afp/b.txt").fail_on == Severity.MINOR


def test_an_override_glossary_and_languages_replace_the_inherited_ones(tmp_path):
    write(tmp_path / "house.toml")
    write(tmp_path / "wires" / "afp.toml")
    cfg = config(tmp_path, 'glossary = "house.toml"\nsrc-lang = "fr"\ntgt-lang = "en"\n'
                           '[[overrides]]\npaths = ["wires/*"]\nglossary = "wires/afp.toml"\nsrc-lang = "es"\n')
    s = cfg.resolve(tmp_path / "wires" / "x.txt")
    assert (s.glossary, s.src_lang, s.tgt_lang) == (tmp_path / "wires" / "afp.toml", "es", "en")
    assert cfg.resolve(tmp_path / "x.txt").glossary == tmp_path / "house.toml"


# -- select and ignore ------------------------------------------------------------------------


def on(cfg: Config, path, rule: str) -> bool:
    return enabled(rule, cfg.resolve(path).policy(Policy()))


def test_an_override_can_select_a_rule_the_top_level_ignores(tmp_path):
    cfg = config(tmp_path, 'ignore = ["quotes.mixed", "names"]\n'
                           '[[overrides]]\npaths = ["wires/*"]\nselect = ["quotes.mixed"]\n')
    assert not on(cfg, tmp_path / "a.txt", "quotes.mixed")
    assert on(cfg, tmp_path / "wires/a.txt", "quotes.mixed")
    assert cfg.resolve(tmp_path / "wires/a.txt").ignore == frozenset({"names"})
    assert not on(cfg, tmp_path / "wires/a.txt", "names.added")
    assert on(cfg, tmp_path / "wires/a.txt", "quotes.unclosed")
    # without taking it out of ignore the tie would have turned it off
    both = frozenset({"quotes.mixed"})
    assert not enabled("quotes.mixed", Policy(disabled=both, selected=both))


def test_an_override_can_ignore_a_rule_the_top_level_selects(tmp_path):
    cfg = config(tmp_path, 'select = ["names", "quotes"]\n'
                           '[[overrides]]\npaths = ["wires/*"]\nignore = ["quotes"]\n')
    assert on(cfg, tmp_path / "a.txt", "quotes.mixed")
    assert cfg.resolve(tmp_path / "wires/a.txt").select == frozenset({"names"})
    assert not on(cfg, tmp_path / "wires/a.txt", "quotes.mixed")
    assert on(cfg, tmp_path / "wires/a.txt", "names.added")
    assert not on(cfg, tmp_path / "wires/a.txt", "numbers.changed")


def test_select_lists_add_up_and_the_most_specific_prefix_wins(tmp_path):
    cfg = config(tmp_path, 'select = ["names"]\nignore = ["names.variant"]\n'
                           '[[overrides]]\npaths = ["wires/*"]\nselect = ["quotes.unclosed"]\n')
    path = tmp_path / "wires/a.txt"
    assert cfg.resolve(path).select == frozenset({"names", "quotes.unclosed"})
    assert [on(cfg, path, r) for r in ("names.added", "names.variant", "quotes.unclosed", "quotes.mixed")] == [
        True, False, True, False]
    assert not on(cfg, tmp_path / "a.txt", "quotes.unclosed")


def test_an_override_select_on_top_of_every_rule_narrows_nothing_and_wins_over_a_broader_ignore(tmp_path):
    cfg = config(tmp_path, '[[overrides]]\npaths = ["wires/*"]\nselect = ["names"]\n')
    assert cfg.resolve(tmp_path / "wires/a.txt").select == frozenset({"*", "names"})
    assert on(cfg, tmp_path / "wires/a.txt", "quotes.mixed")
    cfg = config(tmp_path, 'ignore = ["names"]\n[[overrides]]\npaths = ["wires/*"]\nselect = ["names.altered"]\n')
    path = tmp_path / "wires/a.txt"
    assert [on(cfg, path, r) for r in ("names.altered", "names.added", "quotes.mixed")] == [True, False, True]
    assert not on(cfg, tmp_path / "a.txt", "names.altered")


# -- into a Policy ----------------------------------------------------------------------------


def test_glossary_is_relative_to_the_config_folder(tmp_path, monkeypatch):
    write(tmp_path / "style" / "house.toml")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    cfg = load_config(write(tmp_path / "desk" / "mtcheck.toml", 'glossary = "../style/house.toml"\n'))
    assert cfg.resolve(None).glossary == tmp_path / "style" / "house.toml"
    assert cfg.resolve(None).glossary.is_absolute()


def test_settings_into_a_policy(tmp_path):
    cfg = config(tmp_path, 'ignore = ["quotes.mixed"]\n[severity]\n"names.added" = "critical"\n'
                           '[thresholds]\nmin-similarity = 0.7\nmin-quality = 0.55\nmin-roundtrip = 0.3\n'
                           'max-perplexity = 200.0\nconfident = 0.85\nplausible = 0.65\n')
    base = Policy(severity={"names": Severity.MINOR, "names.added": Severity.INFO},
                  disabled=frozenset({"fluency"}), selected=frozenset({"names", "quotes"}))
    policy = cfg.resolve(None).policy(base)
    assert policy == Policy(
        severity={"names": Severity.MINOR, "names.added": Severity.CRITICAL},
        disabled=frozenset({"fluency", "quotes.mixed"}),
        selected=frozenset({"names", "quotes"}),  # the config selects nothing: the base's stands
        confident=0.85, plausible=0.65,
        min_similarity=0.7, min_quality=0.55, min_roundtrip=0.3, max_perplexity=200.0,
    )
    assert cfg.resolve(None).policy(Policy()).block_at == Policy().block_at  # what the config has no say in


def test_a_config_select_replaces_the_base_one(tmp_path):
    cfg = config(tmp_path, 'select = ["numbers"]\n')
    assert cfg.resolve(None).policy(Policy(selected=frozenset({"names"}))).selected == frozenset({"numbers"})


def test_confident_below_plausible_once_merged_is_an_error(tmp_path):
    path = write(tmp_path / "mtcheck.toml", "[thresholds]\nplausible = 0.8\n")
    settings = load_config(path).resolve(None)
    assert settings.policy(Policy(confident=0.9)).plausible == 0.8
    with pytest.raises(InputError) as e:
        settings.policy(Policy())  # the default confident, 0.75
    assert str(e.value) == f"{path}: thresholds: confident (0.75) is below plausible (0.8)"
