"""`shuren sync` and `shuren restore`: upload to the street office, settle a divergence with
another PC's copy (--resolve), and get the street office's copy back after a lost disk."""

import argparse
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from desktop.cli.common import Refused, add_data_dir, require_data_file, say

RESOLUTIONS = ("server", "local", "merge")


def add_arguments(sub: Any) -> None:
    sync = sub.add_parser("sync", help="把本支部的数据同步到街道办")
    _connection_arguments(sync, required=False)
    sync.add_argument(
        "--once", action="store_true", help="同步一次就退出（默认：一直运行，定时同步）"
    )
    sync.add_argument(
        "--confirm-shrink", action="store_true", help="记录比上次少了很多时，确认照样上传"
    )
    sync.add_argument(
        "--resolve",
        choices=RESOLUTIONS,
        help="另一台电脑更新过街道办的数据时：server 以街道办的数据为准，"
        "local 以本机为准，merge 把两份合并",
    )

    restore = sub.add_parser("restore", help="从街道办取回本支部的数据（如硬盘损坏后）")
    _connection_arguments(restore, required=True)


def _connection_arguments(parser: argparse.ArgumentParser, *, required: bool) -> None:
    add_data_dir(parser)
    parser.add_argument(
        "--server",
        required=required,
        help="街道办服务器地址，如 https://street.example.cn:8765（会记住）",
    )
    parser.add_argument(
        "--token-file", type=Path, required=required, help="存有街道办所给令牌的文件（会记住）"
    )
    parser.add_argument("--ca-file", type=Path, help="街道办自己的证书颁发机构文件（会记住）")


def remember_connection(args: argparse.Namespace, data_dir: Path) -> None:
    """Save --server, --ca-file and --token-file; Refused(2) for bad ones."""
    from desktop.sync.config import (
        check_server_address,
        load_config,
        load_token,
        save_config,
        save_token,
    )
    from desktop.sync.errors import SyncError

    try:
        config = load_config(data_dir)
        if args.server or args.ca_file:
            server = check_server_address(args.server) if args.server else config.server
            save_config(
                data_dir, replace(config, server=server, ca_file=args.ca_file or config.ca_file)
            )
        if args.token_file:
            try:
                token = args.token_file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise Refused(f"读不出令牌文件 {args.token_file}（{exc}）。", 2) from None
            save_token(data_dir, token)
    except SyncError as exc:
        raise Refused(exc.message, 2) from None
    if not load_config(data_dir).server or load_token(data_dir) is None:
        raise Refused(
            "还没有设置同步：请用 --server 给出服务器地址，用 --token-file 给出令牌文件。", 2
        )


@contextmanager
def window_closed(data_dir: Path) -> Iterator[None]:
    """Hold the window's own lock, so the data is not replaced under an open window."""
    from PySide6.QtCore import QLockFile

    lock = QLockFile(str(data_dir / "shuren.lock"))
    lock.setStaleLockTime(0)  # a lock whose process is gone is stale, whatever its age
    if not lock.tryLock(200):
        raise Refused("熟人小区的窗口正开着这个数据文件夹，请先关闭窗口再恢复或合并。", 1)
    try:
        yield
    finally:
        lock.unlock()


def cmd_sync(args: argparse.Namespace, data_dir: Path) -> int:
    require_data_file(data_dir)
    remember_connection(args, data_dir)
    if args.resolve:
        return _resolve(args.resolve, data_dir)
    return _sync_loop(args, data_dir)


