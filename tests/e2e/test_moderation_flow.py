"""The community workflow in a real browser: a group submits, a moderator signs in and approves, the
entry is on the map and in the API; then an edit is suggested, approved, visible, and in the history."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy.orm import Session

from app.core.security import hash_password
from app.domain.enums import Role
from app.services import users
from ingest.demo.loader import load_demo
from tests.e2e.conftest import ARTIFACTS, serve
from tests.mail import Inbox, smtp_server

pytestmark = pytest.mark.browser
PASSWORD = "a long moderator passphrase"


def stock(session: Session) -> None:
    load_demo(session)
    created = users.create_user(session, email="mod@example.org", role=Role.MODERATOR)
    created.user.password_hash = hash_password(PASSWORD)
    created.user.must_change_password = False


@pytest.fixture(scope="module")
def inbox() -> Iterator[tuple[Inbox, int]]:
    with smtp_server() as server:
        yield server, server.port


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, inbox: tuple[Inbox, int]) -> Iterator[str]:
    yield from serve(
        tmp_path_factory.mktemp("moderation") / "flow.db",
        stock,
        submit_min_seconds=1.0,
        smtp_host="127.0.0.1",
        smtp_port=inbox[1],
        smtp_starttls=False,
    )


def approve_first_pending(moderator: Any, site: str, name: str) -> None:
    moderator.goto(site + "/moderation")
    moderator.get_by_role("link", name="Review").first.click()
    assert name in moderator.locator("table.diff").inner_text()
    moderator.get_by_role("button", name="Approve and publish").click()
    moderator.wait_for_url(site + "/moderation")


def test_a_group_submits_a_moderator_approves_and_it_is_on_the_map(
    browser: Any, site: str, inbox: tuple[Inbox, int]
) -> None:
    group = browser.new_context().new_page()
    group.goto(site + "/submit")
    group.fill("#f-name", "Larkspur Bicycle Co-operative")
    group.fill("#f-description", "Bikes built & mended <by members>")
    group.fill("#f-postcode", "OX4 1DD")
    group.fill("#f-contact_email", "larkspur@example.org")
    group.wait_for_timeout(1100)  # a person takes longer than the minimum fill time
    group.get_by_role("button", name="Send for checking").click()
    group.wait_for_url("**/submit/thanks**")
    assert "A moderator will check your entry" in group.locator("main").inner_text()

    moderator = browser.new_context().new_page()
    moderator.goto(site + "/moderation")
    assert "/moderation/login" in moderator.url
    moderator.fill("#email", "mod@example.org")
    moderator.fill("#password", PASSWORD)
    moderator.get_by_role("button", name="Sign in").click()
    moderator.wait_for_url(site + "/moderation")
    approve_first_pending(moderator, site, "Larkspur Bicycle Co-operative")

    found = httpx.get(f"{site}/api/organisations", params={"q": "Larkspur", "limit": 5}).json()["items"]
    assert [item["name"] for item in found] == ["Larkspur Bicycle Co-operative"]
    group.goto(site + "/?q=Larkspur")
    group.wait_for_selector("#results-list .result-name")
    assert group.locator("#results-list .result-name").all_inner_texts() == ["Larkspur Bicycle Co-operative"]
    slug = found[0]["slug"]

    # The typed markup is shown as text, not interpreted.
    group.goto(f"{site}/organisations/{slug}")
    assert "&lt;by members&gt;" in group.content()
    assert group.locator("main").inner_text().count("Bikes built & mended <by members>") == 1
    assert group.get_by_role("link", name="Suggest an edit").count() == 1

    # The approval emailed the group a private link: an edit through it is queued, approved, visible.
    [message] = inbox[0].messages
    assert message["To"] == "larkspur@example.org"
    link = re.search(r"http://\S+/edit/\S+", message.get_payload())
    assert link is not None
    group.goto(site + link.group(0)[link.group(0).index("/edit/") :])
    assert group.input_value("#f-name") == "Larkspur Bicycle Co-operative"
    group.fill("#f-description", "Now open on Saturdays")
    group.fill("#f-contact_email", "larkspur@example.org")
    group.wait_for_timeout(1100)
    group.get_by_role("button", name="Send for checking").click()
    group.wait_for_url("**/submit/thanks**")
    approve_first_pending(moderator, site, "Now open on Saturdays")
    group.goto(f"{site}/organisations/{slug}")
    assert "Now open on Saturdays" in group.locator("main").inner_text()
    moderator.goto(f"{site}/moderation/organisations/{found[0]['id']}")
    assert "organisation.edited" in moderator.locator("main").inner_text()
    moderator.screenshot(path=str(ARTIFACTS / "moderation-history.png"), full_page=True)
