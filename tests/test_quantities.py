"""Quantities: counted numbers with their measure word and qualifier; dates, codes and slogans are not counts.

There is no "countable" flag on a Quantity: `find_quantities` returns only counted numbers (a number
followed by a measure word from data/measure_words.toml), so a non-quantity is one that yields nothing.
"""

import pytest

from fangkong.numbers.quantities import find_quantities, measure_words

# (text, the expression found, value, value_high, unit, qualifier) — values worked out by hand
QUANTITIES = [
    # plain counts
    ("设立卡点23个", "23个", 23, None, "个", "exact"),
    ("累计检查车辆4,562辆次", "4,562辆次", 4562, None, "辆次", "exact"),
    ("抽调镇村干部156名", "156名", 156, None, "名", "exact"),
    ("成立临时党支部十三个", "十三个", 13, None, "个", "exact"),
    ("组建两支突击队", "两支", 2, None, "支", "exact"),
    ("下沉党员一千二百人", "一千二百人", 1200, None, "人", "exact"),
    ("收到捐款三万五千元", "三万五千元", 35000, None, "元", "exact"),
    ("出动两台车", "两台车", 2, None, "台车", "exact"),
    ("搬运物资4大箱", "4大箱", 4, None, "箱", "exact"),
    # mixed Arabic and 万/亿, money in 元
    ("印发倡议书3.1万份", "3.1万份", 31000, None, "份", "exact"),
    ("募集善款14.5万元", "14.5万元", 145000, None, "元", "exact"),
    ("累计投入资金1.5亿元", "1.5亿元", 150000000, None, "元", "exact"),
    ("完成核酸检测3.5万人次", "3.5万人次", 35000, None, "人次", "exact"),
    ("捐出5元钱", "5元钱", 5, None, "元", "exact"),
    ("捐了3块钱", "3块钱", 3, None, "块钱", "exact"),
    ("捐款1万2千元", "1万2千元", 12000, None, "元", "exact"),  # Arabic digits on both sides of 万
    ("募集2万3000元", "2万3000元", 23000, None, "元", "exact"),
    # Taiwan and Hong Kong write the rest below 万 with a thousands comma
    ("完成接种1万8,760剂次", "1万8,760剂次", 18760, None, "剂次", "exact"),
    ("收到口罩3万8,000片", "3万8,000片", 38000, None, "片", "exact"),
    # words up to 万, digits below it, as some write a number half spoken
    ("登记进出人员两万3千余人次", "两万3千余人次", 23000, None, "人次", "over"),
    ("捐款一万5000元", "一万5000元", 15000, None, "元", "exact"),
    ("募集两万3,500元", "两万3,500元", 23500, None, "元", "exact"),
    # 户外 is outdoors only before what stands outdoors
    ("对2200余户外来租户逐户上门", "2200余户", 2200, None, "户", "over"),
    # sums in other currencies keep their currency as the unit
    ("商会捐款5万泰铢", "5万泰铢", 50000, None, "泰铢", "exact"),
    ("社团捐款1亿印尼盾", "1亿印尼盾", 100000000, None, "印尼盾", "exact"),
    ("累计投入1亿2000万元", "1亿2000万元", 120000000, None, "元", "exact"),
    ("捐款十余万元", "十余万元", 100000, None, "元", "over"),  # 余 between the numeral and 万
    ("筹集三百多万元", "三百多万元", 3000000, None, "元", "over"),
    ("下沉党员一百二十三万四千五百六十七人", "一百二十三万四千五百六十七人", 1234567, None, "人", "exact"),
    ("捐款人民币壹万贰仟元整", "壹万贰仟元", 12000, None, "元", "exact"),  # 大写, as on receipts
    ("志愿者队伍十二人", "十二人", 12, None, "人", "exact"),  # 伍 of 队伍 is no numeral
    # area in 平方米, mass in 吨
    ("消杀面积达12万平方米", "12万平方米", 120000, None, "平方米", "exact"),
    ("消毒3200㎡", "3200㎡", 3200, None, "㎡", "exact"),
    ("捐赠蔬菜500斤", "500斤", 0.25, None, "斤", "exact"),
    ("捐赠消毒液200公斤", "200公斤", 0.2, None, "公斤", "exact"),
    ("清运垃圾85吨", "85吨", 85, None, "吨", "exact"),
    # over
    ("组织志愿者200余人", "200余人", 200, None, "人", "over"),
    ("党员50多名", "50多名", 50, None, "名", "over"),
    ("发放传单3000份以上", "3000份以上", 3000, None, "份", "over"),
    ("排查超过3500人", "超过3500人", 3500, None, "人", "over"),
    ("惠及逾2000户", "逾2000户", 2000, None, "户", "over"),
    ("参与群众上万人", "上万人", 10000, None, "人", "over"),
    ("发放资料上千份", "上千份", 1000, None, "份", "over"),
    ("志愿者两百余名", "两百余名", 200, None, "名", "over"),
    ("走访群众十余人", "十余人", 10, None, "人", "over"),
    ("慰问百余人", "百余人", 100, None, "人", "over"),
    ("动员万余人", "万余人", 10000, None, "人", "over"),
    ("覆盖20余万人", "20余万人", 200000, None, "人", "over"),
    ("参与1万多人", "1万多人", 10000, None, "人", "over"),
    ("成立二十多个专班", "二十多个", 20, None, "个", "over"),
    ("收到蔬菜100多公斤", "100多公斤", 0.1, None, "公斤", "over"),
    # approx
    ("约300人参加", "约300人", 300, None, "人", "approx"),
    ("大约100人", "大约100人", 100, None, "人", "approx"),
    ("每天300人左右", "300人左右", 300, None, "人", "approx"),
    ("来了30来人", "30来人", 30, None, "人", "approx"),
    ("排查约3.5万人", "约3.5万人", 35000, None, "人", "approx"),
    # under
    ("参与近200人", "近200人", 200, None, "人", "under"),
    ("仅有不到50人", "不到50人", 50, None, "人", "under"),
    ("涉及不足30户", "不足30户", 30, None, "户", "under"),
    ("排查将近80人", "将近80人", 80, None, "人", "under"),
    ("走访接近90户", "接近90户", 90, None, "户", "under"),
    ("动员近千人", "近千人", 1000, None, "人", "under"),
    ("覆盖近3万人", "近3万人", 30000, None, "人", "under"),
    # ranges: low end, high end, approx
    ("每组4至5人", "4至5人", 4, 5, "人", "approx"),
    ("每组4-5人", "4-5人", 4, 5, "人", "approx"),
    ("每组4~5人", "4~5人", 4, 5, "人", "approx"),
    ("设立三四个点位", "三四个", 3, 4, "个", "approx"),
    ("两三个小组", "两三个", 2, 3, "个", "approx"),
    ("一两个村", "一两个", 1, 2, "个", "approx"),
    ("出动五六十人", "五六十人", 50, 60, "人", "approx"),
    ("出动四五十人", "四五十人", 40, 50, "人", "approx"),
    ("二三十人值守", "二三十人", 20, 30, "人", "approx"),
    ("发放三四百份", "三四百份", 300, 400, "份", "approx"),
    ("参与七八百人", "七八百人", 700, 800, "人", "approx"),
    ("捐款3万至5万元", "3万至5万元", 30000, 50000, "元", "approx"),
    # qualifier characters that end another word do not qualify
    ("预约3000人", "3000人", 3000, None, "人", "exact"),
    ("附近3个", "3个", 3, None, "个", "exact"),
    ("农贸市场和商超57家", "57家", 57, None, "家", "exact"),  # 商超, supermarkets: no 超 of over
    ("居民周先生（3栋）　防护服　50套", "50套", 50, None, "套", "exact"),  # an address closing an aside is no count
    ("75%酒精(500ml)　300瓶", "300瓶", 300, None, "瓶", "exact"),  # nor is a pack's size
    ("服务群众超5000人次", "超5000人次", 5000, None, "人次", "over"),
    ("多达500人", "多达500人", 500, None, "人", "exact"),
    # a number after a date or a code is still a count
    ("3月5日发放200份", "200份", 200, None, "份", "exact"),
    ("发放N95口罩 200只", "200只", 200, None, "只", "exact"),
    ("每天2次", "2次", 2, None, "次", "exact"),
    # 零 between the 万 and the rest
    ("捐款10万零500元", "10万零500元", 100500, None, "元", "exact"),
    # a word before the number hedges the whole, over a 余 or 多 inside it
    ("近4200多名", "近4200多名", 4200, None, "名", "under"),
    ("约300余人", "约300余人", 300, None, "人", "approx"),
    ("超过300多人", "超过300多人", 300, None, "人", "over"),
    # grams and metric tons, in tons
    ("茶叶200克", "200克", 0.0002, None, "克", "exact"),
    ("垃圾20公吨", "20公吨", 20, None, "公吨", "exact"),
    # 方 (cubic metres) after Arabic digits
    ("清运垃圾1650方", "1650方", 1650, None, "方", "exact"),
    ("清运垃圾300余方", "300余方", 300, None, "方", "over"),
    ("清理垃圾1.2万方", "1.2万方", 12000, None, "方", "exact"),
]


