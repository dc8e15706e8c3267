"""The columns the demo writes itself, one tuple per table, in the order of its rows.

The lists are written straight through the driver (bulk.insert): at 100,000 records per list
the ORM, or the services' save functions, take several times as long, and the save functions
would give each record a fresh random uuid where the demo draws its own from the seed. So the
rows are tuples, and what each position holds is spelled out here, once.
"""

PERSON_COLUMNS = (
    "id",
    "uuid",
    "name",
    "phone",
    "building_id",
    "unit",
    "room",
    "is_party_member",
    "skills",
    "talent_rights",
    "note",
    "created_at",
    "updated_at",
)
ROLE_COLUMNS = ("person_id", "role")
NEED_COLUMNS = (
    "id",
    "uuid",
    "title",
    "description",
    "category_id",
    "raised_by",
    "person_id",
    "phone",
    "building",
    "unit",
    "room",
    "source",
    "urgency",
    "status",
    "status_reason",
    "handled_by",
    "registered_on",
    "due_on",
    "solution",
    "satisfaction",
    "created_at",
    "updated_at",
)
HISTORY_COLUMNS = ("need_id", "from_status", "to_status", "note", "changed_at")
RESOURCE_COLUMNS = (
    "id",
    "uuid",
    "title",
    "kind",
    "provider_kind",
    "provider",
    "organization_id",
    "person_id",
    "description",
    "availability",
    "contact",
    "phone",
    "registered_on",
    "valid_until",
    "created_at",
    "updated_at",
)
PROJECT_COLUMNS = (
    "id",
    "uuid",
    "title",
    "kind",
    "stage",
    "stop_reason",
    "description",
    "budget_fen",
    "spent_fen",
    "registered_on",
    "start_on",
    "end_on",
    "accepted_on",
    "acceptance_note",
    "rating_count",
    "rating_average_centi",
    "evaluation",
    "created_at",
    "updated_at",
)
PARTY_COLUMNS = ("project_id", "role", "name", "person_id", "organization_id")
PROJECT_NEED_COLUMNS = ("project_id", "need_id")
PROJECT_RESOURCE_COLUMNS = ("project_id", "resource_id")
