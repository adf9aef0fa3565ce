"""Review page: facts + the reports' texts → one self-contained HTML file to check every number by eye.

The page holds an overview table (the wide summary), tables of the sums per county and per month
(`summary.summarize_by`), bar charts of each metric's total per report, per place, per county and per month
(matplotlib, inline SVG with text kept as text), and each report's plain text with every fact highlighted
(hover: a tooltip; click: the fact's details; a filter by metric). Republished copies (`duplicate_of`) are
named in the overview and left out of every sum. Everything is inline: no request leaves the page. Every
piece of report text is escaped.
"""

from __future__ import annotations

import html
import io
import json
import logging
import math
import warnings
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import pandas as pd
import regex

from fangkong.numbers.numerals import format_value
from fangkong.output.highlight import plain_spans, runs, squeeze_blank_lines
from fangkong.output.summary import (
    PLACE_KEYS,
    SUMMED_ROLES,
    metric_order,
    needed_columns,
    summarize,
    summarize_by,
    without_duplicates,
)
from fangkong.text.load import ExtractError, Loaded, LoadError, Report, load_bytes

# Chinese text must render on Windows, macOS and Linux alike: name a font of each, then the generic family.
FONT_STACK = ('"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", '
              '"WenQuanYi Micro Hei", sans-serif')
# Fonts matplotlib may measure text with, first found wins (the page's stack renders it).
_PLOT_FONTS = ["Noto Sans CJK SC", "Noto Sans CJK JP", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
               "WenQuanYi Micro Hei", "DejaVu Sans"]
BARS_MAX = 40  # bars per chart; the rest are named in a note
UNKNOWN_PLACE = "(no place)"
UNKNOWN_COUNTY = "(no county)"
UNKNOWN_MONTH = "(no date)"
NO_COUNTIES = ("No table by county: these facts have no place columns ({columns}), as from a run without "
               "place resolution; extract the reports again to see them.")
NO_MONTHS = "No table by month: these facts have neither an as_of nor a published column."
_XML_PROLOGUE = regex.compile(r"^.*?(?=<svg)", regex.S)
_NOT_IN_ID = regex.compile(r"[^\w-]")
_SVG_SIZE = regex.compile(r'(<svg[^>]*?)\swidth="[^"]*"\s+height="[^"]*"')


class MissingExtra(ImportError):
    """An optional dependency the page needs is not installed; the message says how to install it."""


@dataclass(frozen=True)
class Chart:
    """One metric's charts: an inline SVG of its totals per report and per place (and per county and month)."""

    metric: str
    svg: str


@dataclass(frozen=True)
class Groups:
    """The sums per county and per month (summarize_by), None where the facts lack the columns."""

    counties: pd.DataFrame | None
    months: pd.DataFrame | None


def group_sums(facts: pd.DataFrame, metrics: list[str]) -> Groups:
    """Facts → their sums per county and per month (copies of earlier reports left out), each None where the
    facts lack the columns for it."""
    counties = months = None
    if all(c in facts.columns for c in needed_columns(["county"])):
        counties = summarize_by(facts, ["county"], metrics)
    if "as_of" in facts.columns or "published" in facts.columns:
        months = summarize_by(facts, ["month"], metrics)
    return Groups(counties, months)


def county_label(row: pd.Series) -> str:
    """A county group's bar label and row name: 东兴区 511011, or (no county)."""
    name = " ".join(_text(row[c]) for c in ("county", "adcode") if _text(row[c]))
    return name or UNKNOWN_COUNTY


def _per_group(table: pd.DataFrame | None, metric: str, label: Callable[[pd.Series], str],
               by_value: bool) -> pd.Series | None:
    """One metric's sums per group as a Series by label: largest first (by_value) or in the table's order."""
    if table is None:
        return None
    rows = table[table[metric].notna()]
    series = pd.Series([float(v) for v in rows[metric]], index=[label(row) for _, row in rows.iterrows()],
                       dtype="float64")
    return series.sort_values(ascending=False, kind="stable") if by_value else series