@pytest.mark.parametrize(("text", "expression", "value", "value_high", "unit", "qualifier"), QUANTITIES)
def test_quantity(text, expression, value, value_high, unit, qualifier):
    found = find_quantities(text)
    assert len(found) == 1
    quantity = found[0]
    assert text[quantity.start:quantity.end] == expression
    assert quantity.value == pytest.approx(value)
    if value_high is None:
        assert quantity.value_high is None
    else:
        assert quantity.value_high == pytest.approx(value_high)
    assert quantity.unit == unit
    assert text[quantity.unit_start:quantity.unit_end] == unit
    assert quantity.qualifier == qualifier
    assert quantity.start <= quantity.number_start < quantity.number_end <= quantity.unit_start
    assert quantity.unit_end <= quantity.end
    assert quantity.unit_classes == measure_words().classes[unit]


@pytest.mark.parametrize(("text", "unit"), [("捐款2万文莱元", "文莱元"), ("筹得25万新加坡元", "新加坡元"),
                                           ("捐款3万加拿大元", "加拿大元"), ("捐款5000纽元", "纽元")])
def test_currencies_named_by_their_country_are_money_units(text, unit):
    (quantity,) = find_quantities(text)
    assert quantity.unit == unit
    assert "money" in quantity.unit_classes


