"""Site chrome in an article's text: breadcrumbs, related-links and share
labels, advertisement labels, cookie and newsletter notices, and the reader
comment section that a page saved as text (or copied from a browser) carries
with the article.

None of it is the translation's doing, but it must be cut before publishing,
and it must not be checked as article text (a reader's comment is not the
translator's). ``find_chrome`` says which paragraphs are chrome; the reader
leaves them out of the paragraphs that are checked and notes them.

Precision comes first: an ordinary news paragraph must never be chrome. So a
label is chrome only when it is the whole paragraph (a sentence that mentions
"related" or quotes "leave a comment" is text); a breadcrumb only before the
first body paragraph, with short navigation parts; and the comment section
only after the article body, near the end of the page (comments and the
comment form come last on a page). Everything after the start of the comment
section is chrome: the comments themselves, however long."""

from __future__ import annotations

import re

Span = tuple[int, int]

KINDS = ("breadcrumb", "related links", "share", "advertisement", "cookie notice", "newsletter", "tags",
         "comments", "comment form")

LABEL_MAX = 200  # a label, breadcrumb or notice is never longer; a body paragraph may be
BODY_MIN = 150  # a paragraph this long is article body (or a reader's comment), never a label
NEAR_END = 0.6  # the comment section starts after this fraction of the text
HEADER_FROM = 0.25  # ... or after this, when the comment form later confirms it


def _alts(*items: str) -> str:
    return "(?:" + "|".join(items) + ")"


def _whole(*items: str) -> re.Pattern:
    return re.compile(_alts(*items), re.I)