def load_reports(reports: Iterable[Report], encoding: str | None = None,
                 on_error: Callable[[ExtractError], None] | None = None) -> dict[str, Loaded]:
    """Reports (from find_reports) → their decoded texts by doc name, read as `extract` reads them.

    A report that cannot be read or decoded goes to `on_error` (skipped silently where it is None).
    """
    loaded: dict[str, Loaded] = {}
    for report in reports:
        try:
            if report.unreadable is not None:
                raise report.unreadable
            data = report.path.read_bytes() if report.data is None else report.data
            loaded[report.doc] = load_bytes(data, encoding)
        except (OSError, LoadError) as error:
            if on_error is not None:
                reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
                on_error(ExtractError(str(report.path), reason))
    return loaded


def check_extra() -> None:
    """Raise MissingExtra (with how to install it) where matplotlib, which draws the charts, is missing."""
    _matplotlib()


def _matplotlib():
    """matplotlib, imported on first use (an optional extra). Its Figure API is used, never pyplot, so no
    backend or global state of the caller's is touched."""
    try:
        import matplotlib
        import matplotlib.figure  # noqa: F401  (Figure, used through the module)
    except ImportError as error:
        raise MissingExtra('the HTML page needs matplotlib: pip install "fangkong[html]"') from error
    return matplotlib


