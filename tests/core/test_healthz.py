import pytest

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_and_broker(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["database"] == "ok"
    assert response.json()["broker"] == "ok"


def test_healthz_says_when_the_broker_is_down(client, redis_server):
    redis_server.stop()

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["broker"] == "down"
