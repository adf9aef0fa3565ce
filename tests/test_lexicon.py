"""Lexicons: the shipped word classes hold together, and lexicon files that do not validate are rejected.

The data tests read the TOML files themselves (not only through `parse_lexicons`), so a class that the
parser would merge or reject still shows up here under the file that holds it.
"""

import tomllib
from importlib import resources

import opencc
import pytest
import regex

from fangkong.numbers.quantities import measure_words
from fangkong.rules.lexicon import INLINE_REFERENCE, REFERENCE, LexiconError, load_lexicon, parse_lexicons
from fangkong.rules.model import DEFAULT_WORD_KEYS, RuleError
from fangkong.rules.reader import parse_rules, rule_files

# Every key of a rule (or of [defaults]) whose words may name a class.
WORD_KEYS = ("triggers", "context", "exclude", "exclude_after", "exclude_before", "exclude_unless", "exclude_heading",
             "unit_words", *DEFAULT_WORD_KEYS)
# Classes that no rule names on purpose (kept for exclusions a rule pack may use). None today: add a class
# here only together with a comment saying why it is shipped unused.
EXCLUSION_ONLY: frozenset[str] = frozenset()
# The measure-word classes that count people or households: no goods are counted in them.
PEOPLE_CLASSES = {"person", "person-times", "household"}
# A literal word holds none of these (the rules escape class words, but a word with them would be a
# pattern someone meant to write in a rule).
METACHARACTERS = regex.compile(r"[.^$*+?{}\[\]\\|()]")
_T2S = opencc.OpenCC("t2s")


def _lexicon_tables() -> list[tuple[str, str, dict]]:
    """(file name, class name, table) for every class table of every shipped lexicon file."""
    folder = resources.files("fangkong.data").joinpath("lexicons")
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            for class_name, table in tomllib.loads(entry.read_text("utf-8")).items():
                found.append((entry.name, class_name, table))
    return found


TABLES = _lexicon_tables()
PARTS = ("words", "heads", "modifiers")


def _listed(table: dict) -> list[str]:
    """Every word a class table lists: whole words, heads and modifiers."""
    return [w for part in PARTS for w in table.get(part, [])]
TABLE_IDS = [f"{name}:{class_name}" for name, class_name, _ in TABLES]
LEXICON = load_lexicon()


def _named_classes() -> set[str]:
    """Every class named as `@class` in any word list of the shipped rule files, or as `{@class}` inside a pattern."""
    named = set()
    for _, text in rule_files():
        data = tomllib.loads(text)
        for table in [data.get("defaults", {}), *data.get("rule", [])]:
            for key in WORD_KEYS:
                named |= {m.group(1) for w in table.get(key, []) if (m := REFERENCE.fullmatch(w))}
                named |= {m.group(1) for w in table.get(key, []) for m in INLINE_REFERENCE.finditer(w)}
    return named


def test_the_shipped_lexicons_load_and_hold_the_files_classes():
    assert set(LEXICON.words) == {class_name for _, class_name, _ in TABLES}
    assert set(LEXICON.means) == set(LEXICON.words)


def test_every_class_is_defined_once_with_what_it_means():
    defined: dict[str, list[str]] = {}
    for name, class_name, table in TABLES:
        if "means" in table:
            defined.setdefault(class_name, []).append(name)
            assert isinstance(table["means"], str) and table["means"].strip(), f"{name} [{class_name}]"
    assert {c: files for c, files in defined.items() if len(files) > 1} == {}
    assert {class_name for _, class_name, _ in TABLES} - set(defined) == set()


@pytest.mark.parametrize(("name", "class_name", "table"), TABLES, ids=TABLE_IDS)
def test_no_word_repeats_in_a_class(name, class_name, table):
    for part in PARTS:
        words = table.get(part, [])
        assert sorted({w for w in words if words.count(w) > 1}) == [], part


