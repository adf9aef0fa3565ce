"""Segment: page chrome dropped; title, date and source found; sections, sentences and clauses.

Works on the normalized text and returns spans into it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import regex

from fangkong.text.normalize import ITEM_MARKER

# Sentence ends: full stop, ! ? and line breaks. Clause ends add commas, semicolons and colons.
_SENTENCE_END = regex.compile(r"[。!?！？\n]+|\.(?!\d)")
_CLAUSE_END = regex.compile(
    r"""
    [,，](?!(?<=\d[,，])\d{3}(?!\d))   # a comma, but not a thousands separator (4,562)
        (?:(?<![(（][^()（）\n]{0,24}[,，])|(?![^()（）\n]{0,24}[)）]))   # nor one inside brackets (NaClO, 有效氯…)
  | [;；]
  | [:：](?!\s*(?:\d|[一二两三四五六七八九十百千万]+(?![是要、.．])))   # a colon, but not one that labels a count
                                            # (志愿者：120人, 张贴海报：三十张; 一是, 一要 open items)
  | \s{2,}
  | (?<=\d\p{Han}{1,3}|[)）])[ \t](?=\p{Han})   # one space after a count or a bracket, before words: a comma
                                            # (测量体温2000余人 劝返人数559人)
  | ……
  | (?<=(?:^|\n)[ \t\u3000]*【[^】\n\d０-９]{1,12})】(?=[^\n])   # a label of words in 【】 opening a line and
                                            # followed on it (【排查隔离】当日新增排查外地返同人员38人): a clause of
                                            # its own (not a figure so shown: 【2468人】参与志愿服务)
    """,
    regex.VERBOSE,
)

_DATE = regex.compile(r"(?<!\d)(20\d\d|19\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")
_SOURCE = regex.compile(r"来源\s*[:：]\s*([^\s|】\]\d]{2,30})")
# Headings that number a section: 一、 (一) 1、 一是 第一
_ENUMERATED = regex.compile(r"^\s*" + ITEM_MARKER, regex.VERBOSE)
_HEADING_MAX = 30
_TITLE_MAX = 60
_ENDS_SENTENCE = regex.compile(r"[。!?！？]$")
_HAS_HAN = regex.compile(r"\p{Han}")
_SENTENCE_STOP = regex.compile(r"[。!?！？]")
_HEADING_STOP = regex.compile(r"[。:：,，;；]")
# A short line that runs clauses of counts together (发放资料3000余份；悬挂横幅350条) is body text that
# lost its 。, not a heading; a heading of two phrases (众志成城，共抗疫情) holds no figure.
_CLAUSES_OF_COUNTS = regex.compile(r"\d.*[,，;；]|[,，;；].*\d")


@dataclass(frozen=True)
class Sentence:
    """A sentence of body text: its span in the normalized text and the heading above it."""

    start: int
    end: int
    section: str | None
    clauses: tuple[tuple[int, int], ...] = field(default=())
    paragraph: tuple[int, int] = (0, 0)  # the line (paragraph) it stands in
    heading: tuple[int, int] | None = None  # the span of `section` in the text
    # the spans of the headings above its section's, outermost first (六、下周工作重点 above 1.完成剩余51家企业复工评估)
    outer: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Segmented:
    """A report's header fields and the sentences of its body (chrome left out)."""

    title: str | None
    published: str | None
    source: str | None
    sentences: list[Sentence]


class _Chrome(NamedTuple):
    """chrome.toml's lists, each compiled as one alternation."""

    line: regex.Pattern  # chrome on a line with no full sentence
    always: regex.Pattern  # chrome whatever the line holds
    counts: regex.Pattern  # a line that counts something is the report's
    related: regex.Pattern  # a heading of related reports, as a whole line
    comments: regex.Pattern  # a heading of readers' comments, as a whole line
    headings: regex.Pattern  # any word of those headings: a text without one (most) needs no walk over its lines


@lru_cache(maxsize=1)
def _chrome_patterns() -> _Chrome:
    """chrome.toml's `line`, `always`, `counts`, `related` and `comments` lists, compiled once."""
    data = tomllib.loads(resources.files("fangkong.data").joinpath("chrome.toml").read_text("utf-8"))

    def alternation(words: list[str]) -> str:
        return "|".join(f"(?:{p})" for p in words)

    def heading(words: list[str], named: bool = False) -> regex.Pattern:
        # (in brackets too: 【相关新闻】, [推荐阅读]; with `named`, after a short name of its own: 疫情防控专栏)
        name = r"\p{Han}{0,8}?" if named else ""
        return regex.compile(r"\s*[-•·]?\s*[【\[〖「]?\s*" + name + "(?:" + alternation(words)
                             + r")\s*[】\]〗」]?\s*[:：]?\s*")

    return _Chrome(*(regex.compile(alternation(data[key])) for key in ("line", "always", "counts")),
                   heading(data["related"], named=True), heading(data["comments"]),
                   regex.compile(alternation(data["related"] + data["comments"])))


