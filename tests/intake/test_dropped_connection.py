"""A real dropped connection against the live server: the phone's socket closes mid-piece, and the
upload continues from what the server kept instead of starting over."""

from __future__ import annotations

import http.client
import json
import re
import socket
import time
from urllib.parse import urlsplit

import pytest

from intake.models import Upload
from intake.storage import stored_path

from .conftest import short_video

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
CHUNK = 16 * 1024


class Phone:
    """Speaks the upload protocol like the page's script: CSRF cookie and header, Upload-Offset."""

    def __init__(self, base: str, page_path: str):
        self.host, self.port = urlsplit(base).hostname, urlsplit(base).port
        self.csrf = ""
        status, headers, _ = self.call("GET", page_path)
        assert status == 200
        self.csrf = re.search(r"csrftoken=([^;]+)", headers["Set-Cookie"]).group(1)

    def headers(self, **extra) -> dict:
        cookie = {"Cookie": f"csrftoken={self.csrf}", "X-CSRFToken": self.csrf} if self.csrf else {}
        return {**cookie, **extra}

    def call(self, method: str, path: str, body: bytes | None = None, **headers):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=10)
        connection.request(method, path, body=body, headers=self.headers(**headers))
        response = connection.getresponse()
        data = response.read()
        connection.close()
        return response.status, response.headers, data

    def drop_midway(self, path: str, piece: bytes, offset: int, keep: int) -> None:
        """Announce a whole piece, send only `keep` bytes of it, then lose the connection."""
        lines = [f"PUT {path} HTTP/1.1", f"Host: {self.host}:{self.port}", f"Content-Length: {len(piece)}",
                 "Content-Type: application/octet-stream", f"Upload-Offset: {offset}",
                 *(f"{name}: {value}" for name, value in self.headers().items()), "", ""]
        with socket.create_connection((self.host, self.port)) as raw:
            raw.sendall("\r\n".join(lines).encode() + piece[:keep])
            raw.shutdown(socket.SHUT_RDWR)

    def offset(self, path: str) -> int:
        status, headers, _ = self.call("HEAD", path)
        assert status == 200
        return int(headers["Upload-Offset"])


def test_upload_resumes_after_the_connection_drops(live_server, live_link, settings, tmp_path):
    settings.INTAKE_CHUNK_BYTES = CHUNK
    data = short_video(tmp_path, seconds=4).read_bytes()
    phone = Phone(live_server.url, live_link.url())
    status, _, body = phone.call("POST", live_link.url("intake:files"),
                                 json.dumps({"name": "bus.mp4", "size": len(data)}).encode(),
                                 **{"Content-Type": "application/json"})
    assert status == 201, body
    url = json.loads(body)["url"]
    assert phone.call("PUT", url, data[:CHUNK], **{"Upload-Offset": "0"})[0] == 200

    phone.drop_midway(url, data[CHUNK:2 * CHUNK], CHUNK, keep=CHUNK // 2)

    deadline = time.monotonic() + 10
    while (resume_at := phone.offset(url)) == CHUNK and time.monotonic() < deadline:
        time.sleep(0.05)
    assert resume_at == CHUNK + CHUNK // 2, "the half piece that arrived is kept, not thrown away"
    while resume_at < len(data):
        status, headers, body = phone.call("PUT", url, data[resume_at:resume_at + CHUNK],
                                           **{"Upload-Offset": str(resume_at)})
        assert status == 200, body
        resume_at = int(headers["Upload-Offset"])

    upload = Upload.objects.get()
    assert stored_path(upload.file_path).read_bytes() == data
