"""The gazu modules (project, person, asset, shot, casting, entity, task,
files, playlist, sync) against the real server: the gazu-style script run in-process on
ours with its values checked, and run through official gazu 1.3.1 too,
compared call by call; the cache; and errors as gazu's classes."""

from __future__ import annotations

import inspect
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

import gazu
import gazu_script
from gazu_spec import of_module
from side_by_side import run, settings_of

pytestmark = pytest.mark.server

MODULES = ("project", "person", "asset", "shot", "casting", "entity", "task", "files", "playlist", "sync")
#: Where ours gives another answer than official gazu 1.3.1, on purpose
#: (README, "gazu: deliberate departures").
DEPARTURES = {
    # An id that is a path is refused before any request (ValueError);
    # official gazu sends it, to another route.
    "get_asset a path": ({"error": "ValueError"}, {"error": "RouteNotFoundException"}),
    # A date that is not YYYY-MM-DD is refused before sending; official gazu
    # sends it and gets the server's 400.
    "set_time_spent bad date": ({"error": "ValueError"}, {"error": "ParameterException"}),
}
#: Attachments: ours sends each file's MIME type with it, which the server
#: records as the attachment's ``mimetype``; official gazu sends none, so
#: its attachments have an empty one. Nothing else may differ.
MIMETYPE_ONLY = ("get_all_attachment_files_for_task", "get_attachment_file")
#: The spec's functions official gazu 1.3.1 no longer has (AttributeError there).
SPEC_ONLY = ("get_task_by_name", "get_task_by_path", "get_task_by_path nothing", "task_to_review",
             "set_project_file_tree", "set_project_file_tree unknown")
#: Calls whose answers differ because official gazu undid earlier writes:
#: its close_project PUTs the stale project dict it was given (description
#: and data as at creation); ours sends the status only.
UNDONE_BY_OFFICIAL = ("close_project",)


@pytest.fixture
def gazu_admin(kitsu_server: Any) -> Iterator[gazu.client.KitsuClient]:
    """gazu's default client, logged in as the admin, cache off and empty."""
    gazu.set_host(kitsu_server.api_url)
    gazu.log_in(kitsu_server.admin_email, kitsu_server.admin_password.reveal())
    gazu.cache.disable()
    gazu.cache.clear_all()
    yield gazu.client.default_client
    gazu.cache.disable()
    gazu.cache.clear_all()


class _Spy:
    """A function of a gazu module, noting its calls; anything else (a
    cached function's ``clear_cache``) is the function's own."""

    def __init__(self, name: str, original: Any, called: set[str]) -> None:
        self._name, self._original, self._called = name, original, called

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self._called.add(self._name)
        return self._original(*args, **kwargs)

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self._original, attribute)


