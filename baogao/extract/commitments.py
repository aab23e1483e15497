"""Commitments: what a report promises for its year.

    items = extract_commitments(doc, facts)    # facts: catalog + open facts of ``doc``

Two sources:

* **Target facts of the plan part** (kind ``target``, period = the report's year, not a
  multi-year goal): 新增家庭养老照护床位500张, 地区生产总值增长5%左右.
* **Items of a 民生实事 list** — a sentence naming the list (办好20件民生实事, 扎实办好
  “十件民生实事”) followed by its items: numbered ones (（1）…（2）…, 一是…, 1.…), the
  following sentences of the same paragraph, the paragraphs of an annex headed by the list
  (2025年省十件民生实事), or an enumeration after a colon (10件民生实事：A、B、C), or the
  rows of a table (``extract.commitment_tables``). An item holding numbers contributes its
  target facts (marked with the list); an item without a number becomes one commitment
  with value None.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from baogao.extract.facts import iter_sentences, timing_at
from baogao.extract.open.amounts import Amount, _unit_gate, find_amounts
from baogao.extract.open.facts import (
    BASELINE,
    MULTI_YEAR,
    body_spans,
    clauses,
    is_descriptor,
    key_of,
    plan_like_role,
    vocabulary,
)
from baogao.extract.open.multiyear import _multi_year_paragraph, _multi_year_sentence
from baogao.extract.open.names import _HAN
from baogao.models import Bound, Commitment, Document, Fact, Paragraph

_NUMBERED = re.compile(r"[（(]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[）)]|"
                       r"(?<![\u4e00-\u9fff])[一二三四五六七八九十]{1,3}是|[\u2460-\u2473]")
_LEADING = re.compile(r"^\s*(?:\d{1,2}[.．、]|[一二三四五六七八九十]{1,3}、|[（(]\s*(?:\d{1,2}|"
                      r"[一二三四五六七八九十]{1,3})\s*[）)]|[\u2460-\u2473])")
_OBJECT_MAX = 40
_CONJUNCTIONS = ("和", "及", "与", "、")
#: An amount read into an object (不低于740元/月和): the object of the amount before it.
_AMOUNT_IN = re.compile(r"\d(?:\.\d+)?[万亿]?元/")
#: A span of several years before an amount in its clause (3年内, 三年内, 未来五年, 五年统筹
#: 投入, 三年安排450亿元; not 2025年内).
_YEARS_SPAN = re.compile(r"(?:(?<!\d)[2-9]|(?<!\d)\d{2}|[两三四五六七八九十])年"
                         r"(?:内|间|来|累计|共|统筹|合计|总计|安排|投入)|未来[两三四五]年")
#: Several years for the amount, named earlier in its sentence (争取用三年时间，…; 今后三年…)
#: or right after it (总额4万亿元的两年投资计划).
_YEARS_BEFORE = re.compile(r"(?:用|今后|未来|在)[两三四五六七八九十]年")
_YEARS_AFTER = re.compile(r"[^，,；;。\d]{0,3}?的[两三四五六七八九十]年")
#: A change's starting point: 从/由 before the amount in its clause, 到/至 and another amount
#: after it in the same clause (从15个县（市）扩大到57个县（市）, 由5%提高至8%).
_FROM = re.compile(r"(?:^|[^自])[从由]")
_TO = re.compile(r"[^，,；;。：:\d]{0,12}?(?:到|至)[^，,；;。：:\d]{0,6}\d")
#: Three or more short names joined by 、 right before a number (长白山、三江、吉光3个).
_ENUMERATED = re.compile(r"(?:^|[，,；;：:。])?(?:[\u4e00-\u9fff]{1,8}、){2,}[\u4e00-\u9fff]{1,8}$")
#: Bumped whenever the extractor's output changes; stored commitments of another version
#: (or of a changed ``commitments.json``) are extracted again when read.
EXTRACTOR_VERSION = 99


@functools.lru_cache(maxsize=1)
def commitments_version() -> str:
    """The version stored with a document's commitments: extractor and word tables."""
    from baogao.extract.commitment_tables import words as table_words

    tables = {k: v for k, v in table_words().items() if k.startswith(("table_", "promise_"))}
    words = json.dumps([vocabulary(), tables], ensure_ascii=False, sort_keys=True)
    digest = hashlib.sha1(words.encode("utf-8")).hexdigest()[:10]
    return f"{EXTRACTOR_VERSION}-{digest}"


