"""--cache: an unchanged report is not extracted again; new rules, options or code make it stale; bad entries heal."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import fangkong.run.parallel as parallel
from fangkong.cli.main import cli
from fangkong.rules.reader import load_rules, parse_rules, rule_files
from fangkong.run.cache import ReportCache
from fangkong.run.pipeline import extract_reports, find_reports

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "fixtures" / "reports"
RULES = ROOT / "extractors" / "rules"
SHARED = ROOT.parent / "shared" / "corpus" / "reports"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    shutil.copytree(REPORTS, folder)
    (folder / "damaged.txt").write_bytes("幸福村设立卡点5个，".encode() * 20 + b"\xff\xfe" + "志愿者30名。".encode())
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return folder


@pytest.fixture
def counted(monkeypatch) -> list[str]:
    """The docs actually extracted (not read from the cache) during the test."""
    extracted: list[str] = []
    real = parallel.extract_report_signed

    def counting(report, *args, **options):
        extracted.append(report.doc)
        return real(report, *args, **options)

    monkeypatch.setattr(parallel, "extract_report_signed", counting)
    return extracted


def collect(reports, **options):
    events: list[tuple] = []
    facts = list(parallel.run_reports(reports, on_error=lambda f: events.append(("error", f.path, f.reason)),
                                      on_warning=lambda p, m: events.append(("warning", p, m)), **options))
    return facts, events


def entries(directory: Path) -> list[Path]:
    return sorted(directory.rglob("*.json"))


def test_a_second_run_reads_every_good_report_from_the_cache(folder, tmp_path, counted):
    reports = find_reports([folder])
    cache = ReportCache(tmp_path / "cache", load_rules().version)
    first = collect(reports, cache=cache)
    expected = list(extract_reports(reports, on_error=lambda f: None, on_warning=lambda p, m: None))
    assert first[0] == expected
    readable = [r.doc for r in reports if r.doc != "image.txt"]
    assert counted == [r.doc for r in reports]
    assert len(entries(tmp_path / "cache")) == len(set(r.path.read_bytes() for r in reports)) - 1  # not the image
    counted.clear()
    assert collect(reports, cache=cache) == first  # same facts, and the warnings replayed from the cache
    assert counted == ["image.txt"]  # a skipped file is not stored
    assert any(event[0] == "warning" and "damaged.txt" in event[1] for event in first[1])
    assert len(readable) > 5


def test_the_same_bytes_under_another_name_reuse_the_entry_with_their_own_name(folder, tmp_path, counted):
    cache = ReportCache(tmp_path / "cache", load_rules().version)
    collect(find_reports([folder / "town_checkpoints.txt"]), cache=cache)
    copy = tmp_path / "copy.txt"
    shutil.copy(folder / "town_checkpoints.txt", copy)
    counted.clear()
    facts, _ = collect(find_reports([copy]), cache=cache)
    assert counted == []
    assert facts and {f.doc for f in facts} == {"copy.txt"}
    assert facts == list(extract_reports(find_reports([copy])))


def test_editing_a_rule_file_or_an_option_makes_entries_stale(folder, tmp_path, counted):
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    reports = find_reports([folder / "town_checkpoints.txt"])
    old = parse_rules(rule_files(rules))
    collect(reports, cache=ReportCache(tmp_path / "cache", old.version), ruleset=old)
    core = rules / "core.toml"
    core.write_text(core.read_text("utf-8") + "\n# an edit\n", encoding="utf-8")
    new = parse_rules(rule_files(rules))
    assert new.version != old.version
    counted.clear()
    collect(reports, cache=ReportCache(tmp_path / "cache", new.version), ruleset=new)
    assert counted == ["town_checkpoints.txt"]
    counted.clear()
    other = collect(reports, cache=ReportCache(tmp_path / "cache", new.version, include_other=True),
                    ruleset=new, include_other=True)
    assert counted == ["town_checkpoints.txt"]
    assert any(f.metric == "other" for f in other[0])
    counted.clear()
    collect(reports, cache=ReportCache(tmp_path / "cache", new.version, encoding="gb18030"), ruleset=new,
            encoding="gb18030")
    assert counted == ["town_checkpoints.txt"]
    assert len(entries(tmp_path / "cache")) == 4


CORRUPTIONS = {
    "garbage": lambda text: "\x00not json",
    "truncated": lambda text: text[: len(text) // 2],
    "empty": lambda text: "",
    "an offset of the wrong type": lambda text: json.dumps(
        {**json.loads(text), "facts": [[*row[:7], "x", *row[8:]] for row in json.loads(text)["facts"]]}),
    "a field missing": lambda text: json.dumps({**json.loads(text), "facts": [[1, 2]]}),
    "not a list": lambda text: json.dumps({**json.loads(text), "facts": 7}),
    "another key": lambda text: json.dumps({**json.loads(text), "key": "0" * 40}),
    "a value of the wrong type": lambda text: json.dumps(
        {**json.loads(text), "facts": [[*row[:2], "12", *row[3:]] for row in json.loads(text)["facts"]]}),
}


@pytest.mark.parametrize("corrupt", CORRUPTIONS.values(), ids=CORRUPTIONS.keys())
def test_a_corrupt_entry_is_ignored_and_written_again(folder, tmp_path, counted, corrupt):
    reports = find_reports([folder / "town_checkpoints.txt"])
    cache = ReportCache(tmp_path / "cache", load_rules().version)
    good, _ = collect(reports, cache=cache)
    [entry] = entries(tmp_path / "cache")
    healthy = entry.read_text("utf-8")
    assert corrupt(healthy) != healthy
    entry.write_text(corrupt(healthy), encoding="utf-8")
    counted.clear()
    assert collect(reports, cache=cache) == (good, [])
    assert counted == ["town_checkpoints.txt"]
    assert entry.read_text("utf-8") == healthy


def test_cache_with_jobs_gives_the_same_output(folder, tmp_path):
    inputs = [folder, *([SHARED] if SHARED.is_dir() else [])]
    plain = run("extract", *inputs)
    cache = tmp_path / "cache"
    cold = run("extract", *inputs, "--cache", cache, "--jobs", "2")
    warm = run("extract", *inputs, "--cache", cache)
    for result in (cold, warm):
        assert (result.exit_code, result.stdout_bytes, result.stderr) == (plain.exit_code, plain.stdout_bytes,
                                                                           plain.stderr)
    assert entries(cache)


def test_cli_cache_that_is_a_file_is_a_usage_error(folder, tmp_path):
    not_a_folder = tmp_path / "cache"
    not_a_folder.write_text("", encoding="utf-8")
    result = run("extract", folder, "--cache", not_a_folder)
    assert result.exit_code == 2
    assert "--cache" in result.stderr and "Traceback" not in result.stderr


def test_cli_a_cache_that_cannot_be_written_still_extracts(folder, tmp_path, monkeypatch):
    import fangkong.run.cache

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fangkong.run.cache.tempfile, "NamedTemporaryFile", full)
    cache = tmp_path / "cache"
    result = run("extract", folder, "--cache", cache)
    assert (result.exit_code, result.stdout_bytes) == (0, run("extract", folder).stdout_bytes)
    assert [p for p in cache.rglob("*") if p.is_file()] == []


def test_a_warm_read_builds_each_fact_once_under_the_doc_asked_for(folder, tmp_path, monkeypatch):
    """The warm path is the whole cost of a re-run: no dataclasses.replace per fact (it was half of it)."""
    import dataclasses

    report = folder / "donations.txt"  # a total and its parts: rows with a parent
    report.write_text("幸福村防控简报\n截至目前，全村共收到捐款8.6万元，其中党员捐款2万元，群众捐款6.6万元。\n",
                      encoding="utf-8")
    reports = find_reports([report])
    cache = ReportCache(tmp_path / "cache", load_rules().version)
    stored, _ = collect(reports, cache=cache)
    key = cache.key(report.read_bytes())

    def refused(*args, **kwargs):
        raise AssertionError("dataclasses.replace on the warm path")

    monkeypatch.setattr(dataclasses, "replace", refused)
    same = cache.get(key, "donations.txt")
    renamed = cache.get(key, "b/other.txt")
    assert same.facts == tuple(stored)
    assert [f.id for f in renamed.facts] == [f"b/other.txt#{n}" for n in range(1, len(stored) + 1)]
    assert {f.doc for f in renamed.facts} == {"b/other.txt"}
    assert [f.parent for f in renamed.facts] == [p and p.replace("donations.txt", "b/other.txt")
                                                 for p in (f.parent for f in stored)]
    assert any(f.parent for f in stored)
    assert all(type(f.value) is float for f in renamed.facts)
