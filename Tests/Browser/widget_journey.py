#!/usr/bin/env python3
"""The chat widget in a real browser (headless Chromium driven by Selenium 4).

A fresh database with a shop, its widget key (allowed from the shop's origin) and a knowledge base answer; `autopilot
serve`; a small shop page served on loopback under a strict Content-Security-Policy that allows only the Autopilot host
for scripts and connections. The visitor opens the widget, asks a question and gets the knowledge base's answer; the team
answers through the API and the widget shows it; the owner reads and answers the conversation in the dashboard at 390 px. The same page served from a foreign origin is refused (403, no conversation). Fails on a failed step or
on any console error (a CSP violation included) on the allowed origin.

    python3 Tests/Browser/widget_journey.py --autopilot .build/debug/autopilot --output /tmp/widget-journey
"""

import argparse
import http.server
import json
import os
import re
import shutil
import sys
import threading
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from journey_server import DemoServer, ServerFailure, free_port  # noqa: E402

OWNER_EMAIL = "owner@widget.example"
OWNER_PASSWORD = "widget-journey-password-2026"
QUESTION = "Quels sont vos délais de livraison ?"
ANSWER = "48 heures"
TEAM_ANSWER = "Bonjour, ici Marie de la boutique : votre colis part demain."


class Failure(Exception):
    pass


def shop_page(app_base, key):
    return f"""<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Boutique Lumen</title></head>
<body><h1>Boutique Lumen</h1><p>Bougies artisanales.</p>
<script src="{app_base}/widget.js" data-key="{key}" data-lang="fr" defer></script>
</body></html>""".encode()


