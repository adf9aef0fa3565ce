"""The one-pass matcher finds what the regexes find: pattern by pattern, and fact for fact on every corpus.

`extract_loaded(..., one_pass=False)` is the path before the matcher (every rule searches the windows around
every number); the default looks the words up in one scan of the text. Both must give the same facts.
"""

from pathlib import Path
from unittest import mock

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fangkong.numbers.quantities import measure_words
from fangkong.rules import words as matcher_module
from fangkong.rules.model import LazyPattern, _words_pattern
from fangkong.rules.reader import load_rules, merge_rules
from fangkong.rules.words import (
    Matcher,
    alternatives,
    expansions,
    literal,
    matcher_for,
    plan,
    required_literal,
    required_words,
    ruleset_patterns,
    scan,
    scan_compound,
)
from fangkong.run.pipeline import extract_loaded, find_reports
from fangkong.text.load import LoadError, load_bytes, load_text

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = [
    SHARED / "corpus" / "reports",
    SHARED / "corpus" / "unlabeled",
    ROOT / "fixtures" / "reports",
    ROOT / "fixtures" / "hostile",
    ROOT / "fixtures" / "encodings",
]
RULEPACK = ROOT / "fixtures" / "rulepack"
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --- taking patterns apart -----------------------------------------------------------------------

@pytest.mark.parametrize(("pattern", "expected"), [
    ("(?:志愿者)|(?:志愿)", ["志愿者", "志愿"]),
    ("(?:(?:a)|(?:b))|(?:(?:c))", ["a", "b", "c"]),  # merge_rules' nesting, flattened in order
    ("(?:(?<!主动)要求)|(?:若(?!干))", ["(?<!主动)要求", "若(?!干)"]),
    ("(?:(?:发放|分发)口罩)", ["(?:发放|分发)口罩"]),  # a group followed by more is no alternation of its own
    ("(?:a)(?:b)", ["(?:a)(?:b)"]),
    ("(?:[|)]x)|(?:\\|)", ["[|)]x", "\\|"]),  # | and ) in a class or escaped split nothing
    ("(?:a", None),
    ("a)", None),
])
def test_alternatives_in_the_order_the_regex_tries_them(pattern, expected):
    assert alternatives(pattern) == expected


@pytest.mark.parametrize(("alternative", "expected"), [
    ("志愿者", "志愿者"), (regex.escape("a.b 中·-"), "a.b 中·-"), ("\\(", "("),
    ("a.b", None), ("\\d", None), ("(?<!主动)要求", None), ("口罩+", None), ("\\", None), ("", None),
])
def test_literal_words_and_real_regexes(alternative, expected):
    assert literal(alternative) == expected


@pytest.mark.parametrize(("alternative", "expected"), [
    ("志愿者", ["志愿者"]),
    ("(?:发放|分发|派发|发)口罩", ["发放口罩", "分发口罩", "派发口罩", "发口罩"]),
    ("(?:志|志愿)(?:者|)", ["志者", "志", "志愿者", "志愿"]),  # the order backtracking tries them in
    ("a(?:\\.|-)b", ["a.b", "a-b"]),
    ("(?:|a)", None), ("(?:a|b)+", None), ("(?:a|(?:b))", None), ("(?:a|b)?c", None), ("a?(?:b)", None),
    ("(?:[ab])", None), ("(?<!主动)要求", None), ("(?:a\\|b)", None), ("(?:a", None),
])
def test_alternatives_of_literal_groups_expand_to_words(alternative, expected):
    assert expansions(alternative) == expected


def test_a_pattern_with_flags_groups_or_backreferences_is_left_to_the_regex():
    assert plan(regex.compile("(?:(a)\\1)|(?:b)")) is None
    assert plan(regex.compile("(?:(?i)a)|(?:b)")) is None
    assert plan(regex.compile("(?:a)|(?:b)", regex.IGNORECASE)) is None
    assert plan(regex.compile("(?:a(?#note))|(?:b)")) is None
    mixed = plan(regex.compile("(?:志愿者)|(?:(?<!主动)要求)|(?:若(?!干))"))
    assert mixed.words == (("志愿者", 0),)
    assert not mixed.literal_only and mixed.rest.search("若干要求") is not None


def test_every_pattern_of_the_shipped_rules_is_planned():
    ruleset = load_rules()
    patterns = ruleset_patterns(ruleset)
    matcher = matcher_for(ruleset)
    assert matcher_for(ruleset) is matcher  # compiled once per rule set
    assert len(patterns) > 50
    assert all(matcher.plan_of(pattern) is not None for pattern in patterns)
    assert matcher.plan_of(regex.compile("志愿者")) is None  # not one of its patterns: the caller uses the regex


# --- pattern by pattern: hits answer as the regex does ---------------------------------------------

