"""When and from which source this copy was built.

The bundle build writes ``build_info.json`` beside the resources with
``python -m desktop.build_info OUT``; 关于 reads it back. A checkout has no such file: it is a
development copy, not a dated build.
"""

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from desktop.paths import build_info_file

BEIJING = timezone(timedelta(hours=8))  # 北京时间: the build date as the office reads it
ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class BuildInfo:
    built_at: datetime  # aware, in 北京时间
    commit: str | None  # `git describe` of the source (…-dirty: with uncommitted changes)


def read_build_info(path: Path | None = None) -> BuildInfo | None:
    """The bundle's build, or None from a checkout (or when the file cannot be read: a copy
    whose build date is unknown is shown as undated rather than failing 关于)."""
    path = build_info_file() if path is None else path
    if path is None or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        built_at = datetime.fromisoformat(data["built_at"])
        commit = data.get("commit") or None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if built_at.tzinfo is None or not isinstance(commit, str | None):
        return None
    return BuildInfo(built_at.astimezone(BEIJING), commit)


def build_time() -> datetime:
    """Now in 北京时间, or ``SOURCE_DATE_EPOCH`` (reproducible builds) when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    now = datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)
    return now.astimezone(BEIJING)


def git_commit(source: Path = ROOT) -> str | None:
    """``git describe`` of the source, or None where there is no git or no repository."""
    try:
        done = subprocess.run(
            ["git", "-C", str(source), "describe", "--always", "--dirty", "--abbrev=12"],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    described = done.stdout.strip()
    return described if done.returncode == 0 and described else None


def write_build_info(
    path: Path, *, built_at: datetime | None = None, commit: str | None = None
) -> BuildInfo:
    """Write ``build_info.json`` at ``path``: the build time (now) and the source's commit."""
    info = BuildInfo((built_at or build_time()).astimezone(BEIJING), commit or git_commit())
    data = {"built_at": info.built_at.isoformat(timespec="seconds"), "commit": info.commit}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return info


def main(argv: list[str] | None = None) -> int:
    """``python -m desktop.build_info OUT``: the bundle build's one call."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("用法：python -m desktop.build_info 输出文件（build_info.json）", file=sys.stderr)
        return 2
    try:
        info = write_build_info(Path(args[0]))
    except OSError as exc:
        print(f"无法写入构建信息：{exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"构建时间 {info.built_at:%Y-%m-%d %H:%M}（北京时间），源码 {info.commit or '未知'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
