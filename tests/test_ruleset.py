"""Rules: rule files are validated (every problem listed at once, naming file and rule) and the shipped data holds."""

import tomllib
from importlib import resources

import pytest

from fangkong.numbers.quantities import measure_words
from fangkong.rules.lexicon import load_lexicon
from fangkong.rules.model import METRICS, UNIT_CLASSES, RuleError
from fangkong.rules.reader import load_rules, parse_rules, rule_files

GOOD_RULE = """
[[rule]]
id = "volunteers.test"
metric = "volunteers"
units = ["person"]
triggers = ["志愿者"]
"""


def _rule(rule_id: str | None = "volunteers.test", **fields) -> str:
    """One [[rule]] table: a valid rule with `fields` replaced (a value of None leaves the key out)."""
    entry = {"id": rule_id, "metric": "volunteers", "units": ["person"], "triggers": ["志愿者"], **fields}
    lines = ["[[rule]]"]
    for key, value in entry.items():
        if value is None:
            continue
        if isinstance(value, bool):
            lines.append(f"{key} = {'true' if value else 'false'}")
        elif isinstance(value, int):
            lines.append(f"{key} = {value}")
        elif isinstance(value, list):
            lines.append(f"{key} = [{', '.join(_quote(v) for v in value)}]")
        else:
            lines.append(f"{key} = {_quote(value)}")
    return "\n".join(lines) + "\n"


def _quote(value: str) -> str:
    return "'" + value + "'"  # a TOML literal string: backslashes stay as written


def _problems(files: list[tuple[str, str]]) -> list[str]:
    with pytest.raises(RuleError) as caught:
        parse_rules(files)
    return str(caught.value).splitlines()


def test_a_good_rule_parses():
    ruleset = parse_rules([("good.toml", GOOD_RULE)])
    [rule] = ruleset.rules
    assert (rule.id, rule.metric, rule.units, rule.source) == ("volunteers.test", "volunteers", {"person"}, "good.toml")
    assert rule.triggers.search("招募志愿者")
    assert rule.side == "either"


def test_defaults_window_applies():
    ruleset = parse_rules([("good.toml", "[defaults]\nwindow = 5\n" + GOOD_RULE)])
    assert ruleset.rules[0].window == 5


# (the rule's fields that are wrong, words the one problem it causes must contain)
BAD_RULES = [
    ({"metric": "no_such_metric"}, ["metric", "no_such_metric", "catalogue"]),
    ({"units": ["people"]}, ["'units'"]),
    ({"units": []}, ["'units'"]),
    ({"units": "person"}, ["'units'"]),
    ({"unit_words": ["坨"]}, ["'unit_words'", "坨"]),
    ({"triggers": ["志愿(者"]}, ["'triggers'", "志愿(者", "not a valid pattern"]),
    ({"triggers": ["(志愿+)+者"]}, ["'triggers'", "nested quantifiers"]),
    ({"triggers": ["(a*)*"]}, ["nested quantifiers"]),
    ({"triggers": ["(?:党员干部+)+"]}, ["nested quantifiers"]),
    ({"triggers": ["(\\w+\\s?)+"]}, ["nested quantifiers"]),
    ({"triggers": ["(a{2,})+"]}, ["nested quantifiers"]),
    ({"triggers": [""]}, ["'triggers'", "non-empty"]),
    ({"context": ["[捐赠"]}, ["'context'", "not a valid pattern"]),
    ({"exclude": ["(计划+)*"]}, ["'exclude'", "nested quantifiers"]),
    ({"exclude_after": ["("]}, ["'exclude_after'"]),
    ({"trigger": ["志愿者"]}, ["unknown key 'trigger'"]),
    ({"side": "left"}, ["'side'"]),
    ({"window": 0}, ["'window'"]),
    ({"window": 500}, ["'window'"]),
    ({"scope": "page"}, ["'scope'"]),
    ({"context_scope": "document"}, ["'context_scope'"]),
    ({"priority": True}, ["'priority'"]),
    ({"shared": "yes"}, ["'shared'"]),
    ({"kinds": "yes"}, ["'kinds'", "true or false"]),
    ({"kinds": True, "shared": True}, ["'kinds'", "noun triggers"]),
    ({"givers": "yes"}, ["'givers'", "true or false"]),
]


