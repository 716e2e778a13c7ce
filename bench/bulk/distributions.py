"""The shapes of the bulk data: which submissions a court sees, their status by age, staff per court, names."""

from portal.models import StaffRole, SubmissionKind

# Of every 100 submissions: the mix a court sees (clues most, then inquiries, debtors' requests, objections).
KIND_WEIGHTS = {
    SubmissionKind.PROPERTY_CLUE: 30,
    SubmissionKind.INQUIRY: 12,
    SubmissionKind.RESUMPTION: 7,
    SubmissionKind.OBJECTION: 7,
    SubmissionKind.COMPLAINT: 6,
    SubmissionKind.PROPERTY_REPORT: 8,
    SubmissionKind.RESTRICTION_LIFTING: 8,
    SubmissionKind.DISHONEST_CORRECTION: 5,
    SubmissionKind.URGENT_TRAVEL: 3,
    SubmissionKind.RELIEF_APPLICATION: 6,
    SubmissionKind.DEBT_EXIT_REFERRAL: 3,
    SubmissionKind.REWARD_NOTICE: 5,
}
DEBTOR_KINDS = {
    SubmissionKind.PROPERTY_REPORT,
    SubmissionKind.RESTRICTION_LIFTING,
    SubmissionKind.DISHONEST_CORRECTION,
    SubmissionKind.URGENT_TRAVEL,
    SubmissionKind.DEBT_EXIT_REFERRAL,
}
# Status by age of the item (days since received): recent items are mostly open, old ones mostly closed.
STATUS_BY_AGE = (
    (60, {"received": 30, "in_review": 35, "awaiting_information": 15, "decided": 15, "closed": 5}),
    (180, {"received": 3, "in_review": 12, "awaiting_information": 5, "decided": 30, "closed": 50}),
    (None, {"received": 1, "in_review": 1, "awaiting_information": 1, "decided": 12, "closed": 85}),
)
SUBMISSION_SPAN_DAYS = 3 * 365
STAFF_PER_COURT = {StaffRole.HANDLER: 24, StaffRole.INTAKE_CLERK: 4, StaffRole.RELIEF_OFFICER: 3}
BANKS = ("中国工商银行", "中国建设银行", "中国农业银行", "中国银行", "招商银行", "交通银行")
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
DIVISIONS = ("执行一庭", "执行二庭", "执行实施局")


def weighted(table: dict) -> list:
    return [key for key, weight in table.items() for _ in range(weight)]
