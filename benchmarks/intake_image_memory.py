"""Benchmark (not a test): peak memory of cleaning one uploaded photo, the phone-upload path's largest cost.

Makes hostile but valid pictures just under INTAKE_MAX_IMAGE_PIXELS (a PNG of one colour is a few hundred KB
and decodes to hundreds of MB) and a large ordinary JPEG, cleans each in a fresh process with
intake.images.image_sanitize and prints the file size, the process's peak RSS and the time taken.

    .venv/bin/python benchmarks/intake_image_memory.py
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, os, resource, sys, time
sys.path.insert(0, sys.argv[3])
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
import django
django.setup()
from pathlib import Path
from intake.errors import IntakeRefused
from intake.images import image_sanitize
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
try:
    size = image_sanitize(source=Path(sys.argv[1]), target=Path(sys.argv[2]))
    result = "cleaned to %dx%d" % size
except IntakeRefused as error:
    result = "refused: %s" % error.message
print(json.dumps({"before_mb": before / 1024, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "seconds": time.perf_counter() - start, "result": result}))
"""


def pictures(folder: Path) -> dict[str, Path]:
    from PIL import Image

    side = 7070  # 49.98 million pixels: just under the default limit of 50 million
    made = {}
    for mode, colour in (("RGB", (30, 120, 140)), ("RGBA", (30, 120, 140, 255))):
        path = folder / f"flat-{mode.lower()}.png"
        Image.new(mode, (side, side), colour).save(path, optimize=True)
        made[f"PNG {mode} {side}x{side}"] = path
    for width, height, kind in ((6000, 4000, "png"), (4032, 3024, "jpg"), (8000, 6000, "jpg")):
        path = folder / f"photo-{width}.{kind}"
        Image.effect_noise((width, height), 40).convert("RGB").save(path, quality=90)
        made[f"{kind.upper()} RGB {width}x{height}"] = path
    return made


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {**os.environ, "NAHBAR_VAR_DIR": str(folder / "var")}
        print(f"{'picture':<24} {'file KB':>8} {'idle MB':>8} {'peak MB':>8} {'seconds':>8}  result")
        for name, path in pictures(folder).items():
            out = subprocess.run([sys.executable, "-c", CHILD, str(path), str(folder / "out.jpg"), str(ROOT)],
                                 env=env, capture_output=True, text=True, check=True).stdout
            row = json.loads(out.strip().splitlines()[-1])
            print(f"{name:<24} {path.stat().st_size // 1024:>8} {row['before_mb']:>8.0f} {row['peak_mb']:>8.0f} "
                  f"{row['seconds']:>8.2f}  {row['result']}")


if __name__ == "__main__":
    main()
