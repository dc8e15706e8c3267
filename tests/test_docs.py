"""The project explains itself: every document it cites is in the repository, and the code files
docs/architecture.md and docs/ui.md name exist (a renamed module must not leave them wrong)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
GUIDES = (DOCS / "architecture.md", DOCS / "ui.md")
MARKDOWN = re.compile(r"[\w./-]+\.md\b")
CODE_FILE = re.compile(r"`([\w./-]+\.py)`")


def citing_files() -> list[Path]:
    files = [ROOT / "README.md", *DOCS.glob("*.md")]
    for folder in ("desktop", "tests", "build"):
        files += (ROOT / folder).rglob("*.py")
    return sorted(files)


def in_repository(name: str, cited_in: Path) -> bool:
    for base in (ROOT, DOCS, cited_in.parent):
        path = (base / name).resolve()
        if path.is_file() and path.is_relative_to(ROOT):
            return True
    return False


def test_every_cited_document_is_in_the_repository():
    missing = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in citing_files()
        for name in MARKDOWN.findall(path.read_text(encoding="utf-8"))
        if not in_repository(name, path)
    ]
    assert not missing, "documents cited but not in the repository:\n" + "\n".join(missing)


def test_the_code_files_the_guides_name_exist():
    named = {name for doc in GUIDES for name in CODE_FILE.findall(doc.read_text(encoding="utf-8"))}
    assert len(named) > 10  # the guides do name code files
    missing = sorted(
        name
        for name in named
        if not (ROOT / name).is_file() and not (ROOT / "desktop" / name).is_file()
    )
    assert not missing, f"named in docs/ but not found: {missing}"
