"""queue: open items of a court in due-date order (PostgreSQL)

The court queue's default list is a court's open items ordered by coalesce(due_on, 9999-12-31), id, 50 at a time.
With only (court_id, status, due_on, id) PostgreSQL fetches every open item of the court and sorts them (about
30,000 rows and 0.5 s cold at 1,000,000 submissions, see docs/benchmarks.md); this partial expression index
gives the rows in order, so a page reads 51 index entries. SQLite cannot match a bound parameter against an
expression index, so the index is made on PostgreSQL only.

Revision ID: 20261201_02
Revises: 20261201_01
Create Date: 2026-12-01 10:00:00

"""

from alembic import op

revision = "20261201_02"
down_revision = "20261201_01"
branch_labels = None
depends_on = None

# Must match portal/services/queue.py: OPEN and _due_key() (NO_DUE = 9999-12-31).
_CREATE = """
CREATE INDEX ix_submissions_open_queue ON submissions (court_id, (coalesce(due_on, '9999-12-31'::date)), id)
WHERE status IN ('received', 'in_review', 'awaiting_information')
"""


def upgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_CREATE)


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_submissions_open_queue")
