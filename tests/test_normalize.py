"""Normalize: glosses out, traditional → simplified, full-width → half-width, spaces in numbers closed.

Every case also checks the map back to the original: each character of the normalized text must
stand for one original character that normalizes to it, and a span maps to the original words.
"""

import pytest

import fangkong
from fangkong.text.normalize import normalize, remove_glosses, to_simplified
from fangkong.text.textmap import MappedText


def _norm(text: str) -> MappedText:
    return normalize(MappedText.identity(text))


def _char_normalized(char: str) -> str:
    """One original character as the normalizer should write it (full-width folded, simplified)."""
    code = ord(char)
    if 0xFF01 <= code <= 0xFF5E:
        char = chr(code - 0xFEE0)
    elif char in "\u3000\xa0":
        char = " "
    return to_simplified(char)


def _assert_maps_back(original: str, mapped: MappedText) -> None:
    for index, char in enumerate(mapped.text):
        start, end = mapped.original_span(index, index + 1)
        assert 0 <= start < end <= len(original)
        source = original[start:end]
        assert len(source) == 1, (char, source)
        assert _char_normalized(source) == char, (index, char, source)
    # characters keep their order: the map is monotone
    starts = [mapped.original_span(i, i + 1)[0] for i in range(len(mapped.text))]
    assert starts == sorted(starts)


# (original, normalized text)
CASES = [
    # pinyin glosses after characters (a common scrape artefact)
    ("全镇網(wǎng)格員12名", "全镇网格员12名"),
    ("每個(gè)村设卡点", "每个村设卡点"),
    ("检查點(diǎn)12个", "检查点12个"),
    ("三個（gè）卡點", "三个卡点"),
    ("鎮（zhèn）政府", "镇政府"),
    ("醫(yī)护人員（rén）", "医护人员"),
    ("總？cè）", "总?"),  # garbled: the opening bracket lost after a replaced character
    # brackets that are not glosses stay
    ("发放口罩(N95)200只", "发放口罩(N95)200只"),
    ("（一）强化宣传", "(一)强化宣传"),
    ("成立小组(组长负责)", "成立小组(组长负责)"),
    ("中国(zhōngguó)", "中国(zhōngguó)"),  # longer than one syllable: not a gloss of one character
    ("(yī)医", "(yī)医"),  # nothing before it to gloss
    # traditional → simplified
    ("發放宣傳資料3000餘份", "发放宣传资料3000余份"),
    ("志願者們堅守崗位", "志愿者们坚守岗位"),
    ("設立檢查站5處", "设立检查站5处"),
    ("乾淨整潔", "干净整洁"),
    # full-width → half-width
    ("１２３名志願者", "123名志愿者"),
    ("设立卡点１２个，发放传单５００份；", "设立卡点12个,发放传单500份;"),
    ("ＩＣＰ备案", "ICP备案"),
    ("（３）张贴海报", "(3)张贴海报"),
    ("疫情防控\u3000工作", "疫情防控 工作"),
    # spaces between a number and Han characters closed
    ("沿302 国道设卡", "沿302国道设卡"),
    ("组织党员50 余人", "组织党员50余人"),
    ("悬挂标语 54条", "悬挂标语54条"),
    ("有 12\t个卡点", "有12个卡点"),
    ("防疫\u300012 人", "防疫12人"),
    # spaces elsewhere kept
    ("COVID 19", "COVID 19"),
    ("共30余人 参与", "共30余人 参与"),
    ("3 000人", "3 000人"),
    # a number set off by brackets of emphasis inside a sentence meets its measure word
    ("查验车辆【4.8万】辆次", "查验车辆4.8万辆次"),
    ("规上企业复工「98」家", "规上企业复工98家"),
    ("推送信息【2600余】条", "推送信息2600余条"),
    # not a list's number at the start of a line, nor a bracket with no word after it
    ("【1】设立卡点12个", "【1】设立卡点12个"),
    ("见附件【2】。", "见附件【2】。"),
    ("全县共1.5万人参与。", "全县共1.5万人参与。"),
    # nothing to do
    ("设立疫情防控卡点23个。", "设立疫情防控卡点23个。"),
    ("", ""),
]


@pytest.mark.parametrize(("original", "expected"), CASES)
def test_normalize(original, expected):
    mapped = _norm(original)
    assert mapped.text == expected
    _assert_maps_back(original, mapped)


