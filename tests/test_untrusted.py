"""In the article alone, the scorer weighs what a filter that is often wrong took:
sentences of a product review that read like a sign-up pitch stay."""

from newsclean import Config, clean

REVIEW = (
    "The new budget app from the Tallinn start-up costs nothing for the first month, after which "
    "users are charged four euros a month.",
    "Anyone can sign up for a free account with an email address, and the trial gives full access to "
    "every feature, including shared budgets for families.",
    "In our tests the app sorted three months of card payments into categories within a minute, and it "
    "caught two subscriptions we had forgotten about.",
    "Paid plans add bank sync for more than one account; you can subscribe monthly or pay once a year "
    "for a discount of about a fifth.",
    "The company says it does not sell its users' data, and its privacy policy, unusually, is written "
    "in plain language and runs to a single page.",
    "Its rivals charge more, and few of them let you export everything to a spreadsheet when you leave.",
)


def test_the_scorer_keeps_review_sentences_an_untrusted_rule_took():
    text = "\n\n".join(REVIEW)
    bare = clean(text, Config(mode="article", disabled=frozenset({"score"})))
    assert {r.rule for r in bare.removed} == {"subscribe.pitch"}  # the rule fires on them
    assert clean(text, Config(mode="article")).paragraphs == REVIEW
    assert clean(text).paragraphs == REVIEW


def test_a_trusted_rule_is_not_overruled():
    text = "\n\n".join(REVIEW[:3] + ("Advertisement",) + REVIEW[3:])
    result = clean(text, Config(mode="article"))
    assert result.paragraphs == REVIEW
    assert [r.rule for r in result.removed] == ["ads.label"]


def test_a_line_a_trusted_rule_takes_is_not_left_to_the_scorer_by_an_untrusted_one():
    # A copyright line that also asks the reader to sign up: `legal` names it,
    # whatever `subscribe`, which runs after it, would make of it.
    notice = "Copyright © 2025 The Island Post. Sign up for our newsletter."
    result = clean("\n\n".join(REVIEW[:3] + (notice,) + REVIEW[3:]), Config(mode="article"))
    assert result.paragraphs == REVIEW
    assert [r.rule for r in result.removed] == ["legal.copyright"]