def _text(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _value(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return format_value(float(value))


def _summed(facts: pd.DataFrame) -> pd.DataFrame:
    """The facts a total counts: totals and singles (parts are inside their totals)."""
    if "role" not in facts.columns or not len(facts):
        return facts
    role = facts["role"].fillna("single").astype(str)
    return facts[role.isin(SUMMED_ROLES) | (role == "")]


def _bars(ax, labels: list[str], values: list[float], title: str) -> None:
    shown = list(zip(labels, values, strict=True))[:BARS_MAX]
    names = [label if len(label) <= 24 else label[:23] + "…" for label, _ in shown]
    positions = range(len(shown))
    ax.barh(list(positions), [v for _, v in shown], color="#3b7dd8")
    ax.set_yticks(list(positions), names)
    ax.invert_yaxis()
    note = f" (top {BARS_MAX} of {len(labels)})" if len(labels) > BARS_MAX else ""
    ax.set_title(title + note, fontsize=10, loc="left")
    ax.tick_params(labelsize=8)
    for position, (_, value) in zip(positions, shown, strict=True):
        ax.text(value, position, " " + format_value(value), va="center", fontsize=7)
    _plain_axis(ax.xaxis)
    ax.spines[["top", "right"]].set_visible(False)
    ax.margins(x=0.18)


def _plain_axis(axis) -> None:
    """Five or so ticks, numbers written plainly (no 1e8 offset)."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axis.set_major_locator(MaxNLocator(5))
    axis.set_major_formatter(FuncFormatter(lambda value, _: format_value(value)))


def charts(facts: pd.DataFrame, wide: pd.DataFrame, metrics: list[str], groups: Groups | None = None) -> list[Chart]:
    """Per metric, an inline SVG of bar charts: the total per report (from the wide summary) and per place
    (the sum of its total and single facts), and where `groups` has them per county and per month. Copies of
    earlier reports count nowhere. Raises MissingExtra where matplotlib is missing."""
    matplotlib = _matplotlib()
    groups = groups or Groups(None, None)
    summed = _summed(without_duplicates(facts))
    settings = {"svg.fonttype": "none", "font.family": "sans-serif", "font.sans-serif": _PLOT_FONTS,
                "svg.hashsalt": "fangkong", "axes.unicode_minus": False}
    fonts_log = logging.getLogger("matplotlib.font_manager")  # "findfont: Font family … not found", per absent font
    level = fonts_log.level
    fonts_log.setLevel(logging.ERROR)
    try:
        with matplotlib.rc_context(settings), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # glyphs missing from the measuring font: the page's fonts draw them
            made = []
            for metric in metrics:
                per_doc = wide[["doc", metric]].dropna().sort_values(metric, ascending=False, kind="stable")
                rows = summed[summed["metric"] == metric]
                places = rows["place"].fillna(UNKNOWN_PLACE) if "place" in rows.columns else pd.Series(
                    [UNKNOWN_PLACE] * len(rows), index=rows.index)
                per_place = rows.groupby(places)["value"].sum().sort_values(ascending=False, kind="stable")
                more = [("per county", _per_group(groups.counties, metric, county_label, True)),
                        ("per month", _per_group(groups.months, metric, _month_label, False))]
                made.append(Chart(metric, _svg(matplotlib, metric, per_doc.set_index("doc")[metric], per_place,
                                               [(title, series) for title, series in more if series is not None])))
            return made
    finally:
        fonts_log.setLevel(level)


def _month_label(row: pd.Series) -> str:
    return _text(row["month"]) or UNKNOWN_MONTH


def _svg(matplotlib, metric: str, per_doc: pd.Series, per_place: pd.Series,
         more: list[tuple[str, pd.Series]] = ()) -> str:
    """The bar charts of one metric as an inline <svg> element (no XML prologue, sized by the page): per report
    and per place, then a second row of the `more` charts (per county, per month) where given."""
    panels = [("per report", per_doc), ("per place", per_place), *more]
    rows = [panels[i:i + 2] for i in range(0, len(panels), 2)]
    heights = [0.9 + 0.22 * min(BARS_MAX, max([len(series) for _, series in row] + [1])) for row in rows]
    figure = matplotlib.figure.Figure(figsize=(11, sum(heights)), layout="constrained")
    axes = figure.subplots(len(rows), 2, squeeze=False, gridspec_kw={"height_ratios": heights})
    for number, (title, series) in enumerate(panels):
        _bars(axes[number // 2][number % 2], [str(label) for label in series.index], [float(v) for v in series], title)
    if len(panels) % 2:
        axes[-1][1].set_visible(False)
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    svg = _XML_PROLOGUE.sub("", buffer.getvalue(), count=1)
    return _SVG_SIZE.sub(r'\1 class="chart" role="img" aria-label="' + html.escape(metric) + '"', svg, count=1)


def _group_table(table: pd.DataFrame, keys: list[str], metrics: list[str], css: str) -> str:
    """A table of group sums (summarize_by): its keys, the reports, then a cell per metric (+ where over)."""
    head = "".join(f"<th>{html.escape(c)}</th>" for c in [*keys, "reports", *metrics])
    body = []
    for _, row in table.iterrows():
        cells = [f"<td>{html.escape(_text(row[c]))}</td>" for c in keys]
        cells.append(f'<td class="num">{int(row["reports"])}</td>')
        for metric in metrics:
            value = _value(row[metric])
            over = "+" if value and bool(row[f"{metric}_over"]) else ""
            cells.append(f'<td class="num" data-metric="{html.escape(metric)}">{value}{over}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (f'<table class="overview {css}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>')


def _groups_html(groups: Groups, metrics: list[str]) -> str:
    """The page's tables per county and per month, or the sentence saying why one is left out."""
    if groups.counties is not None:
        counties = _group_table(groups.counties, list(PLACE_KEYS["county"]), metrics, "by-county")
    else:
        why = NO_COUNTIES.format(columns=", ".join(needed_columns(["county"])))
        counties = f'<p class="note by-county">{html.escape(why)}</p>'
    if groups.months is not None:
        months = _group_table(groups.months, ["month"], metrics, "by-month")
    else:
        months = f'<p class="note by-month">{html.escape(NO_MONTHS)}</p>'
    return f"<h3>By county</h3>\n{counties}\n<h3>By month</h3>\n{months}"


def _overview(wide: pd.DataFrame, metrics: list[str]) -> str:
    copies = "duplicate_of" in wide.columns and wide["duplicate_of"].notna().any()
    head = "".join(f"<th>{html.escape(c)}</th>" for c in ["doc", "title", "published", "place",
                                                            *(["copy of"] if copies else []), *metrics])
    body = []
    for _, row in wide.iterrows():
        doc = _text(row["doc"])
        cells = [f'<td><a href="#{html.escape(_anchor(doc))}">{html.escape(doc)}</a></td>']
        title = _text(row["title"])
        cells.append(f'<td class="title" title="{html.escape(title)}">{html.escape(title)}</td>')
        cells += [f"<td>{html.escape(_text(row[c]))}</td>" for c in ("published", "place")]
        if copies:
            first = _text(row["duplicate_of"])
            cells.append(f'<td class="copy"><a href="#{html.escape(_anchor(first))}">{html.escape(first)}</a></td>'
                         if first else "<td></td>")
        for metric in metrics:
            value = _value(row[metric])
            over = "+" if value and bool(row[f"{metric}_over"]) else ""
            cells.append(f'<td class="num" data-metric="{html.escape(metric)}">{value}{over}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f'<table class="overview"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def _anchor(doc: str) -> str:
    return "doc-" + _NOT_IN_ID.sub("_", doc)


def _fact_record(row: pd.Series) -> dict[str, str]:
    keys = ("id", "metric", "unit", "qualifier", "evidence", "rule", "role", "parent", "place", "as_of", "sentence")
    record = {key: _text(row.get(key)) for key in keys}
    record["value"] = _value(row.get("value")) + ("-" + _value(row.get("value_high")) if _value(
        row.get("value_high")) else "")
    return record


def _report_text(loaded: Loaded, rows: pd.DataFrame, numbers: list[int]) -> tuple[str, list[int]]:
    """The report's plain text as HTML with every fact marked; and the facts whose evidence is not at its offsets."""
    original = loaded.original
    usable, missing = [], []
    for number, (_, row) in zip(numbers, rows.iterrows(), strict=True):
        start, end = int(row["start"]), int(row["end"])
        if 0 <= start < end <= len(original) and original[start:end] == _text(row["evidence"]):
            usable.append((number, row, (start, end)))
        else:
            missing.append(number)
    spans = plain_spans(loaded, [span for _, _, span in usable])
    pieces = []
    for run in runs(loaded.plain.text, spans):
        if not run.facts:
            pieces.append(html.escape(squeeze_blank_lines(run.text)))
            continue
        chosen = [usable[i] for i in run.facts]
        ids = " ".join(str(n) for n, _, _ in chosen)
        metrics = " ".join(dict.fromkeys(_text(r["metric"]) for _, r, _ in chosen))
        tip = "\n".join(f"{_text(r['metric'])} = {_value(r['value'])} {_text(r['unit'])} ({_text(r['qualifier'])}),"
                        f" rule {_text(r['rule'])}" for _, r, _ in chosen)
        pieces.append(f'<mark class="fact" tabindex="0" data-facts="{ids}" data-metrics="{html.escape(metrics)}" '
                      f'title="{html.escape(tip)}">{html.escape(run.text)}</mark>')
    return "".join(pieces).strip(), missing


def _json_for_script(value: object) -> str:
    """JSON that is safe inside a <script> element (no </script>, no HTML specials)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_page(facts: pd.DataFrame, texts: Mapping[str, Loaded], *, title: str = "fangkong review",
                metrics: Iterable[str] | None = None) -> str:
    """Facts (the extractor's columns) and the reports' loaded texts by doc → the review page as one HTML string.

    Reports in `texts` without facts are shown too; facts of a doc missing from `texts` are listed without
    their text. Raises MissingExtra where matplotlib is not installed.
    """
    facts = facts.reset_index(drop=True)
    chosen = list(metrics) if metrics is not None else metric_order(facts["metric"] if len(facts) else [])
    wide = summarize(facts, chosen)  # copies of earlier reports left out of every sum and chart
    groups = group_sums(facts, chosen)
    made = charts(facts, wide, [m for m in chosen if wide[m].notna().any()], groups) if len(wide) else []
    records = [_fact_record(row) for _, row in facts.iterrows()]
    docs = sorted(set(texts) | set(facts["doc"].astype(str) if len(facts) else []))
    sections = []
    for doc in docs:
        rows = facts[facts["doc"].astype(str) == doc] if len(facts) else facts
        numbers = list(rows.index)
        doc_metrics = " ".join(dict.fromkeys(rows["metric"].astype(str))) if len(rows) else ""
        header = rows.iloc[0] if len(rows) else None
        meta = [html.escape(_text(header[c])) for c in ("title", "published", "place")
                if header is not None and c in header and _text(header[c])]
        meta.append(f"{len(rows)} facts")
        first = _text(header["duplicate_of"]) if header is not None and "duplicate_of" in header else ""
        if first:
            meta.append(f'a copy of <a href="#{html.escape(_anchor(first))}">{html.escape(first)}</a>, '
                        "left out of the sums")
        if doc in texts:
            body, missing = _report_text(texts[doc], rows, numbers)
            text_html = f'<div class="text">{body}</div>'
            if missing:
                text_html += (f'<p class="warn">{len(missing)} fact(s) not found at their offsets in this text '
                              f'(was the report changed?): ' + ", ".join(records[n]["id"] for n in missing) + "</p>")
        else:
            items = "".join(f'<li><mark class="fact" tabindex="0" data-facts="{n}" '
                            f'data-metrics="{html.escape(records[n]["metric"])}">{html.escape(records[n]["evidence"])}'
                            f'</mark></li>' for n in numbers)
            text_html = f'<p class="warn">The report\'s text was not given; its facts:</p><ul>{items}</ul>'
        sections.append(f'<section class="report" id="{html.escape(_anchor(doc))}" '
                        f'data-metrics="{html.escape(doc_metrics)}"><h3>{html.escape(doc)}</h3>'
                        f'<p class="meta">{" · ".join(meta)}</p>{text_html}</section>')
    options = "".join(f'<option value="{html.escape(m)}">{html.escape(m)}</option>' for m in chosen)
    chart_html = "".join(f'<figure class="metric-chart" data-metric="{html.escape(c.metric)}"><figcaption>'
                         f'{html.escape(c.metric)}</figcaption>{c.svg}</figure>' for c in made)
    return _PAGE.format(
        title=html.escape(title), fonts=FONT_STACK, reports=len(docs), facts=len(facts), options=options,
        overview=_overview(summarize(facts, chosen, keep_duplicates=True), chosen),
        groups=_groups_html(groups, chosen), charts=chart_html or "<p>No facts to chart.</p>",
        sections="".join(sections), data=_json_for_script(records), script=_SCRIPT,
    )


_SCRIPT = """
(function () {
  var facts = JSON.parse(document.getElementById("fact-data").textContent);
  var panel = document.getElementById("details");
  function show(mark) {
    var rows = mark.dataset.facts.split(" ").map(function (n) { return facts[+n]; });
    panel.textContent = "";
    var close = document.createElement("button");
    close.type = "button"; close.className = "close"; close.textContent = "×"; close.title = "close (Esc)";
    close.addEventListener("click", hide);
    panel.appendChild(close);
    rows.forEach(function (f) {
      var block = document.createElement("dl");
      ["id", "metric", "value", "unit", "qualifier", "rule", "role", "parent", "place", "as_of", "evidence"]
        .forEach(function (key) {
          if (!f[key]) { return; }
          var dt = document.createElement("dt"); dt.textContent = key;
          var dd = document.createElement("dd"); dd.textContent = f[key];
          block.appendChild(dt); block.appendChild(dd);
        });
      panel.appendChild(block);
    });
    panel.hidden = false;
    document.querySelectorAll("mark.selected").forEach(function (m) { m.classList.remove("selected"); });
    mark.classList.add("selected");
  }
  function hide() {
    panel.hidden = true;
    document.querySelectorAll("mark.selected").forEach(function (m) { m.classList.remove("selected"); });
  }
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hide(); } });
  document.querySelectorAll("mark.fact").forEach(function (mark) {
    mark.addEventListener("click", function () { show(mark); });
    mark.addEventListener("keydown", function (e) { if (e.key === "Enter") { show(mark); } });
  });
  document.getElementById("metric-filter").addEventListener("change", function (e) {
    var metric = e.target.value;
    document.querySelectorAll("mark.fact").forEach(function (mark) {
      var on = !metric || mark.dataset.metrics.split(" ").indexOf(metric) >= 0;
      mark.classList.toggle("dim", !on);
    });
    document.querySelectorAll("section.report").forEach(function (s) {
      s.hidden = !!metric && s.dataset.metrics.split(" ").indexOf(metric) < 0;
    });
    document.querySelectorAll("figure.metric-chart").forEach(function (f) {
      f.hidden = !!metric && f.dataset.metric !== metric;
    });
  });
  document.body.dataset.ready = "yes";
})();
"""

_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; \
script-src 'unsafe-inline'; img-src data:">
<title>{title}</title>
<style>
body {{ font-family: {fonts}; margin: 0 2em 4em; color: #1d1d1f; background: #fff; line-height: 1.6; }}
svg text {{ font-family: {fonts} !important; }}
h1 {{ font-size: 1.5em; margin-bottom: 0.2em; }}
table.overview {{ border-collapse: collapse; font-size: 0.8em; display: block; overflow-x: auto; }}
table.overview th, table.overview td {{ border: 1px solid #ccc; padding: 2px 6px; white-space: nowrap; }}
table.overview th {{ background: #eef3fb; position: sticky; top: 0; }}
td.num {{ text-align: right; }}
td.title {{ max-width: 18em; overflow: hidden; text-overflow: ellipsis; }}
figure.metric-chart {{ margin: 1em 0; }}
figure.metric-chart figcaption {{ font-weight: bold; }}
svg.chart {{ max-width: 100%; height: auto; }}
section.report {{ border-top: 2px solid #3b7dd8; margin-top: 2em; }}
.meta {{ color: #555; font-size: 0.9em; }}
div.text {{ white-space: pre-wrap; max-width: 60em; }}
mark.fact {{ background: #ffe066; border-bottom: 2px solid #e0a800; cursor: pointer; padding: 0 1px; }}
mark.fact.selected {{ outline: 2px solid #d9480f; }}
mark.fact.dim {{ background: transparent; border-bottom: 1px dotted #bbb; }}
.warn {{ color: #a61e4d; }}
#toolbar {{ position: sticky; top: 0; background: #fff; padding: 0.5em 0; z-index: 2; border-bottom: 1px solid #ddd; }}
#details {{ position: fixed; right: 1em; bottom: 1em; max-width: 26em; max-height: 60vh; overflow: auto;
  background: #fffbe6; border: 1px solid #e0a800; padding: 0.5em 1em; font-size: 0.85em; z-index: 3; }}
#details dl {{ display: grid; grid-template-columns: auto 1fr; gap: 0 0.8em; margin: 0.4em 0; }}
#details dt {{ color: #555; }}
#details dd {{ margin: 0; word-break: break-all; }}
#details button.close {{ float: right; border: none; background: none; font-size: 1.2em; cursor: pointer; }}
</style>
</head>
<body>
<h1>{title}</h1>
<p class="meta">{reports} reports, {facts} facts. Click a highlighted number for its details.</p>
<div id="toolbar"><label>Metric: <select id="metric-filter"><option value="">all metrics</option>{options}\
</select></label></div>
<h2>Overview</h2>
{overview}
<h2>Sums by county and month</h2>
{groups}
<h2>Charts</h2>
{charts}
<h2>Reports</h2>
{sections}
<aside id="details" hidden></aside>
<script type="application/json" id="fact-data">{data}</script>
<script>{script}</script>
</body>
</html>
"""
