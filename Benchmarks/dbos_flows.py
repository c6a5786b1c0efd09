"""The three-step workflow of `autopilot bench flows` on DBOS Transact, against a PostgreSQL server.

Each workflow is the abandoned-cart path the Autopilot benchmark steps: a branch (has the cart been ordered?), a wait
(its timer), and a send (queue a message). DBOS counts each @DBOS.step as durable once its output is checkpointed in
its system database (one row per step, written before the workflow goes on), beside a status row per workflow.

Usage: python3 dbos_flows.py --database postgres://user@host:port/dbname [--workflows 2000] [--concurrency 16]
Prints one JSON line: workflows, steps, seconds, steps_per_s, workflows_per_s. The database is created by DBOS when
missing, and may be dropped afterwards.
"""

import argparse
import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from dbos import DBOS


@DBOS.step()
def branch(cart_id: str) -> bool:
    # The cart was not ordered: the abandoned-cart path goes on.
    return not cart_id.endswith("-ordered")


@DBOS.step()
def wait(cart_id: str) -> str:
    # The timer's step: the run records that its wait has elapsed.
    return "waited"


@DBOS.step()
def send(cart_id: str) -> str:
    # Queue the reminder (the Autopilot benchmark's sender accepts everything without writing).
    return "queued:" + cart_id


@DBOS.workflow()
def abandoned_cart(cart_id: str) -> str:
    if not branch(cart_id):
        return "ordered"
    wait(cart_id)
    return send(cart_id)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", required=True, help="postgres:// URL of DBOS's system database")
    parser.add_argument("--workflows", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    arguments = parser.parse_args()
    url = arguments.database.replace("postgres://", "postgresql://", 1)
    DBOS(config={"name": "autopilot-bench", "system_database_url": url, "console_log_level": "ERROR", "log_level": "ERROR"})
    DBOS.launch()
    # Warm up: connections and the schema.
    abandoned_cart("K-warmup")
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=arguments.concurrency) as pool:
        results = list(pool.map(abandoned_cart, (f"K-{index}" for index in range(arguments.workflows))))
    seconds = time.perf_counter() - started
    DBOS.destroy()
    failed = sum(1 for result in results if not result.startswith("queued:"))
    steps = 3 * arguments.workflows
    print(json.dumps({
        "workflows": arguments.workflows, "steps": steps, "seconds": round(seconds, 3), "failed": failed,
        "steps_per_s": round(steps / seconds, 1), "workflows_per_s": round(arguments.workflows / seconds, 1),
    }))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
