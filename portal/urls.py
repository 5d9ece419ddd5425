from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core import views as core_views
from core.sitemaps import LocalizedSitemap
from reach import views as reach_views
from reach.sitemaps import TownSitemap

handler500 = "core.unavailable.server_error"
handler400 = "core.views.bad_request"

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("brand.css", core_views.brand_css, name="brand_css"),
    path("favicon.svg", core_views.icon_svg, name="icon_svg"),
    path("favicon.ico", core_views.icon_png, {"size": 32}),
    path("apple-touch-icon.png", core_views.icon_png, {"size": 180}, name="icon_touch"),
    path("icon-512.png", core_views.icon_png, {"size": 512}, name="icon_512"),
    path("draft/<str:token>/", core_views.shared_draft, name="shared_draft"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LocalizedSitemap, "towns": TownSitemap}}, name="sitemap"),
    # Partner-scoped stand-ins for the few Wagtail admin views that read across sections: matched first.
    path("admin/", include("partners.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/map/", include("maps.urls")),
    path("", include("reach.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

if getattr(settings, "SERVE_MEDIA", False):
    from django.urls import re_path
    from django.views.static import serve

    def _media(request, path):
        # MEDIA_ROOT is read per request: tests give every test its own folder.
        return serve(request, path, document_root=settings.MEDIA_ROOT)

    urlpatterns.append(re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", _media))

urlpatterns += i18n_patterns(
    path("search/", core_views.search, name="search"),
    path("tips/", include("tips.urls")),
    path("become-a-tandem/", include("tandems.urls")),
    path("company/", include("matching.urls")),
    path("upload/", include("intake.urls")),
    path("my-data/", include("privacy.urls")),
    path("orte/<slug:slug>/", reach_views.town, name="town"),
    path("", include(wagtail_urls)),
)