# A range with its multiplier on the high end only: the low end takes it when it is the smaller digit part
RANGES_WITH_MULTIPLIER_ON_HIGH_END = [
    ("捐款3至5万元", 30000, 50000),
    ("募集2-3万元", 20000, 30000),
    ("捐款三至五万元", 30000, 50000),
    ("募集二十至三十万元", 200000, 300000),
    ("筹集0.7-1万元", 7000, 10000),
    ("投入1.5-2亿元", 150000000, 200000000),
    ("发放3-5千份", 3000, 5000),
    ("发放宣传单三至五千份", 3000, 5000),
    ("组织二至三百人", 200, 300),
    # near misses: a low end with its own multiplier, or written in full, stands as written
    ("捐款3万至5万元", 30000, 50000),
    ("捐款4000-5万元", 4000, 50000),
    ("捐款3千至5万元", 3000, 50000),
    ("每组4至5人", 4, 5),
    ("每组5-10人", 5, 10),
]


@pytest.mark.parametrize(("text", "value", "value_high"), RANGES_WITH_MULTIPLIER_ON_HIGH_END)
def test_range_with_big_unit_on_high_end(text, value, value_high):
    [quantity] = find_quantities(text)
    assert (quantity.value, quantity.value_high) == (value, value_high)


# Texts that hold no counted quantity at all
NOT_QUANTITIES = [
    "2022年3月5日",  # dates
    "截至3月5日24时",
    "3月5日起",
    "于2月3日8时许",
    "二〇二〇年",
    "2020年",
    "8时30分",  # times
    "12点30分",
    "8:30",
    "7:30至8:30",
    "24小时",  # durations
    "14天",
    "3个月",
    "3个多月",
    "2个小时",
    "11个班次",  # shifts
    "第一",  # ordinals
    "第一时间",
    "第3名",
    "第3个",
    "2020年第1期",
    "第12期",
    "95%",  # percentages and fractions
    "30％",
    "3‰",
    "百分之九十",
    "1/3人",
    "0731-12345678",  # phone numbers
    "电话:13812345678",
    "13812345678",
    "湘ICP备12345678号",  # codes and addresses
    "幸福路28号",
    "12345热线",
    "V2.0版",
    "No.3人",
    "3*5人",
    "123456工作法",  # slogans
    "9+8+24+241模式",
    "3+2模式",
    "“四个全覆盖”",
    "“五个一”工作法",
    "“三个一”",
    "数十人",  # vague amounts with no value
    "几十人",
    "数百余人",
    "成千上万人",
    "一个村",  # 一 before a measure word and its noun is an article
    "一名干部",
    "千家万户",  # idioms: numerals of one character paired with measure words
    "一户一档",
    "一人一档",
    "4至3人",  # a range that runs backwards
    "3000多",  # no measure word
    "0人",
    "核酸检测在前三次均为阴性",  # a selection, not a count
    "前三次核酸检测均为阴性",
    "排名前10名",
    "打通最后100米",
    "三方联动",  # parties, not cubic metres
    "各方协调",
    "3方面工作",
    "设置3户外广告牌",
    "免费发放的是另一块",  # 另一 is "the other one", no count
]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_not_a_quantity(text):
    assert find_quantities(text) == []


