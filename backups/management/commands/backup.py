from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from backups import services
from backups.progress import Progress


class Command(BaseCommand):
    help = "Writes one archive of the database and all media files, or verifies an archive with --verify."

    def add_arguments(self, parser):
        parser.add_argument("--to", help="A folder, or the name of a storage in STORAGES (default: BACKUP_DIR, "
                                         "copied to BACKUP_STORAGE when that is set).")
        parser.add_argument("--verify", metavar="ARCHIVE", help="Restore ARCHIVE into a scratch database and "
                                                                "folder and compare it with its manifest.")
        parser.add_argument("--quiet", action="store_true", help="No progress, only errors.")

    def handle(self, *args, to=None, verify=None, quiet=False, **options):
        progress = Progress(stream=self.stderr._out, quiet=quiet or options["verbosity"] == 0)
        try:
            if verify:
                services.backup_verify(archive=verify, progress=progress)
            elif to in settings.STORAGES:
                services.backup_create(storage_alias=to, progress=progress)
            else:
                services.backup_create(to=Path(to) if to else None, progress=progress)
        except services.BackupError as error:
            raise CommandError(str(error)) from error
        if not quiet:
            self.stdout.write(_("Backup status: %(status)s") % {"status": _status()})


def _status() -> str:
    from backups.selectors import backup_status

    return backup_status().status
