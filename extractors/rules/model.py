"""The compiled rule: Rule, RuleSet and the patterns they hold, the catalogue's metrics and unit
classes, and the errors and warnings of rules. Plain data, no reading and no matching."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, TypeVar

import regex

if TYPE_CHECKING:
    pass

# The metric of a quantity no rule claims (rows of --include-other).


# The metric of a quantity no rule claims (rows of --include-other).
OTHER = "other"
METRICS = (
    "checkpoints", "volunteers", "donations_money", "donations_goods", "leaflets",
    "banners_posters", "loudspeakers", "broadcasts", "publicity_vehicles", "media_posts",
    "wechat_groups", "households_screened", "people_screened", "vehicles_checked",
    "persuaded_back", "quarantined", "disinfection_area", "garbage_removed", "party_members",
    "cadres", "temporary_party_branches", "party_posts", "work_groups",
    "supervision_inspections", "accountability", "tests_performed", "vaccinations",
    "enterprises_resumed",
)
UNIT_CLASSES = ("person", "person-times", "household", "vehicle", "vehicle-times", "times", "money",
                "area", "mass", "volume", "length", "organisation", "count")
SIDES = ("before", "after", "either")
SCOPES = ("clause", "sentence", "paragraph")
MATCH_TIMEOUT = 1.0  # seconds any one rule pattern may take on one clause
# A user's rule file may name a metric of its own (masks_distributed): any such identifier.
USER_METRIC = regex.compile(r"[a-z][a-z0-9_]*")
class RuleTimeout(UserWarning):
    """A rule pattern that ran out of time on a text; it counted as no match there."""


def _timed_out(pattern: regex.Pattern) -> None:
    warnings.warn(RuleTimeout(f"a rule pattern ran out of time ({MATCH_TIMEOUT:g} s) and counted as no match: "
                              f"{pattern.pattern[:60]!r}"), stacklevel=3)


class RuleError(ValueError):
    """Rule files that do not validate; the message lists every problem, one a line."""


@dataclass(frozen=True)
class Rule:
    """One compiled rule."""

    id: str
    metric: str
    units: frozenset[str]
    unit_words: frozenset[str]
    triggers: regex.Pattern
    side: str
    window: int
    scope: str
    context: regex.Pattern | None
    context_scope: str
    exclude: regex.Pattern | None
    exclude_after: regex.Pattern | None
    priority: int  # higher wins over nearer: actions (劝返, 问责) over the nouns they govern
    shared: bool  # triggers are actions that govern every number of a list, not nouns owned by one
    source: str  # the file it came from
    lists: bool = False  # a trigger before a list's first item governs every later item too
    exclude_before: regex.Pattern | None = None  # words that veto where they end right at the number
    exclude_scope: str = "clause"  # or "sentence", "paragraph": where `exclude` words veto
    exclude_unless: regex.Pattern | None = None  # words after the number that lift the `exclude` veto
    words: tuple[str, ...] = ()  # the triggers as written in the file, for listings
    # its noun triggers name kinds of things (大米, 矿泉水): two equal counts naming different kinds are two facts
    kinds: bool = False
    # the words before its trigger in the clause name who gave (张三捐款500元): equal sums from two givers are two facts
    givers: bool = False
    # an authority opening the clause as the one that gives (街道为企业送去口罩2万只) hands out, it gives nothing,
    # unless a word of giving itself (捐, 赠, 免费) says so
    authority_handouts: bool = False
    # its action is done by people: a count of people, then a verb of taking part (参与, 参加, 报名) before its trigger,
    # counts those who do it, not those it is done to (260名导游参与社区值守、疫情排查)
    participants_act: bool = False
    # words that veto the rule where they stand in the heading of the number's section (三、款物使用情况: gifts spent)
    exclude_heading: regex.Pattern | None = None


@dataclass(frozen=True)
class Match:
    """A rule that claims a quantity, and the trigger that made it fire."""

    rule: Rule
    trigger_start: int
    trigger_end: int
    distance: int
    # a line of a list under a lead line (张三：500元): the trigger spans the line's name, which names the giver
    named: bool = False


@dataclass(frozen=True)
class RuleSet:
    """All rules, with the defaults that veto any of them."""

    rules: tuple[Rule, ...]
    exclude: regex.Pattern | None
    # Words that end the noun phrase after a number (54个社区均已开展微信群宣传): a noun trigger beyond them
    # names something else.
    phrase_breaks: regex.Pattern | None = None
    # A digest of every rule file's name and text: a cache made with other rules is stale.
    version: str = ""
    # Words that veto any rule where they follow the number directly (2名疑似病例: a case count).
    exclude_after: regex.Pattern | None = None
    # Place nouns: a number whose measure word they follow counts places (5个行政村纷纷成立突击队),
    # not the noun trigger farther on or before it.
    places: regex.Pattern | None = None
    # Nouns of where a gift went, right after a count after a verb of sending (送到镇里7个卡点, 送往3家医院): places,
    # posts and bodies; that count is no gift of its own.
    destinations: regex.Pattern | None = None
    # Settlements and areas (村, 社区, 街道): a clause naming one and its number alone, after a claimed number of the
    # same measure word, counts the same thing there (东岗村组织志愿者32名，西岗村28名).
    settlements: regex.Pattern | None = None
    # Topic scope: a clause or sentence that names another campaign (脱贫攻坚, 春耕, 换届) and no word of
    # the epidemic holds no fact, whatever its verbs.
    off_topic: regex.Pattern | None = None
    on_topic: regex.Pattern | None = None
    # The heads of a body's name (支队, 办公室, 指挥部): another campaign's word right before one names the body
    # (禁毒支队, 扶贫办), no topic of the stretch.
    body_heads: regex.Pattern | None = None
    # People counted as themselves (30名居民): a noun trigger in a phrase they head is not what is counted.
    subjects: regex.Pattern | None = None
    # Function words (的, 在, 和 …): no noun of a counted thing begins with one.
    function_words: regex.Pattern | None = None
    # Verbs of joining (报名, 加入, 组成): people counted as themselves become what follows them.
    joining_verbs: regex.Pattern | None = None
    # Verbs of becoming (成为, 担任, 当): an action that opens with one says what the people counted before it are
    # now, whatever their noun (62名干部职工报名成为志愿者).
    becoming_verbs: regex.Pattern | None = None
    # Every modifier of the lexicon's noun compounds (值守, 服务, 志愿 …; not a verb's morpheme, 捐 of 捐赠): a noun
    # followed by them is itself a modifier.
    modifiers: frozenset[str] = frozenset()
    # Every word of a noun class (one that says what it counts) and every noun trigger: a noun right after a
    # measure word names what the number counts, even where a 的-phrase follows it (18个检测点位的物资).
    nouns: regex.Pattern | None = None
    # Verbs of carrying out (进行, 实施, 均已): a clause they open acts on the number that ends the clause before.
    carrying_verbs: regex.Pattern | None = None
    # Words of totalling (共有, 共计, 达到): a number they lead with nothing after its measure word counts the
    # noun named before it in the sentence (像这样的交通卡口，全镇一共有473个).
    totalling_words: regex.Pattern | None = None
    # Labels of a count (人数, 总数): a clause that names one counts what the label's modifier says.
    count_labels: regex.Pattern | None = None
    # Words of a count changing (增加到, 降至): the count after one counts what the count before it counts.
    change_markers: regex.Pattern | None = None
    # Words that give a count's starting value (由最初的, 从原来的): no distance between a noun and its number.
    start_markers: regex.Pattern | None = None
    # Words that open a comparison (较上周, 同比): a count in a clause one opens is how much another count changed.
    comparison_markers: regex.Pattern | None = None
    # Nouns of people who act (party members, cadres, volunteers, medical staff): a verb after a count of them is what
    # they did (1200余名党员干部巡查劝导), no count of those it was done to.
    agent_nouns: regex.Pattern | None = None
    # Words of a rate (人均, 日均): a count in a clause one opens is a rate of another count, not a count of its own.
    rate_markers: regex.Pattern | None = None
    # Words that make a mention another one (也, 又, 再次): a count after one repeats no equal count before it.
    additive_markers: regex.Pattern | None = None
    # Prepositions of a recipient (给, 向): the words after a count end at one (防护服200件给医院 counts no hospitals).
    recipient_markers: regex.Pattern | None = None
    # The authorities (镇里, 街道, 村两委): supplies they hand out are no gift (see Rule.authority_handouts) …
    authorities: regex.Pattern | None = None
    # … unless a word of giving itself (捐, 赠, 无偿, 免费) stands before the number in its clause.
    gift_words: regex.Pattern | None = None
    # Words that join a verb to the next (并, 然后): an exception word after one lifts the veto before it.
    then_markers: regex.Pattern | None = None
    # Bare nouns that label a list item by what it counts (人员, 车辆): an action heading the list governs the item.
    item_labels: regex.Pattern | None = None
    # Heads of nouns no rule counts (平台, 中心): a noun trigger right before one is its modifier.
    other_heads: regex.Pattern | None = None
    # Groups (队伍, 小组): a count of people right after one counts its members, whom no action before governs.
    group_nouns: regex.Pattern | None = None
    # Members (队员, 成员): a count of them that opens its clause counts the group named in the clause before.
    member_nouns: regex.Pattern | None = None
    # Ranks a metric counts (党员, 干部): members named by one in a 由 … 组成 frame are counted by it, not by the group.
    role_nouns: regex.Pattern | None = None
    # Per-unit sizes (每组, 每个检测点配备): the first number after one in its clause is a norm, not a count.
    per_unit: regex.Pattern | None = None
    # Verbs of sending people (出动, 抽调): the people counted right after one are the agents of what follows.
    deploying_verbs: regex.Pattern | None = None
    # Markers of parts (其中, 包括): numbers after one, in the unit of the claimed total before it, are its parts.
    part_markers: regex.Pattern | None = None
    # Prepositions and verbs of an object (对, 为, 带领): a noun before them is no noun of the number after them.
    object_markers: regex.Pattern | None = None
    # Words that lead up to a number (达, 的有): a count of people after one, ending its clause, counts the people
    # named at the head of the clause, across the verb phrase between (党员干部下沉社区达500余人).
    lead_up_words: regex.Pattern | None = None
    # Words of a clause that only says how many (目前已达, 总数已达): a number after a clause of them alone counts
    # the noun named in the clause before (……志愿服务队伍，目前已发展到326人).
    comment_words: regex.Pattern | None = None
    # Words that close a headless relative clause (的有, 的是): a number after such a clause alone counts the noun
    # named in the clause before, those of it the clause picks out (三是居民志愿者，报名的有2600多人).
    relative_counts: regex.Pattern | None = None
    # What is still to come, for the whole sentence after it (下一步, 今后): a number after one in its sentence is a
    # plan.
    plans_ahead: regex.Pattern | None = None
    # Words that say what is done by now (已, 目前, 截至): a plan before one in its sentence no longer holds after it.
    done_markers: regex.Pattern | None = None
    # Negations (未, 没有): one right after a count of people or households, or after the noun phrase of people it
    # counts, vetoes it (31人未纳入台账, 2名值守人员未在岗), unless a 的 soon follows it (a modifier of the noun).
    negations: regex.Pattern | None = None
    # Verbs that open an item after a comma with an action of its own (发现, 出动, 设立): the item takes no claim from
    # a parallel item before it (劝返人员3200余人，发现体温异常人员9人: the 9 were found, not turned back).
    item_verbs: regex.Pattern | None = None
    # Words of kinds (两种): sums listed up to one name price tiers (50元、100元两种规格), no sums given.
    kind_markers: regex.Pattern | None = None
    # Prepositions of those served (给, 为): one leading a noun of people between a count of people and an action after
    # it says the counted do the action (两名村民正在给过往群众测体温).
    serving_markers: regex.Pattern | None = None
    # Words that map the items listed before them onto the numbers listed after them, in order (分别为): each number
    # counts what its item names (设立卡点和劝返点分别为12个、5个).
    respectively_markers: regex.Pattern | None = None
    # Copulas (为, 是): right after a rule's own noun, one of them before the number is no preposition the rule's
    # exclude_before keeps out (设置检查点为37个: 37 checkpoints).
    copulas: regex.Pattern | None = None
    # Prepositions of what undergoes an action (对, 给, 向): people counted after one are counted by the action after
    # them, not as their noun (对1200名机关干部进行核酸检测: tests, not cadres).
    patient_markers: regex.Pattern | None = None
    # Phrases of coming back (从武汉回来, 自外地返乡): people counted, then one of these ending their clause, are what
    # a verb of carrying out opening the next clause acts on (有9人从中高风险地区回来，按要求居家隔离).
    arrival_phrases: regex.Pattern | None = None
    # Words of undergoing (被, 接受): people counted before one are what the action after it was done to
    # (5名干部被问责); without one, the noun right after the measure word names who act (1100余名志愿者参与卡点值守).
    undergoing_markers: regex.Pattern | None = None
    # Words of praise (表彰, 评为): people counted before one in their clause are the honoured, not a force at work
    # (3名同志获市级表彰, 对表现突出的43名党员干部进行通报表扬).
    honours: regex.Pattern | None = None
    # Words of a subset (中有, 已): a count of a whole followed by one of some of it (37家企业已复工34家) is no fact.
    subset_markers: regex.Pattern | None = None
    # Nouns of things in general (物资, 用品): they name no kind, so an equal count they name may repeat one that does.
    general_nouns: regex.Pattern | None = None
    # Words that point back (该, 这, 他): a giver named by one may be any giver named before.
    anaphora: regex.Pattern | None = None
    # Prepositions of a recipient or a purpose (向, 为): the giver named before a verb of giving ends at one.
    giver_ends: regex.Pattern | None = None
    # Verbs of receiving or raising (收到, 募集): the words before one name a recipient, so no giver is told.
    receiving_verbs: regex.Pattern | None = None
    # Adverbs of each (均, 都, 全部) and verbs of setting up (设立, 配备): places counted, then one of them and one of
    # these, then a noun trigger, count as many of the noun (5个路口均设立检查站: 5 posts).
    each_markers: regex.Pattern | None = None
    # The whole of a place or body (全镇, 村里): a count of people opening a clause with one, and a part of it after the
    # clause's comma, is how many there are (全镇1400余名党员中，有870名主动请战: the 870 count).
    whole_scopes: regex.Pattern | None = None
    setting_up_verbs: regex.Pattern | None = None
    # Verbs of keeping watch (值守, 执勤, 坚守): posts counted after 在 where people keep watch there are counted
    # (志愿者在3个村口卡点值守).
    duty_verbs: regex.Pattern | None = None
    # Ways in (路口, 出入口): counted, then a verb of setting up, they each set one up without a word of each.
    entrances: regex.Pattern | None = None
    # Measure words of things that count people where a noun of people follows (个), and those nouns: 20个返乡村民
    # counts people, as 20名 would.
    people_measures: regex.Pattern | None = None
    people_nouns: regex.Pattern | None = None
    # Words of purpose, or of buying, right after the number (捐款5000元用于购买防疫物资, 捐资2万元购买消毒液): what
    # follows is what the amount was for, so no exclude word after the number vetoes it.
    purposes: regex.Pattern | None = None


_DEFAULT_FLAGS = regex.compile("").flags


class LazyPattern:
    """A regular expression compiled when first searched: `pattern` and `flags` are known at once.

    A rule's words are found by the one-pass matcher, which needs only the pattern's text; the regex is
    searched only without the matcher or for its few real regexes. Compiling the large alternations of the
    lexicon's compounds up front cost more than half of loading the rules.
    """

    __slots__ = ("pattern", "_compiled")
    flags = _DEFAULT_FLAGS

    def __init__(self, pattern: str):
        self.pattern = pattern
        self._compiled: regex.Pattern | None = None

    def __getattr__(self, name: str):
        if name.startswith("__") or name in ("pattern", "_compiled"):  # pickling asks before __init__ ran
            raise AttributeError(name)
        if self._compiled is None:
            self._compiled = regex.compile(self.pattern)
        return getattr(self._compiled, name)

    def __getstate__(self) -> str:
        return self.pattern

    def __setstate__(self, pattern: str) -> None:
        self.pattern = pattern
        self._compiled = None

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern[:40]!r})"


_Derived = TypeVar("_Derived")
# How many rule sets a cache of what is derived from one keeps (a run uses one; tests and rule packs a few).
PER_RULESET = 8


def per_ruleset(cache: dict[int, tuple[RuleSet, _Derived]], ruleset: RuleSet,
                make: Callable[[RuleSet], _Derived]) -> _Derived:
    """What `make(ruleset)` gives, made on first use and kept in `cache` for the last PER_RULESET rule sets: keyed by
    identity (a rule set holds compiled patterns) and checked against the rule set kept, as an id may be reused."""
    cached = cache.get(id(ruleset))
    if cached is not None and cached[0] is ruleset:
        return cached[1]
    made = make(ruleset)
    if len(cache) >= PER_RULESET:
        cache.pop(next(iter(cache)))
    cache[id(ruleset)] = (ruleset, made)
    return made


# The word lists of a rule file's [defaults], each the RuleSet field of that name (merged across files): every
# field but the rules, the digest and what the lexicon gives (modifiers, nouns), so a new key is one new field.
DEFAULT_WORD_KEYS = tuple(field.name for field in fields(RuleSet)
                          if field.name not in ("rules", "version", "modifiers", "nouns"))


def _words_pattern(words: list[str]) -> LazyPattern | None:
    if not words:
        return None
    return LazyPattern("|".join(f"(?:{w})" for w in sorted(words, key=len, reverse=True)))


def syntax_chars(pattern: str) -> Iterator[tuple[int, str]]:
    """(index, character) of each character of a regular expression outside escapes and character classes.

    An escape (`\\x`) or a class (`[…]`) yields nothing; a class that never closes yields its `[`, and a
    backslash at the very end yields itself, so that callers see the pattern as unbalanced.
    """
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            if i + 1 >= len(pattern):
                yield i, char
            i += 2
            continue
        if char == "[":
            end = _class_end(pattern, i)
            if end > len(pattern):
                yield i, char
            i = end
            continue
        yield i, char
        i += 1


def _class_end(pattern: str, start: int) -> int:
    """The index just past the character class that opens at `start`."""
    i = start + 1
    i += pattern.startswith("^", i)
    i += pattern.startswith("]", i)  # a ] first in the class is a literal
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1
