"""Media in an S3-compatible bucket (django-storages), tested against moto's S3 server running as a separate
process: Wagtail images, their renditions and documents go to the bucket, never overwrite each other, and are
read back from it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from core.factories import ImageFactory
from tests.services import free_port, wait_for_port

pytestmark = pytest.mark.django_db
BUCKET = "nahbar-media"


@pytest.fixture(scope="module")
def s3_server():
    port = free_port()
    server = subprocess.Popen([str(Path(sys.executable).parent / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port, 60)
        endpoint = f"http://127.0.0.1:{port}"
        client = boto3.client("s3", endpoint_url=endpoint, region_name="eu-central-1",
                              aws_access_key_id="test", aws_secret_access_key="test")
        client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-central-1"})
        yield endpoint, client
    finally:
        server.terminate()
        server.wait(10)


@pytest.fixture
def s3_media(s3_server, settings, monkeypatch):
    endpoint, client = s3_server
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "test")
    # The same OPTIONS base.py builds from MEDIA_S3_BUCKET and AWS_S3_ENDPOINT_URL.
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
        "bucket_name": BUCKET, "location": "media", "endpoint_url": endpoint, "region_name": "eu-central-1",
        "file_overwrite": False, "default_acl": None, "querystring_auth": False,
        "custom_domain": "nahbar.example.org", "url_protocol": "https:"}}}
    return client


def _keys(client) -> set[str]:
    return {item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def test_images_and_their_renditions_live_in_the_bucket(s3_media):
    image = ImageFactory(title="Im Eimer")
    rendition = image.get_rendition("fill-200x100")

    assert f"media/{image.file.name}" in _keys(s3_media)
    assert f"media/{rendition.file.name}" in _keys(s3_media)
    assert rendition.url.startswith("https://nahbar.example.org/media/images/")
    assert (rendition.width, rendition.height) == (200, 100)


def test_a_second_file_of_the_same_name_never_overwrites_the_first(s3_media):
    first = default_storage.save("documents/flyer.pdf", ContentFile(b"first"))
    second = default_storage.save("documents/flyer.pdf", ContentFile(b"second"))

    assert first != second
    assert default_storage.open(first).read() == b"first" and default_storage.open(second).read() == b"second"


def test_base_settings_switch_to_the_bucket_only_when_told(monkeypatch):
    import importlib

    import portal.settings.base as base

    monkeypatch.delenv("MEDIA_S3_BUCKET", raising=False)
    assert importlib.reload(base).STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    monkeypatch.setenv("MEDIA_S3_BUCKET", BUCKET)
    monkeypatch.setenv("AWS_S3_ENDPOINT_URL", "https://s3.example.net")
    options = importlib.reload(base).STORAGES["default"]["OPTIONS"]
    assert (options["bucket_name"], options["endpoint_url"], options["file_overwrite"]) == (
        BUCKET, "https://s3.example.net", False)
    monkeypatch.delenv("MEDIA_S3_BUCKET")
    importlib.reload(base)