class WidgetJourney:
    def __init__(self, arguments, output):
        self.output = output
        self.server = DemoServer(os.path.abspath(arguments.autopilot), output)
        self.server.database = os.path.join(output, "widget.sqlite")
        self.shops = []
        options = webdriver.ChromeOptions()
        options.binary_location = arguments.chromium
        for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=fr-FR",
                     "--window-size=390,844", "--hide-scrollbars"):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(options=options, service=Service(executable_path=arguments.chromedriver))
        self.driver.set_page_load_timeout(60)
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
        # An element the widget re-rendered while a condition read it is looked for again, not a failure.
        self.wait = WebDriverWait(self.driver, 30, ignored_exceptions=(StaleElementReferenceException,))
        self.console_errors = []

    def prepare(self):
        created = json.loads(self.server.run(["tenants", "create", "Boutique Lumen", "--json", "--database", self.server.database]))
        self.server.api_key = created["api_key"]
        self.server.run(["users", "create", OWNER_EMAIL, "--role", "owner", "--password-env", "WIDGET_PASSWORD",
                         "--database", self.server.database], environment={"WIDGET_PASSWORD": OWNER_PASSWORD})
        # The shop's origin is known once its server listens: start it first, with the page filled in afterwards.
        self.page = {"body": b""}
        self.shop_server, self.shop_origin = serve_shop_lazy(self.page, self.csp)
        self.foreign_server, self.foreign_origin = serve_shop_lazy(self.page, self.csp)
        self.shops = [self.shop_server, self.foreign_server]
        printed = self.server.run(["widget", "create", "--tenant", "Boutique Lumen", "--origin", self.shop_origin,
                                   "--database", self.server.database])
        match = re.search(r"\bwk_[a-z0-9]+", printed)
        if not match:
            raise Failure(f"`autopilot widget create` printed no key: {printed}")
        self.key = match.group(0)

    def csp(self):
        app = self.server.base
        return (f"default-src 'none'; script-src {app}; connect-src {app}; style-src 'none'; img-src 'none'; "
                "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")

    def start(self):
        self.server.start()
        self.page["body"] = shop_page(self.server.base, self.key)
        status, body = self.server.api("POST", "/v1/knowledge/documents", {
            "title": "Livraison", "language": "fr",
            "body": "Délais de livraison : nous livrons en 48 heures partout en France, offerte dès 60 euros."})
        if status not in (200, 201):
            raise Failure(f"the knowledge base upload answered {status}: {body}")

    # Steps.

    def ask_on_the_shop(self):
        self.driver.get(self.shop_origin + "/")
        button = self.wait.until(lambda d: self.find_button("Discuter avec nous"), "the widget's button is not on the page")
        button.click()
        self.wait.until(lambda d: self.bubbles("agent"), "the widget shows no greeting")
        field = self.driver.find_element(By.CSS_SELECTOR, "section input[type=text]")
        field.send_keys(QUESTION)
        self.driver.find_element(By.CSS_SELECTOR, "section form button[type=submit]").click()
        self.wait.until(lambda d: any(ANSWER in text for text in self.bubbles("agent")),
                        f"the widget did not show the answer with '{ANSWER}'")
        self.shot("widget-answer")

    def team_answers(self):
        status, listing = self.server.api("GET", "/v1/chat/conversations")
        conversations = (listing or {}).get("conversations", []) if status == 200 else []
        if len(conversations) != 1:
            raise Failure(f"expected the visitor's one conversation, the API lists {status} {listing}")
        self.conversation_id = conversations[0]["conversation_id"]
        status, body = self.server.api("POST", f"/v1/chat/conversations/{self.conversation_id}/replies",
                                       {"text": TEAM_ANSWER, "author": "Marie", "client_message_id": "browser-1"})
        if status != 201:
            raise Failure(f"the team's answer was refused: {status} {body}")
        WebDriverWait(self.driver, 20, ignored_exceptions=(StaleElementReferenceException,)).until(lambda d: any(TEAM_ANSWER in text for text in self.bubbles("team")),
                                             "the widget did not show the team's answer within 20 s")
        self.shot("widget-team-answer")

    def owner_reads_it_in_the_dashboard(self):
        self.driver.get(f"{self.server.base}/login")
        self.driver.find_element(By.NAME, "email").send_keys(OWNER_EMAIL)
        self.driver.find_element(By.NAME, "password").send_keys(OWNER_PASSWORD)
        self.driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]").click()
        self.wait.until(lambda d: d.current_url.rstrip("/") == self.server.base, "signing in did not lead home")
        self.driver.get(f"{self.server.base}/conversations?status=handed_off")
        rows = self.driver.find_elements(By.CSS_SELECTOR, "[data-testid=conversation-row]")
        if len(rows) != 1:
            raise Failure(f"the handed-off list shows {len(rows)} conversations, not 1")
        self.no_horizontal_scroll("/conversations")
        self.shot("dashboard-conversations")
        rows[0].click()
        self.wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-testid=transcript]"), "no transcript")
        transcript = self.driver.find_element(By.CSS_SELECTOR, "[data-testid=transcript]").text
        for expected in (QUESTION, ANSWER, TEAM_ANSWER):
            if expected not in transcript:
                raise Failure(f"the transcript lacks '{expected}'")
        self.driver.find_element(By.CSS_SELECTOR, "[data-testid=reply-text]").send_keys("Et le numéro de suivi arrive par email.")
        self.driver.find_element(By.CSS_SELECTOR, "[data-testid=send-reply]").click()
        self.wait.until(lambda d: "Et le numéro de suivi arrive par email." in
                        d.find_element(By.CSS_SELECTOR, "[data-testid=transcript]").text, "the dashboard answer is not shown")
        self.no_horizontal_scroll("/conversations/{id}")
        self.shot("dashboard-conversation")

    def foreign_origin_is_refused(self):
        request = urllib.request.Request(f"{self.server.base}/v1/conversations", method="POST",
                                         data=json.dumps({"visitor_id": "v-foreign"}).encode(),
                                         headers={"Content-Type": "application/json", "X-Widget-Key": self.key,
                                                  "Origin": self.foreign_origin})
        try:
            urllib.request.urlopen(request, timeout=10)
            raise Failure("a foreign origin opened a conversation")
        except urllib.error.HTTPError as error:
            if error.code != 403:
                raise Failure(f"a foreign origin got {error.code}, not 403")
        self.collect_console("before-foreign")
        self.driver.get(self.foreign_origin + "/")
        button = self.wait.until(lambda d: self.find_button("Discuter avec nous"), "the widget's button is not on the page")
        button.click()
        self.wait.until(lambda d: any("pas parti" in text for text in self.bubbles("agent")),
                        "the widget on a foreign origin did not say it failed")
        refused = [entry.get("message", "") for entry in self.driver.get_log("browser") if entry.get("level") == "SEVERE"]
        if not any("/v1/conversations" in message for message in refused):
            raise Failure(f"the browser reported no refused request on the foreign origin: {refused}")
        self.driver.save_screenshot(os.path.join(self.output, "widget-foreign-origin-390.png"))
        status, listing = self.server.api("GET", "/v1/chat/conversations")
        if len((listing or {}).get("conversations", [])) != 1:
            raise Failure(f"the foreign origin added a conversation: {listing}")

    # Helpers.

    def find_button(self, label):
        for button in self.driver.find_elements(By.TAG_NAME, "button"):
            if button.text.strip() == label and button.is_displayed():
                return button
        return None

    def bubbles(self, role):
        return [bubble.text for bubble in self.driver.find_elements(By.CSS_SELECTOR, f"section [data-role={role}]")]

    def no_horizontal_scroll(self, page):
        # Read through the DevTools protocol: page script is off on the dashboard.
        metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        content = metrics.get("cssContentSize") or metrics.get("contentSize")
        viewport = metrics.get("cssLayoutViewport") or metrics.get("layoutViewport")
        if content["width"] > viewport["clientWidth"] + 1:
            raise Failure(f"{page} scrolls sideways at 390 px ({content['width']} px wide)")

    def shot(self, name):
        self.driver.save_screenshot(os.path.join(self.output, f"{name}-390.png"))
        self.collect_console(name)

    def collect_console(self, step):
        for entry in self.driver.get_log("browser"):
            if entry.get("level") == "SEVERE" and "favicon.ico" not in entry.get("message", ""):
                self.console_errors.append(f"{step}: {entry.get('message')}")

    def close(self):
        try:
            self.driver.quit()
        finally:
            for shop in self.shops:
                shop.shutdown()
            self.server.stop()


