"""Segment: page chrome dropped; title, date and source from the header; sections, sentences and clauses.

Inputs go through `normalize` first, as in the pipeline, so full-width punctuation is half-width here.
"""

import pytest

from fangkong.text.normalize import normalize
from fangkong.text.segment import is_chrome, segment
from fangkong.text.textmap import MappedText


def _segment(raw: str):
    text = normalize(MappedText.identity(raw)).text
    return text, segment(text)


def _sentences(raw: str) -> list[str]:
    text, parts = _segment(raw)
    return [text[s.start:s.end] for s in parts.sentences]


# Lines of a scraped page that are not the report
CHROME = [
    "设为首页",
    "设为首页 | 加入收藏 | 网站地图",
    "网站地图",
    "当前位置:首页 > 工作动态 > 正文",
    "首页 > 新闻中心",
    "湘ICP备12345678号-1",
    "版权所有:青山镇人民政府",
    "Copyright 2020 青山镇人民政府",
    "©2020 青山镇",
    "联系电话:0731-12345678",
    "电话:0731-12345678 传真:0731-12345679",
    "地址:青山镇幸福路28号",
    "地址：青山镇幸福路28号（电话：0731-12345678）",  # a footer's contact in brackets after its address
    "分享到:",
    "分享到: 微信 微博 QQ空间",
    "分享",
    "打印本页",
    "关闭窗口",
    "字号:【大】【中】【小】",
    "责任编辑:张三",
    "上一篇:关于开展爱国卫生运动的通知",
    "下一篇",
    "浏览次数:1024",
    "来源:青山镇人民政府",
    "发布时间:2020-02-15 10:30",
    "扫一扫在手机打开当前页",
    "微信图片_20200215.jpg",
    "主办单位:青山镇人民政府",
    "技术支持:某某网络公司",
    "湘公网安备43010202000123号",
    "备案号:湘ICP备12345678号",
    "登录 | 注册",
    "微信公众号",
    "扫一扫下方二维码",
    # another report's headline linked before or after this one, whatever it counts
    "下一篇：赵村设立卡点3个",
    "- 上一篇:各行各业的人都向红十字会捐款5万元",
    "",
    "   ",
]


@pytest.mark.parametrize("line", CHROME)
def test_chrome_lines(line):
    assert is_chrome(line)


# Lines of report text that must be kept
NOT_CHROME = [
    "镇党委成立疫情防控工作专班6个。",
    "全镇共设立卡点23个,组织志愿者200余名。",
    "通过微信公众号发布信息20条。",  # 微信公众号 is chrome only on a line with no full sentence
    "电话随访居家隔离人员42人",
    "登记入户人员",
    "注册志愿者120名。",
    "今天读了上一篇报道，设立卡点3个。",
    "一、强化组织领导",
    "青山镇全力做好疫情防控工作",
    "网格员挨家挨户上门排查,共排查外来人员" + "一" * 300,  # long lines are prose
    # footer words written as prose: filing a record, giving technical support
    "每天由1名干部3名党员值守,对进出的车辆、人员信息进行登记备案。",
    "县疾控中心派出专家3名提供技术支持。",
    # navigation words that are prose too, in a line with no full stop: only a link of their own is chrome
    "注册志愿者120名",
    "扫描二维码登记返乡人员120人",
    "通过微信公众号发布信息20条",
    # a line that counts something is a report's line, bullet and all
    "• 设置卡点15个",
    # a footer's word after sentences of prose ends the report's line
    "社区已有2683名居民完成第一剂接种。请大家积极报名！报名电话：0734-8356212",
    # nor does one in an aside of a sentence
    "备注：值守人员需调班的，须提前报镇疫情防控办（电话：0797-4561234）同意。全镇各卡点已累计查验车辆3.6万余辆次。",
    "开通24小时心理援助热线（电话：0312-7825166），32名心理咨询师志愿者轮流值班。",
]


@pytest.mark.parametrize("line", NOT_CHROME)
def test_not_chrome_lines(line):
    assert not is_chrome(line)


PAGE = """设为首页 | 加入收藏 | 网站地图
当前位置：首页 > 工作动态 > 正文
青山镇全力做好疫情防控工作
发布时间：2020-02-15　来源：青山镇人民政府　浏览次数：1024
一、强化组织领导
镇党委成立疫情防控工作专班6个。全镇共设立卡点23个，组织志愿者200余名。
（二）广泛宣传发动
发放宣传资料3000余份。
三是严格排查，排查返乡人员86人！
分享到：微信　微博
版权所有：青山镇人民政府　湘ICP备12345678号
联系电话：0731-12345678
地址：青山镇幸福路28号
"""


