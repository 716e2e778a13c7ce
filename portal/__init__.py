"""The portal: create_app(config) builds the app from small named steps; nothing happens at import."""

from __future__ import annotations

import logging

from flask import Flask

from portal import config as config_module


def create_app(config: type | dict | None = None) -> Flask:
    app = Flask(
        __name__,
        instance_path=str(config_module.INSTANCE),
        static_folder=str(config_module.ROOT / "static"),
    )
    _load_config(app, config)
    _init_extensions(app)
    _register_blueprints(app)
    _register_commands(app)
    _configure_logging(app)
    return app


def _load_config(app: Flask, config) -> None:
    app.config.from_object(config_module.Config)
    if isinstance(config, dict):
        app.config.update(config)
    elif config is not None:
        app.config.from_object(config)
    config_module.harden(app.config)
    config_module.check(app.config)
    config_module.INSTANCE.mkdir(parents=True, exist_ok=True)


def _init_extensions(app: Flask) -> None:
    from portal import auth, database, errors, i18n, security
    from portal.extensions import csrf, db, limiter, migrate

    db.init_app(app)
    database.init_app(app)
    migrate.init_app(
        app, db, directory=str(config_module.ROOT / "portal" / "migrations"), render_as_batch=True, compare_type=True
    )
    csrf.init_app(app)
    limiter.init_app(app)
    i18n.init_app(app)
    auth.init_app(app)
    errors.init_app(app)
    security.init_app(app)


def _register_blueprints(app: Flask) -> None:
    from portal.accounts.views import bp as accounts
    from portal.api import bp as api
    from portal.cases.views import bp as cases
    from portal.chat.views import bp as chat
    from portal.public.views import bp as public
    from portal.queue.views import bp as queue
    from portal.screening.views import bp as screening
    from portal.submissions.views import bp as submissions

    for blueprint in (public, accounts, cases, submissions, queue, screening, api, chat):
        app.register_blueprint(blueprint)


def _register_commands(app: Flask) -> None:
    from portal.imports.commands import cases as cases_commands
    from portal.seed.commands import seed_demo
    from portal.staff.commands import staff

    app.cli.add_command(seed_demo)
    app.cli.add_command(cases_commands)
    app.cli.add_command(staff)


def _configure_logging(app: Flask) -> None:
    # Log records carry codes and ids only; personal data never goes into a message (STYLE.md).
    # fontTools logs at INFO every glyph a PDF receipt uses, which spells out names and clues: keep it quiet.
    logging.getLogger("fontTools").setLevel(logging.WARNING)
    if not app.debug and not app.testing:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
