"""Throughput of the real server: one `coopmap serve` process on loopback, loaded by wrk (Debian package).

`serve()` starts the app exactly as production does (`coopmap serve`, settings from `COOPMAP_*`), on a free
loopback port; `run_wrk()` drives it with a Lua script that rotates over a fixed list of request paths and
parses wrk's `--latency` report.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
_DURATION = r"([\d.]+)(us|ms|s|m|h)"
_REQUESTS_RE = re.compile(r"^\s*(\d+) requests in ([\d.]+)(us|ms|s|m|h), ([\d.]+)([KMGT]?B) read", re.M)
_RPS_RE = re.compile(r"^Requests/sec:\s*([\d.]+)", re.M)
_PERCENTILE_RE = re.compile(rf"^\s*(50|75|90|99)%\s+{_DURATION}\s*$", re.M)
_SOCKET_RE = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")
_NON_2XX_RE = re.compile(r"Non-2xx or 3xx responses: (\d+)")


@dataclass(frozen=True)
class WrkResult:
    """What one wrk run reported."""

    requests: int
    seconds: float
    requests_per_second: float
    latency_ms: dict[int, float]  # percentile -> milliseconds (50, 75, 90, 99)
    non_2xx: int
    socket_errors: dict[str, int]  # connect, read, write, timeout

    @property
    def errors(self) -> int:
        """Non-2xx/3xx responses plus socket errors of every kind."""
        return self.non_2xx + sum(self.socket_errors.values())


def _ms(value: str, unit: str) -> float:
    return float(value) * _UNITS_MS[unit]


def parse_wrk(output: str) -> WrkResult:
    """Parse the text wrk prints with `--latency`; a report without a request count is an error."""
    totals = _REQUESTS_RE.search(output)
    rps = _RPS_RE.search(output)
    if totals is None or rps is None:
        raise ValueError(f"not a wrk report:\n{output}")
    socket_errors = {"connect": 0, "read": 0, "write": 0, "timeout": 0}
    if (errors := _SOCKET_RE.search(output)) is not None:
        socket_errors = dict(zip(socket_errors, map(int, errors.groups()), strict=True))
    non_2xx = _NON_2XX_RE.search(output)
    return WrkResult(
        requests=int(totals[1]),
        seconds=_ms(totals[2], totals[3]) / 1000,
        requests_per_second=float(rps[1]),
        latency_ms={int(m[1]): _ms(m[2], m[3]) for m in _PERCENTILE_RE.finditer(output)},
        non_2xx=int(non_2xx[1]) if non_2xx else 0,
        socket_errors=socket_errors,
    )


def wrk_path() -> str | None:
    """The wrk binary, or None when it is not installed."""
    return shutil.which("wrk")


def lua_script(paths: Sequence[str]) -> str:
    """A wrk script sending the paths in turn (one wrk thread: one Lua state, one rotation)."""
    if not paths:
        raise ValueError("wrk needs at least one path")
    quoted = ",\n".join(f'  "{path}"' for path in paths if '"' not in path and "\\" not in path)
    return (
        f"local paths = {{\n{quoted}\n}}\n"
        "local i = 0\n"
        "request = function()\n"
        "  i = i % #paths + 1\n"
        '  return wrk.format("GET", paths[i])\n'
        "end\n"
    )


def run_wrk(
    base_url: str, paths: Sequence[str], *, connections: int, seconds: float, threads: int = 1
) -> WrkResult:
    """Run wrk against `base_url` with the paths in rotation and return its parsed report."""
    binary = wrk_path()
    if binary is None:
        raise FileNotFoundError("wrk is not installed (Debian: apt-get install wrk)")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", prefix="coopmap-wrk-", delete=False) as script:
        script.write(lua_script(paths))
    try:
        completed = subprocess.run(
            [
                binary,
                f"-t{threads}",
                f"-c{connections}",
                f"-d{max(1, round(seconds))}s",
                "--timeout",
                "5s",
                "--latency",
                "-s",
                script.name,
                base_url,
            ],
            capture_output=True,
            text=True,
            timeout=seconds + 60,
            check=False,
        )
    finally:
        Path(script.name).unlink(missing_ok=True)
    if completed.returncode != 0:
        raise RuntimeError(f"wrk failed ({completed.returncode}): {completed.stderr}{completed.stdout}")
    return parse_wrk(completed.stdout)


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def serve_command() -> list[str]:
    """`coopmap serve` from this interpreter's environment."""
    script = Path(sys.executable).parent / "coopmap"
    if script.is_file():
        return [str(script), "serve"]
    return [sys.executable, "-c", "from app.cli import main; main()", "serve"]


def get_status(url: str, timeout: float = 2.0) -> int:
    """The HTTP status of a GET (an error status is returned, not raised)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310  (our loopback URL)
            status: int = response.status
            return status
    except urllib.error.HTTPError as exc:
        return exc.code


def _wait_healthy(url: str, process: subprocess.Popen[bytes], log: Path, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            if get_status(url, timeout=1.0) == 200:
                return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer 200 within {seconds:.0f} s:\n{log.read_text()[-3000:]}")


@contextmanager
def _server(command: list[str], env: dict[str, str], port: int, ready_path: str) -> Iterator[str]:
    """Start a server process, wait until `ready_path` answers 200, yield its base URL, stop it after."""
    base_url = f"http://127.0.0.1:{port}"
    # The log goes to a file: an unread pipe would fill up under load (access log) and stall the server.
    with tempfile.NamedTemporaryFile("wb", prefix="coopmap-serve-", suffix=".log", delete=False) as log:
        log_path = Path(log.name)
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_healthy(base_url + ready_path, process, log_path, seconds=60)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:  # e.g. requests still hanging: do not wait for them
            process.kill()
            process.wait()
        log_path.unlink(missing_ok=True)


@contextmanager
def serve(database_url: str, extra_env: dict[str, str] | None = None) -> Iterator[str]:
    """Run one `coopmap serve` process on a free loopback port; yields its base URL and stops it after."""
    port = free_port()
    env = {
        **os.environ,
        "COOPMAP_DATABASE_URL": database_url,
        "HOST": "127.0.0.1",
        "PORT": str(port),
        **(extra_env or {}),
    }
    with _server(serve_command(), env, port, "/healthz") as base_url:
        yield base_url


# The framework floor the reference note measured (`/ping` {"ok":true}: 6,027 req/s on its 2-core box).
PING_APP = """
from fastapi import FastAPI
app = FastAPI()
@app.get("/ping")
async def ping() -> dict[str, bool]:
    return {"ok": True}
"""
REFERENCE_PING_RPS = 6027


@contextmanager
def serve_ping() -> Iterator[str]:
    """A minimal FastAPI app under one uvicorn process: how fast this machine is, before any app code."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="coopmap-ping-") as directory:
        Path(directory, "bench_ping.py").write_text(PING_APP)
        command = [
            sys.executable,
            "-m",
            "uvicorn",
            "bench_ping:app",
            "--app-dir",
            directory,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ]
        with _server(command, dict(os.environ), port, "/ping") as base_url:
            yield base_url
