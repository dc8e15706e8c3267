"""Whatever a caller sends — offsets, headers, JSON bodies, ids — the receiver answers with its
JSON error shape and never a 5xx. Driven in-process through ASGI with generated requests; the
cases once seen answering 500 are also sent to a real server.
"""

import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import anyio
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.sync.protocol import API_PREFIX, ErrorCode, UploadRequest
from desktop.sync.receiver.app import create_app
from desktop.sync.receiver.storage import Storage

from .wire import Prepared, call, make_db, prepare

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CODES = {str(code) for code in ErrorCode}
SUPERSCRIPT_TWO = "\u00b2"  # "²": str.isdigit() says yes, int() says no


class Api:
    """The app under test, its branch and an open upload (a plain class: hypothesis prints
    the repr with every failing example, and a dataclass's would hold the whole payload)."""

    def __init__(self, app: Any, branch_id: str, token: str, prepared: Prepared) -> None:
        self.app = app
        self.branch_id = branch_id
        self.token = token
        self.prepared = prepared

    def __repr__(self) -> str:
        return f"Api(branch {self.branch_id})"

    @property
    def upload(self) -> str:
        return f"{API_PREFIX}/branches/{self.branch_id}/uploads/{self.prepared.request.upload_id}"


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    """One receiver app over a data dir with a branch and an open upload."""
    folder = tmp_path_factory.mktemp("fuzz")
    storage = Storage(folder / "street")
    branch = storage.add_branch("一支部")
    prepared = prepare(make_db(folder / "b.sqlite3"))
    storage.create_upload(branch.branch_id, prepared.request)
    yield Api(create_app(folder / "street"), branch.branch_id, branch.token, prepared)


def send(
    api: Api,
    method: str,
    raw_path: str,
    *,
    query: bytes = b"",
    headers: list[tuple[bytes, bytes]] | None = None,
    body: bytes = b"",
    token: bool = True,
) -> tuple[int, bytes]:
    """One request through the app as uvicorn would hand it over: (status, body).

    An exception escaping the app is what the server turns into a 500; it is reported so.
    """
    sent_headers = [(b"host", b"test")]
    if token:
        sent_headers.append((b"authorization", f"Bearer {api.token}".encode()))
    sent_headers += headers or []
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": unquote(raw_path),
        "raw_path": raw_path.encode("ascii"),
        "query_string": query,
        "root_path": "",
        "headers": sent_headers,
        "client": ("127.0.0.1", 1),
        "server": ("test", 80),
    }
    messages = [{"type": "http.request", "body": body, "more_body": False}]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def respond(message: dict[str, Any]) -> None:
        sent.append(message)

    async def run() -> None:
        with anyio.fail_after(30):
            await api.app(scope, receive, respond)

    try:
        anyio.run(run)
    except Exception as exc:  # the server would log it and answer 500
        return 500, repr(exc).encode()
    start = next(m for m in sent if m["type"] == "http.response.start")
    return start["status"], b"".join(m.get("body", b"") for m in sent if m["type"] != "start")


def assert_sound(status: int, body: bytes) -> dict[str, Any]:
    """Never a 5xx; an error has the JSON error shape. The answer's JSON."""
    assert status < 500, body
    data = json.loads(body)
    assert isinstance(data, dict)
    if status >= 400:
        assert data["code"] in CODES
        assert isinstance(data["message"], str) and data["message"]
    return data


def _well_formed(text: str | bytes) -> bool:
    return text.isascii() and text.isdigit() and len(text) <= 20


# --- offsets -------------------------------------------------------------------------------

OFFSETS = st.one_of(
    st.text(max_size=30),
    st.from_regex(r"\A[0-9]{15,5000}\Z"),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from([SUPERSCRIPT_TWO, "١٢", "９", "0x10", "-1", "+1", " 1", "1 ", "1e3", "1_0"]),
)


@FUZZ
@given(offset=OFFSETS)
def test_any_offset_answers_200_400_or_409(api: Api, offset: str):
    query = f"offset={quote(offset, safe='')}".encode()
    status, body = send(api, "PUT", api.upload, query=query, body=b"x")
    data = assert_sound(status, body)
    if not _well_formed(offset):
        assert (status, data["code"]) == (400, "bad_request")
    else:
        assert status in (200, 400, 409)


