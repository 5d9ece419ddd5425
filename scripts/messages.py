#!/usr/bin/env python
"""`make messages`: refresh locale/{de,en,ar} from the sources, compile them, list what needs translating."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")


def main() -> int:
    import django

    django.setup()
    import polib

    from localization import catalogs

    catalogs.catalogs_make()
    catalogs.catalogs_compile()
    for code in catalogs.LANGUAGE_CODES:
        for domain in catalogs.domains():
            path = catalogs.catalog_path(code, domain)
            unfinished = catalogs.unfinished_entries(polib.pofile(str(path)))
            print(f"{path.relative_to(Path.cwd())}: {len(unfinished)} to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
