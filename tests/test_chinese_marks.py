"""Chinese text uses the mainland marks, everywhere the same.

- Quotation marks “ ” (and ‘ ’ inside them), never 「 」 or 『 』: in the translations (.ts) and in
  every string of desktop/**/*.py (messages of the command line, documents, docstrings). The
  line-breaking tables of documents/text.py list 「 and 」 as characters a resident may type:
  a set of characters is not text.
- The ellipsis …… in sentences and progress lines (正在导入……), never "..." nor a single "…".
- The one place for a single "…": the end of the label of a button or menu item that opens a
  dialog (选择…, 打印…, 类别管理…), the menu sign for "asks for more first". A label is told
  from a progress line by its English source: "Choose…" against "Importing…"."""

import ast
import html
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "shuren_zh_CN.ts"
CORNER_QUOTES = re.compile("[「」『』]")
LONE_ELLIPSIS = re.compile(r"(?<!…)…(?!…)")
IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
MESSAGE = re.compile(r"<source>([^<]*)</source>\s*<translation>([^<]*)</translation>")


def is_label(source: str) -> bool:
    """An English label that opens a dialog (Add…, Save as PDF…), not a progress line
    (Checking the data file…, being worked out…) nor a left-out end ("convener of …")."""
    first = source.replace("…", " ").split()[:1]
    return bool(re.search(r"\w…$", source)) and not re.fullmatch(r"\w+ing", first[0])


def marks_wrong(text: str, label: bool) -> list[str]:
    wrong = [f"corner quotes {m}" for m in CORNER_QUOTES.findall(text)]
    if "..." in text:
        wrong.append('"..." for an ellipsis')
    lone = len(LONE_ELLIPSIS.findall(text))
    if label and not (text.endswith("…") and not text.endswith("……") and lone == 1):
        wrong.append("a label ends with a single …")
    if not label and lone:
        wrong.append("a single … in a sentence (……)")
    return wrong


def test_the_translations_use_mainland_marks() -> None:
    messages = [(html.unescape(s), html.unescape(t)) for s, t in MESSAGE.findall(TS.read_text())]
    assert len(messages) > 1000
    wrong = [
        f"{source!r} → {translation!r}: {', '.join(problems)}"
        for source, translation in messages
        if (problems := marks_wrong(translation, is_label(source)))
    ]
    assert wrong == [], "\n".join(wrong)


def strings(path: Path):
    """The string constants of a module (docstrings and parts of f-strings too), except the
    ones given to frozenset(): a set of characters."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    tables = {
        id(arg)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "frozenset"
        for arg in node.args
    }
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in tables
        ):
            yield node.lineno, node.value


def test_the_code_uses_mainland_marks() -> None:
    wrong, seen = [], 0
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        for line, text in strings(path):
            chinese = len(IDEOGRAPH.findall(text)) > len(re.findall(r"[A-Za-z]", text))
            seen += chinese
            problems = [p for p in marks_wrong(text, label=False) if chinese or "quotes" in p]
            if problems:
                where = f"{path.relative_to(ROOT)}:{line}"
                wrong.append(f"{where} {text[:60]!r}: {', '.join(problems)}")
    assert seen > 100  # the scan found the Chinese messages
    assert wrong == [], "\n".join(wrong)


def test_the_rules_tell_labels_from_progress_lines() -> None:
    assert is_label("Choose…") and is_label("Save as PDF…") and is_label("Categories…")
    assert not is_label("Importing…") and not is_label("being worked out…")
    assert not is_label("Syncing… {percent}%") and not is_label("… and {count} more.")
    assert not is_label("e.g. Training on deliberation rules; convener of …")
    assert marks_wrong("选择…", label=True) == []
    assert marks_wrong("选择……", label=True) == ["a label ends with a single …"]
    assert marks_wrong("正在导入……", label=False) == []
    assert marks_wrong("正在导入…", label=False) == ["a single … in a sentence (……)"]
    assert marks_wrong("点击「新建」...", label=False) == [
        "corner quotes 「",
        "corner quotes 」",
        '"..." for an ellipsis',
    ]
