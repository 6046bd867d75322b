"""gazu.client's raw calls, as a TD's glue code makes them: is the host up
and a Kitsu, which version, who am I; departments created, read and
changed through the generic data routes (get/post/put, create/update,
fetch_one/first/all, paged and with chosen fields); an entity imported;
a project's picture uploaded, downloaded, read as bytes."""

from __future__ import annotations

import os
import struct
import tempfile
import uuid
import zlib
from typing import Any

import gazu

#: Nothing listens there: a host that is down.
DOWN_HOST = "http://127.0.0.1:9/api"


DEPARTURES = {
    # Official gazu adds "fields" (and "page") to the caller's params dict;
    # ours never modifies an input dict (README, "gazu compatibility").
    "fetch_all params kept": "official gazu writes the fields it sends into the caller's params dict",
}


def _png() -> bytes:
    """A valid 1x1 PNG (the thumbnail routes decode what they get)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x10\x80\xf0")) + \
        chunk(b"IEND", b"")


def _is_png(data: Any) -> Any:
    """Whether ``data`` (bytes) is a PNG picture; else ``data`` as it is."""
    return data[:8] == b"\x89PNG\r\n\x1a\n" if isinstance(data, bytes) else data


def _recorded_as_png(call: Any, data: Any) -> None:
    """The last call's answer, bytes, recorded as whether it is a PNG."""
    if "value" in call.records[-1][1]:
        call.records[-1][1] = {"value": _is_png(data)}


def _file(path: str) -> Any:
    """What a download left at ``path``: whether it is there, a PNG."""
    if not os.path.exists(path):
        return None
    with open(path, "rb") as saved:
        return {"png": _is_png(saved.read())}


def run(call: Any) -> None:
    mark = call.marker
    c = gazu.client

    # ----------------------------------------------------------- the host
    call("host_is_up", c.host_is_up)
    call("host_is_valid", c.host_is_valid)
    down = c.create_client(DOWN_HOST)
    call("host_is_up down", c.host_is_up, down)
    call("host_is_valid down", c.host_is_valid, down)
    call("get_api_version", c.get_api_version)
    call("get", c.get, "")
    call("get text", c.get, "", False)
    call("get_current_user", c.get_current_user)

    # ------------------------------------------------ generic data routes
    color = "#3A7BD5"
    posted = call("post", c.post, "data/departments", {"name": f"rigging {mark}", "color": color})
    call("post duplicate", c.post, "data/departments", {"name": f"rigging {mark}", "color": color})
    call("post refused", c.post, "data/departments", {"colour": "#000000"})
    created = call("create", c.create, "departments", {"name": f"layout {mark}", "color": color})
    third = c.create("departments", {"name": f"cfx {mark}", "color": color})
    call("put", c.put, f"data/departments/{posted['id']}", {"name": f"rigs {mark}"})
    call("put unknown", c.put, f"data/departments/{uuid.uuid4()}", {"name": f"none {mark}"})
    call("update", c.update, "departments", created["id"], {"archived": True})
    call("get by id", c.get, f"data/departments/{posted['id']}")
    call("get params", c.get, "data/departments", params={"name": f"layout {mark}"})
    call("get query in path", c.get, f"data/departments?name=rigs {mark}")
    call("get leading slash", c.get, f"/data/departments/{created['id']}")
    call("get unknown", c.get, f"data/departments/{uuid.uuid4()}")
    call("fetch_one", c.fetch_one, "departments", created["id"])
    call("fetch_one unknown", c.fetch_one, "departments", str(uuid.uuid4()))
    call("fetch_first", c.fetch_first, "departments", {"name": f"rigs {mark}"})
    call("fetch_first none", c.fetch_first, "departments", {"name": f"nothing {mark}"})
    call("fetch_first query in path", c.fetch_first, f"departments?name=layout {mark}")
    call.unordered("fetch_all", c.fetch_all, "departments", {"color": color})
    call.unordered("fetch_all paginated", c.fetch_all, "departments", {"color": color}, paginated=True, limit=1)
    wanted = {"color": color}
    call.unordered("fetch_all fields", c.fetch_all, "departments", wanted, fields=["name", "archived"])
    call("fetch_all params kept", dict, wanted)
    call.unordered("fetch_all fields text", c.fetch_all, "departments", {"color": color}, fields="name")

    # ------------------------------------------------- import, pictures
    project = gazu.project.new_project(f"glue {mark}")
    props = gazu.asset.new_asset_type("Props")
    lamp = gazu.asset.new_asset(project, props, f"lamp {mark}", "a lamp")
    changed = {key: lamp[key] for key in ("id", "name", "project_id", "entity_type_id")}
    call("import_data", c.import_data, "entities", [{**changed, "description": "an old lamp"}])
    call("import_data new", c.import_data, "entities", [{
        "id": str(uuid.uuid4()), "name": f"chair {mark}", "project_id": project["id"],
        "entity_type_id": props["id"], "description": "imported",
    }])
    call("fetch_all query in path", c.fetch_all, f"entities?project_id={project['id']}")
    call.records[-1][1]["value"] = sorted(item["name"] for item in call.records[-1][1].get("value") or [])

    folder = tempfile.mkdtemp()
    picture = os.path.join(folder, "cover.png")
    with open(picture, "wb") as out:
        out.write(_png())
    picture_path = f"pictures/thumbnails/projects/{project['id']}"
    call("upload", c.upload, picture_path, picture)
    call("upload extra files", c.upload, picture_path, picture, {}, [picture])
    with open(picture, "rb") as opened:  # gazu's ``files``: requests' own, part name -> open file
        call("upload files", c.upload, picture_path, files={"file": opened})
    call("upload files named", c.upload, picture_path, files={"file": ("cover.png", _png(), "image/png")})
    call("upload files text", c.upload, picture_path, files={"file": "not a picture"})
    saved = os.path.join(folder, "saved.png")
    call("download", c.download, f"{picture_path}.png", saved)
    call("download saved", _file, saved)
    call("download unknown", c.download, f"pictures/thumbnails/projects/{uuid.uuid4()}.png",
         os.path.join(folder, "none.png"))
    data = call("get_file_data_from_url", c.get_file_data_from_url, f"{picture_path}.png")
    _recorded_as_png(call, data)
    data = call("get_file_data_from_url full", c.get_file_data_from_url, c.get_full_url(f"{picture_path}.png"), True)
    _recorded_as_png(call, data)
    call("get_file_data_from_url unknown", c.get_file_data_from_url, f"pictures/thumbnails/projects/{uuid.uuid4()}.png")

    gazu.project.close_project(project)
    gazu.project.remove_project(project, force=True)
    for department in (posted, created, third):
        gazu.person.remove_department(department, force=True)
