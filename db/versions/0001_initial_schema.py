"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-29

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_name", sa.String(length=60), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)

    op.create_table(
        "plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "tour",
                "rotation",
                "consolidation",
                name="plan_kind",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("horizon_start", sa.Date(), nullable=False),
        sa.Column("horizon_end", sa.Date(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "approved",
                "published",
                name="plan_status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.Column("solver_status", sa.String(length=40), nullable=False),
        sa.Column("objective", sa.Float(), nullable=True),
        sa.Column("bound", sa.Float(), nullable=True),
        sa.Column("solve_seconds", sa.Float(), nullable=True),
        sa.Column("parameters_json", sa.Text(), nullable=False),
        sa.Column("figures_json", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("horizon_end >= horizon_start", name=op.f("ck_plans_dates")),
        sa.CheckConstraint(
            "solve_seconds IS NULL OR solve_seconds >= 0", name=op.f("ck_plans_solve_seconds")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plans")),
        sa.UniqueConstraint("name", name=op.f("uq_plans_name")),
    )
    op.create_table(
        "regions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("adcode", sa.String(length=6), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column(
            "level",
            sa.Enum(
                "province",
                "city",
                "county",
                name="region_level",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column(
            "division",
            sa.Enum(
                "district",
                "county",
                "county_city",
                name="division_kind",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=True,
        ),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("is_key_county", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180", name=op.f("ck_regions_coords")
        ),
        sa.CheckConstraint("length(adcode) = 6", name=op.f("ck_regions_adcode_length")),
        sa.ForeignKeyConstraint(["parent_id"], ["regions.id"], name=op.f("fk_regions_parent_id_regions")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_regions")),
        sa.UniqueConstraint("adcode", name=op.f("uq_regions_adcode")),
    )
    with op.batch_alter_table("regions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_regions_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "depots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column(
            "owner_level",
            sa.Enum(
                "province",
                "city",
                "county",
                name="depot_owner_level",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("region_id", sa.Integer(), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180", name=op.f("ck_depots_coords")
        ),
        sa.ForeignKeyConstraint(["region_id"], ["regions.id"], name=op.f("fk_depots_region_id_regions")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_depots")),
        sa.UniqueConstraint("code", name=op.f("uq_depots_code")),
    )
    with op.batch_alter_table("depots", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_depots_region_id"), ["region_id"], unique=False)

    op.create_table(
        "venues",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "school",
                "township_centre",
                "community",
                "village",
                "science_hall",
                "other",
                name="venue_kind",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("county_id", sa.Integer(), nullable=False),
        sa.Column("township", sa.String(length=40), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("contact_name", sa.String(length=40), nullable=False),
        sa.Column("contact_phone", sa.String(length=40), nullable=False),
        sa.Column("hall_area_m2", sa.Float(), nullable=True),
        sa.Column("caravan_parking", sa.Boolean(), nullable=False),
        sa.Column("open_weekdays", sa.String(length=7), nullable=False),
        sa.Column("open_from", sa.Time(), nullable=False),
        sa.Column("open_to", sa.Time(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("hall_area_m2 IS NULL OR hall_area_m2 >= 0", name=op.f("ck_venues_hall_area")),
        sa.CheckConstraint(
            "lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180", name=op.f("ck_venues_coords")
        ),
        sa.CheckConstraint("length(open_weekdays) BETWEEN 1 AND 7", name=op.f("ck_venues_weekdays")),
        sa.CheckConstraint("open_to > open_from", name=op.f("ck_venues_hours")),
        sa.ForeignKeyConstraint(["county_id"], ["regions.id"], name=op.f("fk_venues_county_id_regions")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_venues")),
        sa.UniqueConstraint("code", name=op.f("uq_venues_code")),
    )
    with op.batch_alter_table("venues", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_venues_county_id"), ["county_id"], unique=False)

    op.create_table(
        "workshops",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180", name=op.f("ck_workshops_coords")
        ),
        sa.ForeignKeyConstraint(["region_id"], ["regions.id"], name=op.f("fk_workshops_region_id_regions")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workshops")),
        sa.UniqueConstraint("code", name=op.f("uq_workshops_code")),
    )
    with op.batch_alter_table("workshops", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_workshops_region_id"), ["region_id"], unique=False)

    op.create_table(
        "caravans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("plate", sa.String(length=20), nullable=False),
        sa.Column(
            "type",
            sa.Enum(
                "I",
                "II",
                "III",
                "IV",
                name="caravan_type",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column(
            "owner_level",
            sa.Enum(
                "province",
                "city",
                "county",
                name="caravan_owner_level",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("owner_region_id", sa.Integer(), nullable=False),
        sa.Column("home_depot_id", sa.Integer(), nullable=False),
        sa.Column("exhibit_slots", sa.Integer(), nullable=False),
        sa.Column("crew_size", sa.Integer(), nullable=False),
        sa.Column("in_service_since", sa.Date(), nullable=False),
        sa.Column("odometer_km", sa.Float(), nullable=False),
        sa.Column("odometer_read_on", sa.Date(), nullable=True),
        sa.Column("value_yuan", sa.Float(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "in_service",
                "maintenance",
                "reserve",
                "retired",
                name="caravan_status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("themes", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("crew_size BETWEEN 1 AND 12", name=op.f("ck_caravans_crew")),
        sa.CheckConstraint("exhibit_slots >= 0", name=op.f("ck_caravans_slots")),
        sa.CheckConstraint("odometer_km >= 0", name=op.f("ck_caravans_odometer")),
        sa.CheckConstraint("value_yuan >= 0", name=op.f("ck_caravans_value")),
        sa.ForeignKeyConstraint(
            ["home_depot_id"], ["depots.id"], name=op.f("fk_caravans_home_depot_id_depots")
        ),
        sa.ForeignKeyConstraint(
            ["owner_region_id"], ["regions.id"], name=op.f("fk_caravans_owner_region_id_regions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_caravans")),
        sa.UniqueConstraint("code", name=op.f("uq_caravans_code")),
        sa.UniqueConstraint("plate", name=op.f("uq_caravans_plate")),
    )
    with op.batch_alter_table("caravans", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_caravans_home_depot_id"), ["home_depot_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_caravans_owner_region_id"), ["owner_region_id"], unique=False)

    op.create_table(
        "exhibit_sets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("theme", sa.String(length=40), nullable=False),
        sa.Column("hall_area_m2", sa.Float(), nullable=False),
        sa.Column("install_days", sa.Integer(), nullable=False),
        sa.Column("uninstall_days", sa.Integer(), nullable=False),
        sa.Column("truck_loads", sa.Integer(), nullable=False),
        sa.Column("formed_on", sa.Date(), nullable=True),
        sa.Column("home_depot_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "touring",
                "in_store",
                "maintenance",
                "retired",
                name="set_status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("hall_area_m2 >= 0", name=op.f("ck_exhibit_sets_hall_area")),
        sa.CheckConstraint("install_days >= 0 AND uninstall_days >= 0", name=op.f("ck_exhibit_sets_days")),
        sa.CheckConstraint("truck_loads >= 1", name=op.f("ck_exhibit_sets_truck_loads")),
        sa.ForeignKeyConstraint(
            ["home_depot_id"], ["depots.id"], name=op.f("fk_exhibit_sets_home_depot_id_depots")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exhibit_sets")),
        sa.UniqueConstraint("code", name=op.f("uq_exhibit_sets_code")),
    )
    with op.batch_alter_table("exhibit_sets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_exhibit_sets_home_depot_id"), ["home_depot_id"], unique=False)

    op.create_table(
        "requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=24), nullable=False),
        sa.Column("venue_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "caravan_visit",
                "museum_placement",
                name="request_kind",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("earliest_on", sa.Date(), nullable=False),
        sa.Column("latest_on", sa.Date(), nullable=False),
        sa.Column("show_days", sa.Integer(), nullable=False),
        sa.Column("themes_wanted", sa.String(length=200), nullable=False),
        sa.Column("caravan_types", sa.String(length=20), nullable=False),
        sa.Column("expected_audience", sa.Integer(), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "planned",
                "served",
                "cancelled",
                name="request_status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("expected_audience >= 0", name=op.f("ck_requests_audience")),
        sa.CheckConstraint("latest_on >= earliest_on", name=op.f("ck_requests_dates")),
        sa.CheckConstraint("priority BETWEEN 1 AND 5", name=op.f("ck_requests_priority")),
        sa.CheckConstraint("show_days BETWEEN 1 AND 180", name=op.f("ck_requests_show_days")),
        sa.ForeignKeyConstraint(["venue_id"], ["venues.id"], name=op.f("fk_requests_venue_id_venues")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_requests")),
        sa.UniqueConstraint("code", name=op.f("uq_requests_code")),
    )
    with op.batch_alter_table("requests", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_requests_venue_id"), ["venue_id"], unique=False)

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("venue_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("caravan_id", sa.Integer(), nullable=True),
        sa.Column("set_id", sa.Integer(), nullable=True),
        sa.Column("visitors", sa.Integer(), nullable=False),
        sa.Column("km_driven", sa.Float(), nullable=False),
        sa.Column("activity", sa.String(length=100), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "(CASE WHEN caravan_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN set_id IS NULL THEN 0 ELSE 1 END) = 1",
            name=op.f("ck_events_one_facility"),
        ),
        sa.CheckConstraint("km_driven >= 0", name=op.f("ck_events_km")),
        sa.CheckConstraint("visitors >= 0", name=op.f("ck_events_visitors")),
        sa.ForeignKeyConstraint(["caravan_id"], ["caravans.id"], name=op.f("fk_events_caravan_id_caravans")),
        sa.ForeignKeyConstraint(["set_id"], ["exhibit_sets.id"], name=op.f("fk_events_set_id_exhibit_sets")),
        sa.ForeignKeyConstraint(["venue_id"], ["venues.id"], name=op.f("fk_events_venue_id_venues")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
        sa.UniqueConstraint("code", name=op.f("uq_events_code")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_caravan_id"), ["caravan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_held_on"), ["held_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_set_id"), ["set_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_venue_id"), ["venue_id"], unique=False)

    op.create_table(
        "exhibits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name_zh", sa.String(length=100), nullable=False),
        sa.Column("name_en", sa.String(length=150), nullable=False),
        sa.Column("theme", sa.String(length=40), nullable=False),
        sa.Column(
            "use",
            sa.Enum(
                "caravan_kit",
                "museum_set",
                name="exhibit_use",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("length_cm", sa.Float(), nullable=False),
        sa.Column("width_cm", sa.Float(), nullable=False),
        sa.Column("height_cm", sa.Float(), nullable=False),
        sa.Column("weight_kg", sa.Float(), nullable=False),
        sa.Column("power_w", sa.Float(), nullable=False),
        sa.Column("acquired_on", sa.Date(), nullable=False),
        sa.Column("service_life_years", sa.Integer(), nullable=False),
        sa.Column("value_yuan", sa.Float(), nullable=False),
        sa.Column(
            "condition",
            sa.Enum(
                "A",
                "B",
                "C",
                "D",
                name="condition_grade",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "in_use",
                "in_store",
                "in_repair",
                "retired",
                "lost",
                name="exhibit_status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("depot_id", sa.Integer(), nullable=True),
        sa.Column("caravan_id", sa.Integer(), nullable=True),
        sa.Column("set_id", sa.Integer(), nullable=True),
        sa.Column("workshop_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "(CASE WHEN depot_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN caravan_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN set_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN workshop_id IS NULL THEN 0 ELSE 1 END) = 1",
            name=op.f("ck_exhibits_one_location"),
        ),
        sa.CheckConstraint(
            "length_cm >= 0 AND width_cm >= 0 AND height_cm >= 0 AND weight_kg >= 0 AND power_w >= 0",
            name=op.f("ck_exhibits_sizes"),
        ),
        sa.CheckConstraint("service_life_years > 0", name=op.f("ck_exhibits_service_life")),
        sa.CheckConstraint("value_yuan >= 0", name=op.f("ck_exhibits_value")),
        sa.ForeignKeyConstraint(
            ["caravan_id"], ["caravans.id"], name=op.f("fk_exhibits_caravan_id_caravans")
        ),
        sa.ForeignKeyConstraint(["depot_id"], ["depots.id"], name=op.f("fk_exhibits_depot_id_depots")),
        sa.ForeignKeyConstraint(
            ["set_id"], ["exhibit_sets.id"], name=op.f("fk_exhibits_set_id_exhibit_sets")
        ),
        sa.ForeignKeyConstraint(
            ["workshop_id"], ["workshops.id"], name=op.f("fk_exhibits_workshop_id_workshops")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exhibits")),
        sa.UniqueConstraint("code", name=op.f("uq_exhibits_code")),
    )
    with op.batch_alter_table("exhibits", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_exhibits_caravan_id"), ["caravan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_exhibits_depot_id"), ["depot_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_exhibits_set_id"), ["set_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_exhibits_workshop_id"), ["workshop_id"], unique=False)

    op.create_table(
        "set_placements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("set_id", sa.Integer(), nullable=False),
        sa.Column("venue_id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=True),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=False),
        sa.Column("period", sa.Integer(), nullable=True),
        sa.Column("locked", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("end_on >= start_on", name=op.f("ck_set_placements_dates")),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_set_placements_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["request_id"], ["requests.id"], name=op.f("fk_set_placements_request_id_requests")
        ),
        sa.ForeignKeyConstraint(
            ["set_id"], ["exhibit_sets.id"], name=op.f("fk_set_placements_set_id_exhibit_sets")
        ),
        sa.ForeignKeyConstraint(["venue_id"], ["venues.id"], name=op.f("fk_set_placements_venue_id_venues")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_set_placements")),
        sa.UniqueConstraint("code", name=op.f("uq_set_placements_code")),
    )
    with op.batch_alter_table("set_placements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_set_placements_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_set_placements_request_id"), ["request_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_set_placements_set_id"), ["set_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_set_placements_venue_id"), ["venue_id"], unique=False)

    op.create_table(
        "trips",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("caravan_id", sa.Integer(), nullable=False),
        sa.Column("leave_at", sa.DateTime(), nullable=False),
        sa.Column("back_at", sa.DateTime(), nullable=False),
        sa.Column("km_back", sa.Float(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("back_at >= leave_at", name=op.f("ck_trips_times")),
        sa.CheckConstraint("km_back >= 0", name=op.f("ck_trips_km_back")),
        sa.ForeignKeyConstraint(["caravan_id"], ["caravans.id"], name=op.f("fk_trips_caravan_id_caravans")),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_trips_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trips")),
        sa.UniqueConstraint("code", name=op.f("uq_trips_code")),
    )
    with op.batch_alter_table("trips", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_trips_caravan_id"), ["caravan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_trips_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "unserved_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("detail", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_unserved_requests_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["request_id"], ["requests.id"], name=op.f("fk_unserved_requests_request_id_requests")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unserved_requests")),
        sa.UniqueConstraint("plan_id", "request_id", name=op.f("uq_unserved_requests_plan_id")),
    )
    with op.batch_alter_table("unserved_requests", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_unserved_requests_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_unserved_requests_request_id"), ["request_id"], unique=False)

    op.create_table(
        "condition_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=24), nullable=False),
        sa.Column("exhibit_id", sa.Integer(), nullable=False),
        sa.Column("checked_on", sa.Date(), nullable=False),
        sa.Column(
            "grade",
            sa.Enum(
                "A", "B", "C", "D", name="check_grade", native_enum=False, create_constraint=True, length=24
            ),
            nullable=False,
        ),
        sa.Column(
            "context",
            sa.Enum(
                "handover",
                "field",
                "annual",
                "return",
                name="check_context",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("fault", sa.String(length=200), nullable=False),
        sa.Column("checked_by", sa.String(length=40), nullable=False),
        sa.Column("photo_path", sa.String(length=260), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["exhibit_id"], ["exhibits.id"], name=op.f("fk_condition_checks_exhibit_id_exhibits")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_condition_checks")),
        sa.UniqueConstraint("code", name=op.f("uq_condition_checks_code")),
    )
    with op.batch_alter_table("condition_checks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_condition_checks_exhibit_id"), ["exhibit_id"], unique=False)

    op.create_table(
        "maintenance_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=24), nullable=False),
        sa.Column("exhibit_id", sa.Integer(), nullable=True),
        sa.Column("caravan_id", sa.Integer(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "repair",
                "service",
                "inspection",
                "refurbish",
                name="maintenance_kind",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("fault", sa.String(length=200), nullable=False),
        sa.Column("cost_yuan", sa.Float(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "(CASE WHEN exhibit_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN caravan_id IS NULL THEN 0 ELSE 1 END) = 1",
            name=op.f("ck_maintenance_records_one_subject"),
        ),
        sa.CheckConstraint(
            "closed_on IS NULL OR closed_on >= opened_on", name=op.f("ck_maintenance_records_dates")
        ),
        sa.CheckConstraint("cost_yuan >= 0", name=op.f("ck_maintenance_records_cost")),
        sa.ForeignKeyConstraint(
            ["caravan_id"], ["caravans.id"], name=op.f("fk_maintenance_records_caravan_id_caravans")
        ),
        sa.ForeignKeyConstraint(
            ["exhibit_id"], ["exhibits.id"], name=op.f("fk_maintenance_records_exhibit_id_exhibits")
        ),
        sa.ForeignKeyConstraint(
            ["workshop_id"], ["workshops.id"], name=op.f("fk_maintenance_records_workshop_id_workshops")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_maintenance_records")),
        sa.UniqueConstraint("code", name=op.f("uq_maintenance_records_code")),
    )
    with op.batch_alter_table("maintenance_records", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_maintenance_records_caravan_id"), ["caravan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_maintenance_records_exhibit_id"), ["exhibit_id"], unique=False)

    op.create_table(
        "movements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=24), nullable=False),
        sa.Column("exhibit_id", sa.Integer(), nullable=False),
        sa.Column("moved_at", sa.DateTime(), nullable=False),
        sa.Column("from_depot_id", sa.Integer(), nullable=True),
        sa.Column("from_caravan_id", sa.Integer(), nullable=True),
        sa.Column("from_set_id", sa.Integer(), nullable=True),
        sa.Column("from_workshop_id", sa.Integer(), nullable=True),
        sa.Column("to_depot_id", sa.Integer(), nullable=True),
        sa.Column("to_caravan_id", sa.Integer(), nullable=True),
        sa.Column("to_set_id", sa.Integer(), nullable=True),
        sa.Column("to_workshop_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "(CASE WHEN from_depot_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN from_caravan_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN from_set_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN from_workshop_id IS NULL THEN 0 ELSE 1 END) <= 1",
            name=op.f("ck_movements_one_origin"),
        ),
        sa.CheckConstraint(
            "(CASE WHEN to_depot_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN to_caravan_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN to_set_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN to_workshop_id IS NULL THEN 0 ELSE 1 END) = 1",
            name=op.f("ck_movements_one_destination"),
        ),
        sa.ForeignKeyConstraint(
            ["exhibit_id"], ["exhibits.id"], name=op.f("fk_movements_exhibit_id_exhibits")
        ),
        sa.ForeignKeyConstraint(
            ["from_caravan_id"], ["caravans.id"], name=op.f("fk_movements_from_caravan_id_caravans")
        ),
        sa.ForeignKeyConstraint(
            ["from_depot_id"], ["depots.id"], name=op.f("fk_movements_from_depot_id_depots")
        ),
        sa.ForeignKeyConstraint(
            ["from_set_id"], ["exhibit_sets.id"], name=op.f("fk_movements_from_set_id_exhibit_sets")
        ),
        sa.ForeignKeyConstraint(
            ["from_workshop_id"], ["workshops.id"], name=op.f("fk_movements_from_workshop_id_workshops")
        ),
        sa.ForeignKeyConstraint(
            ["to_caravan_id"], ["caravans.id"], name=op.f("fk_movements_to_caravan_id_caravans")
        ),
        sa.ForeignKeyConstraint(["to_depot_id"], ["depots.id"], name=op.f("fk_movements_to_depot_id_depots")),
        sa.ForeignKeyConstraint(
            ["to_set_id"], ["exhibit_sets.id"], name=op.f("fk_movements_to_set_id_exhibit_sets")
        ),
        sa.ForeignKeyConstraint(
            ["to_workshop_id"], ["workshops.id"], name=op.f("fk_movements_to_workshop_id_workshops")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_movements")),
        sa.UniqueConstraint("code", name=op.f("uq_movements_code")),
    )
    with op.batch_alter_table("movements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_movements_exhibit_id"), ["exhibit_id"], unique=False)

    op.create_table(
        "set_memberships",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("set_id", sa.Integer(), nullable=False),
        sa.Column("exhibit_id", sa.Integer(), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=False),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("left_on IS NULL OR left_on >= joined_on", name=op.f("ck_set_memberships_dates")),
        sa.ForeignKeyConstraint(
            ["exhibit_id"], ["exhibits.id"], name=op.f("fk_set_memberships_exhibit_id_exhibits")
        ),
        sa.ForeignKeyConstraint(
            ["set_id"], ["exhibit_sets.id"], name=op.f("fk_set_memberships_set_id_exhibit_sets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_set_memberships")),
        sa.UniqueConstraint("set_id", "exhibit_id", "joined_on", name=op.f("uq_set_memberships_set_id")),
    )
    with op.batch_alter_table("set_memberships", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_set_memberships_exhibit_id"), ["exhibit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_set_memberships_set_id"), ["set_id"], unique=False)
        batch_op.create_index(
            "uq_set_memberships_open_exhibit",
            ["exhibit_id"],
            unique=True,
            sqlite_where=sa.text("left_on IS NULL"),
            postgresql_where=sa.text("left_on IS NULL"),
        )

    op.create_table(
        "tour_stops",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("trip_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=True),
        sa.Column("venue_id", sa.Integer(), nullable=False),
        sa.Column("arrive_at", sa.DateTime(), nullable=False),
        sa.Column("show_start", sa.DateTime(), nullable=False),
        sa.Column("show_end", sa.DateTime(), nullable=False),
        sa.Column("km_from_previous", sa.Float(), nullable=False),
        sa.Column("locked", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("km_from_previous >= 0", name=op.f("ck_tour_stops_km")),
        sa.CheckConstraint("seq >= 1", name=op.f("ck_tour_stops_seq")),
        sa.CheckConstraint(
            "show_end >= show_start AND show_start >= arrive_at", name=op.f("ck_tour_stops_times")
        ),
        sa.ForeignKeyConstraint(
            ["request_id"], ["requests.id"], name=op.f("fk_tour_stops_request_id_requests")
        ),
        sa.ForeignKeyConstraint(
            ["trip_id"], ["trips.id"], name=op.f("fk_tour_stops_trip_id_trips"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["venue_id"], ["venues.id"], name=op.f("fk_tour_stops_venue_id_venues")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tour_stops")),
        sa.UniqueConstraint("trip_id", "seq", name=op.f("uq_tour_stops_trip_id")),
    )
    with op.batch_alter_table("tour_stops", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tour_stops_request_id"), ["request_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_tour_stops_trip_id"), ["trip_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_tour_stops_venue_id"), ["venue_id"], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("tour_stops", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tour_stops_venue_id"))
        batch_op.drop_index(batch_op.f("ix_tour_stops_trip_id"))
        batch_op.drop_index(batch_op.f("ix_tour_stops_request_id"))

    op.drop_table("tour_stops")
    with op.batch_alter_table("set_memberships", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_set_memberships_open_exhibit",
            sqlite_where=sa.text("left_on IS NULL"),
            postgresql_where=sa.text("left_on IS NULL"),
        )
        batch_op.drop_index(batch_op.f("ix_set_memberships_set_id"))
        batch_op.drop_index(batch_op.f("ix_set_memberships_exhibit_id"))

    op.drop_table("set_memberships")
    with op.batch_alter_table("movements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_movements_exhibit_id"))

    op.drop_table("movements")
    with op.batch_alter_table("maintenance_records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_maintenance_records_exhibit_id"))
        batch_op.drop_index(batch_op.f("ix_maintenance_records_caravan_id"))

    op.drop_table("maintenance_records")
    with op.batch_alter_table("condition_checks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_condition_checks_exhibit_id"))

    op.drop_table("condition_checks")
    with op.batch_alter_table("unserved_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_unserved_requests_request_id"))
        batch_op.drop_index(batch_op.f("ix_unserved_requests_plan_id"))

    op.drop_table("unserved_requests")
    with op.batch_alter_table("trips", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_trips_plan_id"))
        batch_op.drop_index(batch_op.f("ix_trips_caravan_id"))

    op.drop_table("trips")
    with op.batch_alter_table("set_placements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_set_placements_venue_id"))
        batch_op.drop_index(batch_op.f("ix_set_placements_set_id"))
        batch_op.drop_index(batch_op.f("ix_set_placements_request_id"))
        batch_op.drop_index(batch_op.f("ix_set_placements_plan_id"))

    op.drop_table("set_placements")
    with op.batch_alter_table("exhibits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exhibits_workshop_id"))
        batch_op.drop_index(batch_op.f("ix_exhibits_set_id"))
        batch_op.drop_index(batch_op.f("ix_exhibits_depot_id"))
        batch_op.drop_index(batch_op.f("ix_exhibits_caravan_id"))

    op.drop_table("exhibits")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_venue_id"))
        batch_op.drop_index(batch_op.f("ix_events_set_id"))
        batch_op.drop_index(batch_op.f("ix_events_held_on"))
        batch_op.drop_index(batch_op.f("ix_events_caravan_id"))

    op.drop_table("events")
    with op.batch_alter_table("requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_requests_venue_id"))

    op.drop_table("requests")
    with op.batch_alter_table("exhibit_sets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exhibit_sets_home_depot_id"))

    op.drop_table("exhibit_sets")
    with op.batch_alter_table("caravans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_caravans_owner_region_id"))
        batch_op.drop_index(batch_op.f("ix_caravans_home_depot_id"))

    op.drop_table("caravans")
    with op.batch_alter_table("workshops", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_workshops_region_id"))

    op.drop_table("workshops")
    with op.batch_alter_table("venues", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_venues_county_id"))

    op.drop_table("venues")
    with op.batch_alter_table("depots", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_depots_region_id"))

    op.drop_table("depots")
    with op.batch_alter_table("regions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_regions_parent_id"))

    op.drop_table("regions")
    op.drop_table("plans")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))

    op.drop_table("audit_log")