def serve_shop_lazy(page, csp):
    """A shop's site on 127.0.0.1 (a free port): `/` is the page, read from `page["body"]` at each request (filled in once
    Autopilot runs), under the policy `csp()`. Returns (server, origin)."""
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path not in ("/", "/index.html"):
                self.send_response(404)
                self.end_headers()
                return
            body = page["body"]
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Security-Policy", csp())
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *arguments):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--autopilot", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    parser.add_argument("--chromedriver", default=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    arguments = parser.parse_args()
    output = os.path.abspath(arguments.output)
    if os.path.isdir(output):
        shutil.rmtree(output)
    os.makedirs(output)
    started = time.monotonic()
    journey = None
    step = "start"
    try:
        journey = WidgetJourney(arguments, output)
        journey.prepare()
        journey.start()
        for step, run in [("ask", journey.ask_on_the_shop), ("team", journey.team_answers),
                          ("dashboard", journey.owner_reads_it_in_the_dashboard)]:
            run()
        if journey.console_errors:
            raise Failure("console errors on the shop's origin or the dashboard: " + " | ".join(journey.console_errors))
        step = "foreign"
        journey.foreign_origin_is_refused()
    except (Failure, ServerFailure) as failure:
        print(f"FAIL at {step}: {failure}", file=sys.stderr)
        return 1
    except Exception as error:  # a crash of the script is a failure too, with its reason
        print(f"FAIL at {step}: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    finally:
        if journey is not None:
            journey.close()
    print(f"OK: the widget journey passed in {time.monotonic() - started:.1f} s; screenshots in {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