def test_no_word_repeats_in_a_class_across_files():
    for class_name in LEXICON.words:
        made = set(LEXICON.compounds(class_name))
        by_file = [set(t.get("words", [])) - made for _, c, t in TABLES if c == class_name]
        whole = [w for w in LEXICON.words[class_name] if w not in set(LEXICON.compounds(class_name))]
        assert sum(map(len, by_file)) == len(whole), class_name


@pytest.mark.parametrize("class_name", sorted(LEXICON.words))
def test_no_whole_word_is_a_compound_of_its_own_class(class_name):
    # a whole word that the class's modifiers and heads already make is listed twice
    whole = {w for _, c, t in TABLES if c == class_name for w in t.get("words", [])}
    assert sorted(whole & set(LEXICON.compounds(class_name))) == []


@pytest.mark.parametrize(
    ("name", "class_name", "table"),
    TABLES,
    ids=TABLE_IDS,
)
def test_every_word_is_in_simplified_script(name, class_name, table):
    # The normalized text is in simplified script; a traditional word would never match.
    assert [w for w in _listed(table) if _T2S.convert(w) != w] == []


@pytest.mark.parametrize(("name", "class_name", "table"), TABLES, ids=TABLE_IDS)
def test_every_word_is_plain_text(name, class_name, table):
    for word in _listed(table):
        assert isinstance(word, str) and word, f"{name} [{class_name}]: {word!r}"
        assert not regex.search(r"\s", word), f"{name} [{class_name}]: {word!r} has a space"
        assert not METACHARACTERS.search(word), f"{name} [{class_name}]: {word!r} has a regex metacharacter"


@pytest.mark.parametrize("class_name", sorted(LEXICON.words))
def test_every_class_is_named_by_a_shipped_rule_or_documented_as_exclusion_only(class_name):
    assert class_name in _named_classes() | EXCLUSION_ONLY


def test_exclusion_only_classes_exist_and_are_not_named():
    assert EXCLUSION_ONLY <= set(LEXICON.words)
    assert not EXCLUSION_ONLY & _named_classes()


def test_rules_name_only_classes_the_lexicons_define():
    assert _named_classes() - set(LEXICON.words) == set()


@pytest.mark.parametrize("word", LEXICON.words["goods_measures"])
def test_goods_measures_are_measure_words_not_of_people(word):
    classes = measure_words().classes
    assert word in classes, f"{word} is not in data/measure_words.toml"
    assert not classes[word] & PEOPLE_CLASSES, f"{word} counts {sorted(classes[word] & PEOPLE_CLASSES)}"


def test_no_goods_word_is_a_place_or_an_organisation():
    goods = set(LEXICON.words["goods"])
    assert goods & set(LEXICON.words["places"]) == set()
    assert goods & set(LEXICON.words["organisations"]) == set()


def test_regional_words_only_extend_classes_defined_elsewhere():
    regional = [(c, t) for name, c, t in TABLES if name == "regional.toml"]
    assert regional, "regional.toml has no classes"
    elsewhere = {c for name, c, t in TABLES if name != "regional.toml" and "means" in t}
    for class_name, table in regional:
        assert "means" not in table, f"regional.toml defines [{class_name}]"
        assert class_name in elsewhere, f"regional.toml extends [{class_name}], which no other file defines"


def test_regional_words_are_in_the_lexicon_after_the_words_of_the_defining_file():
    for name, class_name, table in TABLES:
        if name == "regional.toml":
            whole = [w for w in LEXICON.words[class_name] if w not in set(LEXICON.compounds(class_name))]
            assert whole[-len(table["words"]):] == table["words"]
            assert LEXICON.sources[class_name][-1] == "fangkong/data/lexicons/regional.toml"


# --- validation ---------------------------------------------------------------------------------------

GOOD = '[tools]\nmeans = "things"\nwords = ["锤子", "扳手"]\n'


