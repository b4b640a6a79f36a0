"""repeated_across: a site's template lines, learnt from the documents of one run."""

from __future__ import annotations

import json
import random

import pytest
from click.testing import CliRunner

from newsclean.cli import main
from newsclean.lines import split_lines
from newsclean.templates import NAME, RULE, TemplateCounts, site_of_path, site_of_url

MENU = "Home | Politics | Business | Sport | Weather"
FOOTER = "© Riverside Gazette Media Ltd"
FOOTER_SENTENCE = "All content on this site is provided for general information only."
CHANCE = "The company declined to comment."


def story(i: int, *, menu=True, footer=True, chance=False, footer_sentence=False) -> str:
    parts = [MENU] if menu else []
    parts += [
        f"Council votes on budget plan number {i}",
        f"Councillors met on day {i} to debate a budget that sets spending on roads, schools and parks for the year ahead.",
        f"The plan passed by {i + 3} votes after a debate that ran for most of the afternoon.",
    ]
    if chance:
        parts.append(CHANCE)
    parts.append(f"A final vote on part {i} of the plan is due next month.")
    if footer:
        parts.append(FOOTER)
    if footer_sentence:
        parts.append(FOOTER_SENTENCE)
    return "\n\n".join(parts) + "\n"


def table(texts, min_docs=3, site="gazette"):
    counts = TemplateCounts()
    for t in texts:
        counts.add(site, t)
    return counts.templates(min_docs)


def removed_by_template(templates, text, site="gazette"):
    return [r.text for r in templates.clean(text, site).removed if r.filter == NAME]


def test_lines_in_n_documents_of_a_site_are_removed():
    docs = [story(i) for i in range(5)]
    t = table(docs)
    assert removed_by_template(t, docs[0]) == [MENU, FOOTER]


def test_lines_in_fewer_than_n_documents_stay():
    docs = [story(i, menu=i < 2) for i in range(5)]
    assert removed_by_template(table(docs), docs[0]) == [FOOTER]


def test_a_sentence_that_repeats_by_chance_stays():
    # In 3 of 10 stories: N is reached, but the sentence stands in under half of them.
    docs = [story(i, chance=i % 3 == 0) for i in range(10)]
    t = table(docs)
    assert CHANCE not in removed_by_template(t, docs[0])
    assert CHANCE in t.clean(docs[0], "gazette").paragraphs


def test_a_sentence_on_most_pages_of_the_site_is_template():
    docs = [story(i, footer_sentence=i < 8) for i in range(10)]
    assert FOOTER_SENTENCE in removed_by_template(table(docs), docs[0])


def test_a_short_label_in_a_few_documents_is_template():
    # Not a sentence, so N documents are enough, however many the site has.
    docs = [story(i, footer=i < 3) for i in range(10)]
    assert FOOTER in removed_by_template(table(docs), docs[0])


def test_sites_are_counted_apart():
    counts = TemplateCounts()
    for i in range(2):
        counts.add("a.example", story(i))
        counts.add("b.example", story(i + 10))
    t = counts.templates(3)
    assert removed_by_template(t, story(0), "a.example") == []


def test_paragraph_length_lines_are_never_template():
    para = "Every story on this site ends with the same long paragraph, " * 5
    docs = [story(i) + "\n" + para + "\n" for i in range(5)]
    assert para.strip() not in removed_by_template(table(docs), docs[0])


def test_order_and_split_of_the_documents_do_not_matter():
    docs = [story(i, menu=i % 2 == 0, chance=i % 4 == 0) for i in range(12)]
    whole = table(docs)
    shuffled = docs[:]
    random.Random(4).shuffle(shuffled)
    halves = TemplateCounts()
    for part in (shuffled[:5], shuffled[5:]):
        counts = TemplateCounts()
        for t in part:
            counts.add("gazette", t)
        halves.merge(counts)
    assert halves.templates(3) == whole


def test_kept_and_removed_lines_make_the_input_with_their_numbers():
    docs = [story(i) for i in range(4)]
    result = table(docs).clean(docs[1], "gazette")
    numbers = {r.line for r in result.removed}
    lines = split_lines(docs[1])
    kept = [l.text for l in lines if l.number not in numbers]
    assert kept == ([result.title] if result.title else []) + list(result.paragraphs)
    assert [r.line for r in result.removed] == sorted(r.line for r in result.removed)
    assert result.title == "Council votes on budget plan number 1"


def test_site_of_url():
    assert site_of_url("https://www.Example.com/news/1") == "example.com"
    assert site_of_url("http://example.com:8080/a") == "example.com"
    assert site_of_url("example.com/a") is None
    assert site_of_url(None) is None and site_of_url(12) is None
    assert site_of_path("crawl/example.com/a.txt") == "crawl/example.com"
    assert site_of_path("-") == ""


# ---------------------------------------------------------------- the command


def run(args, stdin=None):
    result = CliRunner().invoke(main, args, input=stdin)
    return result.exit_code, result.stdout, result.stderr


def make_site(root, names):
    for i, name in enumerate(names):
        path = root / "gazette" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(story(i, chance=i == 0))
    other = root / "other" / "one.txt"
    other.parent.mkdir(parents=True, exist_ok=True)
    other.write_text(story(99))


