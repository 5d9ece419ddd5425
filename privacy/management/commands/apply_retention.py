from django.core.management.base import BaseCommand

from privacy.services import retention_apply


class Command(BaseCommand):
    help = "Anonymise personal data older than the retention period (TIPS_RETENTION_DAYS); run after a restore."

    def handle(self, *args, **options):
        run = retention_apply()
        self.stdout.write(f"{run.anonymised} records anonymised.")
