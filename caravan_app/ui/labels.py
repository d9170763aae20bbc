"""Translated names for the domain's codes: enum members, unserved reasons, place kinds, columns.

The tables are built inside functions so that `translate` runs after the translator is installed
and again after a language switch.
"""

from __future__ import annotations

from datetime import date, datetime, time
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

_cache: dict[tuple[str, str], Any] = {}


def _language_key() -> str:
    """Changes when the language does: the current translation of one of our own strings."""
    return QCoreApplication.translate("Labels", "Yes")


def enum_labels() -> dict[str, dict[str, str]]:
    """Enum class name -> code -> label in the current language (built once per language)."""
    key = ("enum_labels", _language_key())
    if key not in _cache:
        _cache[key] = _enum_labels()
    return _cache[key]  # type: ignore[no-any-return]


def _enum_labels() -> dict[str, dict[str, str]]:
    return {
        "Level": {
            "province": QCoreApplication.translate("Labels", "Province level"),
            "city": QCoreApplication.translate("Labels", "City level"),
            "county": QCoreApplication.translate("Labels", "County level"),
        },
        "DivisionKind": {
            "district": QCoreApplication.translate("Labels", "District"),
            "county": QCoreApplication.translate("Labels", "County"),
            "county_city": QCoreApplication.translate("Labels", "County-level city"),
        },
        "VenueKind": {
            "school": QCoreApplication.translate("Labels", "School"),
            "township_centre": QCoreApplication.translate("Labels", "Township centre"),
            "community": QCoreApplication.translate("Labels", "Community"),
            "village": QCoreApplication.translate("Labels", "Village"),
            "science_hall": QCoreApplication.translate("Labels", "County science hall"),
            "other": QCoreApplication.translate("Labels", "Other"),
        },
        "CaravanType": {
            "I": QCoreApplication.translate("Labels", "Type I"),
            "II": QCoreApplication.translate("Labels", "Type II"),
            "III": QCoreApplication.translate("Labels", "Type III"),
            "IV": QCoreApplication.translate("Labels", "Type IV"),
        },
        "CaravanStatus": {
            "in_service": QCoreApplication.translate("Labels", "In service"),
            "maintenance": QCoreApplication.translate("Labels", "In maintenance"),
            "reserve": QCoreApplication.translate("Labels", "Reserve"),
            "retired": QCoreApplication.translate("Labels", "Retired"),
        },
        "ExhibitUse": {
            "caravan_kit": QCoreApplication.translate("Labels", "Caravan kit"),
            "museum_set": QCoreApplication.translate("Labels", "Museum set"),
        },
        "ConditionGrade": {
            "A": QCoreApplication.translate("Labels", "A (as new)"),
            "B": QCoreApplication.translate("Labels", "B (worn)"),
            "C": QCoreApplication.translate("Labels", "C (faulty)"),
            "D": QCoreApplication.translate("Labels", "D (out of order)"),
        },
        "ExhibitStatus": {
            "in_use": QCoreApplication.translate("Labels", "In use"),
            "in_store": QCoreApplication.translate("Labels", "In store"),
            "in_repair": QCoreApplication.translate("Labels", "In repair"),
            "retired": QCoreApplication.translate("Labels", "Retired"),
            "lost": QCoreApplication.translate("Labels", "Lost"),
        },
        "SetStatus": {
            "touring": QCoreApplication.translate("Labels", "Touring"),
            "in_store": QCoreApplication.translate("Labels", "In store"),
            "maintenance": QCoreApplication.translate("Labels", "In maintenance"),
            "retired": QCoreApplication.translate("Labels", "Disbanded"),
        },
        "RequestKind": {
            "caravan_visit": QCoreApplication.translate("Labels", "Caravan visit"),
            "museum_placement": QCoreApplication.translate("Labels", "Museum placement"),
        },
        "RequestStatus": {
            "open": QCoreApplication.translate("Labels", "Open"),
            "planned": QCoreApplication.translate("Labels", "Planned"),
            "served": QCoreApplication.translate("Labels", "Served"),
            "cancelled": QCoreApplication.translate("Labels", "Cancelled"),
        },
        "PlanStatus": {
            "draft": QCoreApplication.translate("Labels", "Draft"),
            "approved": QCoreApplication.translate("Labels", "Approved"),
            "published": QCoreApplication.translate("Labels", "Published"),
        },
        "MaintenanceKind": {
            "repair": QCoreApplication.translate("Labels", "Repair"),
            "service": QCoreApplication.translate("Labels", "Service"),
            "inspection": QCoreApplication.translate("Labels", "Inspection"),
            "refurbish": QCoreApplication.translate("Labels", "Refurbishment"),
        },
        "CandidateKind": {
            "caravan": QCoreApplication.translate("Labels", "Caravan"),
            "exhibit": QCoreApplication.translate("Labels", "Exhibit"),
            "set": QCoreApplication.translate("Labels", "Set"),
        },
        "Decision": {
            "pending": QCoreApplication.translate("Labels", "Undecided"),
            "accepted": QCoreApplication.translate("Labels", "Accepted"),
            "rejected": QCoreApplication.translate("Labels", "Rejected"),
        },
        "CheckContext": {
            "handover": QCoreApplication.translate("Labels", "Handover check"),
            "field": QCoreApplication.translate("Labels", "Field check"),
            "annual": QCoreApplication.translate("Labels", "Annual stocktake"),
            "return": QCoreApplication.translate("Labels", "Return check"),
        },
    }


