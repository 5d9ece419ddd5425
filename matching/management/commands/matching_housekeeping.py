from django.core.management.base import BaseCommand

from matching.housekeeping import matching_housekeeping


class Command(BaseCommand):
    help = ("Delete unconfirmed company sign-ups after 48 hours, free unanswered proposals, ask before a season "
            "whether people still want company, ask for feedback, delete contact data after a campaign.")

    def handle(self, *args, **options):
        for name, count in matching_housekeeping().items():
            self.stdout.write(f"{name}: {count}")
