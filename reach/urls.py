from django.urls import path, re_path

from . import views

app_name = "reach"

urlpatterns = [
    path("v/", views.visit, name="visit"),
    # No trailing slash needed: these are typed from posters and chat messages.
    re_path(r"^a/(?P<page_id>[0-9]+)(?:/(?P<via>[a-z0-9_-]{1,40}))?/?$", views.short_appeal, name="short_appeal"),
    re_path(r"^t/(?P<page_id>[0-9]+)(?:/(?P<via>[a-z0-9_-]{1,40}))?/?$", views.short_tandem, name="short_tandem"),
    path("poster/<int:page_id>.pdf", views.poster, name="poster"),
]