@pytest.mark.parametrize(("fields", "words"), BAD_RULES)
def test_bad_rule(fields, words):
    problems = _problems([("rules/bad.toml", _rule("volunteers.bad", **fields))])
    assert len(problems) == 1, problems
    assert problems[0].startswith("rules/bad.toml:2: rule volunteers.bad:")
    for word in words:
        assert word in problems[0]


# Patterns that are fine: a quantified group with nothing quantified inside, quantifiers side by side
GOOD_PATTERNS = [
    "(ab)+", "a+b+", "(?:党员)+", "(?:咨询|防控)服务站", "(?<!主动)要求", "[(+]+", "(a\\+)+", "志愿者{1,2}",
    "[]+]+(ab)+", "(a)+(b+)", "(?:甲+)乙(?:丙)+", "\\(\\d+\\)+",
]


@pytest.mark.parametrize("pattern", GOOD_PATTERNS)
def test_good_pattern(pattern):
    ruleset = parse_rules([("good.toml", _rule(triggers=[pattern]))])
    assert len(ruleset.rules) == 1


NESTED_DEEPER = ["((a+))+", "(?:(?:志愿)+)+", "(?:甲|(乙+))*", "((?:[0-9]+)元)+", "(?:a(?:b(?:c+)))+"]


@pytest.mark.parametrize("pattern", NESTED_DEEPER)
def test_nested_quantifier_inside_inner_group(pattern):
    problems = _problems([("bad.toml", _rule(triggers=[pattern]))])
    assert any("nested quantifiers" in p for p in problems)


def test_empty_triggers_is_a_problem():
    problems = _problems([("bad.toml", _rule(triggers=[]))])
    assert any("triggers" in p for p in problems)


def test_participants_act_is_a_flag_of_actions_only():
    assert parse_rules([("good.toml", _rule(shared=True, participants_act=True))]).rules[0].participants_act
    assert not parse_rules([("good.toml", GOOD_RULE)]).rules[0].participants_act
    text = _rule(participants_act=True) + _rule("volunteers.other", participants_act="yes")
    problems = _problems([("bad.toml", text)])
    assert "needs 'shared = true'" in problems[0]
    assert "'participants_act' must be true or false" in problems[1]


def test_missing_triggers():
    problems = _problems([("rules/bad.toml", _rule(triggers=None))])
    assert "rules/bad.toml:2: rule volunteers.test: 'triggers' is missing" in problems
    assert all(p.startswith("rules/bad.toml:2: rule volunteers.test:") for p in problems)


def test_missing_id_names_the_rule_by_position():
    text = GOOD_RULE + _rule(None)
    problems = _problems([("rules/x.toml", text)])
    assert problems == ["rules/x.toml:7: rule #2: 'id' is missing"]  # the line of its [[rule]]


def test_duplicate_id_names_both_files():
    problems = _problems([("a.toml", GOOD_RULE), ("b.toml", GOOD_RULE)])
    assert len(problems) == 1
    assert problems[0].startswith("b.toml:3: rule volunteers.test:")
    assert "a.toml" in problems[0]