# 一 opening an item of a list whose item before counts more than one in the same measure word is a count; after
# one of one (a norm: 一名镇领导、一名下沉干部) or before another measure word it is an article still
@pytest.mark.parametrize(("text", "values"), [
    ("提着两箱方便面、一箱矿泉水来到卡点", [2, 1]),
    ("一名镇领导、一名下沉干部", []),
    ("两箱方便面、一名志愿者", [2]),
])
def test_one_after_a_count_in_a_list_is_a_count(text, values):
    assert [q.value for q in find_quantities(text)] == values


# A number is read whole or not at all: no tail of an ordinal (第十二批 → not 二批) or of a vague amount
@pytest.mark.parametrize("text", ["第十二批", "第二十三名", "第一百名", "第三十五期", "第一万二千名",
                                  "数十万人", "几十万人"])
def test_chinese_ordinal_is_not_a_quantity(text):
    assert find_quantities(text) == []


# near misses: a count right after an ordinal, and whole Chinese numerals, are still counts
@pytest.mark.parametrize(("text", "values"), [
    ("第十二批志愿者30人", [30]),
    ("第三批捐赠口罩二十只", [20]),
    ("下沉党员一千二百人", [1200]),
    ("共有十二名志愿者", [12]),
])
def test_count_after_an_ordinal_is_a_quantity(text, values):
    assert [q.value for q in find_quantities(text)] == values


# Unquoted slogans: N个 before an abstract word (data/measure_words.toml [slogan_before]), and a numeral
# repeated before a word that is no measure word (1人1档, 一户一策) name a rule, not a count
@pytest.mark.parametrize("text", ["实现四个全覆盖", "做到两个确保", "建立1人1档", "落实三个到位", "坚持两个维护",
                                  "实行1户1策", "两户两策", "实行1人1码管理"])
def test_unquoted_slogan_is_not_a_quantity(text):
    assert find_quantities(text) == []


# near misses: counts beside such words, and two counts written back to back, are still counts
@pytest.mark.parametrize(("text", "values"), [
    ("设立卡点12个", [12]),
    ("成立4个小组", [4]),
    ("设立3个全天候卡点", [3]),
    ("开设3个零售网点", [3]),
    ("共有8个小区1856户4778人", [8, 1856, 4778]),  # no separator between counts
    ("居家隔离8户11人", [8, 11]),
    ("隔离1户1人", [1, 1]),  # the same numeral, but before a measure word
    ("设立43个24小时执勤卡点", [43]),
])
def test_count_beside_a_slogan_word_is_a_quantity(text, values):
    assert [q.value for q in find_quantities(text)] == values


# Addresses: a building number directly followed by a unit, room or floor number ([address_before])
@pytest.mark.parametrize("text", ["家住幸福小区3栋2单元", "5幢301室", "3栋2单元501室", "12栋 3层", "二栋一单元",
                                  "居民周先生（3栋）", "居民李女士(5幢)"])
