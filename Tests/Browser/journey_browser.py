"""Small browser helpers for the journey: find by data-testid, click, submit and wait for the next page, full-page PNGs."""

import base64
import math
import re
import time
import urllib.parse

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions

# Text that means a value leaked unrendered into a page (a Swift optional, Mustache braces): any of it fails the step.
LEAKS = re.compile(r"\bnil\b|Optional\(|\{\{|\}\}|\bundefined\b|\bNaN\b")

# Long pages are cut here, so a screenshot stays a picture one can read (the docs' copies shorter, to stay small).
MAX_SCREENSHOT_HEIGHT = 4000
MAX_DOCS_SCREENSHOT_HEIGHT = 1800


class BrowserPages:
    """Mixed into Journey, which provides `driver`, `wait` and `server`."""

    def by_testid(self, testid):
        return self.wait.until(
            expected_conditions.presence_of_element_located((By.CSS_SELECTOR, f"[data-testid='{testid}']")),
            f"no [data-testid={testid}] on {self.path()}")

    def click(self, element):
        # Centre it first: a sticky header or the bottom of a small screen must not take the click.
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element)
        element.click()

    def submit(self, button):
        """Clicks a button that posts a form and waits for the page it leads to."""
        page = self.driver.find_element(By.TAG_NAME, "html")
        self.click(button)
        self.wait.until(expected_conditions.staleness_of(page), "the form did not lead to a new page")
        self.wait.until(lambda driver: driver.execute_script("return document.readyState") == "complete")

    def submit_testid(self, testid, done=None):
        """`submit` on the element named `testid`, found again when the page replaced it between finding and clicking
        (Chromium: "Node with given id does not belong to the document"; the driver refuses before any click is
        dispatched). With `done` (a check that the submit took effect), it is not pressed again once `done` says the
        first press went through: toggles must not be pressed twice."""
        for attempt in range(3):
            try:
                self.wait.until(lambda driver: driver.execute_script("return document.readyState") == "complete")
                self.submit(self.by_testid(testid))
                return
            except WebDriverException as error:
                replaced = "does not belong to the document" in str(error) or "stale element" in str(error).lower()
                if not replaced or attempt == 2:
                    raise
                time.sleep(0.5)
                self.wait.until(lambda driver: driver.execute_script("return document.readyState") == "complete")
                if done is not None and done():
                    return

    def follow(self, link):
        self.submit(link)

    def visible(self, element):
        """Whether the element is drawn: laid out, not hidden by CSS nor inside a closed <details>.
        (Selenium's is_displayed calls everything in a closed <details> hidden, even when CSS shows it.)"""
        return self.driver.execute_script(
            "const r = arguments[0].getBoundingClientRect();"
            "return r.width > 0 && r.height > 0 && arguments[0].checkVisibility({visibilityProperty: true});", element)

    def leaked_values(self):
        """Leaked values in the page's visible text, with a little context, or an empty list."""
        text = self.driver.execute_script("return document.body ? document.body.innerText : ''")
        return [text[max(0, match.start() - 30):match.end() + 10].replace("\n", " ") for match in LEAKS.finditer(text)][:3]

    def path(self):
        return urllib.parse.urlsplit(self.driver.current_url).path

    def language(self):
        return self.driver.execute_script("return document.documentElement.lang")

    def template_link(self, template_id):
        """The link of the template row that opens `template_id` (NAME@VERSION), if the page lists it."""
        for row in self.driver.find_elements(By.CSS_SELECTOR, "[data-testid=template-row]"):
            for link in row.find_elements(By.CSS_SELECTOR, "a[href]"):
                href = urllib.parse.unquote(link.get_attribute("href") or "")
                if href.rstrip("/").endswith("/" + template_id):
                    return link
        return None

    def save_page_png(self, path, max_height=MAX_SCREENSHOT_HEIGHT):
        """The whole page (up to `max_height` CSS pixels), at the emulated width."""
        metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        content = metrics.get("cssContentSize") or metrics.get("contentSize")
        viewport = metrics.get("cssLayoutViewport") or metrics.get("layoutViewport")
        width = viewport["clientWidth"]
        height = min(max(math.ceil(content["height"]), viewport["clientHeight"]), max_height)
        shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
        with open(path, "wb") as file:
            file.write(base64.b64decode(shot["data"]))
