"""Marks of a web page's copy left in an open fact's name, read off or the name dropped.

Pages copied from the web carry their own marks into the running text: a bullet dash opening
a line (——全社会固定资产投资预计完成…), a year masked by the site (20xx年生产总值预计增长…),
an ellipsis where the page cut a passage (60件民生实事......报告中，…), a number torn by a space
(生产总值6835. 27亿元), words scrambled with stray digits and dashes (服务业增加—值1增—长). The
object is what is left after the bullet, the masked year or the ellipsis; a name torn or
scrambled names nothing that can be read, and the fact is dropped (precision first).
"""

from __future__ import annotations

import re

#: A bullet or dash opening the name (——, —, -, ·, •).
_BULLET = re.compile(r"^[—\-·•●○■□◆◇▪]+")
#: A year whose digits the page masked (20xx年, XX年), with its end of year (底, 末).
_MASKED_YEAR = re.compile(r"^(?:\d{2})?[xX×＊*]{2}年(?:底|末)?")
#: An ellipsis where the page cut the text: the name ends before it.
_ELLIPSIS = re.compile(r"(?:\.{3,}|…+|。{3,})")
#: A number torn by a space closing the name (生产总值6835.|27亿元).
_TORN_NUMBER = re.compile(r"\d+\.$")
#: Han characters with a dash or a digit between them inside a name of no number
#: (服务业增加—值1增—长).
_SCRAMBLED = re.compile(r"[\u4e00-\u9fff]—[\u4e00-\u9fff\d]|[\u4e00-\u9fff]\d[\u4e00-\u9fff]—")


def page_marks_off(name: str) -> str | None:
    """``name`` without the marks of a page's copy (see the module notes); None when what is
    left names nothing (torn, scrambled, or under two characters once marks are off: a name
    printed whole, 17个|区, stays)."""
    if _TORN_NUMBER.search(name) or (_SCRAMBLED.search(name) and re.search(r"\d", name)):
        return None
    read = name
    cut = _ELLIPSIS.search(read)
    if cut is not None:
        read = read[: cut.start()]
    read = _MASKED_YEAR.sub("", _BULLET.sub("", read))
    return name if read == name else read if len(read) >= 2 else None
