"""Load test of the HTTP API: concurrent clients asking `GET /api/events` of `eventwire serve` for a fixed time.

    python bench/load.py [--events 100000 | --db FILE] [--clients 50] [--processes 2] [--seconds 60] [--warmup 0]
                         [--json FILE]

Starts `eventwire serve` (as installed) on a free loopback port over a synthetic store of ``--events`` events (built
by bench/synthetic.py in a temporary folder, deleted afterwards) or over ``--db``. Each client sends its next
request as soon as the last is answered; requests are a fixed mix of what a dashboard asks: the first pages of all
events (40%), one month of events (30%), a PLOVER type or a QuadClass (15%), an actor's code (15%). Prints requests
per second, latency percentiles (p50, p90, p99, max) over all requests and per kind, and every status other than
200 as an error. The clients (Python, asyncio and httpx) run on the same machine as the server and take some of its
CPU: the figures are for server and clients together. They are shared among ``--processes`` client processes, so
that the clients' own Python is not what limits the rate (one process of 50 httpx clients answers about 430
requests/s at most on the benchmark machine, its whole core). With ``--wrk`` the clients are wrk (Debian package
`wrk`, written in C) asking the same mix of 1,000 drawn requests in turn, so that nearly all of the machine is
left to the server; wrk reports no per-kind figures.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from multiprocessing import get_context
from pathlib import Path

import duckdb
import httpx
from common import save_json
from synthetic import build

TYPES = ["CONSULT", "ACCUSE", "REQUEST", "SUPPORT", "ASSAULT", "COOPERATE", "REJECT", "THREATEN"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request_mix(db: str, seed: int):
    """A function giving the (kind, query parameters) of each next request."""
    con = duckdb.connect(db, read_only=True)
    codes = [r[0] for r in con.execute(
        "SELECT source_code FROM events WHERE source_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 50"
    ).fetchall()]  # fmt: skip
    first, last = con.execute("SELECT min(date), max(date) FROM documents").fetchall()[0]
    con.close()
    months = [(y, m) for y in range(first.year, last.year + 1) for m in range(1, 13)]
    rng = random.Random(seed)

    def next_request() -> tuple[str, dict]:
        draw = rng.random()
        if draw < 0.4:
            return "all", {"offset": 100 * rng.randrange(10)}
        if draw < 0.7:
            year, month = rng.choice(months)
            start = dt.date(year, month, 1)
            end = (start + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)
            return "month", {"from": start.isoformat(), "to": end.isoformat()}
        if draw < 0.85:
            return "type", rng.choice([{"type": rng.choice(TYPES)}, {"quad": rng.randint(1, 4)}])
        return "actor", {"actor": rng.choice(codes)}

    return next_request


async def run_clients(url: str, clients: int, seconds: float, next_request) -> tuple[list, Counter]:
    """(kind, seconds) of every answered request, and the count of each non-200 status or failure."""
    answered, errors = [], Counter()
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as http:

        async def client() -> None:
            while time.monotonic() < deadline:
                kind, params = next_request()
                started = time.perf_counter()
                try:
                    answer = await http.get("/api/events", params=params)
                except httpx.HTTPError as exc:
                    errors[type(exc).__name__] += 1
                    continue
                if answer.status_code != 200:
                    errors[f"HTTP {answer.status_code}"] += 1
                    continue
                answered.append((kind, time.perf_counter() - started))

        await asyncio.gather(*(client() for _ in range(clients)))
    return answered, errors


def client_process(url: str, clients: int, seconds: float, db: str, seed: int) -> tuple[list, Counter, float]:
    """One client process: its answers and errors (as :func:`run_clients`) and the CPU seconds it used."""
    mix = request_mix(db, seed)
    used = cpu_seconds(os.getpid())
    answered, errors = asyncio.run(run_clients(url, clients, seconds, mix))
    return answered, errors, cpu_seconds(os.getpid()) - used


def run_wrk(url: str, clients: int, seconds: float, db: str, folder: Path) -> tuple[int, dict, Counter]:
    """(answered, latency percentiles in ms, errors) of wrk asking the request mix through ``clients``
    connections."""
    from urllib.parse import urlencode

    next_request = request_mix(db, 7)
    paths = ["/api/events?" + urlencode(next_request()[1]) for _ in range(1000)]
    script = folder / "mix.lua"
    script.write_text(
        "paths = {" + ",".join(f'"{p}"' for p in paths) + "}\n"
        "n = 0\nrequest = function()\n  n = n % #paths + 1\n  return wrk.format(nil, paths[n])\nend\n"
    )
    command = ["wrk", "-t2", f"-c{clients}", f"-d{seconds:g}s", "--latency", "-s", str(script), url]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    figures, errors, answered = {}, Counter(), 0
    for line in out.splitlines():
        words = line.split()
        if len(words) == 2 and words[0] in {"50%", "90%", "99%"}:
            figures["p" + words[0][:-1]] = _ms(words[1])
        elif "requests in" in line:
            answered = int(words[0])
        elif line.strip().startswith("Non-2xx"):
            errors["non-2xx"] = int(words[-1])
        elif line.strip().startswith("Socket errors"):
            errors["socket"] = sum(int(w.rstrip(",")) for w in words[3::2])
    return answered, figures, +errors


def _ms(value: str) -> float:
    """wrk's "850.00us", "12.34ms", "1.02s" in milliseconds."""
    for unit, scale in (("us", 0.001), ("ms", 1), ("s", 1000)):
        if value.endswith(unit):
            return round(float(value[: -len(unit)]) * scale, 1)
    raise ValueError(value)


