"""A TCP proxy for tests that breaks the line on purpose: it cuts the connection after N bytes
in either direction, or flips one byte on the way to the server."""

import contextlib
import socket
import threading
from dataclasses import dataclass


@dataclass
class Fault:
    cut_up_after: int | None = None  # client → server bytes, counted over the whole session
    cut_down_after: int | None = None  # server → client bytes
    flip_up_at: int | None = None  # XOR one client → server byte at this offset


class FaultyProxy:
    def __init__(self, target_port: int, fault: Fault | None = None) -> None:
        self.target_port = target_port
        self.fault = fault or Fault()
        self.up = 0
        self.down = 0
        self.cut = False
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._sockets: list[socket.socket] = []
        self._threads: list[threading.Thread] = []
        self._stopping = False
        accept = threading.Thread(target=self._accept, daemon=True)
        accept.start()
        self._threads.append(accept)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def reset(self, fault: Fault | None = None) -> None:
        with self._lock:
            self.fault = fault or Fault()
            self.up = self.down = 0
            self.cut = False

    def close(self) -> None:
        self._stopping = True
        self._listener.close()
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            _close(sock)
        for thread in self._threads:
            thread.join(timeout=5)

    def _accept(self) -> None:
        while not self._stopping:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                _close(client)
                continue
            with self._lock:
                self._sockets += [client, server]
            for source, sink, upward in ((client, server, True), (server, client, False)):
                thread = threading.Thread(
                    target=self._pump, args=(source, sink, upward), daemon=True
                )
                thread.start()
                self._threads.append(thread)

    def _pump(self, source: socket.socket, sink: socket.socket, upward: bool) -> None:
        try:
            while data := source.recv(65536):
                data, cut = self._pass(data, upward)
                if data:
                    sink.sendall(data)
                if cut:
                    break
        except OSError:
            pass
        _close(source)
        _close(sink)

    def _pass(self, data: bytes, upward: bool) -> tuple[bytes, bool]:
        with self._lock:
            fault = self.fault
            seen = self.up if upward else self.down
            limit = fault.cut_up_after if upward else fault.cut_down_after
            if (
                upward
                and fault.flip_up_at is not None
                and seen <= fault.flip_up_at < seen + len(data)
            ):
                buf = bytearray(data)
                buf[fault.flip_up_at - seen] ^= 0xFF
                data = bytes(buf)
            cut = limit is not None and seen + len(data) >= limit
            if cut:
                data = data[: max(limit - seen, 0)]  # type: ignore[operator]
                self.cut = True
            if upward:
                self.up += len(data)
            else:
                self.down += len(data)
        return data, cut


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()
