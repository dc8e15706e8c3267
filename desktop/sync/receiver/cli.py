"""`shuren-street`: serve, add-branch, list (docs/architecture.md, "Command line").

Exit codes: 0 success; 1 the command ran and found a problem; 2 bad usage or bad input, with a
one-line Chinese message on stderr. ``--json`` prints one JSON document on stdout, nothing else.
"""

import argparse
import ipaddress
import json
import socket
import sqlite3
import ssl
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.domain.dates import SHANGHAI, format_local_datetime
from desktop.sync.receiver.storage import NoRegistryError, Storage

PROG = "shuren-street"
DEFAULT_PORT = 8765

# Logs go to stderr; stdout carries only the "listening on" line (tests and scripts read it).
# Uvicorn's access log shows method, path and status, never a header, so no token is logged.
LOG_CONFIG: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "stream": "ext://sys.stderr",
        }
    },
    "loggers": {
        name: {"handlers": ["stderr"], "level": "INFO", "propagate": False}
        for name in ("uvicorn", "uvicorn.access", "shuren.street")
    },
}


class UsageError(Exception):
    """Bad usage or bad input: exit 2 with this one-line message."""


class ChineseArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"命令行参数有误（{message}），请运行 {PROG} --help 查看用法。")


def _port(text: str) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"端口应为 0–65535 的整数，而不是 {text!r}")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(prog=PROG, description="熟人小区街道办接收端")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=ChineseArgumentParser)

    serve = sub.add_parser("serve", help="接收各支部上传的数据")
    serve.add_argument("--data", type=Path, required=True, help="街道办数据目录")
    serve.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1）")
    serve.add_argument(
        "--port", type=_port, default=DEFAULT_PORT, help="端口（0：任选空闲端口并打印）"
    )
    serve.add_argument("--tls-cert", type=Path, help="HTTPS 证书（PEM，可含中间证书）")
    serve.add_argument("--tls-key", type=Path, help="HTTPS 私钥（PEM）")

    add = sub.add_parser("add-branch", help="登记一个支部，只显示一次它的令牌")
    add.add_argument("--data", type=Path, required=True, help="街道办数据目录")
    add.add_argument("--name", required=True, help="支部名称")
    add.add_argument("--json", action="store_true", help="以 JSON 输出")

    lister = sub.add_parser("list", help="列出各支部：最近上传、版本、收到的字节数")
    lister.add_argument("--data", type=Path, required=True, help="街道办数据目录")
    lister.add_argument("--json", action="store_true", help="以 JSON 输出")

    report = sub.add_parser("report", help="汇总各支部的统计指标，生成 Excel 报表")
    report.add_argument("--data", type=Path, required=True, help="街道办数据目录")
    report.add_argument("--period", help="统计期：季度如 2026Q3，或年份如 2026（默认：本季度）")
    report.add_argument("--baseline", help="物业矛盾的比较基期（默认：上一期）")
    report.add_argument("--out", type=Path, required=True, help="Excel 文件（.xlsx）")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(None if argv is None else list(argv))
        handlers = {
            "serve": cmd_serve,
            "add-branch": cmd_add_branch,
            "list": cmd_list,
            "report": cmd_report,
        }
        return handlers[args.command](args)
    except UsageError as exc:
        _say(str(exc))
        return 2
    except sqlite3.DatabaseError as exc:
        _say(f"街道办登记文件无法读取（{exc}），请从备份恢复 street.sqlite3。")
        return 1


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _open(data_dir: Path, *, create: bool) -> Storage:
    try:
        return Storage(data_dir, create=create)
    except NoRegistryError:
        raise UsageError(
            f"数据目录 {data_dir} 中没有街道办数据（先用 add-branch 登记支部）。"
        ) from None
    except (OSError, sqlite3.OperationalError) as exc:
        raise UsageError(
            f"无法使用数据目录 {data_dir}（{exc}），请换一个可以写入的文件夹。"
        ) from None


