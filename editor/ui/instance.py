"""Bringing forward a project that another running copy of this program has open.

Each window application listens on a local socket (``QLocalServer``; a named pipe on Windows, a socket
file on Linux) whose name is recorded in the lock files it writes (``"ipc"``). Opening a project whose
lock names a living holder of the same user on this host first asks that program to show its window;
only if it cannot (an older version, a hung program) the lock prompt appears.

Protocol: one line of JSON each way — ``{"raise": "<absolute path>"}`` and ``{"raised": true|false}``.
"""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from .. import sysenv
from ..storage import lock as lockfile

MAX_REQUEST = 64 * 1024


def server_name() -> str:
    return f"report-editor-{sysenv.identity_token()}"


class InstanceServer(QObject):
    """Answers requests of other copies of the program to show a window of an open project."""

    def __init__(self, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name()
        QLocalServer.removeServer(name)
        self.name = name if self.server.listen(name) else ""
        self.server.newConnection.connect(self._connection)
        if self.name:
            lockfile.set_instance_name(self.name)

    def close(self) -> None:
        lockfile.set_instance_name("")
        self.server.close()

    def _connection(self) -> None:
        while self.server.hasPendingConnections():
            sock = self.server.nextPendingConnection()
            buffer = bytearray()
            sock.readyRead.connect(lambda s=sock, b=buffer: self._read(s, b))
            sock.disconnected.connect(sock.deleteLater)

    def _read(self, sock: QLocalSocket, buffer: bytearray) -> None:
        buffer += bytes(sock.readAll().data())
        if b"\n" not in buffer and len(buffer) < MAX_REQUEST:
            return
        raised = False
        try:
            request = json.loads(bytes(buffer).split(b"\n", 1)[0].decode("utf-8"))
            if isinstance(request, dict) and isinstance(request.get("raise"), str):
                raised = self.raise_window(Path(request["raise"]))
        except (ValueError, UnicodeDecodeError, OSError):
            raised = False
        sock.write(json.dumps({"raised": raised}).encode("utf-8") + b"\n")
        sock.flush()
        sock.disconnectFromServer()

    @staticmethod
    def raise_window(path: Path) -> bool:
        from PySide6.QtCore import QCoreApplication, Qt

        from .main_window import _window_for

        window = _window_for(path)
        if window is None:
            return False
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()
        window.statusBar().showMessage(QCoreApplication.translate(
            "MainWindow", "“%1” was opened again from another program.")
                                       .replace("%1", path.name), 8000)
        return True


def ask_to_raise(name: str, path: Path, timeout_ms: int = 2000) -> bool:
    """Ask the program listening on ``name`` to show its window of ``path``; True when it did."""
    if not name:
        return False
    sock = QLocalSocket()
    sock.connectToServer(name)
    if not sock.waitForConnected(timeout_ms):
        return False
    try:
        sock.write(json.dumps({"raise": str(Path(path).absolute())}, ensure_ascii=False).encode("utf-8") + b"\n")
        sock.waitForBytesWritten(timeout_ms)
        reply = bytearray()
        while b"\n" not in reply and len(reply) < MAX_REQUEST:
            if not sock.waitForReadyRead(timeout_ms):
                break
            reply += bytes(sock.readAll().data())
        answer = json.loads(bytes(reply).split(b"\n", 1)[0].decode("utf-8") or "{}")
        return isinstance(answer, dict) and answer.get("raised") is True
    except (ValueError, UnicodeDecodeError):
        return False
    finally:
        sock.abort()


def raise_in_other_instance(path) -> bool:
    """When ``path`` is locked by another living copy of this program (same user, this host) that can
    be asked, show its window there; True when that happened (no lock prompt is needed then)."""
    holder = lockfile.read_lock(path)
    if not holder or holder.get("damaged") or not isinstance(holder.get("ipc"), str):
        return False
    if holder.get("host") != socket.gethostname() or holder.get("user") != lockfile.this_holder()["user"]:
        return False
    if holder.get("pid") == os.getpid() or lockfile.holder_is_dead(holder):
        return False
    return ask_to_raise(holder["ipc"], Path(path))
