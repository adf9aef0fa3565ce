"""`fangkong score` and fangkong.score: gold files read and checked, facts matched, figures as the team's scorer's."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import fangkong
from fangkong.cli.main import cli
from fangkong.output.writers import write_csv_file
from fangkong.score import (
    MAX_PROBLEMS,
    ScoredFact,
    ScoreInputError,
    facts_from_frame,
    metrics_of,
    read_facts,
    read_gold,
    same_value,
    score,
    select_metrics,
    unit_class,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_REPORTS = ROOT / "fixtures" / "reports"
FIXTURE_GOLD = ROOT / "fixtures" / "gold.jsonl"
SHARED = ROOT.parent / "shared"
TEAM_SCORER = SHARED / "eval" / "score.py"

GOLD = """\
{"doc": "a.txt", "metric": "volunteers", "value": 47, "unit": "名", "qualifier": "exact", "evidence": "47名志愿者"}
{"doc": "a.txt", "metric": "volunteers", "value": 12, "unit": "人", "qualifier": "over"}

{"doc": "a.txt", "metric": "checkpoints", "value": 5, "unit": "个"}
{"doc": "a.txt", "metric": "checkpoints", "value": 3, "unit": "处", "optional": true}
{"doc": "a.txt", "metric": "masks_distributed", "value": 3200, "unit": "只", "note": "a key of our own"}
{"doc": "b.txt", "metric": "donations_money", "value": 145000, "unit": "元"}
"""
FACTS = """\ufeffdoc,metric,value,value_high,unit,qualifier,evidence
a.txt,volunteers,47,,人,exact,志愿者47人
a.txt,volunteers,12,,人次,over,志愿者12人次
a.txt,checkpoints,5,,个,over,卡点5个
a.txt,checkpoints,3,,个,exact,卡点3个
a.txt,checkpoints,9,,个,exact,卡点9个
a.txt,masks_distributed,3200.0000001,,只,exact,发放口罩3200只
a.txt,other,7,,个,exact,7个
b.txt,donations_money,145000.5,,元,exact,捐款145000.5元
c.txt,volunteers,3,,名,exact,志愿者3名
"""


def run(*args, input: str | None = None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input)


@pytest.fixture
def files(tmp_path) -> tuple[Path, Path]:
    gold, facts = tmp_path / "gold.jsonl", tmp_path / "facts.csv"
    gold.write_text(GOLD, encoding="utf-8")
    facts.write_text(FACTS, encoding="utf-8")
    return gold, facts


def written() -> tuple[list[ScoredFact], list[ScoredFact]]:
    return read_gold(GOLD.splitlines()), read_facts(io.StringIO(FACTS))


# ---- the pieces ----


@pytest.mark.parametrize(("unit", "expected"), [
    ("名", "person"), ("人员", "person"), ("人次", "person-times"), ("户", "household"), ("辆", "vehicle"),
    ("辆次", "vehicle-times"), ("场", "times"), ("万元", "money"), ("块钱", "money"), ("㎡", "area"),
    ("斤", "mass"), ("个", "count"), ("劑次", "count"), ("", "count"), (" 名 ", "person"),
])
def test_unit_classes_are_the_scorers_table(unit, expected):
    assert unit_class(unit) == expected


@pytest.mark.parametrize(("a", "b", "same"), [
    (145000, 145000.1, True), (145000, 145000.5, False), (0.25, 0.2500005, True), (0.25, 0.2500011, False),
    (3, 3, True), (3, 4, False),
])
def test_values_agree_within_a_relative_tolerance(a, b, same):
    assert same_value(a, b) is same


def test_gold_is_read_with_defaults():
    gold, _ = written()
    assert len(gold) == 6
    assert gold[2] == ScoredFact("a.txt", "checkpoints", 5.0, "个", "exact", "", False, 4)  # line 3 is blank
    assert gold[3].optional and gold[4].metric == "masks_distributed"


def test_every_gold_problem_is_listed_with_its_line():
    lines = [
        '{"doc": "a.txt", "metric": "volunteers", "value": 4, "unit": "名"}',
        '{"doc": "a.txt", "metric": "volunteers", "value": 4, "unit": "名"',
        '["a.txt"]',
        '{"doc": "a.txt", "metric": "Volunteers", "value": "4", "unit": "名"}',
        '{"doc": "", "value": 4, "unit": 4, "qualifier": "some", "optional": "yes", "evidence": 1}',
        '{"doc": "a.txt", "metric": "other", "value": true, "unit": "名"}',
    ]
    with pytest.raises(ScoreInputError) as caught:
        read_gold(lines, "gold.jsonl")
    problems = str(caught.value).splitlines()
    assert problems[0].startswith("gold.jsonl:2: not a JSON object (")
    assert problems[1] == "gold.jsonl:3: not a JSON object but list"
    assert problems[2:4] == ["gold.jsonl:4: 'metric' 'Volunteers' is not a metric name (lower-case letters, digits, _)",
                             "gold.jsonl:4: 'value' '4' is not a number"]
    assert problems[4:10] == [
        "gold.jsonl:5: 'metric' is missing", "gold.jsonl:5: 'doc' must be a non-empty string",
        "gold.jsonl:5: 'unit' must be a string", "gold.jsonl:5: 'qualifier' 'some' is not one of exact, over, approx, "
        "under", "gold.jsonl:5: 'optional' must be true or false", "gold.jsonl:5: 'evidence' must be a string"]
    assert problems[10:] == ["gold.jsonl:6: 'metric' 'other' is not a metric name (lower-case letters, digits, _)",
                             "gold.jsonl:6: 'value' True is not a number"]


def test_a_gold_file_wrong_throughout_is_listed_up_to_a_limit():
    with pytest.raises(ScoreInputError) as caught:
        read_gold(["nonsense"] * (MAX_PROBLEMS + 5), "g")
    problems = str(caught.value).splitlines()
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[-1] == "g: … and 5 more problems"


def test_facts_csv_problems():
    with pytest.raises(ScoreInputError, match="facts.csv:1: not a facts CSV: the column\\(s\\) value, unit"):
        read_facts(io.StringIO("doc,metric\na,b\n"), "facts.csv")
    with pytest.raises(ScoreInputError) as caught:
        read_facts(io.StringIO('doc,metric,value,unit\na,volunteers,x,名\n"b\nc",volunteers,,名\n'), "f.csv")
    assert str(caught.value).splitlines() == ["f.csv:2: value 'x' is not a number", "f.csv:4: value '' is not a number"]


def test_facts_csv_leaves_other_out_and_reads_a_bom():
    _, facts = written()
    assert [f.metric for f in facts].count("other") == 0
    assert facts[0] == ScoredFact("a.txt", "volunteers", 47.0, "人", "exact", "志愿者47人", line=2)


def test_metrics_are_the_catalogue_then_the_users():
    gold, facts = written()
    metrics = metrics_of(gold, facts)
    assert metrics[:28] == list(fangkong.rules.model.METRICS) and metrics[28:] == ["masks_distributed"]
    assert select_metrics("core", metrics) == metrics[:5]
    assert select_metrics("all", metrics) == metrics
    assert select_metrics("volunteers, masks_distributed", metrics) == ["volunteers", "masks_distributed"]
    with pytest.raises(ScoreInputError, match="unknown metric"):
        select_metrics("volunteer", metrics)


# ---- the figures ----


def test_figures_of_a_written_case():
    result = score(*written())
    by_metric = {m.metric: (m.tp, m.fp, m.fn, m.qualifier_ok) for m in result.scored}
    assert by_metric == {
        "volunteers": (1, 1, 1, 1),  # 12人次 is another unit class than 12人: a false fact and a miss
        "checkpoints": (1, 1, 0, 0),  # 5 matched with the wrong qualifier; 3 matched an optional fact; 9 false
        "donations_money": (0, 1, 1, 0),  # 0.5 元 off is beyond the tolerance
        "masks_distributed": (1, 0, 0, 1),  # a metric of the user's own
    }
    summary = result.summary()
    assert (summary["docs"], summary["gold"], summary["predicted"]) == (2, 5, 6)  # c.txt has no gold: not scored
    assert summary["micro_precision"] == pytest.approx(3 / 6)
    assert summary["micro_recall"] == pytest.approx(3 / 5)
    assert summary["micro_f1"] == pytest.approx(2 * 0.5 * 0.6 / 1.1)
    assert summary["macro_f1"] == pytest.approx((0.5 + 2 / 3 + 0 + 1) / 4)
    assert summary["qualifier_accuracy"] == pytest.approx(2 / 3)
    assert sorted((e.kind, e.doc, e.metric, e.value) for e in result.errors) == [
        ("FALSE", "a.txt", "checkpoints", 9), ("FALSE", "a.txt", "volunteers", 12),
        ("FALSE", "b.txt", "donations_money", 145000.5), ("MISS", "a.txt", "volunteers", 12),
        ("MISS", "b.txt", "donations_money", 145000), ("QUAL", "a.txt", "checkpoints", 5),
    ]
    assert next(e.detail for e in result.errors if e.kind == "QUAL") == "exact≠over"


def test_docs_without_gold_count_their_facts_as_false():
    summary = score(*written(), docs={"a.txt", "b.txt", "c.txt"}).summary()
    assert (summary["docs"], summary["fp"]) == (3, 4)


def test_an_optional_fact_never_takes_a_required_ones_match():
    gold = [ScoredFact("a", "volunteers", 5, "名", optional=True), ScoredFact("a", "volunteers", 5, "人")]
    result = score(gold, [ScoredFact("a", "volunteers", 5, "名")])
    assert result.summary()["tp"] == 1 and result.summary()["fn"] == 0


def test_an_unmatched_optional_fact_is_no_miss():
    result = score([ScoredFact("a", "volunteers", 5, "名", optional=True)], [])
    assert result.summary()["fn"] == 0 and result.scored == []


def test_a_frame_from_the_library_can_be_scored():
    frame = fangkong.extract_text("设立卡点5个，组织志愿者30余名。", doc="a.txt", include_other=True)
    facts = facts_from_frame(frame)
    gold = [ScoredFact("a.txt", "checkpoints", 5, "个"), ScoredFact("a.txt", "volunteers", 30, "名", "over")]
    assert all(f.metric != "other" for f in facts)
    assert score(gold, facts).summary()["micro_f1"] == 1.0


# ---- the command ----


def test_score_prints_a_table(files):
    gold, facts = files
    result = run("score", "--gold", gold, facts)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["metric", "gold", "pred", "tp", "P", "R", "F1"]
    assert [line.split()[0] for line in lines[1:5]] == ["checkpoints", "volunteers", "donations_money",
                                                        "masks_distributed"]  # the catalogue's order, then yours
    assert lines[1].split() == ["checkpoints", "1", "2", "1", "0.500", "1.000", "0.667"]
    assert lines[2].split() == ["volunteers", "2", "2", "1", "0.500", "0.500", "0.500"]
    assert lines[5].split() == ["all", "(micro)", "5", "6", "3", "0.500", "0.600", "0.545"]
    assert lines[6] == "docs 2  macro-F1 0.542  qualifier-accuracy 0.667"


def test_score_errors_lists_misses_and_false_facts(files):
    gold, facts = files
    lines = run("score", "--gold", gold, facts, "--errors").stdout.splitlines()
    errors = [line for line in lines if line.split()[0] in ("MISS", "FALSE", "QUAL")]
    assert len(errors) == 6
    assert "MISS  a.txt volunteers 12 人" in errors
    assert "FALSE b.txt donations_money 145000.5 元  捐款145000.5元" in errors
    assert "QUAL  a.txt checkpoints 5 个 exact≠over" in errors
    assert lines[:6] == errors and lines[6].startswith("metric ")  # the figures come last


def test_score_json(files):
    gold, facts = files
    data = json.loads(run("score", "--gold", gold, facts, "--json", "--errors").stdout)
    assert data["summary"] == score(*written()).summary()
    assert len(data["metrics"]) == 29 and data["metrics"][-1]["metric"] == "masks_distributed"
    assert len(data["errors"]) == 6 and set(data["errors"][0]) >= {"kind", "doc", "metric", "value", "unit"}
    assert "errors" not in json.loads(run("score", "--gold", gold, facts, "--json").stdout)


def test_score_docs_from_and_metrics(files, tmp_path):
    gold, facts = files
    reports = tmp_path / "reports"
    reports.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (reports / name).write_text("", encoding="utf-8")
    data = json.loads(run("score", "--gold", gold, facts, "--json", "--docs-from", reports).stdout)
    assert (data["summary"]["docs"], data["summary"]["fp"]) == (3, 4)
    data = json.loads(run("score", "--gold", gold, facts, "--json", "--metrics", "checkpoints").stdout)
    assert [m["metric"] for m in data["metrics"]] == ["checkpoints"]
    assert data["summary"]["tp"] == 1


def test_score_reads_facts_from_stdin(files):
    gold, _ = files
    result = run("score", "--gold", gold, "-", "--json", input=FACTS)
    assert json.loads(result.stdout)["summary"] == score(*written()).summary()


def test_min_f1_exits_1_below_it(files):
    gold, facts = files
    assert run("score", "--gold", gold, facts, "--min-f1", "0.5").exit_code == 0
    assert run("score", "--gold", gold, facts, "--min-f1", "0.6").exit_code == 1


@pytest.mark.parametrize(("gold_text", "facts_text", "message"), [
    ('{"doc": "a"}\n', FACTS, "gold.jsonl:1: 'metric' is missing"),
    (GOLD, "doc,metric\n", "facts.csv:1: not a facts CSV"),
    (GOLD, FACTS.replace("47,,", "x,,"), "facts.csv:2: value 'x' is not a number"),
])
def test_bad_input_is_a_usage_error_naming_file_and_line(tmp_path, gold_text, facts_text, message):
    (tmp_path / "gold.jsonl").write_text(gold_text, encoding="utf-8")
    (tmp_path / "facts.csv").write_text(facts_text, encoding="utf-8")
    result = run("score", "--gold", tmp_path / "gold.jsonl", tmp_path / "facts.csv")
    assert result.exit_code == 2 and result.stdout == ""
    assert message in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("args", [
    ["score", "facts.csv"],  # no --gold
    ["score", "--gold", "no/such.jsonl", "{facts}"],
    ["score", "--gold", "{gold}", "no/such.csv"],
    ["score", "--gold", "{gold}", "{facts}", "--metrics", "volunteer"],
    ["score", "--gold", "{gold}", "{facts}", "--min-f1", "2"],
])
def test_score_usage_errors_exit_2(files, args):
    gold, facts = files
    result = run(*[a.format(gold=gold, facts=facts) for a in args])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_score_of_a_gold_file_that_is_not_utf8(files, tmp_path):
    _, facts = files
    (tmp_path / "gb.jsonl").write_bytes(GOLD.encode("gbk"))
    result = run("score", "--gold", tmp_path / "gb.jsonl", facts)
    assert result.exit_code == 2 and "not UTF-8" in result.stderr


# ---- against the team's scorer ----


def team_figures(gold: Path, facts: Path, *extra: str) -> dict:
    done = subprocess.run([sys.executable, str(TEAM_SCORER), "--gold", str(gold), "--pred", str(facts), "--json",
                           *extra], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def our_figures(gold: Path, facts: Path, *extra: str) -> dict:
    result = run("score", "--gold", gold, facts, "--json", *extra)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    data["metrics"] = data["metrics"][:28]  # the catalogue's, which the team's scorer knows
    return data


def assert_same(ours: dict, theirs: dict) -> None:
    assert ours["summary"] == pytest.approx(theirs["summary"])
    assert {m["metric"]: m for m in ours["metrics"]} == {m["metric"]: pytest.approx(m) for m in theirs["metrics"]}


def spoilt(frame):
    """The facts with mistakes made on purpose: rows dropped, values, units and qualifiers changed."""
    frame = frame.copy()
    positions = range(len(frame))
    frame.loc[[i % 5 == 1 for i in positions], "value"] += 1
    frame.loc[[i % 7 == 2 for i in positions], "unit"] = "人次"
    frame.loc[[i % 4 == 3 for i in positions], "qualifier"] = "approx"
    return frame[[i % 6 != 0 for i in positions]]


needs_team_scorer = pytest.mark.skipif(not TEAM_SCORER.is_file(), reason="../shared/eval/score.py is not there")


@needs_team_scorer
@pytest.mark.parametrize("mistakes", [False, True], ids=["as-extracted", "spoilt"])
def test_same_figures_as_the_team_scorer_on_the_fixtures(tmp_path, mistakes):
    frame = fangkong.extract_paths(FIXTURE_REPORTS)
    facts = tmp_path / "facts.csv"
    write_csv_file(spoilt(frame) if mistakes else frame, facts)
    ours, theirs = our_figures(FIXTURE_GOLD, facts), team_figures(FIXTURE_GOLD, facts)
    assert_same(ours, theirs)
    assert theirs["summary"]["gold"] >= 40
    if mistakes:
        assert theirs["summary"]["fp"] and theirs["summary"]["fn"] and theirs["summary"]["qualifier_accuracy"] < 1


@needs_team_scorer
@pytest.mark.skipif(not (SHARED / "corpus" / "gold.jsonl").is_file(), reason="../shared/corpus is not there")
@pytest.mark.parametrize("metrics", ["core", "all"])
def test_same_figures_as_the_team_scorer_on_the_shared_corpus(tmp_path, metrics):
    reports, gold = SHARED / "corpus" / "reports", SHARED / "corpus" / "gold.jsonl"
    facts = tmp_path / "facts.csv"
    write_csv_file(spoilt(fangkong.extract_paths(reports)), facts)
    args = ("--docs-from", str(reports), "--metrics", metrics)
    ours, theirs = our_figures(gold, facts, *args), team_figures(gold, facts, *args)
    if metrics == "core":
        ours["metrics"] = ours["metrics"][:5]
    assert_same(ours, theirs)
    assert theirs["summary"]["docs"] > 50 and theirs["summary"]["tp"] > 100


# ---- properties ----

gold_facts = st.lists(st.builds(
    ScoredFact, doc=st.sampled_from(["a", "b"]), metric=st.sampled_from(["volunteers", "checkpoints", "masks"]),
    value=st.floats(0, 1e6, allow_nan=False), unit=st.sampled_from(["名", "人次", "个", "元"]),
    qualifier=st.sampled_from(["exact", "over"]), optional=st.booleans()), max_size=12)


@given(gold_facts)
def test_predicting_the_required_gold_scores_1(gold):
    required = [f for f in gold if not f.optional]
    summary = score(gold, required).summary()
    assert summary["fp"] == summary["fn"] == 0 and summary["tp"] == len(required)
    assert summary["micro_f1"] == (1.0 if required else 0.0)
    assert summary["qualifier_accuracy"] == (1.0 if required else 0.0)


@given(gold_facts, gold_facts)
def test_counts_add_up(gold, predicted):
    summary = score(gold, predicted, docs={"a", "b"}).summary()
    taken_by_optional = len(predicted) - summary["tp"] - summary["fp"]  # neither true nor false
    assert 0 <= taken_by_optional <= sum(f.optional for f in gold)
    assert summary["tp"] + summary["fn"] == sum(not f.optional for f in gold)
    assert 0 <= summary["micro_f1"] <= 1
