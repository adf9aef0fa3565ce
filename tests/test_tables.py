"""Text tables: each row's numbers read with the words and unit of their column's header (text/tables.py).

The cases are tables as ledgers and statistics reports paste them: columns kept apart by runs of ideographic
spaces, plain spaces or tabs, an index column, a 合计 row, a rule line under the header, placeholders.
"""

import pytest

import fangkong
from fangkong.text.load import load_text
from fangkong.text.normalize import normalize
from fangkong.text.tables import read_tables
from fangkong.text.textmap import MappedText

LEDGER = (
    "各村累计排查情况如下：\n"
    "序号　村名　　卡点数（个）　排查户数（户）　返乡人员（人）\n"
    "1　　桃源村　　3　　　　　　1126　　　　　4\n"
    "2　　杨柳村　　3　　　　　　684　　　　　　2\n"
    "合计　　　　　6　　　　　　1810　　　　　 6\n"
)


def _facts(text: str) -> list[tuple[str, float, str]]:
    frame = fangkong.extract_text(text)
    assert all(text[s:e] == ev for s, e, ev in zip(frame["start"], frame["end"], frame["evidence"], strict=True))
    return sorted(zip(frame["metric"], frame["value"], frame["unit"], strict=True))


def _rows(text: str) -> list[str]:
    return [line for line in normalize(MappedText.identity(text)).text.split("\n") if "：" in line]


def test_a_row_reads_as_clauses_naming_its_columns():
    assert _rows(LEDGER) == [
        "1，桃源村：卡点数3个，排查户数1126户，返乡人员4人",
        "2，杨柳村：卡点数3个，排查户数684户，返乡人员2人",
        "合计：卡点数6个，排查户数1810户，返乡人员6人",
    ]


def test_equal_counts_on_two_rows_are_two_facts_and_the_total_a_third():
    facts = _facts(LEDGER)
    assert [f[1:] for f in facts if f[0] == "checkpoints"] == [(3.0, "个"), (3.0, "个"), (6.0, "个")]
    assert [f[1] for f in facts if f[0] == "households_screened"] == [684.0, 1126.0, 1810.0]


def test_equal_counts_on_rows_whose_label_spans_two_cells_are_two_facts():
    # the row's label is its cells before the first number, read 第二督查组，青石镇、马坊乡：
    text = ("督查情况如下：\n\n督查组\t督查范围\t检查卡点（个）\t约谈（人）\n第一督查组\t城关镇、东坝乡\t14\t2\n"
            "第二督查组\t青石镇、马坊乡\t11\t1\n第三督查组\t柳林镇、白河乡\t9\t2\n第五督查组\t县直单位\t—\t1\n")
    facts = _facts(text)
    assert sorted(f[1] for f in facts if f[0] == "accountability") == [1.0, 1.0, 2.0, 2.0]


def test_a_row_whose_value_holds_an_aside_is_no_header_for_the_rows_under_it():
    # a value with a bracketed part (327人（其中省外103人）) once read as a header: its words, numbers and all, were
    # written into every row below, and facts of 327 and 103 came out of rows that hold neither
    text = ("现将本周工作情况报告如下：\n\n项目            本周数量\n排查来返人员    327人（其中省外103人）\n"
            "居家健康监测    41人\n核酸检测        2810人次\n入户走访        1020户\n")
    frame = fangkong.extract_text(text, include_other=True)
    assert sorted(frame["value"]) == [41.0, 103.0, 327.0, 1020.0, 2810.0]
    assert all(str(int(value)) in evidence for value, evidence in zip(frame["value"], frame["evidence"], strict=True))


def test_units_declared_one_a_column_go_to_the_columns_in_order():
    text = ("截至1月19日，各检查站工作情况如下（单位：辆次、人次、人）：\n\n检查站        查验车辆  测温登记  劝返\n"
            "北环检查站    1862      3104      23\n东关检查站    1427      2586      15\n"
            "合计          3289      5690      38\n")
    facts = _facts(text)
    assert [f for f in facts if f[1] in (1862.0, 3104.0, 23.0)] == [
        ("people_screened", 3104.0, "人次"), ("persuaded_back", 23.0, "人"), ("vehicles_checked", 1862.0, "辆次")]


