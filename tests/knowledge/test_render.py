"""Rendering an entry's answer: abbreviations spelled out once, document numbers left as written."""

from __future__ import annotations

from knowledge.kb.render import spell_out


def test_abbreviations_spelled_out_once_but_never_inside_a_document_number() -> None:
    text = spell_out("Quyết định 358/QĐ-VKSTC ngày 23/9/2025; VKS cùng cấp phê chuẩn, VKS cấp trên hủy.")
    assert "358/QĐ-VKSTC" in text  # a document's official number is left as written
    assert text.count("Viện kiểm sát (VKS)") == 1 and "VKS cấp trên" in text
    assert spell_out("Chỉ thị 01/CT-VKSTC") == "Chỉ thị 01/CT-VKSTC"
