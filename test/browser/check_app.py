"""What a person sees, checked in a real browser (Debian's Chromium through Selenium and chromedriver):
the generated Streamlit app (form, prediction, pages, two window widths), the MLflow UI's registered
model page, and the standalone HTML EDA report. Prints one JSON document of what it saw, timings
included; the vitest side asserts on it. Screenshots go to --out.

No browser is downloaded: CHROMIUM (default /usr/bin/chromium) and CHROMEDRIVER (default
/usr/bin/chromedriver) name the distribution's binaries.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

WAIT_S = 90


def browser(width: int) -> webdriver.Chrome:
    opts = webdriver.ChromeOptions()
    opts.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 f"--window-size={width},900", "--hide-scrollbars"):
        opts.add_argument(flag)
    return webdriver.Chrome(options=opts, service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")))


def body_text(driver) -> str:
    return driver.execute_script("return document.body.innerText || ''")


def wait_text(driver, pattern: str, timeout: float = WAIT_S) -> re.Match:
    """Waits until the page's visible text matches `pattern`; returns the match."""
    found: list[re.Match] = []

    def check(d) -> bool:
        m = re.search(pattern, body_text(d))
        if m:
            found.append(m)
        return bool(m)

    WebDriverWait(driver, timeout, poll_frequency=0.2).until(check)
    return found[-1]


def wait_idle(driver, timeout: float = WAIT_S, settle: float = 1.0) -> float:
    """Waits until the Streamlit script run is over and stays over for `settle` seconds: its status
    widget ("Running…"/"Stop") is gone, no element is a loading skeleton and no element of the previous
    run is still shown as stale. The status widget appears only a moment after a run starts, so one
    idle look right after a click can come too early on a loaded machine. Returns when (perf_counter)
    the idle period began, so timings leave the settling time out."""
    since: list[float] = []

    def idle(d) -> bool:
        now = d.execute_script("""
          return Boolean(document.querySelector('[data-testid="stApp"]'))
            && !document.querySelector('[data-testid="stStatusWidget"]')
            && !document.querySelector('[data-testid="stSkeleton"]')
            && !document.querySelector('[data-testid="stElementContainer"][data-stale="true"]');""")
        if not now:
            since.clear()
            return False
        since.append(since[0] if since else time.perf_counter())
        return time.perf_counter() - since[0] >= settle

    WebDriverWait(driver, timeout, poll_frequency=0.1).until(idle)
    return since[0]


def layout(driver) -> dict:
    """Widths a person would notice: the page must not scroll sideways, the main area must be usable."""
    return driver.execute_script("""
      const r = (sel) => { const e = document.querySelector(sel); if (!e) return null;
                           const b = e.getBoundingClientRect(); return {left: b.left, width: b.width}; };
      return {viewport: window.innerWidth, scrollWidth: document.documentElement.scrollWidth,
              sidebar: r('[data-testid="stSidebar"]'), main: r('[data-testid="stMain"]') || r('section.main')};""")


def batch_table(driver) -> dict:
    """The Predict page's batch table as its accessible grid holds it (Streamlit draws the cells on a
    canvas; the grid behind it carries the header and the cell values of the visible rows, unformatted)."""
    WebDriverWait(driver, WAIT_S, poll_frequency=0.2).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, '[data-testid="stDataFrame"] table td'))
    return driver.execute_script("""
      const grid = document.querySelector('[data-testid="stDataFrame"] table');
      if (!grid) return {columns: [], rows: []};
      const cells = (tr) => Array.from(tr.querySelectorAll('th, td')).map(c => c.textContent.trim());
      const rows = Array.from(grid.querySelectorAll('tr')).map(cells).filter(r => r.length);
      return {columns: rows[0] || [], rows: rows.slice(1)};""")


def click_text(driver, text: str) -> None:
    """Clicks the (radio/tab/button) label showing exactly `text`."""
    for el in driver.find_elements(By.XPATH, f"//*[normalize-space(text())={json.dumps(text)}]"):
        if el.is_displayed():
            driver.execute_script("arguments[0].click()", el)
            return
    raise AssertionError(f"no visible element shows {text!r}")


