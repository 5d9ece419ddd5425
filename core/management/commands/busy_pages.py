"""Write the "very busy" pages nginx shows when the app servers are full (deploy/nginx), one per language."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.utils import translation


class Command(BaseCommand):
    help = "Write STATIC_ROOT/busy/<language>.html, the pages nginx answers with while the portal is full."

    def add_arguments(self, parser):
        parser.add_argument("--folder", default="", help="where to write them (default: STATIC_ROOT/busy)")

    def handle(self, *args, folder: str, **options):
        target = Path(folder or Path(settings.STATIC_ROOT) / "busy")
        target.mkdir(parents=True, exist_ok=True)
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                html = render_to_string("core/busy.html", {"code": code, "bidi": translation.get_language_bidi()})
            (target / f"{code}.html").write_text(html, encoding="utf-8")
        self.stdout.write(f"Wrote the busy pages to {target}")
