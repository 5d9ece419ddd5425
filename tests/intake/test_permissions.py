"""Who may see and decide on uploads: staff and the tandem's own partner, nobody else."""

from __future__ import annotations

import pytest
from django.urls import reverse

from intake.models import UploadStatus

from .conftest import photo_with_gps, send_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def upload_a(client, live_link):
    upload = send_file(client, live_link, "IMG.jpg", photo_with_gps(), caption="Only for partner A")
    client.logout()
    return upload


def admin_urls(upload):
    return {
        "index": reverse("intake_uploads:index"),
        "file": reverse("intake_uploads:file", args=[upload.pk, "file"]),
        "approve": reverse("intake_uploads:approve", args=[upload.pk]),
        "reject": reverse("intake_uploads:reject", args=[upload.pk]),
    }


@pytest.mark.parametrize("role, sees", [("editor_a", True), ("moderator_a", True), ("staff", True),
                                        ("editor_b", False)])
def test_who_sees_the_waiting_upload(client, upload_a, request, role, sees):
    client.force_login(request.getfixturevalue(role))
    urls = admin_urls(upload_a)

    listing = client.get(urls["index"]).content.decode()
    preview = client.get(urls["file"], follow=True)  # a 404 under /admin/ is first redirected to /de/admin/

    assert ("Only for partner A" in listing) is sees
    assert preview.status_code == (200 if sees else 404)


def test_other_partners_editor_can_neither_approve_nor_reject(client, upload_a, editor_b, live_link):
    client.force_login(editor_b)
    urls = admin_urls(upload_a)

    for url in (urls["approve"], urls["reject"], reverse("intake_links:revoke", args=[live_link.link.pk])):
        response = client.post(url)
        assert response.status_code == 404 or response["Location"].startswith("/de/admin/"), url
    live_link.link.refresh_from_db()
    assert live_link.link.is_active
    assert live_link.link.tandem.title not in client.get(reverse("intake_links:index")).content.decode()
    upload_a.refresh_from_db()
    assert upload_a.status == UploadStatus.PENDING


def test_visitors_reach_nothing_in_the_admin(client, upload_a):
    for name, url in admin_urls(upload_a).items():
        response = client.post(url) if name in {"approve", "reject"} else client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], name


def test_the_private_files_are_not_under_media(upload_a, settings):
    from intake.storage import stored_path

    assert settings.MEDIA_ROOT not in stored_path(upload_a.file_path).parents
