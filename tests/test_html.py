"""Saved HTML pages: detection, encodings, DOM rendering, fallback, metadata,
hostile pages and the command line. Every page here is written by hand."""

from __future__ import annotations

import codecs
import json
import math
import subprocess
import sys

import pytest
from click.testing import CliRunner

from newsclean import clean_bytes
from newsclean.cli import main
from newsclean.detect import BinaryInput, HTMLError, declared_charset, decode_html, looks_like_html
from newsclean import html as nc_html
from newsclean.html import candidates as nc_candidates, markup as nc_markup, readable as nc_readable

# Four paragraphs of an invented report: enough prose for readability to pick the
# article out of a page.
STORY = [
    "The county council voted on Tuesday to rebuild the old ferry landing at Marsh Point, ending a dispute that had run for three winters.",
    "Engineers told the meeting that the timber piles had rotted below the waterline and that the landing could not carry a loaded van much longer.",
    "Residents of the island, who depend on the ferry for groceries and school runs, had asked for a temporary pontoon while the work goes on.",
    "The new landing is to be built of steel and concrete, and the council expects the ferry to run from a temporary berth until the spring.",
]
HEADLINE = "Council agrees to rebuild the Marsh Point ferry landing"


def page(article: str, *, head: str = "", around: str = "", lang: str = "en") -> bytes:
    """A whole page: head, a site menu, the article, a footer."""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{HEADLINE} | The Island Gazette</title>{head}</head>'
        '<body><header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>'
        f'<main><article><h1>{HEADLINE}</h1>{article}</article>{around}</main>'
        '<footer><p>Copyright The Island Gazette. All rights reserved.</p></footer></body></html>'
    ).encode("utf-8")


def story_html() -> str:
    return "".join(f"<p>{p}</p>" for p in STORY)


def clean_page(data: bytes, name: str = "page.html"):
    return clean_bytes(data, name=name)


# ---------------------------------------------------------------- detection


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><p>hello</p>",
        "  <html><body>x</body></html>",
        "<!-- saved --><html lang=en>",
        "<body><p>only a body</p></body>",
        "<div>a</div><div>b</div><p>c</p><span>d</span><a href=x>e</a><br>",
    ],
)
def test_html_is_told_by_its_content(text):
    assert looks_like_html(text)


@pytest.mark.parametrize(
    "text",
    [
        "if x < y > z then the loop stops",
        "The <p> element marks a paragraph, the guide says.\nIt is the most common tag.",
        "a <b> c\nprices went up < 3% > expected",
        "Plain news text about a bridge.",
        "Menu\nSport\nWeather\n" + '<div class="w"><a href="/a">One</a><p>Two</p><span>3</span><br><br></div>',
    ],
)
def test_text_with_angle_brackets_stays_text(text):
    assert not looks_like_html(text)
    assert clean_bytes(text.encode()).meta["input_type"] == "text"


@pytest.mark.parametrize("name", ["a.html", "b.HTM", "c.xhtml", "dir/d.htm"])
def test_html_is_told_by_its_name(name):
    assert looks_like_html("<p>short</p>", name)
    assert clean_bytes(b"<p>A short page with one paragraph of text.</p>", name=name).meta["input_type"] == "html"


def test_input_type_overrides_detection():
    data = b"<html><body><p>The harbour master said the pier will reopen.</p></body></html>"
    assert clean_bytes(data, input_type="text").meta["input_type"] == "text"
    forced = clean_bytes(b"The harbour master said the pier will reopen.", input_type="html")
    assert forced.meta["input_type"] == "html"
    assert forced.text == "The harbour master said the pier will reopen."


def test_a_file_named_html_without_markup_is_cleaned_as_text():
    r = clean_bytes(b"Notes from the meeting.\n\nThe pier will reopen in May.\n", name="notes.html")
    assert r.meta["input_type"] == "text"
    assert "The pier will reopen in May." in r.text


def test_a_binary_file_named_html_is_refused():
    with pytest.raises(BinaryInput):
        clean_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, name="image.html")


# ---------------------------------------------------------------- encodings


def test_a_bom_wins_over_the_meta_charset():
    data = codecs.BOM_UTF8 + '<html><head><meta charset="windows-1251"></head><body><p>Café déjà vu</p></body></html>'.encode("utf-8")
    assert "Café déjà vu" in decode_html(data)


def test_utf16_with_a_bom():
    data = codecs.BOM_UTF16_LE + "<html><body><p>Grüße aus Köln</p></body></html>".encode("utf-16-le")
    r = clean_bytes(data, name="p.html")
    assert r.meta["input_type"] == "html"
    assert r.text == "Grüße aus Köln"


@pytest.mark.parametrize(
    "head",
    [
        '<meta charset="windows-1251">',
        "<meta charset=cp1251>",
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
    ],
)
def test_the_declared_charset_is_used(head):
    data = f"<html><head>{head}</head><body><p>Новости дня</p></body></html>".encode("cp1251")
    assert declared_charset(data) == "cp1251"
    assert clean_bytes(data, name="p.html").text == "Новости дня"


def test_latin1_label_means_windows_1252():
    # \x93 and \x94 are curly quotes in windows-1252, control codes in Latin-1.
    data = b'<html><head><meta charset="iso-8859-1"></head><body><p>\x93Quoted\x94 and caf\xe9</p></body></html>'
    assert clean_bytes(data, name="p.html").text == "“Quoted” and café"


def test_utf8_bytes_under_a_legacy_label_are_read_as_utf8():
    data = '<html><head><meta charset="iso-8859-1"></head><body><p>Café in Zürich</p></body></html>'.encode()
    assert clean_bytes(data, name="p.html").text == "Café in Zürich"


