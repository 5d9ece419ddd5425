from django.urls import path

from . import views

app_name = "maps"

urlpatterns = [
    path("appeals.geojson", views.appeals_geojson, name="appeals"),
    path("tips.geojson", views.tips_geojson, name="tips"),
]
