"""Places: reports resolved against JioNLP's gazetteer (extractors/gazetteer.py, extractors/places.py)."""

from __future__ import annotations

import io
import json
import tomllib
from importlib import resources
from pathlib import Path

import opencc
import pytest
from click.testing import CliRunner

from fangkong import extract_paths, extract_text
from fangkong.cli.main import cli
from fangkong.facts import gazetteer as gz
from fangkong.facts import places
from fangkong.facts.context import find_places
from fangkong.place_score import Located, places_of_facts, read_places, score_places
from fangkong.text.load import load_text
from fangkong.text.normalize import normalize
from fangkong.text.segment import segment

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "places"
SHARED = ROOT.parent / "shared" / "corpus"
TO_TRADITIONAL = opencc.OpenCC("s2t")


def _place(text: str) -> places.Place:
    """A report's place, checked against the county its first fact carries."""
    frame = extract_text(text)
    title = text.split("\n", 1)[0]
    normalized = normalize(load_text(text).plain).text
    resolved = places.resolve(normalized, segment(normalized).title).place
    if len(frame):  # every fact of a report without a town or village in its sentence carries the report's place
        assert frame["county"].fillna("").iloc[0] == resolved.county, title
    return resolved


# (report text, province, county, adcode, town, village): written cases, real place names
RESOLVED = [
    # 长山镇 is in six counties: the county named anywhere (here the source line) decides
    ("长山镇：党员守好村口\n发布时间：2020-02-14  来源：荣县融媒体中心\n\n长山镇设立卡点8个。",
     "四川省", "荣县", "510321", "长山镇", ""),
    ("长山镇：党员守好村口\n发布时间：2020-02-14\n\n邹平长山镇设立卡点8个，滨州市派出工作组。长山镇招募志愿者30名。",
     "山东省", "邹平市", "371681", "长山镇", ""),
    # a city named with the town: 内江 and 永兴镇 (永兴镇 is in many counties, one of them in 内江)
    ("永兴镇：网格员守好防线\n发布时间：2020-02-10\n\n内江市东兴区永兴镇设立卡点9个，全镇招募志愿者60名。",
     "四川省", "东兴区", "511011", "永兴镇", ""),
    # a county's report naming one of its towns in passing is the county's
    ("安吉县：全县织密防控网\n发布时间：2020-02-18\n\n全县共设立卡点120个，县委组织志愿者2600名。"
     "其中递铺街道设立卡点15个。全县排查返乡人员3000人。",
     "浙江省", "安吉县", "330523", "", ""),
    # a village report: its title names the village, the village's town comes from the gazetteer
    ("五通村：小喇叭响起来\n发布时间：2020-02-08  来源：荣县长山镇\n\n五通村设立卡点2个，全村志愿者20名参与值守。",
     "四川省", "荣县", "510321", "长山镇", "五通村"),
    # a report placed at city level: the city's code
    ("兰州市：团员青年争当志愿者\n发布时间：2020-02-12\n\n兰州市共青团组织志愿者3000名，全市设立服务点200个。",
     "甘肃省", "", "620100", "", ""),
    # Hong Kong, Macau and Taiwan get their province-level names
    ("沙田区义工派发口罩\n发布时间：2022-03-05\n\n香港沙田区约200名义工为长者派发口罩3万个。",
     "香港特别行政区", "沙田区", "810000", "", ""),
    ("澳门社团派发抗疫物资\n发布时间：2022-06-20\n\n澳门特别行政区多个社团组织义工500名派发物资。",
     "澳门特别行政区", "", "820000", "", ""),
    ("彰化县卫生局加开快筛站\n发布时间：2021-06-01\n\n台湾彰化县卫生局设立快筛站6个，彰化县志愿者200名协助。",
     "台湾省", "彰化县", "710706", "", ""),
    ("台湾民众排队领口罩\n发布时间：2020-02-10\n\n台湾各地药局前排起长队，台湾当局发放口罩600万片，台湾志愿者300名协助。",
     "台湾省", "", "", "", ""),  # the province named alone: its name, no code
    # traditional script in, simplified names out
    (TO_TRADITIONAL.convert("星村镇：茶乡战疫\n发布时间：2020-02-20  来源：武夷山市融媒体中心\n\n"
                            "星村镇设立检查点6个。"),
     "福建省", "武夷山市", "350782", "星村镇", ""),
]


