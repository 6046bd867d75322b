"""People and organisation: Person, Department, Organisation."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import Field

from .. import catalogue as api
from ..orm.base import Id, KitsuModel, server_filled
from ..orm.relations import MaybeToOne, ToMany
from ..routes import Route
from . import avatars, logs, planning, social, studio, tasks
from .choices import ContractType, Position, Role, Seniority

if TYPE_CHECKING:
    from .tasks import TimeSpent


class Department(KitsuModel):
    """A department of the studio (Modeling, Animation...), to which people
    and task types belong."""

    __route__: ClassVar[Route] = Route(api.DEPARTMENTS, api.DEPARTMENT, small_table=True)

    name: str
    color: str
    archived: bool | None = None

    salary_scales: ClassVar[ToMany[studio.SalaryScale]] = ToMany(lambda: studio.SalaryScale, foreign_key="department_id")


class Person(KitsuModel, avatars.HasAvatar):
    """A studio member (or bot). Never carries a password or a secret."""

    __repr_keys__: ClassVar[tuple[str, ...]] = ("full_name", "email")
    __avatar__: ClassVar[avatars.Avatar] = avatars.Avatar(api.PERSON_AVATAR, api.PERSON_AVATAR_FILE)

    __route__: ClassVar[Route] = Route(
        api.PERSONS,
        api.PERSON,
        params={"relations": "true"},  # without it, rows lack their departments
        merges_data=False,
        small_table=True,
        create_fields=(
            "first_name", "last_name", "email", "phone", "role", "desktop_login",
            "department_ids", "active", "contract_type", "position", "seniority",
            "is_bot", "expiration_date", "studio_id",
        ),
    )

    first_name: str
    last_name: str = ""
    full_name: str = server_filled("")  # first and last name, computed on every row
    email: str | None = None
    phone: str | None = None
    country: str | None = None
    contract_type: ContractType = server_filled("open-ended")
    active: bool | None = None
    archived: bool | None = None
    last_presence: date | None = None
    desktop_login: str | None = None
    totp_enabled: bool | None = None
    email_otp_enabled: bool | None = None
    fido_enabled: bool | None = None
    preferred_two_factor_authentication: str | None = None
    shotgun_id: int | None = None
    timezone: str | None = None
    locale: str | None = None
    use_12_hour_clock: bool | None = None
    display_date_format: str | None = None
    data: dict[str, Any] | None = None
    role: Role = server_filled("user")
    position: Position | None = None
    seniority: Seniority | None = None
    daily_salary: int | None = None
    has_avatar: bool | None = None
    notifications_enabled: bool | None = None
    notifications_slack_enabled: bool | None = None
    notifications_slack_userid: str | None = None
    notifications_mattermost_enabled: bool | None = None
    notifications_mattermost_userid: str | None = None
    notifications_discord_enabled: bool | None = None
    notifications_discord_userid: str | None = None
    is_bot: bool = server_filled(False)
    is_guest: bool = server_filled(False)
    preview_project_id: Id | None = None
    preview_opened_at: datetime | None = None
    preview_open_until: datetime | None = None
    expiration_date: date | None = None
    is_generated_from_ldap: bool | None = None
    ldap_uid: str | None = None
    studio_id: Id | None = None
    department_ids: list[Id] | None = Field(default=None, alias="departments")

    departments: ClassVar[ToMany[Department]] = ToMany(lambda: Department, ids_field="department_ids")
    tasks: ClassVar[ToMany[tasks.Task]] = ToMany(lambda: tasks.Task, route=api.PERSON_TASKS)
    studio: MaybeToOne[studio.Studio] = MaybeToOne(lambda: studio.Studio, "studio_id", init=False)
    day_offs: ClassVar[ToMany[planning.DayOff]] = ToMany(
        lambda: planning.DayOff, foreign_key="person_id", route=api.PERSON_DAY_OFFS
    )
    time_spents: ClassVar[ToMany[TimeSpent]] = ToMany(
        lambda: tasks.TimeSpent, foreign_key="person_id", route=api.PERSON_TIME_SPENTS
    )
    desktop_login_logs: ClassVar[ToMany[logs.DesktopLoginLog]] = ToMany(
        lambda: logs.DesktopLoginLog, route=api.PERSON_DESKTOP_LOGINS
    )
    notifications: ClassVar[ToMany[social.Notification]] = ToMany(lambda: social.Notification, foreign_key="person_id")
    subscriptions: ClassVar[ToMany[social.Subscription]] = ToMany(lambda: social.Subscription, foreign_key="person_id")


class Organisation(KitsuModel, avatars.HasAvatar):
    """The studio's own settings: its name, hours per day, what is shown,
    and its logo (``set_avatar``)."""

    __avatar__: ClassVar[avatars.Avatar] = avatars.Avatar(api.ORGANISATION_AVATAR, api.ORGANISATION_AVATAR_FILE)

    __route__: ClassVar[Route] = Route(api.ORGANISATIONS, api.ORGANISATION)

    name: str
    hours_by_day: float = server_filled(8.0)
    has_avatar: bool | None = None
    use_original_file_name: bool | None = None
    timesheets_locked: bool | None = None
    format_duration_in_hours: bool | None = None
    hd_by_default: bool | None = None
    chat_token_slack: str | None = None
    chat_webhook_mattermost: str | None = None
    chat_token_discord: str | None = None
    dark_theme_by_default: bool | None = None