def _problems(*files: tuple[str, str]) -> list[str]:
    with pytest.raises(LexiconError) as raised:
        parse_lexicons(files)
    return str(raised.value).splitlines()


def test_a_valid_lexicon_parses():
    lexicon = parse_lexicons([("a.toml", GOOD), ("b.toml", '[tools]\nwords = ["钳子"]\n')])
    assert lexicon.words == {"tools": ("锤子", "扳手", "钳子")}
    assert lexicon.means == {"tools": "things"}
    assert lexicon.sources == {"tools": ("a.toml", "b.toml")}
    assert lexicon.expand(["@tools", "锯"]) == ["锤子", "扳手", "钳子", "锯"]


@pytest.mark.parametrize(("files", "problem"), [
    ([("a.toml", '[tools]\nwords = ["锤子"]\n')], "a.toml [tools]: no file defines it with 'means'"),
    ([("a.toml", GOOD), ("b.toml", '[tools]\nmeans = "again"\nwords = ["钳子"]\n')],
     "b.toml [tools]: 'means' given again (the class is defined in a.toml)"),
    ([("a.toml", '[tools]\nmeans = ""\nwords = ["锤子"]\n')], "a.toml [tools]: 'means' must say what the class holds"),
    ([("a.toml", '[tools]\nmeans = "things"\nwords = "锤子"\n')],
     "a.toml [tools]: 'words' must be a non-empty list of non-empty strings"),
    ([("a.toml", '[tools]\nmeans = "things"\nwords = []\n')],
     "a.toml [tools]: 'words' must be a non-empty list of non-empty strings"),
    ([("a.toml", '[tools]\nmeans = "things"\nwords = ["锤子", 3]\n')],
     "a.toml [tools]: 'words' must be a non-empty list of non-empty strings"),
    ([("a.toml", '[tools]\nmeans = "things"\nwords = ["锤子", "扳手", "锤子"]\n')],
     "a.toml [tools]: '锤子' is listed twice"),
    ([("a.toml", GOOD), ("b.toml", '[tools]\nwords = ["扳手"]\n')], "b.toml [tools]: '扳手' is listed twice"),
    ([("a.toml", '[tools]\nmeans = "things"\nwords = [" 锤子"]\n')], "a.toml [tools]: ' 锤子' has spaces around it"),
    ([("a.toml", '[Tools]\nmeans = "things"\nwords = ["锤子"]\n')],
     "a.toml [Tools]: a class is a table named in lower case letters, digits and _"),
    ([("a.toml", '["hand-tools"]\nmeans = "things"\nwords = ["锤子"]\n')],
     "a.toml [hand-tools]: a class is a table named in lower case letters, digits and _"),
    ([("a.toml", 'tools = ["锤子"]\n')],
     "a.toml [tools]: a class is a table named in lower case letters, digits and _"),
    ([("a.toml", GOOD + 'kind = "x"\n')], "a.toml [tools]: unknown key 'kind'"),
])
def test_a_bad_lexicon_is_rejected_naming_file_and_class(files, problem):
    assert problem in _problems(*files)


def test_bad_toml_is_rejected_naming_the_file():
    problems = _problems(("good.toml", GOOD), ("bad.toml", '[tools\nwords = ["锤子"]\n'))
    assert len(problems) == 1
    assert problems[0].startswith("bad.toml: not valid TOML (")


def test_every_problem_is_listed_at_once():
    files = [
        ("a.toml", '[tools]\nmeans = "things"\nwords = ["锤子", "锤子"]\n[Bad]\nmeans = "x"\nwords = ["x"]\n'),
        ("b.toml", '[empty]\nmeans = "nothing"\nwords = []\n[orphan]\nwords = ["孤"]\n'),
        ("c.toml", "[broken\n"),
    ]
    problems = _problems(*files)
    assert len(problems) == 5
    assert "a.toml [tools]: '锤子' is listed twice" in problems
    assert "a.toml [Bad]: a class is a table named in lower case letters, digits and _" in problems
    assert "b.toml [empty]: 'words' must be a non-empty list of non-empty strings" in problems
    assert "b.toml [orphan]: no file defines it with 'means'" in problems
    assert any(p.startswith("c.toml: not valid TOML") for p in problems)