@pytest.mark.parametrize(
    "offset",
    ["%C2%B2", "9" * 4400, "0" * 4400, "%EF%BC%99", "-1"],
    ids=["superscript", "4400-digits", "4400-zeros", "fullwidth", "negative"],
)
def test_offsets_that_once_answered_500_are_400(api: Api, offset: str):
    status, body = send(api, "PUT", api.upload, query=f"offset={offset}".encode(), body=b"x")
    assert (status, assert_sound(status, body)["code"]) == (400, "bad_request")


# --- headers -------------------------------------------------------------------------------

LENGTHS = st.one_of(
    st.binary(max_size=30),
    st.sampled_from(
        [SUPERSCRIPT_TWO.encode(), b"-1", b"9" * 5000, b"1e3", b" 1", b"+1", b"", b"0x1", b"1,1"]
    ),
)


@FUZZ
@given(value=LENGTHS, method=st.sampled_from(["PUT", "POST", "GET"]))
def test_a_malformed_content_length_is_400(api: Api, value: bytes, method: str):
    path = api.upload + ("/finish" if method == "POST" else "")
    headers = [(b"content-length", value)]
    status, body = send(api, method, path, query=b"offset=0", headers=headers, body=b"x")
    data = assert_sound(status, body)
    if not _well_formed(value):
        assert (status, data["code"]) == (400, "bad_request")


@FUZZ
@given(value=st.binary(max_size=100))
def test_any_authorization_header_is_401_or_403(api: Api, value: bytes):
    headers = [(b"authorization", value)]
    status, body = send(api, "GET", api.upload, headers=headers, token=False)
    assert_sound(status, body)
    assert status in (401, 403)


# --- JSON bodies ---------------------------------------------------------------------------

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
NESTED = st.integers(min_value=1, max_value=60_000).map(lambda n: b"[" * n)
HUGE_NUMBERS = st.integers(min_value=4_000, max_value=20_000).map(lambda n: b"1" * n)


def _request_json(api: Api) -> dict[str, Any]:
    return api.prepared.request.to_json()


@st.composite
def mutated_requests(draw: st.DrawFn, base: dict[str, Any]) -> bytes:
    """A valid upload request with one field replaced, dropped, or a huge number."""
    data = dict(base)
    field = draw(st.sampled_from(sorted(data)))
    how = draw(st.sampled_from(["value", "drop", "huge", "deep"]))
    if how == "drop":
        del data[field]
        return json.dumps(data).encode()
    if how == "value":
        data[field] = draw(JSON_VALUES)
        return json.dumps(data).encode()
    data[field] = "__here__"
    text = json.dumps(data)
    filler = "9" * draw(st.integers(4_000, 5_000)) if how == "huge" else "[" * 900 + "]" * 900
    return text.replace('"__here__"', filler).encode()


def bodies(api: Api) -> st.SearchStrategy[bytes]:
    return st.one_of(
        JSON_VALUES.map(lambda v: json.dumps(v).encode()),
        st.binary(max_size=200),
        NESTED,
        HUGE_NUMBERS,
        st.sampled_from([b"NaN", b'{"confirm_shrink": NaN}', b"\xff\xfe{}", b'{"a": 1e999}']),
        mutated_requests(_request_json(api)),
    )


@FUZZ
@given(data=st.data(), finish=st.booleans())
def test_any_json_body_answers_with_the_error_shape(api: Api, data: st.DataObject, finish: bool):
    body = data.draw(bodies(api))
    path = api.upload + "/finish" if finish else f"{API_PREFIX}/branches/{api.branch_id}/uploads"
    headers = [(b"content-type", b"application/json")]
    status, answer = send(api, "POST", path, headers=headers, body=body)
    assert_sound(status, answer)


@pytest.mark.parametrize("finish", [False, True], ids=["create", "finish"])
def test_sixty_thousand_brackets_are_400(api: Api, finish: bool):
    path = api.upload + "/finish" if finish else f"{API_PREFIX}/branches/{api.branch_id}/uploads"
    status, body = send(api, "POST", path, body=b"[" * 60_000)
    assert (status, assert_sound(status, body)["code"]) == (400, "bad_request")


# --- ids in the path -----------------------------------------------------------------------