def test_building_address_is_not_a_quantity(text):
    assert find_quantities(text) == []


# A village group named by its number, then its count of people: the group's number is a name (1组78人)
def test_a_numbered_group_before_its_people_is_a_name():
    assert [q.value for q in find_quantities("其中1组78人、2组63人")] == [78, 63]
    assert [q.value for q in find_quantities("成立工作组3组共18人")] == [3, 18]


# near misses: buildings counted on their own, or before a count of something else, are counts
@pytest.mark.parametrize(("text", "values"), [
    ("消杀3栋楼", [3]),
    ("共有12栋居民楼", [12]),
    ("走访5幢楼宇", [5]),
    ("排查3栋12户", [3, 12]),
])
def test_buildings_counted_are_a_quantity(text, values):
    assert [q.value for q in find_quantities(text)] == values


# (sentence, the values found in order): several quantities in one text
SEVERAL = [
    ("设立卡点23个，组织志愿者200余名，发放传单3000份。", [23, 200, 3000]),
    ("8800只大喇叭和600多只小喇叭", [8800, 600]),
    ("2022年3月5日8时，青山镇出动宣传车5辆、发放资料1,200份", [5, 1200]),
    ("排查返乡人员86人，其中居家隔离14天的有12人", [86, 12]),
    # 前 and 后 that are no selection: now, before, afterwards, in all
    ("目前3个卡点，此前3名志愿者，随后5名党员，前后3次捐款", [3, 3, 5, 3]),
    # a count, then a numeral that begins a longer number (an age): no idiom of paired numerals (千家万户)
    ("九名六十岁以上的老党员", [9]),
    ("居家隔离的还有六户十九人", [6, 19]),
]


@pytest.mark.parametrize(("text", "values"), SEVERAL)
def test_several_quantities(text, values):
    found = find_quantities(text)
    assert [q.value for q in found] == values
    assert [q.start for q in found] == sorted(q.start for q in found)


def test_search_window_is_respected():
    text = "设立卡点23个，组织志愿者200余名"
    comma = text.index("，")
    assert [q.value for q in find_quantities(text, 0, comma)] == [23]
    assert [q.value for q in find_quantities(text, comma)] == [200]


# (measure word, its unit classes) as the scorer's table in METRICS.md has them
UNIT_CLASSES = [
    ("人", {"person"}),
    ("名", {"person"}),
    ("人次", {"person-times"}),
    ("户", {"household"}),
    ("辆次", {"vehicle-times"}),
    ("场", {"times"}),
    ("元", {"money"}),
    ("平方米", {"area"}),
    ("吨", {"mass"}),
    ("份", {"count"}),
    ("块", {"money", "count"}),  # 3块钱 and 4块展板
    ("辆", {"vehicle", "count"}),
]


@pytest.mark.parametrize(("word", "classes"), UNIT_CLASSES)
def test_unit_classes(word, classes):
    assert measure_words().classes[word] == classes


def test_slogan_and_address_tables_name_known_measure_words():
    table = measure_words()
    assert set(table.slogan_before) <= set(table.classes)
    assert set(table.address_before) <= set(table.classes)
    assert table.slogan_before["个"] and table.address_before["栋"]
    assert table.after_digits and table.after_digits <= set(table.classes)
    # single characters, each: a number's last character, a selecting word, the character before one
    assert table.digit_ends and table.selecting and table.before_selecting
    assert all(len(char) == 1 for char in table.digit_ends | table.selecting | table.before_selecting)


def test_currencies_named_before_are_money_measure_words_and_override_only_money():
    table = measure_words()
    assert table.currencies_before and table.yuan
    assert all("money" in table.classes[word] for word in (*table.currencies_before, *table.yuan))
    assert not set(table.currencies_before) & table.yuan  # (元 before 元 would name nothing new)
    assert all(table.signs[word] == word for word in table.currencies_before)


def test_word_final_yi_does_not_start_a_range():
    text = "统一两台车辆"
    assert [(q.value, q.value_high) for q in find_quantities(text, 0, len(text))] == [(2, None)]
