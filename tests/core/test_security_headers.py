"""Content-Security-Policy: strict on public pages, what Wagtail's admin needs on /admin/; both work in Chromium."""

import os
import re

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part for part in (piece.strip() for piece in policy.split(";")) if part}


@pytest.mark.django_db
def test_public_pages_allow_no_inline_script_at_all(client, partner_a):
    appeal = client.get(partner_a.appeal.url)
    tip_form = client.get(f"/de/tips/appeal/{partner_a.appeal.pk}/")  # with the map picker: scripts of our own

    directives = _directives(appeal)
    assert directives["object-src"] == "object-src 'none'" and directives["base-uri"] == "base-uri 'self'"
    assert "tile.openstreetmap.org" in directives["img-src"]  # only once a visitor switches detailed maps on
    for response in (appeal, tip_form):
        assert _directives(response)["script-src"] == "script-src 'self'"
        scripts = re.findall(r"<script\b[^>]*>", response.content.decode())
        assert scripts and all(" src=" in tag or 'type="application/json"' in tag for tag in scripts)


@pytest.mark.django_db
def test_the_admin_gets_the_policy_wagtail_needs(client, staff):
    client.force_login(staff)

    directives = _directives(client.get("/admin/"))

    assert directives["script-src"] == "script-src 'self' 'unsafe-inline'"
    assert directives["object-src"] == "object-src 'none'" and "frame-ancestors 'self'" in directives.values()


def _csp_errors(page) -> list[str]:
    return [error for error in page.console_errors if "Content Security Policy" in error]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_admin_screens_with_inline_scripts_run_under_the_policy(live_server, desktop_page, partner_a, staff):
    staff.set_password("password")
    staff.save()
    page = desktop_page
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", staff.username)
    page.fill("input[name=password]", "password")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    for path in (f"/admin/pages/{partner_a.appeal.pk}/edit/", f"/admin/pages/{partner_a.tandem.pk}/edit/",
                 "/admin/snippets/tips/tip/", "/admin/tips-map/", "/admin/images/"):
        response = page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        assert response.status == 200, path
    assert _csp_errors(page) == []
