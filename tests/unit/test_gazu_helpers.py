"""gazu.helpers, gazu.sorting and gazu.encoder behave as gazu 1.3.1's:
model parameters normalised (UUIDs only), dates checked, file names
cleaned, lists sorted by name, dates encoded as ISO text; download_file
builds the path as gazu does and writes the file only once complete."""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path
from typing import Any

import pytest
import responses

from gazu.encoder import CustomJSONEncoder
from gazu.exception import DownloadFileException
from gazu.helpers import (
    download_file, normalize_list_of_models_for_links, normalize_model_parameter, sanitize_filename,
    validate_date_format,
)
from gazu.sorting import sort_by_name

ID = "a1b2c3d4-0000-4000-8000-00000000abcd"
OTHER = "A1B2C3D4-0000-4000-8000-00000000ABCE"
FILES = "http://files.test"


class _Unprintable:
    def __str__(self) -> str:
        raise RuntimeError("no text")


# ------------------------------------------------------------- parameters
def test_a_model_parameter_is_a_dict_kept_as_is_or_a_uuid_made_a_dict() -> None:
    given = {"id": ID, "name": "hero"}
    assert normalize_model_parameter(given) is given
    assert normalize_model_parameter(ID) == {"id": ID}
    assert normalize_model_parameter(OTHER) == {"id": OTHER}  # upper case is a UUID too
    assert normalize_model_parameter(None) is None


@pytest.mark.parametrize("bad", ["hero", f"{ID}/x", f" {ID}", "", 42, ["a"]])
def test_anything_else_is_refused(bad: Any) -> None:
    with pytest.raises(ValueError, match="Wrong format: expected ID string or Data dict"):
        normalize_model_parameter(bad)


def test_a_value_that_cannot_be_text_is_refused() -> None:
    with pytest.raises(ValueError, match="Failed to cast argument to str"):
        normalize_model_parameter(_Unprintable())


def test_links_are_the_ids_of_one_model_or_a_list() -> None:
    assert normalize_list_of_models_for_links() == []
    assert normalize_list_of_models_for_links(ID) == [ID]
    assert normalize_list_of_models_for_links({"id": ID}) == [ID]
    assert normalize_list_of_models_for_links([{"id": ID}, OTHER]) == [ID, OTHER]
    as_given: list[Any] = normalize_list_of_models_for_links([{"id": 7}])
    assert as_given == [7]  # a dict's id as it is, as gazu does
    with pytest.raises(ValueError):
        normalize_list_of_models_for_links(["hero"])


# ------------------------------------------------------------------ dates
@pytest.mark.parametrize("text", ["2026-01-05", "2026-01-05T10:20:30"])
def test_a_date_or_a_date_and_time_is_returned_as_given(text: str) -> None:
    assert validate_date_format(text) == text


@pytest.mark.parametrize("text", ["2026-13-01", "05/01/2026", "2026-01-05 10:20:30", "2026-01-05T10:20", ""])
def test_any_other_text_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match=f"Incorrect date format for {text}, should be YYYY-mm-dd"):
        validate_date_format(text)


def test_a_date_that_is_not_text_raises_a_type_error_as_in_gazu() -> None:
    with pytest.raises(TypeError):
        validate_date_format(datetime.date(2026, 1, 5))  # type: ignore[arg-type]


# ------------------------------------------------------------ file names
@pytest.mark.parametrize(("name", "clean"), [
    ("shot_010.png", "shot_010.png"),
    ("../../etc/passwd", "__etcpasswd"),
    ("a(b)@c:d%e,f;g`h|i*j?k<l>m[n]o\\p\n.png ", "abcdefghijklmnop.png"),
    ("  spaced name.mov  ", "spaced name.mov"),
])
def test_a_file_name_loses_dots_up_and_forbidden_characters(name: str, clean: str) -> None:
    assert sanitize_filename(name) == clean


# ---------------------------------------------------------------- sorting
def test_records_are_sorted_by_name_case_aside_and_unnamed_first() -> None:
    records: list[dict[str, Any]] = [
        {"name": "beta", "n": 1}, {"name": "Alpha"}, {"n": 2}, {"name": None}, {"name": "BETA", "n": 3},
    ]
    assert sort_by_name(records) == [{"n": 2}, {"name": None}, {"name": "Alpha"}, {"name": "beta", "n": 1},
                                     {"name": "BETA", "n": 3}]
    assert records[0] == {"name": "beta", "n": 1}  # a new list: the given one is left in its order


# ---------------------------------------------------------------- encoder
def test_dates_and_datetimes_are_encoded_as_iso_text() -> None:
    value = {"day": datetime.date(2026, 1, 5), "at": datetime.datetime(2026, 1, 5, 10, 20, 30)}
    assert json.loads(json.dumps(value, cls=CustomJSONEncoder)) == {"day": "2026-01-05", "at": "2026-01-05T10:20:30"}
    with pytest.raises(TypeError):
        json.dumps({"other": object()}, cls=CustomJSONEncoder)


# ------------------------------------------------------------- downloads
@responses.activate
def test_a_download_to_a_file_path_writes_it_there(tmp_path: Path) -> None:
    responses.get(f"{FILES}/movie.mp4", body=b"frames", headers={"Content-Type": "video/mp4"})
    target = tmp_path / "out.mp4"
    assert download_file(f"{FILES}/movie.mp4", str(target)) == str(target)
    assert target.read_bytes() == b"frames"
    assert os.listdir(tmp_path) == ["out.mp4"]  # no temporary file left beside it


@responses.activate
def test_a_download_to_a_folder_keeps_the_url_file_name_sanitized(tmp_path: Path) -> None:
    responses.get(f"{FILES}/dl/..a(b)%3Bc.png", body=b"png")
    path = download_file(f"{FILES}/dl/..a(b)%3Bc.png", str(tmp_path), headers={"Authorization": "Bearer t"})
    assert path == os.path.join(str(tmp_path), "_ab3Bc.png")
    assert Path(path).read_bytes() == b"png"
    assert responses.calls[0].request.headers["Authorization"] == "Bearer t"


@responses.activate
def test_a_name_without_extension_gets_the_content_types_and_a_bare_name_lands_in_the_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    responses.get(f"{FILES}/thumbnail", body=b"png", headers={"Content-Type": "image/png"})
    assert download_file(f"{FILES}/thumbnail", "thumb") == os.path.join(str(tmp_path), "thumb.png")
    assert (tmp_path / "thumb.png").read_bytes() == b"png"


@responses.activate
def test_without_a_path_the_file_lands_in_a_new_private_folder() -> None:
    responses.get(f"{FILES}/", body=b"x", headers={"Content-Type": "text/plain"})
    path = Path(download_file(f"{FILES}/"))
    assert path.name == "file.txt" and path.read_bytes() == b"x"
    assert path.parent.name.startswith("gazu_") and (path.parent.stat().st_mode & 0o777) == 0o700
    path.unlink()
    path.parent.rmdir()


@responses.activate
def test_a_refused_download_raises_and_leaves_no_file(tmp_path: Path) -> None:
    responses.get(f"{FILES}/secret.png", status=403)
    target = tmp_path / "secret.png"
    with pytest.raises(DownloadFileException, match=r"File \(http://files.test/secret.png\) can't be downloaded \(403"):
        download_file(f"{FILES}/secret.png", str(target))
    assert os.listdir(tmp_path) == []