def test_undeclared_pages_are_utf8_then_cp1252():
    assert clean_bytes("<html><body><p>Zürich ☂</p></body></html>".encode(), name="p.html").text == "Zürich ☂"
    assert clean_bytes(b"<html><body><p>Z\xfcrich \x80 5</p></body></html>", name="p.html").text == "Zürich € 5"


def test_xhtml_with_an_xml_declaration():
    data = (b'<?xml version="1.0" encoding="ISO-8859-1"?>\n'
            b'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
            b'<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="fr"><head><title>Menu</title></head>'
            b"<body><p>Caf\xe9 cr\xe8me \x93ici\x94.</p></body></html>")
    r = clean_bytes(data)
    assert r.text == "Café crème “ici”."
    assert 0 <= r.meta.pop("confidence") <= 1
    assert r.meta == {"input_type": "html", "candidate": "scored", "language": "fr", "encoding": "cp1252"}


def test_an_unknown_charset_label_is_ignored():
    data = '<html><head><meta charset="x-no-such-thing"></head><body><p>Ærø</p></body></html>'.encode()
    assert declared_charset(data) is None
    assert clean_bytes(data, name="p.html").text == "Ærø"


# ---------------------------------------------------------------- rendering


def render(fragment: str) -> list[str]:
    from lxml import html

    return nc_html.render(html.fragment_fromstring(fragment, create_parent="div"))


def test_blocks_become_lines():
    lines = render(
        "<h2>Schedule</h2><p>First <b>bold</b> and <a href=x>linked</a> words.</p>"
        "<ul><li>one</li><li>two <em>items</em></li></ul>"
        "<blockquote><p>We will rebuild it.</p></blockquote>"
        "<table><tr><th>Day</th><th>Sailings</th></tr><tr><td>Monday</td><td>4</td></tr></table>"
        "<p>Line one<br>line two</p><pre>a  b\nc</pre>"
    )
    assert lines == [
        "Schedule",
        "First bold and linked words.",
        "* one",
        "* two items",
        "We will rebuild it.",
        "Day | Sailings",
        "Monday | 4",
        "Line one",
        "line two",
        "a  b",
        "c",
    ]


def test_custom_elements_run_on_in_the_line():
    lines = render("<p>The survey found it common (<source-note><a href=/s>1</a></source-note>).</p>"
                   "<story-body><p>First.</p><p>Second.</p></story-body>")
    assert lines == ["The survey found it common (1).", "First.", "Second."]


def test_text_around_inline_elements_keeps_its_spaces():
    assert render("<p>The <i>Marsh</i> Point <span>landing</span>, rebuilt.</p>") == ["The Marsh Point landing, rebuilt."]
    assert render('<p>Ferries <img src=e.png alt=""> run again.</p>') == ["Ferries run again."]


def test_a_part_of_the_page_has_the_lines_that_start_inside_it():
    from lxml import html

    from newsclean.html.rendering import DetailedLines

    root = html.fragment_fromstring(
        "<div id=a><p>First <b>bold</b> words.</p><p>Second.</p></div>after the box"
        "<div id=b><h2>Teasers</h2><ul><li>one</li><li>two</li></ul></div>", create_parent="div")
    page = DetailedLines()
    nc_html.render(root, page)
    a, b = root.xpath("//div[@id='a']")[0], root.xpath("//div[@id='b']")[0]
    assert page.within([a]).lines == nc_html.render(a) == ["First bold words.", "Second."]
    assert page.within([b]).lines == ["Teasers", "* one", "* two"]
    # The text after a box is the box's parent's, not the box's.
    assert "after the box" in page.lines and page.within([a, b]).lines == page.within([a]).lines + page.within([b]).lines


def prune_and_render(fragment: str) -> list[str]:
    from lxml import html

    root = html.document_fromstring(f"<html><body>{fragment}</body></html>")
    body = root.find("body")
    nc_html.prune(body)
    return nc_html.render(body)


@pytest.mark.parametrize(
    "junk",
    [
        "<figure><img src=a.jpg><figcaption>The landing at low tide. Photo: J. Smith</figcaption></figure>",
        "<p>before <figcaption>A caption on its own</figcaption></p>",
        "<div hidden>Hidden by attribute</div>",
        '<div aria-hidden="true">Hidden from readers</div>',
        '<div style="color: red; display:none">Hidden by style</div>',
        '<span style="visibility: hidden">Invisible</span>',
        "<script>var tracking = 'Hidden script text';</script>",
        "<style>.x { content: 'Hidden style' }</style>",
        "<noscript>Please enable JavaScript</noscript>",
        "<form><label>Email</label><p>Get our daily briefing</p><button>Sign up</button></form>",
        "<nav><a href=/a>World</a> <a href=/b>Business</a></nav>",
        "<aside><p>Most read this week</p></aside>",
        "<header><span>Transport</span><p>Sidebar kicker and byline</p></header>",
        "<iframe src=https://example.org/player>Video</iframe>",
        '<div class="ad-slot">Advertisement</div>',
        '<div class="adSlotTop">Anzeige</div>',
        '<div id="werbung-oben">Werbung</div>',
        '<div class="share-bar"><a href=#>Facebook</a><a href=#>X</a></div>',
        '<div class="newsletter-box"><p>The morning briefing, free in your inbox</p></div>',
        '<section class="related-stories"><h3>More on this</h3><p>Ferry fares to rise</p></section>',
        '<div role="complementary"><p>Sidebar text</p></div>',
        '<span class="sr-only">Opens in a new window</span>',
        '<ul><li><a href=/1>Ferry fares to rise in May</a></li><li><a href=/2>School bus timetable changes</a></li><li><a href=/3>New harbour master named</a></li></ul>',
        '<div class="taxonomy"><a href=/t/1>Ferry fares</a> <a href=/t/2>Harbour</a> <a href=/t/3>Council</a></div>',
        '<div class="jp-relatedposts"><p>You may also like: Ferry fares to rise</p></div>',
        '<div class="author-bio"><p>Sidebar writer Ann Smith covers the islands and has worked at the paper since 2001.</p></div>',
    ],
)
def test_furniture_is_dropped(junk):
    lines = prune_and_render(f"<p>The ferry runs twice a day.</p>{junk}<p>The landing opens in May.</p>")
    assert lines[0].startswith("The ferry runs twice a day.")
    assert lines[-1] == "The landing opens in May."
    assert not any(w in " ".join(lines) for w in ("Hidden", "Advertisement", "Anzeige", "Werbung", "Facebook",
                                                     "briefing", "Ferry fares", "Sidebar", "Opens in", "Photo",
                                                     "caption", "World", "Most read", "Video", "JavaScript", "Invisible"))


