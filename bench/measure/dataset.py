"""What the measurements read from and prepare in the generated database: case ids, users, drafts to file."""

from __future__ import annotations

import secrets
from pathlib import Path


class Data:
    """What the measurements need from the database: case ids, users, and clue drafts ready to file."""

    def __init__(self, app):
        self.app = app

    def demo_case(self, email: str, role: str, status: str | None = None) -> int:
        from sqlalchemy import select

        from portal.extensions import db
        from portal.models import Case, CaseLink, CaseParty, User

        with self.app.app_context():
            query = (
                select(Case.id)
                .join(CaseParty, CaseParty.case_id == Case.id)
                .join(CaseLink, CaseLink.case_party_id == CaseParty.id)
                .join(User, User.id == CaseLink.user_id)
                .where(User.email == email, CaseParty.role == role)
                .order_by(Case.id)
            )
            if status:
                query = query.where(Case.status == status)
            return db.session.scalars(query).first()

    def bulk_citizens(self, role: str, count: int) -> list[tuple[str, int]]:
        """Bulk citizens linked as `role`, spread over the three courts (every n-th), with their case id."""
        from sqlalchemy import func, select

        from portal.extensions import db
        from portal.models import CaseLink, CaseParty, User

        with self.app.app_context():
            base = (
                select(User.email, CaseParty.case_id)
                .join(CaseLink, CaseLink.user_id == User.id)
                .join(CaseParty, CaseParty.id == CaseLink.case_party_id)
                .where(User.email.like("citizen%@bench.test"), CaseParty.role == role)
            )
            total = db.session.scalar(select(func.count()).select_from(base.subquery()))
            step = max(1, total // max(count, 1))
            rows = db.session.execute(base.order_by(User.id).limit(count * step)).all()
            return [(email, case_id) for email, case_id in rows[::step]][:count]

    def staff(self, count: int) -> list[str]:
        from sqlalchemy import select

        from portal.extensions import db
        from portal.models import User

        with self.app.app_context():
            return list(
                db.session.scalars(
                    select(User.email).where(User.email.like("handler%@bench.court")).order_by(User.id).limit(count)
                )
            )

    def submission_ids(self, court_email: str, count: int) -> list[int]:
        from sqlalchemy import select

        from portal.extensions import db
        from portal.models import Submission, User

        with self.app.app_context():
            court_id = db.session.scalar(select(User.court_id).where(User.email == court_email))
            return list(
                db.session.scalars(
                    select(Submission.id)
                    .where(Submission.court_id == court_id)
                    .order_by(Submission.id.desc())
                    .limit(count)
                )
            )

    def clone_drafts(self, template_token: str, count: int, path: Path) -> Path:
        """`count` copies of a draft filled through the real pages, each naming its own account (no duplicates)."""
        from sqlalchemy import insert, select

        from portal.extensions import db
        from portal.models import Draft
        from portal.models.types import utcnow

        with self.app.app_context():
            template = db.session.scalar(select(Draft).where(Draft.token == template_token))
            rows, tokens = [], []
            for _ in range(count):
                token = secrets.token_urlsafe(24)
                answers = dict(template.answers)
                answers["account_number"] = f"62{secrets.randbelow(10**17):017d}"
                rows.append({"token": token, "user_id": template.user_id, "kind": template.kind,
                             "case_id": template.case_id, "answers": answers, "created_at": utcnow(),
                             "updated_at": utcnow()})  # fmt: skip
                tokens.append(token)
            db.session.execute(insert(Draft), rows)
            db.session.commit()
        path.write_text("\n".join(tokens) + "\n", encoding="utf-8")
        return path

    def count_filed(self, tokens_file: Path) -> int:
        from sqlalchemy import func, select

        from portal.extensions import db
        from portal.models import HistoryEntry, OutboxEvent, Submission

        tokens = tokens_file.read_text(encoding="utf-8").split()
        with self.app.app_context():
            filed = 0
            ids = []
            for start in range(0, len(tokens), 1000):
                chunk = tokens[start : start + 1000]
                found = list(db.session.scalars(select(Submission.id).where(Submission.idempotency_key.in_(chunk))))
                filed += len(found)
                ids += found
            history = 0
            for start in range(0, len(ids), 1000):
                history += db.session.scalar(
                    select(func.count(HistoryEntry.id)).where(HistoryEntry.submission_id.in_(ids[start : start + 1000]))
                )
            outbox = db.session.scalar(
                select(func.count(OutboxEvent.id)).where(OutboxEvent.topic == "submission.received")
            )
            return {"submissions": filed, "history": history, "outbox_received_total": outbox}
