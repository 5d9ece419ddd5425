"""Reach's public endpoints: the visit counter, short links, posters and town pages."""

import base64
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale, Page

from appeals.models import AppealPage
from tandems.models import TandemPage
from tips.forms import channel_clean

from .posters import poster_pdf, poster_urls
from .selectors import page_has_card, share_card_for, url_with_channel
from .services import visit_count
from .towns import town_content

PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
LANGUAGES = {code for code, _name in settings.LANGUAGES}


@csrf_exempt  # the beacon carries no token: it changes nothing but an anonymous counter
@never_cache
@require_http_methods(["GET", "POST"])
def visit(request):
    """One visit of a live page; the answer is never cached, so cached pages are counted too."""
    page_id, language = request.GET.get("p", ""), request.GET.get("l", "")
    if page_id.isdigit() and language in LANGUAGES and Page.objects.filter(pk=page_id, live=True).exists():
        visit_count(page_id=int(page_id), language=language, channel=channel_clean(request.GET.get("via", "")))
    if request.method == "POST":
        return HttpResponse(status=204)
    return HttpResponse(PIXEL, content_type="image/gif")


def _short(request, model, page_id: int, via: str):
    page = model.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise Http404
    url = page.get_url(request)
    via = channel_clean(request.GET.get("via", "") or via or "")
    return redirect(url_with_channel(url, via) if via else url)


def short_appeal(request, page_id: int, via: str = ""):
    """`/a/<id>` or `/a/<id>/<channel>`: the appeal in the language of that page id, with its channel."""
    return _short(request, AppealPage, page_id, via)


def short_tandem(request, page_id: int, via: str = ""):
    return _short(request, TandemPage, page_id, via)


def poster(request, page_id: int):
    """The A4 poster of a live appeal, tandem or campaign page, in the page's own language: the one drawn after
    publishing when the visitor uses the site's own address, else drawn now for the address they used."""
    page = Page.objects.live().public().filter(pk=page_id).first()
    if page is None or not page_has_card(page=page):
        raise Http404
    page = page.specific
    card = share_card_for(page=page)
    if card and card.poster and card.revision_id == page.live_revision_id and request.get_host() == urlsplit(
            settings.BASE_URL).netloc:
        pdf = card.poster.read()
    else:
        base = f"{request.scheme}://{request.get_host()}"
        page_url, short_url = poster_urls(page=page, base=base)
        pdf = poster_pdf(page=page, page_url=page_url, short_url=short_url)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="poster-{page.slug}.pdf"'
    return response


def town(request, slug: str):
    """`/<lang>/orte/<town>/`: what is open within a town's reach, in the visitor's language; 404 when nothing is."""
    content = town_content(slug=slug, locale=Locale.get_active())
    if content is None:
        raise Http404
    return render(request, "reach/town_page.html", content)