def test_means_again_after_a_class_with_bad_words_is_a_problem():
    problems = _problems(("a.toml", '[tools]\nmeans = "things"\nwords = []\n'),
                         ("b.toml", '[tools]\nmeans = "again"\nwords = ["锤子"]\n'))
    assert "b.toml [tools]: 'means' given again (the class is defined in a.toml)" in problems


def test_a_class_with_bad_words_and_no_means_lists_both_problems():
    problems = _problems(("a.toml", '[tools]\nwords = []\n'))
    assert "a.toml [tools]: no file defines it with 'means'" in problems


# --- rules naming classes ----------------------------------------------------------------------------

def test_a_rule_naming_an_unknown_class_is_a_rule_error_naming_file_rule_and_class():
    text = ('[[rule]]\nid = "volunteers.test"\nmetric = "volunteers"\nunits = ["person"]\n'
            'triggers = ["@helpers"]\nexclude = ["@goods", "@nowhere"]\n')
    with pytest.raises(RuleError) as raised:
        parse_rules([("mine.toml", text)], any_metric=True)
    problems = str(raised.value).splitlines()
    assert len(problems) == 2
    assert problems[0].startswith("mine.toml:2: rule volunteers.test: 'triggers' names @helpers")
    assert problems[1].startswith("mine.toml:2: rule volunteers.test: 'exclude' names @nowhere")


def test_unknown_classes_in_defaults_and_unit_words_are_rule_errors():
    text = ('[defaults]\nexclude = ["@nowhere"]\n\n[[rule]]\nid = "x.y"\nmetric = "x"\nunits = ["count"]\n'
            'unit_words = ["@no_measures"]\ntriggers = ["口罩"]\n')
    with pytest.raises(RuleError) as raised:
        parse_rules([("mine.toml", text)], any_metric=True)
    message = str(raised.value)
    assert "mine.toml:1: [defaults]: 'exclude' names @nowhere" in message
    assert "mine.toml:5: rule x.y: 'unit_words' names @no_measures" in message


def test_a_user_rule_file_may_use_shipped_classes():
    text = ('[[rule]]\nid = "masks.given"\nmetric = "masks_given"\nunits = ["count"]\n'
            'unit_words = ["@goods_measures"]\ntriggers = ["@goods"]\nexclude = ["@purchase_verbs"]\n')
    rule = parse_rules([("mine.toml", text)], any_metric=True).rules[0]
    assert rule.unit_words == frozenset(LEXICON.words["goods_measures"])
    assert rule.words == ("@goods",)
    for word in ("口罩", "八宝粥", "物资包"):  # the last from regional.toml
        assert rule.triggers.fullmatch(word)
    assert rule.exclude.search("采购") and not rule.exclude.search("捐赠")


# --- compounds: heads and modifiers -------------------------------------------------------------------

@pytest.mark.parametrize(("class_name", "word"), [
    # made-up compounds no list names: a checking function + a kind of post
    ("checkpoint_nouns", "值守岗"),      # inside 联防值守岗
    ("checkpoint_nouns", "疫情管控哨"),
    ("checkpoint_nouns", "查验站"),
    ("cadres", "执勤人员"),
    ("cadres", "综治人员"),
    ("volunteers", "志愿服务人员"),
    ("vehicles", "外地车辆"),
    ("publicity_vehicles", "广播车辆"),
    ("work_group_nouns", "消杀小组"),
    ("party_branch_nouns", "战时党小组"),
    ("wechat_group_nouns", "楼栋群"),
    ("printed_matter", "防疫知识手册"),
    ("banner_nouns", "警示牌"),
    ("handout_verbs", "派送"),
    ("donation_verbs", "筹集"),
])
def test_a_class_holds_the_compounds_of_its_modifiers_and_heads(class_name, word):
    assert word in LEXICON.words[class_name]