@pytest.mark.parametrize(
    "kept",
    [
        '<div class="header-note"><p>The landing was built in 1908.</p></div>',
        '<div class="shadow-box"><p>The landing was built in 1908.</p></div>',
        '<div class="download-area"><p>The landing was built in 1908.</p></div>',
        '<div class="hidden-xs"><p>The landing was built in 1908.</p></div>',
        '<div class="commentary-intro"><p>The landing was built in 1908.</p></div>',
        '<ul><li>The landing was built in 1908.</li><li>It was last repaired in 1975.</li><li>Its piles are <a href=/t>timber</a>.</li></ul>',
        '<p>The landing was built in 1908. Builders: <a href=/a>the harbour board</a>, rebuilt by <a href=/b>the council</a> '
        'and repaired by <a href=/c>the navy</a>.</p>',
        '<p>The landing was built in 1908. <span class="rollover"><a href=/a>A</a> <a href=/b>B</a> <a href=/c>C</a></span></p>',
    ],
)
def test_lookalike_classes_are_kept(kept):
    assert "The landing was built in 1908." in " ".join(prune_and_render(kept))


def test_marked_links_and_spans_inside_a_sentence_are_kept():
    sentence = ('<p>On <span class="date">Monday</span>, the council <a class="related-link" href=/r>approved the plan</a>'
                ' and <span class="ad-free">paid</span> for it.</p>')
    assert prune_and_render(sentence) == ["On Monday, the council approved the plan and paid for it."]


def test_a_hover_card_inside_a_sentence_goes_and_the_name_stays():
    card = ('<span class="rollover-block"><a href=/p/1>Ann Smith</a> <a class="promo" href=/a/1>'
            + "Council to vote on the harbour budget next week after months of delay, " * 3 + "</a></span>")
    sentence = (f'<p>The plan came from Cllr. <span class="rollover-people"><a class="rollover-link" href=/p/1>Ann Smith</a>'
                f'{card}</span> (Harbour ward), who spoke first.</p>')
    assert prune_and_render(sentence) == ["The plan came from Cllr. Ann Smith (Harbour ward), who spoke first."]


def test_an_article_hidden_until_read_more_is_kept():
    lines = prune_and_render(f'<p>The ferry runs twice a day.</p><div class="hidden">{story_html()}</div>')
    assert lines[1:] == STORY


def test_a_rubys_reading_is_left_out_of_the_text():
    # Furigana: each word's reading in kana sits over it in <rt>, in brackets (<rp>)
    # where ruby is not shown.
    ruby = "<p><ruby>港<rp>(</rp><rt>みなと</rt><rp>)</rp></ruby>の<ruby>工事<rt>こうじ</rt></ruby>は来月に終わります。</p>"
    r = clean_page(page(story_html() + ruby))
    assert r.paragraphs[-1] == "港の工事は来月に終わります。"


def test_a_page_whose_text_stands_in_noscript_keeps_it():
    # A page built by scripts, its whole text given again for readers without them.
    data = (f"<html><head><title>{HEADLINE}</title></head><body><div id=app></div>"
            f"<noscript><div><h1>{HEADLINE}</h1>{story_html()}</div></noscript></body></html>").encode()
    assert list(clean_page(data).paragraphs) == STORY


def test_a_noscript_notice_beside_the_article_goes():
    r = clean_page(page(story_html(), around="<noscript><p>Please turn on JavaScript to see the comments.</p></noscript>"))
    assert list(r.paragraphs) == STORY


def test_an_articles_own_header_is_kept_and_the_pages_banner_goes():
    standfirst = "Work on the new landing starts in April and the ferry keeps a temporary berth until then."
    lines = prune_and_render(f"<header><a href=/>Home</a> <a href=/news>News</a></header>"
                             f"<article><header><p>{standfirst}</p></header><p>The landing opens in May.</p></article>")
    assert lines == [standfirst, "The landing opens in May."]


def test_a_marked_wrapper_holding_prose_is_kept():
    # An article body whose class happens to contain a marker word.
    lines = prune_and_render(f'<div class="article-body pagination-first share-enabled">{story_html()}</div>')
    assert lines == STORY


def test_an_article_laid_out_by_a_page_builder_is_kept():
    # Page builders and blog engines put every paragraph of the article in a
    # "widget" of its own, with generated hex ids that can hold "ad".
    blocks = "".join(
        f'<div class="builder-widget builder-widget-text builder-element-{n}a{n}d0ad"><p>{p}</p></div>'
        for n, p in enumerate(STORY, 1))
    page_bytes = page(f'<div class="builder-section builder-element-9ad41c0">{blocks}</div>')
    assert clean_bytes(page_bytes).paragraphs == tuple(STORY)


def test_the_part_of_the_article_for_subscribers_is_kept():
    # "subscriber" names the readers the rest of the article is for, not a sign-up box.
    opening = "".join(f"<p>{p}</p>" for p in STORY[:3])
    lines = prune_and_render(f'{opening}<div class="subscriber-content"><p>{STORY[3]}</p></div>'
                             '<div class="subscribe-box"><p>Subscribe for the full story</p></div>')
    assert lines == STORY


