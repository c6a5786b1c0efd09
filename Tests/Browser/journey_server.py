"""The demo shop behind the browser journey: its database, its owner, its `autopilot serve` process and its API."""

import json
import os
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request

OWNER_EMAIL = "owner@demo.example"
OWNER_PASSWORD = "journey-password-2026"


class ServerFailure(Exception):
    pass


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class DemoServer:
    def __init__(self, autopilot, output):
        self.autopilot = autopilot
        self.output = output
        self.database = os.path.join(output, "demo.sqlite")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.api_key = None
        self.process = None
        self.log = None

    def run(self, arguments, environment=None, timeout=600):
        """Runs `autopilot ARGUMENTS` to completion (standard input closed, so the demo never waits) and returns its output."""
        completed = subprocess.run(
            [self.autopilot, *arguments], stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout,
            env={**os.environ, **(environment or {})})
        if completed.returncode != 0:
            raise ServerFailure(f"autopilot {' '.join(arguments[:2])} exited with {completed.returncode}: "
                                f"{completed.stderr.strip()[-600:]}")
        return completed.stdout

    def prepare(self):
        """The demo shop (300 customers, 7 days of flows) and an owner who signs in with a password."""
        if not os.access(self.autopilot, os.X_OK):
            raise ServerFailure(f"no autopilot binary at {self.autopilot} (swift build first)")
        demo_help = self.run(["demo", "--help"])
        arguments = ["demo", "--database", self.database, "--contacts", "300", "--flow-days", "7", "--json"]
        if "--no-serve" in demo_help:
            arguments.insert(1, "--no-serve")
        report = self.run(arguments)
        with open(os.path.join(self.output, "demo-report.json"), "w", encoding="utf-8") as file:
            file.write(report)
        self.api_key = find_api_key(report)
        if not self.api_key:
            raise ServerFailure("the demo printed no API key")
        self.run(["users", "create", OWNER_EMAIL, "--role", "owner", "--password-env", "JOURNEY_PASSWORD",
                  "--database", self.database], environment={"JOURNEY_PASSWORD": OWNER_PASSWORD})

    def start(self):
        self.log = open(os.path.join(self.output, "server.log"), "w", encoding="utf-8")
        self.process = subprocess.Popen(
            [self.autopilot, "serve", "--database", self.database, "--port", str(self.port), "--no-worker"],
            stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerFailure(f"autopilot serve exited with {self.process.returncode} (see server.log)")
            try:
                with urllib.request.urlopen(f"{self.base}/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.2)
        raise ServerFailure("autopilot serve did not answer GET /health within 120 s")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.log is not None:
            self.log.close()

    def api(self, method, path, body=None):
        """Calls the JSON API with the demo tenant's key; returns (status, decoded body)."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"{self.base}{path}", data=data, method=method, headers={
            "Authorization": f"Bearer {self.api_key}", "Content-Type": "application/json", "Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            text = error.read()
            try:
                return error.code, json.loads(text)
            except ValueError:
                return error.code, text.decode(errors="replace")

    def status_of(self, path, cookies):
        """The HTTP status of a dashboard page for the signed-in browser's cookies, without following redirects
        (a probe outside the browser, so a missing page leaves no error in its console)."""
        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *arguments, **keywords):
                return None
        opener = urllib.request.build_opener(NoRedirect)
        header = "; ".join(f"{cookie['name']}={cookie['value']}" for cookie in cookies)
        request = urllib.request.Request(f"{self.base}{path}", headers={"Cookie": header})
        try:
            with opener.open(request, timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code


def find_api_key(report):
    """The tenant's API key from the demo's report: the JSON field, else any `ap_…` token in the text."""
    try:
        document = json.loads(report)
    except ValueError:
        document = None
    stack = [document]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            for key, inner in value.items():
                if key in ("apiKey", "api_key") and isinstance(inner, str):
                    return inner
                stack.append(inner)
        elif isinstance(value, list):
            stack.extend(value)
    match = re.search(r"\bap_[A-Za-z0-9]+", report)
    return match.group(0) if match else None