# Labels of site furniture, as the whole paragraph (normalised: lower case,
# bullets and trailing ':' '…' '»' '>' stripped). en, es, fr, de, pt, it, nl.
_RELATED = _whole(
    # en
    r"related(?: news| articles?| stories| content| posts| links| coverage| reading| topics)?",
    r"read (?:more|also|next)(?: (?:news|stories|articles))?", r"also read", r"more to read",
    r"see also", r"more on (?:this|that)(?: (?:story|topic|subject))?", r"more (?:news|stories)(?: from .{1,40})?",
    r"you (?:may|might) (?:also )?(?:like|be interested in)", r"recommended(?: for you| stories| articles)?",
    r"(?:most|the most) (?:read|popular|viewed|shared)(?: (?:news|stories|articles))?", r"trending(?: now| news)?",
    r"editor'?s picks", r"don'?t miss", r"continue reading",
    # es
    r"noticias relacionadas", r"art[ií]culos relacionados", r"contenidos? relacionados?", r"relacionad[oa]s?",
    r"(?:tambi[eé]n )?te (?:puede|podr[ií]a) interesar", r"(?:tambi[eé]n )?le (?:puede|podr[ií]a) interesar",
    r"puede interesarte", r"lee tambi[eé]n", r"lea tambi[eé]n", r"leer m[aá]s", r"lee m[aá]s", r"sigue leyendo",
    r"ver tambi[eé]n", r"m[aá]s noticias", r"lo m[aá]s (?:le[ií]do|visto)", r"temas relacionados",
    # fr
    r"(?:[àa] )?lire aussi", r"(?:[àa] )?lire [ée]galement", r"(?:[àa] )?voir aussi", r"lire la suite",
    r"articles? li[ée]s?", r"articles? connexes?", r"sur le m[êe]me (?:sujet|th[èe]me)", r"dans la m[êe]me rubrique",
    r"les plus lus", r"les articles les plus lus", r"(?:vous aimerez|vous pourriez aimer) aussi", r"[àa] d[ée]couvrir aussi",
    # de
    r"mehr zum thema(?: .{1,40})?", r"das k[öo]nnte (?:sie|dich) auch interessieren", r"lesen sie (?:auch|mehr|weiter)",
    r"lies auch", r"weiterlesen", r"mehr lesen", r"siehe auch", r"(?:verwandte|[äa]hnliche|weitere) artikel",
    r"meistgelesen(?:e artikel)?", r"am meisten gelesen", r"auch interessant", r"zum weiterlesen",
    # pt
    r"not[ií]cias relacionadas", r"artigos relacionados", r"mat[ée]rias relacionadas", r"leia (?:tamb[ée]m|mais)",
    r"veja (?:tamb[ée]m|mais)", r"saiba mais", r"mais lidas", r"voc[êe] (?:pode|poder[áa]) gostar",
    r"(?:tamb[ée]m )?pode interessar(?:-lhe)?",
    # it
    r"leggi (?:anche|pure|di pi[ùu]|altro)", r"articoli correlati", r"notizie correlate", r"(?:ti )?potrebbe interessar(?:e|ti)",
    r"vedi anche", r"i pi[ùu] letti", r"pi[ùu] lett[ie]",
    # nl
    r"lees (?:ook|meer|verder)", r"gerelateerde (?:artikelen|berichten|nieuws)", r"meer over dit onderwerp",
)
# "Read more: <headline>", "Lire aussi : <titre>": the label and the link, in one paragraph.
_RELATED_LINK = re.compile(
    _alts(r"related(?: news| articles?| stories| coverage)?", r"read (?:more|also)", r"also read", r"see also",
          r"more on this(?: story)?", r"noticias relacionadas", r"te puede interesar", r"lee tambi[eé]n",
          r"lea tambi[eé]n", r"ver tambi[eé]n", r"(?:[àa] )?lire aussi", r"(?:[àa] )?lire [ée]galement",
          r"(?:[àa] )?voir aussi", r"mehr zum thema", r"lesen sie auch", r"siehe auch", r"leia tamb[ée]m",
          r"veja tamb[ée]m", r"saiba mais", r"leggi anche", r"vedi anche", r"lees ook")
    + r"\s*[:|»>→–—]\s*\S.*",
    re.I,
)
_SHARE = _whole(
    r"share(?: this| this (?:article|story|post|page)| (?:the )?(?:article|story))?", r"share (?:on|via) \w+",
    r"compartir(?: en \w+)?", r"comparte(?: esta (?:noticia|nota|p[aá]gina)| en \w+)?", r"compartir (?:esta|la) noticia",
    r"partager(?: (?:cet|l')? ?article| sur \w+)?", r"partagez(?: cet article)?",
    r"teilen", r"artikel teilen", r"(?:auf|per) \w+ teilen", r"diesen artikel teilen",
    r"compartilh(?:ar|e)(?: (?:esta|essa) (?:not[ií]cia|mat[ée]ria)| no \w+)?",
    r"condividi(?: (?:questo|l')? ?articolo| su \w+)?", r"delen", r"deel dit artikel",
    r"follow us(?: on \w+)?", r"s[ií]guenos(?: en \w+)?", r"suivez-nous(?: sur \w+)?", r"folgen sie uns(?: auf \w+)?",
    r"folge uns(?: auf \w+)?", r"siga-nos(?: no \w+)?", r"seguici(?: su \w+)?", r"volg ons(?: op \w+)?",
    r"copy link", r"copiar enlace", r"copier le lien", r"link kopieren", r"copiar link", r"copia link",
)
# A row of share buttons: nothing but network names and share words.
_NETWORKS = {"facebook", "twitter", "x", "whatsapp", "telegram", "linkedin", "pinterest", "reddit", "messenger",
             "threads", "bluesky", "mastodon", "flipboard", "tumblr", "xing", "vk", "line", "wechat", "weibo"}
_BUTTONS = _NETWORKS | {"email", "e-mail", "mail", "correo", "print", "imprimir", "imprimer", "drucken", "stampa",
                        "share", "compartir", "partager", "teilen", "compartilhar", "condividi", "tweet",
                        "copy", "link", "enlace", "lien", "sms", "more", "más", "plus", "mehr"}