def test_text_in_a_figure_inside_the_article_is_kept():
    # A figure holds a chart and its reading as often as a photo and its credit.
    reading = ("The chart shows ferry crossings by month since 2019: the landing carried twice as many vans "
               "in the summer of 2024 as it did five years before.")
    lines = prune_and_render(f'{story_html()}<figure><img src="chart.png"><p>{reading}</p></figure>')
    assert lines[:4] == STORY and reading in lines


def test_an_article_streamed_into_a_hidden_element_is_kept():
    # Pages rendered by script send the content hidden and show it once loaded.
    streamed = f'<div id="app"><p>Loading…</p></div><div hidden id="chunk-3">{story_html()}</div>'
    assert clean_bytes(page(streamed)).paragraphs[-4:] == tuple(STORY)


def test_a_hidden_dialog_beside_a_shown_article_goes():
    dialog = ("<div hidden><p>We and our partners store and read cookies on your device to measure how the site "
              "is used and to show you advertising that fits your interests, if you agree.</p></div>")
    assert clean_bytes(page(story_html() + dialog)).paragraphs == tuple(STORY)


def test_a_quoted_post_in_a_social_embed_is_kept():
    lines = prune_and_render(
        '<p>The mayor replied online.</p><div class="social-media-embed"><blockquote class="post">'
        "<p>We will have the landing open by spring.</p></blockquote></div>"
    )
    assert "We will have the landing open by spring." in lines


def test_a_reply_quoting_a_passage_in_the_comments_goes():
    # The guard for quoted posts is for social embeds; a comment that quotes the
    # article, or another comment, is still a comment.
    reply = ('<div class="comment-body"><p>Hi Sam, you asked about the pontoon.</p><blockquote><p>Residents had '
             "asked for a temporary pontoon.</p></blockquote><p>It is on the agenda for the next meeting, and we "
             "will write about it then.</p></div>")
    lines = prune_and_render(story_html() + reply)
    assert lines == STORY


# ---------------------------------------------------------------- the whole page


# A forum thread: the question and the replies, each in a box its site names
# "comment", are the page's text.
THREAD = [
    ("ferryfan", "Does anyone know whether the Marsh Point ferry still takes bicycles while the landing is rebuilt? I could not find it on the timetable."),
    ("islander", "It does, but only on the early crossings. The temporary berth is too narrow for the cycle rack in the afternoon."),
    ("ferryfan", "Thanks, that helps. I will take the seven o'clock boat on Saturday and ride the rest of the way."),
    ("harbourwatch", "The council said the new landing should open in the spring, so the cycle rack will be back for the summer."),
]


def thread_html(posts=THREAD) -> str:
    return "".join(f'<div class="comment"><div class="comment-author">{who}</div><div class="comment-body">{text}</div></div>'
                   for who, text in posts)


def test_a_thread_of_posts_named_comments_is_the_pages_text():
    data = (f'<html><body><nav><a href="/">Forum</a> <a href="/ferries">Ferries</a></nav><h1>Bicycles on the ferry</h1>'
            f'<div class="thread">{thread_html()}</div><footer>Island Forum</footer></body></html>').encode()
    text = clean_page(data).text
    assert all(post in text for _, post in THREAD)


def test_the_comments_under_an_article_go_however_long():
    comments = f'<section class="comments"><h2>Comments</h2>{thread_html(THREAD * 3)}</section>'
    r = clean_page(page(story_html(), around=comments))
    assert all(p in r.text for p in STORY)
    assert not any(post in r.text for _, post in THREAD)


def test_a_title_never_closed_does_not_swallow_the_page():
    # A damaged "</title>" leaves the rest of the page inside the title, as text.
    data = page(story_html()).replace(b"| The Island Gazette</title>", b"| The Island Gaz</titl")
    r = clean_page(data)
    assert r.title == HEADLINE
    assert all(p in r.text for p in STORY)


def test_a_page_gives_its_article_and_headline():
    around = '<aside class="most-read"><h2>Most read</h2><ol><li><a href=/x>Fish market closes</a></li></ol></aside>'
    body = (story_html() + '<div class="ad-container"><span>Advertisement</span></div>'
            '<figure><img src=a.jpg><figcaption>The old landing. Photo: Island Gazette</figcaption></figure>')
    r = clean_page(page(body, around=around))
    assert r.title == HEADLINE
    assert list(r.paragraphs) == STORY
    assert r.meta["input_type"] == "html"


def test_the_headline_falls_back_to_the_page_title_without_the_site_name():
    data = (f"<html><head><title>{HEADLINE} | The Island Gazette</title></head><body>"
            f"<div>{story_html()}</div></body></html>").encode()
    r = clean_page(data)
    assert r.title == HEADLINE
    assert list(r.paragraphs) == STORY


def test_a_short_page_keeps_its_sentences():
    data = (b"<html><body><div class=menu><a href=/>Home</a></div>"
            b"<div class=body><p>The ferry is cancelled today.</p><p>Sailings resume tomorrow.</p></div></body></html>")
    r = clean_page(data)
    assert list(r.paragraphs) == ["The ferry is cancelled today.", "Sailings resume tomorrow."]


TEASERS_BODY = "".join(f'<p><a href="/{i}">Harbour notice number {i}</a> and more words after it.</p>' for i in range(4))


