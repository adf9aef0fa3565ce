"""Republished copies of a report, made at test time: what a scraper finds of one report on other sites.

Each variant is made from the original's text alone (nothing of a shared report is stored in the project):
- `chrome`: the text inside another site's navigation, share bar and footer;
- `mirror`: converted to traditional script (OpenCC s2t) with pinyin glosses after some converted
  characters (網(wǎng)), as mirror sites print them, in other chrome;
- `cut`: the first 60–70% of the text (a copy cut short);
- `added`: a paragraph of an editor's note added after the first paragraph.
`WRITTEN` holds three reports of our own to copy where ../shared is absent.
Used by tests/test_duplicates.py, tests/test_dask_engine.py and bench/duplicates.py.
"""

from __future__ import annotations

import random
from functools import lru_cache
from pathlib import Path

import regex

CHROME_TOP = (
    "网站首页 | 新闻中心 | 乡镇动态 | 政务公开 | 互动交流",
    "当前位置：首页 > 新闻中心 > 乡镇动态",
    "【字号：大 中 小】 【打印本页】 【关闭窗口】",
)
CHROME_BOTTOM = (
    "分享到：微信 微博 QQ空间",
    "上一篇：全力以赴做好春耕备耕工作",
    "下一篇：我县召开安全生产工作会议",
    "责任编辑：李明",
    "版权所有：县融媒体中心  备案号：ICP备20200101号",
    "联系电话：0000-1234567  地址：人民路1号",
)
# Editor's notes that a reposting site adds (our own text).
PARAGRAPHS = (
    "编者按：为进一步做好疫情防控宣传工作，本网将持续关注基层一线的防控举措，欢迎广大读者踊跃投稿，"
    "分享身边的感人故事和好的经验做法，共同营造众志成城、同心抗疫的良好氛围。",
    "本文转载自县融媒体中心，转载时有删节。如涉及版权问题，请作者及时与本网联系，我们将在第一时间处理。"
    "感谢广大读者一直以来对本网的关注和支持，敬请继续关注后续报道。",
    "相关链接：近期，各地陆续出台了一系列疫情防控措施，请广大群众做好个人防护，勤洗手、戴口罩、常通风，"
    "不信谣、不传谣，如有发热咳嗽等症状请及时就医并主动报告旅行史和接触史。",
)
KINDS = ("chrome", "mirror", "cut", "added")
# the letters a gloss may hold (those the normalize stage removes)
_PINYIN = regex.compile(r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}")
_HAN = regex.compile(r"\p{Han}")


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def in_chrome(text: str, rng: random.Random) -> str:
    """`text` between a site's top bar and its footer."""
    top = "\n".join(rng.sample(CHROME_TOP, 2))
    bottom = "\n".join(rng.sample(CHROME_BOTTOM, 4))
    return f"{top}\n\n{text.strip()}\n\n{bottom}\n"


def traditional_glossed(text: str, rng: random.Random, share: float = 0.5) -> str:
    """`text` in traditional script, `share` of the characters that conversion changed followed by their
    pinyin in brackets, 網(wǎng)."""
    from pypinyin import Style, pinyin

    converted = _s2t().convert(text)
    if len(converted) != len(text):  # a phrase conversion changed the length: glosses by character position
        return converted
    out = []
    for before, after in zip(text, converted, strict=True):
        out.append(after)
        if before != after and _HAN.match(before) and rng.random() < share:
            reading = pinyin(before, style=Style.TONE)[0][0]
            if _PINYIN.fullmatch(reading):
                out.append(f"({reading})")
    return "".join(out)


def cut_short(text: str, rng: random.Random) -> str:
    """The first 60–70% of `text`'s characters."""
    return text[:int(len(text) * rng.uniform(0.60, 0.70))]


def paragraph_added(text: str, rng: random.Random) -> str:
    """`text` with an editor's note as a new paragraph after its first non-empty line past the head."""
    lines = text.split("\n")
    at = min(len(lines), max(1, len(lines) // 3))
    return "\n".join([*lines[:at], rng.choice(PARAGRAPHS), *lines[at:]])


def variant(text: str, kind: str, seed: int) -> str:
    """A copy of `text` of the given kind (one of KINDS), the same for the same seed."""
    rng = random.Random(f"{kind}-{seed}")
    if kind == "chrome":
        return in_chrome(text, rng)
    if kind == "mirror":
        return in_chrome(traditional_glossed(text, rng), rng)
    if kind == "cut":
        return cut_short(text, rng)
    if kind == "added":
        return paragraph_added(text, rng)
    raise ValueError(f"unknown kind {kind!r}")


def copies_of(originals: dict[str, str]) -> dict[str, str]:
    """Each original's four copies, named `<stem>~<kind>.txt`."""
    made = {}
    for seed, (name, text) in enumerate(sorted(originals.items())):
        for kind in KINDS:
            made[f"{Path(name).stem}~{kind}.txt"] = variant(text, kind, seed)
    return made


# Three reports of our own, alike in topic and phrasing as reports of one county are.
WRITTEN = {
    "a_shiqiao.txt": """石桥镇：织密疫情防控网
2022-03-21 来源：石桥镇党政办

疫情发生以来，石桥镇党委迅速行动，在进镇路口和各村主干道共设立疫情防控卡点11个，安排镇村干部和志愿者60余名轮流值守。
镇卫生院组织医护人员对返乡人员逐户登记，累计排查2140户，发放宣传单4200余份，悬挂横幅215条。
石桥镇还组织党员突击队开展环境整治，清运垃圾38吨，消毒面积达到2.4万平方米。
镇党委书记表示，将继续压实责任，坚决守住来之不易的防控成果。
""",
    "b_hedong.txt": """河东乡：干部下沉一线守护群众健康
2020-02-18 来源：河东乡人民政府

疫情就是命令，防控就是责任。河东乡组织全乡机关干部下沉到村，在各村路口设立检查点9个，实行全天候值守。
全乡志愿者共计320名，张贴通告一千五百份，累计劝返外来车辆二百余辆次，对工作不实的2名村干部进行约谈。
乡纪委开展督查十五次，确保各项防控措施落到实处，群众生活物资供应平稳有序。
""",
    "c_yangliu.txt": """杨柳村：广播天天响 防疫不松劲
2020-02-09 来源：杨柳村委会

杨柳村利用村里的广播每天早中晚三次播放防疫知识，村干部骑着电动车带着流动喇叭走村入户，提醒村民少出门、不聚集、戴口罩。
村里的爱心人士捐款800元，用于购买消毒液和额温枪，村医每天为居家观察的群众测量体温两次。
村支书说，只要大家齐心协力，就一定能打赢这场疫情防控阻击战。
""",
}