_ADVERTISEMENT = _whole(
    r"advertisement", r"advertising", r"sponsored(?: content)?", r"paid (?:post|content)", r"scroll to continue",
    r"publicidad", r"anuncio", r"contenido patrocinado", r"patrocinado",
    r"publicit[ée]", r"contenu sponsoris[ée]",
    r"anzeige", r"werbung", r"gesponsert",
    r"publicidade", r"an[úu]ncio", r"conte[úu]do patrocinado",
    r"pubblicit[àa]", r"contenuto sponsorizzato", r"advertentie",
)
# Cookie banners open with the site's use of cookies and ask for consent.
_COOKIE_OPEN = re.compile(
    _alts(r"(?:we|this (?:web)?site) uses? cookies",
          r"(?:utilizamos|usamos) (?:las )?cookies", r"este (?:sitio(?: web)?|portal|site|web) (?:utiliza|usa) cookies",
          r"nous utilisons des (?:cookies|traceurs)", r"ce site utilise des (?:cookies|traceurs)",
          r"(?:wir verwenden|wir nutzen|diese (?:web)?seite verwendet|diese website (?:verwendet|nutzt)) cookies",
          r"(?:utilizamos|usamos) cookies", r"este site (?:utiliza|usa) cookies",
          r"(?:utilizziamo|usiamo) (?:i )?cookie", r"questo sito (?:utilizza|usa) (?:i )?cookie",
          r"wij gebruiken cookies", r"deze (?:web)?site gebruikt cookies")
    + r"\b",
    re.I,
)
_CONSENT = re.compile(r"accept|consent|agree|privacy|polic|experience|continu|brows|acept|consentimiento|privacidad|"
                      r"navega|accepter|consentement|confidentialit|naviga|akzept|zustimm|einverstanden|datenschutz|"
                      r"aceit|privacidade|accett|consenso|privacy|akkoord|toestemming", re.I)
_COOKIE_BUTTON = _whole(r"accept(?: all)?(?: cookies)?", r"reject all(?: cookies)?",
                        r"(?:manage )?cookies?(?: policy| settings| preferences| consent)?", r"manage cookies",
                        r"pol[ií]tica de cookies", r"configuraci[óo]n de cookies", r"politique (?:de|des|relative aux) cookies",
                        r"(?:gestion|param[èe]tres) des cookies", r"cookie-(?:richtlinie|einstellungen)",
                        r"datenschutzeinstellungen", r"(?:informativa|impostazioni) (?:sui |dei )?cookie",
                        r"aceptar(?: todas)?(?: las)?(?: cookies)?", r"accepter(?: et fermer| tout| les cookies)?",
                        r"tout accepter", r"alle akzeptieren", r"akzeptieren", r"aceitar(?: todos)?(?: os)?(?: cookies)?",
                        r"accetta(?: tutti)?(?: i)?(?: cookie)?", r"alles accepteren")
# A newsletter prompt: the bare call ("Subscribe now"), or a call that names the newsletter.
_NEWSLETTER_CALL = _whole(
    r"subscribe(?: now| today| for free| here)?", r"sign up(?: now| today| for free| here)?",
    r"suscr[ií]bete(?: ahora| ya| gratis| aqu[ií])?", r"suscr[ií]base(?: ahora| ya| gratis)?",
    r"abonnez-vous(?: d[èe]s maintenant| gratuitement| ici)?", r"inscrivez-vous(?: gratuitement| ici)?",
    r"(?:jetzt )?abonnieren",
    r"assine(?: j[áa]| agora)?", r"inscreva-se(?: j[áa]| agora| gr[áa]tis)?",
    r"iscriviti(?: ora| gratis| subito)?", r"abbonati(?: ora| subito)?", r"abonneer je(?: nu)?", r"schrijf je in",
)
_NEWSLETTER_OPEN = re.compile(
    r"(?:subscribe|sign up|register|get|receive|suscr[ií]bete|suscr[ií]base|rec[ií]b[ea]|ap[úu]ntate|abonnez-vous|"
    r"inscrivez-vous|recevez|abonnieren|melden sie sich|bestellen sie|assine|inscreva-se|receba|cadastre-se|"
    r"iscriviti|abbonati|ricevi|abonneer je|meld je aan|schrijf je in)\b",
    re.I,
)
_NEWSLETTER_WORD = re.compile(r"newsletter|nieuwsbrief|bolet[ií]n|infolettre|lettre d'information", re.I)
_TAGS = re.compile(
    r"(?:tags?|etiquetas?|mots[- ]cl[ée]s|schlagw[öo]rter|palavras[- ]chave|parole chiave|trefwoorden)\s*:\s*(?P<items>.+)",
    re.I,
)

