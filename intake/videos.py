"""Videos with Debian's ffmpeg: inspect, take a poster frame, make a web-playable copy without metadata."""

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from .errors import IntakeRefused

FFPROBE = "/usr/bin/ffprobe"
FFMPEG = "/usr/bin/ffmpeg"
WEB_VIDEO_CODECS = {"h264"}
WEB_AUDIO_CODECS = {"aac", "mp3"}
# Location (Apple's ©xyz, Android's location tags) lives in container and stream metadata; dropping all
# of it, chapters included, is simpler and safer than naming each key.
NO_METADATA = ["-map_metadata", "-1", "-map_metadata:s:v", "-1", "-map_metadata:s:a", "-1",
               "-map_chapters", "-1", "-fflags", "+bitexact"]


@dataclass
class VideoFacts:
    video_codec: str
    audio_codec: str | None
    width: int
    height: int
    duration: float


def video_probe(*, source: Path) -> VideoFacts:
    """The codecs and size of a video; refuses files ffprobe cannot read or that have no picture."""
    result = subprocess.run(
        [FFPROBE, "-v", "error", "-print_format", "json", "-show_streams", "-show_format", str(source)],
        capture_output=True, timeout=120, check=False,
    )
    data = json.loads(result.stdout or b"{}")
    streams = data.get("streams", [])
    video = next((s for s in streams if s.get("codec_type") == "video"), None)
    if result.returncode != 0 or video is None:
        raise IntakeRefused(_("This video is damaged or in a format we cannot read."))
    audio = next((s for s in streams if s.get("codec_type") == "audio"), None)
    return VideoFacts(
        video_codec=video.get("codec_name", ""),
        audio_codec=audio.get("codec_name") if audio else None,
        width=int(video.get("width") or 0),
        height=int(video.get("height") or 0),
        duration=float(data.get("format", {}).get("duration") or 0),
    )


def _ffmpeg(arguments: list[str]) -> None:
    result = subprocess.run([FFMPEG, "-nostdin", "-v", "error", "-y", *arguments],
                            capture_output=True, timeout=3600, check=False)
    if result.returncode != 0:
        raise IntakeRefused(_("This video is damaged or in a format we cannot read."))


def video_make_web_copy(*, source: Path, target: Path, facts: VideoFacts) -> None:
    """An mp4 that starts playing before it is fully loaded; re-encoded only when browsers need it."""
    playable = facts.video_codec in WEB_VIDEO_CODECS and facts.audio_codec in WEB_AUDIO_CODECS | {None}
    codecs = ["-c", "copy"] if playable else [
        "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p",
        "-vf", "scale=trunc(iw/2)*2:trunc(ih/2)*2", "-c:a", "aac", "-b:a", "128k",
    ]
    _ffmpeg(["-i", str(source), "-map", "0:v:0", "-map", "0:a:0?", *codecs, *NO_METADATA,
             "-movflags", "+faststart", "-f", "mp4", str(target)])


def video_make_poster(*, source: Path, target: Path, facts: VideoFacts) -> None:
    moment = min(1.0, facts.duration / 2) if facts.duration else 0
    _ffmpeg(["-ss", f"{moment:.2f}", "-i", str(source), "-frames:v", "1", "-vf", "scale='min(1280,iw)':-2",
             *NO_METADATA, "-q:v", "3", str(target)])
