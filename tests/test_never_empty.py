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


def test_a_chinese_sentence_among_menu_words_is_kept():
    # Written without spaces, a sentence is one "word" to \w+: its length is
    # counted in characters, two to a word.
    menu = ["首页", "新闻", "体育", "财经", "科技", "汽车", "房产", "旅游", "教育", "健康", "视频", "图片",
            "专题", "评论", "登录", "注册", "关于我们", "联系我们", "网站地图", "广告服务", "友情链接", "投稿"]
    sentence = "今年春天，这座小城的河边新开了一家书店，店主说他希望附近的孩子们放学后有一个安静的地方读书。"
    result = clean("\n".join(menu + [sentence] + menu))
    assert sentence in result.paragraphs
    assert result.meta["article_found"] is False


MENU = ["Home", "About", "Events", "Members", "Gallery", "Archive", "Links", "Contact", "Imprint",
        "Privacy", "Login", "Register", "Search", "Sitemap", "Newsletter", "Shop", "Jobs", "Press",
        "Help", "Donate", "Calendar", "Forum"]
# Verse: no line holds a sentence of eight words, but the lines run on to one.
VERSE = [
    "The tide comes in across the sand,",
    "it fills the pools we left behind;",
    "and when the evening lamps are lit,",
    "we walk the harbour wall again.",
]


def test_a_poem_among_menu_words_is_kept():
    result = clean("\n".join(MENU + VERSE + MENU))
    assert all(line in result.paragraphs for line in VERSE)
    assert result.meta["article_found"] is False


def test_a_line_that_ends_with_a_colon_but_holds_a_sentence_is_kept():
    notice = ("The hall is closed on Friday! The choir meets at the school instead, "
              "so please bring your own music stands and the new song sheets:")
    result = clean("\n".join(MENU + [notice, "https://example.org/choir/songs"] + MENU))
    assert notice in result.paragraphs
    assert result.meta["article_found"] is False
