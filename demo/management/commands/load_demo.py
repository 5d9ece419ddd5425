from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.services import demo_load


class Command(BaseCommand):
    help = "Fill the portal with the demo campaign (fictitious partners, tandems and appeals). Idempotent."

    def handle(self, *args, **options):
        if not getattr(settings, "NAHBAR_DEMO_ALLOWED", False):
            raise CommandError("load_demo refuses to run with production settings: it would add demo users.")
        logins = demo_load(progress=lambda message: self.stdout.write(f"  {message}"))
        self.stdout.write(self.style.SUCCESS("Demo content is ready. Log in at /admin/ as:"))
        for username, password in logins:
            self.stdout.write(f"  {username:<40} {password}")