def test_a_column_with_no_unit_takes_the_one_its_head_word_is_counted_in():
    # 查验车辆: vehicles checked (车辆: 辆次), not checks (查验: 人次), when the table declares both
    # (the line above lists the units in another order than the columns: each column's words decide)
    text = ("各卡点查验情况（单位：辆次、人次）：\n\n卡点        查验人员  查验车辆\n东卡点      3104      1862\n"
            "西卡点      2586      1427\n")
    facts = _facts(text)
    assert ("vehicles_checked", 1862.0, "辆次") in facts
    assert ("people_screened", 3104.0, "人次") in facts


def test_the_evidence_of_a_cell_is_its_number_in_the_original():
    frame = fangkong.extract_text(LEDGER)
    row = frame[frame["value"] == 1126.0].iloc[0]
    assert row["evidence"] == "1126"
    assert "桃源村：卡点数3个，排查户数1126户" in row["sentence"]


@pytest.mark.parametrize("gap", ["\u3000\u3000", "    ", "\t"])
def test_columns_kept_apart_by_any_blanks(gap):
    table = gap.join(["社区", "采样人数", "志愿者"]) + "\n" + gap.join(["柳岸社区", "8712", "62"]) + "\n" + gap.join(
        ["新桥社区", "10235", "75"]) + "\n"
    facts = _facts("第三轮全员核酸检测情况：\n" + table)
    assert ("tests_performed", 8712.0, "人") in facts
    assert ("volunteers", 75.0, "人") in facts  # a column of people with no unit: 志愿者75 counts people


@pytest.mark.parametrize("text, rows", [
    # a rule line under the header, placeholders in empty cells
    ("村名　　横幅（条）　宣传资料（份）\n--------------------\n东村　　12　　　　—\n西村　　8　　　　 300\n",
     ["东村：横幅12条，宣传资料—", "西村：横幅8条，宣传资料300份"]),
    # a cell that writes its own unit keeps it
    ("单位　　　捐赠物资\n某公司　　口罩500只\n某超市　　200箱\n",
     ["某公司：捐赠物资口罩500只", "某超市：捐赠物资200箱"]),
])
def test_table_forms(text, rows):
    assert _rows(text) == rows


@pytest.mark.parametrize("text", [
    "截至目前　共排查　2000人\n今日新增　15人\n",  # prose split by blanks: no header of columns above
    "村名　　卡点数（个）\n",  # a header with no row
    "一、工作开展情况　总体\n设卡点　3\n",  # one row of one value: too little to be a table
    "村名，卡点数\n东村　3\n西村　4\n",  # a header is no sentence
    "首页　新闻　政务\n2020-01-30　12:00\n",  # a menu over a date line
])
def test_texts_that_are_no_table_stay(text):
    assert read_tables(MappedText.identity(text)).text == text


COLUMN_BY_LINE = (
    "各村卡点设置情况见下表：\n"
    "村（社区）\n卡点数（个）\n入户排查（户）\n"
    "桂花社区\n3\n1260\n新田村\n2\n865\n荷塘村\n2\n702\n合　计\n7\n2827\n"
    "\n第 1 页\n"
)


def test_a_table_copied_one_cell_a_line_reads_as_the_same_rows():
    assert _rows(COLUMN_BY_LINE) == [
        "桂花社区：卡点数3个，入户排查1260户",
        "新田村：卡点数2个，入户排查865户",
        "荷塘村：卡点数2个，入户排查702户",
        "合 计：卡点数7个，入户排查2827户",
    ]
    facts = _facts(COLUMN_BY_LINE)
    assert [f[1] for f in facts if f[0] == "checkpoints"] == [2.0, 2.0, 3.0, 7.0]