@FUZZ
@given(
    branch=st.one_of(st.text(max_size=20), st.just("")),
    upload=st.one_of(st.text(max_size=40), st.from_regex(r"\A[0-9a-f]{32}\n\Z")),
    real_branch=st.booleans(),
    method=st.sampled_from(["GET", "PUT", "POST"]),
)
def test_any_branch_or_upload_id_answers_with_the_error_shape(
    api: Api, branch: str, upload: str, real_branch: bool, method: str
):
    branch_id = api.branch_id if real_branch else branch
    path = f"{API_PREFIX}/branches/{quote(branch_id, safe='')}/uploads/{quote(upload, safe='')}"
    path += "/finish" if method == "POST" else ""
    status, body = send(api, method, path, query=b"offset=0", body=b"{}")
    data = assert_sound(status, body)
    if real_branch and status != 404:  # 404: the id held a "/" and matched no route
        assert status in (400, 404), data


def test_an_upload_id_with_a_final_newline_is_refused(api: Api, tmp_path: Path):
    """ "$" in a pattern matches before a final newline: such an id must not name a file."""
    request = {**_request_json(api), "upload_id": api.prepared.request.upload_id[:-1] + "a\n"}
    path = f"{API_PREFIX}/branches/{api.branch_id}/uploads"
    status, body = send(api, "POST", path, body=json.dumps(request).encode())
    assert (status, assert_sound(status, body)["code"]) == (400, "bad_request")
    status, body = send(api, "GET", api.upload[:-1] + "a%0A")
    assert (status, assert_sound(status, body)["code"]) == (400, "bad_request")


# --- UploadRequest.from_json -----------------------------------------------------------------


@pytest.mark.parametrize("field", ["base_version", "length", "page_size", "payload_length"])
@pytest.mark.parametrize(
    "value",
    [10**5000, -(10**5000), True, False, 2**63, math.nan, 1.0],
    ids=["10**5000", "-10**5000", "true", "false", "2**63", "nan", "float"],
)
def test_upload_request_refuses_out_of_range_and_non_integers(api: Api, field: str, value: Any):
    with pytest.raises(ValueError):
        UploadRequest.from_json({**_request_json(api), field: value})


@pytest.mark.parametrize("field", ["upload_id", "sha256", "payload_sha256"])
def test_upload_request_refuses_non_strings_even_nested_deep(api: Api, field: str):
    deep: Any = []
    for _ in range(100_000):
        deep = [deep]
    for value in (deep, 12, True, None, {"a": 1}):
        with pytest.raises(ValueError):
            UploadRequest.from_json({**_request_json(api), field: value})


@FUZZ
@given(data=st.data())
def test_upload_request_raises_only_value_error_and_what_it_takes_round_trips(
    api: Api, data: st.DataObject
):
    fields = {**_request_json(api)}
    for name in data.draw(st.sets(st.sampled_from(sorted(fields)))):
        fields[name] = data.draw(JSON_VALUES)
    try:
        request = UploadRequest.from_json(fields)
    except ValueError:
        return
    assert UploadRequest.from_json(json.loads(json.dumps(request.to_json()))) == request


# --- the same through a real server --------------------------------------------------------


def test_a_real_server_answers_400_to_what_once_gave_500(
    shared_street, add_street_branch, tmp_path
):
    branch_id, token = add_street_branch(shared_street)
    prepared = prepare(make_db(tmp_path / "b.sqlite3"))
    base = f"{API_PREFIX}/branches/{branch_id}/uploads"
    request = prepared.request.to_json()
    assert call(shared_street.url, "POST", base, token=token, json_body=request).status == 200
    upload = f"{base}/{prepared.request.upload_id}"
    for offset in ("%C2%B2", "9" * 4400):
        reply = call(shared_street.url, "PUT", f"{upload}?offset={offset}", token=token, data=b"x")
        assert (reply.status, reply.body["code"]) == (400, "bad_request"), reply.raw
    for path in (base, f"{upload}/finish"):
        reply = call(
            shared_street.url,
            "POST",
            path,
            token=token,
            data=b"[" * 60_000,
            headers={"Content-Type": "application/json"},
        )
        assert (reply.status, reply.body["code"]) == (400, "bad_request"), reply.raw
