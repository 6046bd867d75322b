"""The typed models and the route catalogue held to the running server's
own OpenAPI document (``GET /openapi.json``): a Zou upgrade that adds or
drops a schema, a property or a route fails here, by name."""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from typing import Any

import pytest
import requests

import kitsu_models.models  # noqa: F401 (registers every model)
from kitsu_models import catalogue, errors
from kitsu_models.orm import registry
from kitsu_models.orm.base import KitsuModel
from kitsu_models.routes import Endpoint

pytestmark = pytest.mark.server

#: Where a model is named otherwise than the server's schema.
MODEL_OF_SCHEMA = {"Metadata": "MetadataDescriptor", "SubscriptionToNotifications": "Subscription",
                   "Event": "LoggedEvent"}
#: Schema properties with no field, each with the reason (checked below
#: against what the server sends).
NOT_FIELDS = {
    ("Milestone", "data"): "a misprint of the table's date column, which is the field: the server sends date",
    ("Person", "password"): "a write-only secret: sent as a Secret by the calls that set it, never sent back",
}
#: Fields typed otherwise than the schema says, with the reason.
TYPED_AS_SERVED = {
    ("DataImportError", "source"): "the schema says an array; the column is one of 'csv', 'shotgun'",
    ("WorkingFile", "checksum"): "the schema says a string; the column is an integer (an output file's is text)",
}
#: Routes of the catalogue the server does not publish, with the reason.
UNPUBLISHED = {
    "GET data/projects/{project_id}/settings/task-types": "sent by official gazu 1.3.1 "
    "(project.get_project_task_types); Zou 1.0.97 answers 405 (checked below)",
}

#: The Python types a schema type admits.
_ADMITS: dict[tuple[str | None, str | None], tuple[type, ...]] = {
    ("string", None): (str,), ("string", "UUID"): (str,), ("string", "date"): (dt.date, str),
    ("string", "date-time"): (dt.datetime,), ("string", "json"): (dict, list, str, object),
    ("boolean", None): (bool,), ("integer", None): (int,), ("float", None): (float, int),
    ("number", None): (float, int), ("array", None): (list,),
}


@pytest.fixture(scope="module")
def document(kitsu_server: Any) -> dict[str, Any]:
    answer = requests.get(kitsu_server.api_url.rstrip("/") + "/openapi.json", timeout=30)
    answer.raise_for_status()
    found: dict[str, Any] = answer.json()
    assert len(found["components"]["schemas"]) >= 40 and len(found["paths"]) >= 600  # the whole document
    return found


def _model(schema: str) -> type[KitsuModel] | None:
    return registry.find(MODEL_OF_SCHEMA.get(schema, schema))


def _python_types(annotation: Any) -> set[type]:
    """The classes a field's annotation admits (``list[Id] | None``: list, NoneType)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return set().union(*(_python_types(arg) for arg in typing.get_args(annotation)))
    if origin is typing.Literal:
        return {type(value) for value in typing.get_args(annotation)}
    if origin is typing.Annotated:
        return _python_types(typing.get_args(annotation)[0])
    if origin is not None:
        return {origin}
    return {annotation} if isinstance(annotation, type) else {object}


def test_every_schema_of_the_server_has_a_typed_model(document: dict[str, Any]) -> None:
    missing = [schema for schema in document["components"]["schemas"] if _model(schema) is None]
    assert missing == [], f"schemas without a model: {missing}"


def test_every_schema_property_is_a_field_of_the_type_the_schema_says(document: dict[str, Any]) -> None:
    problems, served_otherwise = [], set()
    for schema, definition in document["components"]["schemas"].items():
        model = _model(schema)
        assert model is not None, schema
        fields = {field.alias or name: field for name, field in model.model_fields.items()}
        for prop, spec in definition.get("properties", {}).items():
            if (schema, prop) in NOT_FIELDS:
                assert prop not in fields, f"{schema}.{prop} is a field now: drop it from NOT_FIELDS"
                continue
            if prop not in fields:
                problems.append(f"{schema}.{prop}: no field")
                continue
            admitted = _ADMITS.get((spec.get("type"), spec.get("format")))
            assert admitted is not None, f"{schema}.{prop}: a schema type this test does not know: {spec}"
            typed = _python_types(fields[prop].annotation) - {type(None)}
            agrees = object in admitted or any(issubclass(kind, admitted) for kind in typed)
            if not agrees and (schema, prop) in TYPED_AS_SERVED:
                served_otherwise.add((schema, prop))
            elif not agrees:
                problems.append(f"{schema}.{prop}: the schema says {spec}, the field is {fields[prop].annotation}")
    assert problems == [], "\n".join(problems)
    assert served_otherwise == set(TYPED_AS_SERVED)  # no stale exception


#: A placeholder's value where the server's path spells it (a movie is sent as mp4).
_SAMPLES = {"extension": "mp4"}


def _server_patterns(document: dict[str, Any]) -> list[tuple[re.Pattern[str], set[str]]]:
    patterns = []
    for path, operations in document["paths"].items():
        pattern = re.sub(r"\\\{[^}]*\\\}", "[^/]+", re.escape(path.strip("/")))
        methods = {method.upper() for method in operations}
        patterns.append((re.compile(pattern), methods | ({"HEAD"} if "GET" in methods else set())))
    return patterns


def test_every_route_of_the_catalogue_is_a_path_the_server_publishes_with_that_method(document: dict[str, Any]) -> None:
    patterns = _server_patterns(document)
    unpublished = []
    for endpoint in vars(catalogue).values():
        if not isinstance(endpoint, Endpoint):
            continue
        sample = re.sub(r"\{([^}:]*)[^}]*\}", lambda match: _SAMPLES.get(match.group(1), "x"), endpoint.template)
        published = set().union(*(methods for pattern, methods in patterns if pattern.fullmatch(sample)))
        unpublished += [f"{method} {endpoint.template}" for method in endpoint.verbs if method not in published]
    assert sorted(unpublished) == sorted(UNPUBLISHED)


def test_what_the_exceptions_say_is_what_the_server_does(admin: Any, make_project: Any) -> None:
    """Each exception above, seen on the server: the route it does not
    serve, the property it does not send."""
    project = make_project(task_types=[], task_statuses=[], asset_types=[])
    with pytest.raises(errors.MethodNotAllowedError):
        admin.transport.get(catalogue.PROJECT_SETTINGS_TASK_TYPES.fill(project_id=project["id"]))
    milestone = admin.transport.post(catalogue.MILESTONES.fill(), {"name": "lock", "date": "2030-01-02",
                                                                    "project_id": project["id"]})
    try:
        assert milestone["date"] == "2030-01-02" and "data" not in milestone
    finally:
        admin.transport.delete(catalogue.MILESTONE.fill(milestone_id=milestone["id"]))
    people = admin.transport.get(catalogue.PERSONS.fill())
    assert people and all("password" not in row for row in people)