@pytest.mark.parametrize("text", [
    "致全镇居民的一封信\n第一条\n12\n第二条\n",  # one row: no table
    "卡点\n志愿者\n2020\n年\n",  # a number line after words, in no row of a label and values
])
def test_lines_that_are_no_table_of_cells_stay(text):
    assert read_tables(MappedText.identity(text)).text == text


HTML_TABLE = (
    "<html><body><p>各村情况如下：</p><table>"
    "<tr><th>村名</th><th>卡点数（个）</th><th>排查户数（户）</th></tr>"
    "<tr><td>桃源村</td><td>3</td><td>1126</td></tr><tr><td>杨柳村</td><td>3</td><td>684</td></tr>"
    "</table></body></html>"
)


def test_an_html_table_reads_cell_by_cell():
    """Cells of an HTML table are kept apart (桃源村 3 1126, not 桃源村31126) and read as a text table's; the evidence
    is the cell's number, the unit the header's, no markup in either."""
    frame = fangkong.extract_text(HTML_TABLE)
    assert sorted(zip(frame["metric"], frame["value"], frame["unit"], frame["evidence"], strict=True)) == [
        ("checkpoints", 3.0, "个", "3"), ("checkpoints", 3.0, "个", "3"),
        ("households_screened", 684.0, "户", "684"), ("households_screened", 1126.0, "户", "1126"),
    ]
    assert all(HTML_TABLE[s:e] == ev for s, e, ev in zip(frame["start"], frame["end"], frame["evidence"], strict=True))


SPANNED = (
    "<table><tr><th rowspan='2'>检查站</th><th rowspan='2'>登记车辆（辆次）</th><th colspan='2'>劝返</th></tr>"
    "<tr><th>车辆（辆）</th><th>人员（人）</th></tr>"
    "<tr><td>镇北入口</td><td>962</td><td>15</td><td>31</td></tr>"
    "<tr><td>西岭村口</td><td>386</td><td></td><td>9</td></tr></table>"
)
NAMED = (
    "<table><tr><th>序号</th><th>村名</th><th>卡点数（个）</th><th>志愿者（人）</th><th>负责人</th></tr>"
    "<tr><td>1</td><td>桐溪社区</td><td>5</td><td>12</td><td>钟小平</td></tr>"
    "<tr><td>2</td><td>上坪村</td><td>4</td><td>9</td><td>黄国荣</td></tr>"
    "<tr><td colspan='2'>合计</td><td>9</td><td>21</td><td></td></tr></table>"
)


BLOCKS_IN_CELLS = (
    "<table><tr><th><p>村名</p></th><th>卡点（个）</th><th>志愿者（人）</th></tr>"
    "<tr><td><p>青石村</p></td><td><p>3</p></td><td><div>14</div></td></tr>"
    "<tr><td>柳塘<br>村</td><td>&nbsp;2</td><td>11&nbsp;</td></tr></table>"
)


@pytest.mark.parametrize("html, rows", [
    # paragraphs and divisions inside cells (as word processors save them) keep the row on one line
    (BLOCKS_IN_CELLS, ["青石村：卡点3个，志愿者14人", "柳塘村：卡点2个，志愿者11人"]),
    # a header of two lines: the cell with no unit spans the cells under it; an empty cell holds its column
    (SPANNED, ["镇北入口：登记车辆962辆次，劝返车辆15辆，劝返人员31人",
               "西岭村口：登记车辆386辆次，劝返人员9人"]),
    # cells of words after the numbers (who is in charge) are read as no number, and keep the columns aligned
    (NAMED, ["1，桐溪社区：卡点数5个，志愿者12人，钟小平", "2，上坪村：卡点数4个，志愿者9人，黄国荣",
             "合计：卡点数9个，志愿者21人"]),
])
def test_html_table_forms(html, rows):
    text = normalize(load_text(html).plain).text
    assert [line.strip() for line in text.split("\n") if "：" in line] == rows


