"""Routes as data: what the SDK knows of each Zou route, and the one place
values enter URL paths.

- :class:`Endpoint`: one path of the API (``data/shots/{shot_id}``) with
  the methods the SDK sends to it, each a :class:`Verb` saying what it
  answers and what it does to which model. Every endpoint the SDK uses is
  declared once, in :mod:`kitsu_models.catalogue`.
- :func:`path`: a template with its placeholders filled. A placeholder's
  name says what it holds: ``*_id`` an id (checked by
  :func:`kitsu_models.ids.id_of`), ``date`` a YYYY-MM-DD date, ``year``,
  ``month``, ``week`` numbers, ``extension`` a file extension, ``file_name``
  a file name (escaped), ``token`` a share token. No value can turn a path
  into another route.
- :class:`Route`: how the generic repository reaches one model (its list,
  its record, where it is created, updated and deleted), by endpoints.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal
from urllib.parse import quote

from . import errors
from .ids import id_of, segment_of

_FORMATTER = string.Formatter()
Method = Literal["GET", "POST", "PUT", "DELETE", "HEAD"]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_EXTENSION = re.compile(r"[A-Za-z0-9]{1,16}\Z")
_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,200}\Z")


def _number(name: str, low: int, high: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).isdigit():
            raise errors.InvalidArgumentError(f"{name} must be a whole number, got {value!r:.80}")
        number = int(value)
        if not low <= number <= high:
            raise errors.InvalidArgumentError(f"{name} must be within {low}-{high}, got {number}")
        return number

    return check


def _matching(name: str, pattern: re.Pattern[str], what: str) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if not isinstance(value, str) or not pattern.match(value):
            raise errors.InvalidArgumentError(f"{name} must be {what}, got {value!r:.80}")
        return value

    return check


def day_of(value: Any) -> str:
    """A day as YYYY-MM-DD: from a ``datetime.date`` (a datetime's own day),
    or a string already so; :class:`~kitsu_models.errors.InvalidArgumentError` else."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    return _matching("date", _DATE, "a YYYY-MM-DD date")(value)


def _file_name(value: Any) -> str:
    """A file name as one escaped segment. Routes that carry one ignore it
    (an id says which file), so separators, ``?``, ``#`` and unprintable
    characters become ``_`` and a name of dots ``file``: it cannot change the route."""
    if not isinstance(value, str):
        raise errors.InvalidArgumentError(f"file_name must be a file name, got {value!r:.80}")
    cleaned = "".join(char if char.isprintable() and char not in "/\\?#" else "_" for char in value)
    return quote(cleaned, safe="") if cleaned.strip(".") else "file"


#: Placeholders that are not ids, by name: each value checked (and escaped).
_SEGMENTS: Final[dict[str, Callable[[Any], Any]]] = {
    "date": day_of,
    "year": _number("year", 1, 9999),
    "month": _number("month", 1, 12),
    "week": _number("week", 1, 53),
    "extension": _matching("extension", _EXTENSION, "a file extension of letters and digits"),
    "token": _matching("token", _TOKEN, "a token of letters, digits, '-' and '_'"),
    "file_name": _file_name,
}


def placeholders(template: str) -> tuple[str, ...]:
    """The placeholder names of ``template``, in order, each once."""
    return tuple(dict.fromkeys(name for _, name, _, _ in _FORMATTER.parse(template) if name))


def path(template: str, lenient: bool = False, /, **values: Any) -> str:
    """``template`` with its ``{placeholders}`` filled: the one place values
    enter URL paths. Ids (``*_id``) are checked by :func:`~kitsu_models.ids.id_of`
    (a model, a dict or an id string; canonical UUIDs), or with ``lenient``
    by :func:`~kitsu_models.ids.segment_of` (any single segment of letters,
    digits, ``-`` and ``_``: gazu's drop-in accepts the ids of mocked tests);
    other placeholders by their name (:data:`_SEGMENTS`). Raises
    :class:`~kitsu_models.errors.InvalidArgumentError` before any request."""
    filled: dict[str, Any] = {}
    for name in placeholders(template):
        value = values.get(name)
        if name == "id" or name.endswith("_id"):
            filled[name] = segment_of(value, what=name) if lenient else id_of(value, what=name)
        elif name in _SEGMENTS:
            filled[name] = _SEGMENTS[name](value)
        else:
            raise errors.InvalidArgumentError(f"{template}: no rule checks the placeholder {name!r}")
    return template.format(**filled)


class Answer(enum.Enum):
    """What a route answers."""

    ONE = "a record of its model"
    MANY = "a list of its model's records"
    ROW = "a JSON object (no model)"
    ROWS = "a JSON list (no model)"
    JSON = "JSON of any shape"
    BYTES = "a file's bytes"
    TEXT = "text"
    NOTHING = "no content"


class Effect(enum.Enum):
    """What a route does to its model's records on the server."""

    READ = "reads"
    CREATE = "creates one"
    UPDATE = "updates the one its path names"
    DELETE = "deletes the one its path names"
    ACTION = "acts on other objects (see Verb.expires)"


@dataclass(frozen=True)
class Verb:
    """One method of an endpoint: what it answers, what it does and to which
    model (the endpoint's unless ``model`` names another), and ``expires``:
    the path placeholders naming objects the call changes on the server
    besides what it answers (a comment changes its task's status), so a
    session's loaded copy of them is expired."""

    answer: Answer
    effect: Effect = Effect.READ
    model: str | None = None
    expires: tuple[str, ...] = ()
    #: A DELETE the server may answer by cancelling the record instead
    #: (an entity with tasks), unless ``force`` is sent.
    cancels: bool = False


ONE: Final = Verb(Answer.ONE)
MANY: Final = Verb(Answer.MANY)
ROW: Final = Verb(Answer.ROW)
ROWS: Final = Verb(Answer.ROWS)
JSON: Final = Verb(Answer.JSON)
BYTES: Final = Verb(Answer.BYTES)
TEXT: Final = Verb(Answer.TEXT)
CREATES: Final = Verb(Answer.ONE, Effect.CREATE)
UPDATES: Final = Verb(Answer.ONE, Effect.UPDATE)
DELETES: Final = Verb(Answer.NOTHING, Effect.DELETE)
DELETES_OR_CANCELS: Final = Verb(Answer.NOTHING, Effect.DELETE, cancels=True)


def acts(answer: Answer = Answer.JSON, *expires: str, model: str | None = None) -> Verb:
    """A verb that changes something other than a record of its own model:
    the objects named by the placeholders ``expires``."""
    return Verb(answer, Effect.ACTION, model, expires)


def creates(model: str, *expires: str) -> Verb:
    """A POST creating a ``model`` record (expiring ``expires``' objects)."""
    return Verb(Answer.ONE, Effect.CREATE, model, expires)


#: Placeholders that do not name their model ``<snake_case>_id``.
_PLACEHOLDER_MODELS: Final[dict[str, str | None]] = {
    "temporal_entity_id": "Entity",
    "target_task_id": "Task",
    "reply_id": None,
    "status_id": "FileStatus",
    "task_status_id": "TaskStatus",
    "filter_id": "SearchFilter",
    "filter_group_id": "SearchFilterGroup",
    "bot_id": "Person",
}


def model_named_by(placeholder: str) -> str | None:
    """The model whose id ``placeholder`` holds (``shot_id``: ``Shot``)."""
    if placeholder in _PLACEHOLDER_MODELS:
        return _PLACEHOLDER_MODELS[placeholder]
    if not placeholder.endswith("_id") or placeholder == "id":
        return None
    return "".join(part.capitalize() for part in placeholder[:-3].split("_"))


class Endpoint:
    """One path of the API and the verbs the SDK sends to it.

    ``model`` names (in the model registry) the model its records are;
    ``GET=``, ``POST=``, ``PUT=``, ``DELETE=``, ``HEAD=`` give the verbs.
    """

    __slots__ = ("template", "model", "verbs", "placeholders")

    template: str
    model: str | None
    verbs: Mapping[str, Verb]
    placeholders: tuple[str, ...]

    def __init__(self, template: str, model: str | None = None, **verbs: Verb) -> None:
        unknown = set(verbs) - {"GET", "POST", "PUT", "DELETE", "HEAD"}
        if unknown or not verbs:
            raise ValueError(f"{template}: verbs must be some of GET, POST, PUT, DELETE, HEAD, got {sorted(verbs)}")
        self.template = template
        self.model = model
        self.verbs = verbs
        self.placeholders = placeholders(template)
        for verb in verbs.values():
            missing = [name for name in verb.expires if name not in self.placeholders]
            if missing:
                raise ValueError(f"{template}: expires names no placeholder {missing}")

    def __repr__(self) -> str:
        return f"<Endpoint {'|'.join(self.verbs)} {self.template}>"

    def verb(self, method: str) -> Verb:
        """The verb sent with ``method``; :class:`~kitsu_models.errors.InvalidArgumentError`
        when the catalogue does not declare it (the server offers no such
        operation: saving a model that cannot be updated)."""
        try:
            return self.verbs[method]
        except KeyError:
            raise errors.InvalidArgumentError(f"{method} {self.template} is not a route of the catalogue") from None

    def model_of(self, method: str) -> str | None:
        """The model ``method``'s answer and effect concern."""
        return self.verb(method).model or self.model

    @property
    def subject(self) -> str | None:
        """The placeholder naming the record this path addresses: the last
        one, when the path ends with it (``data/shots/{shot_id}``)."""
        return self.placeholders[-1] if self.template.endswith("}") and self.placeholders else None

    def fill(self, lenient: bool = False, /, **values: Any) -> str:
        """This path with its placeholders filled (see :func:`path`)."""
        return path(self.template, lenient, **values)

    def at(self, record: Any, lenient: bool = False, /) -> str:
        """This path for one record (an id, a dict or a model) named by its
        subject placeholder, the path's only one."""
        if self.subject is None or len(self.placeholders) != 1:
            raise ValueError(f"{self.template}: not the path of one record")
        return path(self.template, lenient, **{self.subject: record})

    def fill_from(self, owner: Any, renames: Mapping[str, str] | None = None, /, **values: Any) -> str:
        """This path for ``owner``, a model object: the placeholder naming
        its model class (or the model it derives from: ``entity_id`` for a
        shot) holds its id, the others its fields of the same name (or as
        ``renames`` maps them); ``values`` given win."""
        own = {f"{_snake(cls.__name__)}_id" for cls in type(owner).__mro__ if "__route__" in vars(cls)}
        fields = owner.__dict__
        for name in self.placeholders:
            if name in values:
                continue
            if name in own:
                values[name] = owner
            else:
                values[name] = fields.get((renames or {}).get(name, name))
        return path(self.template, **values)


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


@dataclass(frozen=True)
class Route:
    """How the repository reaches one model: endpoints of the catalogue.

    - ``collection``: the list (``GET``); accepts ``field=value`` filters
      and JSON arrays for "any of". None for a model the server lists only
      under its parents (a project's build jobs): reached through relations.
    - ``item``: one record (``GET``); ``update`` (``PUT``, default: item),
      ``delete`` (``DELETE``, default: item), ``create`` (``POST``, default:
      the collection). Paths are filled from the object (:meth:`Endpoint.fill_from`);
      ``renames`` maps a placeholder to the field holding it where their
      names differ (an asset's ``asset_type_id`` is its ``entity_type_id``),
      or to ``relation.field`` where a parent holds it (a budget entry's
      path takes its budget's ``project_id``).
    - ``create_fields``: the keys a create body may carry (default: every
      field that was set); ``create_renames``: field -> body key where the
      create route names a field differently (a shot's ``parent_id`` is its
      ``sequence_id``).
    - ``params``: sent with every list query (``relations=true``...).
    - ``project_collection``: a project's objects (``{project_id}``), with
      ``project_params``; preferred for that filter (it may send an ETag).
    - ``paged``: the list route honours ``page``/``limit``.
    - ``force_delete``: DELETE takes ``force=true`` to remove linked data.
    - ``small_table``: the collection (a project's, for a project's models)
      fits one answer: when more ids are wanted than one request carries,
      it is read whole instead of in batches.
    - ``merges_data``: the update route merges ``data`` key by key (entities,
      tasks); where it replaces the whole dict, the client merges instead.
    - ``update_whole``: fields the update route sets to null when they are
      not sent (Zou 1.0.97's budget entries): every save sends them all.
    """

    collection: Endpoint | None = None
    item: Endpoint | None = None
    update: Endpoint | None = None
    delete: Endpoint | None = None
    create: Endpoint | None = None
    create_fields: tuple[str, ...] | None = None
    create_renames: Mapping[str, str] = field(default_factory=dict)
    renames: Mapping[str, str] = field(default_factory=dict)
    params: Mapping[str, Any] = field(default_factory=dict)
    project_collection: Endpoint | None = None
    project_params: Mapping[str, Any] = field(default_factory=dict)
    paged: bool = True
    force_delete: bool = False
    merges_data: bool = True
    small_table: bool = False
    update_whole: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for endpoint, method in (
            (self.collection, "GET"), (self.item, "GET"), (self.project_collection, "GET"),
            (self.update, "PUT"), (self.delete, "DELETE"), (self.create, "POST"),
        ):
            if endpoint is not None:
                endpoint.verb(method)  # declared, or the model's module fails to import

    @property
    def update_endpoint(self) -> Endpoint | None:
        return self.update or self.item

    @property
    def delete_endpoint(self) -> Endpoint | None:
        return self.delete or self.item

    @property
    def create_endpoint(self) -> Endpoint:
        endpoint = self.create or self.collection
        if endpoint is None:
            raise errors.InvalidArgumentError("the server has no route that creates this model")
        return endpoint

    def item_endpoint(self, model: str) -> Endpoint:
        """The record endpoint (a model without one cannot be read alone)."""
        if self.item is None:
            raise errors.InvalidArgumentError(f"{model} has no route to read one record")
        return self.item