def _related_links(text: str, lines: list[tuple[int, int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    """`lines` (start, end, line, chrome) of `text` with the links under a heading of related reports (相关阅读,
    推荐阅读) marked chrome: every line after the heading that is no prose, up to the first line of prose. Those are
    other reports' headlines, whatever they count (李家镇发放宣传单3000份). Under a heading of readers' comments
    (网友评论) after the report's prose has begun, every line to the end is a reader's (我捐款500元支持)."""
    chrome_patterns = _chrome_patterns()
    if chrome_patterns.headings.search(text) is None:
        return lines
    related, comments = chrome_patterns.related, chrome_patterns.comments
    out, under, rest, prose = [], False, False, False
    for start, end, line, chrome in lines:
        if rest or (prose and comments.fullmatch(line)):
            rest = chrome = True
        elif related.fullmatch(line):
            under = chrome = True
        elif not chrome:
            if _is_prose(line):
                under, prose = False, True
            elif under:
                chrome = True
        out.append((start, end, line, chrome))
    return out


_CLAUSE_BREAK = regex.compile(r"[，,；;]")


def is_chrome(line: str) -> bool:
    """True where a line (normalized) is navigation, share bars, footers and the like."""
    stripped = line.strip()
    if not stripped:
        return True
    if len(stripped) > 300:  # chrome is short; a long line is prose (and would be slow to scan)
        return False
    patterns = _chrome_patterns()
    # a line of clauses is prose that lost its 。(…微信公众号上发布…101篇(条)，图片92张；…), not a share bar; a
    # line that counts something is a report's line (• 设置卡点15个)
    if ("。" not in stripped and len(_CLAUSE_BREAK.findall(stripped)) < 2 and patterns.line.search(stripped)
            and not patterns.counts.search(stripped)):
        return True
    # (a footer's word after sentences of prose ends a report's line, it does not make the line a footer:
    # ……2683名居民完成第一剂接种。请大家积极报名！报名电话：0734-8356212)
    # (nor does one in an aside of a sentence: 须提前报镇疫情防控办（电话：0797-4561234）同意。)
    found = patterns.always.search(stripped) if len(stripped) < 200 else None
    return (found is not None and not _SENTENCE_STOP.search(stripped, 0, found.start())
            and not _in_an_aside(stripped, found.start()))


def _in_an_aside(line: str, at: int) -> bool:
    """True where `at` stands inside brackets that open before it on the line and close after it."""
    opened = max(line.rfind("（", 0, at), line.rfind("(", 0, at))
    if opened < 0 or max(line.rfind("）", opened, at), line.rfind(")", opened, at)) >= 0:
        return False
    return line.find("）", at) >= 0 or line.find(")", at) >= 0


def _is_heading(line: str) -> bool:
    stripped = line.strip()
    return (
        4 <= len(stripped) <= _HEADING_MAX  # shorter lines are bylines and labels
        and not _ENDS_SENTENCE.search(stripped)
        and not _DATE.search(stripped)
        and not _CLAUSES_OF_COUNTS.search(stripped)
        and bool(_HAS_HAN.search(stripped))
    )


def _iso(match: regex.Match) -> str | None:
    year, month, day = (int(g) for g in match.groups())
    if 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _header(lines: list[tuple[int, int, str, bool]]) -> tuple[str | None, str | None, str | None]:
    """Title, published date and source from the first lines of a report."""
    published = source = title = None
    date_line = None
    for index, (_, _, line, _) in enumerate(lines[:25]):
        if published is None and (match := _DATE.search(line)):
            published = _iso(match)
            if published:
                date_line = index
        if source is None and (match := _SOURCE.search(line)):
            source = match.group(1)
    # a headline stands above the body; a short line after the first paragraph of prose is a section heading
    body = next((i for i, (_, _, line, chrome) in enumerate(lines) if not chrome and _is_prose(line)), len(lines))
    candidates = [
        (i, line.strip())
        for i, (_, _, line, chrome) in enumerate(lines[:min(25, body)])
        if not chrome and 6 <= len(line.strip()) <= _TITLE_MAX and "。" not in line and not _DATE.search(line)
        and not _ENUMERATED.match(line)
    ]
    if date_line is not None:
        before = [c for c in candidates if c[0] < date_line]
        if before:
            title = before[-1][1]
    if title is None and candidates and candidates[0][0] <= 3:
        title = candidates[0][1]
    return title, published, source


def _is_prose(line: str) -> bool:
    """True where a line is a paragraph of body text: Chinese that ends a sentence, or is longer than a headline."""
    stripped = line.strip()
    return bool(_HAS_HAN.search(stripped)) and (len(stripped) > _TITLE_MAX or bool(_SENTENCE_STOP.search(stripped)))


def _clauses(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    spans = []
    cursor = start
    for match in _CLAUSE_END.finditer(text, start, end):
        if match.start() > cursor:
            spans.append((cursor, match.start()))
        cursor = match.end()
    if cursor < end:
        spans.append((cursor, end))
    return tuple(spans)


def _sentence(start: int, end: int, section: str | None, clauses: tuple[tuple[int, int], ...],
              paragraph: tuple[int, int], heading: tuple[int, int] | None,
              outer: tuple[tuple[int, int], ...] = ()) -> Sentence:
    """`Sentence(start, end, section, clauses, paragraph, heading, outer)` without the frozen dataclass's __init__
    (an object.__setattr__ per field): the same object, built several times faster; one is built per sentence of
    every report."""
    sentence = object.__new__(Sentence)
    sentence.__dict__.update(start=start, end=end, section=section, clauses=clauses, paragraph=paragraph,
                             heading=heading, outer=outer)
    return sentence


# The rank of a numbered heading by its marker: 一、 above （一） above 1、 (a heading of no number ranks above all)
# (一是, 二是 match neither and open points inside a section, as deep as 1、: 四、下一步打算 stays above
# 一是再招募志愿者50名)
_RANKS = ((regex.compile(r"\s*[一二三四五六七八九十]{1,3}\s*[、.]"), 1),
          (regex.compile(r"\s*[(（][一二三四五六七八九十\d]{1,3}[)）]"), 2))
_ARABIC_RANK = 3


def _rank(line: str, enumerated: bool) -> int:
    """How deep a heading line stands: 0 for a heading of no number, 1 for 一、, 2 for （一）, 3 for 1、 and 一是."""
    if not enumerated:
        return 0
    return next((rank for pattern, rank in _RANKS if pattern.match(line)), _ARABIC_RANK)


_LEAD_ENDS = ("：", ":")


def segment(text: str) -> Segmented:
    """Normalized report text → header fields and body sentences with their clauses and sections."""
    lines = []
    start = 0
    for line in text.split("\n"):  # each line with its span
        end = start + len(line)
        lines.append((start, end, line, is_chrome(line)))
        start = end + 1
    lines = _related_links(text, lines)
    title, published, source = _header(lines)
    sentences: list[Sentence] = []
    section: str | None = None
    heading: tuple[int, int] | None = None
    outer: tuple[tuple[int, int], ...] = ()
    above: list[tuple[int, tuple[int, int]]] = []  # the headings still open, each with its rank, outermost first
    list_lead: int | None = None  # where the line that leads the list being read starts (……公示如下：)
    for start, end, line, chrome in lines:
        if chrome:
            continue
        stripped = line.strip()
        enumerated = _ENUMERATED.match(stripped) is not None
        if enumerated or stripped != title and _is_heading(stripped):
            section = _HEADING_STOP.split(stripped)[0].strip()[:_HEADING_MAX] if enumerated else stripped
            lead = start + len(line) - len(line.lstrip())
            heading = (lead, lead + len(section))
            rank = _rank(stripped, enumerated)
            while above and above[-1][0] >= rank:
                above.pop()
            outer = tuple(span for _, span in above)
            above.append((rank, heading))
        cursor = start
        # the numbered items of a list led by a line ending in a colon are of that line's paragraph: what the lead says
        # (现将接收的捐赠情况公示如下：) holds for each item (3. 某公司：试剂1万人份，价值12万元)
        paragraph = (list_lead, end) if enumerated and list_lead is not None else (start, end)
        if not enumerated and stripped:
            list_lead = start if stripped.endswith(_LEAD_ENDS) else None
        for match in _SENTENCE_END.finditer(text, start, end):
            if match.start() > cursor:
                sentences.append(_sentence(cursor, match.start(), section, _clauses(text, cursor, match.start()),
                                           paragraph, heading, outer))
            cursor = match.end()
        if cursor < end:
            sentences.append(_sentence(cursor, end, section, _clauses(text, cursor, end), paragraph, heading, outer))
    return Segmented(title, published, source, sentences)


# A line led by a label and a colon (杨柳村：卡点数3个…, 约谈提醒：12人), after an index number if any (1，桃源社区：…)
# (or, in a row of a text table as the table reader writes it, its cells before the colon: 第一督查组，城关镇、东坝乡：
# 检查卡点14个, where the column's words and a number follow the colon)
_LABEL_WORDS = r"[^\s：:，,。;；\d]"  # what a label's cell, or a column's words, may hold
_LINE_LABEL = regex.compile(rf"[ \t]*(?:\d{{1,3}}[，,、.．\s]+)?(?:(?P<label>{_LABEL_WORDS}{{1,12}})[：:]"
                            rf"|(?P<label>{_LABEL_WORDS}{{1,12}}(?:[，,]{_LABEL_WORDS}{{1,12}}){{1,2}})[：:]"
                            rf"(?={_LABEL_WORDS}{{0,8}}[\d—-]))")


def line_label(text: str, position: int) -> str:
    """The label that leads the line `position` stands in (杨柳村 in 杨柳村：卡点数3个), or "" where the line opens
    with no label and colon, or the colon stands after `position`."""
    start = text.rfind("\n", 0, position) + 1
    match = _LINE_LABEL.match(text, start, position)
    return match["label"] if match else ""