def _sync_loop(args: argparse.Namespace, data_dir: Path) -> int:
    from desktop.services import audit
    from desktop.sync.backoff import retry_delay
    from desktop.sync.client import Diverged, SyncBusy, SyncError, sync_once

    failures = 0
    while True:
        try:
            result = audit.sync_noted(
                data_dir, lambda: sync_once(data_dir, confirm_shrink=args.confirm_shrink)
            )
        except SyncBusy as exc:
            print(exc.message)
            if args.once:
                return 0
        except Diverged as exc:
            say(exc.message)
            if exc.behind:
                say("请运行 shuren sync --resolve server 取回街道办的数据。")
            else:
                _explain_divergence(data_dir)
            return 1
        except SyncError as exc:
            say(exc.message)
            if args.once or not exc.retry:
                return 1
            failures += 1
        else:
            failures = 0
            if result.up_to_date:
                print(f"已是最新：街道办保存的是第 {result.version} 版。")
            else:
                sent = f"{result.sent_bytes:,}"
                print(f"已同步：街道办保存为第 {result.version} 版，本次上传 {sent} 字节。")
            if args.once:
                return 0
        try:
            time.sleep(retry_delay(failures))
        except KeyboardInterrupt:
            return 0


def _explain_divergence(data_dir: Path) -> None:
    """What differs between the two copies, and how to choose (on stderr)."""
    from desktop.sync.errors import SyncError
    from desktop.sync.resolve import compare_with_street

    try:
        diff = compare_with_street(data_dir)
    except SyncError as exc:
        say(f"暂时无法比较两份数据：{exc.by_hand()}")
    else:
        say("两份数据的差别：")
        for line in diff.lines():
            say(f"  {line}")
    say(
        "请选择：shuren sync --resolve server（以街道办的数据为准，本机数据先备份）、"
        "--resolve local（以本机为准，另一份仍保存在街道办）或 --resolve merge（把两份合并）。"
    )


def _resolve(choice: str, data_dir: Path) -> int:
    from desktop.services.audit import resolution_noted
    from desktop.sync import resolve

    def server() -> None:
        restored = resolution_noted(
            data_dir, "server", lambda: resolve.restore_from_street(data_dir)
        )
        print(f"已改用街道办的第 {restored.version} 版数据。")
        if restored.backup is not None:
            print(f"本机原来的数据已备份为 {restored.backup}。")

    def local() -> None:
        result = resolution_noted(data_dir, "local", lambda: resolve.keep_local(data_dir))
        print(
            f"已以本机数据为准：街道办保存为第 {result.version} 版；"
            "另一台电脑上传的数据仍作为旧版本保存在街道办。"
        )

    def merge() -> None:
        merged = resolution_noted(data_dir, "merge", lambda: resolve.merge_with_street(data_dir))
        for line in merged.report.lines():
            print(line)
        if merged.backup is not None:
            print(f"合并前的数据已备份为 {merged.backup}。")
        print(f"已合并并同步：街道办保存为第 {merged.upload.version} 版。")

    return _replacing_data(data_dir, {"server": server, "local": local, "merge": merge}[choice])


def cmd_restore(args: argparse.Namespace, data_dir: Path) -> int:
    from desktop.services.audit import resolution_noted
    from desktop.sync import resolve

    remember_connection(args, data_dir)

    def restore() -> None:
        restored = resolution_noted(
            data_dir, "server", lambda: resolve.restore_from_street(data_dir)
        )
        print(f"已从街道办恢复第 {restored.version} 版数据到 {data_dir}。")
        if restored.backup is not None:
            print(f"本机原来的数据已备份为 {restored.backup}。")

    return _replacing_data(data_dir, restore)


def _replacing_data(data_dir: Path, work: Callable[[], None]) -> int:
    """Run work that may replace the data folder's database: never under an open window, and
    every failure one Chinese line (exit 1)."""
    from desktop.store.replace import ChangedMeanwhile
    from desktop.sync.client import SyncError

    try:
        with window_closed(data_dir):
            work()
    except SyncError as exc:  # SyncBusy included: another sync is not this work
        say(exc.by_hand())
        return 1
    except ChangedMeanwhile:
        say("处理期间数据有了改动，为免丢失，这次没有替换。请再运行一次。")
        return 1
    return 0