# The comment section. A header with a count, often with the article's title.
_NUM = r"(?:\d+|one|an?|un|una|uno|une|ein|eine|um|uma|een|zero|no)"
_HEADER_TITLED = re.compile(
    _NUM + r"\s+"
    + _alts(r"thoughts?", r"comments?", r"responses?", r"repl(?:y|ies)", r"reactions?",
            r"comentarios?", r"respuestas?", r"pensamientos?", r"opiniones",
            r"r[ée]flexions?", r"commentaires?", r"r[ée]ponses?", r"avis",
            r"gedanken?", r"kommentare?", r"antworten", r"antwort", r"reaktionen",
            r"pensamentos?", r"coment[áa]rios?", r"respostas?",
            r"pensier[oi]", r"comment[oi]", r"rispost[ae]",
            r"gedachten?", r"reacties?")
    + r"\s+"
    + _alts(r"on", r"to", r"about", r"en", r"a", r"sobre", r"para", r"em", r"sur", r"[àa]", r"zu", r"auf",
            r"su", r"op", r"over", r"de")
    + r"\s*[“\"'‘«„‚»]\s*(?P<title>.+?)\s*[”\"'’»“«‘‹›]\s*",
    re.I,
)
_HEADER = _whole(
    r"\d+ " + _alts(r"comments?", r"responses?", r"repl(?:y|ies)", r"thoughts?", r"comentarios?", r"respuestas?",
                    r"commentaires?", r"r[ée]ponses?", r"r[ée]actions?", r"kommentare?", r"antworten", r"reaktionen",
                    r"coment[áa]rios?", r"respostas?", r"commenti", r"risposte", r"reacties?"),
    _alts(r"comments?", r"reader comments", r"comentarios?", r"commentaires?", r"kommentare", r"leserkommentare",
          r"coment[áa]rios?", r"commenti", r"reacties") + r"(?: \(\d+\))?",
    r"(?:show|view|see|load|read) (?:all )?(?:\d+ )?comments", r"join the (?:conversation|discussion)",
    r"ver (?:los )?comentarios", r"voir (?:les )?commentaires", r"kommentare (?:anzeigen|lesen|ansehen)",
    r"ver coment[áa]rios", r"mostra (?:i )?commenti", r"bekijk reacties",
)
_FORM = _whole(
    r"(?:leave|post|add|write|submit) (?:a|your) (?:comment|reply|response)(?: cancel reply)?(?: to .{1,60})?",
    r"cancel reply", r"post comment", r"submit comment", r"comment \*", r"name \*", r"e-?mail \*",
    r"your email address will not be published\..*", r"required fields are marked \*",
    r"save my name, email, and website in this browser for the next time i comment\.?",
    r"notify me of (?:follow-up comments|new posts|new comments) (?:by|via) e-?mail\.?",
    r"you must be (?:logged in|registered) to (?:post|leave) a comment\.?",
    r"(?:deja|dejar|deja tu|escribe|escribir|a[ñn]adir|a[ñn]ade) (?:un|una|tu|su)? ?(?:comentario|respuesta)(?: cancelar respuesta)?",
    r"cancelar respuesta", r"publicar (?:el )?comentario", r"enviar comentario",
    r"tu (?:direcci[óo]n de )?correo electr[óo]nico no (?:ser[áa]|se) publica(?:da|do|r[áa])\..*",
    r"los campos obligatorios est[áa]n marcados con \*",
    r"(?:laisser|laissez|ajouter|[ée]crire|publier) (?:un|une|votre) (?:commentaire|r[ée]ponse)(?: annuler la r[ée]ponse)?",
    r"annuler la r[ée]ponse", r"votre adresse (?:e-?mail|de messagerie|courriel) ne sera pas publi[ée]e\..*",
    r"les champs obligatoires sont indiqu[ée]s avec \*",
    r"(?:schreibe|schreiben sie|hinterlasse|hinterlassen sie) (?:einen|eine) (?:kommentar|antwort)(?: antworten abbrechen)?",
    r"kommentar (?:verfassen|schreiben|hinzuf[üu]gen|abschicken|absenden)", r"antwort(?:en)? abbrechen",
    r"(?:deine|ihre) e-?mail-?adresse wird nicht ver[öo]ffentlicht\..*", r"erforderliche felder sind mit \* markiert\.?",
    r"(?:deixe|deixar|escreva|adicione) (?:um|uma|o seu|seu|sua) (?:coment[áa]rio|resposta)(?: cancelar resposta)?",
    r"cancelar resposta", r"(?:o )?seu endere[çc]o de e-?mail n[ãa]o ser[áa] publicado\..*",
    r"(?:lascia|scrivi|aggiungi) (?:un|una|il tuo) (?:commento|risposta)(?: annulla risposta)?", r"annulla risposta",
    r"il tuo indirizzo e-?mail non sar[àa] pubblicato\..*",
    r"(?:laat|plaats|geef) een reactie(?: achter)?", r"reactie annuleren",
)
_AKISMET = re.compile(r"\bakismet\b.*\bspam|\bspam\b.*\bakismet\b", re.I)

