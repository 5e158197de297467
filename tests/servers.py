"""`eventwire serve` in a process of its own for the API and dashboard tests (DuckDB's file lock is per process)."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

EVENTWIRE = str(Path(sys.executable).with_name("eventwire"))  # the command as installed


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: Path, log: Path, *options: str, env: dict | None = None) -> tuple[subprocess.Popen, str]:
    """The server's process and address, once it answers; what it says goes to ``log``."""
    port = free_port()
    process = subprocess.Popen(
        [EVENTWIRE, "serve", "--db", str(db), "--port", str(port), *options],
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        env={**os.environ, **(env or {})},
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(f"{url}/docs", timeout=1)
            return process, url
        except httpx.TransportError:
            assert process.poll() is None, log.read_text()
            time.sleep(0.1)
    process.kill()
    raise AssertionError(f"the server did not start: {log.read_text()}")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(timeout=30)