def test_folder_run_removes_the_template_of_each_folder(tmp_path):
    make_site(tmp_path / "in", [f"{i:02}.txt" for i in range(4)])
    code, out, err = run([str(tmp_path / "in"), "--format", "jsonl", "--repeated-across", "3", "-j", "1"])
    assert code == 0
    docs = {json.loads(l)["source"].split("/in/")[1]: json.loads(l) for l in out.splitlines()}
    first = docs["gazette/00.txt"]
    assert {"line": 1, "text": MENU, "filter": NAME, "rule": RULE} in first["removed"]
    assert CHANCE in first["paragraphs"]
    assert all(r["filter"] != NAME for r in docs["other/one.txt"]["removed"])
    assert f"{NAME} 8" in err


def test_without_the_option_nothing_is_taken_as_template(tmp_path):
    make_site(tmp_path / "in", [f"{i:02}.txt" for i in range(4)])
    out = run([str(tmp_path / "in"), "--format", "jsonl"])[1]
    assert NAME not in out


def test_folder_output_does_not_depend_on_file_order_or_jobs(tmp_path):
    names = [f"{i:02}.txt" for i in range(20)]
    make_site(tmp_path / "a", names)
    shuffled = names[:]
    random.Random(7).shuffle(shuffled)
    # The same documents under other names: the walk meets them in another order.
    for i, name in enumerate(shuffled):
        path = tmp_path / "b" / "gazette" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(story(names.index(names[i]), chance=i == 0))
    (tmp_path / "b" / "other").mkdir()
    (tmp_path / "b" / "other" / "one.txt").write_text(story(99))

    def outputs(src, jobs):
        dest = tmp_path / f"out-{src}-{jobs}"
        assert run([str(tmp_path / src), "-o", str(dest), "--repeated-across", "3", "-j", str(jobs), "-q"])[0] == 0
        return {p.relative_to(dest).as_posix(): p.read_bytes() for p in dest.rglob("*.txt")}

    one, two = outputs("a", 1), outputs("a", 2)
    assert one == two
    renamed = outputs("b", 2)
    by_content_a = sorted(one.values())
    assert sorted(renamed.values()) == by_content_a
    assert all(MENU.encode() not in v for v in by_content_a)


def jsonl_corpus(n=12):
    lines = []
    for i in range(n):
        host = "https://www.gazette.example" if i % 2 else "https://gazette.example"
        lines.append(json.dumps({"id": i, "url": f"{host}/story/{i}", "text": story(i, chance=i == 4)}))
    lines.append(json.dumps({"id": 99, "url": "https://elsewhere.example/x", "text": story(99)}))
    return lines


def test_jsonl_sites_come_from_the_url_field():
    code, out, _ = run(["--jsonl-field", "text", "--repeated-across", "3", "-q"], "\n".join(jsonl_corpus()) + "\n")
    assert code == 0
    recs = [json.loads(l) for l in out.splitlines()]
    assert MENU not in recs[0]["text"] and FOOTER not in recs[0]["text"]
    assert CHANCE in recs[4]["text"]
    assert MENU in json.dumps(recs[-1])  # the other site's only page keeps its lines
    assert all(r["filter"] != NAME for r in recs[-1]["newsclean"]["removed"])


def test_jsonl_template_run_is_the_same_whatever_the_order_and_jobs(tmp_path):
    lines = jsonl_corpus(30)
    ordered = run(["--jsonl-field", "text", "--repeated-across", "3", "-q", "-j", "1"], "\n".join(lines) + "\n")[1]
    shuffled_lines = lines[:]
    random.Random(3).shuffle(shuffled_lines)
    src = tmp_path / "shuffled.jsonl"
    src.write_text("\n".join(shuffled_lines) + "\n")
    shuffled = run([str(src), "--jsonl-field", "text", "--repeated-across", "3", "-q", "-j", "2"])[1]
    by_id = lambda out: sorted(out.splitlines(), key=lambda l: json.loads(l)["id"])  # noqa: E731
    assert by_id(ordered) == by_id(shuffled)


def test_jsonl_without_urls_takes_the_input_folder_as_the_site(tmp_path):
    for site in ("a", "b"):
        (tmp_path / site).mkdir()
        (tmp_path / site / "c.jsonl").write_text(
            "".join(json.dumps({"text": story(i)}) + "\n" for i in range(2)))
    out = run([str(tmp_path / "a" / "c.jsonl"), str(tmp_path / "b" / "c.jsonl"),
               "--jsonl-field", "text", "--repeated-across", "3", "-q"])[1]
    assert NAME not in out  # two documents per folder: never three of one site


@pytest.mark.parametrize("n", ["1", "0", "x"])
def test_repeated_across_needs_two_or_more(n):
    code, _, err = run(["--repeated-across", n], "text\n")
    assert code == 2 and "--repeated-across" in err


def test_html_pages_are_neither_counted_nor_stripped():
    page = ("<html><body><nav>" + MENU + "</nav><article><h1>Budget</h1><p>"
            + "Councillors met to debate a budget for roads and schools. " * 8 + "</p></article></body></html>")
    counts = TemplateCounts()
    for i in range(4):
        counts.add_bytes("gazette", page.encode(), name=f"gazette/{i}.html")
    assert counts.docs == {} and counts.lines == {}
    texts = table([story(i) for i in range(4)])
    result = texts.clean_bytes(page.encode(), name="gazette/x.html")
    assert result.meta["input_type"] == "html"
    assert all(r.filter != NAME for r in result.removed)
    plain = texts.clean_bytes(story(7).encode(), name="gazette/x.txt")
    assert plain.meta["input_type"] == "text" and [r.text for r in plain.removed if r.filter == NAME] == [MENU, FOOTER]