# Breadcrumbs: navigation parts joined by separators, with spaces around them.
_SEPARATOR = re.compile(r"\s+(?:»|›|>|/|\||→|::)\s+")
_SEPARATOR_QUOTED = re.compile(r"\s+(?:>|/|\||→|::)\s+")  # where » and › close quotations
_HOME = re.compile(
    r"(?:home(?: ?page)?|start(?:seite)?|inicio|portada|p[áa]gina (?:de )?inicio|accueil|page d'accueil|"
    r"in[íi]cio|p[áa]gina inicial|home ?page|pagina iniziale|hem|voorpagina)",
    re.I,
)
_SENTENCE = re.compile(r"[.!?;]\s")
_BYLINE = re.compile(r"(?:by|por|par|von|di|door|de|from)\s", re.I)

_LEAD = re.compile(r"^[\s•·▶►▸>→»›|#*\-–—]+")
_TRAIL = re.compile(r"[\s:：.…!»›>→|\-–—]+$")
_BRACKETS = re.compile(r"^\[(.*)\]$|^\((.*)\)$")


def _norm(s: str) -> str:
    """The paragraph as a label: whitespace collapsed, typographic apostrophes
    plain, bullets before it and ':' '…' '»' after it stripped."""
    s = " ".join(s.split()).replace("’", "'")
    s = _TRAIL.sub("", _LEAD.sub("", s))
    m = _BRACKETS.match(s)  # [Read more], (Advertisement)
    return _TRAIL.sub("", _LEAD.sub("", m.group(1) or m.group(2) or "")) if m else s


def _fold(s: str) -> str:
    return "".join(ch for ch in s.casefold() if ch.isalnum())