def test_page_header():
    _, parts = _segment(PAGE)
    assert parts.title == "青山镇全力做好疫情防控工作"
    assert parts.published == "2020-02-15"
    assert parts.source == "青山镇人民政府"


def test_page_chrome_left_out_of_sentences():
    body = " ".join(_sentences(PAGE))
    for chrome in ("设为首页", "当前位置", "浏览次数", "分享到", "版权所有", "ICP", "联系电话", "幸福路"):
        assert chrome not in body
    for kept in ("工作专班6个", "卡点23个", "宣传资料3000余份", "返乡人员86人"):
        assert kept in body


def test_links_to_related_reports_are_left_out_up_to_the_next_prose():
    text = ("近日，石桥镇设立卡点12个，组织志愿者60名参与值守。\n相关阅读：\n李家镇发放宣传单3000份\n"
            "· 王庄村20名党员冲在一线 2021-02-01\n\n镇里还将继续加强值守，再设卡点3个。\n")
    body = " ".join(_sentences(text))
    assert "卡点12个" in body and "再设卡点3个" in body
    assert "宣传单3000份" not in body and "20名党员" not in body


@pytest.mark.parametrize("heading", ["【相关新闻】", "[推荐阅读]", "更多视频", "疫情防控专栏"])
def test_links_under_a_heading_in_brackets_or_of_a_column_are_left_out(heading):
    text = (f"龙门镇累计接种新冠疫苗4.3万剂次。\n编辑：苏雅琴\n{heading}\n· 安溪县新冠疫苗接种突破50万剂次\n"
            "· [视频]我县40家企业复工复产\n")
    body = " ".join(_sentences(text))
    assert "4.3万剂次" in body and "50万剂次" not in body and "40家企业" not in body


def test_links_under_a_heading_of_related_links_are_left_out():
    text = ("红旗街道发放告居民书3.8万份。\n编辑：赵敏\n相关链接\n红旗街道召开2020年第1次党工委扩大会议\n"
            "全区下沉党员突破5000名\n版权所有：中共金水湾区委宣传部\n")
    body = " ".join(_sentences(text))
    assert "告居民书3.8万份" in body and "5000名" not in body


def test_readers_comments_after_the_report_are_left_out():
    text = ("近日，石桥镇设立卡点12个，组织志愿者60名参与值守。\n网友评论\n张三：为志愿者点赞！捐款500元支持。\n"
            "2条评论\n")
    body = " ".join(_sentences(text))
    assert "卡点12个" in body and "捐款500元" not in body and "2条评论" not in body


# (section heading line, the sentence below it, the section that sentence is given)
SECTIONS = [
    ("一、强化组织领导", "成立专班6个。", "一、强化组织领导"),
    ("（二）广泛宣传发动", "发放传单10份。", "(二)广泛宣传发动"),
    ("(3)压实工作责任", "问责2人。", "(3)压实工作责任"),
    ("1、加强卡口值守", "设卡点5个。", "1、加强卡口值守"),
    ("四、关心关爱一线人员", "慰问20人。", "四、关心关爱一线人员"),
    ("强化物资保障", "捐赠口罩500只。", "强化物资保障"),  # a short line with no full stop
    ("众志成城，共抗疫情", "捐赠口罩500只。", "众志成城,共抗疫情"),  # two phrases, no figure
    ("3个卡点24小时值守", "设卡点5个。", "3个卡点24小时值守"),  # a figure, one phrase
]


@pytest.mark.parametrize(("heading", "body", "section"), SECTIONS)
def test_section_heading(heading, body, section):
    raw = f"青山镇疫情防控工作简报\n2020年2月5日\n{heading}\n{body}\n"
    text, parts = _segment(raw)
    below = [s for s in parts.sentences if text[s.start:s.end] == body.rstrip("。")]
    assert len(below) == 1
    assert below[0].section == section


# An enumerated heading that starts a sentence: the section is the heading part only
INLINE_SECTIONS = [
    ("一是强化值守,设卡点5个。", "一是强化值守"),
    ("二是广泛宣传：发放传单10份。", "二是广泛宣传"),
    ("(一)严格排查;排查3人。", "(一)严格排查"),
]


@pytest.mark.parametrize(("line", "section"), INLINE_SECTIONS)
def test_inline_enumerated_section(line, section):
    raw = f"青山镇疫情防控工作简报\n2020年2月5日\n{line}\n"
    text, parts = _segment(raw)
    body = [s for s in parts.sentences if "5个" in text[s.start:s.end] or "10份" in text[s.start:s.end]
            or "3人" in text[s.start:s.end]]
    assert body and all(s.section == section for s in body)


