app_name = "tips"

urlpatterns: list = []
