"""Comment sections and their forms: "Leave a reply", "Please enter your comment!",
moderation notices."""

from __future__ import annotations

import re

from .base import TURKISH_I, key, labels, line_filter, pattern, remembered

_LABELS = labels(
    r"comments?|\d+ comments?|no comments(?: yet)?|leave a (?:reply|comment)|post a comment|add a comment",
    r"show comments|view comments|load comments|hide comments|comments are closed|join the (?:discussion|conversation)",
    r"please enter your (?:comment|name here|email address here)|you have entered an incorrect email address.{0,30}",
    r"write a comment|reply|cancel reply|be the first to comment|submit|post comment|sort by.{0,20}",
    r"your email address will not be published.{0,60}|required fields are marked.{0,10}",
    r"share your thoughts(?: with (?:friends|us))?|what do you think|join the debate|have your say",
    r"was meinen sie|diskutieren sie mit|qu'en pensez-vous|¿qué opinas|o que você acha|cosa ne pensi|wat vind jij|co o tym sądzisz|что вы думаете",
    r"ihre e-mail-adresse wird nicht veröffentlicht.{0,60}|votre adresse e-mail ne sera pas publiée.{0,60}",
    r"tu dirección de correo electrónico no será publicada.{0,60}|o seu endereço de e-mail não será publicado.{0,60}",
    r"il tuo indirizzo email non sarà pubblicato.{0,60}|je e-mailadres wordt niet gepubliceerd.{0,60}",
    r"twój adres e-mail nie zostanie opublikowany.{0,60}|alamat email anda tidak akan dipublikasikan.{0,60}",
    r"ваш адрес email не будет опубликован.{0,60}",
    r"kommentare?|kommentar schreiben|kommentieren|commentaires?|laisser un commentaire|réagir",
    r"comentarios?|deja un comentario|comentários?|deixe (?:um|seu) comentário|commenti|commento|lascia un commento",
    r"reacties?|laat een reactie achter|reageer|komentarze?|dodaj komentarz|skomentuj",
    r"komentar|tinggalkan komentar|tulis komentar|комментарии|комментарий|оставить комментарий|комментировать",
    # The blog's header over its comments: "6 thoughts on “Title”", "One response to “Title”".
    r"(?:\d+|one|two|three|ein|eine|une|un|uno|una|um|uma) "
    r"(?:thoughts?|responses?|replies|comments?|gedanken|kommentare?|réflexions?|commentaires?|comentarios?|"
    r"comentários?|pensamentos?|commenti|commento|reacties?|gedachten|komentarz[ey]?|myśli|pemikiran|komentar|"
    r"мысл[иье]й?|комментари[йяев]{1,2}) "
    r"(?:on|to|zu|sur|en|em|sobre|su|op|do|na temat|pada|о|к) [“\"«„‘'].{1,160}",
    r"please enable javascript to view the comments.{0,60}|comments powered by disqus|powered by disqus",
    # Notices that commenting needs an account.
    r"you must be logged in to (?:post a )?(?:comment|reply).{0,40}|(?:log|sign) in to (?:comment|reply|join the discussion)",
    r"sie müssen (?:sich )?(?:einloggen|anmelden|eingeloggt sein|angemeldet sein),? um .{0,60}",
    r"vous devez (?:être connecté|vous connecter) pour .{0,60}|(?:debes|debe) (?:iniciar sesión|estar registrado) para .{0,60}",
    r"você precisa (?:estar logado|fazer login) para .{0,60}|devi (?:essere connesso|effettuare il login) per .{0,60}",
    r"je moet ingelogd zijn om .{0,60}|musisz być zalogowany,? (?:aby|żeby) .{0,60}|вы должны (?:войти|авторизоваться),? чтобы .{0,60}",
)
# A moderation or house-rules notice: it names comments and the rules they must follow.
_COMMENT_WORDS = ("comment", "kommentar", "commentaire", "comentári", "comentario", "comment", "reacti", "komentar", "коммент")
_COMMENT = pattern("|".join(_COMMENT_WORDS), re.IGNORECASE)
_COMMENT_HINTS = _COMMENT_WORDS + TURKISH_I
_RULES = pattern(
    r"moderat|approv|aprovad|aprobad|policy|guidelines|community (?:standards|rules)|house rules|"
    r"regeln|richtlinien|règles|charte|reglas|normas|regras|regole|regels|zasad|regulamin|aturan|правил",
    re.IGNORECASE,
)


@remembered
def _comment_rule(text: str) -> str | None:
    """The rule that takes the line: "label" for a comment section's header, button
    or form text, "moderation" for a notice of the rules comments must follow;
    None for any other line."""
    if _LABELS.matches(key(text)):
        return "label"
    if len(text) > 180 or not any(map(text.casefold().__contains__, _COMMENT_HINTS)):
        return None  # a literal test spares the pattern on lines that name no comment
    if _COMMENT.search(text) is not None and _RULES.search(text) is not None:
        return "moderation"
    return None


def is_comment_furniture(text: str) -> bool:
    return _comment_rule(text) is not None


COMMENTS = line_filter(
    "comments",
    "comment sections and forms: Leave a reply, Please enter your comment!, moderation notices",
    _comment_rule,
    rules=("label", "moderation"),
    max_chars=250,
    examples=(
        "Sie müssen angemeldet sein, um einen Kommentar abzugeben.",
        "Vous devez être connecté pour publier un commentaire.",
        "Leave a reply",
        "Share your thoughts with friends.",
        "What do you think?",
        "Was meinen Sie?",
        "Qu'en pensez-vous ?",
        "Your email address will not be published.",
        "Required fields are marked *",
        "Ihre E-Mail-Adresse wird nicht veröffentlicht.",
        "Please enter your comment!",
        "Comments",
        "12 Comments",
        "ATENÇÃO: Comentários ofensivos não serão aprovados pelo moderador.",
        "Kommentare",
        "Laisser un commentaire",
        "Deja un comentario",
        "Lascia un commento",
        "Dodaj komentarz",
        "Комментарии",
        "6 thoughts on “How to Grow Tomatoes on a Balcony”",
        "One response to “Why the Bridge Closed”",
        "3 Gedanken zu „Warum die Brücke gesperrt wurde“",
        "2 réflexions sur « Pourquoi le pont a fermé »",
        "5 comentarios en «Por qué cerró el puente»",
        "4 commenti su “Perché il ponte è chiuso”",
        "7 reacties op “Waarom de brug dicht is”",
        "3 мысли о “Почему закрыли мост”",
        "Please enable JavaScript to view the comments.",
        "Comments powered by Disqus",
    ),
    counterexamples=(
        "Wer mitreden will, muss sich anmelden, sagte die Moderatorin am Abend.",
        "The minister declined to comment on the report.",
        "Two thoughts on the budget stood out, the economist said.",
        "What do you think will happen, she asked the minister.",
        "Zwei Gedanken zu diesem Plan: Er ist teuer und kommt zu spät.",
        "Comments made by the senator drew criticism from both parties.",
        "The comments section of the site was shut down in 2015 after the paper changed its policy on moderation, the editor wrote in a long post explaining the decision to readers who had used it for years.",
    ),
)