def _breadcrumb(p: str) -> bool:
    if len(p) > 4 * LABEL_MAX:
        return False
    s = " ".join(p.split())
    if len(s) > LABEL_MAX:
        return False
    sep = _SEPARATOR
    if "«" in s or "‹" in s:  # guillemets are quotation marks here: » and › close a quotation
        sep = _SEPARATOR_QUOTED
    parts = sep.split(s)
    if len(parts) < 2 or any(not x.strip() for x in parts):
        return False
    nav = parts[:-1]  # the last part may be the headline; the ones before are section names
    if any(len(x) > 40 or len(x.split()) > 4 or re.search(r"\d", x) for x in nav):
        return False  # a headline, a dateline or a dated byline, not navigation
    if _BYLINE.match(nav[0]):
        return False  # "By Jane Doe | Reuters | ...": a byline
    if len(parts) >= 3:
        return True
    # one separator: a home word first ("Home » The US urges…"); not "/", which joins alternatives (Home/Away)
    return bool(_HOME.fullmatch(nav[0].strip())) and "/" not in sep.findall(s)[0]


def _share_row(s: str) -> bool:
    words = [w for w in re.split(r"[\s|·•,/]+", s.casefold()) if w]
    return len(words) >= 2 and all(w in _BUTTONS for w in words) and any(w in _NETWORKS - {"x", "line"} for w in words)


def _tags(s: str) -> bool:
    m = _TAGS.fullmatch(s)
    if not m:
        return False
    items = [x.strip() for x in re.split(r"[,|·•;]", m.group("items"))]
    return all(x and len(x.split()) <= 4 and not _SENTENCE.search(x + " ") for x in items)


def _label(p: str) -> str | None:
    """The kind of furniture a short paragraph is, wherever it stands; None for text."""
    if len(p) > 4 * LABEL_MAX:
        return None
    raw = " ".join(p.split())
    if len(raw) > LABEL_MAX:
        return None
    s = _norm(p)
    if not s:
        return None
    if _RELATED.fullmatch(s) or _RELATED_LINK.fullmatch(s):
        return "related links"
    if _SHARE.fullmatch(s) or _share_row(s):
        return "share"
    if _ADVERTISEMENT.fullmatch(s):
        return "advertisement"
    if (_COOKIE_OPEN.match(s) and (_CONSENT.search(s) or len(s) <= 60)) or _COOKIE_BUTTON.fullmatch(s):
        return "cookie notice"
    if _NEWSLETTER_CALL.fullmatch(s) or (_NEWSLETTER_OPEN.match(s) and _NEWSLETTER_WORD.search(s)):
        return "newsletter"
    if _tags(s):
        return "tags"
    return None


def _comment_marker(p: str) -> str | None:
    """"header" (the comment list begins), "form" (the comment form), or None."""
    if len(p) > 4 * LABEL_MAX:
        return None
    raw = " ".join(p.split())
    if len(raw) > LABEL_MAX:
        return None
    if _AKISMET.search(raw):
        return "form"
    s = _norm(p)
    if _HEADER_TITLED.fullmatch(raw) or _HEADER.fullmatch(s):
        return "header"
    if _FORM.fullmatch(s) or _FORM.fullmatch(raw):
        return "form"
    return None


def _names_article(p: str, titles: set[str]) -> bool:
    """A header "N thoughts on “TITLE”" whose TITLE is a short paragraph before
    it, or the last part of a breadcrumb (``titles``, folded): the comments on
    this article."""
    m = _HEADER_TITLED.fullmatch(" ".join(p.split()))
    if not m:
        return False
    title = _fold(m.group("title"))
    return len(title) >= 8 and title in titles


