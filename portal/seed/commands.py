from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from portal.seed.demo import DEMO_PASSWORD, DemoGenerator, DemoResult, database_is_empty


def _summary(result: DemoResult) -> str:
    lines = [f"Demo accounts (password for all: {DEMO_PASSWORD}):"]
    lines += [f"  {email:42} {what}" for email, what in result.accounts]
    lines.append("A case to link yourself as the demo applicant:")
    lines.append(
        f"  case number {result.spare.number}, identity number {result.spare.id_number}, "
        f"access code {result.spare.access_code}"
    )
    return "\n".join(lines) + "\n"


@click.command("seed-demo")
@click.option("--if-empty", is_flag=True, help="Do nothing when the database already has courts.")
@click.option("--seed", default=20261101, show_default=True, help="Random seed: the same seed, the same data.")
@with_appcontext
def seed_demo(if_empty: bool, seed: int) -> None:
    """Create the demo court: three courts, 300 cases, citizens and staff."""
    if not database_is_empty():
        if if_empty:
            click.echo("Demo data already present; nothing to do.")
            return
        raise click.ClickException("The database is not empty; seed a fresh database.")
    result = DemoGenerator(seed=seed).generate()
    summary = _summary(result)
    # Kept beside the database so `make run` can show the logins again on every start (demo data only).
    Path(current_app.instance_path, "demo-logins.txt").write_text(summary, encoding="utf-8")
    click.echo(f"Created {result.cases} demo cases.")
    click.echo(summary, nl=False)
