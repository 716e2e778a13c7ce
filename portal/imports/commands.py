"""``flask cases import`` and ``flask cases token``: the court system's batch feed and its API tokens.

Output carries case numbers, line numbers, field paths and reason codes only, never names or identity
numbers: terminals, cron mails and CI logs are kept. The report's language is ``--locale`` (there is no
request to take it from), Chinese by default like the portal.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import click
from flask.cli import AppGroup
from flask_babel import force_locale
from flask_babel import gettext as _

from portal import clock
from portal.api.auth import CASES_WRITE, create_token, revoke_token
from portal.extensions import db
from portal.i18n import LANGUAGES
from portal.imports import messages, service
from portal.imports.schema import from_csv_row

cases = AppGroup("cases", help="Case data from the court's case-management system.")
locale_option = click.option(
    "--locale", type=click.Choice(LANGUAGES), default="zh", show_default=True, help="Language of the output."
)


class UnreadableFile(ValueError):
    """The file as a whole is not JSON (an array of records) or CSV with a header."""


def read_json(path: Path) -> list[tuple[int, Any]]:
    """(line, record) pairs; a record's line is its index in the array + 1."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"), parse_float=Decimal)
    except (UnicodeDecodeError, ValueError) as error:
        raise UnreadableFile() from error
    if isinstance(data, dict) and isinstance(data.get("cases"), list):
        data = data["cases"]
    if not isinstance(data, list):
        raise UnreadableFile()
    return list(enumerate(data, start=1))


def read_csv(path: Path) -> list[tuple[int, Any]]:
    """(line, record) pairs; a row's line is the physical line it starts on (the header is line 1)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return list(_csv_rows(csv.reader(handle)))
    except (UnicodeDecodeError, csv.Error) as error:
        raise UnreadableFile() from error


def _csv_rows(reader) -> Iterator[tuple[int, Any]]:
    header = next(reader, None)
    if not header:
        raise UnreadableFile()
    while True:
        line = reader.line_num + 1
        row = next(reader, None)
        if row is None:
            return
        if any(cell.strip() for cell in row):  # blank lines are not records
            yield line, from_csv_row(header, row)


@cases.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "kind", type=click.Choice(["json", "csv"]), help="Default: from the file extension.")
@click.option("--dry-run", is_flag=True, help="Validate and report what would change; save nothing.")
@click.option("--all-or-nothing", is_flag=True, help="Save nothing when any record is rejected.")
@locale_option
@click.option("-v", "--verbose", is_flag=True, help="List every case with its result.")
@click.pass_context
def import_cases(
    ctx: click.Context, path: Path, kind: str | None, dry_run: bool, all_or_nothing: bool, locale: str, verbose: bool
) -> None:
    """Create or update cases from a JSON or CSV file; exits 1 when any record was rejected."""
    kind = kind or ("csv" if path.suffix.lower() == ".csv" else "json")
    with force_locale(locale):
        try:
            items = read_csv(path) if kind == "csv" else read_json(path)
        except UnreadableFile:
            raise click.ClickException(messages.unreadable_file(kind.upper())) from None
        report = service.import_records(items, now=clock.now(), dry_run=dry_run, all_or_nothing=all_or_nothing)
        for line in _summary(report, dry_run=dry_run, verbose=verbose):
            click.echo(line)
    if report.rejected:
        ctx.exit(1)


def _summary(report: service.Report, *, dry_run: bool, verbose: bool) -> Iterator[str]:
    if verbose:
        for line, number, result in report.applied:
            yield f"{line}\t{number}\t{result}"
    yield _(
        "Created: %(created)d, updated: %(updated)d, unchanged: %(unchanged)d, rejected: %(rejected)d",
        created=report.count(service.CREATED),
        updated=report.count(service.UPDATED),
        unchanged=report.count(service.UNCHANGED),
        rejected=len(report.rejected),
    )
    for rejection in report.rejected:
        for issue in rejection.issues:
            yield _(
                "Line %(line)d (%(case)s): %(field)s %(code)s: %(message)s",
                line=rejection.line,
                case=rejection.number or "-",
                field=issue.field,
                code=issue.code,
                message=messages.field_message(issue.code),
            )
    if dry_run:
        yield _("Dry run: nothing was saved.")
    elif not report.saved:
        yield _("Nothing was saved, because some records were rejected.")


@cases.group("token")
def token() -> None:
    """API tokens for the court system (PUT /api/v1/cases/<number>)."""


@token.command("create")
@click.argument("name")
@click.option("--court", "court_code", help="Limit the token to the cases of this court (its code, e.g. 粤0304).")
@click.option("--scope", default=CASES_WRITE, show_default=True)
@locale_option
def create(name: str, court_code: str | None, scope: str, locale: str) -> None:
    """Create a token and print it once (on stdout, alone); only its hash is stored."""
    with force_locale(locale):
        court_id = None
        if court_code:
            court = service.Courts().get(court_code.strip())
            if court is None:
                raise click.ClickException(messages.field_message("unknown_court"))
            court_id = court.id
        item, raw = create_token(name, court_id=court_id, scope=scope, now=clock.now())
        db.session.commit()
        click.echo(_("Token %(id)d created. It is shown only this once: store it now.", id=item.id), err=True)
    click.echo(raw)


@token.command("revoke")
@click.argument("token_id", type=int)
@locale_option
def revoke(token_id: int, locale: str) -> None:
    """Revoke a token by its id; calls with it are refused from now on."""
    with force_locale(locale):
        if not revoke_token(token_id, now=clock.now()):
            raise click.ClickException(_("There is no active token with id %(id)d.", id=token_id))
        db.session.commit()
        click.echo(_("Token %(id)d revoked.", id=token_id))
