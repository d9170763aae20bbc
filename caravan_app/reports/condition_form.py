"""A stand-alone condition form for a museum set's stay: the exhibits with grades to circle at
installation and at removal, and the checklist; the same tables as a route sheet's last pages.

A caravan trip's route sheet already ends with these; a set's stay has a rotation schedule page
instead, so its field kit carries this form beside it.
"""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable

from caravan_app.domain.views import ExhibitView
from caravan_app.reports.document import Running, SectionStart, para, render, styles

# The route sheet's own tables, so a form prints the same wherever it comes from.
from caravan_app.reports.route_sheet import _checklist, _condition_form
from caravan_app.reports.texts import Texts


def condition_form(
    title: str, load: tuple[ExhibitView, ...], lang: str = "zh", *, printed_on: date | None = None
) -> bytes:
    """The checklist and the condition form of `load`, headed by `title` (e.g. the set and venue)."""
    t = Texts(lang)
    s = styles()
    story: list[Flowable] = [
        SectionStart(title, title),
        para(t("condition_form"), s.title),
        para(title, s.body),
    ]
    story += _condition_form(load, t)
    story.append(para(t("checklist"), s.heading))
    story += _checklist(t)
    running = Running(t("condition_form"), title, printed_on or date.today(), t)
    return render(story, running)
