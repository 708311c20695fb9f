"""Load generation and observation: one HTTP check, a wrk run, and worker RSS sampled from /proc."""

import http.client
import json
import os
import subprocess
import threading
import time
from pathlib import Path

LUA = Path(__file__).with_name("report.lua")


def check(port, path, headers=None, timeout=30):
    """One request: (status, headers dict, body bytes). Never raises on HTTP errors."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": "localhost", **(headers or {})})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def wait_ready(port, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with code {process.returncode}")
        try:
            if check(port, "/healthz", timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer /healthz on port {port} within {timeout} s")


def children(pid):
    """Direct children of a process (the gunicorn workers of the master)."""
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def rss_mb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class MemorySampler(threading.Thread):
    """Samples the RSS of every gunicorn worker every `interval` s; keeps the peaks."""

    def __init__(self, master_pid, interval=0.1):
        super().__init__(daemon=True)
        self.master_pid, self.interval = master_pid, interval
        self.peak_worker_mb = self.peak_total_mb = 0.0
        self._stop_event = threading.Event()

    def run(self):
        while not self._stop_event.is_set():
            sizes = [rss_mb(pid) for pid in children(self.master_pid)]
            if sizes:
                self.peak_worker_mb = max(self.peak_worker_mb, max(sizes))
                self.peak_total_mb = max(self.peak_total_mb, sum(sizes))
            self._stop_event.wait(self.interval)

    def stop(self):
        self._stop_event.set()
        self.join()


def cpu_ticks(pids):
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime + stime
        except (OSError, IndexError, ValueError):
            pass
    return total


def wait_idle(master_pid, quiet=1.0, timeout=120):
    """Wait until the workers have used no CPU for `quiet` s: requests left over from the
    previous run (wrk stops sending, the server keeps working) must not slow the next one."""
    deadline = time.monotonic() + timeout
    last = cpu_ticks(children(master_pid))
    while time.monotonic() < deadline:
        time.sleep(quiet)
        now = cpu_ticks(children(master_pid))
        if now == last:
            return True
        last = now
    return False


def run_wrk(port, path, headers, duration, connections, threads, bust=False):
    """One wrk run; returns its JSON summary (see report.lua) with rps and latencies in ms.
    ``bust``: every request carries a unique ``_=`` so that none is answered from a cache."""
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "-s", str(LUA)]
    command += ["-H", "Host: localhost"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    command.append(f"http://127.0.0.1:{port}{path}")
    env = {**os.environ, "BENCH_BUST": "1" if bust else "0", "BENCH_RUN": str(time.time_ns())}
    output = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60, check=False, env=env)
    line = next((ln for ln in output.stdout.splitlines() if ln.startswith("BENCH_JSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk printed no summary: {output.stdout[-500:]} {output.stderr[-500:]}")
    data = json.loads(line[len("BENCH_JSON ") :])
    seconds = data["duration_us"] / 1e6
    latency = data.pop("latency_us")
    data.update(
        rps=round(data["requests"] / seconds, 1) if seconds else 0.0,
        p50_ms=round(latency["p50"] / 1000, 2),
        p90_ms=round(latency["p90"] / 1000, 2),
        p99_ms=round(latency["p99"] / 1000, 2),
        max_ms=round(latency["max"] / 1000, 2),
        mean_ms=round(latency["mean"] / 1000, 2),
    )
    return data


def measure(port, master_pid, path, headers, duration, warmup, connections, threads, bust=False):
    """Warm up (discarded), then the measured run with worker memory sampled throughout."""
    if warmup:
        run_wrk(port, path, headers, warmup, connections, threads, bust)
    wait_idle(master_pid)
    sampler = MemorySampler(master_pid)
    sampler.start()
    try:
        data = run_wrk(port, path, headers, duration, connections, threads, bust)
    finally:
        sampler.stop()
    data["peak_worker_rss_mb"] = round(sampler.peak_worker_mb, 1)
    data["peak_workers_rss_mb"] = round(sampler.peak_total_mb, 1)
    return data
