"""A stand-alone condition form for a museum set's stay: the exhibits with grades to circle when it
is installed and when it is taken down; the same table as a route sheet's last page.

A caravan trip's route sheet already ends with it; a set's stay has a rotation schedule page
instead, so its field kit carries this form beside it. The route sheet's pre-departure checklist
is about the vehicle (tyres, generator) and is left out.
"""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable

from caravan_app.domain.views import ExhibitView
from caravan_app.reports.document import Running, SectionStart, para, render, styles

# The route sheet's own table, so a form prints the same wherever it comes from.
from caravan_app.reports.route_sheet import _condition_form
from caravan_app.reports.texts import Texts


def condition_form(
    title: str,
    load: tuple[ExhibitView, ...],
    lang: str = "zh",
    *,
    plan_name: str = "",
    printed_on: date | None = None,
    draft: bool = False,
) -> bytes:
    """The condition form of `load`, headed by `title` (e.g. the set and venue);
    `plan_name` (e.g. the placement's code) goes in the running header; `draft` for a stay of a plan
    not approved, marked so on every page."""
    t = Texts(lang)
    s = styles()
    story: list[Flowable] = [
        SectionStart(title, title),
        para(t("condition_form"), s.title),
        para(title, s.body),
    ]
    story += _condition_form(load, t)
    running = Running(t("condition_form"), plan_name, printed_on or date.today(), t, draft=draft)
    return render(story, running)
