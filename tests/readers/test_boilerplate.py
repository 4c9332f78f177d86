"""Site chrome in an article's text (readers/boilerplate.py): found, noted as
format.boilerplate, and kept out of the checks."""

import pytest

from mtcheck.readers import read_article, to_article
from mtcheck.readers.base import Body, paragraphs_in
from mtcheck.readers.boilerplate import find_chrome, without_chrome

# A published page saved as text (users' issue; abridged): breadcrumb, headline,
# standfirst, body with a real subheading, a "Related news" widget label, then
# the reader comment section.
SEED = """Home » world » The US urges Russia to seek a diplomatic solution to the Ukrainian crisis

The US urges Russia to seek a diplomatic solution to the Ukrainian crisis

  • Blinken meets with Lavrov and urges him to respect the sovereignty and territorial integrity of the former Soviet republic

The US Secretary of State, Antony Blink, has reiterated this Thursday to Moscow of the “serious consequences“that would have a Russian invasion of Ukraine and has urged you to find a diplomatic departure to the crisis. On this occasion, Blinken has passed the warning directly to its Russian counterpart, Sergei Lavrov, with whom he has met in Stockholm.

The new warning comes a day after Blinken himself, during the meeting of NATO foreign ministers, declared that Washington is prepared to respond decisively, including harsh financial penalties, in the event of a Russian attack.

“No conflict”

Lavrov, for his part, assured that Russia does not want “any conflict” and called on the US to cooperate with Moscow in resolving the crisis.

Related news

Lavrov also showed his misgivings about NATO expansion. “A new expansion of NATO to the east will affect without any harsh the fundamental interests of our security,” he said.

Speaking at the annual OSCE ministerial meeting, Lavrov warned that “the architecture of strategic stability is rapidly crumbling” and accused NATO of refusing to constructively study proposals for de-escalation of the tension and to prevent dangerous incidents.


1 thought on “The US urges Russia to seek a diplomatic solution to the Ukrainian crisis”

  1. great that the focus seems to be no conflict that afects directly the people.
    I always stay afraid of the political cenarium of the world because if it takes a war i prefer to be dead.


Leave a Comment

This site uses Akismet to reduce spam. Learn how your comment data is processed."""


def span_of(text: str, start: str) -> tuple[int, int]:
    """The paragraph span from the text's paragraphs that begins with ``start``."""
    for s, e in paragraphs_in(text):
        if text[s:e].startswith(start):
            return (s, e)
    raise AssertionError(start)


def chrome(text: str) -> list[tuple[str, str]]:
    """(first words, kind) of each chrome paragraph."""
    return [(" ".join(text[s:e].split())[:24], k) for (s, e), k in find_chrome(text, paragraphs_in(text))]


def test_seed_page_chrome_exact():
    found = find_chrome(SEED, paragraphs_in(SEED))
    assert found == [
        (span_of(SEED, "Home » world »"), "breadcrumb"),
        (span_of(SEED, "Related news"), "related links"),
        (span_of(SEED, "1 thought on"), "comments"),
        (span_of(SEED, "1. great that"), "comments"),
        (span_of(SEED, "Leave a Comment"), "comment form"),
        (span_of(SEED, "This site uses Akismet"), "comment form"),
    ]
    assert found[0][0] == (0, 88)
    # the headline, the standfirst and the real subheading are article text
    kept = {sp for sp, _ in found}
    for start in ("The US urges Russia", "• Blinken meets", "“No conflict”", "Lavrov, for his part"):
        assert span_of(SEED, start) not in kept


