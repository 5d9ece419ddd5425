from django.urls import path

from . import views

app_name = "intake"

urlpatterns = [
    path("<str:token>/", views.upload_page, name="page"),
    path("<str:token>/files/", views.file_create, name="files"),
    path("<str:token>/files/<uuid:public_id>/", views.file_detail, name="file"),
]