@pytest.mark.parametrize(("class_name", "word"), [
    ("cadres", "返乡人员"),     # 返乡 is no modifier of a cadre: a screened person
    ("cadres", "乡人员"),       # and no one-character modifier makes one inside it
    ("checkpoint_nouns", "岗"),  # a bound head alone is no word
    ("checkpoint_nouns", "服务站"),
    ("goods", "消杀服"),         # 服 is no head: 消杀服务 is a service
    ("handout_verbs", "发达"),
    ("screening_verbs", "排排"),  # a doubled morpheme is only a seam: 安排排查
    ("purchase_verbs", "买买"),
])
def test_a_class_does_not_hold_what_its_parts_do_not_make(class_name, word):
    assert word not in LEXICON.words[class_name]


def test_every_shipped_noun_class_with_heads_says_what_it_counts():
    # verbs and grammar's markers (增加 + 到, 由 + 最初的) compose too but count nothing; a noun class must say what
    # it counts for the contradiction check
    for class_name, heads in LEXICON.heads.items():
        if not class_name.endswith(("_verbs", "_markers")):
            assert heads and class_name in LEXICON.counts, class_name


def test_shown_lists_whole_words_then_modifiers_and_heads():
    lexicon = parse_lexicons([("a.toml", '[posts]\nmeans = "posts"\ncounts = "posts"\nwords = ["卡点"]\n'
                                         'heads = ["岗", "哨"]\nmodifiers = ["值守", "查验"]\n')])
    assert lexicon.words["posts"] == ("卡点", "值守岗", "值守哨", "查验岗", "查验哨")
    assert lexicon.shown(["@posts", "x"]) == ["@posts(卡点; 值守|查验 + 岗|哨)", "x"]


@pytest.mark.parametrize(("text", "problem"), [
    ('[posts]\nmeans = "posts"\nheads = ["岗"]\n',
     "a.toml [posts]: 'heads' and 'modifiers' go together (a compound is a modifier and a head)"),
    ('[posts]\nmeans = "posts"\nheads = []\nmodifiers = ["值守"]\n',
     "a.toml [posts]: 'heads' must be a non-empty list of non-empty strings"),
    ('[posts]\nmeans = "posts"\ncounts = "Posts!"\nwords = ["卡点"]\n',
     "a.toml [posts]: 'counts' must name what the heads count, in lower case letters"),
    ('[posts]\nmeans = "posts"\ncounts = "posts"\nheads = ["点"]\nmodifiers = ["检查"]\n'
     '[spots]\nmeans = "places"\ncounts = "places"\nheads = ["点"]\nmodifiers = ["景"]\n',
     "a.toml: head '点' is listed in classes that count different things: [posts] (posts, a.toml), "
     "[spots] (places, a.toml)"),
])
def test_bad_heads_and_modifiers_are_rejected(text, problem):
    assert problem in _problems(("a.toml", text))


def test_verb_classes_may_share_morphemes_and_nouns_counting_one_thing_may_share_heads():
    lexicon = parse_lexicons([("a.toml", '[give]\nmeans = "g"\nheads = ["送"]\nmodifiers = ["赠"]\n'
                                         '[hand]\nmeans = "h"\nheads = ["送"]\nmodifiers = ["派"]\n'
                                         '[a]\nmeans = "a"\ncounts = "people"\nheads = ["人员"]\n'
                                         'modifiers = ["执法"]\n[b]\nmeans = "b"\ncounts = "people"\n'
                                         'heads = ["人员"]\nmodifiers = ["志愿"]\n')])
    assert lexicon.words["give"] == ("赠送",) and lexicon.words["b"] == ("志愿人员",)