def check_app(url: str, out: Path, inputs: dict, pages: list[str]) -> dict:
    seen: dict = {}
    driver = browser(1280)
    try:
        t0 = time.perf_counter()
        driver.get(url)
        WebDriverWait(driver, WAIT_S, poll_frequency=0.1).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, 'input[aria-label]') and d.find_elements(By.CSS_SELECTOR, '[data-testid="stDataFrame"]'))
        wait_text(driver, r"served model")
        seen["first_render_s"] = round(wait_idle(driver) - t0, 3)
        seen["served"] = wait_text(driver, r"served model:?\s*(\S+) version (\S+) \(alias (\S+)\)").groups()
        driver.save_screenshot(str(out / "app-1280.png"))
        seen["layout_1280"] = layout(driver)
        seen["batch"] = batch_table(driver)
        seen["batch_rule"] = wait_text(driver, r"Batch predictions on held-out rows\s*\n\s*(.*)").group(1)
        for label, value in inputs.items():
            field = driver.find_element(By.CSS_SELECTOR, f'input[aria-label="{label}"]')
            field.send_keys(Keys.CONTROL, "a")
            field.send_keys(str(value))
            field.send_keys(Keys.TAB)
        seen["input_types"] = driver.execute_script(
            "return Array.from(document.querySelectorAll('input[aria-label]')).map(e => [e.getAttribute('aria-label'), e.type, e.step || null, e.value])")
        t1 = time.perf_counter()
        button = driver.find_element(By.XPATH, "//button[.//*[normalize-space(text())='Predict'] or normalize-space(text())='Predict']")
        driver.execute_script("arguments[0].click()", button)
        m = wait_text(driver, r"predicted class\s*\n\s*(.+?)\s*\n[\s\S]*?probability ([\d.]+)%[\s\S]*?decision threshold ([\d.]+)")
        seen["prediction_s"] = round(time.perf_counter() - t1, 3)
        seen["prediction"] = {"label": m.group(1), "probability": float(m.group(2)), "threshold": float(m.group(3))}
        wait_idle(driver)
        heading = driver.find_element(By.XPATH, "//h3[normalize-space(.)='Prediction']")
        driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", heading)
        time.sleep(0.5)
        driver.save_screenshot(str(out / "app-prediction-1280.png"))
        seen["pages"] = {}
        for page in pages:
            click_text(driver, page)
            WebDriverWait(driver, WAIT_S, poll_frequency=0.2).until(
                lambda d: d.find_elements(By.XPATH, f"//h2[normalize-space(.)={json.dumps(page)}]"))
            wait_idle(driver)
            time.sleep(0.5)  # charts and images of the page finish drawing
            seen.setdefault("broken_images", {})[page] = driver.execute_script(
                "return Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)")
            seen["pages"][page] = body_text(driver)[:4000]
            driver.save_screenshot(str(out / f"app-{re.sub(r'[^a-z0-9]+', '-', page.lower())}-1280.png"))
        driver.set_window_size(800, 900)
        driver.get(url)
        WebDriverWait(driver, WAIT_S, poll_frequency=0.1).until(lambda d: d.find_elements(By.CSS_SELECTOR, 'input[aria-label]'))
        wait_idle(driver)
        seen["layout_800"] = layout(driver)
        driver.save_screenshot(str(out / "app-800.png"))
        seen["console_errors"] = [e["message"] for e in driver.get_log("browser") if e.get("level") == "SEVERE"] \
            if hasattr(driver, "get_log") else []
    except Exception:
        driver.save_screenshot(str(out / "app-failure.png"))
        (out / "app-failure.txt").write_text(body_text(driver))
        raise
    finally:
        driver.quit()
    return seen


def check_mlflow(url: str, model: str, out: Path) -> dict:
    driver = browser(1280)
    try:
        driver.get(f"{url}/#/models/{model}")
        wait_text(driver, re.escape(model))
        m = wait_text(driver, r"Version (\d+)")
        driver.save_screenshot(str(out / "mlflow-model.png"))
        driver.get(f"{url}/#/models/{model}/versions/{m.group(1)}")
        wait_text(driver, r"Description")
        time.sleep(1)
        # A section MLflow shows collapsed is opened as a person would (an empty one starts collapsed).
        for section, content in (("Description", "Registered by"), ("Tags", "pipec.spec_hash")):
            if content not in body_text(driver):
                try:
                    click_text(driver, section)
                    wait_text(driver, re.escape(content), timeout=10)
                except Exception:
                    pass
        text = body_text(driver)
        driver.save_screenshot(str(out / "mlflow-model-version.png"))
        return {"model_page": True, "version": m.group(1), "version_page": text[:6000]}
    except Exception:
        driver.save_screenshot(str(out / "mlflow-failure.png"))
        raise
    finally:
        driver.quit()


def check_report(path: Path, out: Path) -> dict:
    driver = browser(1280)
    try:
        driver.get(path.resolve().as_uri())
        WebDriverWait(driver, WAIT_S).until(lambda d: d.execute_script(
            "return Array.from(document.images).every(i => i.complete)"))
        images = driver.execute_script(
            "return Array.from(document.images).map(i => ({alt: i.alt, width: i.naturalWidth, height: i.naturalHeight}))")
        driver.save_screenshot(str(out / "eda-report.png"))
        return {"title": driver.title, "images": images, "headings": [h.text for h in driver.find_elements(By.TAG_NAME, "h2")]}
    finally:
        driver.quit()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--app", required=True)
    ap.add_argument("--mlflow")
    ap.add_argument("--model")
    ap.add_argument("--eda", type=Path)
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--inputs", default="{}", help="JSON: number input label -> value to type")
    ap.add_argument("--pages", default="Model performance,Monitoring,Retrospective")
    ap.add_argument("--only-app", action="store_true", help="the app only (the benchmark)")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.only_app:
        json.dump({"app": check_app(args.app, args.out, json.loads(args.inputs), args.pages.split(","))}, sys.stdout, indent=1)
        return
    result = {"app": check_app(args.app, args.out, json.loads(args.inputs), args.pages.split(",")),
              "mlflow": check_mlflow(args.mlflow, args.model, args.out),
              "eda": check_report(args.eda, args.out),
              "screenshots": sorted(p.name for p in args.out.glob("*.png"))}
    json.dump(result, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
