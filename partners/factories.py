import factory

from core.factories import PageFactory

from .models import PartnerPage


class PartnerPageFactory(PageFactory):
    class Meta:
        model = PartnerPage

    title = factory.Sequence(lambda n: f"Partner {n} e.V.")
    short_description = "Wir begleiten Geflüchtete auf dem Weg in Arbeit und Nachbarschaft."
    region = "Köln und Umgebung"
    notification_email = factory.LazyAttribute(lambda p: f"tipps@{p.title.split()[0].lower()}.example.org")