ALPHABET = "志愿者要求"  # few characters, so that words overlap and share starts
WORDS = st.text(alphabet=ALPHABET, min_size=1, max_size=4)
REAL_REGEXES = ["(?<!主动)要求", "若(?!干)", "志愿.者"]
# These expand to words; in the last two a shorter choice first makes the regex stop short (志 in 志愿者).
GROUPED = ["(?:发放|发)口罩", "要(?:求|)", "(?:志|志愿)(?:者|)", "(?:要|志)(?:愿者|愿|求)"]


def _regex_spans(pattern: regex.Pattern, text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text, start, end, overlapped=True)]


def _text_of(data, words: list[str]) -> str:
    """A text made of the words themselves and loose characters (主动, 若干, 要求, 志愿人 for the real regexes)."""
    loose = list(ALPHABET) + ["主动", "若干", "若", "发口罩", "发放口罩", "发放", "要求", "志愿者", "志愿人"]
    pieces = st.one_of(st.sampled_from(words), st.sampled_from(loose)) if words else st.sampled_from(loose)
    return "".join(data.draw(st.lists(pieces, max_size=12)))


@SETTINGS
@given(st.lists(WORDS, min_size=0, max_size=8), st.lists(st.sampled_from(REAL_REGEXES), max_size=2),
       st.lists(st.sampled_from(GROUPED), max_size=2), st.data())
def test_hits_answer_search_and_spans_as_the_regex(words, regexes, grouped, data):
    if not words + regexes + grouped:
        return
    pattern = _words_pattern([regex.escape(w) for w in words] + regexes + grouped)
    text = _text_of(data, words + [word for group in grouped for word in expansions(group)])
    start, end = data.draw(st.integers(0, len(text) + 2)), data.draw(st.integers(0, len(text) + 2))
    with mock.patch.object(matcher_module, "CHUNK", data.draw(st.sampled_from([1, 2, 3, 7, matcher_module.CHUNK]))):
        hits = Matcher([pattern]).scan(text)  # words across the seams of small chunks are found once
    assert hits.search(pattern, start, end) == (end > start and pattern.search(text, start, end) is not None)
    # where a real regex may match in the window, its matches are merged with the words' by order: as the regex
    assert hits.spans(pattern, start, end) == _regex_spans(pattern, text, start, end)


@pytest.mark.parametrize(("words", "text", "expected"), [
    (["(?:志愿|志)(?:者|)"], "志愿者", [(0, 3)]),  # the first choices that fit
    (["(?:志|志愿)(?:者|)"], "志愿者", [(0, 1)]),  # 志 first, then the empty choice: the regex stops there
    (["(?:要|志)(?:愿者|愿|求)", "要求"], "志愿者要求", [(0, 3), (3, 5)]),
    (["志愿", "志愿者"], "志愿者", [(0, 3)]),  # longest first, as _words_pattern sorts them
])
def test_spans_of_grouped_words_are_the_regexs(words, text, expected):
    pattern = _words_pattern(words)
    assert _regex_spans(pattern, text, 0, len(text)) == expected
    assert Matcher([pattern]).scan(text).spans(pattern, 0, len(text)) == expected
    assert Matcher([pattern]).scan(text).spans(pattern, 0, 2) == _regex_spans(pattern, text, 0, 2)


@SETTINGS
@given(st.lists(WORDS, min_size=1, max_size=5), st.lists(WORDS, min_size=1, max_size=5), st.data())
def test_hits_of_merged_patterns_answer_as_the_regex(first, second, data):
    merged = regex.compile(f"(?:{_words_pattern(first).pattern})|(?:{_words_pattern(second).pattern})")
    text = _text_of(data, first + second)
    start, end = data.draw(st.integers(0, len(text) + 2)), data.draw(st.integers(0, len(text) + 2))
    hits = Matcher([merged, _words_pattern(first)]).scan(text)
    assert hits.spans(merged, start, end) == _regex_spans(merged, text, start, end)
    assert hits.search(merged, start, end) == (end > start and merged.search(text, start, end) is not None)


# --- fact for fact ---------------------------------------------------------------------------------

def _loaded(folder: Path):
    for report in find_reports([folder]):
        try:
            yield report.doc, load_bytes(report.path.read_bytes())
        except LoadError:
            continue


def _same_facts(folder: Path, ruleset) -> int:
    compared = 0
    for doc, loaded in _loaded(folder):
        for include_other in (False, True):
            before = extract_loaded(loaded, doc, include_other=include_other, ruleset=ruleset, one_pass=False)
            after = extract_loaded(loaded, doc, include_other=include_other, ruleset=ruleset)
            assert after == before, doc
            compared += len(before)
    return compared


