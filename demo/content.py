"""The demo campaign: fictitious organisations and people, in believable German towns."""

TOWNS = {
    "Köln": (50.94, 6.96),
    "Hannover": (52.37, 9.73),
    "Leipzig": (51.34, 12.37),
    "Freiburg im Breisgau": (47.99, 7.85),
    "Bonn": (50.73, 7.10),
}

PARTNERS = [
    {
        "slug": "brueckenbau-koeln",
        "title": "Brückenbau Köln e.V.",
        "short_description": "Ehrenamtliche Mentorinnen und Mentoren begleiten Geflüchtete in Köln und Bonn "
        "bei der Suche nach Ausbildung und Arbeit.",
        "region": "Köln und Bonn",
        "website": "https://brueckenbau.example.org",
        "public_email": "kontakt@brueckenbau.example.org",
        "trusted_to_publish": True,
    },
    {
        "slug": "nachbarschaft-linden",
        "title": "Nachbarschaftshilfe Linden",
        "short_description": "Ein Stadtteilverein in Hannover: Sprachcafé, Patenschaften und Gesellschaft "
        "für alle, die nicht allein sein wollen.",
        "region": "Hannover",
        "website": "https://linden.example.org",
        "public_email": "hallo@linden.example.org",
        "trusted_to_publish": False,
    },
    {
        "slug": "ankommen-leipzig",
        "title": "Ankommen in Leipzig gGmbH",
        "short_description": "Wir bringen Betriebe in Sachsen und neu Angekommene zusammen.",
        "region": "Leipzig und Umland",
        "website": "https://ankommen.example.org",
        "public_email": "team@ankommen.example.org",
        "trusted_to_publish": False,
    },
    {
        "slug": "tuer-auf-freiburg",
        "title": "Tür auf Freiburg",
        "short_description": "Eine Initiative aus Kirchengemeinden und Sportvereinen im Breisgau.",
        "region": "Freiburg und Südbaden",
        "website": "https://tuerauf.example.org",
        "public_email": "info@tuerauf.example.org",
        "trusted_to_publish": False,
    },
]

# (partner slug, slug, names, town, status, summary, skills, occupations, languages)
TANDEMS = [
    ("brueckenbau-koeln", "amal-und-jonas", "Amal & Jonas", "Köln", "searching",
     "Amal war in Aleppo Elektrikerin. Jonas, Ingenieur im Ruhestand, hilft ihr beim Anerkennungsverfahren.",
     ["Elektroinstallation", "Schaltpläne"], ["Elektrikerin"], ["Arabisch", "Deutsch B1"]),
    ("brueckenbau-koeln", "yonas-und-petra", "Yonas & Petra", "Bonn", "interview",
     "Yonas kocht seit zehn Jahren. Petra kennt die Gastronomie in Bonn.",
     ["Kochen", "Hygieneschulung"], ["Koch"], ["Tigrinya", "Englisch", "Deutsch A2"]),
    ("brueckenbau-koeln", "farid-und-lena", "Farid & Lena", "Köln", "internship",
     "Farid hat in Kabul Informatik studiert; Lena arbeitet in einem Kölner Softwarehaus.",
     ["Python", "Netzwerke"], ["Fachinformatiker"], ["Dari", "Englisch", "Deutsch B2"]),
    ("nachbarschaft-linden", "mariam-und-ute", "Mariam & Ute", "Hannover", "searching",
     "Mariam war Hebamme. Ute begleitet sie zu Ämtern und ins Sprachcafé.",
     ["Geburtshilfe", "Pflege"], ["Pflegehelferin"], ["Arabisch", "Französisch"]),
    ("nachbarschaft-linden", "samir-und-klaus", "Samir & Klaus", "Hannover", "job_found",
     "Samir ist Lagerist, seit März mit festem Vertrag. Klaus bleibt sein Schachpartner.",
     ["Gabelstapler", "Lagerlogistik"], ["Lagerist"], ["Kurdisch", "Deutsch B1"]),
    ("ankommen-leipzig", "olena-und-maik", "Olena & Maik", "Leipzig", "apprenticeship",
     "Olena lernt Zahnmedizinische Fachangestellte; Maik übt mit ihr Fachbegriffe.",
     ["Zahnmedizin", "Verwaltung"], ["Zahnmedizinische Fachangestellte"], ["Ukrainisch", "Russisch"]),
    ("ankommen-leipzig", "ahmad-und-sabine", "Ahmad & Sabine", "Leipzig", "searching",
     "Ahmad fährt seit 15 Jahren Lkw. Sabine hilft beim Führerschein-Umtausch.",
     ["Lkw-Führerschein", "Disposition"], ["Berufskraftfahrer"], ["Arabisch", "Persisch"]),
    ("tuer-auf-freiburg", "hevin-und-thomas", "Hevin & Thomas", "Freiburg im Breisgau", "paused",
     "Hevin macht gerade ihren Deutschkurs fertig; danach sucht sie eine Stelle als Friseurin.",
     ["Friseurhandwerk"], ["Friseurin"], ["Kurdisch", "Türkisch"]),
]

