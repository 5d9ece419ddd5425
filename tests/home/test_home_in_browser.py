import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_loads_in_chromium_without_console_errors(live_server, phone_page):
    from django.core.management import call_command

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    response = phone_page.goto(f"{live_server.url}/de/")

    assert response.status == 200
    assert phone_page.locator("html").get_attribute("lang") == "de"
    assert phone_page.locator("h1").first.is_visible()
    assert phone_page.console_errors == []