@pytest.mark.parametrize("folder", CORPORA, ids=lambda p: p.relative_to(p.parent.parent).as_posix())
def test_the_same_facts_with_and_without_the_matcher(folder):
    if not folder.is_dir():
        pytest.skip(f"{folder} is not there")
    assert _same_facts(folder, load_rules()) > 0


def test_the_same_facts_with_a_users_rule_pack_of_real_regexes():
    ruleset = load_rules(RULEPACK / "masks.toml")
    masks = next(rule for rule in ruleset.rules if rule.metric == "masks_distributed")
    words = [word for word, _ in plan(masks.triggers).words]
    assert words == ["发放口罩", "分发口罩", "派发口罩", "发口罩", "口罩发放"]
    assert not plan(ruleset.exclude).literal_only  # (?<!主动)要求 is still searched as a regex
    assert _same_facts(RULEPACK / "reports", ruleset) > 0
    merged = merge_rules(load_rules(), load_rules(RULEPACK / "masks.toml", defaults=False))
    assert _same_facts(ROOT / "fixtures" / "reports", merged) > 0


@pytest.mark.parametrize("text", ["爱心企业免费提供盒饭300份。", "免费发放口罩500个，免费公厕3座。",
                                  "对78座免费公厕消毒。捐款5000元。"])
def test_a_rule_whose_triggers_hold_a_real_regex_is_skipped_only_where_neither_its_words_nor_it_match(text):
    # 免费(?=发|提供|…) is a trigger of the donation rules: a regex, searched where no literal trigger is near
    loaded = load_text(text)
    ruleset = load_rules()
    assert extract_loaded(loaded, "-", include_other=True, ruleset=ruleset) == extract_loaded(
        loaded, "-", include_other=True, ruleset=ruleset, one_pass=False)


def _rule_words() -> list[str]:
    return sorted(set(matcher_for(load_rules()).words))


PIECES = st.one_of(
    st.sampled_from(_rule_words()),
    st.sampled_from(sorted(measure_words().classes)),
    st.sampled_from(["12", "3.5", "1,200", "五十", "两百", "三四", "约", "余", "多", "以上", "近", "共", "未", "不",
                     "免费", "提供"]),
    st.sampled_from(["，", "。", "、", "；", "：", "\n", "和", "及", "（", "）"]),
)


@SETTINGS
@given(st.lists(PIECES, max_size=40))
def test_random_texts_of_rule_words_numbers_and_measure_words_give_the_same_facts(pieces):
    loaded = load_text("".join(pieces))
    ruleset = load_rules()
    for include_other in (False, True):
        assert extract_loaded(loaded, "-", include_other=include_other, ruleset=ruleset) == extract_loaded(
            loaded, "-", include_other=include_other, ruleset=ruleset, one_pass=False)


@pytest.mark.parametrize(("parts", "text"), [
    (["志愿者", "志愿.者", "志"], "志愿人者志愿者"),  # a word before the real regex: it wins where both start
    (["志愿.者", "志愿"], "志愿人者志愿者"),  # the real regex first: it wins where it matches, else the word
    (["(?<=分成[0-9]个)群", "群众", "群"], "分成3个群群众"),  # a lookbehind reads before the window
    (["若(?!干)", "若干", "若"], "若干若"),
])
def test_spans_with_an_open_gate_merge_words_and_real_regexes_by_order(parts, text):
    pattern = regex.compile("|".join(f"(?:{part})" for part in parts))
    hits = Matcher([pattern]).scan(text)
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 2):
            assert hits.spans(pattern, start, end) == _regex_spans(pattern, text, start, end), (start, end)


def test_the_lexicons_nouns_are_looked_up_without_compiling_their_whole_pattern():
    ruleset = load_rules()
    text = "组建志愿者服务队3支，设立出入口检查点5个，建了2个群。"
    nouns = LazyPattern(ruleset.nouns.pattern)  # a fresh one: compiled the first time a regex method is asked
    spans = Matcher([nouns]).scan(text).spans(nouns, 0, len(text))  # 志愿, 出入口 and 群 open its real regexes' gates
    assert nouns._compiled is None  # compiling its 59,000 characters took half a second of every run's start
    assert spans == _regex_spans(regex.compile(nouns.pattern), text, 0, len(text))


def test_a_compound_is_scanned_once_and_answers_as_its_scan():
    ruleset = load_rules()
    triggers = next(rule.triggers for rule in ruleset.rules if rule.metric == "volunteers")
    kept = scan_compound(ruleset, "党员志愿者")
    assert scan_compound(ruleset, "党员志愿者") is kept  # the same compounds recur in every report
    assert kept.spans(triggers, 0, 5) == scan(ruleset, "党员志愿者").spans(triggers, 0, 5) == [(0, 4), (2, 5)]
    assert scan_compound(ruleset, "出动人员").spans(triggers, 0, 4) == []