@dataclass(frozen=True)
class ListItem:
    """One item of a 民生实事 list: its span and the list's name."""

    start: int
    end: int
    list_name: str
    #: False for a paragraph of an annex going on with the numbered item before it: its
    #: amounts belong to the list, but it names no item of its own
    named: bool = True


def _cue(text: str) -> str | None:
    words: list[str] = vocabulary()["list_cues"]
    for word in sorted(words, key=len, reverse=True):
        if word in text:
            return word
    return None


def _list_name(text: str, start: int, end: int) -> str:
    """The list as named (十件民生实事, 20件民生实事)."""
    cue = _cue(text[start:end]) or ""
    idx = text.find(cue, start, end)
    head = text[max(start, idx - 8) : idx + len(cue)]
    counted = r"[“\"]?[\d一二三四五六七八九十两百类件项方面大重点年度]*"
    match = re.search(counted + re.escape(cue), head)
    return (match.group(0) if match else cue).lstrip("“\"")


def _counted(name: str) -> bool:
    """A list name with its count (20件民生实事, 十件民生实事), not a topic (三是加强…农村民生
    工程建设。: the sentences after it are no items)."""
    return re.search(r"[\d一二三四五六七八九十两百]", name) is not None


def _split_numbered(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of （1）…（2）… items inside ``text[start:end]``."""
    marks = list(_NUMBERED.finditer(text, start, end))
    spans: list[tuple[int, int]] = []
    for i, mark in enumerate(marks):
        stop = marks[i + 1].start() if i + 1 < len(marks) else end
        spans.append((mark.end(), stop))
    return spans


def _split_enumeration(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of an enumeration after a colon (A、B、C)."""
    colon = max(text.rfind("：", start, end), text.rfind(":", start, end))
    if colon < 0:
        return []
    spans: list[tuple[int, int]] = []
    begin = colon + 1
    for i in range(colon + 1, end + 1):
        if i == end or text[i] in "、，,；;。":
            if i - begin >= 2:
                spans.append((begin, i))
            begin = i + 1
    return spans


def list_items(doc: Document) -> Iterator[ListItem]:
    """Items of the 民生实事 lists of this year in ``doc``."""
    text = doc.text
    paragraphs = [p for p in doc.paragraphs if not p.is_table_row]
    from baogao.extract.commitment_tables import list_tables

    annex = list(_annex_items(doc))
    yield from annex
    annexed = {item.list_name for item in annex} | {t.list_name for t in list_tables(doc)}
    for i, para in enumerate(paragraphs):
        role = doc.role_at(para.start)
        if role not in ("plan", "glossary"):
            continue
        if _cue(text[para.start : para.end]) is None:
            continue  # no sentence of it names a list (cue words hold no sentence break)
        sentences = list(iter_sentences(text, para.start, para.end))
        for j, sentence in enumerate(sentences):
            if _cue(text[sentence.start : sentence.end]) is None or not _announces(
                doc, text[sentence.start : sentence.end]
            ):
                continue
            name = _list_name(text, sentence.start, sentence.end)
            if name in annexed:
                break
            rest_end = sentences[-1].end
            numbered = _split_numbered(text, sentence.end, rest_end)
            if numbered:
                yield from (ListItem(a, b, name) for a, b in numbered)
                yield from _numbered_on(doc, paragraphs, i + 1, name,
                                        _ordinal(text, numbered[-1][0]))
                break
            if role == "glossary" or text[sentence.end - 1] in "：:":
                enum = _split_enumeration(text, sentence.start, sentence.end)
                if enum:
                    yield from (ListItem(a, b, name) for a, b in enum)
                    break
            announced = text[sentence.start : sentence.end]
            if j == 0 and len(sentences) > 2 and len(announced) <= 24 and not re.search(
                    r"[，,；;]", announced) and _counted(name):
                # 办好20件民生实事。A。B。C。 — the paragraph goes on with the items (not
                # 筹措资金835亿元，实施十大为民办实事工程。 where other tasks follow)
                yield from (ListItem(s.start, s.end, name) for s in sentences[1:])
                break
            if j == len(sentences) - 1:
                yield from _following_numbered(doc, paragraphs, i + 1, name)


def _announces(doc: Document, sentence: str) -> bool:
    """A sentence announcing this year's list (办好…民生实事), not a review or a heading."""
    if doc.year is not None and re.search(r"(?:19|20)\d{2}", sentence):
        years = {int(y) for y in re.findall(r"((?:19|20)\d{2})年", sentence)}
        if years and doc.year not in years:
            return False
    done = vocabulary()["done_words"]
    return not any(w in sentence for w in done if len(w) > 2)


_ORDINAL = re.compile(r"[（(]?\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[）)是]?")
_CN_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九", 1)}


def _ordinal(text: str, item_start: int) -> int | None:
    """The number of the item whose text starts at ``item_start`` (its mark just before)."""
    mark = next((m for m in _NUMBERED.finditer(text, max(0, item_start - 6), item_start)
                 if m.end() == item_start), None)
    if mark is None:
        return None
    found = _ORDINAL.search(mark.group(0))
    return _number(found.group(1)) if found else None


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    if word == "十":
        return 10
    if word.startswith("十"):
        return 10 + _CN_DIGITS.get(word[1:], 0)
    if word.endswith("十"):
        return 10 * _CN_DIGITS.get(word[0], 0) or None
    if "十" in word:
        tens, ones = word.split("十", 1)
        return 10 * _CN_DIGITS.get(tens, 0) + _CN_DIGITS.get(ones, 0)
    return _CN_DIGITS.get(word)


def _numbered_on(doc: Document, paragraphs: list[Paragraph], start: int, name: str,
                 last: int | None) -> Iterator[ListItem]:
    """Items of a numbered list that go on in the paragraphs after the one naming it (一是…
    in one paragraph, 二是… and 三是…十是 in the next ones, as text copied from a PDF breaks
    them): while a paragraph opens on the next number."""
    heads = {x.start for x in doc.sections}
    for para in paragraphs[start:]:
        if last is None or para.start in heads:
            return
        marks = list(_NUMBERED.finditer(doc.text, para.start, para.end))
        if not marks or marks[0].start() != para.start or _ordinal(
                doc.text, marks[0].end()) != last + 1:
            return
        spans = _split_numbered(doc.text, para.start, para.end)
        yield from (ListItem(a, b, name) for a, b in spans)
        last = _ordinal(doc.text, spans[-1][0])


def _following_numbered(doc: Document, paragraphs: list[Paragraph], start: int, name: str
                        ) -> Iterator[ListItem]:
    heads = {s.start for s in doc.sections}
    for para in paragraphs[start:]:
        if para.start in heads:
            return
        line = doc.text[para.start : para.end]
        match = _LEADING.match(line)
        if match is None:
            return
        yield ListItem(para.start + match.end(), para.end, name)


def _annex_items(doc: Document) -> Iterator[ListItem]:
    """Paragraphs of an annex headed by this year's list (2025年省十件民生实事)."""
    for section in doc.sections:
        if section.role != "appendix" or _cue(section.title) is None:
            continue
        if doc.year is not None and re.search(r"(?:19|20)\d{2}", section.title) and str(
            doc.year
        ) not in section.title:
            continue
        name = _list_name(section.title, 0, len(section.title))
        paras = [p for p in doc.paragraphs
                 if section.heading_end <= p.start < section.end and not p.is_table_row]
        marked = [_LEADING.match(doc.text[p.start : p.end]) for p in paras]
        parts = [x.start for x in doc.sections if section.start < x.start < section.end]
        first = next((i for i, (p, m) in enumerate(zip(paras, marked, strict=True))
                      if m or (parts and p.start >= min(parts))), 0)
        # paragraphs before the first numbered one (or the first item heading) introduce
        # the list (坚持民生为大，…办好十件民生实事…), they are not items
        numbered = any(marked)
        for para, match in list(zip(paras, marked, strict=True))[first:]:
            yield ListItem(para.start + (match.end() if match else 0), para.end, name,
                           named=match is not None or not numbered)


def _item_object(text: str) -> str:
    """The leading phrase of an item (up to its first comma or full stop)."""
    phrase = re.split(r"[，,。；;：:]", text.strip(), maxsplit=1)[0]
    return phrase[:_OBJECT_MAX].strip()


def _sentence_of(doc: Document, pos: int, end: int) -> tuple[int, int]:
    for sentence in iter_sentences(doc.text, pos, end):
        return sentence.start, sentence.end
    return pos, end


def extract_commitments(doc: Document, facts: list[Fact]) -> list[Commitment]:
    """The commitments of ``doc``: plan targets for its year and 民生实事 items."""
    items = list(list_items(doc))
    found: list[Commitment] = []
    item_of: dict[int, ListItem] = {}
    for fact in facts:
        if not commitment_fact(doc, fact):
            continue
        item = next((it for it in items if it.start <= fact.start < it.end
                     or fact.start <= it.start < fact.end), None)
        if item is not None:
            item_of[id(fact)] = item
        found.append(_from_fact(fact, item))
    stated = {(f.start, f.text) for f in facts if f.doc_id == doc.id}
    stated |= {(f.start, t) for f in facts if f.doc_id == doc.id
               for t in (f.text.removeprefix(w) for w in ("约", "超", "近")) if t}
    found += _unnamed(doc, stated, items)
    covered = {(c.start, c.end) for c in found}
    for item in items:
        if not item.named or find_amounts(doc.text, item.start, item.end):
            continue
        start, end = item.start, item.end
        if any(a <= start < b for a, b in covered):
            continue
        evidence = doc.text[start:end].strip()
        obj = _item_object(evidence)
        if len(obj) < 4:
            continue
        found.append(Commitment(
            region=doc.region, year=doc.year, period=doc.year, object=obj, key=key_of(obj),
            action=_action_of(obj), value=None, unit=None, bound=None, text=obj,
            evidence=evidence, source=doc.source, row=doc.row, start=start, end=end,
            doc_id=doc.id, list_name=item.list_name, origin="list_item",
        ))
    from baogao.extract.commitment_tables import table_commitments

    found += table_commitments(doc)  # 民生实事 given as tables
    found.sort(key=lambda c: (c.start, c.evidence.find(c.text)))
    return _restated(_borrow_objects(found))


def _restated(found: list[Commitment]) -> list[Commitment]:
    """Without a name that restates a promise the report already made with the same
    amount (国内生产总值增长5%左右 … 经济增长预期目标为5%左右); 广义货币增长目标为16% stays."""
    heads = tuple(_promise_words()["promise_restated_names"])
    kept: list[Commitment] = []
    for c in found:
        at = c.evidence.find(c.text)
        # …提出8%左右的国内生产总值增长目标: the amount of a 目标 named after it
        aimed = at >= 0 and "目标" in re.split(r"[，,；;。]", c.evidence[at + len(c.text):])[0]
        if (c.object.endswith(heads) or aimed) and any(
                o is not c and not o.object.endswith(heads) and (o.value, o.unit, o.bound) == (
                    c.value, c.unit, c.bound) for o in found):
            continue
        kept.append(c)
    return kept


def commitment_fact(doc: Document, fact: Fact) -> bool:
    """A target fact of ``doc`` for its year that is a quantified promise."""
    if fact.kind != "target" or fact.period is None or fact.period != doc.year:
        return False
    if fact.estimated or fact.doc_id != doc.id or fact.scope in (MULTI_YEAR, BASELINE):
        return False
    return _promise(fact.name, fact.value, fact.unit, fact.text, fact.evidence)


def _borrow_objects(found: list[Commitment]) -> list[Commitment]:
    """An object read as the tail of a rate or of the amount before it (/月和, 不低于740元/月和
    in 740元/月和485元/月) is the object of that amount (城乡低保标准); without one, no
    promise."""
    kept: list[Commitment] = []
    for c in found:
        if c.object.startswith("/") or c.object.endswith(_CONJUNCTIONS) or _AMOUNT_IN.search(
                c.object):
            before = kept[-1] if kept and kept[-1].start == c.start else None
            if before is None:
                continue
            c = replace(c, object=before.object, key=before.key, action=before.action)
        kept.append(c)
    return kept


def _promise(name: str, value: float | None, unit: str | None, text: str, evidence: str,
             *, paid: bool = False) -> bool:
    """A quantified promise, not a count naming things or a measure describing one
    (``paid``: a sum spent on ``name``, which may be a list: 投入125亿元办好…民生实事)."""
    words = vocabulary()
    if value is None:
        return False  # 居民收入增长与经济增长同步: a promise, but not a quantified one
    if name.startswith(tuple(_promise_words()["promise_predicate_leads"])):
        return False  # 10条具有国际优势(…的重点产业链): a predicate, the noun counted is later
    if not paid and any(w in name for w in words["not_objects"]):
        return False
    if not re.search(r"\d", text) and unit not in ("%", None, ""):
        return False  # 两个健联体, 四项服务, 五对关系: counts naming things, not promises
    if unit in words["descriptor_units"]:
        return False  # 15分钟就业服务圈, 24小时开放: a measure describing a service
    if not paid and name.endswith(tuple(words["structure_heads"])):
        return False  # 20项民生工程, 9项工作, 58条改革举措: the plan's own structure
    at = evidence.find(text)
    if at >= 0:
        if evidence[:at].count("“") > evidence[:at].count("”"):
            return False  # “八大标志性战役30个专项行动”: a number inside a name
        clause = re.split(r"[，,；;。：:]", evidence[:at])[-1]
        if evidence.startswith(tuple(_promise_words()["promise_estimate_leads"])):
            return False  # 初步测算，…可减轻企业和居民负担约5000亿元: an estimate
        if clause.lstrip().startswith(tuple(_promise_words()["promise_forecast_leads"])):
            return False  # 预计今年高校毕业生超过1170万人: a forecast, not a promise
        if _YEARS_BEFORE.search(evidence[:at]) or _YEARS_AFTER.match(evidence, at + len(text)):
            return False  # 争取用三年时间，解决750万户…; 总额4万亿元的两年投资计划
        if _difference(evidence[:at], unit):
            return False  # 赤字规模4.06万亿元，比上年年初预算增加1800亿元: derived
        if _FROM.search(clause) and _TO.match(evidence, at + len(text)):
            return False  # 从15个县（市）扩大到57个县（市）: where the change starts from
        if _YEARS_SPAN.search(clause):
            return False  # 力争3年内全部启动…1.2万套: a goal over several years
        counted = str(unit or "").lstrip("万亿") in words["count_units"]
        lead = _strip_words(clause, words["lead_noise"])
        if counted and lead in _promise_words()["promise_improve_verbs"]:
            return False  # 优化3家国家大学科技园, 建强30家…: work on things that exist
        if lead.endswith(tuple(_promise_words()["promise_have_verbs"])):
            return False  # 拥有8个万亿元级产业集群: what there is, not what is promised
        nxt = evidence[at + len(text) : at + len(text) + 1]
        named = _ENUMERATED.search(evidence[max(0, at - 30) : at])
        if counted and _HAN.match(nxt) and named and not (
                named.group(0).endswith("等") and value > named.group(0).count("、") + 1):
            # 金昌、白银、庆阳3个城市医疗集团: a count of the places just named (not
            # 新认证绿色、有机、名特优新农产品1000个: the count of the noun before it, nor
            # 亚马逊、腾讯…航天云等25个数据中心: more than those named)
            return False
        follows = evidence[at + len(text) : at + len(text) + 1]
        measure = unit not in (None, "", "%", "‰") and str(unit).lstrip("万亿") not in words[
            "count_units"]  # 90%以上的村, 5个以上重大专项: shares and counts of the promise
        if measure and text.endswith(("以上", "以下")) and _HAN.match(follows):
            return False  # 5000吨标准煤及以上重点用能单位: a threshold describing a noun
    return True


@functools.lru_cache(maxsize=1)
def _promise_words() -> dict[str, list[str]]:
    """The ``promise_*`` word tables of ``commitment_words.json``."""
    from baogao.extract.commitment_tables import words

    return {k: v for k, v in words().items() if k.startswith("promise_")}


_COMPARED = re.compile(r"(?:^|[、，,])[^、，,；;。\d]{0,8}?"
                       r"(?:同比|(?:比|较)(?:上年|去年|上一年|\d{4}年))[^、，,；;。]*$")
_LEVEL = re.compile(r"\d(?:\.\d+)?[万亿]?[\u4e00-\u9fff]{0,2}[、，,]")


def _difference(before: str, unit: str | None) -> bool:
    """An amount compared with the year before after a level in the same sentence (…4.06万亿
    元，比上年年初预算增加1800亿元; 28.5万亿元、比上年增加1.1万亿元; …赤字规模比上年预算减少
    1500亿元): the difference is derived from the level promised, not a promise of its own
    (a growth rate, %, is)."""
    if unit in (None, "", "%", "‰") or str(unit).endswith("百分点"):
        return False
    compared = _COMPARED.search(before)
    if compared is None or not re.search(r"增加|减少|提高|降低|增长|下降|多|少", compared.group(0)):
        return False
    return _LEVEL.search(before[: compared.start() + 1]) is not None


def _spent(head: str, unit: str) -> str | None:
    """The spending verb right before a sum of money (投入125亿元, 投资250亿元), if any."""
    if not unit.endswith("元"):
        return None
    head = _strip_words(head.strip(), vocabulary()["lead_noise"])
    # the verb alone: not 总投资250亿元的项目 (a project's size)
    return head if head in _promise_words()["promise_spend_verbs"] else None


def _paid_for(text: str, start: int, stop: int) -> str:
    """What a sum pays for, from the words after it to its clause end (办好40件群众急难愁盼
    民生实事 → 群众急难愁盼民生实事): purpose verbs and counts dropped."""
    phrase = text[start:stop]
    phrase = _strip_words(phrase, _promise_words()["promise_purpose_verbs"])
    phrase = re.sub(r"^[\d.一二三四五六七八九十百两]+(?:个|件|项|类|大|方面)", "", phrase)
    return phrase.strip("“”\"（）() ")[:_OBJECT_MAX]


#: Word lists sorted longest first, by the identity of the (never changed) list; the list is
#: kept with its order so that its id is not reused.
_ORDERED: dict[int, tuple[list[str], tuple[str, ...]]] = {}


def _longest_first(words: list[str]) -> tuple[str, ...]:
    kept = _ORDERED.get(id(words))
    if kept is None or kept[0] is not words:
        kept = _ORDERED[id(words)] = (words, tuple(sorted(words, key=len, reverse=True)))
    return kept[1]


@functools.lru_cache(maxsize=1)
def _unnamed_tail_words() -> list[str]:
    words = vocabulary()
    return [*words["from_follow"], *words["growth_words"], *words["tail_noise"],
            *words["reach_words"]]


def _strip_words(phrase: str, words: list[str], *, tail: bool = False) -> str:
    changed = True
    ordered = _longest_first(words)
    while changed and phrase:
        if not (phrase.endswith(ordered) if tail else phrase.startswith(ordered)):
            break  # no word of the list at that end: one test instead of one per word
        changed = False
        for word in ordered:
            if tail and phrase.endswith(word) and len(phrase) > len(word):
                phrase, changed = phrase[: -len(word)], True
            elif not tail and phrase.startswith(word) and len(phrase) > len(word):
                phrase, changed = phrase[len(word):], True
    return phrase


#: A measure describing the noun after a count (65岁及以上, 3岁以下).
_DESCRIBED = re.compile(r"\d+(?:\.\d+)?(?:周岁|岁|年|个月|月)(?:及以上|及以下|以上|以下)?"
                        r"(?=[\u4e00-\u9fff])")


def _unnamed_object(text: str, clause: tuple[int, int], amount: Amount, prev_end: int
                    ) -> tuple[str, str | None]:
    """Object and action of an amount the open facts left unnamed (完成营造林600万亩,
    全社会研发经费投入增长8%左右, 新建2.7万亩粮食生产无人农场)."""
    words = vocabulary()
    head = text[max(clause[0], prev_end) : amount.start].lstrip("、，和及与")
    head = _LEADING.sub("", head)  # ④建设社区老年助餐服务点500个: the item's number
    head = _strip_words(head, words["lead_noise"])
    action = next((w for w in _longest_first(words["actions"]) if head.startswith(w)), None)
    head = _strip_words(head, words["actions"])
    if action is not None and head == action:
        head = ""
    head = _strip_words(head, _unnamed_tail_words(), tail=True)
    # 为超2.5万名65岁及以上失能老年人: the noun after a measure describing it
    described = _DESCRIBED.match(text, amount.end, clause[1])
    after = described.end() if described else amount.end
    # 重点建设40个绿美点: a modifier and a verb before the amount, the noun after it
    verb_last = head.endswith(tuple(words["actions"]))
    if (len(head) < 2 or verb_last) and text[after : after + 1] in ("的", *"".join(
            c for c in text[after : after + 1] if _HAN.match(c))):
        post = _clause_rest(text, after, clause[1])
        post = _strip_words(post.lstrip("的"), words["lead_noise"])
        if len(head) < 2 or len(post) >= 2:
            head = post
    head = head.strip("“”\"（）() ")
    return head[:_OBJECT_MAX], action


def _clause_rest(text: str, start: int, stop: int) -> str:
    """``text`` from ``start`` to the first mark ending a phrase (，。；：、, or 和 before
    another amount) outside brackets (超5个县（市、区）开展…: 县（市、区）开展…)."""
    depth = 0
    for i in range(start, stop):
        char = text[i]
        if char in "（(":
            depth += 1
        elif char in "）)":
            depth = max(0, depth - 1)
        elif depth == 0 and (char in "，,。；;：:、" or (char in "和及与" and text[
                i + 1 : i + 2].isdigit())):
            return text[start:i]  # …绿美点|和6条绿美带: the next amount's noun
    return text[start:stop]


def _unnamed(doc: Document, stated: set[tuple[int, str]], items: list[ListItem]
             ) -> list[Commitment]:
    """Commitments for amounts of the plan part that no fact states (the open facts could
    not name their object); the same filters as for facts apply."""
    text = doc.text
    found: list[Commitment] = []
    for role, para in body_spans(doc):
        if role != "plan" or plan_like_role(doc, para.start) != "plan":
            continue
        if _unit_gate().search(text, para.start, para.end) is None:
            continue  # no amount in the paragraph (find_amounts' own gate, once)
        para_multi: bool | None = None  # _multi_year's paragraph part, once per paragraph
        for sentence in iter_sentences(text, para.start, para.end):
            amounts = find_amounts(text, sentence.start, sentence.end)
            if not amounts:
                continue
            if para_multi is None:
                para_multi = _multi_year_paragraph(doc, para)
            if para_multi or _multi_year_sentence(text, sentence):
                continue
            evidence = text[sentence.start : sentence.end]
            for clause in clauses(text, sentence.start, sentence.end):
                inside = [a for a in amounts if clause[0] <= a.start < clause[1]]
                prev_end = clause[0]
                for i, amount in enumerate(inside):
                    printed = text[amount.start : amount.end]
                    nxt = inside[i + 1].start if i + 1 < len(inside) else clause[1]
                    before, prev_end = prev_end, amount.end
                    if (sentence.start, printed) in stated:
                        continue
                    spend = _spent(text[max(clause[0], before) : amount.start], amount.unit)
                    if spend is None and is_descriptor(
                            text, amount, nxt, i + 1 < len(inside)) and text[
                            amount.end : amount.end + 1] not in _CONJUNCTIONS:
                        continue  # 不低于740元/月和485元/月: joined to the next, not describing
                    timing = timing_at(doc, role, para, sentence, amount.start)
                    if timing is None or timing.kind != "target" or timing.period != doc.year:
                        continue
                    obj, action = _unnamed_object(text, clause, amount, before)
                    list_name = None
                    if spend is not None and (len(obj) < 2 or obj == spend or _cue(obj)):
                        # 投入125亿元办好40件群众急难愁盼民生实事: named by what it pays for
                        obj, action = _paid_for(text, amount.end, clause[1]), spend
                        if _cue(text[amount.end : clause[1]]):
                            list_name = _list_name(text, amount.end, clause[1])
                    printed, unit, bound, after = _printed(printed, amount.unit, evidence)
                    if after and len(after) >= 2 and (len(obj) <= 2 or _is_action(obj)):
                        obj = after
                    value = float(amount.value.normalize())
                    if obj.endswith("的"):
                        continue  # …不超过大病保险原封顶线的20%: a share of the noun before 的
                    if len(obj) < 2 or not _HAN.search(obj) or not _promise(
                            obj, value, amount.unit, text[amount.start : amount.end], evidence,
                            paid=spend is not None):
                        continue
                    item = next((it for it in items if it.start <= amount.start < it.end), None)
                    list_name = item.list_name if item else list_name
                    found.append(Commitment(
                        region=doc.region, year=doc.year, period=doc.year, object=obj,
                        key=key_of(obj), action=action, value=value, unit=unit,
                        bound=bound or amount.bound, text=printed, evidence=evidence,
                        source=doc.source, row=doc.row, start=sentence.start,
                        end=sentence.end, doc_id=doc.id,
                        value_high=(float(amount.value_high.normalize())
                                    if amount.value_high is not None else None),
                        list_name=list_name, origin="target"))
    return found


def _action_of(phrase: str) -> str | None:
    words: list[str] = vocabulary()["actions"]
    for word in sorted(words, key=len, reverse=True):
        if phrase.startswith(word):
            return word
    return None


def printed_amount(text: str, evidence: str) -> str:
    """``text`` with the alternative unit printed after it in ``evidence`` (7.4万套（间）)."""
    return _printed(text, "", evidence)[0]


def _is_action(word: str) -> bool:
    return word in vocabulary()["actions"] or word in vocabulary()["lead_noise"]


_ALT_UNIT = re.compile(r"[（(]([\u4e00-\u9fff])[）)]")


@functools.lru_cache(maxsize=1)
def _rate() -> re.Pattern[str]:
    words = vocabulary()
    per = "|".join(re.escape(w) for w in sorted(words["rate_denominators"], key=len,
                                                  reverse=True))
    bounds = "|".join(re.escape(w) for w in sorted(_bound_words(), key=len, reverse=True))
    return re.compile(rf"/({per})({bounds})?")


def _bound_words() -> dict[str, Bound]:
    from baogao.extract.catalog import cues

    return {w: bound for bound, words in cues()["suffix_bounds"].items() for w in words}


def _printed(text: str, unit: str | None, evidence: str
             ) -> tuple[str, str | None, Bound | None, str]:
    """The amount as printed: with a rate's denominator (16.8万元/人左右, 740元/月: unit
    元/月, bound from the word after it) or an alternative unit in brackets (7万套（间）;
    the unit stays 万套, so that it converts); and the noun after it when the object read
    before it is only a verb (建设筹措7万套（间）保障性租赁住房: 保障性租赁住房, not 筹措)."""
    at = evidence.find(text)
    if at < 0:
        return text, unit, None, ""
    rest = evidence[at + len(text) :]
    bound: Bound | None = None
    rate = _rate().match(rest)
    if rate is not None and unit and unit not in ("%", "‰"):
        text, unit = text + rate.group(0), f"{unit}/{rate.group(1)}"
        bound = _bound_words().get(rate.group(2) or "")
        rest = rest[rate.end() :]
    alt = _ALT_UNIT.match(rest)
    if alt is None or alt.group(1) not in vocabulary()["count_units"]:
        return text, unit, bound, ""
    stop = re.search(r"[，,。；;：:、]", rest)
    after = rest[alt.end() : stop.start() if stop else len(rest)]
    return text + alt.group(0), unit, bound, after[:_OBJECT_MAX]


def _from_fact(fact: Fact, item: ListItem | None) -> Commitment:
    text, unit, bound, after = _printed(fact.text, fact.unit, fact.evidence)
    name = fact.name
    if after and len(after) >= 2 and (len(name) <= 2 or _is_action(name)):
        name = after
    return Commitment(
        region=fact.region, year=fact.year, period=fact.period, object=name,
        key=key_of(name) if name != fact.name else (fact.key or key_of(fact.name)),
        action=fact.action, value=fact.value,
        unit=unit, bound=bound or fact.bound, text=text, evidence=fact.evidence,
        source=fact.source, row=fact.row, start=fact.start, end=fact.end, doc_id=fact.doc_id,
        value_high=fact.value_high, scope=fact.scope, indicator=fact.indicator,
        list_name=item.list_name if item else None, origin="target",
    )


def plan_body(doc: Document) -> list[tuple[int, int]]:
    """Spans of running text in the plan part (for the benchmark's denominators)."""
    return [(p.start, p.end) for role, p in body_spans(doc) if role == "plan"]