def test_the_unit_and_evidence_of_a_cell_hold_no_markup():
    """A cell's &nbsp; and the tags around its number stay out of the evidence, and the unit is the header's."""
    frame = fangkong.extract_text(BLOCKS_IN_CELLS)
    assert sorted(zip(frame["metric"], frame["value"], frame["unit"], frame["evidence"], strict=True)) == [
        ("checkpoints", 2.0, "个", "2"), ("checkpoints", 3.0, "个", "3"),
        ("volunteers", 11.0, "人", "11"), ("volunteers", 14.0, "人", "14"),
    ]


def test_a_page_laid_out_in_a_table_keeps_its_paragraphs():
    """A long cell is a page laid out in a table, not a datum: its paragraphs stay lines."""
    html = ("<table><tr><td><p>镇党委召开部署会，要求各村落实防控措施，全镇设立卡点12个，组织志愿者86名参与值守，"
            "确保不漏一户、不漏一人。</p><p>发放倡议书3000份</p></td></tr></table>")
    lines = [line.strip() for line in load_text(html).plain.text.split("\n") if line.strip()]
    assert lines[-1] == "发放倡议书3000份"


UNITS_IN_A_COLUMN = (
    "<table><tr><th>工作内容</th><th>单位</th><th>数量</th></tr>"
    "<tr><td>组织核酸检测</td><td>人次</td><td>52638</td></tr>"
    "<tr><td>环境消杀</td><td>万平方米</td><td>86.5</td></tr>"
    "<tr><td>清运生活垃圾</td><td>吨</td><td>436.8</td></tr>"
    "<tr><td>志愿服务</td><td>人次</td><td>4680</td></tr></table>"
)


def test_a_column_of_units_reads_as_a_headings_bracket():
    """项目 单位 数量: each row's unit cell reads as a heading's bracketed unit before its number, 万 included."""
    text = normalize(load_text(UNITS_IN_A_COLUMN).plain).text
    assert [line.strip() for line in text.split("\n") if "：" in line] == [
        "组织核酸检测（人次）：52638", "环境消杀（万平方米）：86.5", "清运生活垃圾（吨）：436.8",
        "志愿服务（人次）：4680"]
    facts = _facts(UNITS_IN_A_COLUMN)
    assert ("disinfection_area", 865000.0, "平方米") in facts
    assert ("garbage_removed", 436.8, "吨") in facts
    assert ("tests_performed", 52638.0, "人次") in facts
    assert ("volunteers", 4680.0, "人次") in facts  # the bracketed unit is the number's own label: no gap


def test_the_words_written_in_map_to_the_gaps_they_replace():
    mapped = read_tables(MappedText.identity(LEDGER))
    at = mapped.text.index("卡点数3个")
    start, end = mapped.original_span(at, at + 3)  # 卡点数, written in place of the gap before 3
    assert LEDGER[start:end].strip() == ""
    number = mapped.text.index("1126")
    assert LEDGER[slice(*mapped.original_span(number, number + 4))] == "1126"


MARKDOWN = (
    "各村卡点设置情况如下：\n\n"
    "| 村名 | 卡点（个） | 值守时间 | 志愿者（人） | 备注 |\n"
    "| --- | --- | --- | --- | --- |\n"
    "| 青石村 | 3 | 24小时 | 14 | 含国道G207卡口 |\n"
    "| 柳塘村 | 2 | 7:00—22:00 | 11 |  |\n"
    "| 合计 | 5 | — | 25 |  |\n"
)


def test_a_markdown_table_reads_as_a_table_of_cells():
    # the bars are the gaps between cells, an empty cell holds its column, a column of times or remarks between the
    # values is read past; evidence is the number itself, the unit the header's
    assert _facts(MARKDOWN) == sorted([
        ("checkpoints", 3, "个"), ("checkpoints", 2, "个"), ("checkpoints", 5, "个"),
        ("volunteers", 14, "人"), ("volunteers", 11, "人"), ("volunteers", 25, "人")])


@pytest.mark.parametrize("rule", ["| :-- | --: | :-: | - | :---: |", "|:--|--:|:-:|-|:---:|",
                                  ":-- | --: | :-: | - | :---:"])