def test_every_problem_is_listed_at_once():
    text = "\n".join([
        "[defaults]",
        "exclude = ['(']",
        _rule("a.unknown_metric", metric="no_such_metric"),
        _rule(None),
        _rule("b.bad_units", units=["people"]),
        _rule("c.bad_regex", triggers=["志愿(者"]),
        _rule("d.nested", triggers=["(a+)+"]),
        _rule("e.unknown_key", trigger=["x"]),
        _rule("a.unknown_metric"),
    ])
    other = _rule("f.other_file", side="around")
    problems = _problems([("rules/bad.toml", text), ("rules/other.toml", other)])
    expected = [
        ("rules/bad.toml:1: [defaults]", "'exclude'"),
        ("rules/bad.toml:4: rule a.unknown_metric", "catalogue"),
        ("rules/bad.toml:9: rule #2", "'id' is missing"),
        ("rules/bad.toml:15: rule b.bad_units", "'units'"),
        ("rules/bad.toml:21: rule c.bad_regex", "not a valid pattern"),
        ("rules/bad.toml:27: rule d.nested", "nested quantifiers"),
        ("rules/bad.toml:33: rule e.unknown_key", "unknown key 'trigger'"),
        ("rules/bad.toml:40: rule a.unknown_metric", "id repeats"),
        ("rules/other.toml:2: rule f.other_file", "'side'"),
    ]
    assert len(problems) == len(expected), problems
    for line, (where, what) in zip(problems, expected, strict=True):
        assert line.startswith(where + ":"), line
        assert what in line, line


def test_invalid_toml_names_the_file_and_other_files_are_still_checked():
    problems = _problems([("broken.toml", "[[rule]\nid = "), ("bad.toml", _rule(metric="nope"))])
    assert problems[0].startswith("broken.toml:1: not valid TOML")
    assert problems[1].startswith("bad.toml:2: rule volunteers.test:")


def test_rule_error_is_a_value_error():
    assert issubclass(RuleError, ValueError)


# ---- the shipped data ----


def _shipped_rule_tables() -> list[tuple[str, dict]]:
    return [(name, entry) for name, text in rule_files() for entry in tomllib.loads(text).get("rule", [])]


def _measure_word_classes() -> dict[str, list[str]]:
    text = resources.files("fangkong.data").joinpath("measure_words.toml").read_text("utf-8")
    return tomllib.loads(text)["classes"]


def test_shipped_rules_load():
    ruleset = load_rules()
    assert len(ruleset.rules) == len(_shipped_rule_tables())
    assert ruleset.exclude is not None


@pytest.mark.parametrize("metric", METRICS)
def test_every_metric_has_a_rule(metric):
    assert any(rule.metric == metric for rule in load_rules().rules)


def test_catalogue_has_28_metrics():
    assert len(METRICS) == 28
    assert len(set(METRICS)) == 28


def test_unit_classes_match_measure_words():
    assert set(UNIT_CLASSES) == set(_measure_word_classes())


@pytest.mark.parametrize(("name", "entry"), _shipped_rule_tables(),
                         ids=lambda v: v.get("id") if isinstance(v, dict) else v)
def test_shipped_rule_data(name, entry):
    classes = _measure_word_classes()
    assert set(entry["units"]) <= set(classes)
    assert set(load_lexicon().literal(entry.get("unit_words", []))) <= set(measure_words().classes)
    assert entry["id"].startswith(entry["metric"] + ".")
    for key in ("triggers", "context", "exclude", "exclude_after"):
        words = entry.get(key, [])
        repeated = sorted({w for w in words if words.count(w) > 1})
        assert not repeated, f"{name} {entry['id']}: {key} repeats {repeated}"


def test_measure_words_have_no_repeats_within_a_class():
    for unit_class, words in _measure_word_classes().items():
        assert len(words) == len(set(words)), unit_class


def test_measure_words_in_two_classes_are_the_deliberate_ones():
    # A word may belong to two classes where the scorer's table (METRICS.md) puts it in one and the
    # catch-all "count" takes it too: 块 (3块钱 money, 4块展板 count), 辆 and 期; and 批次, which the scorer's table
    # leaves to "count" (物资60余批次) and rounds of work count as times, and 条次, items (推送信息200余条次) or
    # times they were played (播发音频4.3万余条次). Nothing else.
    shared = {w for w, found in measure_words().classes.items() if len(found) > 1}
    assert shared == {"块", "辆", "期", "批次", "条次"}
    for word in shared:
        assert "count" in measure_words().classes[word]


def test_measure_word_tables_name_known_words():
    text = resources.files("fangkong.data").joinpath("measure_words.toml").read_text("utf-8")
    raw = tomllib.loads(text)
    known = set(measure_words().classes)
    assert set(raw["factors"]) <= known
    assert set(raw["not_before"]) <= known
