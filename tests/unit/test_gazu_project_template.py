"""gazu.project_template: the bodies 1.3.1 sends (a new template's
description always, its other settings only when given; a default
background unset with null), lists by name, and a loaded Project expired
once a template is applied to it."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest
import responses
from responses import matchers

import gazu
from kitsu_models.models import Project

from .models_rows import new_id, row

HOST = "http://kitsu.test/api"
Client = gazu.client.KitsuClient
TEMPLATE, PROJECT, BACKGROUND, STATUS = (new_id() for _ in range(4))
pt = gazu.project_template


@pytest.fixture
def fake() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock() as mock:
        yield mock


@pytest.fixture
def client() -> Client:
    made = gazu.client.create_client(HOST)
    made.tokens = {"access_token": "a.b.c", "refresh_token": None}
    return made


def _expects(fake: responses.RequestsMock, method: str, path: str, body: dict[str, Any]) -> None:
    fake.add(method, f"{HOST}/data/{path}", json={"id": TEMPLATE}, match=[matchers.json_params_matcher(body)])


def test_a_new_template_sends_its_description_always_and_the_other_settings_when_given(
    fake: responses.RequestsMock, client: Client
) -> None:
    _expects(fake, "POST", "project-templates", {"name": "tv", "description": None})
    pt.new_project_template("tv", client=client)
    _expects(fake, "POST", "project-templates", {"name": "tv", "description": "d", "fps": "25", "ratio": "16:9"})
    pt.new_project_template("tv", "d", fps="25", ratio="16:9", client=client)


def test_the_default_background_is_unset_with_null(fake: responses.RequestsMock, client: Client) -> None:
    path = f"project-templates/{TEMPLATE}/default-preview-background-file"
    _expects(fake, "PUT", path, {"default_preview_background_file_id": None})
    pt.set_project_template_default_preview_background_file(TEMPLATE, None, client=client)
    _expects(fake, "PUT", path, {"default_preview_background_file_id": BACKGROUND})
    pt.set_project_template_default_preview_background_file({"id": TEMPLATE}, {"id": BACKGROUND}, client=client)


def test_a_task_status_is_added_with_its_priority_and_roles_only_when_given(
    fake: responses.RequestsMock, client: Client
) -> None:
    path = f"project-templates/{TEMPLATE}/task-statuses"
    _expects(fake, "POST", path, {"task_status_id": STATUS})
    pt.add_task_status_to_project_template(TEMPLATE, {"id": STATUS}, client=client)
    _expects(fake, "POST", path, {"task_status_id": STATUS, "priority": 2, "roles_for_board": ["user"]})
    pt.add_task_status_to_project_template(TEMPLATE, STATUS, 2, ["user"], client=client)


def test_templates_are_listed_by_name_and_found_by_name(fake: responses.RequestsMock, client: Client) -> None:
    fake.get(f"{HOST}/data/project-templates", json=[{"name": "tv"}, {"name": "Feature"}],
             match=[matchers.query_param_matcher({})])
    assert [t["name"] for t in pt.all_project_templates(client=client)] == ["Feature", "tv"]
    fake.get(f"{HOST}/data/project-templates", json=[], match=[matchers.query_param_matcher({"name": "none"})])
    assert pt.get_project_template_by_name("none", client=client) is None


def test_applying_a_template_expires_a_loaded_project(fake: responses.RequestsMock, client: Client) -> None:
    loaded_row = {**row("Project", "get"), "id": PROJECT, "fps": "24"}
    project = client.kitsu.repository(Project).materialize([copy.deepcopy(loaded_row)])[0]
    _expects(fake, "POST", f"projects/{PROJECT}/apply-template/{TEMPLATE}", {})
    pt.apply_project_template(project, {"id": TEMPLATE}, client=client)
    fake.get(f"{HOST}/data/projects", json=[{**loaded_row, "fps": "25"}])  # read again on next use
    assert project.fps == "25"