def test_a_markdown_rule_line_may_align_its_columns(rule):
    # GFM: any run of hyphens, a colon at either end
    text = MARKDOWN.replace("| --- | --- | --- | --- | --- |", rule)
    assert _facts(text) == _facts(MARKDOWN)


DAILY = (
    "一、主要工作数据\n\n"
    "| 项目 | 当日 | 累计 |\n"
    "| 设立卡点（个） | 2 | 146 |\n"
    "| 检查车辆（辆次） | 3,412 | 52,806 |\n"
    "| 劝返人员（人次） | 86 | 2,341 |\n"
    "| 居家隔离观察（人） | 47 | 1,208 |\n"
)


def test_a_table_of_one_count_a_row_takes_each_rows_unit_from_its_label():
    # the columns are periods (当日, 累计); the row's label names what is counted and its unit in brackets, and each
    # row is its own statement (劝返人员 is not one more item of the row above)
    assert _facts(DAILY) == sorted([
        ("checkpoints", 2, "个"), ("checkpoints", 146, "个"), ("vehicles_checked", 3412, "辆次"),
        ("vehicles_checked", 52806, "辆次"), ("persuaded_back", 86, "人次"), ("persuaded_back", 2341, "人次"),
        ("quarantined", 47, "人"), ("quarantined", 1208, "人")])
    assert "设立卡点：当日2个，累计146个。" in normalize(MappedText.identity(DAILY)).text


@pytest.mark.parametrize("text", [
    "他说：| 这不是表格 |\n",  # one line of bars is no table
    "选项 A | 选项 B\n选项 C | 选项 D\n",  # bars that do not open and close the line
])
def test_bars_that_make_no_markdown_table_stay(text):
    assert read_tables(MappedText.identity(text)).text == text


CSV = (
    "各组返乡人员情况：\n"
    "组别,返乡人数（人）,落地核酸检测（人）,居家隔离观察（人）,网格员\n"
    "一组,26,2,0,刘春梅\n"
    "二组,31,3,1,刘春梅\n"
    "合计,57,5,1,\n"
)


def test_a_comma_separated_table_reads_as_a_table_of_cells():
    facts = _facts(CSV)
    assert ("quarantined", 1, "人") in facts and ("tests_performed", 5, "人") in facts
    assert ("tests_performed", 3, "人") in facts


@pytest.mark.parametrize("text", [
    "镇里设卡点3个,志愿者20人,党员10人。\n村里设卡点2个,志愿者12人,党员6人。\n",  # prose with commas
    "一组,26,2\n二组,31,3\n",  # no header of words
])
def test_commas_that_make_no_table_stay(text):
    assert read_tables(MappedText.identity(text)).text == text


DECLARED = (
    "3月2日，镇党委收到各党支部上交的特殊党费。各支部缴纳情况（单位：元）：\n"
    "机关支部,12600\n"
    "长岭村支部　8350\n"
    "新塘村支部,6200\n"
)


def test_rows_under_a_line_declaring_their_unit_read_with_it():
    assert [(metric, value) for metric, value, _ in _facts(DECLARED)] == [
        ("donations_money", 6200), ("donations_money", 8350), ("donations_money", 12600)]


def test_rows_after_a_blank_line_or_numbered_under_a_unit_in_wan_read_with_it():
    spaced = "现将主要捐款明细公布如下（单位：万元）：\n\n金大地集团有限公司　10\n大营水泥厂　8\n永盛超市　2\n"
    assert sorted(value for _, value, _ in _facts(spaced)) == [20000, 80000, 100000]
    numbered = ("各单位捐款明细（单位：万元）\n序号\t单位\t捐款金额\t其中：特殊党费\n1\t联社本部\t9.85\t6.10\n"
                "2\t城区农商行\t21.40\t12.26\n")
    facts = fangkong.extract_text(numbered)
    assert sorted(facts["value"]) == [61000, 98500, 122600, 214000]
    # a row's number shows its row's label
    assert "2\t城区农商行\t21.40" in list(facts["evidence"])