@pytest.mark.parametrize(("text", "province", "county", "adcode", "town", "village"), RESOLVED,
                         ids=[case[0].split("\n")[0][:12] for case in RESOLVED])
def test_report_is_placed(text, province, county, adcode, town, village):
    place = _place(text)
    assert (place.province, place.county, place.adcode, place.town, place.village) == (
        province, county, adcode, town, village)


# reports that name nothing that resolves: every place column stays empty
UNRESOLVED = [
    "全镇设立卡点12个\n发布时间：2020-02-10\n\n全镇共设立卡点12个，招募志愿者35名。",  # no place named at all
    "平安镇：干部群众齐上阵\n发布时间：2020-02-10\n\n平安镇设立卡点10个。",  # 平安镇: eight counties, nothing decides
    "万古镇：镇村干部齐上阵\n发布时间：2020-02-10\n\n万古镇设立卡点10个。",  # two counties, nothing decides
    # only places elsewhere: where returnees came from
    "返乡人员排查\n发布时间：2020-02-10\n\n全镇排查来自武汉的返乡人员40人，湖北籍人员12人，从温州返回人员3人。",
    # short names that are common words, or inside one (通道, 同心; 人民和)
    "打通生命通道\n发布时间：2020-02-10\n\n全镇设立绿色通道3条，同心协力，通道畅通，人民和干部同心抗疫。",
    # a made-up community whose name begins as a county's short name (金沙社区, 金沙县)
    "金沙社区召开部署会\n发布时间：2021-08-02\n\n金沙社区召开会议，金沙社区志愿者20名参加。",
]


@pytest.mark.parametrize("text", UNRESOLVED, ids=[text.split("\n")[0][:10] for text in UNRESOLVED])
def test_nothing_resolvable_leaves_the_columns_empty(text):
    assert _place(text) == places.NOWHERE
    frame = extract_text(text, include_other=True)
    for column in ("province", "city", "county", "adcode", "town", "village"):
        assert frame[column].isna().all(), column


def test_each_fact_carries_the_town_or_village_its_sentence_names():
    text = ("安吉县：全县织密防控网\n发布时间：2020-02-18\n\n全县共设立卡点120个，组织志愿者2600名。"
            "递铺街道设立卡点15个，天子湖镇组织志愿者300名。\n")
    frame = extract_text(text)
    towns = dict(zip(frame["evidence"], frame["town"].fillna(""), strict=True))
    assert towns == {"卡点120个": "", "志愿者2600名": "", "卡点15个": "递铺街道", "志愿者300名": "天子湖镇"}
    assert set(frame["adcode"]) == {"330523"}


def test_a_town_outside_the_reports_county_leaves_the_fact_with_the_reports():
    text = ("长山镇：党员守好村口\n发布时间：2020-02-14  来源：荣县融媒体中心\n\n长山镇设立卡点8个。"
            "邻近的平安镇派出志愿者20名。\n")
    frame = extract_text(text)
    assert list(frame["town"]) == ["长山镇", "长山镇"]


# (sentence, the place column of its fact): the place string found, with its defects fixed
PLACE_STRINGS = [
    ("白果村组织志愿者46名", "白果村"),  # 村组 is a word, 村组织 is not
    ("邹平长山镇设立卡点8个", "长山镇"),  # the gazetteer's name inside a longer string
    ("长山镇设立卡点8个", "长山镇"),
]


@pytest.mark.parametrize(("sentence", "place"), PLACE_STRINGS)
def test_place_column(sentence, place):
    text = f"永兴镇：疫情防控有亮点\n发布时间：2020-02-10\n\n{sentence}。\n"
    assert list(extract_text(text)["place"]) == [place]


def test_village_before_its_organisation_is_found():
    text = "白果村组织志愿者46名，各村组干部到岗"
    assert [text[a:b] for a, b in find_places(text)] == ["白果村"]


def test_without_the_gazetteer_the_columns_are_empty(monkeypatch):
    monkeypatch.setattr(places, "_gazetteer", lambda: None)
    frame = extract_text(RESOLVED[0][0])
    assert len(frame) and frame["county"].isna().all() and frame["place"].notna().all()