# (original, a normalized substring, the original span it maps back to)
SPANS = [
    ("全镇網(wǎng)格員12名", "网格员", "網(wǎng)格員"),
    ("全镇網(wǎng)格員12名", "网", "網"),
    ("全镇網(wǎng)格員12名", "员12名", "員12名"),
    ("每個(gè)村设卡点", "个村", "個(gè)村"),
    ("三個（gè）卡點", "三个卡点", "三個（gè）卡點"),
    ("组织党员50 余人", "50余人", "50 余人"),
    ("沿302 国道设卡", "302国道", "302 国道"),
    ("悬挂标语 54条", "标语54条", "标语 54条"),
    ("设立卡点１２个，", "12个", "１２个"),
    ("發放宣傳資料3000餘份", "宣传资料3000余份", "宣傳資料3000餘份"),
]


@pytest.mark.parametrize(("original", "needle", "expected"), SPANS)
def test_span_maps_back_to_original_words(original, needle, expected):
    mapped = _norm(original)
    start = mapped.text.index(needle)
    begin, end = mapped.original_span(start, start + len(needle))
    assert original[begin:end] == expected


# Garbled or half-decoded runs: normalizing must not raise and the map must stay inside the original.
GARBLED = [
    "擔(dān)當(dāng)?shù)脑嚱",
    "\ufffd\ufffd(ab)\ufffd",
    "??)(ǎ)",
    "網(",
    "(wǎng)",
    "（）",
    "網()",
    "？？？ǎǎǎ）））",
    "\ufffdzhèn）镇 12 人",
    "ａ（ｂ）ｃ　１　２",
    "&nbsp;網(wǎng) 12 ",
]


@pytest.mark.parametrize("original", GARBLED)
def test_garbled_text_does_not_raise(original):
    mapped = _norm(original)
    assert len(mapped.text) <= len(original)
    for index in range(len(mapped.text)):
        start, end = mapped.original_span(index, index + 1)
        assert 0 <= start < end <= len(original)
    if mapped.text:
        start, end = mapped.original_span(0, len(mapped.text))
        assert 0 <= start < end <= len(original)


def test_garbled_gloss_after_question_mark_is_removed():
    mapped = _norm("擔(dān)當(dāng)?shù)脑嚱")
    assert mapped.text == "担当?脑嚱"
    _assert_maps_back("擔(dān)當(dāng)?shù)脑嚱", mapped)


# remove_glosses alone: (original, glosses removed)
GLOSSES = [
    ("網(wǎng)", "網"),
    ("個(gè)", "個"),
    ("點(diǎn)", "點"),
    ("鎮（zhèn）", "鎮"),
    ("網(wǎng)格(gé)", "網格"),
    ("網(WANG)", "網(WANG)"),  # upper case is not pinyin as glossed
    ("網(wangwangw)", "網(wangwangw)"),  # eight letters: too long for a syllable
    ("12(ab)", "12(ab)"),  # after a digit: not a gloss
]


@pytest.mark.parametrize(("original", "expected"), GLOSSES)
def test_remove_glosses(original, expected):
    mapped = remove_glosses(MappedText.identity(original))
    assert mapped.text == expected
    for index, char in enumerate(mapped.text):
        start, end = mapped.original_span(index, index + 1)
        assert original[start:end] == char


# to_simplified keeps the length even where a phrase conversion would change it
SIMPLIFIED = [
    ("發放", "发放"),
    ("宣傳資料", "宣传资料"),
    ("鄉鎮幹部", "乡镇干部"),
    ("頭髮", "头发"),
    ("已经是简体", "已经是简体"),
    ("志願者\n檢查站", "志愿者\n检查站"),
]


@pytest.mark.parametrize(("original", "expected"), SIMPLIFIED)
def test_to_simplified(original, expected):
    converted = to_simplified(original)
    assert converted == expected
    assert len(converted) == len(original)


# --- hard-wrapped lines ------------------------------------------------------------------------------------

_PARAGRAPHS = [
    "为切实做好疫情防控工作，全镇迅速行动，在各主要路口设立疫情防控卡点23个，安排党员干部和志愿者共计186人轮流值守，"
    "累计检查过往车辆3200余辆次，测量体温8600余人次。",
    "镇党委组织全镇党员干部深入各村开展排查，共排查返乡人员1200人，其中湖北返乡人员86人已全部落实居家隔离措施，"
    "并安排专人每日上门测温两次。",
    "爱心企业和乡贤踊跃捐款捐物，截至目前，全镇共收到捐款12.6万元，口罩5000只，消毒液200箱，方便面300箱。",
]