def test_seed_notes_and_paragraphs():
    art = to_article(Body(SEED, paragraphs_in(SEED)), "seed", "seed.txt")
    assert art.text == SEED  # offsets unchanged
    assert len(art.paragraphs) == len(paragraphs_in(SEED)) - 6
    notes = [n for n in art.notes if n.rule == "format.boilerplate"]
    assert [n.mt_span for n in notes] == [span_of(SEED, "Home »"), span_of(SEED, "Related news"),
                                          span_of(SEED, "1 thought on")]
    assert "breadcrumb" in notes[0].message and "Home » world »" in notes[0].message
    assert "“Related news”" in notes[1].message
    assert "reader comments and the comment form, 4 paragraphs" in notes[2].message
    assert "to the end" in notes[2].message


ARTICLE = {
    "es": ["El Gobierno aprobó este martes el proyecto de ley de presupuestos para el próximo año, que prevé un "
           "aumento del gasto social y una reducción del déficit, según explicó la ministra de Hacienda en rueda de prensa.",
           "La oposición anunció que presentará una enmienda a la totalidad y criticó que el texto no incluya medidas "
           "para la vivienda, una de las principales preocupaciones de los ciudadanos según las encuestas.",
           "El debate en el Congreso comenzará la próxima semana y se espera que la votación final tenga lugar antes "
           "de que termine el mes, aunque el calendario todavía no está cerrado."],
    "fr": ["Le gouvernement a présenté mardi son projet de budget pour l'année prochaine, qui prévoit une hausse des "
           "dépenses sociales et une réduction du déficit, a expliqué le ministre de l'Économie lors d'une conférence de presse.",
           "L'opposition a annoncé qu'elle déposerait une motion de rejet et a critiqué l'absence de mesures pour le "
           "logement, l'une des principales préoccupations des Français selon les sondages.",
           "Le débat à l'Assemblée nationale commencera la semaine prochaine et le vote final devrait avoir lieu avant "
           "la fin du mois, même si le calendrier n'est pas encore arrêté."],
    "de": ["Die Bundesregierung hat am Dienstag ihren Haushaltsentwurf für das kommende Jahr vorgestellt, der höhere "
           "Sozialausgaben und ein geringeres Defizit vorsieht, wie der Finanzminister auf einer Pressekonferenz erklärte.",
           "Die Opposition kündigte an, den Entwurf im Bundestag abzulehnen, und kritisierte, dass der Text keine "
           "Maßnahmen für den Wohnungsbau enthalte, eine der größten Sorgen der Bürger.",
           "Die Beratungen im Bundestag beginnen in der kommenden Woche, die Schlussabstimmung soll noch vor Ende des "
           "Monats stattfinden, auch wenn der Zeitplan noch nicht feststeht."],
}

FLAGGED = {
    "es": ("Inicio › Internacional › El Gobierno aprueba los presupuestos",
           ["Noticias relacionadas", "Te puede interesar:"],
           ["3 comentarios en “El Gobierno aprueba los presupuestos”", "Muy buena noticia, por fin.",
            "Deja un comentario",
            "Tu dirección de correo electrónico no será publicada. Los campos obligatorios están marcados con *",
            "Este sitio usa Akismet para reducir el spam. Aprende cómo se procesan los datos de tus comentarios."]),
    "fr": ("Accueil > Politique > Le gouvernement présente son budget",
           ["Lire aussi : Les feux de forêt ravagent le sud du pays", "À lire aussi", "Partager"],
           ["Une réflexion sur « Le gouvernement présente son budget »", "Enfin une bonne nouvelle !",
            "Laisser un commentaire",
            "Nous utilisons des cookies pour améliorer votre expérience. En poursuivant votre navigation, "
            "vous acceptez leur utilisation."]),
    "de": ("Startseite » Politik » Deutschland",
           ["Mehr zum Thema", "Das könnte Sie auch interessieren", "Anzeige"],
           ["2 Kommentare", "Endlich! Das wurde auch Zeit.", "Schreibe einen Kommentar",
            "Abonnieren Sie unseren Newsletter"]),
}


def page(lang: str) -> str:
    crumb, labels, tail = FLAGGED[lang]
    body = ARTICLE[lang]
    # a label between body paragraphs, the comment section at the end
    parts = [crumb, body[0], labels[0], body[1], *labels[1:], body[2], *tail]
    return "\n\n".join(parts)


