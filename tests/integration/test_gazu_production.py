"""The gazu production modules (project, person, asset, shot, casting,
entity, playlist, sync) against the real server: the gazu-style script run in-process on
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
from side_by_side import normalized, run, run_script

pytestmark = pytest.mark.integration

MODULES = ("project", "person", "asset", "shot", "casting", "entity", "playlist", "sync")
#: Where ours gives another answer than official gazu 1.3.1, on purpose
#: (README, "gazu: deliberate departures").
DEPARTURES = {
    # A string that is not an id is refused before any request (ValueError);
    # official gazu sends it and gets the server's 500.
    "get_asset not an id": ({"error": "ValueError"}, {"error": "ServerErrorException"}),
}
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


def _settings(kitsu_server: Any) -> dict[str, str]:
    return {
        "KITSU_API_URL": kitsu_server.api_url,
        "KITSU_ADMIN_EMAIL": kitsu_server.admin_email,
        "KITSU_ADMIN_PASSWORD": kitsu_server.admin_password.reveal(),
    }


def _spied(monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """The names of the spec functions of MODULES called from now on."""
    called: set[str] = set()
    for module in MODULES:
        target = getattr(gazu, module)
        for spec in of_module(module):
            original = getattr(target, spec.name)

            def spy(*args: Any, _name: str = f"{module}.{spec.name}", _original: Any = original, **kwargs: Any) -> Any:
                called.add(_name)
                return _original(*args, **kwargs)

            monkeypatch.setattr(target, spec.name, spy)
    return called


def test_the_script_calls_every_function_and_gets_the_right_values(gazu_admin: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    called = _spied(monkeypatch)
    tag = uuid.uuid4().hex[:8]
    records = dict((label, result) for label, result in gazu_script.run(tag))
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
    # errors, as gazu's classes
    assert records["get_asset missing"] == {"error": "RouteNotFoundException"}
    assert records["get_asset not an id"] == {"error": "ValueError"}
    assert value["get_person missing"] is None
    assert value["close_project"]["description"] == "a production"  # close_project sends the status only
    assert records["remove_project gone"] == {"error": "RouteNotFoundException"}


def test_the_script_gives_what_official_gazu_gives(kitsu_server: Any) -> None:
    tag = uuid.uuid4().hex[:6]
    ours = normalized(run_script(tag + "o", official=False, settings=_settings(kitsu_server)), tag + "o")
    theirs = normalized(run_script(tag + "g", official=True, settings=_settings(kitsu_server)), tag + "g")
    assert [label for label, _ in ours] == [label for label, _ in theirs]
    different = {label: (mine, official) for (label, mine), (_, official) in zip(ours, theirs) if mine != official}
    departures = {label: pair for label, pair in different.items() if DEPARTURES.get(label) == pair}
    undone = {label for label in different if label in UNDONE_BY_OFFICIAL}
    assert undone == set(UNDONE_BY_OFFICIAL)
    print(f"\nside by side, gazu production modules: {len(ours)} calls compared, {len(ours) - len(different)} equal, "
          f"{len(departures)} deliberate departures, {len(undone)} where official gazu undid a write")
    assert set(different) - set(departures) - undone == set()
    assert set(departures) == set(DEPARTURES)


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
    """A user without rights (403), a missing object (404), a wrong id and a
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
        ("asset", "get_asset", [missing], {}),
        ("shot", "get_sequence", [missing], {}),
        ("shot", "get_shot", ["../../auth/logout"], {}),
        ("person", "get_presence_log", [2026, 13], {}),
    ]
    settings = {**_settings(kitsu_server), "KITSU_ADMIN_EMAIL": email, "KITSU_ADMIN_PASSWORD": password}
    try:
        ours = run(calls, official=False, settings=settings)
        theirs = run(calls, official=True, settings=settings)
    finally:
        admin.transport.delete(f"data/persons/{person['id']}", {"force": "true"})
    print(f"\nerror paths as an artist: ours {[r.get('error') for r in ours]}, official {[r.get('error', r.get('value')) for r in theirs]}")
    assert [r.get("error") for r in ours[:4]] == ["NotAllowedException"] * 4
    assert ours[:6] == theirs[:6]
    assert [r.get("error") for r in ours[4:6]] == ["RouteNotFoundException"] * 2
    # A string that is not an id, a month 13: refused before sending (ValueError,
    # also our InvalidArgumentError). Official gazu sends them: its get_shot
    # puts "../../auth/logout" in the path, which logs the user out.
    assert [r.get("error") for r in ours[6:]] == ["InvalidArgumentError", "InvalidArgumentError"]
    assert theirs[6:] == [{"value": {"logout": True}}, {"error": "NotAuthenticatedException"}]


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
    """Zou 1.0.97 sends ETags on a project's task list (none of the
    production modules' routes do): a cached read of it costs a 304 and is
    never stale."""
    from gazu import _calls

    row = make_project(asset_types=["Character"], task_types=["Modeling"], task_statuses=["Todo"])

    @gazu.cache.cache
    def project_tasks(project: Any, client: Any = gazu.client.default_client) -> list[dict[str, Any]]:
        return _calls.read_list(client, "data/projects/{project_id}/tasks", project_id=project)

    gazu.cache.enable()
    assert project_tasks(row["id"]) == []
    assert project_tasks(row["id"]) == []
    assert project_tasks.get_cache_infos()["revalidated_hits"] == 1
    asset = gazu.asset.new_asset(row["id"], gazu.asset.get_asset_type_by_name("Character"), "etag hero")
    modeling = admin.transport.get("data/task-types", {"name": "Modeling"})[0]
    todo = admin.transport.get("data/task-status", {"name": "Todo"})[0]
    admin.transport.post("data/tasks", {
        "project_id": row["id"], "entity_id": asset["id"], "task_type_id": modeling["id"], "task_status_id": todo["id"],
        "name": "main",
    })
    assert [task["entity_id"] for task in project_tasks(row["id"])] == [asset["id"]]