def _print_json(document: Any) -> None:
    json.dump(document, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


def cmd_add_branch(args: argparse.Namespace) -> int:
    storage = _open(args.data, create=True)
    try:
        branch = storage.add_branch(args.name)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.json:
        _print_json({"branch_id": branch.branch_id, "name": branch.name, "token": branch.token})
        return 0
    print(f"支部：{branch.name}")
    print(f"编号：{branch.branch_id}")
    print(f"令牌：{branch.token}")
    print("令牌只显示这一次，街道办只保存它的摘要；请当面或以安全方式交给支部。")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    branches = _open(args.data, create=False).branches()
    if args.json:
        items = [b.to_json() for b in branches]
        _print_json({"kind": "branches", "count": len(items), "items": items})
        return 0
    print("编号\t名称\t最近上传（北京时间）\t版本\t最近一次字节\t累计字节")
    for b in branches:
        version = "—" if b.version is None else str(b.version)
        print(
            f"{b.branch_id}\t{b.name}\t{_beijing(b.last_upload_at)}\t{version}"
            f"\t{b.bytes_last:,}\t{b.bytes_total:,}"
        )
    print(f"共 {len(branches)} 个支部")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """Every branch's current copy read-only, summed into one workbook."""
    from desktop.domain.indicators import chosen_periods
    from desktop.indicators import ExportError
    from desktop.sync.receiver.report import build_report, write_report

    try:
        today = datetime.now(SHANGHAI).date()
        period, baseline = chosen_periods(args.period, args.baseline, today)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    report = build_report(_open(args.data, create=False), period, baseline)
    try:
        write_report(args.out, report)
    except ExportError as exc:
        raise UsageError(str(exc)) from None
    for item in report.branches:
        if item.stale or item.problem:
            flag = "未及时上传" if item.stale else "注意"
            detail = f"（{item.problem}）" if item.problem else ""
            since = item.branch.last_upload_at
            when = f"数据截至 {_beijing(since)}" if since else "从未上传"
            print(f"{flag}：{item.branch.name}，{when}{detail}")
    print(
        f"已生成{period.title}街道汇总报表：{args.out}（支部 {len(report.branches)} 个，"
        f"未及时上传 {len(report.stale)} 个）"
    )
    return 0


def _beijing(moment: str | None) -> str:
    """A stored UTC time as the clerk reads it; --json keeps the ISO UTC form."""
    return format_local_datetime(datetime.fromisoformat(moment)) if moment else "从未上传"


def cmd_serve(args: argparse.Namespace) -> int:
    tls = _tls_files(args.tls_cert, args.tls_key)
    storage_dir = args.data
    _open(storage_dir, create=True)  # a data dir that cannot be written is bad input, now
    if tls is None and not _is_loopback(args.host):
        _say(f"提醒：{args.host} 不是本机地址，却没有 --tls-cert/--tls-key，令牌会以明文传送。")
    try:
        sock = _bind(args.host, args.port)
    except OSError as exc:
        _say(f"无法在 {args.host}:{args.port} 上监听（{exc}）。")
        return 1
    import uvicorn  # only `serve` needs the web stack

    from desktop.sync.receiver.app import create_app

    config = uvicorn.Config(
        create_app(storage_dir),
        ssl_certfile=tls[0] if tls else None,
        ssl_keyfile=tls[1] if tls else None,
        log_config=LOG_CONFIG,
        server_header=False,
        timeout_graceful_shutdown=10,
    )
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    # The socket already listens, so a client may connect as soon as it reads this line.
    print(f"listening on {'https' if tls else 'http'}://{shown}:{port}", flush=True)
    with sock:
        uvicorn.Server(config).run(sockets=[sock])
    return 0


def _tls_files(cert: Path | None, key: Path | None) -> tuple[str, str] | None:
    if cert is None and key is None:
        return None
    if cert is None or key is None:
        raise UsageError("--tls-cert 与 --tls-key 要一起给出。")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    try:
        context.load_cert_chain(str(cert), str(key))
    except (OSError, ssl.SSLError) as exc:
        raise UsageError(f"无法读取证书 {cert} 或私钥 {key}（{exc}）。") from None
    return str(cert), str(key)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _bind(host: str, port: int) -> socket.socket:
    """A listening socket; with port 0 the system picks a free one (read it back)."""
    family, kind, proto, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    sock = socket.socket(family, kind, proto)
    try:
        if sys.platform != "win32":  # on Windows SO_REUSEADDR would let two servers share a port
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError:
        sock.close()
        raise
    return sock
