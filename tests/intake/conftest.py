"""Intake fixtures: a live link for partner A's tandem, and phone-like files made on the spot."""

from __future__ import annotations

import io
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from PIL import ExifTags, Image

GPS = {1: "N", 2: (50.0, 56.0, 30.0), 3: "E", 4: (6.0, 57.0, 40.0)}


@dataclass
class LiveLink:
    link: object
    token: str

    def url(self, name: str = "intake:page", **kwargs) -> str:
        with translation.override(self.link.language):
            return reverse(name, kwargs={"token": self.token, **kwargs})


@pytest.fixture(autouse=True)
def _intake_root(settings, tmp_path):
    settings.INTAKE_ROOT = tmp_path / "intake"


@pytest.fixture
def live_link(partner_a, editor_a):
    from intake.services import link_create

    link, token = link_create(tandem=partner_a.tandem, user=editor_a, language="en")
    return LiveLink(link=link, token=token)


def photo_with_gps(size=(640, 480)) -> bytes:
    """A JPEG as a phone writes it: camera make and the place where it was taken."""
    picture = Image.new("RGB", size, (30, 120, 140))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "NahbarPhone"
    exif.get_ifd(ExifTags.IFD.GPSInfo).update(GPS)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def short_video(folder: Path, *, name="clip.mp4", codec="libx264", seconds=1) -> Path:
    """A test-card clip with sound and a location tag, like a phone's; `codec` picks what browsers get."""
    target = folder / name
    subprocess.run(
        ["/usr/bin/ffmpeg", "-v", "error", "-y",
         "-f", "lavfi", "-i", f"testsrc=duration={seconds}:size=320x240:rate=10",
         "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}", "-c:v", codec, "-pix_fmt", "yuv420p",
         "-shortest", "-metadata", "location=+50.9400+006.9600/", "-metadata", "title=Secret place",
         str(target)],
        check=True, capture_output=True,
    )
    return target


def probe_tags(path: Path) -> str:
    """Everything ffprobe says about a file's metadata, as text to search."""
    entries = "format_tags:stream_tags:stream=codec_name"
    return subprocess.run(["/usr/bin/ffprobe", "-v", "error", "-show_entries", entries, "-of", "json", str(path)],
                          check=True, capture_output=True, text=True).stdout


def send_file(client, live_link, name: str, data: bytes, caption: str = ""):
    """Send one file through the link's plain form, as a phone without JavaScript would."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from intake.models import Upload

    client.post(live_link.url(), {"files": [SimpleUploadedFile(name, data)], "caption": caption})
    return Upload.objects.filter(link=live_link.link).latest("created_at")