def enum_label(value: Enum) -> str:
    return enum_labels().get(type(value).__name__, {}).get(str(value.value), str(value.value))


def unserved_reason(code: str) -> str:
    return {
        "no_type_or_theme": QCoreApplication.translate("Labels", "No caravan of a wanted type and theme"),
        "no_permitted_caravan": QCoreApplication.translate("Labels", "No caravan may serve this region"),
        "no_workable_date": QCoreApplication.translate("Labels", "No workable date"),
        "capacity": QCoreApplication.translate("Labels", "Caravans fully booked"),
    }.get(code, code)


def place_kind(kind: str) -> str:
    return {
        "depot": QCoreApplication.translate("Labels", "Depot"),
        "caravan": QCoreApplication.translate("Labels", "Caravan"),
        "set": QCoreApplication.translate("Labels", "Set"),
        "workshop": QCoreApplication.translate("Labels", "Workshop"),
    }.get(kind, kind)


def place_text(place: str) -> str:
    """'caravan:CV01' as 'Caravan CV01' in the current language."""
    if not place:
        return QCoreApplication.translate("Labels", "(acquired)")
    kind, _sep, code = place.partition(":")
    return f"{place_kind(kind)} {code}"


def weekdays_text(digits: str) -> str:
    """Opening weekdays "12345" as "Mon–Fri" (周一至周五), "13567" as "Mon, Wed, Fri–Sun"."""
    days = sorted({int(c) for c in str(digits) if c in "1234567"})
    if not days:
        return str(digits)
    if days == list(range(1, 8)):
        return QCoreApplication.translate("Labels", "Every day")
    locale = QLocale()

    def name(day: int) -> str:
        return locale.dayName(day, QLocale.FormatType.ShortFormat)

    runs: list[list[int]] = []
    for day in days:
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        if len(run) >= 3:
            #: A run of weekdays, e.g. Mon–Fri (zh: 周一至周五).
            parts.append(
                QCoreApplication.translate("Labels", "%1–%2")
                .replace("%1", name(run[0]))
                .replace("%2", name(run[-1]))
            )
        else:
            parts.extend(name(day) for day in run)
    #: Between weekdays or runs of them (zh: 、).
    return QCoreApplication.translate("Labels", ", ", "between weekdays").join(parts)


def where_now_text(value: str) -> str:
    """A set's "hall:<venue> (<county>)" or "store:<depot>" in the current language."""
    kind, _sep, name = str(value).partition(":")
    if kind == "store":
        return QCoreApplication.translate("Labels", "In store at %1").replace("%1", name)
    return name if kind == "hall" else str(value)


def yes_no(value: bool) -> str:
    return (
        QCoreApplication.translate("Labels", "Yes") if value else QCoreApplication.translate("Labels", "No")
    )


