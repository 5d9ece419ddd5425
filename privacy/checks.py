from django.conf import settings
from django.core.checks import Warning, register


@register()
def backups_follow_retention(app_configs, **kwargs):
    """A monthly archive kept longer than the retention period would keep contact data retention removed."""
    kept_days = settings.BACKUP_KEEP_MONTHLY * 31
    if kept_days <= settings.TIPS_RETENTION_DAYS + 31:
        return []
    return [Warning(
        f"BACKUP_KEEP_MONTHLY={settings.BACKUP_KEEP_MONTHLY} keeps archives about {kept_days} days, longer than "
        f"TIPS_RETENTION_DAYS={settings.TIPS_RETENTION_DAYS}: old archives would still hold deleted contact data.",
        hint="Lower BACKUP_KEEP_MONTHLY to TIPS_RETENTION_DAYS // 31 or less.", id="privacy.W001",
    )]
