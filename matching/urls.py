from django.urls import path

from . import views

app_name = "matching"

urlpatterns = [
    path("<int:campaign_id>/towns.geojson", views.town_counts, name="town_counts"),
    path("<int:campaign_id>/<str:role>/", views.signup, name="signup"),
    path("thanks/", views.thanks, name="thanks"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("still/<str:token>/", views.recheck, name="recheck"),
    path("answer/<str:token>/", views.answer, name="answer"),
    path("feedback/<str:token>/", views.feedback, name="feedback"),
    path("write/<str:token>/", views.relay, name="relay"),
]
