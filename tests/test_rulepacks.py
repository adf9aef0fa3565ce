"""Rule packs users own: --rules files added to the shipped rules, `fangkong rules` and `fangkong rules check`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from fangkong.cli.main import cli
from fangkong.rules.lexicon import load_lexicon
from fangkong.rules.model import METRICS, RuleError
from fangkong.rules.reader import load_rules, parse_rules, rule_lines, user_rule_files
from fangkong.run.pipeline import extract_loaded
from fangkong.text.load import load_text

ROOT = Path(__file__).resolve().parent.parent
PACK = ROOT / "fixtures" / "rulepack"
MASKS = PACK / "masks.toml"
BROKEN = PACK / "broken.toml"
MASKS_REPORT = PACK / "reports" / "xinglin.txt"
REPORT = "幸福村设立卡点5个，组织志愿者30余名参与值守，为居民发放口罩3200只。\n"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def rule(rule_id: str, metric: str, triggers: list[str], units: str = "count", **extra: str) -> str:
    lines = ["[[rule]]", f'id = "{rule_id}"', f'metric = "{metric}"', f'units = ["{units}"]',
             "triggers = [" + ", ".join(f'"{t}"' for t in triggers) + "]"]
    lines += [f"{key} = {value}" for key, value in extra.items()]
    return "\n".join(lines) + "\n"


def facts(ruleset, text: str = REPORT) -> list[tuple[str, float, str]]:
    return [(f.metric, f.value, f.rule) for f in extract_loaded(load_text(text), "r.txt", ruleset=ruleset)]


# ---- line numbers ----


def test_rule_lines_point_at_each_rule_id_or_its_header():
    text = "# comment\n[defaults]\nwindow = 5\n\n[[rule]]\nmetric = 'x'\n  id = 'a'\n[[rule]]\nmetric = 'y'\n" \
           "[[ rule ]]  # spaced\nid = 'c'\n"
    assert rule_lines(text) == (2, [7, 8, 11])


def test_rule_lines_of_a_file_without_defaults_or_rules():
    assert rule_lines("") == (None, [])


def test_an_id_key_of_a_later_table_is_not_taken_for_a_rule_without_id():
    text = "[[rule]]\nmetric = 'x'\n[other]\nid = 'not a rule'\n"
    assert rule_lines(text) == (None, [1])


def test_problems_name_file_line_and_rule():
    text = rule("a.good", "volunteers", ["志愿者"], "person") + "\n" + rule("b.bad", "volunteers", ["志愿者"],
                                                                         "people")
    with pytest.raises(RuleError) as caught:
        parse_rules([("mine.toml", text)])
    assert str(caught.value).splitlines() == [
        "mine.toml:8: rule b.bad: 'units' must list unit classes from person, person-times, household, vehicle, "
        "vehicle-times, times, money, area, mass, volume, length, organisation, count"
    ]


def test_invalid_toml_names_its_line():
    with pytest.raises(RuleError) as caught:
        parse_rules([("mine.toml", "[[rule]]\nid = 'a'\nmetric = \n")])
    assert str(caught.value).startswith("mine.toml:3: not valid TOML")


# ---- user metrics ----


def test_a_user_rule_may_name_a_metric_of_its_own():
    text = rule("masks.handed_out", "masks_distributed", ["发放口罩"])
    with pytest.raises(RuleError, match="not in the catalogue"):
        parse_rules([("shipped.toml", text)])
    [parsed] = parse_rules([("mine.toml", text)], any_metric=True).rules
    assert parsed.metric == "masks_distributed"


@pytest.mark.parametrize("metric", ["Masks", "2masks", "masks-handed-out", "other", "", "口罩"])
def test_a_user_metric_must_be_a_plain_name(metric):
    with pytest.raises(RuleError, match="not in the catalogue"):
        parse_rules([("mine.toml", rule("x.y", metric, ["口罩"]))], any_metric=True)


# ---- merging ----


def test_user_rules_are_added_after_the_shipped_ones(tmp_path):
    shipped = load_rules()
    merged = load_rules([MASKS])
    assert merged.rules[:len(shipped.rules)] == shipped.rules
    assert [r.id for r in merged.rules[len(shipped.rules):]] == ["masks_distributed.handed_out"]
    assert ("masks_distributed", 3200, "masks_distributed.handed_out") in facts(merged)
    assert ("checkpoints", 5, "checkpoints.set_up") in facts(merged)  # the shipped rules still work
    assert "masks_distributed" not in {metric for metric, _, _ in facts(shipped)}


def test_a_user_rule_with_a_shipped_id_replaces_it_in_place(tmp_path):
    mine = tmp_path / "mine.toml"
    mine.write_text(rule("checkpoints.set_up", "checkpoints", ["值守点"]), encoding="utf-8")
    shipped = load_rules()
    merged = load_rules([mine])
    assert [r.id for r in merged.rules] == [r.id for r in shipped.rules]
    index = [r.id for r in shipped.rules].index("checkpoints.set_up")
    assert merged.rules[index].source == str(mine)
    assert "checkpoints" not in {metric for metric, _, _ in facts(merged)}  # 卡点 is no longer a trigger
    assert facts(merged, "设立值守点7个。") == [("checkpoints", 7, "checkpoints.set_up")]


def test_new_words_for_a_shipped_metric(tmp_path):
    mine = tmp_path / "mine.toml"
    mine.write_text(rule("checkpoints.mine", "checkpoints", ["测温亭"]), encoding="utf-8")
    assert facts(load_rules(), "设立测温亭4个。") == []
    assert facts(load_rules([mine]), "设立测温亭4个。") == [("checkpoints", 4, "checkpoints.mine")]


def test_a_pack_composes_its_own_heads_with_modifiers(tmp_path):
    # a class of the pack's own: every modifier + head is a word of it, 测温亭 and 值守亭 alike
    mine = tmp_path / "mine.toml"
    mine.write_text('[classes.kiosks]\nmeans = "kiosks used as posts"\ncounts = "posts"\nheads = ["亭"]\n'
                    'modifiers = ["测温", "值守", "登记"]\n\n' + rule("checkpoints.kiosks", "checkpoints", ["@kiosks"]),
                    encoding="utf-8")
    merged = load_rules([mine])
    assert facts(merged, "设立值守亭4个。") == [("checkpoints", 4, "checkpoints.kiosks")]
    assert facts(merged, "设立登记亭2个。") == [("checkpoints", 2, "checkpoints.kiosks")]
    assert facts(merged, "设立凉亭2个。") == []  # a head alone is no compound


def test_a_pack_head_that_contradicts_a_shipped_class_is_a_problem(tmp_path):
    # 点 is a post in the shipped [checkpoint_nouns]; a pack that makes it a place contradicts it
    mine = tmp_path / "mine.toml"
    mine.write_text('[classes.spots]\nmeans = "spots"\ncounts = "places"\nheads = ["点"]\nmodifiers = ["景"]\n\n'
                    + rule("spots.counted", "spots", ["@spots"]), encoding="utf-8")
    with pytest.raises(RuleError) as raised:
        load_rules([mine])
    assert "head '点' is listed in classes that count different things" in str(raised.value)


def test_a_class_named_inside_a_pattern_stands_for_any_of_its_words(tmp_path):
    # {@deploying_verbs} inside a lookbehind: 出动 and 抽调 are words of the shipped class, 看到 is not
    mine = tmp_path / "mine.toml"
    mine.write_text(rule("helpers.sent", "helpers", ["(?<={@deploying_verbs}\\\\d+名)帮手"], units="person"),
                    encoding="utf-8")
    ruleset = load_rules([mine], defaults=False)
    assert facts(ruleset, "村里出动12名帮手，抽调8名帮手，看到5名帮手。") == [
        ("helpers", 12, "helpers.sent"), ("helpers", 8, "helpers.sent")]


def test_a_pack_of_people_without_the_shipped_defaults_runs_over_reports(tmp_path):
    # the shipped word lists (phrase breaks, object markers …) are empty then: every test of them says no, none raises
    mine = tmp_path / "mine.toml"
    mine.write_text(rule("helpers.sent", "helpers", ["帮手", "志愿者"], units="person", shared="true", lists="true"),
                    encoding="utf-8")
    ruleset = load_rules([mine], defaults=False)
    text = ("村里组织帮手30余名，对3名帮手进行表扬。其中，12名帮手已经上岗，8名穿着红马甲的志愿者在卡点值守。"
            "共有志愿者40人，其中党员志愿者15人、群众25人。")
    assert ("helpers", 30, "helpers.sent") in facts(ruleset, text)


def test_a_pattern_that_names_an_unknown_class_inside_is_a_problem(tmp_path):
    mine = tmp_path / "mine.toml"
    mine.write_text(rule("helpers.sent", "helpers", ["(?<={@no_such_verbs})帮手"], units="person"), encoding="utf-8")
    with pytest.raises(RuleError) as raised:
        load_rules([mine])
    assert "names @no_such_verbs, which no lexicon defines" in str(raised.value)


def test_a_named_pattern_is_written_once_and_stands_where_rules_name_it(tmp_path):
    # the lookbehind is written once in [patterns] and used by two rules: 帮手 and 助手 after a count of 名 only
    mine = tmp_path / "mine.toml"
    mine.write_text('[patterns]\nafter_a_count = "(?<=\\\\d名)"\n\n'
                    + rule("helpers.counted", "helpers", ["{%after_a_count}帮手"], units="person")
                    + rule("aides.counted", "aides", ["{%after_a_count}助手"], units="person"), encoding="utf-8")
    ruleset = load_rules([mine], defaults=False)
    assert facts(ruleset, "村里来了12名帮手，又来了8名助手，还有帮手5人。") == [
        ("helpers", 12, "helpers.counted"), ("aides", 8, "aides.counted")]


def test_a_named_pattern_may_name_another(tmp_path):
    # after_a_count is written once and named inside counted_helper, which a rule names: both stand as written
    mine = tmp_path / "mine.toml"
    mine.write_text('[patterns]\nafter_a_count = "(?<=\\\\d名)"\ncounted_helper = "{%after_a_count}帮手"\n\n'
                    + rule("helpers.counted", "helpers", ["{%counted_helper}"], units="person"), encoding="utf-8")
    ruleset = load_rules([mine], defaults=False)
    assert facts(ruleset, "村里来了12名帮手，还有帮手5人。") == [("helpers", 12, "helpers.counted")]


@pytest.mark.parametrize(("text", "message"), [
    (rule("helpers.sent", "helpers", ["{%no_such_pattern}帮手"], units="person"),
     "names {%no_such_pattern}, which no [patterns] table defines"),
    ('[patterns]\nnear = "{%no_such_pattern}帮"\n\n' + rule("helpers.sent", "helpers", ["{%near}手"], units="person"),
     "[patterns] near: names {%no_such_pattern}, which no [patterns] table defines"),
    ('[patterns]\nnear = "{%far}帮"\nfar = "{%near}"\n\n'
     + rule("helpers.sent", "helpers", ["{%near}手"], units="person"),
     "names {%near}, which leads back to far"),
    ('[patterns]\nBad = "帮"\n\n' + rule("helpers.sent", "helpers", ["帮手"], units="person"),
     "a pattern's name is lower-case letters, digits and _"),
])
def test_a_named_pattern_that_is_unknown_or_badly_named_is_a_problem(tmp_path, text, message):
    mine = tmp_path / "mine.toml"
    mine.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as raised:
        load_rules([mine])
    assert message in str(raised.value)


def test_a_named_pattern_defined_in_two_files_is_a_problem(tmp_path):
    first = '[patterns]\nnear = "帮"\n\n' + rule("a.one", "helpers", ["{%near}手"], units="person")
    (tmp_path / "a.toml").write_text(first, encoding="utf-8")
    (tmp_path / "b.toml").write_text('[patterns]\nnear = "助"\n', encoding="utf-8")
    with pytest.raises(RuleError) as raised:
        load_rules([tmp_path])
    assert "[patterns] near: defined again" in str(raised.value)


def test_user_defaults_exclude_is_added_to_the_shipped_one(tmp_path):
    mine = tmp_path / "mine.toml"
    mine.write_text("[defaults]\nexclude = ['设想']\n", encoding="utf-8")
    text = "设想设立卡点5个。"
    assert facts(load_rules(), text) == [("checkpoints", 5, "checkpoints.set_up")]
    assert facts(load_rules([mine]), text) == []
    assert facts(load_rules([mine]), "计划设立卡点5个。") == []  # the shipped exclude still applies


def test_without_default_rules_only_the_users_apply(tmp_path):
    ruleset = load_rules([MASKS], defaults=False)
    assert [r.id for r in ruleset.rules] == ["masks_distributed.handed_out"]
    assert facts(ruleset) == [("masks_distributed", 3200, "masks_distributed.handed_out")]
    with pytest.raises(RuleError, match="no rules"):
        load_rules([], defaults=False)


def test_a_folder_stands_for_its_toml_files_and_a_file_is_read_once(tmp_path):
    (tmp_path / "b.toml").write_text(rule("checkpoints.b", "checkpoints", ["登记站"]), encoding="utf-8")
    (tmp_path / "a.toml").write_text(rule("checkpoints.a", "checkpoints", ["服务点"]), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not rules", encoding="utf-8")
    files = user_rule_files([tmp_path, tmp_path / "a.toml"])
    assert [Path(name).name for name, _ in files] == ["a.toml", "b.toml"]


def test_ids_may_not_repeat_across_a_users_files(tmp_path):
    for name in ("a.toml", "b.toml"):
        (tmp_path / name).write_text(rule("checkpoints.mine", "checkpoints", ["登记站"]), encoding="utf-8")
    with pytest.raises(RuleError, match="id repeats"):
        load_rules([tmp_path])


@pytest.mark.parametrize(("make", "message"), [
    (lambda d: d / "missing.toml", "no such rule file"),
    (lambda d: d, "no \\*.toml rule files"),
    (lambda d: (d / "gb.toml").write_bytes("# 规则\n".encode("gbk")) and d / "gb.toml", "UTF-8"),
])
def test_bad_rule_paths(tmp_path, make, message):
    with pytest.raises(RuleError, match=message):
        load_rules([make(tmp_path)])


def test_version_reflects_every_file_used(tmp_path):
    mine = tmp_path / "mine.toml"
    mine.write_text(rule("checkpoints.mine", "checkpoints", ["登记站"]), encoding="utf-8")
    first = load_rules([mine]).version
    mine.write_text(rule("checkpoints.mine", "checkpoints", ["服务站"]), encoding="utf-8")
    second = load_rules([mine]).version
    only = load_rules([mine], defaults=False).version
    assert len({load_rules().version, first, second, only}) == 4


def test_load_rules_without_arguments_is_cached():
    assert load_rules() is load_rules()


# ---- the commands ----


def test_extract_adds_a_rule_file(tmp_path):
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    plain = {r["metric"] for r in rows(run("extract", tmp_path / "r.txt").stdout)}
    result = run("extract", tmp_path / "r.txt", "--rules", MASKS)
    assert result.exit_code == 0, result.output
    assert {r["metric"] for r in rows(result.stdout)} == plain | {"masks_distributed"}
    only = run("extract", tmp_path / "r.txt", "--rules", MASKS, "--no-default-rules")
    assert [(r["metric"], r["value"]) for r in rows(only.stdout)] == [("masks_distributed", "3200")]


def test_extract_takes_several_rule_paths(tmp_path):
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "stations.toml").write_text(rule("checkpoints.mine", "checkpoints", ["登记站"]), encoding="utf-8")
    (tmp_path / "r.txt").write_text("设立登记站4个，发放口罩300只。", encoding="utf-8")
    result = run("extract", tmp_path / "r.txt", "--rules", MASKS, "--rules", folder)
    assert {(r["metric"], r["value"]) for r in rows(result.stdout)} == {("checkpoints", "4"),
                                                                       ("masks_distributed", "300")}


def test_no_default_rules_without_rules_is_a_usage_error(tmp_path):
    result = run("extract", tmp_path, "--no-default-rules")
    assert result.exit_code == 2
    assert "--no-default-rules needs" in result.stderr


def test_extract_with_a_broken_rule_file_exits_2_listing_its_problems(tmp_path):
    result = run("extract", tmp_path, "--rules", BROKEN)
    assert result.exit_code == 2 and result.stdout == ""
    assert f"{BROKEN}:4: rule masks_distributed.handed_out: 'units'" in result.stderr


def test_rules_lists_every_rule_as_a_table():
    result = run("rules")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["id", "metric", "units", "triggers", "file"]
    ruleset = load_rules()
    assert [line.split()[0] for line in lines[1:-1]] == [r.id for r in ruleset.rules]
    assert lines[-1] == f"{len(ruleset.rules)} rules for {len(METRICS)} metrics (rules {ruleset.version})"
    assert any(line.split()[:2] == ["checkpoints.set_up", "checkpoints"] and "卡点" in line for line in lines)


def test_rules_counts_one_rule_and_one_metric_in_the_singular(tmp_path):
    pack = tmp_path / "one.toml"
    pack.write_text('[[rule]]\nid = "masks.given"\nmetric = "masks"\nunits = ["count"]\ntriggers = ["口罩"]\n',
                    encoding="utf-8")
    result = run("rules", "--rules", str(pack), "--no-default-rules")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].startswith("1 rule for 1 metric (rules ")


def test_rules_table_cuts_long_trigger_lists():
    lines = run("rules").stdout.splitlines()[1:-1]
    long = [line for line, r in zip(lines, load_rules().rules, strict=True) if len(" ".join(r.words)) > 40]
    assert long and all("…" in line for line in long)


def test_rules_lists_a_users_rules_last_with_their_file():
    result = run("rules", "--rules", MASKS)
    last = result.stdout.splitlines()[-2].split()
    assert last[:3] == ["masks_distributed.handed_out", "masks_distributed", "count"]
    assert last[-1] == str(MASKS)
    assert result.stdout.splitlines()[-1].startswith(f"{len(load_rules().rules) + 1} rules for 29 metrics")


def test_rules_as_json_and_csv_hold_every_trigger():
    listed = json.loads(run("rules", "--format", "json").stdout)
    ruleset = load_rules()
    lexicon = load_lexicon()
    assert [(r["id"], r["metric"], r["triggers"]) for r in listed] == [
        (r.id, r.metric, lexicon.literal(r.words)) for r in ruleset.rules]  # every word, classes spelt out
    assert "卡点" in listed[0]["triggers"] and "@checkpoint_nouns" not in listed[0]["triggers"]
    table = rows(run("rules", "--format", "csv").stdout)
    assert [r["triggers"] for r in table] == [" ".join(lexicon.shown(r.words)) for r in ruleset.rules]
    assert list(table[0]) == ["id", "metric", "units", "triggers", "file"]


def test_rules_check_a_good_file():
    result = run("rules", "check", MASKS)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "note: metric 'masks_distributed' is not in the catalogue: a metric of your own",
        f"{MASKS}: OK, 1 rule",
    ]


def test_rules_check_lists_every_problem_with_file_line_and_rule():
    result = run("rules", "check", BROKEN)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[-1] == f"{len(lines) - 1} problems found"
    where = [line.split(": ")[0] + ": " + line.split(": ")[1] for line in lines[:-1]]
    assert where == [f"{BROKEN}:4: rule masks_distributed.handed_out",
                     f"{BROKEN}:10: rule masks_distributed.bought",
                     f"{BROKEN}:10: rule masks_distributed.bought",
                     *[f"{BROKEN}:16: rule masks_distributed.handed_out"] * 4]
    for needed in ("'units'", "unknown key 'trigger'", "'triggers' is missing", "id repeats", "'Masks'",
                   "nested quantifiers", "'window'"):
        assert any(needed in line for line in lines), needed


def test_rules_check_notes_a_replaced_rule_and_a_likely_misspelt_metric(tmp_path):
    mine = tmp_path / "mine.toml"
    mine.write_text(rule("checkpoints.set_up", "checkpoints", ["值守点"])
                    + rule("volunteer.count", "volunteer", ["志愿者"], "person"), encoding="utf-8")
    result = run("rules", "check", mine)
    assert result.exit_code == 0
    assert f"note: {mine}: rule checkpoints.set_up: replaces the shipped rule of that id (core.toml)" in result.stdout
    assert "metric 'volunteer' is not in the catalogue: a metric of your own; did you mean 'volunteers'?" in (
        result.stdout)


def test_rules_check_several_files_together(tmp_path):
    (tmp_path / "a.toml").write_text(rule("x.one", "x", ["甲"]), encoding="utf-8")
    (tmp_path / "b.toml").write_text(rule("x.one", "x", ["乙"]), encoding="utf-8")
    result = run("rules", "check", tmp_path / "a.toml", tmp_path / "b.toml")
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert first == f"{tmp_path / 'b.toml'}:2: rule x.one: id repeats the one at {tmp_path / 'a.toml'}:2"


def test_rules_check_invalid_toml(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[[rule]]\nid = 'x'\ntriggers = ['a'\n", encoding="utf-8")
    result = run("rules", "check", bad)
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{bad}:")
    assert "not valid TOML" in result.stdout


@pytest.mark.parametrize("args", [["rules", "check"], ["rules", "check", "no/such.toml"],
                                  ["rules", "--format", "xml"], ["rules", "--no-default-rules"]])
def test_rules_usage_errors_exit_2(args):
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_the_library_takes_a_rule_pack():
    import fangkong

    frame = fangkong.extract_text(REPORT, ruleset=load_rules([MASKS]))
    assert "masks_distributed" in set(frame["metric"])
    assert "masks_distributed" not in set(fangkong.extract_text(REPORT)["metric"])
    frame = fangkong.extract_paths(MASKS_REPORT, ruleset=load_rules([MASKS], defaults=False))
    assert list(frame["value"]) == [3200, 400]


def test_rules_check_a_folder(tmp_path):
    (tmp_path / "a.toml").write_text(rule("x.one", "x", ["甲"]), encoding="utf-8")
    (tmp_path / "b.toml").write_text(rule("x.two", "x", ["乙"]) + rule("x.three", "x", ["丙"]), encoding="utf-8")
    result = run("rules", "check", tmp_path)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-2:] == [f"{tmp_path / 'a.toml'}: OK, 1 rule",
                                               f"{tmp_path / 'b.toml'}: OK, 2 rules"]


@pytest.mark.parametrize(("text", "problem"), [
    ("rule = 5\n", "mine.toml:1: 'rule' must be [[rule]] tables"),
    ("rule = ['x']\n", "mine.toml:1: 'rule' must be [[rule]] tables"),
    ("defaults = 3\n", "mine.toml:1: 'defaults' must be a [defaults] table"),
])
def test_rule_files_of_the_wrong_shape_are_problems_not_crashes(tmp_path, text, problem):
    (tmp_path / "mine.toml").write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        parse_rules([("mine.toml", text)], any_metric=True)
    assert str(caught.value) == problem
    result = run("rules", "check", tmp_path / "mine.toml")
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_rules_classes_lists_every_class_with_its_parts(tmp_path):
    runner = CliRunner()
    table = runner.invoke(cli, ["rules", "classes"])
    assert table.exit_code == 0
    assert table.output.splitlines()[0].split() == ["name", "counts", "compounds", "words", "modifiers", "heads"]
    rows = json.loads(runner.invoke(cli, ["rules", "classes", "--format", "json"]).output)
    by_name = {row["name"]: row for row in rows}
    assert set(by_name) == set(load_lexicon().words)
    posts = by_name["checkpoint_nouns"]
    assert posts["counts"] == "posts" and "岗" in posts["heads"] and "值守" in posts["modifiers"]
    assert posts["compounds"] == len(posts["modifiers"]) * len(posts["heads"]) - len(
        set(posts["words"]) & {m + h for m in posts["modifiers"] for h in posts["heads"]})
    pack = tmp_path / "kiosks.toml"
    pack.write_text('[classes.kiosks]\nmeans = "kiosks"\ncounts = "posts"\nheads = ["亭"]\n'
                    'modifiers = ["测温", "值守"]\n', encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(runner.invoke(
        cli, ["rules", "classes", "--rules", str(pack), "--format", "csv"]).output)))
    assert {"name": "kiosks", "counts": "posts", "words": "", "modifiers": "测温 值守", "heads": "亭",
            "compounds": "2", "means": "kiosks"} in rows


def test_rules_classes_with_a_contradicting_pack_is_a_usage_error(tmp_path):
    pack = tmp_path / "spots.toml"
    pack.write_text('[classes.spots]\nmeans = "s"\ncounts = "places"\nheads = ["点"]\nmodifiers = ["景"]\n',
                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["rules", "classes", "--rules", str(pack)])
    assert result.exit_code == 2
    assert "head '点' is listed in classes that count different things" in result.output
