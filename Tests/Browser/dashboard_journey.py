#!/usr/bin/env python3
"""The dashboard's main journey in a real browser (headless Chromium driven by Selenium 4).

Creates a demo database, an owner, starts `autopilot serve`, then at 390 px and at 1440 px wide: signs in, accepts a
follow-up, opens a lead and a customer, activates a template draft, pauses and resumes a flow, switches to English.
Every step is screenshotted into --output (NN-step-WIDTH.png). Exits 1 on a failed step or on any console error.

    python3 Tests/Browser/dashboard_journey.py --autopilot .build/debug/autopilot --output /tmp/journey [--docs-images docs/images]
"""

import argparse
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from journey_server import DemoServer  # noqa: E402
from journey_steps import Journey, JourneyFailure  # noqa: E402

SIZES = [(390, 844), (1440, 900)]


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--autopilot", required=True, help="path to the autopilot binary")
    parser.add_argument("--output", required=True, help="folder for the database, the server's log and the screenshots")
    parser.add_argument("--docs-images", help="also save a chosen set of screenshots here under stable names")
    parser.add_argument("--skip-missing", action="store_true",
                        help="skip the steps of a page the server does not have (404) instead of failing")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    parser.add_argument("--chromedriver", default=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    return parser.parse_args()


def main():
    arguments = parse_arguments()
    started = time.monotonic()
    output = os.path.abspath(arguments.output)
    if os.path.isdir(output):
        shutil.rmtree(output)
    os.makedirs(output)
    server = DemoServer(os.path.abspath(arguments.autopilot), output)
    journey = None
    try:
        server.prepare()
        server.start()
        journey = Journey(server, output, arguments)
        for width, height in SIZES:
            journey.walk(width, height)
    except JourneyFailure as failure:
        print(f"FAIL: {failure}", file=sys.stderr)
        if journey is not None:
            journey.report(sys.stderr)
        return 1
    except Exception as error:  # a crash of the script is a failure too, with its reason
        print(f"FAIL: {type(error).__name__}: {error}", file=sys.stderr)
        if journey is not None:
            journey.report(sys.stderr)
        return 1
    finally:
        if journey is not None:
            journey.close()
        server.stop()
    journey.report(sys.stdout)
    if journey.console_errors:
        print("FAIL: console errors:", file=sys.stderr)
        for error in journey.console_errors:
            print(f"  {error}", file=sys.stderr)
        return 1
    print(f"OK: the journey passed at {', '.join(str(w) for w, _ in SIZES)} px in {time.monotonic() - started:.1f} s; "
          f"screenshots in {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
