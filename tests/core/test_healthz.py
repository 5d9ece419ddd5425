"""/healthz: a verdict a monitor can alert on, details only for staff and monitors with the token."""

import pytest

from tests.conftest import MONITOR

pytestmark = pytest.mark.django_db


def test_healthz_reports_every_service_to_a_monitor(client):
    response = client.get("/healthz", headers=MONITOR)

    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["database"], body["cache"], body["broker"]) == ("ok", "ok", "ok", "ok")


def test_the_public_sees_only_the_verdict(client):
    for headers in ({}, {"Authorization": "Bearer a-guess"}):
        response = client.get("/healthz", headers=headers)

        assert response.status_code == 200
        assert response.json() == {"status": "ok"}


def test_staff_see_the_details_without_a_token(client, staff):
    client.force_login(staff)

    assert client.get("/healthz").json()["database"] == "ok"


def test_redis_down_is_degraded_not_failing(client, redis_server):
    redis_server.stop()

    public = client.get("/healthz")
    details = client.get("/healthz", headers=MONITOR).json()

    assert (public.status_code, public.json()) == (200, {"status": "degraded"})
    assert (details["cache"], details["broker"], details["database"]) == ("down", "down", "ok")
