"""`manage.py add_partner "Name e.V." --email tips@example.org`: onboard a partner organisation."""

from django.core.management.base import BaseCommand, CommandError

from home.models import HomePage
from partners.forms import PartnerOnboardForm
from partners.services import partner_onboard


class Command(BaseCommand):
    help = "Create a partner's page, its editors' and moderators' groups, media collection and approval workflow."

    def add_arguments(self, parser):
        parser.add_argument("title", help="the organisation's name")
        parser.add_argument("--email", dest="notification_email", required=True, help="where new tips are sent")
        parser.add_argument("--slug", default="", help="the page address (default: made from the name)")
        parser.add_argument("--region", default="")
        parser.add_argument("--website", default="")
        parser.add_argument("--public-email", dest="public_email", default="")
        parser.add_argument("--trusted", dest="trusted_to_publish", action="store_true",
                            help="editors publish without approval")

    def handle(self, *args, **options):
        home = HomePage.objects.filter(depth=2, locale__language_code="de").first()
        if home is None:
            raise CommandError("There is no German home page; run `manage.py migrate` first.")
        form = PartnerOnboardForm(data=options, home=home)
        if not form.is_valid():
            errors = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in form.errors.items())
            raise CommandError(f"Partner not created. {errors}")
        fields = dict(form.cleaned_data)
        partner = partner_onboard(home=home, title=fields.pop("title"), slug=fields.pop("slug"), **fields)
        self.stdout.write(
            f"Created {partner.title} at {partner.url_path}: groups “{partner.editors_group}” and "
            f"“{partner.moderators_group}”, collection “{partner.collection}”. Add people to the groups "
            "under Settings → Users."
        )
