"""The faces on paper: bundled, embedded as subsets, rare name characters drawn and readable."""

from pathlib import Path

import pytest

from desktop.documents import fonts as fonts_module
from desktop.documents import write_minutes, write_signin_sheet
from desktop.documents.fonts import FALLBACK_NAME, font_chain
from desktop.documents.layout import PageDecor, Pen, build_pdf
from tests.documents.conftest import (
    HOOD,
    dark_pixels,
    pdffonts,
    pdftotext,
    render,
    sample_meeting,
    words_with_boxes,
)

DPI = 144


def test_the_faces_are_registered_once_in_fallback_order():
    chain = font_chain()
    assert chain is font_chain()
    assert [f.name for f in chain.faces[:2]] == ["ShurenHei", "ShurenKai"]
    assert chain.primary == "ShurenHei"
    for ch, face in (
        ("中", "ShurenHei"),
        ("堃", "ShurenHei"),
        ("喆", "ShurenHei"),
        ("䶮", "ShurenKai"),
        ("𠮷", "ShurenKai"),
    ):
        assert chain.face_for(ch).name == face, ch
    assert chain.face_for("\ue000") is None


@pytest.mark.parametrize("kind", ["archive", "public", "signin"])
def test_every_font_is_embedded_as_a_subset(tmp_path, kind):
    pdf = tmp_path / f"{kind}.pdf"
    if kind == "signin":
        write_signin_sheet(sample_meeting(), HOOD, pdf)
    else:
        write_minutes(sample_meeting(final=True), HOOD, pdf, public=kind == "public")
    found = pdffonts(pdf)
    assert found, "no font in the PDF"
    for font in found:
        assert font["emb"] == "yes", font  # a base-14 font (Helvetica) would say "no"
        assert font["sub"] == "yes", font
        assert font["type"] == "TrueType", font
        assert font["uni"] == "yes", font
    names = {f["name"].split("+", 1)[1] for f in found}
    assert names == {"WenQuanYiMicroHei-0", "LXGWWenKai-Regular"}


def test_rare_name_characters_are_readable_in_the_pdf(tmp_path):
    """ReportLab's own ToUnicode gets 𠮷 (beyond the BMP) wrong; ours maps it right."""
    pdf = tmp_path / "minutes.pdf"
    write_minutes(sample_meeting(), HOOD, pdf)
    text = pdftotext(pdf)
    for name in ("𠮷田堃", "孙䶮", "刘喆"):
        assert name in text


def _print_big(text: str, pdf: Path, chain) -> list:
    pen = Pen(chain)
    style = pen.styles.body.clone("big", fontSize=60, leading=70)
    build_pdf(
        [pen.p(text, style, "测试")], pdf, pen, PageDecor(running_head=""), title="t", author="t"
    )
    return pen.log.items()


def test_a_character_beyond_the_bmp_is_drawn(tmp_path):
    chain = font_chain(system_fallback=False)
    with_kai, hei_only = tmp_path / "kai.pdf", tmp_path / "hei.pdf"
    assert _print_big("𠮷", with_kai, chain) == []
    reported = _print_big("𠮷", hei_only, chain.only("ShurenHei"))
    assert [(u.record, u.char) for u in reported] == [("测试", "𠮷")]
    body = (0, 80, 595, 780)  # the page without its footer
    drawn = dark_pixels(render(with_kai, dpi=DPI), body, DPI)
    missing = dark_pixels(render(hei_only, dpi=DPI), body, DPI)
    assert drawn > 500  # a 60 pt character with many strokes
    assert missing == 0  # what "prints nothing" means: the reason it must be reported


def test_the_rare_name_in_the_minutes_is_drawn(tmp_path):
    pdf = tmp_path / "minutes.pdf"
    write_minutes(sample_meeting(), HOOD, pdf)
    boxes = [b for b in words_with_boxes(pdf) if b[0] == "𠮷田堃"]
    assert len(boxes) == 1
    _word, x0, y0, x1, y1 = boxes[0]
    first_third = (x0, y0, x0 + (x1 - x0) / 3, y1)
    assert dark_pixels(render(pdf, dpi=DPI), first_third, DPI) > 30


def test_the_system_fallback_skips_what_reportlab_cannot_embed(tmp_path, monkeypatch):
    cff = tmp_path / "cff.otf"
    cff.write_bytes(b"OTTO" + bytes(200))  # PostScript outlines: ReportLab refuses them
    junk = tmp_path / "junk.ttf"
    junk.write_bytes(b"not a font")
    stand_in = fonts_module.fonts_dir() / "LXGWWenKai-Regular.ttf"  # as if it were SimSun-ExtB
    candidates = [(tmp_path / "missing.ttf", 0), (cff, 0), (junk, 0), (stand_in, 0)]
    monkeypatch.setattr(fonts_module, "system_fallback_candidates", lambda: candidates)
    face = fonts_module._register_system_fallback()
    assert face is not None
    assert (face.name, face.path) == (FALLBACK_NAME, stand_in)
    assert face.covers("𠮷")


def test_no_system_fallback_when_none_is_installed(tmp_path, monkeypatch):
    monkeypatch.setattr(fonts_module, "system_fallback_candidates", lambda: [(tmp_path / "x", 0)])
    assert fonts_module._register_system_fallback() is None


def test_windows_fallback_candidates_follow_windir(monkeypatch):
    monkeypatch.setenv("WINDIR", "D:\\Win")
    paths = [str(p) for p, _index in fonts_module.system_fallback_candidates()]
    assert any(p.replace("\\", "/").endswith("Win/Fonts/simsunb.ttf") for p in paths)
    assert all(not p.lower().endswith(".otf") for p in paths)
