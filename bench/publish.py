"""Publish-to-visible: the Director publishes a new revision in a separate process while the
harness polls the running API over HTTP every 20 ms until the new title shows.

The publisher (this module run as `python -m bench.publish PAGE_ID`) waits for a line on stdin,
saves and publishes a revision as a Director, and prints {"token", "t0", "t1"} where t0 is the
wall-clock time the approval (revision.publish()) started and t1 when it returned.
"""

import json
import os
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

from bench.endpoints import PUBLISH_POLL, fill
from bench.load import check

POLL_INTERVAL = 0.02
TIMEOUT = 10.0


def publisher(page_id):
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from cms.roles import DIRECTOR
    from news.models import NewsPage

    director, _ = get_user_model().objects.get_or_create(username="bench-director")
    director.groups.add(Group.objects.get(name=DIRECTOR))
    page = NewsPage.objects.get(pk=page_id)
    original = page.title
    for line in sys.stdin:
        if line.strip() != "go":
            break
        token = uuid.uuid4().hex[:12]
        page.title = f"{original} [{token}]"
        revision = page.save_revision(user=director)
        t0 = time.time()
        revision.publish(user=director)
        t1 = time.time()
        print(json.dumps({"token": token, "t0": t0, "t1": t1}), flush=True)
    page.title = original
    page.save_revision(user=director).publish(user=director)


def poll_until_visible(port, paths, token, t0):
    """Seconds from t0 until each path's body contains the token (None if not within TIMEOUT).

    Each path has its own poller, so a slow listing does not delay seeing the detail.
    """

    def poll(path):
        while time.time() - t0 < TIMEOUT:
            status, _headers, body = check(port, path)
            if status == 200 and token.encode() in body:
                return round(time.time() - t0, 3)
            time.sleep(POLL_INTERVAL)
        return None

    with ThreadPoolExecutor(max_workers=len(paths)) as pool:
        futures = {name: pool.submit(poll, path) for name, path in paths.items()}
        return {name: future.result() for name, future in futures.items()}


def measure_publish(port, env, context, trials):
    """Run `trials` publishes; per trial the delay until the detail and the listing show it."""
    paths = {name: fill(template, context) for name, template in PUBLISH_POLL.items()}
    for name, path in paths.items():
        status = check(port, path)[0]
        if status != 200:
            return {"status": "missing", "detail": f"{name} {path} answered {status}"}
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.publish", str(context["news_id"])],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, **env},
    )
    results = []
    try:
        for _ in range(trials):
            process.stdin.write("go\n")
            process.stdin.flush()
            line = process.stdout.readline()
            if not line:
                raise RuntimeError("the publisher process stopped")
            event = json.loads(line)
            seen = poll_until_visible(port, paths, event["token"], event["t0"])
            results.append(
                {"publish_s": round(event["t1"] - event["t0"], 3), **{f"{k}_s": v for k, v in seen.items()}}
            )
            time.sleep(0.5)
    finally:
        process.stdin.close()
        process.wait(timeout=60)
    worst = [max(r[f"{k}_s"] for k in paths) if all(r[f"{k}_s"] is not None for k in paths) else None for r in results]
    return {
        "status": "ok",
        "trials": results,
        "max_s": None if None in worst else max(worst),
        "median_s": sorted(w for w in worst if w is not None)[len(worst) // 2] if None not in worst else None,
        "timeouts": worst.count(None),
        "timeout_s": TIMEOUT,
    }


if __name__ == "__main__":
    publisher(int(sys.argv[1]))
