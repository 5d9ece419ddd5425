from django.urls import path

from maps import views as map_views

from . import views

app_name = "tips"

urlpatterns = [
    path("appeal/<id:appeal_id>/", views.appeal_tip, name="appeal"),
    path("offer/", views.offer, name="offer"),
    path("thanks/", views.thanks, name="thanks"),
    path("map/", map_views.map_page, name="map"),
]
