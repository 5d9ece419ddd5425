from django.urls import path
from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def guard_translation_views():
    # Same paths as wagtail-localize's own views; this app is listed before it in INSTALLED_APPS, so these
    # patterns are matched first and every link wagtail-localize builds goes through the page check.
    return [
        path("localize/submit/page/<int:page_id>/", views.submit_page_translation,
             name="localization_submit_page_translation"),
        path("localize/update/<int:translation_source_id>/", views.update_translations,
             name="localization_update_translations"),
        path("localize/reports/translations/", views.translations_report,
             name="localization_translations_report"),
        path("localize/reports/translations/results/", views.translations_report_results,
             name="localization_translations_report_results"),
    ]