@pytest.mark.parametrize("lang", ["es", "fr", "de"])
def test_chrome_flagged_in_other_languages(lang):
    text = page(lang)
    crumb, labels, tail = FLAGGED[lang]
    found = find_chrome(text, paragraphs_in(text))
    got = {text[s:e]: k for (s, e), k in found}
    assert got[crumb] == "breadcrumb"
    for label in labels:
        assert got[label] in ("related links", "share", "advertisement")
    for line in tail:
        assert line in got and got[line] in ("comments", "comment form", "cookie notice", "newsletter")
    assert all(got.get(p) is None for p in ARTICLE[lang])  # the body is text
    assert len(found) == 1 + len(labels) + len(tail)


@pytest.mark.parametrize("line, kind", [
    ("Read more »", "related links"), ("See also:", "related links"), ("Leia também", "related links"),
    ("Leggi anche", "related links"), ("Articles liés", "related links"), ("Notícias relacionadas", "related links"),
    ("Share", "share"), ("Compartir", "share"), ("Teilen", "share"), ("Facebook Twitter WhatsApp Email", "share"),
    ("Advertisement", "advertisement"), ("Publicidad", "advertisement"), ("Publicité", "advertisement"),
    ("We use cookies to give you the best experience on our website. By continuing you agree to our cookie policy.",
     "cookie notice"),
    ("Subscribe to our newsletter", "newsletter"), ("Suscríbete", "newsletter"),
    ("Tags: Russia, Ukraine, NATO, OSCE", "tags"),
])
def test_labels_anywhere(line, kind):
    text = "\n\n".join([ARTICLE["es"][0], line, ARTICLE["es"][1], ARTICLE["es"][2]])
    assert chrome(text) == [(" ".join(line.split())[:24], kind)]


PASS = [
    # ordinary news paragraphs that mention "related", "read more", "share" or cookies
    "The related measures, officials said, will take effect in March, along with the new rules on rents.",
    "Read more about the plan in the government's report, the minister told reporters on Tuesday.",
    "Shares in the company fell 4% after the announcement.",
    "We use cookies from the bakery next door, the café owner joked.",
    # a quotation that says "leave a comment"
    "“Leave a comment,” the site told its readers, before it closed the section for good.",
    # a headline with one separator, and a French headline with guillemets
    "Ukraine » ein Jahr Krieg",
    "Macron : « Nous sommes en guerre » et « nous gagnerons » dit-il",
    # a byline with separators is not a breadcrumb
    "By Jane Doe | Reuters | 3 March 2022",
    # real subheadings
    "“No conflict”", "Reactions", "What comes next",
]


@pytest.mark.parametrize("line", PASS)
def test_article_text_is_not_chrome(line):
    text = "\n\n".join([line, ARTICLE["es"][0], line, ARTICLE["es"][1], line, ARTICLE["es"][2]])
    assert chrome(text) == []


def test_long_paragraph_is_never_a_label():
    long = "Related news: " + ARTICLE["es"][0]
    assert len(long) > 200
    text = "\n\n".join([long, ARTICLE["es"][1]])
    assert chrome(text) == []


def test_comment_phrase_in_the_middle_is_text():
    body = ARTICLE["fr"] + ARTICLE["de"]
    text = "\n\n".join(body[:2] + ["Leave a comment"] + body[2:])
    assert chrome(text) == []


def test_comment_count_under_the_headline_is_not_the_section():
    text = "\n\n".join(["The budget is approved", "12 comments", *ARTICLE["es"], "Leave a Reply"])
    assert chrome(text) == [("Leave a Reply", "comment form")]


