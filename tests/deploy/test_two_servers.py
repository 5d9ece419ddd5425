"""Two app servers behind the shipped nginx, sharing PostgreSQL, Redis and the media: nothing a visitor or an
editor does depends on which server answers."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from html.parser import HTMLParser

import pytest
import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from core.factories import generated_png
from tests.deploy.stack import ROOT, Stack, app_environment
from tests.intake.conftest import short_video
from tests.smtp_sink import SmtpSink

pytestmark = pytest.mark.django_db(transaction=True)
VISITOR = "203.0.113.7"


class Browser:
    """One person's browser, sending each request to the app server of our choice, as nginx would: over
    "HTTPS", from the visitor's address, keeping cookies (which are Secure, so `requests` would drop them)."""

    def __init__(self):
        self.cookies: dict[str, str] = {}

    def request(self, method: str, base: str, path: str, **kwargs) -> requests.Response:
        headers = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https", "X-Forwarded-For": VISITOR,
                   "Referer": "https://127.0.0.1/", **kwargs.pop("headers", {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        if "csrftoken" in self.cookies:
            headers["X-CSRFToken"] = self.cookies["csrftoken"]
        response = requests.request(method, base + path, headers=headers, allow_redirects=False, timeout=30,
                                    **kwargs)
        for cookie in response.cookies:
            self.cookies[cookie.name] = cookie.value
        return response


class _Form(HTMLParser):
    """The fields of the page's main form as the browser would send them unchanged."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id, self.inside, self.fields, self.textarea, self.select = form_id, False, {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside or not attrs.get("name"):
            return
        name = attrs["name"]
        if tag == "input" and attrs.get("type") not in ("submit", "button", "file") and (
                attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs):
            self.fields[name] = attrs.get("value") or ("on" if attrs.get("type") == "checkbox" else "")
        elif tag == "textarea":
            self.textarea, self.fields[name] = name, ""
        elif tag == "select":
            self.select = name

    def handle_data(self, data):
        if self.textarea:
            self.fields[self.textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        if tag == "form":
            self.inside = False


def _form_fields(html: str, form_id: str) -> dict:
    parser = _Form(form_id)
    parser.feed(html)
    for name, value in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>.*?<option[^>]*value="([^"]*)"[^>]*selected',
                                  html, re.S):
        parser.fields[name] = value
    return parser.fields


@pytest.fixture
def mail():
    sink = SmtpSink()
    sink.start()
    yield sink
    sink.stop()


@pytest.fixture
def stack(transactional_db, tmp_path, mail, settings):
    settings.INTAKE_ROOT = tmp_path / "intake"  # where the app servers keep phone uploads (app_environment)
    db = connection.settings_dict
    database_url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    env = app_environment(database_url=database_url, redis_url=os.environ["REDIS_URL"], folder=tmp_path, extra={
        "TIPS_RATE_LIMIT_COUNT": "3", "TIPS_MIN_SECONDS": "0", "INTAKE_CHUNK_BYTES": "8192",
        "SECURE_SSL_REDIRECT": "false", "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(mail.port),
        "EMAIL_USE_TLS": "false"})
    with Stack(env=env, servers=2, workers=1) as running:
        # The Celery worker on the side, as nahbar-worker.service runs it.
        worker = subprocess.Popen([sys.executable, "-m", "celery", "-A", "portal", "worker", "--pool", "solo",
                                   "--loglevel", "WARNING"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        yield running
        worker.terminate()
        worker.wait(30)


def _log_in(browser: Browser, base: str, user) -> None:
    # The suite hashes with MD5 for speed; the app servers run production settings, which only know PBKDF2.
    user.password = PBKDF2PasswordHasher().encode("password", PBKDF2PasswordHasher().salt())
    user.save(update_fields=["password"])
    browser.request("GET", base, "/admin/login/")
    response = browser.request("POST", base, "/admin/login/", data={
        "username": user.username, "password": "password", "csrfmiddlewaretoken": browser.cookies["csrftoken"]})
    assert response.status_code == 302, response.text[:500]


def test_two_app_servers_behind_nginx_act_as_one(stack, mail, partner_a, staff, tmp_path):
    a, b = stack.app_base(0), stack.app_base(1)
    appeal = partner_a.appeal
    visitor = Browser()

    # A publish through server A's admin is what server B serves, within 2 s, also through nginx.
    assert visitor.request("GET", b, appeal.url).headers["X-Cache"] == "miss"
    assert visitor.request("GET", b, appeal.url).headers["X-Cache"] == "hit"
    editor = Browser()
    _log_in(editor, a, staff)
    edit = f"/admin/pages/{appeal.pk}/edit/"
    fields = _form_fields(editor.request("GET", a, edit).text, "page-edit-form")
    fields.update({"title": "Published through server A", "action-publish": "action-publish"})
    published = editor.request("POST", a, edit, data=fields)
    assert published.status_code == 302, published.text[:2000]
    started = time.monotonic()
    while "Published through server A" not in visitor.request("GET", b, appeal.url).text:
        assert time.monotonic() - started < 2, "server B still serves the old page"
        time.sleep(0.05)
    through_nginx = requests.get(stack.base + appeal.url, verify=stack.certificate, timeout=30)
    assert "Published through server A" in through_nginx.text

    # An image uploaded through A is rendered by B (the rendition is made from the shared original).
    png = generated_png("Uploaded through A")
    upload = editor.request("GET", a, "/admin/images/add/")
    response = editor.request("POST", a, "/admin/images/add/", data={
        "csrfmiddlewaretoken": editor.cookies["csrftoken"], "title": "Uploaded through A",
        "collection": str(partner_a.collection.pk)}, files={"file": ("upload.png", png)})
    assert response.status_code == 302 and upload.status_code == 200, response.text[:1000]
    from wagtail.images import get_image_model

    image = get_image_model().objects.get(title="Uploaded through A")
    tandem = partner_a.tandem
    tandem.portrait = image
    tandem.save_revision().publish()
    page = visitor.request("GET", b, tandem.url).text
    rendition = re.search(r'<img[^>]+src="([^"]+)"[^>]*class="portrait"|class="portrait"[^>]+src="([^"]+)"', page)
    source = next(group for group in rendition.groups() if group)
    picture = requests.get(stack.base + source, verify=stack.certificate, timeout=30)
    assert picture.status_code == 200 and picture.content[:4] in (b"\x89PNG", b"\xff\xd8\xff\xe0", b"RIFF")

    # A phone upload whose pieces alternate between A and B arrives byte-identical.
    from intake.models import Upload
    from intake.services import link_create
    from intake.storage import stored_path

    link, token = link_create(tandem=tandem, user=staff, language="de")
    phone = Browser()
    phone.request("GET", a, f"/de/upload/{token}/")
    data = short_video(tmp_path, seconds=2).read_bytes()
    created = phone.request("POST", b, f"/de/upload/{token}/files/",
                            json={"name": "clip.mp4", "size": len(data), "caption": "Bus"})
    assert created.status_code == 201, created.text
    offset, servers = 0, [a, b]
    while offset < len(data):
        response = phone.request("PUT", servers[offset // 8192 % 2], created.json()["url"],
                                 data=data[offset:offset + 8192], headers={
                                     "Upload-Offset": str(offset), "Content-Type": "application/octet-stream"})
        assert response.status_code == 200, response.text
        offset = response.json()["offset"]
    assert offset // 8192 >= 3, "the clip must travel in several pieces"
    assert stored_path(Upload.objects.get(link=link).file_path).read_bytes() == data

    # Rate limits count across servers: the limit is 3 tips per visitor, wherever they land.
    tipster = Browser()
    form = tipster.request("GET", a, f"/de/tips/appeal/{appeal.pk}/").text
    started_token = re.search(r'name="started" value="([^"]+)"', form).group(1)
    statuses = [tipster.request("POST", (a, b)[number % 2], f"/de/tips/appeal/{appeal.pk}/", data={
        "csrfmiddlewaretoken": tipster.cookies["csrftoken"], "started": started_token, "kind": "job",
        "place_0": "Köln", "message": f"Tipp {number}: die Bäckerei sucht Azubis."}).status_code
        for number in range(5)]
    assert statuses == [302, 302, 302, 429, 429]
    # The worker delivers each accepted tip's e-mail to the partner, once.
    deadline = time.monotonic() + 60
    while len(mail.recipients()) < 3 and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(2)  # a second delivery would arrive now
    assert mail.recipients() == ["tips@partner-a.example.org"] * 3

    # Stopping server A (as systemd does) loses no request: nginx sends them to B.
    results: list[int] = []

    def keep_asking():
        for number in range(60):
            results.append(requests.get(f"{stack.base}{appeal.url}?during-stop={number}",
                                        verify=stack.certificate, timeout=30).status_code)

    asking = threading.Thread(target=keep_asking)
    asking.start()
    time.sleep(0.3)
    stack.stop_app(0)
    asking.join()
    assert results == [200] * 60