def test_section_carries_until_the_next_heading():
    raw = "简报标题写在这一行\n2020年2月5日\n一、组织\n成立专班6个。\n设卡点5个。\n二、宣传\n发放传单10份。\n"
    text, parts = _segment(raw)
    sections = {text[s.start:s.end]: s.section for s in parts.sentences}
    assert sections["成立专班6个"] == "一、组织"
    assert sections["设卡点5个"] == "一、组织"
    assert sections["发放传单10份"] == "二、宣传"


def test_short_body_line_without_full_stop_is_not_a_heading():
    raw = "简报标题写在这一行\n2020年2月5日\n一、宣传\n发放宣传资料3000余份；悬挂横幅350条\n"
    text, parts = _segment(raw)
    body = [s for s in parts.sentences if "3000" in text[s.start:s.end]]
    assert body[0].section == "一、宣传"


# (header lines, published date as ISO yyyy-mm-dd or None)
DATES = [
    ("标题在第一行的简报\n2020-02-15\n正文。", "2020-02-15"),
    ("标题在第一行的简报\n2020年2月5日\n正文。", "2020-02-05"),
    ("标题在第一行的简报\n发布日期：2020/2/5\n正文。", "2020-02-05"),
    ("标题在第一行的简报\n【来源：县融媒体中心】 2020.02.05\n正文。", "2020-02-05"),
    ("标题在第一行的简报\n2022 年 3 月 5 日 10:30\n正文。", "2022-03-05"),
    ("标题在第一行的简报\n2020-13-45\n正文。", None),  # no month 13
    ("标题在第一行的简报\n正文没有日期。", None),
]


@pytest.mark.parametrize(("raw", "published"), DATES)
def test_published(raw, published):
    _, parts = _segment(raw)
    assert parts.published == published


# (header lines, source)
SOURCES = [
    ("青山镇疫情防控工作简报\n来源：青山镇人民政府\n正文。", "青山镇人民政府"),
    ("青山镇疫情防控工作简报\n发布时间：2020-02-15 来源：县卫健局 浏览：100\n正文。", "县卫健局"),
    ("青山镇疫情防控工作简报\n【来源：县融媒体中心】\n正文。", "县融媒体中心"),
    ("青山镇疫情防控工作简报\n来源:新华网|2020-02-15\n正文。", "新华网"),
    ("青山镇疫情防控工作简报\n正文。", None),
]


@pytest.mark.parametrize(("raw", "source"), SOURCES)
def test_source(raw, source):
    _, parts = _segment(raw)
    assert parts.source == source


# (report, title)
TITLES = [
    ("青山镇全力做好疫情防控工作\n2020-02-15\n正文。", "青山镇全力做好疫情防控工作"),
    ("设为首页 | 网站地图\n战疫一线的党旗红\n2020-02-15 来源：青山镇\n正文。", "战疫一线的党旗红"),
    ("某某村全力以赴抗击疫情\n本网讯 全村设卡点3个。", "某某村全力以赴抗击疫情"),
    # no headline: the title is empty, never a sentence of the body
    ("全镇设立卡点23个。发放传单3000份。", None),
    # a short line after the first paragraph of prose is a section heading, not a headline
    ("本网讯 疫情就是命令。全镇设卡点3个，排查人员40名。\n领导指导有力\n镇里组织志愿者20名。", None),
    ("本网讯 疫情就是命令。全镇设卡点3个。\n党员带头发力\n镇里组织志愿者20名。\n2020-02-15", None),
    ("青山镇战疫纪实\n全镇设卡点3个。\n党员带头发力\n镇里组织志愿者20名。", "青山镇战疫纪实"),
    ("战疫一线的党旗红\n2020-02-15\n全镇设卡点3个。\n党员带头发力\n正文。", "战疫一线的党旗红"),
    # a first line too long for a headline, without a full stop, is prose too
    ("青山镇" + "全力以赴" * 16 + "\n领导指导有力\n正文。", None),
]


@pytest.mark.parametrize(("raw", "title"), TITLES)
def test_title(raw, title):
    _, parts = _segment(raw)
    assert parts.title == title


# (text, its sentences)
SENTENCES = [
    ("全镇设立卡点23个。发放传单3000份。", ["全镇设立卡点23个", "发放传单3000份"]),
    ("劝返2人！排查3人？完成", ["劝返2人", "排查3人", "完成"]),
    ("捐款3.5万元.发放口罩", ["捐款3.5万元", "发放口罩"]),  # a decimal point does not end a sentence
    ("设卡点5个\n排查10人", ["设卡点5个", "排查10人"]),
    ("共排查3人。。。\n\n又排查4人", ["共排查3人", "又排查4人"]),
]