def test_scan_finds_overlapping_words_once_per_text():
    ruleset = load_rules()
    text = "全镇设立卡点12个，党员志愿者50余人。"
    hits = scan(ruleset, text)
    triggers = next(rule.triggers for rule in ruleset.rules if rule.metric == "volunteers")
    assert hits.spans(triggers, 0, len(text)) == _regex_spans(triggers, text, 0, len(text))
    assert hits.spans(triggers, 0, len(text))  # 志愿者 is found


@SETTINGS
@given(st.lists(PIECES, max_size=40), st.integers(0, 80), st.integers(0, 8), st.integers(0, 40), st.booleans())
def test_near_keeps_every_rule_that_idle_would_not_skip(pieces, start, length, after, in_list):
    # Hits.near answers for all the rules of a number at once what Hits.idle answers rule by rule
    text = "".join(pieces)
    ruleset = load_rules()
    hits = scan(ruleset, text)
    rules = [(order, rule, rule.window + 8, rule.window + after) for order, rule in enumerate(ruleset.rules)]
    expected = [(order, rule) for order, rule, before, later in rules
                if (in_list and rule.lists) or not hits.idle(rule, start - before, start + length + later)]
    assert hits.near(rules, start, start + length, in_list) == expected
    assert len(expected) < len(rules) or not text  # some rule is idle, so the test can fail


@pytest.mark.parametrize(("alternative", "expected"), [
    ("(?<!主动)要求", "要求"),  # a lookaround is no part of the match
    ("(?<![模虚])拟(?!\\p{Han}{1,3}人员)", "拟"),
    ("(?<!\\d)(?:19\\d\\d|20(?:0\\d|1[0-8]))年", "年"),  # a group may match anything: the run after it holds
    ("每(?:个|台)\\p{Han}{0,6}?(?:配备|安排)", "每"),
    ("居家隔离?", "居家隔"),  # a character repeated or optional is no part of the run
    ("劝导[^,，]{0,10}?(?:戴|佩戴)", "劝导"),
    ("(?:较|比)\\p{Han}{0,6}(?:减少|增加)了?$", None),  # nothing plain that every match holds
    ("志愿|者", None),  # a bar at the top makes every run optional
    ("\\d+人", "人"),
])
def test_the_words_every_match_of_a_real_regex_holds(alternative, expected):
    assert required_literal(alternative) == expected
    if expected:  # and every match holds them
        for text in ("要求拟年每个配备居家隔劝导戴人", "2019年每台车安排", "8人", "劝导群众戴口罩"):
            assert all(expected in m.group() for m in regex.finditer(alternative, text))


@pytest.mark.parametrize(("alternative", "expected"), [
    ("(?<!主动)要求", ("要求",)),  # the plain run first, where there is one
    ("(?<!(?:排查|摸排)[^,，]{0,8})(?:常住人口|户籍人口)", ("常住人口", "户籍人口")),  # else a group of words
    ("(?<=[人名])\\p{Han}{0,2}(?:小组|工作组)", ("小组", "工作组")),
    ("(?<!免费)(?:发放|配送)(?!\\p{Han}{0,10}捐赠)", ("发放", "配送")),
    ("\\p{Han}(?:小组|工作组)?", None),  # an optional group: a match may hold none of its words
    ("\\p{Han}(?:小组|工作组)*", None),  # nor a repeated one
    ("\\p{Han}(?=(?:小组|工作组))", None),  # a group inside a lookaround is no part of the match
    ("\\p{Han}(?:小组|\\d组)", None),  # a group of more than plain words
    ("(?:较|比)\\p{Han}{0,6}(?:减少|增加)了?$", ("较", "比")),  # the first group of words
])
def test_the_words_one_of_which_every_match_of_a_real_regex_holds(alternative, expected):
    assert required_words(alternative) == expected
    if expected:  # and every match holds one of them
        for text in ("要求常住人口排查户籍人口", "志愿者5人小组3名工作组", "免费发放口罩配送物资", "较去年减少了"):
            assert all(any(word in m.group() for word in expected) for m in regex.finditer(alternative, text))


def test_patterns_written_alike_share_one_plan():
    """Rules that write the same pattern (an exclude_after of @places …) share its plan: a word found is kept once."""
    ruleset = load_rules()
    matcher = matcher_for(ruleset)
    patterns = ruleset_patterns(ruleset)
    assert len(matcher.plans) < len(patterns)
    plans_of: dict[tuple[str, int], set[int | None]] = {}
    for pattern in patterns:
        plans_of.setdefault((pattern.pattern, pattern.flags), set()).add(matcher.plan_of(pattern))
    assert all(len(plans) == 1 for plans in plans_of.values())
    assert any(len([p for p in patterns if (p.pattern, p.flags) == source]) > 1 for source in plans_of)