# Pages that walk through the steps readable.py does itself: divs with and
# without blocks under them (a <picture>, a <pre>, an <img> deep down), inline
# runs between blocks, text and tails in a div, links in a paragraph, white space
# of every kind (a tab, double spaces, line breaks, a run past 255 characters).
READABLE_PAGES = [
    f"<html><body><div id=story>{story_html()}</div><div class=more>{TEASERS_BODY}</div></body></html>",
    "<html><body><div><div>Lead text\n\n  in a div, \t with a tab.</div>"
    + "".join(f"<div><span>{p}</span> tail  text <b>bold</b>\n<br>after a break</div>" for p in STORY)
    + "<div><a href=/a>one link</a> <a href=/b>two  links</a></div></div></body></html>",
    "<html><body><div><div><picture><img src=a.jpg></picture>" + STORY[0] + "</div>"
    + "<div><span><pre>code  block</pre></span>" + STORY[1] + "</div>"
    + "<div><em><img src=b.jpg></em>" + STORY[2] + "</div>"
    + "<div><p>" + STORY[3] + " <a href=/x>" + "word " * 60 + "</a></p></div></div></body></html>",
    "<html><body><article><div>" + STORY[0] + " " * 300 + "\n" + STORY[1] + "</div><div>" + "\u00a0 " * 200
    + STORY[2] + "</div><p>" + STORY[3] + "\t\t" + "<a href=/y>\n\n</a></p></article></body></html>",
    "<html><body><div class=sidebar><p>" + STORY[0] + "</p></div><div class='sidebar column'><p>" + STORY[1]
    + "</p></div><div class=sidebar><pre>" + STORY[2] + "</pre></div><div class=sidebar><article><p>" + STORY[3]
    + "</p></article></div><div class=menu><p>" + STORY[0] + "</p></div></body></html>",
]


@pytest.mark.parametrize("markup", READABLE_PAGES, ids=["teasers", "inline runs", "blocks deep down", "white space", "unlikely boxes"])
def test_readable_steps_match_readabilitys_own(markup):
    from readability import Document

    class Own(Document):  # readability's every step; the tree is copied as readable.py copies it
        def _parse(self, input):
            import copy
            return copy.deepcopy(input)

    from readability.readability import clean

    root = nc_markup.parse(markup)
    texts = [el.text_content() for el in root.iter()]
    assert [nc_readable.clean(t) for t in texts] == [clean(t) for t in texts]
    ours = nc_readable.document_class()(root).summary(html_partial=True)
    assert ours == Own(root).summary(html_partial=True)
    assert "<p>" in ours  # the steps ran: divs became paragraphs

    # Step by step, on the tree each step leaves.
    from lxml import etree

    docs = [nc_readable.document_class()(root), Own(root)]
    for doc in docs:
        doc._html(True)
    for step in ("remove_unlikely_candidates", "transform_misused_divs_into_paragraphs"):
        for doc in docs:
            getattr(doc, step)()
        assert etree.tostring(docs[0].html) == etree.tostring(docs[1].html), step
    scores = [[(etree.tostring(el), c["content_score"]) for el, c in doc.score_paragraphs().items()] for doc in docs]
    assert scores[0] == scores[1]


TEASERS = "<div class=more>" + "".join(f'<p><a href="/{i}">Harbour notice number {i}</a></p>' for i in range(3)) + "</div>"


def test_the_block_scorer_keeps_the_article_and_drops_the_links_beside_it():
    data = f"<html><head><title>{HEADLINE}</title></head><body><div>{story_html()}</div>{TEASERS}</body></html>".encode()
    result = clean_page(data)
    assert list(result.paragraphs) == STORY and result.candidate == "scored"
    assert [(r.text, r.rule) for r in result.removed] == [(f"Harbour notice number {i}", "extract.score") for i in range(3)]


SIGNATORIES = "<div id=names><ul>" + "".join(
    f"<li>{n}</li>" for n in ("Ann Hart", "Tom Reilly", "Maria Okafor", "Jens Lund", "Priya Nair", "Luis Ortega")) + "</ul></div>"
IMPRINT = "<div id=imprint><p>The Island Gazette, Marsh Point.</p></div>"
NOTICES = "<div id=box>" + "".join(f"<h3>Berth {i} on the east quay closed until Friday</h3>" for i in range(8)) + "</div>"
WRONG_PICKS = [(SIGNATORIES, "//div[@id='names']"), (IMPRINT, "//div[@id='imprint']"), (NOTICES, "//div[@id='box']")]
WRONG_IDS = ["a list of names", "the publisher's footer", "a box of teasers"]


@pytest.mark.parametrize("box, pick", WRONG_PICKS, ids=WRONG_IDS)
def test_a_wrong_pick_beside_the_article_does_not_lose_it(monkeypatch, box, pick):
    # readability taking a box beside the article: the block scorer reads every
    # line of the page, and the article's prose stays.
    data = f"<html><head><title>{HEADLINE}</title></head><body><div>{story_html()}</div>{box}</body></html>".encode()
    monkeypatch.setattr(nc_readable, "pick", lambda root: root.xpath(pick))
    result = clean_page(data)
    assert all(p in result.paragraphs for p in STORY) and result.candidate == "scored"


# Where the block scorer keeps no line, the choice falls to the other candidates.

@pytest.fixture
def no_scored_lines(monkeypatch):
    monkeypatch.setattr(nc_candidates, "scored", lambda c, p: nc_candidates.Candidate([], nc_candidates.Lines()))


def test_the_fallback_picks_the_block_with_the_most_text(monkeypatch, no_scored_lines):
    monkeypatch.setattr(nc_readable, "pick", lambda root: [])
    data = ("<html><body><div><a href=/a>Home</a> <a href=/b>Weather</a></div>"
            f"<div>{story_html()}</div><div><p>Short note.</p></div></body></html>").encode()
    result = clean_page(data)
    assert list(result.paragraphs) == STORY and result.candidate == "block"


