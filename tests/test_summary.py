"""The wide summary: sums of total and single facts per report and metric; parts never count twice."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from fangkong.output.summary import metric_order, summarize


def _facts(rows: list[dict]) -> pd.DataFrame:
    base = {"doc": "a.txt", "title": "甲镇", "published": "2020-02-01", "qualifier": "exact", "role": "single"}
    return pd.DataFrame([{**base, **row} for row in rows])


def test_total_and_parts_count_once():
    facts = _facts([
        {"metric": "donations_money", "value": 300000.0, "role": "total"},
        {"metric": "donations_money", "value": 100000.0, "role": "part"},
        {"metric": "donations_money", "value": 200000.0, "role": "part"},
        {"metric": "donations_money", "value": 5000.0, "role": "single"},
    ])
    wide = summarize(facts)
    assert wide.loc[0, "donations_money"] == 305000.0
    assert not wide.loc[0, "donations_money_over"]


def test_without_a_role_column_every_fact_counts():
    facts = _facts([{"metric": "volunteers", "value": 12.0}, {"metric": "volunteers", "value": 8.0}])
    assert summarize(facts.drop(columns="role")).loc[0, "volunteers"] == 20.0


def test_over_flag_when_any_summed_value_is_a_lower_bound():
    facts = _facts([{"metric": "leaflets", "value": 3000.0, "qualifier": "over"},
                    {"metric": "leaflets", "value": 200.0},
                    {"metric": "checkpoints", "value": 4.0}])
    wide = summarize(facts)
    assert wide.loc[0, "leaflets_over"] and not wide.loc[0, "checkpoints_over"]


def test_one_row_per_doc_columns_in_catalogue_order_missing_is_nan():
    facts = pd.concat([
        _facts([{"metric": "leaflets", "value": 10.0}]),
        _facts([{"doc": "b.txt", "title": "乙村", "metric": "checkpoints", "value": 3.0},
                {"doc": "b.txt", "metric": "other", "value": 7.0}]),
    ])
    wide = summarize(facts)
    assert list(wide["doc"]) == ["a.txt", "b.txt"]
    assert list(wide.columns) == ["doc", "title", "published", "place", "checkpoints", "checkpoints_over",
                                  "leaflets", "leaflets_over"]
    assert math.isnan(wide.loc[0, "checkpoints"]) and wide.loc[1, "checkpoints"] == 3.0
    assert wide.loc[1, "title"] == "乙村"


def test_chosen_metrics_in_the_order_given():
    facts = _facts([{"metric": "leaflets", "value": 10.0}, {"metric": "checkpoints", "value": 2.0}])
    assert [c for c in summarize(facts, ["leaflets", "volunteers"]).columns if not c.endswith("_over")][4:] == [
        "leaflets", "volunteers"]


@pytest.mark.parametrize(("found", "order"), [
    (["leaflets", "checkpoints", "other"], ["checkpoints", "leaflets"]),
    (["masks_handed_out", "volunteers", "masks_handed_out"], ["volunteers", "masks_handed_out"]),
])
def test_metric_order(found, order):
    assert metric_order(found) == order


def test_empty_facts_give_an_empty_table():
    wide = summarize(pd.DataFrame(columns=["doc", "metric", "value", "qualifier"]))
    assert len(wide) == 0 and list(wide.columns) == ["doc", "title", "published", "place"]
