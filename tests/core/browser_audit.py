"""Helpers for the public-page browser tests: axe-core from the npm registry, the demo's pages, requests seen.

axe-core is fetched once with `npm pack` (the registry, never a CDN) into tests/.axe/ (ignored by git) and
injected into each page by Playwright.
"""

from __future__ import annotations

import os
import subprocess
import tarfile
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

AXE_VERSION = "4.14.1"
AXE_DIR = Path(__file__).resolve().parent.parent / ".axe"
AXE_FILE = AXE_DIR / f"axe-{AXE_VERSION}.min.js"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
LANGUAGES = ("de", "en", "ar")
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def axe_source() -> str:
    if not AXE_FILE.exists():
        AXE_DIR.mkdir(exist_ok=True)
        # Parallel test workers may fetch at once: each packs into its own folder and renames into place.
        with tempfile.TemporaryDirectory(dir=AXE_DIR) as folder:
            subprocess.run(["npm", "pack", f"axe-core@{AXE_VERSION}", "--pack-destination", folder, "--silent"],
                           check=True, capture_output=True, timeout=300)
            with tarfile.open(Path(folder) / f"axe-core-{AXE_VERSION}.tgz") as archive:
                (Path(folder) / AXE_FILE.name).write_bytes(archive.extractfile("package/axe.min.js").read())
            os.replace(Path(folder) / AXE_FILE.name, AXE_FILE)
    return AXE_FILE.read_text(encoding="utf-8")


def axe_serious(page, source: str) -> list[str]:
    """Serious and critical violations on the page as it stands, one line each."""
    page.add_script_tag(content=source)
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['impact']}: {violation['id']} at {[node['target'] for node in violation['nodes']][:3]}"
        for violation in result["violations"] if violation["impact"] in {"serious", "critical"}
    ]


def heading_skips(page) -> list[str]:
    """Headings that jump more than one level down (h1 then h3): they lose a screen reader's outline."""
    levels = page.evaluate(
        "() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => [+h.tagName[1], h.textContent.trim()])")
    skips, previous = [], 0
    for level, text in levels:
        if level > previous + 1:
            skips.append(f"h{level} after h{previous}: {text[:40]}")
        previous = level
    return skips


def record_outside_requests(context) -> list[str]:
    """Every request to a host other than this machine's; such requests are answered with nothing."""
    outside: list[str] = []

    def route(route):
        url = route.request.url
        if (urlsplit(url).hostname or "") in LOCAL_HOSTS or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", route)
    return outside


def demo_pages(language: str) -> dict[str, str]:
    """Every public template, reached through the demo campaign in one language."""
    from wagtail.models import Locale

    from appeals.models import AppealIndexPage, AppealPage
    from core.models import LegalPage
    from matching.models import CompanyCampaignPage
    from partners.models import PartnerPage
    from tandems.models import TandemIndexPage, TandemPage

    locale = Locale.objects.get(language_code=language)
    appeal = AppealPage.objects.live().filter(locale=locale, slug="ausbildung-elektro").first()
    tandem = TandemPage.objects.live().filter(locale=locale, slug="amal-und-jonas").first()

    def first(model):
        return model.objects.live().filter(locale=locale).first()

    pages = {
        "home": f"/{language}/", "appeal": appeal.url, "tandem": tandem.url, "partner": first(PartnerPage).url,
        "appeals": first(AppealIndexPage).url, "tandems": first(TandemIndexPage).url,
        "legal": first(LegalPage).url, "map": f"/{language}/tips/map/",
        "map-near": f"/{language}/tips/map/?town=Bonn", "tip-form": f"/{language}/tips/appeal/{appeal.pk}/",
        "offer": f"/{language}/tips/offer/", "thanks": f"/{language}/tips/thanks/?appeal={appeal.pk}",
        "search": f"/{language}/search/?q=Köln", "not-found": f"/{language}/no-such-page/",
        "town": f"/{language}/orte/koeln/", "my-data": f"/{language}/my-data/",
        "my-data-expired": f"/{language}/my-data/not-a-valid-token/",
    }
    # The company campaign is written in German only; its sign-up forms speak every language.
    campaign = CompanyCampaignPage.objects.live().filter(locale__language_code="de").first()
    if language == "de":
        pages["company"] = campaign.url
    pages |= {"company-seek": f"/{language}/company/{campaign.pk}/seek/",
              "company-offer": f"/{language}/company/{campaign.pk}/offer/",
              "company-thanks": f"/{language}/company/thanks/"}
    return pages


def map_not_started(page) -> list[str]:
    """A map that still shows its no-JavaScript sentence although JavaScript runs: the page lacks the map's
    scripts or styles."""
    return ["the map did not start"] if page.locator(".map-fallback").count() else []


def lazy_images_loaded(page) -> None:
    """A full-page screenshot does not scroll, so pictures below the fold would stay empty boxes."""
    page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(img => { img.loading = 'eager'; })")
    page.wait_for_load_state("networkidle")
