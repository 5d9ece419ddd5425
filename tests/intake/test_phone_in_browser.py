"""The whole way, in Chromium: a mentor's phone sends a photo and a video, the partner approves, visitors see it."""

from __future__ import annotations

import pytest

from intake.models import Upload, UploadStatus

from .conftest import photo_with_gps, short_video

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_phone_upload_to_published_video_with_poster(live_server, phone_page, desktop_page,
                                                       live_link, moderator_a, partner_a, celery_worker, tmp_path):
    photo = tmp_path / "IMG_0001.jpg"
    photo.write_bytes(photo_with_gps())
    video = short_video(tmp_path, name="VID_0001.mp4")

    # The mentor opens the link on the phone: no login, in the link's language.
    phone_page.goto(f"{live_server.url}{live_link.url()}")
    assert phone_page.locator("html").get_attribute("lang") == "en"
    phone_page.set_input_files("#intake-files", [str(photo), str(video)])
    phone_page.fill("#intake-caption", "My first week")
    phone_page.get_by_role("button", name="Send").click()

    rows = phone_page.locator(".intake-row")
    rows.first.wait_for()
    assert rows.count() == 2 and rows.locator("progress").count() == 2, "one progress bar per file"
    # The photo is cleaned at once; the video waits for the worker ("processing") before it is confirmed.
    phone_page.locator('.intake-row[data-state="pending"]').nth(1).wait_for(timeout=60_000)
    assert [bar.get_attribute("value") for bar in rows.locator("progress").all()] == ["100", "100"]
    assert "waiting for approval" in rows.nth(1).inner_text()

    # The partner's moderator approves the video in the admin.
    upload = Upload.objects.get(kind="video")
    desktop_page.goto(f"{live_server.url}/admin/login/")
    desktop_page.fill("input[name=username]", moderator_a.username)
    desktop_page.fill("input[name=password]", "password")
    desktop_page.locator("form button[type=submit]").first.click()
    desktop_page.goto(f"{live_server.url}/admin/intake/uploads/")
    row = desktop_page.locator(f'tr[data-upload="{upload.public_id}"]')
    assert row.locator("video[poster]").count() == 1, "the moderator previews the clip with its poster"
    row.locator('form[action$="/approve/"] button').click()
    desktop_page.wait_for_load_state()
    upload.refresh_from_db()
    assert upload.status == UploadStatus.APPROVED

    # A visitor sees the video with its poster on the tandem page.
    phone_page.goto(f"{live_server.url}{partner_a.tandem.url}")
    player = phone_page.locator(".story video")
    poster, source = player.get_attribute("poster"), player.get_attribute("src")
    assert poster and source
    statuses = phone_page.evaluate(
        "async (urls) => Promise.all(urls.map(async (u) => (await fetch(u, {method: 'HEAD'})).status))",
        [poster, source])
    assert statuses == [200, 200]
    assert phone_page.console_errors == []