# (parent slug, slug, title, category, town, summary, tags); parent is a tandem or partner slug.
APPEALS = [
    ("amal-und-jonas", "ausbildung-elektro", "Ausbildungsplatz als Elektronikerin gesucht", "apprenticeship",
     "Köln", "Ein Elektrobetrieb in Köln, der Amal ab August ausbildet.", ["Handwerk", "Elektro"]),
    ("amal-und-jonas", "praktikum-elektro", "Zwei Wochen Praktikum im Elektrobetrieb", "internship", "Köln",
     "Ein Schnupperpraktikum, damit Amal deutsche Normen kennenlernt.", ["Handwerk"]),
    ("yonas-und-petra", "kochstelle-bonn", "Stelle als Koch in Bonn", "job", "Bonn",
     "Eine Küche, die einen erfahrenen Koch sucht, gern auch Teilzeit.", ["Gastronomie"]),
    ("farid-und-lena", "it-praktikum", "Praktikum in der IT-Administration", "internship", "Köln",
     "Drei Monate Praktikum, um die Umschulung abzuschließen.", ["IT"]),
    ("mariam-und-ute", "pflege-hannover", "Stelle als Pflegehelferin", "job", "Hannover",
     "Eine Klinik oder ein Pflegedienst in Hannover mit Sprachförderung.", ["Pflege"]),
    ("mariam-und-ute", "wohnung-hannover", "Zwei-Zimmer-Wohnung für Mariam und Tochter", "housing", "Hannover",
     "Eine bezahlbare Wohnung in Linden oder Limmer.", ["Wohnen"]),
    ("nachbarschaft-linden", "weihnachten-linden", "Wer feiert Weihnachten mit uns?", "company", "Hannover",
     "Ältere Menschen und Neuangekommene suchen Gesellschaft an den Feiertagen.", ["Gesellschaft"]),
    ("olena-und-maik", "sprachpartner-leipzig", "Sprachpartnerin für Fachdeutsch", "language_practice",
     "Leipzig", "Eine Stunde in der Woche Fachdeutsch üben, gern mit Zahnarzt-Erfahrung.", ["Sprache"]),
    ("ahmad-und-sabine", "lkw-leipzig", "Stelle als Berufskraftfahrer", "job", "Leipzig",
     "Eine Spedition, die Ahmad bei der Anerkennung des Führerscheins unterstützt.", ["Logistik"]),
    ("ankommen-leipzig", "mentoren-leipzig", "Mentorinnen und Mentoren gesucht", "other", "Leipzig",
     "Wer hat zwei Stunden in der Woche, um jemanden beim Ankommen zu begleiten?", ["Ehrenamt"]),
    ("hevin-und-thomas", "friseur-freiburg", "Ausbildung im Friseursalon", "apprenticeship",
     "Freiburg im Breisgau", "Ein Salon in Freiburg, der Hevin ab Herbst ausbildet.", ["Handwerk"]),
    ("tuer-auf-freiburg", "begleitung-freiburg", "Begleitung zu Behördengängen", "other",
     "Freiburg im Breisgau", "Menschen, die Neuangekommene zu Terminen begleiten.", ["Ehrenamt"]),
    ("tuer-auf-freiburg", "rollstuhl-gesellschaft", "Gesellschaft für Herrn K. (Rollstuhl)", "company",
     "Freiburg im Breisgau", "Herr K. sucht jemanden für Spaziergänge; der Weg muss rollstuhlgerecht sein.",
     ["Gesellschaft", "Barrierefrei"]),
]

STAFF_LOGIN = ("staff", "nahbar-demo")
EDITOR_PASSWORD = "nahbar-demo"  # noqa: S105 - demo only; load_demo refuses production settings
