"""Where outputs go: -o with a trailing slash, names two inputs would share, a file given twice."""

from __future__ import annotations

from pathlib import Path

import pytest


STORY = (
    "Lighthouse keeper retires after forty winters\n\n"
    "The last keeper of the northern light handed over the keys on a grey Tuesday morning.\n\n"
    "Advertisement\n\n"
    "She plans to spend the spring repairing boats for the village rowing club.\n"
)


def story(tag: str) -> str:
    """A story whose cleaned text says which input it came from."""
    return STORY.replace("grey Tuesday", f"grey {tag} Tuesday")


def stories(root: Path, names: tuple[str, ...]) -> Path:
    """A folder of stories, each naming its file in its text."""
    root.mkdir()
    for name in names:
        (root / name).write_text(story(name))
    return root


def files(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): p.read_text() for p in sorted(root.rglob("*")) if p.is_file()}


def test_output_ending_in_a_slash_is_a_folder_made_for_the_output(invoke, tmp_path):
    src = tmp_path / "story.txt"
    src.write_text(STORY)
    out = tmp_path / "outdir"
    result = invoke(str(src), "-o", f"{out}/")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert out.is_dir()
    assert list(files(out)) == ["story.txt"]
    assert "Advertisement" not in (out / "story.txt").read_text()


def test_output_ending_in_a_slash_that_is_a_file_is_refused(invoke, tmp_path):
    src = tmp_path / "story.txt"
    src.write_text(STORY)
    (tmp_path / "taken").write_text("not a folder\n")
    result = invoke(str(src), "-o", f"{tmp_path / 'taken'}/")
    assert result.exit_code == 2 and result.stdout == ""
    assert "names a folder" in result.stderr and "Traceback" not in result.stderr
    assert (tmp_path / "taken").read_text() == "not a folder\n"


def test_jsonl_field_refuses_an_output_folder(invoke, tmp_path):
    result = invoke("--jsonl-field", "text", "-o", f"{tmp_path / 'out'}/", input='{"text": "x"}\n')
    assert result.exit_code == 2 and "must be a file" in result.stderr
    assert not (tmp_path / "out").exists()


def test_inputs_sharing_an_output_name_each_keep_their_full_name_and_are_reported(invoke, tmp_path):
    src = stories(tmp_path / "in", ("story", "story.txt", "story.html"))
    out = tmp_path / "out"
    result = invoke(str(src), "-o", str(out))
    assert (result.exit_code, result.stdout) == (0, "")
    written = files(out)
    assert sorted(written) == ["story.html.txt", "story.txt", "story.txt.txt"]
    # Each output holds its own input's text: none was written over another.
    assert "grey story Tuesday" in written["story.txt"]
    assert "grey story.txt Tuesday" in written["story.txt.txt"]
    assert "grey story.html Tuesday" in written["story.html.txt"]
    assert ("story, story.html, story.txt would share the output name story.txt; each keeps its full name: "
            "story -> story.txt, story.html -> story.html.txt, story.txt -> story.txt.txt") in result.stderr


def test_a_renamed_output_never_takes_the_name_of_another_input(invoke, tmp_path):
    # a.md and a.txt both become a.txt; a.md, renamed a.md.txt, then meets the
    # input a.md.txt, which is renamed in its turn.
    src = stories(tmp_path / "in", ("a.md", "a.txt", "a.md.txt"))
    out = tmp_path / "out"
    result = invoke(str(src), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    written = files(out)
    assert len(written) == 3
    assert sorted(t.split("grey ")[1].split(" Tuesday")[0] for t in written.values()) == ["a.md", "a.md.txt", "a.txt"]


def test_two_inputs_of_the_same_name_from_different_folders_are_refused_before_any_write(invoke, tmp_path):
    for folder in ("north", "south"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(story(folder))
    out = tmp_path / "out"
    result = invoke(str(tmp_path / "north" / "story.txt"), str(tmp_path / "south" / "story.txt"), "-o", str(out))
    assert result.exit_code == 2 and result.stdout == ""
    assert "would both be written to story.txt.txt" in result.stderr
    assert not out.exists()


def test_the_same_file_given_twice_is_cleaned_once(invoke, tmp_path):
    src = tmp_path / "story.txt"
    src.write_text(STORY)
    result = invoke(str(src), str(src), "--format", "jsonl")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1
    assert result.stderr == f"newsclean: {src}: given twice; cleaned once\n"


def test_a_file_named_and_also_inside_a_named_folder_is_cleaned_once(invoke, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "story.txt").write_text(STORY)
    (src / "other.txt").write_text(story("other"))
    out = tmp_path / "out"
    result = invoke(str(src), str(src / "story.txt"), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert sorted(files(out)) == ["other.txt", "story.txt"]
    assert "the same file as" in result.stderr and "cleaned once" in result.stderr
    assert "2 documents" in result.stderr


@pytest.mark.parametrize("link", [False, True])
def test_one_file_by_two_paths_is_cleaned_once_into_one_output(invoke, tmp_path, link):
    src = tmp_path / "story.txt"
    src.write_text(STORY)
    other = tmp_path / "alias.txt"
    if link:
        other.symlink_to(src)
    else:
        other = tmp_path / "." / "story.txt"
    result = invoke(str(src), str(other), "-o", str(tmp_path / "clean.txt"))
    assert (result.exit_code, result.stdout) == (0, "")
    assert "cleaned once" in result.stderr
    assert "Advertisement" not in (tmp_path / "clean.txt").read_text()