@pytest.mark.parametrize(("raw", "expected"), SENTENCES)
def test_sentences(raw, expected):
    assert _sentences(raw) == expected


# (one sentence, its clauses)
CLAUSES = [
    ("设卡点5个，排查10人", ["设卡点5个", "排查10人"]),
    ("检查车辆4,562辆次，登记12,380人次", ["检查车辆4,562辆次", "登记12,380人次"]),  # thousands separators
    ("发放传单30份；悬挂横幅3条", ["发放传单30份", "悬挂横幅3条"]),
    ("张贴海报：50张", ["张贴海报:50张"]),  # a colon that labels a count joins the label to it
    ("张贴海报：共50张", ["张贴海报", "共50张"]),
    ("出动宣传车5辆  劝返2人", ["出动宣传车5辆", "劝返2人"]),
    ("出动宣传车5辆……劝返2人", ["出动宣传车5辆", "劝返2人"]),
    ("捐款1,2000元", ["捐款1", "2000元"]),  # four digits after a comma: a real comma
]


@pytest.mark.parametrize(("raw", "expected"), CLAUSES)
def test_clauses(raw, expected):
    text, parts = _segment(raw)
    assert len(parts.sentences) == 1
    assert [text[a:b] for a, b in parts.sentences[0].clauses] == expected


def test_sentence_spans_lie_in_their_paragraph():
    text, parts = _segment(PAGE)
    for sentence in parts.sentences:
        para_start, para_end = sentence.paragraph
        assert para_start <= sentence.start < sentence.end <= para_end
        assert "\n" not in text[sentence.start:sentence.end]
        for a, b in sentence.clauses:
            assert sentence.start <= a < b <= sentence.end


def test_the_numbered_items_of_a_list_are_of_their_lead_lines_paragraph():
    # what the lead line says (捐赠) holds for every item; an item not led by a colon, or after prose, is its own line
    text = ("标题\n\n现将接收的捐赠情况公示如下：\n1. 康宁药业：胶囊5000盒，价值6.5万元；\n"
            "2. 瑞丰生物：试剂1万人份，价值12万元。\n本周工作很顺利。\n1. 设立卡点3个。")
    paragraphs = {text[s.start:s.end].strip(): text[slice(*s.paragraph)] for s in segment(text).sentences}
    lead = "现将接收的捐赠情况公示如下："
    assert paragraphs["瑞丰生物：试剂1万人份，价值12万元"].startswith(lead)
    assert paragraphs["康宁药业：胶囊5000盒，价值6.5万元；"].startswith(lead)
    assert paragraphs["设立卡点3个"] == "1. 设立卡点3个。"


def test_a_comma_inside_brackets_splits_no_clause():
    """An aside in brackets is one piece of its clause, commas and all (消毒液(NaClO, 有效氯含量≥5%)30吨); a comma
    outside brackets still ends a clause."""
    text = "捐赠消毒液(NaClO, 有效氯含量≥5%)30吨，志愿者5人（男3人，女2人），很好。"
    clauses = [text[a:b] for sentence in segment(text).sentences for a, b in sentence.clauses]
    assert clauses == ["捐赠消毒液(NaClO, 有效氯含量≥5%)30吨", "志愿者5人（男3人，女2人）", "很好"]


def test_a_numbered_item_knows_the_headings_above_its_own():
    text = ("工作通报\n\n一、工作开展情况\n本周设立卡点3个。\n二、下周工作重点\n（一）强化组织\n"
            "1.完成剩余51家企业复工评估；\n三、其他\n1.其他事项。\n")
    sentences = segment(text).sentences

    def above(words: str) -> list[str]:
        sentence = next(s for s in sentences if words in text[s.start:s.end])
        return [text[start:end] for start, end in sentence.outer]

    assert above("51家") == ["工作通报", "二、下周工作重点", "（一）强化组织"]
    assert above("卡点3个") == ["工作通报"]
    assert above("其他事项") == ["工作通报", "三、其他"]  # the items of 二 are closed by 三


def test_points_opened_by_shi_stand_inside_the_section_above_them():
    text = "工作通报\n\n四、下一步打算\n一是再招募志愿者50名；\n二是举办培训班。\n五、其他\n六是其他。\n"
    sentences = segment(text).sentences

    def above(words: str) -> list[str]:
        sentence = next(s for s in sentences if words in text[s.start:s.end])
        return [text[start:end] for start, end in sentence.outer]

    assert above("50名") == ["工作通报", "四、下一步打算"]
    assert above("培训班") == ["工作通报", "四、下一步打算"]  # 二是 closes 一是, not 四、
