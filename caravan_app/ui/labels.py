"""Translated names for the domain's codes: enum members, unserved reasons, place kinds, columns.

The tables are built inside functions so that `translate` runs after the translator is installed
and again after a language switch.
"""

from __future__ import annotations

from datetime import date, datetime, time
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def enum_labels() -> dict[str, dict[str, str]]:
    """Enum class name -> code -> label in the current language."""
    t = QCoreApplication.translate
    return {
        "Level": {
            "province": t("Labels", "Province"),
            "city": t("Labels", "City"),
            "county": t("Labels", "County"),
        },
        "DivisionKind": {
            "district": t("Labels", "District"),
            "county": t("Labels", "County"),
            "county_city": t("Labels", "County-level city"),
        },
        "VenueKind": {
            "school": t("Labels", "School"),
            "township_centre": t("Labels", "Township centre"),
            "community": t("Labels", "Community"),
            "village": t("Labels", "Village"),
            "science_hall": t("Labels", "County science hall"),
            "other": t("Labels", "Other"),
        },
        "CaravanType": {
            "I": t("Labels", "Type I"),
            "II": t("Labels", "Type II"),
            "III": t("Labels", "Type III"),
            "IV": t("Labels", "Type IV"),
        },
        "CaravanStatus": {
            "in_service": t("Labels", "In service"),
            "maintenance": t("Labels", "In maintenance"),
            "reserve": t("Labels", "Reserve"),
            "retired": t("Labels", "Retired"),
        },
        "ExhibitUse": {
            "caravan_kit": t("Labels", "Caravan kit"),
            "museum_set": t("Labels", "Museum set"),
        },
        "ConditionGrade": {
            "A": t("Labels", "A (as new)"),
            "B": t("Labels", "B (worn)"),
            "C": t("Labels", "C (faulty)"),
            "D": t("Labels", "D (out of order)"),
        },
        "ExhibitStatus": {
            "in_use": t("Labels", "In use"),
            "in_store": t("Labels", "In store"),
            "in_repair": t("Labels", "In repair"),
            "retired": t("Labels", "Retired"),
            "lost": t("Labels", "Lost"),
        },
        "SetStatus": {
            "touring": t("Labels", "Touring"),
            "in_store": t("Labels", "In store"),
            "maintenance": t("Labels", "In maintenance"),
            "retired": t("Labels", "Disbanded"),
        },
        "RequestKind": {
            "caravan_visit": t("Labels", "Caravan visit"),
            "museum_placement": t("Labels", "Museum placement"),
        },
        "RequestStatus": {
            "open": t("Labels", "Open"),
            "planned": t("Labels", "Planned"),
            "served": t("Labels", "Served"),
            "cancelled": t("Labels", "Cancelled"),
        },
        "PlanStatus": {
            "draft": t("Labels", "Draft"),
            "approved": t("Labels", "Approved"),
            "published": t("Labels", "Published"),
        },
        "MaintenanceKind": {
            "repair": t("Labels", "Repair"),
            "service": t("Labels", "Service"),
            "inspection": t("Labels", "Inspection"),
            "refurbish": t("Labels", "Refurbishment"),
        },
        "CheckContext": {
            "handover": t("Labels", "Handover check"),
            "field": t("Labels", "Field check"),
            "annual": t("Labels", "Annual stocktake"),
            "return": t("Labels", "Return check"),
        },
    }


def enum_label(value: Enum) -> str:
    return enum_labels().get(type(value).__name__, {}).get(str(value.value), str(value.value))


def unserved_reason(code: str) -> str:
    t = QCoreApplication.translate
    return {
        "no_type_or_theme": t("Labels", "No caravan of a wanted type and theme"),
        "no_permitted_caravan": t("Labels", "No caravan may serve this region"),
        "no_workable_date": t("Labels", "No workable date"),
        "capacity": t("Labels", "Caravans fully booked"),
    }.get(code, code)


def place_kind(kind: str) -> str:
    t = QCoreApplication.translate
    return {
        "depot": t("Labels", "Depot"),
        "caravan": t("Labels", "Caravan"),
        "set": t("Labels", "Set"),
        "workshop": t("Labels", "Workshop"),
    }.get(kind, kind)


def place_text(place: str) -> str:
    """'caravan:CV01' as 'Caravan CV01' in the current language."""
    if not place:
        return _t("(acquired)")
    kind, _sep, code = place.partition(":")
    return f"{place_kind(kind)} {code}"