def _wrapped(paragraphs: list[str], width: int) -> str:
    """The paragraphs as a fixed-width page prints them: each cut into lines of `width` characters."""
    return "\n".join("\n".join(p[i:i + width] for i in range(0, len(p), width)) for p in paragraphs)


@pytest.mark.parametrize("width", [24, 31, 38, 52])
def test_a_hard_wrapped_report_gives_the_facts_of_its_paragraphs(width):
    import fangkong

    whole = fangkong.extract_text("\n".join(_PARAGRAPHS))
    wrapped_text = "某镇扎实做好疫情防控工作\n" + _wrapped(_PARAGRAPHS, width)
    wrapped = fangkong.extract_text(wrapped_text)
    assert (sorted(zip(wrapped["metric"], wrapped["value"], strict=True))
            == sorted(zip(whole["metric"], whole["value"], strict=True)))
    assert len(whole) >= 8
    # the evidence is the original's, line break and all
    assert all(wrapped_text[s:e] == ev
               for s, e, ev in zip(wrapped["start"], wrapped["end"], wrapped["evidence"], strict=True))


def test_a_wrapped_line_joins_the_next_and_the_map_keeps_the_break():
    text = _wrapped(_PARAGRAPHS, 30)
    joined = normalize(MappedText.identity(text))
    assert joined.text == "\n".join(_PARAGRAPHS).replace("，", ",")  # commas half-width, as ever
    at = joined.text.index("23个")
    start, end = joined.original_span(at, at + 3)
    assert text[start:end].replace("\n", "") == "23个"


@pytest.mark.parametrize("text", [
    # prose in whole paragraphs: long lines end with a full stop, short ones are headings
    "\n".join(["某镇扎实做好疫情防控工作", *_PARAGRAPHS, "责任编辑：张三"]),
    # a list of links of one length, beside paragraphs: no line runs on
    "\n".join([*_PARAGRAPHS, *[f"某某镇召开疫情防控工作推进会议第{i}次会议纪要...2021-06-2{i}" for i in range(5)]]),
    # a headline repeated above the story
    "\n".join(["八个街道开展核酸检测 已测26768份结果均为阴性"] * 3 + _PARAGRAPHS),
    # a menu
    "\n".join(["首页 新闻 政务 服务 互动 专题 视频 图片 数据 搜索 登录 注册"] * 4 + _PARAGRAPHS),
])
def test_text_that_is_not_wrapped_keeps_its_lines(text):
    assert normalize(MappedText.identity(text)).text.count("\n") == text.count("\n")


# --- characters that print as nothing ----------------------------------------------------------------------

@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e"])
def test_a_character_that_prints_as_nothing_hides_no_word(invisible):
    import fangkong

    text = "全镇设立疫情防控卡点23个，安排志愿者186人值守。"
    scattered = invisible.join(text)  # one after every character, as some pages do against copying
    facts = fangkong.extract_text(scattered)
    assert sorted(zip(facts["metric"], facts["value"], strict=True)) == [("checkpoints", 23), ("volunteers", 186)]
    assert all(scattered[s:e] == ev for s, e, ev in zip(facts["start"], facts["end"], facts["evidence"], strict=True))


def test_invisible_characters_leave_the_text_and_the_map_keeps_them():
    text = "卡\u200b点\u200b\u200b23个"
    cleaned = normalize(MappedText.identity(text))
    assert cleaned.text == "卡点23个"
    assert cleaned.original_span(0, len(cleaned.text)) == (0, len(text))


# --- Markdown's bold ----------------------------------------------------------------------------------------

def test_bold_marks_and_the_blanks_that_set_them_off_hide_no_word():
    import fangkong

    text = "招募令发出不到3小时，就有 **286名** 志愿者报名上岗。\n张贴通告 **1800余张**，\n**412名** 党员干部下沉社区。"
    facts = fangkong.extract_text(text)
    assert sorted(zip(facts["metric"], facts["value"], strict=True)) == [
        ("banners_posters", 1800), ("party_members", 412), ("volunteers", 286)]
    assert all(text[s:e] == ev for s, e, ev in zip(facts["start"], facts["end"], facts["evidence"], strict=True))


@pytest.mark.parametrize("text", ["5*3*2=30", "注:*号为必填项", "**提示**"])
def test_a_lone_star_or_a_bold_heading_with_no_figure_stays_or_goes_harmlessly(text):
    cleaned = normalize(MappedText.identity(text))
    assert cleaned.text == text.replace("**", "")


# --- a line broken after a comma ---------------------------------------------------------------------------

_LIST = "这次捐赠物资包括一次性口罩600盒，一次性防护服100件，防护面罩500个。"