def test_gazetteer_holds_the_map():
    gazetteer = gz.load()
    counties = [unit for unit in gazetteer.units if unit.level == gz.COUNTY]
    assert len(counties) > 2800 and len(gazetteer.towns) > 30000
    mainland = [u for u in counties if u.province not in ("台湾省", "香港特别行政区", "澳门特别行政区")]
    assert all(len(u.code) == 6 and u.code.isdigit() and u.code[:2] == gazetteer.units[
        gazetteer.names[u.province][0]].code[:2] for u in mainland)
    assert gazetteer.units[gazetteer.area_codes["0543"]].city == "滨州市"
    rongxian = gazetteer.names["荣县"][0]
    assert gazetteer.villages(rongxian)["五通村"] == ("长山镇",)
    assert "长山镇" in gazetteer.towns_of(rongxian)
    assert "孟连县" in gazetteer.names  # a short name with its level's character names the county too


def _same_map(first: gz.Gazetteer, second: gz.Gazetteer) -> bool:
    return all(getattr(first, name) == getattr(second, name)
               for name in ("units", "names", "towns", "city_of", "province_of", "blocks", "area_codes", "text",
                            "words"))


def test_the_built_gazetteer_is_kept_on_disk_and_read_back_the_same(monkeypatch, tmp_path):
    monkeypatch.setenv(gz.CACHE_VARIABLE, str(tmp_path / "kept"))
    path = gz.cache_path()
    assert path.parent == tmp_path / "kept" and not path.exists()
    built = gz._build()
    gz.load.cache_clear()
    try:
        first = gz.load()  # built and kept
        assert path.is_file() and _same_map(first, built)
        gz.load.cache_clear()
        again = gz.load()  # read back: another object holding the same map
        assert again is not first and _same_map(again, built)
        path.write_bytes(b"not a pickle")  # a damaged file is built again, and written again
        gz.load.cache_clear()
        assert _same_map(gz.load(), built) and path.stat().st_size > 1000
        monkeypatch.setenv(gz.CACHE_VARIABLE, "")  # set empty: nothing kept
        assert gz.cache_path() is None
        monkeypatch.setenv(gz.CACHE_VARIABLE, str(tmp_path / "a_file"))
        (tmp_path / "a_file").write_text("")  # a folder that cannot be made: the gazetteer is built all the same
        gz.load.cache_clear()
        assert _same_map(gz.load(), built)
    finally:
        gz.load.cache_clear()


def test_places_data_file():
    data = tomllib.loads(resources.files("fangkong.data").joinpath("places.toml").read_text("utf-8"))
    for key in ("generic", "town_endings", "village_endings", "not_in_town"):
        assert data["names"][key], key
    for group in ("elsewhere", "about"):
        for name, words in data[group].items():
            assert words and len(words) == len(set(words)), name
    assert all(isinstance(v, int | float) and v > 0 for v in data["weights"].values())
    assert 0 < data["weights"]["share"] <= 1
    assert len(data["names"]["generic"]) == len(set(data["names"]["generic"]))


# --- score --places --------------------------------------------------------------------------------------

def test_score_places_on_the_fixture():
    runner = CliRunner()
    facts = runner.invoke(cli, ["extract", str(FIXTURES / "reports"), "--include-other"]).stdout
    result = runner.invoke(cli, ["score", "--places", str(FIXTURES / "places.jsonl"), "-"], input=facts)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "county     5/5     1.000",
        "town       2/2     1.000",
        "wrong county where the gold says unknown: 0 of 1",
    ]


def test_score_places_lists_misses_and_gives_json(tmp_path):
    gold = [json.loads(line) for line in (FIXTURES / "places.jsonl").read_text("utf-8").splitlines()]
    for row in gold:
        if row["doc"] == "anji.txt":
            row.update(adcode="330521", county="德清县")  # a wrong gold county: a miss to list
        if row["doc"] == "changshan.txt":
            row.update(town="五通村")
    path = tmp_path / "places.jsonl"
    path.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in gold), "utf-8")
    runner = CliRunner()
    facts = runner.invoke(cli, ["extract", str(FIXTURES / "reports"), "--include-other"]).stdout
    result = runner.invoke(cli, ["score", "--places", str(path), "-", "--errors"], input=facts)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:2] == [
        "county anji.txt  got 330523 安吉县  gold 330521 德清县",
        "town   changshan.txt  got 510321 荣县 长山镇  gold 510321 荣县 五通村",
    ]
    as_json = runner.invoke(cli, ["score", "--places", str(path), "-", "--json"], input=facts)
    figures = json.loads(as_json.stdout)
    assert (figures["county_right"], figures["reports"], figures["town_right"], figures["towns"]) == (4, 5, 1, 2)