def yes_no(value: bool) -> str:
    return _t("Yes") if value else _t("No")


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
    t = QCoreApplication.translate
    return {
        "code": t("Columns", "Code"),
        "adcode": t("Columns", "Division code"),
        "name": t("Columns", "Name"),
        "name_zh": t("Columns", "Chinese name"),
        "name_en": t("Columns", "English name"),
        "plate": t("Columns", "Plate"),
        "type": t("Columns", "Type"),
        "level": t("Columns", "Level"),
        "division": t("Columns", "Division kind"),
        "parent_id": t("Columns", "Parent region"),
        "owner_level": t("Columns", "Owner level"),
        "owner_region_id": t("Columns", "Owner region"),
        "home_depot_id": t("Columns", "Home depot"),
        "region_id": t("Columns", "Region"),
        "county_id": t("Columns", "County"),
        "exhibit_slots": t("Columns", "Exhibit slots"),
        "crew_size": t("Columns", "Crew size"),
        "in_service_since": t("Columns", "In service since"),
        "odometer_km": t("Columns", "Odometer (km)"),
        "odometer_read_on": t("Columns", "Odometer read on"),
        "value_yuan": t("Columns", "Value (yuan)"),
        "status": t("Columns", "Status"),
        "themes": t("Columns", "Themes"),
        "theme": t("Columns", "Theme"),
        "use": t("Columns", "Use"),
        "length_cm": t("Columns", "Length (cm)"),
        "width_cm": t("Columns", "Width (cm)"),
        "height_cm": t("Columns", "Height (cm)"),
        "weight_kg": t("Columns", "Weight (kg)"),
        "power_w": t("Columns", "Power (W)"),
        "acquired_on": t("Columns", "Acquired on"),
        "service_life_years": t("Columns", "Service life (years)"),
        "condition": t("Columns", "Condition"),
        "depot_id": t("Columns", "Depot"),
        "caravan_id": t("Columns", "Caravan"),
        "set_id": t("Columns", "Set"),
        "workshop_id": t("Columns", "Workshop"),
        "hall_area_m2": t("Columns", "Hall area (m²)"),
        "install_days": t("Columns", "Install days"),
        "uninstall_days": t("Columns", "Uninstall days"),
        "truck_loads": t("Columns", "Truck loads"),
        "formed_on": t("Columns", "Formed on"),
        "kind": t("Columns", "Kind"),
        "township": t("Columns", "Township"),
        "address": t("Columns", "Address"),
        "lat": t("Columns", "Latitude"),
        "lon": t("Columns", "Longitude"),
        "contact_name": t("Columns", "Contact"),
        "contact_phone": t("Columns", "Phone"),
        "caravan_parking": t("Columns", "Caravan parking"),
        "open_weekdays": t("Columns", "Open weekdays"),
        "open_from": t("Columns", "Opens"),
        "open_to": t("Columns", "Closes"),
        "is_key_county": t("Columns", "Key county"),
        "venue_id": t("Columns", "Venue"),
        "earliest_on": t("Columns", "Earliest"),
        "latest_on": t("Columns", "Latest"),
        "show_days": t("Columns", "Show days"),
        "themes_wanted": t("Columns", "Themes wanted"),
        "caravan_types": t("Columns", "Caravan types"),
        "expected_audience": t("Columns", "Expected audience"),
        "priority": t("Columns", "Priority"),
        "notes": t("Columns", "Notes"),
        "city": t("Columns", "City"),
        "place": t("Columns", "Where now"),
    }


def column_title(attr: str) -> str:
    return column_titles().get(attr, attr)


def entity_titles() -> dict[str, str]:
    t = QCoreApplication.translate
    return {
        "caravans": t("Labels", "Caravans"),
        "exhibits": t("Labels", "Exhibits"),
        "exhibit_sets": t("Labels", "Sets"),
        "venues": t("Labels", "Venues"),
        "regions": t("Labels", "Regions"),
        "depots": t("Labels", "Depots"),
        "requests": t("Labels", "Requests"),
        "workshops": t("Labels", "Workshops"),
    }


def entity_noun(entity: str) -> str:
    t = QCoreApplication.translate
    return {
        "caravans": t("Labels", "caravan"),
        "exhibits": t("Labels", "exhibit"),
        "exhibit_sets": t("Labels", "set"),
        "venues": t("Labels", "venue"),
        "regions": t("Labels", "region"),
        "depots": t("Labels", "depot"),
        "requests": t("Labels", "request"),
        "tour_stops": t("Labels", "visit"),
        "plans": t("Labels", "plan"),
    }.get(entity, entity)
