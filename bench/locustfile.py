"""Locust users for bench/load.py: a mix of the four main reads over many ids.

Each user sends, without think time (or paced: see below), one of: a researcher's graph slice
(depth 1, limit 200), their collaborators (limit 20), their profile, a topic's neighborhood
(limit 20), with equal weights; ids are drawn at random from the file named by GRAPHSVC_LOAD_IDS
({"researchers": [...], "topics": [...]}, written by bench/load.py). Any status other than 200
is a failure. A user stops once the whole
run has sent GRAPHSVC_LOAD_MAX_REQUESTS requests (a bound besides locust's --run-time). Each
task is tagged with its endpoint's name (`--exclude-tags collaborators` leaves it out).
With GRAPHSVC_LOAD_RATE=R (requests/s for the whole run) and U users, each user waits so as to
send at most R/U requests per second (locust's constant_throughput): an offered load of R.

    GRAPHSVC_LOAD_IDS=bench/out/load-ids.json locust -f bench/locustfile.py --headless \\
        -u 50 -r 50 -t 60s --host http://127.0.0.1:8000
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path
from urllib.parse import quote

from locust import FastHttpUser, constant, constant_throughput, tag, task
from locust.exception import StopUser

IDS = json.loads(Path(os.environ["GRAPHSVC_LOAD_IDS"]).read_text())
RESEARCHERS: list[str] = [quote(i, safe="") for i in IDS["researchers"]]
TOPICS: list[str] = [quote(i, safe="") for i in IDS["topics"]]
MAX_REQUESTS = int(os.environ.get("GRAPHSVC_LOAD_MAX_REQUESTS", "500000"))
RATE = float(os.environ.get("GRAPHSVC_LOAD_RATE", "0"))
USERS = int(os.environ.get("GRAPHSVC_LOAD_USERS", "50"))


class Reader(FastHttpUser):
    wait_time = constant_throughput(RATE / USERS) if RATE > 0 else constant(0)

    def _get(self, path: str, name: str) -> None:
        if self.environment.stats.total.num_requests >= MAX_REQUESTS:
            raise StopUser()
        self.client.get(path, name=name)

    @tag("slice")
    @task
    def graph_slice(self) -> None:
        rid = random.choice(RESEARCHERS)
        self._get(f"/v1/researchers/{rid}/graph?depth=1&limit=200", "slice")

    @tag("collaborators")
    @task
    def collaborators(self) -> None:
        rid = random.choice(RESEARCHERS)
        self._get(f"/v1/researchers/{rid}/collaborators?limit=20", "collaborators")

    @tag("neighborhood")
    @task
    def neighborhood(self) -> None:
        tid = random.choice(TOPICS)
        self._get(f"/v1/topics/{tid}/neighborhood?limit=20", "neighborhood")

    @tag("profile")
    @task
    def profile(self) -> None:
        rid = random.choice(RESEARCHERS)
        self._get(f"/v1/researchers/{rid}", "profile")