@pytest.mark.parametrize(("args", "message"), [
    (["score", "facts.csv"], "give one of --gold (facts) or --places (places)"),
    (["score", "--places", "bad.jsonl", "facts.csv"], "bad.jsonl:1: not JSON"),
    (["score", "--places", "gold.jsonl", "old.csv"], "no place columns"),
])
def test_score_places_usage_errors(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "facts.csv").write_text("doc,metric,value,unit,adcode,county,town\n", "utf-8")
    (tmp_path / "old.csv").write_text("doc,metric,value,unit\na.txt,volunteers,3,名\n", "utf-8")
    (tmp_path / "bad.jsonl").write_text("{oops\n", "utf-8")
    (tmp_path / "gold.jsonl").write_text('{"doc": "a.txt", "adcode": "", "county": "", "town": ""}\n', "utf-8")
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert message in result.output


# (gold, predicted, county right, town scored and right, wrong county on unknown)
SCORED = [
    (Located("511011", "东兴区", "永兴镇"), Located("511011", "东兴区", "永兴镇"), True, (True, True), False),
    (Located("511011", "东兴区", "永兴镇"), Located("511011", "东兴区", ""), True, (True, False), False),
    (Located("", "", ""), Located("", "", ""), True, (False, False), False),
    (Located("", "", ""), Located("511011", "东兴区", ""), False, (False, False), True),
    (Located("", "将军区", ""), Located("", "将军区", ""), True, (False, False), False),  # no code: by name
    (Located("430900", "", ""), Located("430902", "资阳区", ""), False, (False, False), False),
]


@pytest.mark.parametrize(("gold", "predicted", "county", "town", "wrong"), SCORED)
def test_score_places_counts(gold, predicted, county, town, wrong):
    result = score_places({"a.txt": gold}, {"a.txt": predicted})
    assert result.county_right == county
    assert (result.towns == 1, result.town_right == 1) == town
    assert result.wrong_on_unknown == wrong


def test_place_of_a_report_is_what_most_of_its_facts_carry():
    csv_text = ("doc,metric,value,unit,adcode,county,town\n"
                "a.txt,volunteers,1,名,511011,东兴区,永兴镇\n"
                "a.txt,volunteers,2,名,511011,东兴区,\n"
                "a.txt,volunteers,3,名,511011,东兴区,永兴镇\n")
    assert places_of_facts(io.StringIO(csv_text)) == {"a.txt": Located("511011", "东兴区", "永兴镇")}


def test_read_places_rejects_a_line_without_a_doc():
    with pytest.raises(ValueError, match="places:2: not a place"):
        read_places(['{"doc": "a.txt", "adcode": "511011"}', '{"adcode": 5}'])


@pytest.mark.skipif(not (SHARED / "places.jsonl").exists(), reason="needs ../shared/corpus")
def test_places_on_the_shared_reports():
    frame = extract_paths(SHARED / "reports", include_other=True)
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False)
    buffer.seek(0)
    gold = read_places((SHARED / "places.jsonl").read_text("utf-8").splitlines())
    result = score_places(gold, places_of_facts(buffer))
    assert result.county_accuracy >= 0.95, [m for m in result.misses if m.kind == "county"]
    assert result.town_accuracy >= 0.90, [m for m in result.misses if m.kind == "town"]
    assert result.wrong_on_unknown == 0


@pytest.mark.parametrize("offset", [0, 1, 2, 3, 5])
def test_names_across_a_chunk_boundary_are_found_once(offset):
    automaton, patterns, longest = places._automaton()
    text = "。" * (places.CHUNK - offset) + "荣县长山镇五通村" + "。" * 10
    found = [patterns[p] for p, start, end in places._scan(automaton, longest, text)]
    assert found == ["荣县", "长山镇"]
