"""Printed documents: plain views in (caravan_app.domain.views), PDF bytes out.

Every document embeds the shipped WenQuanYi Micro Hei subset, so Chinese prints on any machine, and
takes `lang` "zh" (the default) or "en" for its labels; names and addresses stay as the data has them.
"""

from caravan_app.reports.consolidation import consolidation_report, retirement_report
from caravan_app.reports.exhibit_labels import exhibit_labels
from caravan_app.reports.rotation_schedule import rotation_schedule
from caravan_app.reports.route_sheet import route_sheets
from caravan_app.reports.summary import plan_summary

__all__ = [
    "consolidation_report",
    "exhibit_labels",
    "plan_summary",
    "retirement_report",
    "rotation_schedule",
    "route_sheets",
]
