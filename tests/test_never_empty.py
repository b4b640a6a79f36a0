"""Auto mode never answers a text that holds prose with nothing."""

from newsclean import clean

BRIEF = "The ferry service to the outer islands will resume on Monday after a two-week repair, the operator said."
ARTICLE = (
    "A new footbridge over the river opened on Saturday morning, three months later than planned.",
    "Engineers had to replace two of the steel supports after tests found cracks in the welds.",
    "The mayor said the bridge would cut the walk from the station to the hospital by ten minutes.",
)


def test_a_one_paragraph_brief_is_kept():
    assert clean(BRIEF).text == BRIEF


def test_an_article_pasted_twice_keeps_every_sentence():
    result = clean("\n\n".join(ARTICLE + ARTICLE))
    assert all(sentence in result.paragraphs for sentence in ARTICLE)


def test_a_text_of_one_sentence_repeated_keeps_it():
    result = clean("\n\n".join([BRIEF] * 40))
    assert BRIEF in result.paragraphs