def test_a_declared_unit_over_rows_of_no_number_changes_nothing():
    text = "情况如下（单位：元）：\n机关支部\n长岭村支部\n"
    assert read_tables(MappedText.identity(text)).text == text


def test_a_row_of_totals_repeats_the_whole_told_in_the_text():
    text = ("青石镇：共设立卡点5个。各村情况如下：\n"
            "村名　　卡点（个）　志愿者（人）\n"
            "青石村　　3　　　　　14\n"
            "柳塘村　　2　　　　　11\n"
            "合计　　　5　　　　　25\n")
    assert [value for metric, value, _ in _facts(text) if metric == "checkpoints"] == [2, 3, 5]


def test_rows_of_several_columns_under_a_line_declaring_their_unit_give_each_cell():
    text = ("单位：元\n\n项目\t1月\t2月\t累计\n一、收入\n捐赠资金\t386,200.00\t2,514,633.40\t2,900,833.40\n"
            "捐赠物资（折价）\t52,000.00\t738,960.00\t790,960.00\n二、支出\n拨付医疗机构\t0.00\t1,600,000.00\t1,600,000.00\n")
    facts = fangkong.extract_text(text)
    assert sorted(facts["value"]) == [52000, 386200, 738960, 790960, 2514633.4, 2900833.4]
    assert set(facts["unit"]) == {"元"}
    # every row's evidence is its own number as written, thousands commas included
    assert "2,514,633.40" in list(facts["evidence"])


def test_a_donor_list_under_section_headings_that_hold_their_totals():
    text = ("一、捐赠资金\n（一）单位捐赠（共计500,000.00元）\n1. 瑞昌县农村信用合作联社 300,000.00元\n"
            "2. 瑞昌县建筑业协会 200,000.00元\n（二）个人捐赠（共计30,000.00元）\n"
            "王建国 20,000.00元；李秀梅 10,000.00元。\n")
    facts = fangkong.extract_text(text)
    assert sorted(facts["value"]) == [10000, 20000, 30000, 200000, 300000, 500000]
    assert set(facts["metric"]) == {"donations_money"}


def test_sections_that_label_their_own_items_take_the_lead_above_them_all():
    text = ("现将5月6日至5月20日接收的捐赠情况公示如下：\n\n"
            "一、蔬菜类：累计接收12.6万斤。其中，县蔬菜产业协会捐赠白菜8万斤。\n"
            "二、肉蛋类：猪肉1500公斤。\n三、粮油类：大米30吨。\n")
    facts = fangkong.extract_text(text)
    assert {(metric, value) for metric, value in zip(facts["metric"], facts["value"], strict=True)} >= {
        ("donations_goods", 1.5), ("donations_goods", 30)}


def test_a_section_that_labels_its_items_gives_its_first_number_the_lead_above():
    text = ("共接收社会各界捐赠款物价值二百零七万四千元，现分类公告如下：\n\n"
            "一、资金类：共计一百二十万元。其中，县内企业捐赠八十五万元。\n")
    facts = fangkong.extract_text(text)
    assert 1200000 in list(facts["value"])


def test_a_roll_whose_lead_names_no_action_takes_the_action_its_title_names():
    text = ("谢家湾村“抗疫爱心接龙”捐款名单公布\n\n群里的谢家湾人你一百、我五百。现将接龙名单整理公布（节选）：\n"
            "1. 谢志鹏　1000元\n2. 谢红梅　500元\n3. 谢国平　200元\n")
    facts = fangkong.extract_text(text)
    assert sorted(facts["value"]) == [200, 500, 1000]
    assert set(facts["metric"]) == {"donations_money"}


def test_a_weekly_table_of_items_with_a_unit_column_gives_each_period_in_that_unit():
    text = ("项目\t单位\t本周\t累计\n入户排查\t户\t1260\t9874\n排查人员\t人\t3416\t31520\n"
            "解除隔离\t人\t41\t176\n志愿者参与\t人次\t812\t5436\n")
    facts = fangkong.extract_text(text)
    found = sorted(zip(facts["metric"], facts["value"], facts["unit"], strict=True))
    assert found == [("households_screened", 1260, "户"), ("households_screened", 9874, "户"),
                     ("people_screened", 3416, "人"), ("people_screened", 31520, "人"),
                     ("volunteers", 812, "人次"), ("volunteers", 5436, "人次")]