@pytest.mark.parametrize("broken", [
    _LIST.replace("，", "，\n", 1),                                   # a copy broken by hand
    _LIST.replace("，", "，  \n  ", 1),                               # with blanks around the break
    _LIST.replace("，", "，\r\n", 1),
    "<p>" + _LIST.replace("，", "，<br/>", 1) + "</p>",               # a page's <br> in mid-sentence
    _LIST.replace("，", "、\n", 1),
])
def test_a_line_broken_after_a_comma_continues_its_sentence(broken):
    import fangkong

    facts = fangkong.extract_text(broken)
    assert sorted(zip(facts["metric"], facts["value"], strict=True)) == [
        ("donations_goods", 100), ("donations_goods", 500), ("donations_goods", 600)]
    assert all(broken[s:e] == ev for s, e, ev in zip(facts["start"], facts["end"], facts["evidence"], strict=True))


@pytest.mark.parametrize(("text", "lines"), [
    ("设立卡点3个，\n捐赠口罩200只。", 1),        # joined; the map keeps the break
    ("设立卡点3个。\n捐赠口罩200只。", 2),        # a full stop ends the line's paragraph
    ("设立卡点3个，\n\n捐赠口罩200只。", 3),      # a blank line is a paragraph's end
    ("设立卡点3个：\n一是捐赠口罩200只。", 2),    # a colon may open a list of lines
    ("设立卡点3个，\n（二）宣传发动\n捐赠口罩200只。", 3),   # a new item of a list starts its own line
    ("设立卡点3个，\n2、捐赠口罩200只。", 2),
])
def test_only_a_break_after_a_comma_before_more_text_is_joined(text, lines):
    normalized = normalize(MappedText.identity(text))
    assert normalized.text.count("\n") + 1 == lines
    assert normalized.original_span(0, len(normalized.text)) == (0, len(text))


@pytest.mark.parametrize(("text", "lines"), [
    ("在大家的努力下，全镇已摸排走访群众\n６８００余户，排查出返乡人员47人。", 1),  # a clause cut before its number
    ("在大家的努力下，全镇已摸排走访群众\n\n6800余户。", 3),                     # a blank line ends a paragraph
    ("全镇已摸排走访群众\n6800余户。", 2),                                       # no comma before: maybe a heading
    ("在大家的努力下，全镇已摸排走访群众。\n6800余户。", 2),                     # a full stop ends the sentence
    ("在大家的努力下，全镇开展了三项工作\n1、排查6800余户。", 2),               # an item of a list
    ("组别,返乡人数,网格员\n26,2,刘春梅", 2),                                     # cells kept apart by commas
])
def test_a_line_break_that_cuts_a_clause_before_its_number_is_joined(text, lines):
    normalized = normalize(MappedText.identity(text))
    assert normalized.text.count("\n") + 1 == lines
    assert normalized.original_span(0, len(normalized.text)) == (0, len(text))


# --- letter-spaced lines -----------------------------------------------------------------------------------

def _spaced(text: str) -> str:
    """The text as a letter-spaced newspaper column copies: a space after every character but punctuation."""
    return "".join(c if c in "，。、" else c + " " for c in text).replace(" \n", "\n")


@pytest.mark.parametrize("width", [24, 31])
def test_a_letter_spaced_report_gives_the_facts_of_the_plain_one(width):
    import fangkong

    whole = fangkong.extract_text("\n".join(_PARAGRAPHS))
    spaced = "\n".join(_spaced(line) for line in _wrapped(_PARAGRAPHS, width).split("\n"))
    facts = fangkong.extract_text(spaced)
    assert (sorted(zip(facts["metric"], facts["value"], facts["unit"], strict=True))
            == sorted(zip(whole["metric"], whole["value"], whole["unit"], strict=True)))
    assert len(whole) >= 8
    # the evidence is the original's, spaces and all; the unit is written without them
    assert all(spaced[s:e] == ev for s, e, ev in zip(facts["start"], facts["end"], facts["evidence"], strict=True))


@pytest.mark.parametrize("line", [
    "首页 新闻 政务 服务 互动 专题 视频 图片 数据 搜索 登录 注册",  # a menu: words apart, not letters
    "采样170833人 检测结果均为阴性",  # a headline's two parts
    "Copyright 2020 All rights reserved by the county media centre",
])
def test_spaces_of_a_line_not_letter_spaced_stay(line):
    assert normalize(MappedText.identity(line)).text.count(" ") == line.count(" ")


