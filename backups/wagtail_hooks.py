from core.dashboard import staff_panel_register

from .selectors import backup_status

# When the last good backup was made, and a loud warning when it is old or a run failed.
staff_panel_register(name="backup_status", template_name="backups/dashboard_panel.html", order=50,
                     context=lambda: {"backup": backup_status()})
