"""Retirement and consolidation reports from a consolidation scenario, for a director to sign.

The retirement report: a summary, the thresholds, a table per rule with the evidence behind each item,
the recommendations, what retiring or moving caravans does to coverage (re-planned what-ifs, with a
chart of the changes) and a signature block. The consolidation report refers to it for all that and
adds only the consolidation: the regrouping moves, how complete each set and caravan kit is
afterwards, and the caravans to redeploy with their effect on coverage.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from caravan_app.domain.views import ConsolidationView, Evidence, RetirementCandidateView, WhatIfView
from caravan_app.reports.charts import ChangePanel, change_chart
from caravan_app.reports.document import Running, markup, para, render, styles, table
from caravan_app.reports.texts import Texts

WIDTH = 180 * mm
RECOMMENDATION_ORDER = ("retire", "refurbish", "redeploy", "keep")
KIND_ORDER = ("caravan", "set", "exhibit")


def retirement_report(view: ConsolidationView, lang: str = "zh", *, printed_on: date | None = None) -> bytes:
    texts = Texts(lang)
    running = Running(texts("retirement_report"), view.name, printed_on or date.today(), texts)
    return render(retirement_story(view, texts), running)


def consolidation_report(
    view: ConsolidationView, lang: str = "zh", *, printed_on: date | None = None
) -> bytes:
    texts = Texts(lang)
    running = Running(texts("consolidation_report"), view.name, printed_on or date.today(), texts)
    return render(consolidation_story(view, texts), running)


def _evidence_text(evidence: Evidence, t: Texts) -> str:
    sep = "：" if t.lang == "zh" else ": "
    text = f"{evidence.name}{sep}{evidence.value}"
    if evidence.threshold:
        text += f"（{evidence.threshold}）" if t.lang == "zh" else f" ({evidence.threshold})"
    return text


def _candidate_order(c: RetirementCandidateView) -> tuple[int, str]:
    return (KIND_ORDER.index(c.kind) if c.kind in KIND_ORDER else len(KIND_ORDER), c.code)


def _heading(view: ConsolidationView, t: Texts, title: str) -> list[Flowable]:
    line = "  |  ".join(
        [
            t.pair("scenario", view.name),
            t.pair("made_on", view.made_on.isoformat()),
            t.pair("term", view.term),
        ]
    )
    return [para(title, styles().title), para(line)]


def retirement_story(view: ConsolidationView, t: Texts) -> list[Flowable]:
    s = styles()
    story = _heading(view, t, t("retirement_report"))
    story.append(para(t("overview"), s.heading))
    story += _overview(view, t)
    if view.thresholds:
        story.append(para(t("thresholds"), s.heading))
        # Each line: a setting (or a fixed standard), its value, and the rules it applies to.
        story.append(
            table(
                [t("col_criterion"), t("col_value"), t("col_applies_to")],
                [[e.name, e.value, e.threshold] for e in view.thresholds],
                [62 * mm, 38 * mm, 80 * mm],
            )
        )
    story += _rule_tables(view, t)
    story.append(CondPageBreak(50 * mm))
    story.append(para(t("recommendations"), s.heading))
    story += _recommendations(view, t)
    story.append(CondPageBreak(90 * mm))
    story.append(para(t("what_if"), s.heading))
    story += _what_ifs(view.what_ifs, t, empty=t("no_what_if"))
    story += _closing(view, t)
    return story


def consolidation_story(view: ConsolidationView, t: Texts) -> list[Flowable]:
    s = styles()
    story = _heading(view, t, t("consolidation_report"))
    story.append(para(t("overview"), s.heading))
    story.append(para(t("refers_to_retirement")))
    retired = Counter(c.kind for c in view.candidates if c.recommendation == "retire")
    story.append(para(t("consolidation_assumes", exhibits=retired["exhibit"], caravans=retired["caravan"])))
    complete = sum(1 for x in view.sets if x.complete)
    story.append(para(t("overview_moves", moves=len(view.moves), complete=complete, sets=len(view.sets))))
    if view.kits is not None:
        k = view.kits
        story.append(
            para(
                t(
                    "kits_overview",
                    before=k.complete_before,
                    after=k.complete,
                    containers=k.containers,
                    moved=k.moved,
                    km=f"{k.km:,.0f}",
                )
            )
        )
    moved = [w for w in view.what_ifs if w.moved_to_city]
    story += _case_lines(moved, t)

    story.append(para(t("moves"), s.heading))
    if view.moves:
        story.append(
            table(
                [t("col_code"), t("col_name"), t("col_theme"), t("col_from"), t("col_to"), t("col_km")],
                [
                    [m.exhibit_code, m.exhibit_name, m.theme, m.from_name, m.to_name, t.km(m.km)]
                    for m in view.moves
                ],
                [24 * mm, 38 * mm, 20 * mm, 40 * mm, 40 * mm, 18 * mm],
                align="lllllr",
            )
        )
    else:
        story.append(para(t("no_moves")))
    if view.sets:
        story.append(CondPageBreak(40 * mm))
        story.append(para(t("sets"), s.heading))
        story.append(
            table(
                [t("col_code"), t("col_set"), t("col_before"), t("col_after"), t("col_complete")],
                [
                    [x.code, x.name, str(x.before), str(x.after), t("yes") if x.complete else t("no")]
                    for x in view.sets
                ],
                [24 * mm, 76 * mm, 25 * mm, 25 * mm, 30 * mm],
                align="llrrc",
            )
        )
    if view.kits is not None and view.kits.per_container:
        story.append(CondPageBreak(40 * mm))
        story.append(para(t("kits"), s.heading))
        story.append(
            table(
                [t("col_caravan"), t("col_before"), t("col_after"), t("col_complete")],
                [
                    [
                        code,
                        str(x.now),
                        str(x.after),
                        t(
                            "before_after",
                            before=t("yes") if x.complete_before else t("no"),
                            after=t("yes") if x.complete else t("no"),
                        ),
                    ]
                    for code, x in sorted(view.kits.per_container.items())
                ],
                [40 * mm, 30 * mm, 30 * mm, 40 * mm],
                align="lrrc",
            )
        )
    story.append(CondPageBreak(70 * mm))
    story.append(para(t("redeployment"), s.heading))
    story += _what_ifs(moved, t, empty=t("no_redeployment"))
    story += _closing(view, t, kits_noted=True)
    return story


def _closing(view: ConsolidationView, t: Texts, *, kits_noted: bool = False) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = []
    notes = _notes(view, t, kits_noted=kits_noted)
    if notes:
        out.append(para(t("notes"), s.heading))
        out += [markup("• " + escape(note)) for note in notes]
    out.append(Spacer(1, 6 * mm))
    out.append(_signatures(t))
    return out


def _overview(view: ConsolidationView, t: Texts) -> list[Flowable]:
    kinds = Counter(c.kind for c in view.candidates)
    out: list[Flowable] = [
        para(
            t(
                "overview_counts",
                n=len(view.candidates),
                caravans=kinds["caravan"],
                exhibits=kinds["exhibit"],
                sets=kinds["set"],
            )
        )
    ]
    recommended = Counter(c.recommendation for c in view.candidates)
    if recommended:
        order = [r for r in RECOMMENDATION_ORDER if r in recommended] + sorted(
            r for r in recommended if r not in RECOMMENDATION_ORDER
        )
        sep = "，" if t.lang == "zh" else ", "
        parts = sep.join(f"{t.code('recommendation', r)} {recommended[r]}" for r in order)
        out.append(para(t("overview_recommend", parts=parts)))
    return out + _case_lines(view.what_ifs, t)


def _case_lines(what_ifs: Sequence[WhatIfView], t: Texts) -> list[Flowable]:
    sep = "，" if t.lang == "zh" else ", "
    out: list[Flowable] = []
    for w in what_ifs:
        figures = sep.join(
            [
                f"{t('col_served')} {w.served_before} → {w.served_after}",
                f"{t('col_key_counties')} {w.key_counties_before} → {w.key_counties_after}",
                f"{t('col_km_total')} {w.km_before:,.0f} → {w.km_after:,.0f}",
            ]
        )
        out.append(para(t.pair_text(_case(w, t), figures)))
    return out


def _case(w: WhatIfView, t: Texts) -> str:
    """A what-if case as the report names it: the caravan retired, or moved to a city."""
    if w.moved_to_city:
        return t("case_moved", caravan=w.caravan_code, city=w.moved_to_city)
    return t("case_without", caravan=w.caravan_code)


def _notes(view: ConsolidationView, t: Texts, *, kits_noted: bool = False) -> list[str]:
    """What the run's notes say; `kits_noted`: the caravan kits' figures are in the text already."""
    notes = []
    if view.as_of is not None and view.use_window is not None:
        first, last = view.use_window
        notes.append(t("note_screened", as_of=view.as_of.isoformat(), first=first, last=last))
    if view.baseline is not None:
        b = view.baseline
        notes.append(
            t("note_baseline_plan", plan=b.plan) if b.plan else t("note_baseline_solved"),
        )
        notes[-1] += t(
            "note_baseline_figures",
            served=b.served,
            requests=b.requests,
            key_served=b.key_served,
            key_requests=b.key_requests,
        )
    if view.kits is not None and not kits_noted:
        k = view.kits
        notes.append(
            t(
                "note_kits",
                before=k.complete_before,
                after=k.complete,
                containers=k.containers,
                moved=k.moved,
                km=f"{k.km:,.0f}",
            )
        )
    if view.to_store:
        notes.append(t("note_to_store", n=view.to_store))
    if view.violations:
        notes.append(t("note_violations", n=view.violations))
    return notes


def _rule_tables(view: ConsolidationView, t: Texts) -> list[Flowable]:
    s = styles()
    if not view.candidates:
        return [para(t("no_candidates"), s.body)]
    rules: dict[str, list[RetirementCandidateView]] = {}
    for candidate in sorted(view.candidates, key=_candidate_order):
        for rule in candidate.rules:
            rules.setdefault(rule, []).append(candidate)
    out: list[Flowable] = []
    header = [
        t("col_kind"),
        t("col_code"),
        t("col_name"),
        t("col_evidence"),
        t("col_recommendation"),
        t("col_decision"),
    ]
    for rule, candidates in rules.items():
        out.append(CondPageBreak(30 * mm))
        out.append(para(t("rule_heading", rule=t.code("rule", rule), n=len(candidates)), s.heading))
        # Items to keep are named, not tabled: a province has hundreds of sound exhibits past their
        # nominal life, and the director signs for what changes.
        acted = [c for c in candidates if c.recommendation != "keep"]
        kept = [c.code for c in candidates if c.recommendation == "keep"]
        rows = [
            [
                t.code("kind", c.kind),
                c.code,
                c.name,
                "\n".join(_evidence_text(e, t) for e in c.evidence),
                t.code("recommendation", c.recommendation),
                t.code("decision", c.decision),
            ]
            for c in acted
        ]
        if rows:
            out.append(table(header, rows, [14 * mm, 24 * mm, 34 * mm, 62 * mm, 26 * mm, 20 * mm]))
        if kept:
            sep = "、" if t.lang == "zh" else ", "
            out.append(para(t("kept_under_rule", n=len(kept), codes=sep.join(kept)), s.body))
    return out


def _recommendations(view: ConsolidationView, t: Texts) -> list[Flowable]:
    if not view.candidates:
        return [para(t("none"))]
    s = styles()

    def rank(c: RetirementCandidateView) -> int:
        return rank_of(c.recommendation)

    kinds = [k for k in KIND_ORDER if any(c.kind == k for c in view.candidates)]
    recommendations = sorted({c.recommendation for c in view.candidates}, key=rank_of)
    counts = [
        [
            t.code("recommendation", r),
            *(str(sum(1 for c in view.candidates if c.recommendation == r and c.kind == k)) for k in kinds),
        ]
        for r in recommendations
    ]
    out: list[Flowable] = [
        para(t("recommendation_counts"), s.body),
        table(
            [t("col_recommendation"), *(t.code("kind", k) for k in kinds)],
            counts,
            [40 * mm] + [30 * mm] * len(kinds),
        ),
    ]
    others = sorted(
        (c for c in view.candidates if c.kind != "exhibit"), key=lambda c: (rank(c), *_candidate_order(c))
    )
    if others:
        sep = "、" if t.lang == "zh" else ", "
        out.append(para(t("exhibits_listed_above"), s.body))
        rows = [
            [
                t.code("recommendation", c.recommendation),
                t.code("kind", c.kind),
                c.code,
                c.name,
                sep.join(t.code("rule", r) for r in c.rules),
                t.code("decision", c.decision),
            ]
            for c in others
        ]
        out.append(
            table(
                [
                    t("col_recommendation"),
                    t("col_kind"),
                    t("col_code"),
                    t("col_name"),
                    t("col_rules"),
                    t("col_decision"),
                ],
                rows,
                [26 * mm, 14 * mm, 24 * mm, 38 * mm, 58 * mm, 20 * mm],
            )
        )
    return out


def rank_of(recommendation: str) -> int:
    return RECOMMENDATION_ORDER.index(recommendation) if recommendation in RECOMMENDATION_ORDER else 99


# Rows per change chart: a taller drawing would not fit on a page.
CHART_ROWS = 40


def _what_ifs(what_ifs: Sequence[WhatIfView], t: Texts, *, empty: str) -> list[Flowable]:
    if not what_ifs:
        return [para(empty)]
    sep = "、" if t.lang == "zh" else ", "
    rows = [
        [
            _case(w, t),
            t("before_after", before=w.served_before, after=w.served_after),
            t("before_after", before=w.key_counties_before, after=w.key_counties_after),
            t("before_after", before=f"{w.km_before:,.0f}", after=f"{w.km_after:,.0f}"),
            sep.join(w.lost_requests) or t("none"),
        ]
        for w in what_ifs
    ]
    out: list[Flowable] = [
        table(
            [t("col_case"), t("col_served"), t("col_key_counties"), t("col_km_total"), t("col_lost")],
            rows,
            [40 * mm, 26 * mm, 26 * mm, 34 * mm, 54 * mm],
            align="lrrrl",
        ),
        Spacer(1, 4 * mm),
    ]
    for first in range(0, len(what_ifs), CHART_ROWS):
        part = what_ifs[first : first + CHART_ROWS]
        chart = change_chart(
            WIDTH,
            [_case(w, t) for w in part],
            [
                ChangePanel(t("chart_served"), [w.served_after - w.served_before for w in part]),
                ChangePanel(
                    t("chart_key_requests"), [w.key_requests_after - w.key_requests_before for w in part]
                ),
                ChangePanel(
                    t("chart_key_counties"), [w.key_counties_after - w.key_counties_before for w in part]
                ),
                ChangePanel(t("chart_km_total"), [w.km_after - w.km_before for w in part]),
            ],
        )
        out.append(KeepTogether([chart, markup(escape(t("chart_changes")), styles().small_center)]))
    return out


def _signatures(t: Texts) -> Flowable:
    s = styles()
    rows = [[t(role), "", "", ""] for role in ("prepared_by", "reviewed_by", "approved_by")]
    return KeepTogether(
        [
            para(t("signatures"), s.heading),
            table(
                ["", t("col_person"), t("col_signature"), t("date")],
                rows,
                [30 * mm, 50 * mm, 60 * mm, 40 * mm],
                banded=False,
                min_row_height=13 * mm,
                extra=[("VALIGN", (0, 1), (-1, -1), "MIDDLE")],
            ),
        ]
    )
