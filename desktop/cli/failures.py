"""What a command that failed on the disk or the data file says: one Chinese line, never a
traceback (SQLAlchemy's would show the statement's parameters: residents' data)."""

import os
import sys
from pathlib import Path

from desktop.store.errors import StorageProblem, os_reason, root_error


def storage_message(problem: StorageProblem, error: BaseException, data_dir: Path | None) -> str:
    """One Chinese line for a disk or data-file error: what happened and what to do."""
    cause = root_error(error)
    if isinstance(cause, OSError) and cause.filename:
        where = f"“{cause.filename}”"
    else:
        where = f"数据目录 {data_dir}" if data_dir else "数据目录"
    safe = "已保存的记录不受影响"
    if problem is StorageProblem.FULL:
        return f"磁盘已满，操作没有完成（{where}）。{safe}，请腾出磁盘空间后再试。"
    if problem is StorageProblem.IO:
        return f"读写{where}时磁盘出错，操作没有完成。{safe}，请检查磁盘或 U 盘是否连接正常后再试。"
    if problem is StorageProblem.NO_ACCESS:
        reason = os_reason(cause) if isinstance(cause, OSError) else "只读或没有权限"
        return (
            f"无法读写{where}（{reason}）。请检查它是否只读、有没有权限，或换一个可以写入的文件夹。"
        )
    if problem is StorageProblem.BUSY:
        return f"数据文件正被另一个程序使用（{where}），请关闭正在使用它的熟人小区后再试。"
    if problem is StorageProblem.DAMAGED:
        return f"数据文件已损坏，无法读取（{cause}）。请从 backups 文件夹中的备份恢复。"
    return f"读写数据文件时出错（{cause}），操作没有完成。{safe}。"


def stdout_closed() -> int:
    """The reader of stdout went away (`shuren list … | head`). As Python's documentation
    advises: point stdout at devnull, so that the flush at exit has nothing to complain
    about, and end quietly with 1."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 1