def display(value: Any) -> str:
    """Any cell value as text: enums labelled, dates ISO, floats without noise."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        return enum_label(value)
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:g}"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return str(value)


def column_titles() -> dict[str, str]:
    """Model attribute -> column title, shared by every entity's table and form."""
    key = ("column_titles", _language_key())
    if key not in _cache:
        _cache[key] = _column_titles()
    return _cache[key]  # type: ignore[no-any-return]


def _column_titles() -> dict[str, str]:
    return {
        "code": QCoreApplication.translate("Columns", "Code"),
        "adcode": QCoreApplication.translate("Columns", "Division code"),
        "name": QCoreApplication.translate("Columns", "Name"),
        "name_zh": QCoreApplication.translate("Columns", "Chinese name"),
        "name_en": QCoreApplication.translate("Columns", "English name"),
        "plate": QCoreApplication.translate("Columns", "Plate"),
        "type": QCoreApplication.translate("Columns", "Type"),
        "level": QCoreApplication.translate("Columns", "Level"),
        "division": QCoreApplication.translate("Columns", "Division kind"),
        "parent_id": QCoreApplication.translate("Columns", "Parent region"),
        "owner_level": QCoreApplication.translate("Columns", "Owner level"),
        "owner_region_id": QCoreApplication.translate("Columns", "Owner region"),
        "home_depot_id": QCoreApplication.translate("Columns", "Home depot"),
        "region_id": QCoreApplication.translate("Columns", "Region"),
        "county_id": QCoreApplication.translate("Columns", "County"),
        "exhibit_slots": QCoreApplication.translate("Columns", "Exhibit slots"),
        "crew_size": QCoreApplication.translate("Columns", "Crew size"),
        "in_service_since": QCoreApplication.translate("Columns", "In service since"),
        "odometer_km": QCoreApplication.translate("Columns", "Odometer (km)"),
        "odometer_read_on": QCoreApplication.translate("Columns", "Odometer read on"),
        "value_yuan": QCoreApplication.translate("Columns", "Value (yuan)"),
        "status": QCoreApplication.translate("Columns", "Status"),
        "themes": QCoreApplication.translate("Columns", "Themes"),
        "theme": QCoreApplication.translate("Columns", "Theme"),
        "use": QCoreApplication.translate("Columns", "Use"),
        "length_cm": QCoreApplication.translate("Columns", "Length (cm)"),
        "width_cm": QCoreApplication.translate("Columns", "Width (cm)"),
        "height_cm": QCoreApplication.translate("Columns", "Height (cm)"),
        "weight_kg": QCoreApplication.translate("Columns", "Weight (kg)"),
        "power_w": QCoreApplication.translate("Columns", "Power (W)"),
        "acquired_on": QCoreApplication.translate("Columns", "Acquired on"),
        "service_life_years": QCoreApplication.translate("Columns", "Service life (years)"),
        "condition": QCoreApplication.translate("Columns", "Condition"),
        "depot_id": QCoreApplication.translate("Columns", "Depot"),
        "caravan_id": QCoreApplication.translate("Columns", "Caravan"),
        "set_id": QCoreApplication.translate("Columns", "Set"),
        "workshop_id": QCoreApplication.translate("Columns", "Workshop"),
        "hall_area_m2": QCoreApplication.translate("Columns", "Hall area (m²)"),
        "install_days": QCoreApplication.translate("Columns", "Install days"),
        "uninstall_days": QCoreApplication.translate("Columns", "Uninstall days"),
        "truck_loads": QCoreApplication.translate("Columns", "Truck loads"),
        "formed_on": QCoreApplication.translate("Columns", "Formed on"),
        "template": QCoreApplication.translate("Columns", "Required make-up"),
        "kind": QCoreApplication.translate("Columns", "Kind"),
        "township": QCoreApplication.translate("Columns", "Township"),
        "address": QCoreApplication.translate("Columns", "Address"),
        "lat": QCoreApplication.translate("Columns", "Latitude"),
        "lon": QCoreApplication.translate("Columns", "Longitude"),
        "contact_name": QCoreApplication.translate("Columns", "Contact"),
        "contact_phone": QCoreApplication.translate("Columns", "Phone"),
        "caravan_parking": QCoreApplication.translate("Columns", "Caravan parking"),
        "open_weekdays": QCoreApplication.translate("Columns", "Open weekdays"),
        "open_from": QCoreApplication.translate("Columns", "Opens"),
        "open_to": QCoreApplication.translate("Columns", "Closes"),
        "is_key_county": QCoreApplication.translate("Columns", "Key county"),
        "venue_id": QCoreApplication.translate("Columns", "Venue"),
        "earliest_on": QCoreApplication.translate("Columns", "Earliest"),
        "latest_on": QCoreApplication.translate("Columns", "Latest"),
        "show_days": QCoreApplication.translate("Columns", "Show days"),
        "themes_wanted": QCoreApplication.translate("Columns", "Themes wanted"),
        "caravan_types": QCoreApplication.translate("Columns", "Caravan types"),
        "expected_audience": QCoreApplication.translate("Columns", "Expected audience"),
        "priority": QCoreApplication.translate("Columns", "Priority"),
        "notes": QCoreApplication.translate("Columns", "Notes"),
        "city": QCoreApplication.translate("Columns", "City"),
        "place": QCoreApplication.translate("Columns", "Where now"),
        "where_now": QCoreApplication.translate("Columns", "Where now"),
        "venue_name": QCoreApplication.translate("Columns", "Venue name"),
    }


