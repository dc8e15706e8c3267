"""Bearer tokens: a token reaches its own branch only, and other ids look the same whether or
not they exist."""

import pytest

from desktop.sync.protocol import API_PREFIX
from desktop.sync.receiver.storage import Storage

from .wire import Branch, call, make_db, prepare


@pytest.fixture
def street(shared_street):
    """Every test here adds its own branch, so one receiver serves them all."""
    return shared_street


def test_no_or_malformed_header_is_401(street, add_street_branch):
    branch_id, token = add_street_branch(street)
    path = f"{API_PREFIX}/branches/{branch_id}"
    for headers in (
        {},
        {"Authorization": token},
        {"Authorization": f"Basic {token}"},
        {"Authorization": "Bearer "},
    ):
        reply = call(street.url, "GET", path, headers=headers)
        assert reply.status == 401, headers
        assert reply.body["code"] == "unauthorized"
        assert reply.body["message"]


def test_own_token_reads_its_branch(street, add_street_branch):
    branch_id, token = add_street_branch(street, "欧阳䶮𠮷 <b>&")
    reply = Branch(street.url, branch_id, token).state()
    assert reply.status == 200
    assert reply.body == {
        "branch_id": branch_id,
        "name": "欧阳䶮𠮷 <b>&",
        "version": None,
        "sha256": None,
        "length": None,
        "counts": {},
        "page_size": None,
    }


def test_other_branches_and_nonexistent_ones_answer_the_same_403(street, add_street_branch):
    mine, my_token = add_street_branch(street, "一支部")
    other, _ = add_street_branch(street, "二支部")
    wrong_token = f"{mine}.{'x' * 43}"
    answers = [
        call(street.url, "GET", f"{API_PREFIX}/branches/{other}", token=my_token),
        call(street.url, "GET", f"{API_PREFIX}/branches/000000000000", token=my_token),
        call(street.url, "GET", f"{API_PREFIX}/branches/{mine}", token=wrong_token),
        call(street.url, "GET", f"{API_PREFIX}/branches/{mine}", token="not-a-token"),
        call(street.url, "GET", f"{API_PREFIX}/branches/ABCDEF012345", token=my_token),
        call(street.url, "GET", f"{API_PREFIX}/branches/0000000000000", token=my_token),
        call(street.url, "GET", f"{API_PREFIX}/branches/%2E%2E", token=my_token),
        call(
            street.url,
            "POST",
            f"{API_PREFIX}/branches/{other}/uploads",
            token=my_token,
            json_body={},
        ),
    ]
    assert [a.status for a in answers] == [403] * len(answers)
    assert len({a.raw for a in answers}) == 1
    assert answers[0].body["code"] == "forbidden"
    assert other not in answers[0].raw.decode()


def test_uploads_of_another_branch_stay_out_of_reach(street, add_street_branch, tmp_path):
    first = Branch(street.url, *add_street_branch(street, "一支部"))
    second = Branch(street.url, *add_street_branch(street, "二支部"))
    prepared = prepare(make_db(tmp_path / "a.sqlite3"))
    assert first.create(prepared.request).status == 200
    upload_id = prepared.request.upload_id
    # The second branch's token on the first branch's path: refused before anything else.
    stolen = call(street.url, "GET", f"{first.prefix}/uploads/{upload_id}", token=second.token)
    assert stolen.status == 403
    # The second branch's own path knows no such upload.
    assert second.status(upload_id).status == 404
    assert second.status(upload_id).body["code"] == "not_found"


@pytest.mark.parametrize("upload_id", ["abc", "G" * 32, "0" * 31, "0" * 33, "0" * 31 + "A"])
def test_malformed_upload_ids_are_400(street, add_street_branch, upload_id):
    branch = Branch(street.url, *add_street_branch(street))
    for reply in (
        branch.status(upload_id),
        branch.put(upload_id, 0, b"x"),
        branch.finish(upload_id),
    ):
        assert reply.status == 400
        assert reply.body["code"] == "bad_request"


def test_only_the_token_hash_is_stored(tmp_path):
    storage = Storage(tmp_path / "street")
    branch = storage.add_branch("一支部")
    registry = storage.registry_path.read_bytes()
    assert branch.token.encode() not in registry
    assert branch.token.partition(".")[2].encode() not in registry
    assert storage.check_token(branch.branch_id, branch.token)
    assert not storage.check_token(branch.branch_id, branch.token + "x")
    assert not storage.check_token("../../x", branch.token)


def test_the_log_never_shows_a_token(street, add_street_branch):
    branch = Branch(street.url, *add_street_branch(street))
    assert branch.state().status == 200
    assert call(street.url, "GET", branch.prefix, token=branch.token + "x").status == 403
    log = street.log()
    assert f"GET {branch.prefix}" in log
    assert branch.token.partition(".")[2] not in log