def find_chrome(text: str, paragraphs: tuple[Span, ...]) -> list[tuple[Span, str]]:
    """(paragraph span, kind) for each paragraph of ``text`` that is site
    chrome, in order. Kinds: see ``KINDS``."""
    paras = [text[s:e] for s, e in paragraphs]
    n = len(paras)
    if n == 0:
        return []
    kinds: dict[int, str] = {}
    for i, p in enumerate(paras):  # breadcrumbs stand above the article body
        if _breadcrumb(p):
            kinds[i] = "breadcrumb"
        elif len(p.strip()) >= BODY_MIN:
            break
    for i, p in enumerate(paras):
        if i not in kinds:
            label = _label(p)
            if label:
                kinds[i] = label
    start = _comment_section(paras, paragraphs, kinds)
    if start is not None:
        for i in range(start, n):
            if i not in kinds:
                kinds[i] = "comment form" if _comment_marker(paras[i]) == "form" else "comments"
    return [(paragraphs[i], kinds[i]) for i in sorted(kinds)]


def _comment_section(paras: list[str], spans, kinds: dict[int, str]) -> int | None:
    """Where the comment section begins: the first comment marker after the
    article body that is near the end of the text, or that names the
    article, or (a count header) that the comment form confirms later."""
    markers = [(i, m) for i, p in enumerate(paras) if (m := _comment_marker(p))]
    if not markers:
        return None
    lo, hi = spans[0][0], spans[-1][1]
    extent = max(hi - lo, 1)

    def at(i: int) -> float:
        return (spans[i][0] - lo) / extent

    body_before = [0]  # body paragraphs before each index
    for j, p in enumerate(paras):
        body_before.append(body_before[-1] + (j not in kinds and len(p.strip()) >= BODY_MIN))
    last_form = max((i for i, m in markers if m == "form" and at(i) >= NEAR_END), default=-1)
    titles: set[str] = set()  # short paragraphs before the marker, folded: the headline is one
    seen = 0
    for i, m in markers:
        body = body_before[i]
        if body < 1:
            continue  # a comment count under the headline, before the article: not the section
        if at(i) >= NEAR_END:
            return i
        if m != "header":
            continue
        for p in paras[seen:i]:
            if len(p) <= 2 * LABEL_MAX:
                titles.update((_fold(p), _fold(_SEPARATOR.split(" ".join(p.split()))[-1])))
        seen = i
        if _names_article(paras[i], titles):
            return i
        if body >= 2 and at(i) >= HEADER_FROM and last_form > i:
            return i
    return None


_PHRASE = {
    "breadcrumb": "a breadcrumb", "related links": "a related-links label", "share": "share buttons",
    "advertisement": "an advertisement label", "cookie notice": "a cookie notice", "newsletter": "a newsletter prompt",
    "tags": "a tag list", "comments": "reader comments", "comment form": "the comment form",
}


def _excerpt(s: str, limit: int = 60) -> str:
    s = " ".join(s.split())
    if len(s) <= limit:
        return s
    cut = s.rfind(" ", 0, limit)
    return s[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def without_chrome(text: str, paragraphs: tuple[Span, ...]):
    """The paragraphs that are article text, and one ``format.boilerplate``
    note per run of consecutive chrome paragraphs (its span: the run's first
    paragraph). When every paragraph would be chrome, nothing is left out."""
    from ..types import Finding

    chrome = dict(find_chrome(text, paragraphs))
    if not chrome or len(chrome) == len(paragraphs):
        return tuple(paragraphs), ()
    runs: list[list[int]] = []
    for i, span in enumerate(paragraphs):
        if span in chrome:
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
    notes = []
    for run in runs:
        first = paragraphs[run[0]]
        what = _and([_PHRASE[k] for k in dict.fromkeys(chrome[paragraphs[i]] for i in run)])
        quoted = f"“{_excerpt(text[first[0]:first[1]])}”"
        if len(run) == 1:
            where, it = quoted, "it"
        else:
            end = " to the end" if run[-1] == len(paragraphs) - 1 else ""
            where, it = f"{len(run)} paragraphs from {quoted}{end}", "them"
        notes.append(Finding(rule="format.boilerplate",
                             message=f"site chrome, not article text: {what}, {where}; "
                                     f"left out of the checks: cut {it} before publishing",
                             mt_span=first))
    return tuple(p for p in paragraphs if p not in chrome), tuple(notes)
