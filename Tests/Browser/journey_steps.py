"""The steps of the dashboard journey, each checked, screenshotted, and watched for console errors."""

import os
import time

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from journey_server import OWNER_EMAIL, OWNER_PASSWORD
from journey_browser import MAX_DOCS_SCREENSHOT_HEIGHT, BrowserPages

# (step, width) -> the name of its copy under --docs-images.
DOCS_IMAGES = {
    ("home", 1440): "dashboard-home.png",
    ("lead", 1440): "dashboard-lead.png",
    ("customers", 1440): "dashboard-customers.png",
    ("automations", 1440): "dashboard-automations.png",
    ("template-editor", 1440): "dashboard-template-editor.png",
    ("reports", 1440): "dashboard-reports.png",
    ("settings", 1440): "dashboard-settings.png",
    ("home", 390): "dashboard-home-390.png",
    ("lead", 390): "dashboard-lead-390.png",
}

# The template a draft is written for: a built-in email every shop has.
DRAFT_TEMPLATE = "review-request"


class JourneyFailure(Exception):
    pass


class StepSkipped(Exception):
    pass


class Journey(BrowserPages):
    def __init__(self, server, output, arguments):
        self.server = server
        self.output = output
        self.docs_images = os.path.abspath(arguments.docs_images) if arguments.docs_images else None
        self.skip_missing = arguments.skip_missing
        self.results = []  # (width, step, outcome, seconds, note)
        self.console_errors = []
        self.shots = 0
        self.width = 0
        options = webdriver.ChromeOptions()
        options.binary_location = arguments.chromium
        for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=fr-FR",
                     "--window-size=1440,900", "--hide-scrollbars"):
            options.add_argument(flag)
        # The shop's owner is French: the pages start in French, and the journey switches them to English.
        options.add_experimental_option("prefs", {"intl.accept_languages": "fr-FR,fr"})
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(options=options, service=Service(executable_path=arguments.chromedriver))
        self.driver.set_page_load_timeout(60)
        # An element the page re-rendered while a condition read it is looked for again, not a failure.
        self.wait = WebDriverWait(self.driver, 30, ignored_exceptions=(StaleElementReferenceException,))

    # The journey.

    def walk(self, width, height):
        self.width = width
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
        self.step("login", self.sign_in)
        self.step("french", self.start_in_french)
        self.step("menu", self.check_menu)
        self.step("home", self.accept_follow_up)
        self.step("leads", lambda: self.open_list("/leads", "lead-row"))
        self.step("lead", lambda: self.open_first("lead-row", "/leads/"))
        self.step("customers", lambda: self.open_list("/customers", "customer-row"))
        self.step("customer", lambda: self.open_first("customer-row", "/customers/"))
        self.step("template-editor", self.open_template_draft)
        self.step("template-activated", self.activate_template)
        self.step("automations", self.pause_flow)
        self.step("automations-resumed", self.resume_flow)
        self.step("reports", lambda: self.open_page("/reports"))
        self.step("settings", lambda: self.open_page("/settings"))
        self.step("assistant", self.ask_max)
        self.step("english", self.switch_to_english)

    def step(self, name, action):
        if any(outcome == "skipped" and step == prerequisite and width == self.width
               for width, step, outcome, _, _ in self.results for prerequisite in PREREQUISITES.get(name, ())):
            self.results.append((self.width, name, "skipped", 0.0, "its page is missing"))
            return
        started = time.monotonic()
        try:
            try:
                note = action() or ""
            except WebDriverException as error:
                # A page replaced under the driver (Chromium: "does not belong to the document") on a loaded machine:
                # a step that only reads is walked once more; a step that changes something never is.
                replaced = "does not belong to the document" in str(error) or isinstance(error, StaleElementReferenceException)
                if not replaced or name not in READ_ONLY_STEPS:
                    raise
                note = action() or ""
        except StepSkipped as skipped:
            self.results.append((self.width, name, "skipped", time.monotonic() - started, str(skipped)))
            self.collect_console(name)
            return
        except (JourneyFailure, TimeoutException, WebDriverException, AssertionError) as error:
            self.screenshot(f"{name}-failed")
            self.collect_console(name)
            message = getattr(error, "msg", None) or str(error) or type(error).__name__
            self.results.append((self.width, name, "FAILED", time.monotonic() - started, message.strip().splitlines()[0]))
            raise JourneyFailure(f"step '{name}' at {self.width} px: {message.strip()} (page {self.driver.current_url})")
        leaks = self.leaked_values()
        if leaks:
            self.screenshot(f"{name}-failed")
            self.collect_console(name)
            self.results.append((self.width, name, "FAILED", time.monotonic() - started, f"the page shows {leaks}"))
            raise JourneyFailure(f"step '{name}' at {self.width} px: the page shows {leaks} (page {self.driver.current_url})")
        self.screenshot(name)
        self.collect_console(name)
        self.results.append((self.width, name, "passed", time.monotonic() - started, note))

    def sign_in(self):
        self.driver.get(f"{self.server.base}/login")
        self.driver.delete_all_cookies()
        self.driver.get(f"{self.server.base}/login")
        self.screenshot("login-form")
        alerts = [alert.text for alert in self.driver.find_elements(By.CSS_SELECTOR, "[role=alert], .error") if self.visible(alert)]
        if alerts:
            raise JourneyFailure(f"the sign-in form shows an error before any attempt: {alerts}")
        self.driver.find_element(By.NAME, "email").send_keys(OWNER_EMAIL)
        self.driver.find_element(By.NAME, "password").send_keys(OWNER_PASSWORD)
        self.submit(self.driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]"))
        if self.path() != "/":
            raise JourneyFailure(f"signing in led to {self.path()}, not the home page")
        self.by_testid("switch-language")

    def start_in_french(self):
        if self.language() == "en":
            self.submit_testid("switch-language", done=lambda: self.language() == "fr")
        if self.language() != "fr":
            raise JourneyFailure(f"the page is in '{self.language()}', not French")

    def check_menu(self):
        """The sections are reachable: a bar on wide screens, a disclosure ("Menu") on phones."""
        summary = self.driver.find_element(By.CSS_SELECTOR, "header details.menu > summary")
        folded = self.visible(summary)
        if folded:
            self.click(summary)
        links = self.driver.find_elements(By.CSS_SELECTOR, "header nav a[href]")
        shown = [link.get_attribute("textContent").strip() for link in links if self.visible(link)]
        if not links or len(shown) != len(links):
            raise JourneyFailure(f"the menu shows {len(shown)} of its {len(links)} links at {self.width} px")
        self.screenshot("menu-open")
        if folded:
            self.click(summary)
        return ", ".join(shown)

    def accept_follow_up(self):
        items = self.driver.find_elements(By.CSS_SELECTOR, "[data-testid=followup]:not(.done)")
        buttons = [button for item in items for button in item.find_elements(By.CSS_SELECTOR, "[data-testid=accept]")
                   if button.is_enabled()]
        if not buttons:
            raise JourneyFailure("no follow-up to accept on the home page")
        item = buttons[0].find_element(By.XPATH, "./ancestor::*[@data-testid='followup'][1]")
        self.click(buttons[0])
        self.wait.until(lambda _: "done" in (item.get_attribute("class") or "").split(),
                        "the accepted follow-up did not turn 'done'")
        status = item.find_element(By.CSS_SELECTOR, "[data-status]").text
        return f"accepted: {status}" if status else "accepted"

    def open_list(self, path, row_testid):
        self.require_page(path)
        self.driver.get(f"{self.server.base}{path}")
        rows = self.driver.find_elements(By.CSS_SELECTOR, f"[data-testid={row_testid}]")
        if not rows:
            raise JourneyFailure(f"{path} shows no [data-testid={row_testid}]")
        return f"{len(rows)} rows"

    def open_page(self, path):
        self.require_page(path)
        self.driver.get(f"{self.server.base}{path}")
        return self.driver.find_element(By.TAG_NAME, "h1").text

    def open_first(self, row_testid, detail_prefix):
        row = self.by_testid(row_testid)
        link = row if row.tag_name == "a" else row.find_element(By.CSS_SELECTOR, "a[href]")
        self.follow(link)
        if not self.path().startswith(detail_prefix):
            raise JourneyFailure(f"the first row led to {self.path()}, not {detail_prefix}…")
        return self.driver.find_element(By.TAG_NAME, "h1").text

    def open_template_draft(self):
        self.require_page("/templates")
        status, draft = self.server.api("PATCH", f"/v1/templates/{DRAFT_TEMPLATE}",
                                        {"description": f"Draft written by the browser journey at {self.width} px"})
        if status not in (200, 201) or not isinstance(draft, dict):
            raise JourneyFailure(f"PATCH /v1/templates/{DRAFT_TEMPLATE} answered {status}: {draft}")
        draft = draft.get("template", draft)
        self.draft_id = draft.get("id") or f"{DRAFT_TEMPLATE}@{draft.get('version')}"
        self.driver.get(f"{self.server.base}/templates")
        link = self.template_link(self.draft_id)
        if link is None:
            self.driver.get(f"{self.server.base}/templates?status=draft")
            link = self.template_link(self.draft_id)
        if link is None:
            raise JourneyFailure(f"/templates lists no [data-testid=template-row] for the draft {self.draft_id}")
        self.follow(link)
        self.by_testid("template-activate")
        return self.draft_id

    def activate_template(self):
        def active():
            status, template = self.server.api("GET", f"/v1/templates/{self.draft_id}")
            template = template.get("template", template) if isinstance(template, dict) else template
            return status, template, status == 200 and isinstance(template, dict) and template.get("status") == "active"

        self.submit_testid("template-activate", done=lambda: active()[2])
        status, template, is_active = active()
        if not is_active:
            raise JourneyFailure(f"{self.draft_id} is not active after the click: {status} {template}")
        return f"{self.draft_id} active"

    def pause_flow(self):
        self.require_page("/automations")
        self.driver.get(f"{self.server.base}/automations")
        self.wait.until(lambda driver: driver.execute_script("return document.readyState") == "complete")
        # The switches' names and states, read in one script: the page may replace its nodes between two driver calls.
        toggles = self.driver.execute_script(
            "return Array.from(document.querySelectorAll(\"[data-testid^='flow-toggle-']\"))"
            ".map(t => [t.getAttribute('data-testid'), t.getAttribute('aria-checked')]);")
        enabled = [name for name, checked in toggles if checked == "true"]
        if not enabled:
            raise JourneyFailure(f"/automations shows no switched-on flow to pause ({len(toggles)} flow switches)")
        self.flow_toggle = enabled[0]
        self.submit_testid(
            self.flow_toggle, done=lambda: self.by_testid(self.flow_toggle).get_attribute("aria-checked") == "false")
        state = self.by_testid(self.flow_toggle).get_attribute("aria-checked")
        if state != "false":
            raise JourneyFailure(f"{self.flow_toggle} reads aria-checked={state} after pausing")
        return self.flow_toggle.removeprefix("flow-toggle-") + " paused"

    def resume_flow(self):
        self.submit_testid(
            self.flow_toggle, done=lambda: self.by_testid(self.flow_toggle).get_attribute("aria-checked") == "true")
        state = self.by_testid(self.flow_toggle).get_attribute("aria-checked")
        if state != "true":
            raise JourneyFailure(f"{self.flow_toggle} reads aria-checked={state} after resuming")
        return self.flow_toggle.removeprefix("flow-toggle-") + " resumed"

    def ask_max(self):
        """MAX at this width: ask for a template draft in the form, see the draft, confirm it; nothing spills sideways."""
        self.require_page("/assistant")
        self.driver.get(f"{self.server.base}/assistant")
        self.by_testid("assistant-text").send_keys("MAX, crée-moi un email de relance pour les leads froids")
        # Pressed once: when the driver reports a replaced node after the press went through, the conversation is open.
        self.submit_testid("assistant-send", done=lambda: self.path().startswith("/assistant/"))
        self.wait.until(lambda driver: self.path().startswith("/assistant/")
                        and driver.execute_script("return document.readyState") == "complete",
                        "MAX's answer did not open its conversation")
        for attempt in range(3):
            try:
                self.submit_testid("assistant-confirm")
                break
            except WebDriverException:
                # The page was still settling (the script's navigation): find the button again, unless it is gone
                # because the confirmation went through.
                self.wait.until(lambda driver: driver.execute_script("return document.readyState") == "complete")
                if not self.driver.find_elements(By.CSS_SELECTOR, "[data-testid=assistant-confirm]"):
                    break
                if attempt == 2:
                    raise
        if self.driver.find_elements(By.CSS_SELECTOR, "[data-testid=assistant-confirm]"):
            raise JourneyFailure("the draft still waits for a decision after confirming it")
        wider = self.driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        if wider > 1:
            raise JourneyFailure(f"the MAX page is {wider} px wider than the screen")
        replies = self.driver.find_elements(By.CSS_SELECTOR, ".bubble.from-max .bubble-text")
        return replies[-1].text[:70] if replies else ""

    def switch_to_english(self):
        self.submit_testid("switch-language", done=lambda: self.language() == "en")
        if self.language() != "en":
            raise JourneyFailure(f"<html lang=\"{self.language()}\"> after switching to English")
        return self.driver.find_element(By.TAG_NAME, "h1").text

    # Checks and records.

    def require_page(self, path):
        status = self.server.status_of(path, self.driver.get_cookies())
        if status == 404 and self.skip_missing:
            raise StepSkipped(f"{path} is missing (404)")
        if status != 200:
            raise JourneyFailure(f"GET {path} answered {status}" + (" — the page is missing" if status == 404 else ""))

    def collect_console(self, step):
        for entry in self.driver.get_log("browser"):
            if entry.get("level") == "SEVERE":
                self.console_errors.append(f"{self.width} px, {step}: {entry.get('message')}")

    def screenshot(self, name):
        self.shots += 1
        path = os.path.join(self.output, f"{self.shots:02d}-{name}-{self.width}.png")
        self.save_page_png(path)
        if self.docs_images and (name, self.width) in DOCS_IMAGES:
            os.makedirs(self.docs_images, exist_ok=True)
            self.save_page_png(os.path.join(self.docs_images, DOCS_IMAGES[(name, self.width)]), MAX_DOCS_SCREENSHOT_HEIGHT)

    def report(self, stream):
        for width, step, outcome, seconds, note in self.results:
            print(f"  {width:>5} px  {step:<20} {outcome:<8} {seconds:5.1f} s  {note}", file=stream)
        for error in self.console_errors:
            print(f"  console error: {error}", file=stream)

    def close(self):
        try:
            self.driver.quit()
        except WebDriverException:
            pass


# A step is skipped when the step it continues was skipped (its page is missing).
PREREQUISITES = {
    "lead": ("leads",),
    "customer": ("customers",),
    "template-activated": ("template-editor",),
    "automations-resumed": ("automations",),
}

# Steps that only read pages: walked once more when the page was replaced under the driver.
READ_ONLY_STEPS = {"french", "menu", "leads", "lead", "customers", "customer", "reports", "settings"}
