"""Where intake files wait: a private folder that no web server serves, outside MEDIA_ROOT."""

import shutil
from pathlib import Path

from django.conf import settings


def intake_root() -> Path:
    return Path(settings.INTAKE_ROOT)


def partial_path(*, public_id) -> Path:
    folder = intake_root() / "partial"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{public_id}.part"


def upload_folder(*, public_id) -> Path:
    folder = intake_root() / "files" / str(public_id)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def stored_path(relative: str) -> Path:
    return intake_root() / relative


def relative_path(path: Path) -> str:
    return str(path.relative_to(intake_root()))


def upload_files_delete(*, public_id) -> None:
    shutil.rmtree(intake_root() / "files" / str(public_id), ignore_errors=True)
    partial_path(public_id=public_id).unlink(missing_ok=True)