# --- paragraphs of a scan broken mid-word ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "lines"), [
    # an indented paragraph's line breaks off mid-word, the next carries on at the margin: joined
    ("　　在镇域主要道口设置交通卡口1 1个、村级劝返点2 3个，共3 4个卡\n点，实行2 4小时轮班值守。", 1),
    ("　　疫情发生以来，村里老年人多，已经用大喇叭广播\n了120余次，村干部还骑着电动车走街串巷。", 1),
    # a line that ends a sentence, a short line, an unindented paragraph, an indented next line, an item: kept
    ("　　疫情发生以来，村里已经用大喇叭广播了120余次。\n村干部还骑着电动车走街串巷。", 2),
    ("　　一、强化组织领导\n镇里第一时间成立指挥部。", 2),
    ("疫情发生以来，村里已经用大喇叭广播了一百二十余次\n村干部还骑着电动车走街串巷。", 2),
    ("　　疫情发生以来，村里已经用大喇叭广播了一百二十余次\n　　村干部还骑着电动车走街串巷。", 2),
    ("　　疫情发生以来，村里已经用大喇叭广播了一百二十余次\n2、村干部还骑着电动车走街串巷。", 2),
])
def test_an_indented_paragraph_broken_mid_word_joins_again(text, lines):
    normalized = normalize(MappedText.identity(text))
    assert normalized.text.count("\n") + 1 == lines
    assert normalized.original_span(0, len(normalized.text)) == (0, len(text))


def test_a_letter_spaced_number_broken_across_lines_reads_whole():
    text = "　　每个卡点配备帐篷、测温枪、登记簿、消毒液，累计检查车辆2 1 6\n5 0辆次，测温6.8万人次。"
    facts = fangkong.extract_text(text)
    assert 21650 in list(facts["value"])
    start, end = facts.loc[facts["value"] == 21650, ["start", "end"]].iloc[0]
    assert text[start:end].endswith("2 1 6\n5 0辆次")


# --- a line typed with spaces for commas -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "commas"), [
    ("“明白纸”发下去 印制防控知识明白纸2万份 由网格员送到每家每户 发放倡议书8000余份", 3),
    ("新冠肺炎 疫情防控", 0),  # a title: short
    ("索 引 号:005298897/2020-00095主题分类:综合政务/工作信息/工作动态", 0),  # one letter-spaced word
    ("1　临溪县恒达建材有限公司　医用外科口罩20000只，2　湘南医药连锁有限公司　84消毒液300箱", 0),  # columns
    ("张 敏（个体户）                    2000元，村民李四捐款3000元，王五捐款2000元", 0),  # one space: a name's
])
def test_a_line_typed_with_spaces_for_commas_reads_as_clauses(text, commas):
    normalized = normalize(MappedText.identity(text))
    assert normalized.text.count(",") - text.count("，") == commas
    assert normalized.original_span(0, len(normalized.text)) == (0, len(text))


def test_the_facts_of_a_line_typed_with_spaces_for_commas():
    text = "“明白纸”发下去 印制防控知识明白纸2万份 由网格员送到每家每户 发放倡议书8000余份"
    facts = fangkong.extract_text(text)
    assert sorted(facts["value"]) == [8000, 20000]


def test_a_numbered_lists_mark_before_a_number_is_no_decimal_point():
    # where a neighbour item of the list opens with a word, 3.32个 is item 3 and 32个; the mark maps to its own place
    original = "1．全镇46个采样点\n2．公安出动警力\n3．32个村卡口"
    mapped = _norm(original)
    assert mapped.text == "1.全镇46个采样点\n2.公安出动警力\n3、32个村卡口"
    at = mapped.text.index("、")
    assert mapped.original_span(at, at + 1) == (at, at + 1)
    assert _norm("3.32万人参与。").text == "3.32万人参与。"  # no list: a decimal


@pytest.mark.parametrize(("text", "expected"), [
    ('设立"党员示范岗"40个、划分"党员责任区"112个', "设立“党员示范岗”40个、划分“党员责任区”112个"),
    ('他说"好"\n一个"没有配对', '他说“好”\n一个"没有配对'),  # a mark with no name closed after it is kept
    ('=HYPERLINK("http://example.invalid","点击查看")', '=HYPERLINK("http://example.invalid","点击查看")'),
    ("没有引号", "没有引号"),
])
def test_straight_double_quotes_on_a_line_open_and_close_in_turn(text, expected):
    from fangkong.text.normalize import pair_straight_quotes

    paired = pair_straight_quotes(MappedText.identity(text))
    assert paired.text == expected
    assert len(paired.text) == len(text)