def test_long_thread_that_names_the_article():
    # the header names the headline: the comments start there, however long they run
    comments = [f"Comment {i}: " + ARTICLE["de"][i % 3] for i in range(6)]
    text = "\n\n".join(["Der Haushalt steht", *ARTICLE["de"], "6 Gedanken zu „Der Haushalt steht“", *comments])
    kinds = [k for _, k in chrome(text)]
    assert kinds == ["comments"] * 7


def test_all_chrome_is_kept():
    text = "Related news\n\nShare\n\nAdvertisement"
    paragraphs = paragraphs_in(text)
    assert len(find_chrome(text, paragraphs)) == 3
    assert without_chrome(text, paragraphs) == (paragraphs, ())
    art = to_article(Body(text, paragraphs), "x", "x.txt")
    assert art.paragraphs == paragraphs and not art.notes


def test_no_chrome_no_note():
    text = "\n\n".join(ARTICLE["es"])
    art = to_article(Body(text, paragraphs_in(text)), "x", "x.txt")
    assert art.paragraphs == paragraphs_in(text) and not art.notes


COMMENTED = "\n\n".join([
    "The budget is approved",
    "The government approved its budget on Tuesday. The plan raises social spending and cuts the deficit, "
    "the finance minister told a news conference in the capital.",
    "The opposition said it would vote against the bill and criticised the lack of measures for housing, "
    "one of the main worries of voters according to the polls.",
    "The debate in parliament starts next week, and the final vote is expected before the end of the month.",
    "2 thoughts on “The budget is approved”",
    # reader comments, with the errors readers make: not the translator's
    "Jon says: the minister said “ we will cut taxes“and he lied , “said my neighbour",
    "Ana says: this is good news for the people of this country.",
    "Leave a Reply",
    "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
])


def test_chrome_is_out_of_the_checks(tmp_path):
    from mtcheck.pipeline import Options, Session, lint_article

    path = tmp_path / "budget.txt"
    path.write_text(COMMENTED, encoding="utf-8")
    session = Session(Options(use_models=False, tgt_lang="en"))
    result = lint_article(session, read_article(path))
    start = COMMENTED.index("2 thoughts on")
    assert [f.rule for f in result.findings if f.mt_span and f.mt_span[0] >= start] == ["format.boilerplate"]
    notes = [f for f in result.findings if f.rule == "format.boilerplate"]
    assert len(notes) == 1 and notes[0].mt_span[0] == start
    assert notes[0].severity.label == "minor"
    assert "5 paragraphs" in notes[0].message
    # the same comment, as article text, is reported: the test shows the checks would see it
    alone = tmp_path / "comment.txt"
    alone.write_text(COMMENTED.split("\n\n")[5], encoding="utf-8")
    assert any(f.category == "quotes" for f in lint_article(session, read_article(alone)).findings)


def test_a_name_in_a_comment_is_out_of_the_name_checks(tmp_path):
    from mtcheck.pipeline import Options, Session, lint_article

    text = COMMENTED.replace("The government approved", "Antony Blinken said the government approved").replace(
        "this is good news for the people of this country.", "Blink is the name of a film, not of a minister.")
    path = tmp_path / "budget.txt"
    path.write_text(text, encoding="utf-8")
    result = lint_article(Session(Options(use_models=False, tgt_lang="en")), read_article(path))
    start = text.index("2 thoughts on")
    assert [f.rule for f in result.findings if f.mt_span and f.mt_span[0] >= start] == ["format.boilerplate"]


def test_notes_point_at_their_lines_in_markdown(tmp_path):
    from mtcheck.readers.origin import position

    lines = ["Home » world » The budget is approved", "", "# The budget is approved", "",
             *sum(([p, ""] for p in COMMENTED.split("\n\n")[1:4]), []),
             "Related news", "", "The end of the article, which says nothing more than that, officials said."]
    path = tmp_path / "page.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    art = read_article(path)
    notes = [n for n in art.notes if n.rule == "format.boilerplate"]
    assert [position(art.origin, n.mt_span[0]) for n in notes] == [(1, 1), (lines.index("Related news") + 1, 1)]
