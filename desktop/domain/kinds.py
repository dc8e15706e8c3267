"""What kind of record changed: the payload of the one change signal, and the trash's kinds."""

from enum import Enum


class RecordKind(Enum):
    NEIGHBORHOOD = "neighborhood"
    GRID = "grids"
    BUILDING = "buildings"
    PERSON = "people"
    ORGANIZATION = "organizations"
    NEED = "needs"
    NEED_CATEGORY = "need_categories"
    RESOURCE = "resources"
    PROJECT = "projects"
    VISIT = "visits"
    MEETING = "meetings"
    ACTION = "actions"
    COMPACT = "compacts"
    PATROL = "patrols"
    ORGANIZATION_ACTIVITY = "organization_activities"
    STATION_SERVICE = "station_services"
    TALENT = "talents"
    COMMITTEE_TERM = "committee_terms"
    CROSS_APPOINTMENT = "cross_appointments"
    EVALUATION = "evaluations"
    PARTNER_AGREEMENT = "partner_agreements"
    PARTNER_ACTIVITY = "partner_activities"
    # A link to a partner unit (an organization of kind partner_unit): opens the 共建单位 page.
    PARTNER_UNIT = "partner_units"