def test_a_table_of_party_branches_paying_dues_gives_the_sums_not_the_rolls():
    text = ("党支部\t党员总数（名）\t自愿交纳人数（名）\t交纳金额（元）\n乡机关第一党支部\t32\t32\t8600\n"
            "乡机关第二党支部\t27\t26\t5200\n")
    facts = fangkong.extract_text(text)
    assert sorted(zip(facts["metric"], facts["value"], strict=True)) == [("donations_money", 5200),
                                                                         ("donations_money", 8600)]


def test_a_table_takes_the_unit_a_line_above_declares_across_a_line_of_prose():
    text = ("青石镇返乡人员统计表\n单位：人\n\n春节期间我镇对所有返乡人员实行报备管理。各村情况如下：\n\n"
            "村（社区）\t返乡报备\t核酸检测\n青石社区\t687\t312\n团结村\t354\t126\n")
    facts = fangkong.extract_text(text)
    assert sorted(zip(facts["metric"], facts["value"], facts["unit"], strict=True)) == [
        ("people_screened", 354, "人"), ("people_screened", 687, "人"),
        ("tests_performed", 126, "人"), ("tests_performed", 312, "人")]


def test_a_goods_cell_whose_name_begins_with_a_number_keeps_the_table_going():
    text = ("序号\t捐赠单位(个人)\t捐款(元)\t捐赠物资\t经办人\n1\t柳河镇商会\t50000\t—\t王海\n"
            "2\t镇卫生院\t—\t84消毒液30桶\t王海\n3\t旅外乡贤陈立新\t10000\tKN95口罩200只\t李娟\n"
            "4\t匿名爱心人士\t1000\t—\t李娟\n")
    assert _facts(text) == [("donations_goods", 30, "桶"), ("donations_goods", 200, "只"),
                            ("donations_money", 1000, "元"), ("donations_money", 10000, "元"),
                            ("donations_money", 50000, "元")]


def test_rows_of_named_goods_only_read_as_a_list_under_their_lead():
    text = ("现将本期接收捐赠物资明细公示如下：\n\n序号　捐赠单位（个人）　物资名称及数量\n"
            "1　恒达建材有限公司　医用外科口罩20000只\n2　湘南医药连锁有限公司　84消毒液300箱\n")
    assert _facts(text) == [("donations_goods", 300, "箱"), ("donations_goods", 20000, "只")]


def test_a_line_declaring_two_units_gives_each_column_the_one_its_words_name():
    text = ("排查结果如下：\n单位：户、人\n\n村（社区）\t排查户数\t排查人数\t居家医学观察\n"
            "石板社区\t412\t1536\t7\n杉木村\t268\t985\t2\n")
    assert _facts(text) == [("households_screened", 268, "户"), ("households_screened", 412, "户"),
                            ("people_screened", 985, "人"), ("people_screened", 1536, "人"),
                            ("quarantined", 2, "人"), ("quarantined", 7, "人")]


def test_header_cells_may_hold_asides_in_brackets():
    # 村（社区）, 来（返）: an aside is part of the words; only a measure word in brackets at the end is a unit
    text = ("各村（社区）返乡人员排查情况\n村（社区）\t排查来（返）乡人员（人）\t发放明白纸（份）\n"
            "石板社区\t126\t800\n杉木村\t58\t450\n")
    assert _facts(text) == [("leaflets", 450, "份"), ("leaflets", 800, "份"),
                            ("people_screened", 58, "人"), ("people_screened", 126, "人")]


