"""Metadata of reports in shapes never seen here (issue 9; measured by benchmarks/fresh_pages.py
on annotated public pages kept outside the repository): a news page summarising a work report
(the speaker named in the delivery sentence, the meeting day without its year, names listed on
the rostrum), budget and plan reports (the year of the draft), bylines of long names and of a
date and a name. Each test rewrites a real report of the corpus into the shape."""

from __future__ import annotations

from pathlib import Path

from conftest import SEEDS
from conftest import rewritten_report as _rewritten

from baogao.models import Document

XICHENG_2023 = SEEDS / "000_b5713cac4734963f.txt"
HEADER = ("政府工作报告\n——2023年1月4日在北京市西城区第十七届\n人民代表大会第三次会议上\n"
          "北京市西城区人民政府区长 刘东伟\n各位代表:\n现在,我代表西城区人民政府,向大会报告工作,"
          "请予审议,并请区政协委员提出意见。\n")


def _news(tmp_path: Path, header: str, *more: tuple[str, str]) -> Document:
    return _rewritten(XICHENG_2023, tmp_path, (HEADER, header), *more)


def test_speaker_from_the_delivery_sentence_of_a_news_page(tmp_path: Path) -> None:
    # the rostrum list before it holds 主席台 and 大会执行主席: neither is a title nor a name
    doc = _news(tmp_path, "西城区第十七届人民代表大会第三次会议开幕\n"
                "王五等大会执行主席在主席台前排就座\n"
                "1月4日上午,西城区第十七届人民代表大会第三次会议开幕。王五、刘东伟、赵六、"
                "钱七在主席台前排就座。区政协主席孙八等在主席台就座。\n"
                "区长刘东伟代表区人民政府向大会作政府工作报告。\n")
    assert (doc.speaker, doc.speaker_title) == ("刘东伟", "区长")


def test_speaker_of_a_headline_without_a_title(tmp_path: Path) -> None:
    doc = _news(tmp_path, "西城区第十七届人民代表大会第三次会议开幕\n"
                "刘东伟作政府工作报告 王五主持会议\n"
                "本次大会执行主席王五、刘东伟、赵六在主席台前排就座。\n"
                "在热烈的掌声中,刘东伟代表区人民政府向大会报告工作。\n")
    assert (doc.speaker, doc.speaker_title) == ("刘东伟", None)


def test_acting_title_heard_by_the_delegates(tmp_path: Path) -> None:
    doc = _news(tmp_path, "西城区第十七届人民代表大会第三次会议开幕\n"
                "王五主持 刘东伟作政府工作报告 赵六等在主席台就座\n"
                "昨日,西城区第十七届人民代表大会第三次会议开幕,听取代理区长刘东伟作政府工作报告。\n")
    assert (doc.speaker, doc.speaker_title) == ("刘东伟", "代理区长")


def test_a_government_byline_of_a_six_character_name(tmp_path: Path) -> None:
    doc = _rewritten(XICHENG_2023, tmp_path,
                     ("北京市西城区人民政府区长 刘东伟\n", "北京市西城区人民政府 巴雅尔图门德\n"))
    assert doc.speaker == "巴雅尔图门德"


def test_a_byline_of_a_date_and_a_name(tmp_path: Path) -> None:
    doc = _rewritten(XICHENG_2023, tmp_path, (
        "——2023年1月4日在北京市西城区第十七届\n人民代表大会第三次会议上\n"
        "北京市西城区人民政府区长 刘东伟\n", "(2023年1月4日 刘东伟)\n"))
    assert (doc.speaker, doc.date) == ("刘东伟", "2023-01-04")