def column_title(attr: str) -> str:
    return column_titles().get(attr, attr)


def entity_titles() -> dict[str, str]:
    return {
        "caravans": QCoreApplication.translate("Labels", "Caravans"),
        "exhibits": QCoreApplication.translate("Labels", "Exhibits"),
        "exhibit_sets": QCoreApplication.translate("Labels", "Sets"),
        "venues": QCoreApplication.translate("Labels", "Venues"),
        "regions": QCoreApplication.translate("Labels", "Regions"),
        "depots": QCoreApplication.translate("Labels", "Depots"),
        "requests": QCoreApplication.translate("Labels", "Requests"),
        "workshops": QCoreApplication.translate("Labels", "Workshops"),
    }


def entity_noun(entity: str) -> str:
    return {
        "caravans": QCoreApplication.translate("Labels", "caravan"),
        "exhibits": QCoreApplication.translate("Labels", "exhibit"),
        "exhibit_sets": QCoreApplication.translate("Labels", "set"),
        "venues": QCoreApplication.translate("Labels", "venue"),
        "regions": QCoreApplication.translate("Labels", "region"),
        "depots": QCoreApplication.translate("Labels", "depot"),
        "requests": QCoreApplication.translate("Labels", "request"),
        "tour_stops": QCoreApplication.translate("Labels", "visit"),
        "plans": QCoreApplication.translate("Labels", "plan"),
    }.get(entity, entity)


def term_label(name: str) -> str:
    """ "2027-spring" as "Spring term 2027" in the current language."""
    year, _sep, season = name.partition("-")
    if season == "spring":
        return QCoreApplication.translate("Labels", "Spring term %1").replace("%1", year)
    if season == "autumn":
        return QCoreApplication.translate("Labels", "Autumn term %1").replace("%1", year)
    return name


def unserved_detail(reason: str, detail: str, venue: str, county: str) -> str:
    """The planner's explanation (English, from the planning layer) in the current language."""
    if reason == "no_permitted_caravan":
        return QCoreApplication.translate("Labels", "No caravan may serve %1").replace("%1", county)
    if reason == "no_workable_date":
        return QCoreApplication.translate(
            "Labels", "No caravan can reach %1 on an allowed working day"
        ).replace("%1", venue)
    if reason == "capacity":
        return QCoreApplication.translate("Labels", "Every caravan that could serve it was busy")
    if reason == "no_type_or_theme" and detail.startswith("needs ") and " with " in detail:
        types, _sep, themes = detail[len("needs ") :].partition(" with ")
        any_type = QCoreApplication.translate("Labels", "any type")
        any_theme = QCoreApplication.translate("Labels", "any theme")
        return (
            QCoreApplication.translate("Labels", "Needs %1 with %2")
            .replace("%1", any_type if types == "any type" else types)
            .replace("%2", any_theme if themes == "any theme" else themes)
        )
    return detail