def test_columns_of_no_unit_take_the_declared_unit_of_the_nearest_column_before_that_names_one():
    # 单位：人、人次 declares the units in the order the columns use them: 集中隔离 follows 排查…人员 in 人
    text = ("（单位：人、人次）\n镇（街道）\t排查来（返）柏人员\t集中隔离\t测温人次\n"
            "柳城街道\t986\t41\t3200\n白鹤镇\t531\t19\t2100\n")
    # (测温人次 names its own: the longest declared unit its words hold)
    assert _facts(text) == [("people_screened", 531, "人"), ("people_screened", 986, "人"),
                            ("people_screened", 2100, "人次"), ("people_screened", 3200, "人次"),
                            ("quarantined", 19, "人"), ("quarantined", 41, "人")]


def test_a_column_naming_no_unit_takes_the_declared_unit_its_activity_is_counted_in():
    # samples are counted each time taken: 核酸采样 in 人次, although 人 is declared first and named before it
    text = ("（单位：人、人次）\n镇（街道）\t排查来（返）柏人员\t集中隔离\t核酸采样\n"
            "柳城街道\t986\t41\t14.2万\n白鹤镇\t531\t19\t7.9万\n")
    assert _facts(text) == [("people_screened", 531, "人"), ("people_screened", 986, "人"),
                            ("quarantined", 19, "人"), ("quarantined", 41, "人"),
                            ("tests_performed", 79000, "人次"), ("tests_performed", 142000, "人次")]
    # among the declared units only: under 单位：人 alone the column is in 人
    only_people = text.replace("人、人次", "人")
    assert ("tests_performed", 79000, "人") in _facts(only_people)


def test_a_total_row_counts_what_the_rows_above_count_in_its_column():
    # the rows' labels name the gifts (企业捐赠), the column only the amount (金额); 合计 names nothing of its own
    text = ("一、接收捐赠资金情况\n\n类别\t笔数\t金额（元）\n企业捐赠\t126\t3,268,400.00\n"
            "个人捐赠\t2,045\t1,137,926.50\n合计\t2,171\t4,406,326.50\n\n二、物资情况\n")
    assert _facts(text) == [("donations_money", 1137926.5, "元"), ("donations_money", 3268400, "元"),
                            ("donations_money", 4406326.5, "元")]
    # a row that is no total (其他) names its own thing
    assert ("donations_money", 4406326.5, "元") not in _facts(text.replace("合计", "支出"))


def test_a_ledger_row_of_goods_given_into_the_store_is_a_gift():
    text = ("日期\t物资来源\t物资名称\t单位\t入库\t出库\t领用单位\n"
            "2月5日\t金坪陶瓷厂捐赠\t一次性医用口罩\t只\t5000\t\t—\n"
            "2月6日\t—\t医用外科口罩\t只\t\t2400\t各村卡点\n"
            "2月12日\t县红十字会捐赠\t防护服\t套\t100\t\t—\n")
    assert [(m, v) for m, v, _ in _facts(text) if m.startswith("donations")] == [
        ("donations_goods", 100), ("donations_goods", 5000)]


def test_a_table_whose_cells_bars_alone_keep_apart_reads_cell_by_cell():
    text = ("村（社区）｜设卡点（个）｜排查户数（户）｜志愿者（名）\n柳湾社区｜3｜1260｜48\n马家庄村｜2｜612｜15\n"
            "合　计｜5｜1872｜63\n")
    facts = fangkong.extract_text(text)
    assert sorted(zip(facts["metric"], facts["value"], facts["unit"], strict=True)) == [
        ("checkpoints", 2, "个"), ("checkpoints", 3, "个"), ("checkpoints", 5, "个"),
        ("households_screened", 612, "户"), ("households_screened", 1260, "户"), ("households_screened", 1872, "户"),
        ("volunteers", 15, "名"), ("volunteers", 48, "名"), ("volunteers", 63, "名")]
    assert set(facts["evidence"]) <= {"3", "1260", "48", "2", "612", "15", "5", "1872", "63"}


def test_a_line_of_prose_with_two_bars_is_no_table():
    assert _facts("他说｜这是｜设立卡点3个的地方。") == [("checkpoints", 3, "个")]