@pytest.mark.parametrize("box, pick", WRONG_PICKS, ids=WRONG_IDS)
def test_a_wrong_pick_gives_way_to_a_candidate_holding_the_article(monkeypatch, no_scored_lines, box, pick):
    # Our block, or the whole page cleaned as text (where the box may stay beside
    # the article), never the box alone.
    data = f"<html><head><title>{HEADLINE}</title></head><body><div>{story_html()}</div>{box}</body></html>".encode()
    monkeypatch.setattr(nc_readable, "pick", lambda root: root.xpath(pick))
    result = clean_page(data)
    kept = list(result.paragraphs)
    assert result.candidate in ("block", "page") and STORY == kept[kept.index(STORY[0]):][:len(STORY)]


def test_a_pick_holding_the_article_is_kept_over_a_bigger_block(monkeypatch, no_scored_lines):
    # Our block holds the article and more prose besides (comments): readability's
    # pick, the article alone, is kept.
    comments = "".join(f"<p>{p}</p>" for p in STORY)
    data = f"<html><body><div><div id=story>{story_html()}</div>{comments}{comments}</div></body></html>".encode()
    monkeypatch.setattr(nc_readable, "pick", lambda root: root.xpath("//div[@id='story']"))
    result = clean_page(data)
    assert list(result.paragraphs) == STORY and result.candidate == "readability"


def test_a_pick_holding_little_of_the_pages_prose_gives_way_to_the_whole_page(monkeypatch, no_scored_lines):
    note = "<div id=note><p>Ann Hart writes for us.</p></div>"
    data = f"<html><body><div>{story_html()}</div>{note}</body></html>".encode()
    # Both picks take the author's note: the whole page, cleaned as text, keeps the article.
    monkeypatch.setattr(nc_readable, "pick", lambda root: root.xpath("//div[@id='note']"))
    monkeypatch.setattr(nc_candidates, "best_block", lambda body: body.xpath("//div[@id='note']")[0])
    # The fitted share is data: the note holds far under the tenth of the page's prose set here.
    monkeypatch.setattr(nc_candidates, "_PARAMS", nc_candidates.params()._replace(whole_page_share=0.1))
    result = clean_page(data)
    assert all(sentence in result.paragraphs for sentence in STORY) and result.candidate == "page"


# ---------------------------------------------------------------- confidence

ARCHIVE_ONLY = f"<html><head><title>{HEADLINE}</title></head><body><div><p>Archive</p></div></body></html>".encode()


def test_the_fitted_confidence_is_higher_for_an_article_than_for_a_word():
    assert clean_page(page(story_html())).confidence > clean_page(ARCHIVE_ONLY).confidence


@pytest.fixture
def doubting_short_texts(monkeypatch):
    """A confidence model that doubts a text of under 50 characters of prose."""
    monkeypatch.setattr(nc_html, "confidence", lambda values, p: 0.2 if values[0] < math.log1p(50) else 0.9)


def test_a_page_of_low_confidence_is_uncertain_and_kept(doubting_short_texts):
    result = clean_page(ARCHIVE_ONLY)
    assert result.paragraphs == ("Archive",)
    assert result.status == "uncertain" and result.confidence == 0.2
    assert clean_page(page(story_html())).status == "ok"


def test_a_page_of_which_only_the_headline_is_found_is_uncertain():
    data = page("", around='<div class="related"><a href="/1">Ferry fares to rise</a></div>')
    result = clean_page(data)
    assert result.paragraphs == () and result.title == HEADLINE
    assert result.status == "uncertain"
    run = CliRunner().invoke(main, ["-", "--format", "json"], input=data)
    assert json.loads(run.stdout)["reason"].startswith("only the headline was found")


def test_the_command_writes_an_uncertain_page_names_it_and_counts_it(tmp_path, doubting_short_texts):
    src = tmp_path / "in"
    src.mkdir()
    (src / "archive.html").write_bytes(ARCHIVE_ONLY)
    (src / "story.html").write_bytes(page(story_html()))
    out = tmp_path / "out"
    run = CliRunner().invoke(main, [str(src), "-o", str(out), "--format", "json", "-j", "1"])
    assert run.exit_code == 0
    written = json.loads((out / "archive.json").read_text())
    assert written["status"] == "uncertain" and written["text"] == "Archive" and written["confidence"] == 0.2
    assert "may not be the article" in written["reason"]
    assert f"newsclean: {src / 'archive.html'}: uncertain: the text taken ({written['candidate']}) may not be the article" in run.stderr
    assert "2 documents: 1 ok, 1 uncertain, 0 empty, 0 skipped, 0 failed" in run.stderr


def test_a_listing_page_is_not_empty():
    items = "".join(f"<li><h3>Harbour notice {i}</h3><p>Berth {i} is closed for repairs until Friday.</p></li>" for i in range(1, 4))
    r = clean_page(f"<html><body><h1>Harbour notices</h1><ul>{items}</ul></body></html>".encode())
    assert r.title == "Harbour notices"
    assert "Berth 2 is closed for repairs until Friday." in r.paragraphs


# ---------------------------------------------------------------- what the extraction dropped

SHARE_BAR = '<div class="share-tools"><a href="/fb">Facebook</a> <a href="/x">X</a> <a href="/mail">Email</a></div>'


def test_what_the_extraction_drops_is_recorded_with_its_rule_and_markup_line():
    data = page(story_html() + SHARE_BAR, around='<span hidden>Skip to the weather</span>')
    result = clean_page(data)
    assert list(result.paragraphs) == STORY
    dropped = {(r.text, r.rule) for r in result.removed if r.filter == "extract"}
    assert {("Home News Sport", "extract.header"), ("Facebook X Email", "extract.share"),
            ("Skip to the weather", "extract.hidden"),
            ("Copyright The Island Gazette. All rights reserved.", "extract.footer")} <= dropped
    # The page is one line of markup: every removal stands on it.
    assert {r.line for r in result.removed} == {1}


