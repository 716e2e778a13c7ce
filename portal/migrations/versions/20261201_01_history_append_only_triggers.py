"""history append-only triggers

The ORM refuses to update or delete a history entry; these triggers make the database refuse it too, so no code
path (Core statements, raw SQL, another program on the same database) can rewrite who did what when.

Revision ID: 20261201_01
Revises: 20261122_03
Create Date: 2026-12-01 09:00:00

"""

from alembic import op

revision = "20261201_01"
down_revision = "20261122_03"
branch_labels = None
depends_on = None

_PG_FUNCTION = """
CREATE FUNCTION submission_history_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'submission_history is append-only' USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql
"""


def upgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_PG_FUNCTION)
        op.execute(
            "CREATE TRIGGER submission_history_append_only BEFORE UPDATE OR DELETE ON submission_history "
            "FOR EACH ROW EXECUTE FUNCTION submission_history_append_only()"
        )
    else:
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER submission_history_no_{event.lower()} BEFORE {event} ON submission_history "
                "BEGIN SELECT RAISE(ABORT, 'submission_history is append-only'); END"
            )


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER submission_history_append_only ON submission_history")
        op.execute("DROP FUNCTION submission_history_append_only()")
    else:
        for event in ("update", "delete"):
            op.execute(f"DROP TRIGGER submission_history_no_{event}")