def _spied(monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """The names of the spec functions of MODULES called from now on."""
    called: set[str] = set()
    for module in MODULES:
        target = getattr(gazu, module)
        for spec in of_module(module):
            name = f"{module}.{spec.name}"
            monkeypatch.setattr(target, spec.name, _Spy(name, getattr(target, spec.name), called))
    return called


@pytest.mark.slow
def test_the_script_calls_every_function_and_gets_the_right_values(gazu_admin: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    called = _spied(monkeypatch)
    tag = uuid.uuid4().hex[:8]
    records = {label: result for label, result in gazu_script.run(tag) if label != "(called)"}
    expected = {f"{module}.{spec.name}" for module in MODULES for spec in of_module(module)}
    assert expected - called == set(), "spec functions the script never called"
    value = {label: result.get("value") for label, result in records.items()}
    marker = gazu_script.MARK + tag
    project = value["new_project"]
    # get-or-create: the same records the second time
    assert value["new_project again"]["id"] == project["id"]
    assert value["new_asset again"]["id"] == value["new_asset"]["id"]
    assert value["new_shot again"]["id"] == value["new_shot"]["id"]
    assert value["new_person again"]["id"] == value["new_person"]["id"]
    assert value["get_project_by_name"]["id"] == project["id"] and value["get_project_by_name none"] is None
    assert value["get_project_url shots"].endswith(f"/productions/{project['id']}/shots/")
    # data merged, key by key
    assert value["update_project_data more"]["data"] == {"fps_note": "25", "look": "noir"}
    assert value["update_asset_data more"]["data"] == {"height": 2, "strength": 9, "speed": 3}
    assert value["update_shot_data more"]["data"] == {"lens": 35, "frame_in": 1, "frame_out": 24, "camera": "A", "take": 3}
    assert value["update_person"]["phone"] == "0607"
    # lists by name, with this run's records
    assert [a["name"] for a in value["all_assets_for_project"]] == [f"hero {marker}", f"sword {marker}"]
    assert value["all_assets_for_episode"][0]["name"] == f"sword {marker}"
    assert value["get_episode_from_asset"]["id"] == value["new_episode"]["id"]
    assert value["get_episode_from_asset none"] is None
    assert value["get_sequence_from_shot"]["id"] == value["new_sequence"]["id"]
    assert value["get_episode_from_sequence"]["id"] == value["new_episode"]["id"]
    assert value["get_asset_url"].endswith(f"/episodes/main/assets/{value['new_asset']['id']}/")
    # casting
    cast = {link["asset_id"]: link["nb_occurences"] for link in value["get_shot_casting"]}
    assert cast == {value["new_asset"]["id"]: 2, value["new_asset episode"]["id"]: 1}
    assert value["disable_asset_instance"]["active"] is False and value["enable_asset_instance"]["active"] is True
    # playlists and sync
    assert value["new_playlist again"]["id"] == value["new_playlist"]["id"]
    assert [p["name"] for p in value["all_playlists_for_project"]] == [f"dailies {marker}", f"review {marker}"]
    assert [p["name"] for p in value["all_playlists_for_episode"]] == [f"review {marker}"]
    assert [entry["entity_id"] for entry in value["all_shots_for_playlist"]] == [value["new_shot"]["id"]]
    assert value["import_entities"][0]["name"] == f"imported {marker}"
    assert value["import_tasks"][0]["entity_id"] == value["new_asset"]["id"]
    assert len(value["get_last_events"]) == 5
    assert value["get_id_map_by_name"] == {"Hero": "t1", "sword": "t2"}
    assert value["get_id_map_by_id field"] == {"s3": "s3"}
    assert value["get_model_list_diff"] == [[{"id": "s1", "name": "Hero"}, {"id": "s2", "name": "sword"}],
                                            [{"id": "t1", "name": "hero"}, {"id": "t2", "name": "Sword"}]]
    # tasks, comments, previews
    person_id = value["new_person"]["id"]
    assert value["new_task again"]["id"] == value["new_task"]["id"] != value["new_task shot"]["id"]
    assert value["new_task_type again"]["id"] == value["new_task_type"]["id"]
    assert records["new_task_status bad color"] == {"error": "ValueError"}
    assert value["new_task"]["assignees"] == [person_id] and value["new_task"]["assigner_id"] == person_id
    assert value["update_task"]["priority"] == 2
    assert value["update_task_data more"]["data"] == {"difficulty": "hard", "notes": "ok"}
    assert [t["id"] for t in value["assign_task"]] == [value["new_task shot"]["id"]]
    assert value["get_time_spent"]["total"] == 5400 and value["add_time_spent"]["duration"] == 5400
    assert value["start_task"]["task_status_id"] == value["get_task_status_by_short_name"]["id"]
    assert value["add_comment"]["task_status_id"] == value["new_task_status"]["id"]
    assert value["add_comment"]["checklist"] == [{"text": "silhouette", "checked": False}]
    assert sorted(a["name"] for a in value["add_comment attachments"]["attachment_files"]) == ["frame.png", "notes.txt"]
    assert [a["name"] for a in value["add_attachment_files_to_comment"]] == ["notes.txt"]
    assert [c["text"] for c in value["all_comments_for_task"]] == ["see notes", f"first pass {marker}", ""]
    assert value["update_comment"]["text"] == f"first pass, fixed {marker}"
    assert (value["upload_preview_file"]["extension"], value["upload_preview_file"]["status"]) == ("png", "ready")
    movie = value["add_preview"]
    assert (movie["extension"], movie["status"]) == ("mp4", "ready")  # processed before the server answered
    assert value["get_preview_file_url"] == f"movies/originals/preview-files/{movie['id']}.mp4"
    assert value["download_preview_file"]["size"] == movie["file_size"]
    assert value["download_attachment_file"]["head"] == "89504e470d0a1a0a"
    assert value["set_main_preview"]["preview_file_id"] == movie["id"]
    # working and output files, paths from the file tree
    working = value["new_working_file"]
    assert value["build_working_file_path"].startswith("/mnt/studio/productions/")
    assert working["path"] == value["build_working_file_path"] and working["revision"] == 1
    assert value["new_working_file next"]["revision"] == 2
    assert value["get_last_working_file_revision"]["revision"] == 2
    assert value["download_working_file"]["size"] == len("notes of the review\n")
    assert value["get_next_entity_output_revision"] == 1 and value["get_last_entity_output_revision"] == 2
    assert value["get_output_file_by_path"]["id"] == value["new_entity_output_file"]["id"]
    assert value["update_output_file"]["comment"] == "published"
    assert "/instances/" in value["build_asset_instance_output_file_path"]
    # the spec functions official gazu lacks
    assert value["get_task_by_name"]["id"] == value["new_task"]["id"]
    assert value["get_task_by_path"]["id"] == value["new_task shot"]["id"] and value["get_task_by_path nothing"] is None
    feedback = [s["id"] for s in value["all_task_statuses"] if s["is_feedback_request"]]
    assert value["task_to_review"]["task_status_id"] in feedback
    assert value["set_project_file_tree"]["file_tree"] == gazu._file_trees.FILE_TREES["simple"]
    assert records["remove_task gone"] == {"error": "RouteNotFoundException"}
    assert records["remove_task_type in use"] == {"error": "ParameterException"} and value["remove_task_type"] == ""
    # errors, as gazu's classes
    assert records["get_asset missing"] == {"error": "RouteNotFoundException"}
    assert records["get_asset not an id"] == {"error": "ServerErrorException"}  # sent, as official gazu sends it
    assert records["get_asset a path"] == {"error": "ValueError"}
    assert value["get_person missing"] is None
    assert value["close_project"]["description"] == "a production"  # close_project sends the status only
    assert records["remove_project gone"] == {"error": "RouteNotFoundException"}


@pytest.mark.slow
@pytest.mark.usefixtures("server_alone")  # both runs read studio-wide lists: nothing may change them in between
def test_the_script_gives_what_official_gazu_gives(production_compared: tuple[list[list[Any]], list[list[Any]]]) -> None:
    ours, theirs = production_compared
    assert [label for label, _ in ours] == [label for label, _ in theirs]
    different = {label: (mine, official) for (label, mine), (_, official) in zip(ours, theirs)
                 if mine != official and label != "(called)"}  # (the functions called: not an answer)
    departures = {label for label, pair in different.items() if DEPARTURES.get(label) == pair}
    mimetypes = {label for label in MIMETYPE_ONLY
                 if label in different and _without_mimetypes(different[label][0]) == _without_mimetypes(different[label][1])}
    undone = {label for label in different if label in UNDONE_BY_OFFICIAL}
    spec_only = {label for label in SPEC_ONLY if different.get(label, ({}, {}))[1] == {"error": "AttributeError"}}
    print(f"\nside by side, gazu modules: {len(ours)} calls compared, {len(ours) - len(different)} equal, "
          f"{len(departures) + len(mimetypes)} deliberate departures, {len(undone)} where official gazu undid a write, "
          f"{len(spec_only)} calls of spec functions official gazu lacks")
    assert undone == set(UNDONE_BY_OFFICIAL)
    assert departures == set(DEPARTURES) and mimetypes == set(MIMETYPE_ONLY) and spec_only == set(SPEC_ONLY)
    assert set(different) - departures - mimetypes - undone - spec_only == set()


def _without_mimetypes(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _without_mimetypes(item) for key, item in value.items() if key != "mimetype"}
    if isinstance(value, list):
        return [_without_mimetypes(item) for item in value]
    return value


def test_cached_reads_are_copies_and_revalidated(gazu_admin: Any) -> None:
    gazu.cache.enable()
    statuses = gazu.project.all_project_status()
    statuses[0]["name"] = "changed by the caller"
    again = gazu.project.all_project_status()
    assert again[0]["name"] != "changed by the caller"
    infos = gazu.project.all_project_status.get_cache_infos()
    assert infos["current_size"] == 1 and infos["misses"] == 1 and infos["hits"] + infos["revalidated_hits"] == 1
    gazu.project.all_project_status.clear_cache()
    assert gazu.project.all_project_status.get_cache_infos()["current_size"] == 0
    gazu.cache.disable()
    assert gazu.project.all_project_status() == again


def test_the_cache_is_off_by_default_with_gazus_settings() -> None:
    for module in MODULES:
        for name, function in inspect.getmembers(getattr(gazu, module)):
            if isinstance(function, gazu.cache.CachedFunction):
                infos = function.get_cache_infos()
                assert (infos["maxsize"], infos["expire"]) == (300, 120), name


def test_errors_of_an_artist_are_gazus_classes_in_both(kitsu_server: Any, admin: Any) -> None:
    """A user without rights (403), missing objects (404), a wrong id and a
    bad argument raise the same gazu exception in ours and official gazu."""
    password = f"Pw-{uuid.uuid4().hex}"
    email = f"gazu-artist-{uuid.uuid4().hex[:8]}@kitsu-tests.com"
    person = admin.transport.post("data/persons", {
        "first_name": "Gazu", "last_name": "Artist", "email": email, "password": password, "role": "user",
    })
    missing = "00000000-0000-4000-8000-000000000000"
    calls: list[Any] = [
        ("project", "new_project", [f"artist prod {uuid.uuid4().hex[:6]}"], {}),
        ("asset", "new_asset_type", [f"artist type {uuid.uuid4().hex[:6]}"], {}),
        ("person", "update_person", [{"id": admin.transport.get("auth/authenticated")["user"]["id"], "phone": "1"}], {}),
        ("entity", "new_entity_type", [f"artist et {uuid.uuid4().hex[:6]}"], {}),
        ("task", "new_task_status", [f"artist st {uuid.uuid4().hex[:6]}", uuid.uuid4().hex[:8], "#123456"], {}),
        ("files", "new_output_type", [f"artist ot {uuid.uuid4().hex[:6]}", "ot"], {}),
        ("asset", "get_asset", [missing], {}),
        ("shot", "get_sequence", [missing], {}),
        ("task", "get_task", [missing], {}),
        ("files", "get_working_file", [missing], {}),
        ("shot", "get_shot", ["../../auth/logout"], {}),
        ("person", "get_presence_log", [2026, 13], {}),
    ]
    settings = {**settings_of(kitsu_server), "KITSU_ADMIN_EMAIL": email, "KITSU_ADMIN_PASSWORD": password}
    try:
        ours = run(calls, official=False, settings=settings)
        theirs = run(calls, official=True, settings=settings)
    finally:
        admin.transport.delete(f"data/persons/{person['id']}", {"force": "true"})
    print(f"\nerror paths as an artist: ours {[r.get('error') for r in ours]}, official {[r.get('error', r.get('value')) for r in theirs]}")
    assert [r.get("error") for r in ours[:6]] == ["NotAllowedException"] * 6
    assert ours[:10] == theirs[:10]
    assert [r.get("error") for r in ours[6:10]] == ["RouteNotFoundException"] * 4
    # A string that is not an id, a month 13: refused before sending (ValueError,
    # also our InvalidArgumentError). Official gazu sends them: its get_shot
    # puts "../../auth/logout" in the path, which logs the user out.
    assert [r.get("error") for r in ours[10:]] == ["ValueError", "ValueError"]
    assert theirs[10:] == [{"value": {"logout": True}}, {"error": "NotAuthenticatedException"}]


def test_a_gazu_write_keeps_the_clients_loaded_models_coherent(gazu_admin: Any, make_project: Any) -> None:
    row = make_project(asset_types=["Character"])
    kitsu = gazu_admin.kitsu
    character = gazu.asset.get_asset_type_by_name("Character")
    asset = gazu.asset.new_asset(row["id"], character, f"coherent {uuid.uuid4().hex[:6]}", extra_data={"a": 1})
    typed = kitsu.assets.get(asset["id"])  # the typed model, loaded in the client's session
    gazu.asset.update_asset_data(asset, {"b": 2})
    gazu.asset.update_asset({"id": asset["id"], "description": "from gazu"})
    assert typed.data == {"a": 1, "b": 2} and typed.description == "from gazu"
    gazu.asset.remove_asset(asset, force=True)
    assert kitsu.identity.get(type(typed), typed.id) is None  # forgotten: a later get reads the server


def test_the_cache_revalidates_a_route_that_sends_an_etag(gazu_admin: Any, make_project: Any, admin: Any) -> None:
    """Zou 1.0.97 sends ETags on a project's task list (of the gazu
    functions, only ``task.all_tasks_for_project`` reads it): a cached read
    of it costs a 304 and is never stale."""
    row = make_project(asset_types=["Character"], task_types=["Modeling"], task_statuses=["Todo"])
    project_tasks = gazu.task.all_tasks_for_project
    gazu.cache.enable()
    assert project_tasks(row["id"]) == []
    assert project_tasks(row["id"]) == []
    assert project_tasks.get_cache_infos()["revalidated_hits"] == 1
    asset = gazu.asset.new_asset(row["id"], gazu.asset.get_asset_type_by_name("Character"), "etag hero")
    modeling = gazu.task.get_task_type_by_name("Modeling")
    todo = gazu.task.get_task_status_by_name("Todo")
    gazu.task.new_task(asset, modeling, "main", todo)
    assert [task["entity_id"] for task in project_tasks(row["id"])] == [asset["id"]]