def test_removals_on_a_page_are_numbered_by_the_line_of_markup_they_start_on():
    paragraphs = "\n".join(f"<p>{p}</p>" for p in STORY)
    data = (f"<html>\n<body>\n<nav><a href=/>Home</a> <a href=/n>News</a></nav>\n<article>\n{paragraphs}\n"
            "<p>Advertisement</p>\n</article>\n</body>\n</html>\n").encode()
    removed = {r.text: (r.line, r.rule) for r in clean_page(data).removed}
    assert removed["Home News"] == (3, "extract.nav")
    assert removed["Advertisement"] == (9, "ads.label")


def test_text_beside_the_pick_is_recorded_as_outside(monkeypatch, no_scored_lines):
    data = f"<html><body><div id=story>{story_html()}</div>{TEASERS}</body></html>".encode()
    monkeypatch.setattr(nc_readable, "pick", lambda root: root.xpath("//div[@id='story']"))
    result = clean_page(data)
    assert list(result.paragraphs) == STORY and result.candidate == "readability"
    assert [(r.text, r.rule) for r in result.removed] == [(f"Harbour notice number {i}", "extract.outside") for i in range(3)]


def test_explain_shows_what_the_extraction_dropped_on_a_page(tmp_path):
    path = tmp_path / "story.html"
    path.write_bytes(page(story_html() + SHARE_BAR))
    run = CliRunner().invoke(main, ["--explain", str(path)])
    assert run.exit_code == 0
    assert run.stdout.splitlines()[2:] == [line for p in STORY for line in (p, "")][:-1]
    assert f"{path}:1: [extract.share] Facebook X Email" in run.stderr.splitlines()
    assert f"{path}:1: [extract.header] Home News Sport" in run.stderr.splitlines()


# ---------------------------------------------------------------- metadata


def test_metadata_from_meta_tags_and_time():
    head = ('<link rel="canonical" href="https://gazette.example/news/ferry-landing">'
            '<meta property="og:site_name" content="The Island Gazette">'
            '<meta name="author" content="Ann Smith">')
    body = '<p class="dateline"><time datetime="2024-03-05T09:30:00Z">5 March</time></p>' + story_html()
    meta = clean_page(page(body, head=head, lang="en-GB")).meta
    assert meta["url"] == "https://gazette.example/news/ferry-landing"
    assert meta["site_name"] == "The Island Gazette"
    assert meta["authors"] == ["Ann Smith"]
    assert meta["published"] == "2024-03-05T09:30:00Z"
    assert meta["language"] == "en-GB"


def test_metadata_from_json_ld():
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "ignored"},
            {"@type": "NewsArticle", "headline": HEADLINE, "datePublished": "2024-03-05",
             "author": [{"@type": "Person", "name": "Ann Smith"}, {"@type": "Person", "name": "Bo Lund"}],
             "publisher": {"@type": "Organization", "name": "Island Gazette Ltd"}, "inLanguage": "nb"},
        ],
    }
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    data = f"<html><head>{head}</head><body>{story_html()}</body></html>".encode()
    r = clean_page(data)
    assert r.meta["published"] == "2024-03-05"
    assert r.meta["authors"] == ["Ann Smith", "Bo Lund"]
    assert r.meta["site_name"] == "Island Gazette Ltd"
    assert r.meta["language"] == "nb"
    assert r.title == HEADLINE


def test_json_ld_article_fields_come_before_the_web_page_ones():
    ld = [
        {"@type": "WebPage", "url": "https://gazette.example/section", "datePublished": "2020-01-01"},
        {"@type": ["NewsArticle"], "url": "https://gazette.example/story", "datePublished": "2024-03-05"},
    ]
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    meta = clean_page(f"<html><head>{head}</head><body>{story_html()}</body></html>".encode()).meta
    assert (meta["url"], meta["published"]) == ("https://gazette.example/story", "2024-03-05")


def test_absent_metadata_is_absent_and_bad_json_ld_is_ignored():
    data = f'<html><head><script type="application/ld+json">{{not json</script></head><body>{story_html()}</body></html>'.encode()
    meta = clean_page(data).meta
    assert 0 <= meta.pop("confidence") <= 1
    assert meta == {"input_type": "html", "candidate": "scored", "encoding": "utf-8"}


