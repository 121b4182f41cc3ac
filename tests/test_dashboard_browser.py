"""The dashboard in a real headless browser (Debian's chromium, driven by Playwright)."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from dashboard_log import NOT_COVERED, SeededLog, log_settings, seed_log, seeded_service, serving

from bot.dashboard.web import build_dashboard_app
from bot.embedding import Embedder
from bot.settings import Settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TOKEN = "browser-test-token"
CHARTS = ("chart-platforms", "chart-outcomes", "chart-votes", "chart-latency", "chart-handoffs")
SIGN_IN_401 = "the server responded with a status of 401 (Unauthorized)"
WAIT_MS = 60_000  # the first coverage-gap request embeds the questions on a busy machine

# A canvas that has drawn something: some pixel is not fully transparent.
CANVAS_DRAWN = """(id) => {
  const canvas = document.querySelector(`#${id} canvas`);
  if (!canvas || !canvas.width || !canvas.height) return false;
  const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
  return false;
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.fail("the browser tests need Debian's chromium: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def seeded(
    tmp_path_factory: pytest.TempPathFactory, shipped_settings: Settings, embedder: Embedder
) -> SeededLog:
    path = tmp_path_factory.mktemp("dashboard-browser") / "evbot.sqlite3"
    settings = log_settings(shipped_settings, db_path=path)
    return seed_log(seeded_service(settings, embedder), settings)


@pytest.fixture(scope="module")
def url(seeded: SeededLog, shipped_settings: Settings, embedder: Embedder) -> Iterator[str]:
    settings = log_settings(shipped_settings, **seeded.log, dashboard_token=TOKEN)
    with serving(build_dashboard_app(settings, encode=embedder.encode)) as base:
        yield base


@pytest.fixture(scope="module")
def page(browser, url: str) -> Iterator[object]:
    """One signed-in page; `page.problems` collects console errors and uncaught exceptions."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    page.set_default_timeout(WAIT_MS)
    page.goto(url)
    page.fill("input[name=token]", TOKEN)
    assert page.problems == [
        "Failed to load resource: the server responded with a status of 401 (Unauthorized)"
    ]
    page.problems.clear()  # the sign-in page is a 401 on purpose; from here on nothing may fail
    page.click("button[type=submit]")
    page.wait_for_selector("#dashboard[data-loaded=true]")
    yield page
    context.close()


def figure(page, name: str) -> str:
    return page.text_content(f'[data-figure="{name}"]')


def test_the_page_loads_without_errors_and_every_chart_draws(page, seeded: SeededLog) -> None:
    assert figure(page, "questions") == str(seeded.old_questions + seeded.today_questions)
    for chart in CHARTS:
        assert page.evaluate(CANVAS_DRAWN, chart), f"{chart} drew nothing"
    page.wait_for_selector("#dashboard[data-gaps-loaded=true]")
    assert page.problems == [], page.problems
    if os.environ.get("EVBOT_DASHBOARD_SCREENSHOT"):  # how docs/dashboard-test.png is made
        page.screenshot(path=os.environ["EVBOT_DASHBOARD_SCREENSHOT"], full_page=True)


def test_a_coverage_gap_group_opens_to_its_questions(page) -> None:
    page.wait_for_selector("#dashboard[data-gaps-loaded=true]")
    first = page.locator("details.gap").first
    assert first.locator(".asks").text_content() == "3"
    questions = first.locator("li button")
    assert not questions.first.is_visible()
    first.locator("summary").click()
    assert questions.count() == 2 and questions.first.is_visible()
    assert {q.casefold() for q in questions.all_text_contents()} == {
        "what is the capital of france?",
        "which city is the capital of france?",
    }


def test_an_exchange_opens_to_its_answer_citations_and_votes(page, seeded: SeededLog) -> None:
    page.locator("#worst tbody tr.opens").first.click()
    dialog = page.locator("dialog#exchange")
    dialog.wait_for(state="visible")
    assert dialog.locator(".question").text_content() == seeded.down_voted
    assert "Texas and Michigan" in dialog.locator(".answer").text_content()  # the quoted answer
    citations = dialog.locator("li.citation")
    assert citations.count() >= 1
    assert citations.first.locator("blockquote").text_content()
    assert dialog.locator(".votes li").all_text_contents()[0].startswith("not helpful")
    dialog.locator("button.close").click()
    dialog.wait_for(state="hidden")


def test_the_date_filter_changes_the_figures(page, seeded: SeededLog) -> None:
    today = datetime.now(UTC).date().isoformat()
    before = figure(page, "refused")
    page.fill("#from", today)
    page.fill("#to", today)
    page.click("#range button[type=submit]")
    page.wait_for_function(
        "n => document.querySelector('[data-figure=questions]').textContent === n",
        arg=str(seeded.today_questions),
    )
    page.wait_for_selector("#dashboard[data-loaded=true]")
    assert figure(page, "refused") != before
    assert page.locator("#exchanges tbody tr.opens").count() == seeded.today_questions
    assert page.problems == []


def test_a_csv_download_parses(page) -> None:
    with page.expect_download() as download:
        page.click("a[data-csv=gaps]")
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text("utf-8"))))
    assert rows[0] == ["group", "group_asks", "question", "asks", "last_asked", "why"]
    assert len(rows) - 1 <= len(NOT_COVERED)


def test_a_wrong_token_gets_401(browser, url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    response = page.goto(url)
    assert response.status == 401
    page.fill("input[name=token]", "wrong")
    with page.expect_response(lambda r: r.url.endswith("/login")) as answer:
        page.click("button[type=submit]")
    assert answer.value.status == 401
    assert "not the dashboard token" in page.text_content("[role=alert]")
    assert page.request.get(url + "api/series").status == 401
    context.close()
