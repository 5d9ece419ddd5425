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

NETWORK = {
    "name": "Nahbar",
    "tagline": "Menschen finden Arbeit, Wohnung und Gesellschaft – mit Hilfe aus der Nachbarschaft.",
    "hashtag": "Nahbar",
    "brand_colour": "#0b5d56",
    "accent_colour": "#ffbf47",
}
# The tagline above in the site's other languages: language code -> tagline
NETWORK_TAGLINES = {
    "en": "People find work, a home and company – with help from the neighbourhood.",
    "ar": "يجد الناس عملًا وسكنًا وصحبة – بمساعدة من الجيران.",
}
HOME_ASK = "Kennen Sie eine Stelle, eine Wohnung oder haben Sie Zeit? Ein Tipp von Ihnen hilft."
HOME_INTRO = (
    "<p>Hinter jedem Gesuch steht ein Mensch mit einer Geschichte. Kennen Sie einen Betrieb, eine Wohnung "
    "oder haben Sie einfach Zeit? <b>Ein Tipp von Ihnen</b> kann den Unterschied machen.</p>"
)
# (slug, title, intro) of the index pages under the home page
INDEXES = {
    "appeals": ("gesuche", "Alle Gesuche", "Was gerade gebraucht wird, nach Ort, Art und Stichwort."),
    "tandems": ("tandems", "Alle Tandems", "Die Menschen hinter den Gesuchen und ihre Wege."),
}
FEATURED_APPEALS = ["ausbildung-elektro", "weihnachten-linden", "lkw-leipzig", "rollstuhl-gesellschaft"]

# tandem slug -> (story paragraphs, quote, who said it)
STORIES = {
    "amal-und-jonas": (
        ["Amal hat in Aleppo zwölf Jahre als Elektrikerin gearbeitet, meist auf Baustellen für Schulen.",
         "Seit 2023 lebt sie in Köln-Kalk. Jonas hat sie im Sprachcafé kennengelernt; seitdem sortieren die "
         "beiden jeden Dienstag Zeugnisse, Normen und Formulare."],
        "Strom ist überall gleich. Nur die Farben der Kabel sind hier anders.", "Amal"),
    "yonas-und-petra": (
        ["Yonas hat in Asmara und später in Khartum in Hotelküchen gekocht.",
         "Petra führte zwanzig Jahre ein Café in der Bonner Altstadt und kennt fast jede Küche der Stadt."],
        "Wenn Yonas kocht, wird es in der ganzen WG still.", "Petra"),
    "farid-und-lena": (
        ["Farid betreute in Kabul das Netzwerk einer Universität. In Köln macht er eine Umschulung.",
         "Lena übt mit ihm Vorstellungsgespräche und erklärt, was ein Arbeitszeugnis wirklich sagt."],
        "Ich will nicht bei null anfangen, sondern da weitermachen, wo ich war.", "Farid"),
    "mariam-und-ute": (
        ["Mariam hat als Hebamme in Homs gearbeitet. Bis ihr Abschluss anerkannt ist, möchte sie in der Pflege "
         "helfen.", "Ute ist pensionierte Lehrerin und begleitet Mariam zu Ämtern und Terminen."],
        "Mariam hat mehr Geduld als jede Behörde.", "Ute"),
    "samir-und-klaus": (
        ["Samir kam 2019 nach Hannover und fand über ein Praktikum seine Stelle im Lager eines Großhändlers.",
         "Klaus und er spielen weiter jeden Freitag Schach – Klaus verliert meistens."],
        "Der Vertrag war gut. Das erste Gehalt war besser.", "Samir"),
    "olena-und-maik": (
        ["Olena war in Charkiw Verwaltungsleiterin einer Zahnarztpraxis.",
         "Maik ist Zahntechniker und übt mit ihr die Fachbegriffe, die in keinem Sprachkurs vorkommen."],
        "Die Berufsschule ist schwer. Aber ich verstehe jede Woche mehr.", "Olena"),
    "ahmad-und-sabine": (
        ["Ahmad ist fünfzehn Jahre Lkw gefahren, zwischen Damaskus, Amman und Beirut.",
         "Sabine arbeitet bei einer Leipziger Fahrschule und kennt den Weg durch den Führerschein-Umtausch."],
        "Die Straße ist mein Büro. Ich brauche nur den Schlüssel.", "Ahmad"),
    "hevin-und-thomas": (
        ["Hevin hatte in Qamischli einen eigenen kleinen Salon.",
         "Thomas ist Friseurmeister im Ruhestand und hilft ihr, den Deutschkurs abzuschließen."],
        "Haare schneiden kann sie. Jetzt kommt die Grammatik.", "Thomas"),
}

# tandem slug -> [(days ago, status, note)]: the path so far
TIMELINES = {
    "amal-und-jonas": [(200, "searching", "Anerkennungsantrag gestellt"),
                       (40, "interview", "Gespräch bei einem Elektrobetrieb in Porz")],
    "yonas-und-petra": [(120, "searching", "Hygieneschulung bestanden"),
                        (20, "interview", "Probekochen in einem Restaurant in Beuel")],
    "farid-und-lena": [(300, "searching", ""), (60, "internship", "Praktikum im IT-Support eines Kölner Hotels")],
    "samir-und-klaus": [(400, "searching", ""), (330, "internship", "Vier Wochen im Lager"),
                        (250, "job_found", "Fester Vertrag als Lagerist")],
    "olena-und-maik": [(380, "searching", ""), (290, "interview", "Zwei Praxen haben eingeladen"),
                       (210, "apprenticeship", "Ausbildung zur ZFA begonnen")],
    "hevin-und-thomas": [(150, "searching", ""), (30, "paused", "Deutschkurs B1 bis zum Sommer")],
}