def test_json_output_carries_the_metadata(tmp_path):
    f = tmp_path / "story.html"
    f.write_bytes(page(story_html(), head='<link rel=canonical href="https://gazette.example/a">'))
    result = CliRunner().invoke(main, [str(f), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0
    d = json.loads(result.stdout)
    assert d["input_type"] == "html"
    assert d["url"] == "https://gazette.example/a"
    assert d["language"] == "en"
    assert d["title"] == HEADLINE
    assert d["paragraphs"] == STORY


# ---------------------------------------------------------------- bad pages


def test_malformed_markup_is_repaired():
    data = b"<html><body><p>Unclosed <b>bold <i>text<p>Second</td></tr> part</div></span><p>Third &amp; last & < > end"
    assert list(clean_page(data).paragraphs) == ["Unclosed bold text", "Second part", "Third & last & < > end"]


def test_control_characters_beside_a_dropped_element():
    data = (b"<html><body><div>The pier<div class=ad-slot>Ad</div>\x14 reopens<span hidden>x</span>\x01 in May.</div>"
            b"</body></html>")
    assert clean_page(data).text == "The pier reopens in May."


def test_text_300_levels_deep_is_kept():
    data = ("<html><body>" + "<div>" * 300 + "<p>The deep paragraph survives.</p>" + "</div>" * 300 + "</body></html>").encode()
    assert clean_page(data).text == "The deep paragraph survives."


def test_100000_nested_elements_are_cleaned_as_flat_text():
    data = ("<html><body><p>Before the nest.</p>" + "<div>" * 100_000 + "Inside the nest." + "</div>" * 100_000
            + "<p>After the nest.</p></body></html>").encode()
    r = clean_page(data)
    assert list(r.paragraphs) == ["Before the nest.", "Inside the nest.", "After the nest."]
    assert "nested too deeply" in r.meta["note"]


def test_a_too_deep_page_with_scripts_and_stray_brackets():
    data = ("<html><body><p>Before the nest.</p>" + "<div>" * 3000 + "<STYLE>p {}</style >Inside &amp; a < b."
            + "<br>Next line.<script>var never_closed = 1;" + "<" * 10_000).encode()
    assert list(clean_page(data).paragraphs) == ["Before the nest.", "Inside & a < b.", "Next line."]


def test_a_50_mb_page_of_inline_data_is_cleaned():
    blob = b"<script>var img = '" + b"A" * (50 * 1024 * 1024) + b"';</script>"
    data = b"<html><head>" + blob + b"</head><body>" + story_html().encode() + b"</body></html>"
    assert list(clean_page(data).paragraphs) == STORY


def test_a_page_beyond_the_size_limit_is_a_clear_error():
    data = b"<html><body><p>" + b"x" * (nc_html.MAX_MARKUP_BYTES + 1) + b"</p></body></html>"
    with pytest.raises(HTMLError, match="too large"):
        clean_page(data)


def test_a_page_with_too_many_tags_is_a_clear_error():
    data = b"<html><body>" + b"<i>x</i>" * (nc_html.MAX_TAGS // 2 + 1) + b"</body></html>"
    with pytest.raises(HTMLError, match="too many tags"):
        clean_page(data)


def test_a_large_page_beyond_readability_limits_is_still_cleaned():
    paras = "".join(f"<div><p>Paragraph {i} of a very long report on the ferry landing.</p></div>" for i in range(20_000))
    r = clean_page(f"<html><body><article>{paras}</article></body></html>".encode())
    assert len(r.paragraphs) == 20_000


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n",
        b"<html></html>",
        b"<html><body><img src=a.jpg><div></div></body></html>",
        b"<html><head><script>var a = 1;</script></head><body><script>document.write('x')</script></body></html>",
        b"<!-- only a comment -->",
    ],
)
def test_pages_without_text_give_an_empty_result(data):
    r = clean_bytes(data, input_type="html")
    assert r.paragraphs == () and r.title is None


def test_an_entity_bomb_is_not_expanded():
    data = (b'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
            b'<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>'
            b"<html><body><p>Entity &e; and text.</p></body></html>")
    r = clean_page(data)
    assert "and text." in r.text
    assert "aaaaaaaaaa" not in r.text


def test_no_external_entity_or_file_is_loaded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET CONTENT")
    data = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]>'
            "<html><body><p>Value: &x; end.</p></body></html>").encode()
    assert "TOP SECRET" not in clean_page(data).text


# ---------------------------------------------------------------- command line


def test_cli_cleans_a_saved_page(tmp_path):
    f = tmp_path / "story.html"
    f.write_bytes(page(story_html()))
    result = CliRunner().invoke(main, [str(f)], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout == "\n\n".join([HEADLINE] + STORY) + "\n"
    assert result.stderr == ""


def test_cli_detects_html_on_stdin():
    result = CliRunner().invoke(main, ["--format", "json"], input=page(story_html()), catch_exceptions=False)
    assert result.exit_code == 0
    d = json.loads(result.stdout)
    assert d["input_type"] == "html"
    assert d["paragraphs"] == STORY


def test_cli_folder_with_text_and_html(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.html").write_bytes(page(story_html()))
    (src / "b.txt").write_text("The harbour reopens on Monday.\n\nFishing boats may land from dawn.\n")
    (src / "c.htm").write_bytes(b"<html><body><p>The ferry is cancelled today.</p></body></html>")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, [str(src), "-o", str(out), "--format", "json", "--quiet"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    docs = {p.name: json.loads(p.read_text()) for p in out.iterdir()}
    assert {k: d["input_type"] for k, d in docs.items()} == {"a.json": "html", "b.json": "text", "c.json": "html"}
    assert docs["a.json"]["paragraphs"] == STORY
    assert docs["c.json"]["paragraphs"] == ["The ferry is cancelled today."]


def test_cli_reports_a_page_beyond_the_limits_and_goes_on(tmp_path, monkeypatch):
    monkeypatch.setattr(nc_markup, "MAX_TAGS", 10)
    src = tmp_path / "in"
    src.mkdir()
    (src / "big.html").write_bytes(b"<html><body>" + b"<i>x</i>" * 20 + b"</body></html>")
    (src / "ok.txt").write_text("The harbour reopens on Monday.\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, [str(src), "-o", str(out), "--quiet", "-j", "1"], catch_exceptions=False)
    assert result.exit_code == 1
    assert "big.html: failed: HTML page has too many tags" in result.stderr
    assert (out / "ok.txt").read_text() == "The harbour reopens on Monday.\n"


def test_pages_cleaned_in_threads_match_a_serial_run():
    from concurrent.futures import ThreadPoolExecutor

    pages = [page(story_html()), page("<p>The ferry is cancelled today.</p>"), "<p>Ærø ☂</p>".encode()] * 4
    serial = [clean_page(p) for p in pages]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(clean_page, pages)) == serial


def test_the_text_path_does_not_load_lxml():
    code = ("import sys, newsclean; newsclean.clean_bytes(b'if x < y > z'); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('lxml', 'readability', 'rich')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_mostly_utf8_text_with_a_bad_byte_stays_utf8():
    from newsclean.detect import decode

    data = "Ärger über die Straße in Köln".encode() + b"\xe2\x80"  # cut mid-character
    assert decode(data).startswith("Ärger über die Straße in Köln")


def test_legacy_text_is_read_as_cp1252():
    from newsclean.detect import decode

    assert decode("Café au lait, crème brûlée".encode("cp1252")) == "Café au lait, crème brûlée"
