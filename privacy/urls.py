from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("", views.access_request, name="request"),
    path("<str:token>/", views.access_data, name="data"),
]
