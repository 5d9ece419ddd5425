import factory

from core.factories import PageFactory

from .models import TandemIndexPage, TandemPage


class TandemPageFactory(PageFactory):
    """Needs `parent=` a PartnerPage."""

    class Meta:
        model = TandemPage

    title = factory.Sequence(lambda n: f"Tandem {n}")
    names = factory.Sequence(lambda n: f"Amal & Jonas {n}")
    summary = "Amal sucht eine Stelle als Elektrikerin, Jonas hilft bei Bewerbungen."
    town = "Köln"
    latitude = 50.94
    longitude = 6.96


class TandemIndexPageFactory(PageFactory):
    class Meta:
        model = TandemIndexPage

    title = "Tandems"
    slug = "tandems"
