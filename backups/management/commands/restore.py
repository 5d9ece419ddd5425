from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils.translation import gettext as _

from backups import services
from backups.progress import Progress


class Command(BaseCommand):
    help = ("Restores database and media from an archive into an empty database and media folder. The whole "
            "archive is checked first; nothing is changed if anything is wrong with it.")

    def add_arguments(self, parser):
        parser.add_argument("archive", help="A file, or the name of an archive in BACKUP_DIR or BACKUP_STORAGE.")
        parser.add_argument("--force", action="store_true",
                            help="Overwrite a database and media folder that already hold data.")
        parser.add_argument("--quiet", action="store_true", help="No progress, only errors.")

    def handle(self, *args, archive, force=False, quiet=False, **options):
        progress = Progress(stream=self.stderr._out, quiet=quiet or options["verbosity"] == 0)
        try:
            summary = services.backup_restore(archive=archive, force=force, progress=progress)
        except services.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(_("Restored %(archive)s: %(summary)s.") % {"archive": archive, "summary": summary})
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            self.stdout.write(_("The archive is from an older version: run `manage.py migrate` now."))