def percentiles(times: list[float]) -> dict:
    cuts = statistics.quantiles(times, n=100, method="inclusive")
    return {
        "n": len(times),
        "p50_ms": round(cuts[49] * 1000, 1),
        "p90_ms": round(cuts[89] * 1000, 1),
        "p99_ms": round(cuts[98] * 1000, 1),
        "max_ms": round(max(times) * 1000, 1),
    }


def cpu_seconds(pid: int) -> float:
    """User and system CPU time a process has used so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def serve(db: str, log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    eventwire = Path(sys.executable).with_name("eventwire")
    command = [str(eventwire), "serve", "--db", db, "--port", str(port)]
    process = subprocess.Popen(command, stdout=log.open("w"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(f"{url}/api/health", timeout=5).status_code == 200:
                return process, url
        except httpx.TransportError:
            pass
        if process.poll() is not None:
            break
        time.sleep(0.1)
    process.kill()
    sys.exit(f"the server did not start:\n{log.read_text()}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--events", type=int, default=100_000, help="synthetic events in the store (default 100,000)")
    p.add_argument("--db", help="an existing store to serve instead of a synthetic one")
    p.add_argument("--clients", type=int, default=50, help="concurrent clients (default 50)")
    p.add_argument("--processes", type=int, default=2, help="client processes sharing them (default 2)")
    p.add_argument("--warmup", type=float, default=0, help="seconds of requests before those measured (default 0)")
    p.add_argument("--seconds", type=float, default=60, help="how long the clients ask (default 60)")
    p.add_argument("--wrk", action="store_true", help="clients are wrk (installed apart), not Python processes")
    p.add_argument("--json", help="also write the figures to this JSON file")
    args = p.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="eventwire-load-"))
    try:
        db = args.db
        if not db:
            db = str(folder / "synthetic.duckdb")
            print(f"built a store of {args.events:,} synthetic events in {build(db, args.events):.1f} s", flush=True)
        server, url = serve(db, folder / "server.log")
        try:
            if args.warmup:  # the same mix: the server has met most questions once, as one that has been up a while
                asyncio.run(run_clients(url, args.clients, args.warmup, request_mix(db, 0)))
            cpu = cpu_seconds(server.pid)
            if args.wrk:
                answered, overall, errors = run_wrk(url, args.clients, args.seconds, db, folder)
                cpu = cpu_seconds(server.pid) - cpu
                latency = "  ".join(f"{k} {v} ms" for k, v in overall.items())
                print(f"wrk, {args.clients} connections, {args.seconds:g} s: {answered:,} answered "
                      f"({answered / args.seconds:,.1f} requests/s), errors: {dict(errors) or 0}; "
                      f"server CPU per request {cpu / answered * 1000:.1f} ms; {latency}")  # fmt: skip
                return 1 if errors else 0
            n = args.processes
            shares = [args.clients // n + (i < args.clients % n) for i in range(n)]
            with ProcessPoolExecutor(n, mp_context=get_context("fork")) as pool:
                seeds = range(7, 7 + n)
                runs = list(pool.map(client_process, repeat(url), shares, repeat(args.seconds), repeat(db), seeds))
            cpu = cpu_seconds(server.pid) - cpu
        finally:
            server.terminate()
            server.wait(timeout=60)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    answered = [answer for run in runs for answer in run[0]]
    errors = sum((run[1] for run in runs), Counter())
    clients_cpu = sum(run[2] for run in runs)
    overall = percentiles([t for _, t in answered])
    kinds = defaultdict(list)
    for kind, t in answered:
        kinds[kind].append(t)
    rate = len(answered) / args.seconds
    print(f"{args.clients} clients in {args.processes} processes, {args.seconds:g} s, {os.cpu_count()} cores: "
          f"{len(answered):,} answered ({rate:,.1f} requests/s), errors: {dict(errors) or 0}")  # fmt: skip
    print(f"  server CPU per request: {cpu / len(answered) * 1000:.1f} ms ({cpu / args.seconds:.2f} cores busy); "
          f"clients: {clients_cpu / len(answered) * 1000:.1f} ms ({clients_cpu / args.seconds:.2f} cores)")  # fmt: skip
    print(f"  {'all requests':<14} " + "  ".join(f"{k} {v}" for k, v in overall.items()))
    by_kind = {kind: percentiles(times) for kind, times in sorted(kinds.items())}
    for kind, figures in by_kind.items():
        print(f"  {kind:<14} " + "  ".join(f"{k} {v}" for k, v in figures.items()))
    if args.json:
        args.corpus, args.limit = args.db or "synthetic", args.events
        save_json(args.json, args, clients=args.clients, processes=args.processes, seconds=args.seconds,
                  warmup=args.warmup,
                  requests_per_s=round(rate, 1),
                  server_cpu_ms_per_request=round(cpu / len(answered) * 1000, 2),
                  clients_cpu_ms_per_request=round(clients_cpu / len(answered) * 1000, 2),
                  errors=dict(errors), overall=overall, by_kind=by_kind)  # fmt: skip
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
