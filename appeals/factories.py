import factory

from core.factories import PageFactory

from .models import AppealCategory, AppealIndexPage, AppealPage


class AppealPageFactory(PageFactory):
    """Needs `parent=` a TandemPage or PartnerPage."""

    class Meta:
        model = AppealPage

    title = factory.Sequence(lambda n: f"Gesucht: Ausbildungsplatz {n}")
    category = AppealCategory.APPRENTICESHIP
    summary = "Ein Ausbildungsplatz im Handwerk, gern mit Berufsschule in der Nähe."
    needed = "<p>Ein Betrieb, der Amal eine Chance gibt.</p>"
    town = "Köln"
    latitude = 50.94
    longitude = 6.96


class AppealIndexPageFactory(PageFactory):
    class Meta:
        model = AppealIndexPage

    title = "Gesuche"
    slug = "gesuche"
