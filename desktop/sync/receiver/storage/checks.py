"""The refusals an upload can meet, each a StreetError with its Chinese message."""

from pathlib import Path

from desktop.sync import protocol, untrusted
from desktop.sync.protocol import ErrorCode, UploadRequest
from desktop.sync.receiver.storage.files import sha256_file
from desktop.sync.receiver.storage.records import StreetError, VersionInfo


def check_base(request: UploadRequest, current: VersionInfo | None) -> None:
    """A changes-only upload must build on the version that is current now."""
    version = None if current is None else current.version
    if request.base_version is not None and request.base_version != version:
        raise StreetError(
            ErrorCode.UNKNOWN_BASE,
            "街道办现存的版本已不是这次上传的基础版本，请完整上传。",
            version=version,
        )


def diverged(current: VersionInfo | None, upload_id: str) -> StreetError:
    version = None if current is None else current.version
    return StreetError(
        ErrorCode.DIVERGED,
        f"街道办现存的第 {version} 版已由另一台电脑更新，这份数据不是在它的基础上修改的，"
        "没有采用，已另存备查。请在本机选择以哪份数据为准，或把两份合并。",
        version=version,
        side=upload_id,
    )


def check_shrink(before: dict[str, int], after: dict[str, int]) -> None:
    shrunk = protocol.shrunk_tables(before, after)
    if shrunk:
        what = "、".join(
            f"{protocol.COUNTED_LABELS.get(t, t)} {old}→{new}" for t, (old, new) in shrunk.items()
        )
        raise StreetError(
            ErrorCode.SHRINK,
            f"这份数据比街道办现存的少了一半以上（{what}），确认无误后再上传。",
            shrunk={table: [old, new] for table, (old, new) in shrunk.items()},
        )


def refusal(path: Path, request: UploadRequest) -> StreetError | None:
    """Why the rebuilt file is refused (422), or None. The schema is checked before anything
    else reads the file: the branch's file is untrusted (untrusted.py)."""
    size = path.stat().st_size
    if size != request.length:
        return bad_result(f"长度 {size}，应为 {request.length}")
    if sha256_file(path) != request.sha256:
        return bad_result("SHA-256 不符")
    try:
        untrusted.check_schema(path)
    except untrusted.BadSchema as exc:
        return StreetError(ErrorCode.BAD_SCHEMA, f"{exc.reason}，已拒收。")
    except untrusted.UntrustedFileError as exc:
        return bad_result(exc.reason)
    problem = protocol.integrity_problem(path)
    return None if problem is None else bad_result(f"完整性检查：{problem}")


def bad_result(problem: str) -> StreetError:
    return StreetError(
        ErrorCode.BAD_RESULT,
        f"还原出的数据文件没有通过核对（{problem}），这次上传已作废，请重新完整上传。",
    )
