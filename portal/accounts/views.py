from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from portal.accounts.forms import LinkCaseForm, RegisterForm, SignInForm, TotpForm
from portal.auth import CITIZEN, PUBLIC, access
from portal.extensions import limiter
from portal.i18n import current_locale, safe_next
from portal.services import accounts, linking
from portal.services.case_view import my_cases

bp = Blueprint("accounts", __name__, url_prefix="/accounts", template_folder="templates")


def _user_key() -> str:
    return f"user:{current_user.get_id()}" if current_user.is_authenticated else "anonymous"


def _failed(response) -> bool:
    # Only attempts that did not succeed count against the limits.
    return response.status_code != 302


@bp.route("/register", methods=["GET", "POST"])
@access(PUBLIC)
def register():
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            user = accounts.register_citizen(
                email=form.email.data,
                password=form.password.data,
                display_name=form.display_name.data,
                locale=current_locale(),
            )
        except accounts.EmailTaken as error:
            form.email.errors.append(error.message)
        else:
            login_user(user)
            flash(_("Your account has been created. Now link your case."), "success")
            return redirect(url_for("accounts.link_case"))
    return render_template("accounts/register.html", form=form), 400 if form.errors else 200


@bp.route("/sign-in", methods=["GET", "POST"])
@access(PUBLIC)
@limiter.limit(lambda: current_app.config["SIGNIN_RATE_LIMIT"], methods=["POST"], deduct_when=_failed)
def sign_in():
    form = SignInForm()
    error = None
    if form.validate_on_submit():
        user = accounts.authenticate(form.email.data, form.password.data)
        if user is not None and user.is_staff and current_app.config["STAFF_TOTP_REQUIRED"]:
            # The password alone is not enough for staff: hold the sign-in until the second factor.
            session["pending_staff_id"] = user.id
            return redirect(url_for("accounts.verify_code", next=request.args.get("next")))
        if user is not None:
            login_user(user)
            default = url_for("queue.index") if user.is_staff else url_for("accounts.dashboard")
            return redirect(safe_next(request.args.get("next"), default))
        error = _("The email address or password is not right.")
    status = 400 if (form.errors or error) else 200
    return render_template("accounts/sign_in.html", form=form, error=error), status


@bp.route("/verify-code", methods=["GET", "POST"])
@access(PUBLIC)
@limiter.limit(lambda: current_app.config["SIGNIN_RATE_LIMIT"], methods=["POST"], deduct_when=_failed)
def verify_code():
    pending = session.get("pending_staff_id")
    user = accounts.user_by_id(pending) if isinstance(pending, int) else None
    if user is None:
        return redirect(url_for("accounts.sign_in"))
    form = TotpForm()
    error = None
    if form.validate_on_submit():
        if accounts.totp_ok(user, form.code.data):
            session.pop("pending_staff_id", None)
            login_user(user)
            return redirect(safe_next(request.args.get("next"), url_for("queue.index")))
        error = _("That code is not right. Codes change every 30 seconds.")
    status = 400 if (form.errors or error) else 200
    return render_template("accounts/verify_code.html", form=form, error=error), status


@bp.route("/sign-out", methods=["POST"])
@access(PUBLIC)
def sign_out():
    logout_user()
    flash(_("You have signed out."), "info")
    return redirect(url_for("public.index"))


@bp.route("/")
@access(CITIZEN)
def dashboard():
    return render_template("accounts/dashboard.html", cases=my_cases(current_user))


@bp.route("/link-case", methods=["GET", "POST"])
@access(CITIZEN)
@limiter.limit(lambda: current_app.config["LINK_RATE_LIMIT"], key_func=_user_key, methods=["POST"], deduct_when=_failed)
@limiter.limit(lambda: current_app.config["LINK_RATE_LIMIT"], methods=["POST"], deduct_when=_failed)
def link_case():
    form = LinkCaseForm()
    error = None
    if form.validate_on_submit():
        try:
            link = linking.link_case(
                current_user,
                case_number=form.case_number.data or "",
                id_number=form.id_number.data or "",
                access_code=form.access_code.data,
            )
        except linking.FieldError as failure:
            getattr(form, failure.field).errors.append(failure.message)
        except linking.LinkFailed as failure:
            error = failure.message
        else:
            flash(_("The case has been linked to your account."), "success")
            return redirect(url_for("cases.show", case_id=link.case_party.case_id))
    status = 400 if (form.errors or error) else 200
    return render_template("accounts/link_case.html", form=form, error=error), status
