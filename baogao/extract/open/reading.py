"""The object, action and scope of one amount in its clause (``read_object``), and whether an
amount only modifies the noun after it (``is_descriptor``)."""

from __future__ import annotations

import functools
import re

from baogao.data import load_json
from baogao.extract.open.amounts import (
    Amount,
    _find_amounts,
    _in_quotes,
    _unit_gate,
    measure_noun,
)
from baogao.extract.open.checks import (
    _after_amount,
    drop_compared,
    drop_year_end,
    owned_rate,
    unreadable,
    unreliable,
)
from baogao.extract.open.frames import open_names
from baogao.extract.open.grammar import (
    level_of,
    list_item,
    list_verb,
    modified,
    paired_owner,
)
from baogao.extract.open.lists import _strip_growth, listed_level, parallel_count, share_named
from baogao.extract.open.names import (
    _BASIS,
    _CHANGE_UNITS,
    _HAN,
    _INNER_ALT,
    _MEASURED_NOUN,
    _NUMERAL_END,
    _NUMERAL_ENDS,
    _SHARE_INSIDE,
    _TIME_ONLY,
    Reading,
    _compares,
    _growth_actions,
    _joined_action,
    _net_changes,
    _not_names,
    _object,
    _relative,
    _scope,
    _shared_noun,
    _strip_verbs,
    _subject_kept,
    _subject_of,
    _unsure,
    counted_head,
    subject_shared,
)
from baogao.extract.open.owners import (
    counted_before_de,
    counted_owner,
    lead_owner,
    listed_head,
    listed_measure,
    listed_tail,
    quoted_group,
)
from baogao.extract.open.words import (
    _PLACE_CHARS,
    _actions,
    _after_last_action,
    _alternation,
    _comparison_leads,
    _growth_word,
    _head_words,
    _list_cut,
    _list_name,
    _mid_verb,
    _post_phrase,
    _skip_longest,
    _skip_words,
    _strip_lead,
    _strip_tail,
    _tail_predicate,
    _tidy,
    _words,
    trim_name,
    vocabulary,
)
from baogao.read.regions import resolve_one


@functools.lru_cache(maxsize=1)
def _change_gap() -> re.Pattern[str]:
    vocab = vocabulary()
    return re.compile(f"(?:{_alternation(vocab['change_gap_words'])})?"
                      f"(?P<verb>{_alternation(vocab['growth_words'])})了?")


@functools.lru_cache(maxsize=1)
def _money_change() -> re.Pattern[str]:
    """A gap word and a verb of addition (``money_change_verbs`` of name_grammar.json) between
    a level of money and its amount."""
    verbs: list[str] = load_json("name_grammar.json")["money_change_verbs"]
    return re.compile(f"(?:{_alternation(vocabulary()['change_gap_words'])})?"
                      f"(?P<verb>{_alternation(verbs)})")


def change_named(text: str, head: int, pos: int, name: str, unit: str) -> str:
    """The name of a level with the change printed right after it, when the amount at
    ``pos`` is that change in the level's own unit (居民存量房贷利息年支出|减少|约1500亿元,
    最低工资标准每月|提高|183元): the value is the change, not the level."""
    if unit in ("%", "‰", "倍", "个百分点") or _growth_word(name):
        return name
    at = text.rfind(name, head, pos)
    found = _change_gap().fullmatch(text, at + len(name), pos) if at >= 0 else None
    if found:
        return name + found.group("verb")
    added = _money_change().fullmatch(text, at + len(name), pos) if at >= 0 else None
    if added and unit.endswith("元"):
        return name + added.group("verb")  # 企业退休人员养老金人均每月|新增|110元
    # 减少|财政收入|五百二十亿元, 降低|企业成本|480亿元: a change of a level printed before it
    # (not a count: 增加|学位|2100余个 adds items)
    lead = _growth_word(text[head:at]) if at > head and at + len(name) == pos else None
    if lead in _skip_words("level_change_leads") and "的" not in name and (
            unit.lstrip("万亿") not in vocabulary()["count_units"]):
        return name + str(lead)  # (not 用于提高|职工工资…的支出, 改造提升|高标准农田)
    return name


#: A noun opening on Latin capitals after a count (5家|A股上市公司, 10个|AAAA级景区).
_LATIN_NOUN = re.compile(r"[A-Z]{1,5}[\u4e00-\u9fff]")


#: A multiple against a base (等于一九五〇年的|一点八倍): of a subject printed before.
_AGAINST_BASE = re.compile(r"(?:等于|相当于)[^，,；;。]*的$")

#: A comparison after a generic measure (增速|高于全国): the measure of the object before.
_COMPARED_TO = ("高于", "低于", "快于", "慢于")


#: A level (人形机器人产量|突破5000台): not an amount acted on by the verb before the list.
_LEVEL_ENDS = ("量", "率", "规模", "能力", "比重", "水平")
#: Words of a stock, the total of all counted so far (总数, 总量, 总装机).
_STOCK_WORDS = ("总数", "总量", "总装机", "累计", "总规模", "总计")
#: Changes of a rate printed after a growth (增长68%，比上年|提高|24个百分点).
_RATE_CHANGES = frozenset({"提高", "提升", "上升", "下降", "降低", "回落", "加快", "放缓"})


def _compared_measure(name: str) -> bool:
    """True for a generic measure compared with another (增速高于全国)."""
    return name.startswith(_compared_heads())


@functools.lru_cache(maxsize=1)
def _compared_heads() -> tuple[str, ...]:
    """Every generic measure followed by a comparison word (增速高于, 比重低于)."""
    return tuple(m + c for m in _skip_words("generic_measures") for c in _COMPARED_TO)


@functools.lru_cache(maxsize=1)
def _level_verbs() -> tuple[str, ...]:
    """Verbs of a level reached (达到, 突破, 超过): the ``end_level_verbs`` and prefixes."""
    vocab = vocabulary()
    return tuple(sorted({*vocab["end_level_verbs"], *vocab["end_level_prefixes"]}, key=len,
                        reverse=True))


def read_object(text: str, clause: tuple[int, int], amount: Amount, prev_end: int,
                next_start: int, prev: Reading | None) -> Reading | None:
    """The object (name as printed), action and scope of ``amount`` within its clause."""
    head_start = max(clause[0], prev_end)
    pre = text[head_start : amount.start]
    if pre.endswith("了") and _growth_word(pre[:-1]):
        pre = pre[:-1]  # (就业率达97.3%，)上升了2.3个百分点: the change of the one before
    if head_start == clause[0] and (lead := _lead_particle(pre)):
        pre = pre[len(lead) :]  # (现代工业增长…，)即|平均每年递增: the same object goes on
    if pre.endswith(_skip_words("descriptor_leads")) and _HAN.match(text, amount.end):
        return None  # 通时速350公里(高铁), 海拔1500米以上(学校): a trait of what follows
    if amount.unit in ("%", "‰") and _share_of_next(text, amount.end, pre):
        return None  # 低空经济集聚全国30%以上|产业链企业: a share of the ones named after it
    if text.startswith("的", amount.end):
        # 超过20%的(有23种), 覆盖94%的(农村人口), 成为全国首个经济总量突破5万亿元的(城市):
        # a value describing what follows; 总投资200亿元的交易中心 is that one's 总投资
        measure = next((m for m in _skip_words("owned_measures") if pre.endswith(m)), "")
        owner = _post_phrase(text, amount.end + 1, next_start) if measure else ""
        if not owner or _unsure(owner):
            return None
        return Reading(owner + measure, None, _scope(text[clause[0] : amount.start]))
    if amount.unit == "倍" and _AGAINST_BASE.search(pre):
        return None  # (建成住宅…，)等于…平均每年建成住宅面积的|二点六倍: of the subject before
    if _each_value(pre):
        return None  # 15个街道各增加|1块体育场地, 职业技术大学、高等职业学校各|2所: per item
    if _RATIO.search(text, clause[0], clause[1]):
        return None  # 全国每出口4辆汽车就有1辆安徽造: a ratio, neither amount a total
    if head_start > clause[0] and prev is not None and (parallel := parallel_count(
            text, amount.end, clause[1], pre, prev.name, amount.unit)) is not None:
        return Reading(parallel, None, _scope(text[clause[0] : amount.start]))  # 、158项|实现…
    if "（" in pre or "(" in pre:
        pre = _INNER_ALT.sub(_joined_action, pre)
    # 实施临时救助1399户2357人: a value right after another in the same clause
    joined = head_start > clause[0] and pre.strip() in ("、", "和", "及", "")
    scope = _scope(text[clause[0] : amount.start])
    # 和美乡村 at a clause's start is a noun; after an amount 和 joins two (5个和3个)
    head = pre.lstrip("、，和及与" if head_start > clause[0] else "、，")
    # (建安投资66.4亿元，)占全社会投资的比重达到58.3%: a share of the object named before
    compared = prev is not None and (head.startswith(_comparison_leads()) or (
        head.startswith("占") and any(w in head for w in _skip_words("share_words"))))
    # 城镇化率提高至|64.7%, (从174.09万户)增加到|235.31万户: the level a change reached
    reach = next((w for w in _skip_longest("from_follow")
                  if head.endswith(w)), "") if head.endswith(_skip_words("from_follow")) else ""
    head = head[: len(head) - len(reach)]
    metric, metric_action = _strip_tail(head)
    metric_action = metric_action or reach or None
    trimmed = _tidy(metric)
    tidied = trimmed != metric and len(_strip_lead(trimmed)[0]) >= 2
    if tidied:
        # 研发经费投入预计年均(增长): 预计, 年均 are not the object; 投入 stays its noun
        metric, metric_action2 = _strip_tail(trimmed)
        metric_action = metric_action or metric_action2
    clause_of = False  # the name is a clause describing its head noun (…的支出)
    if metric.endswith(tuple(vocabulary()["metric_suffixes"])):
        # 重点建设用地安全利用率达到95%: a metric noun phrase, not cut at 建设
        name, action = _after_last_action(metric, tuple(vocabulary()["tail_keep"]))
        if action and len(name) <= 3:
            name, action = action + name, None  # 帮扶就业率: the action names the rate
        elif action and _whole_place(metric[: len(metric) - len(name) - len(action)]):
            name, action = metric, None  # 整县|建成|美丽乡村比例: the rate of whole counties
        tail_action = metric_action
    else:
        source = metric if tidied else head
        name, action = _after_last_action(source)
        clause_of = bool(action) and _relative(name) and source.endswith(
            f"{action}{name}") and not _unsure(f"{action}{name}")
        if clause_of:
            name, action = f"{action}{name}", None  # 提高|农副产品收购价格的支出: of the 支出
        if action and (action + name).startswith(_skip_words("noun_compounds")):
            name, action = action + name, None  # 疏解|腾退空间: the action word is the noun's
            name = modified(source, name)  # 长期|建设国债: a trait before the compound
        tail_action = None
        if action and head_start == clause[0] and (0 < len(name) <= 3 or (
                len(name) > 3 and all(t == "v" for _, t in _words(name)))):
            name = _subject_kept(source, name, action)  # (农牧区劳动力实现)|转移就业: verbs
        elif action and head_start == clause[0]:
            name = paired_owner(source, name, action)  # 城市|新建|职工住宅, 在农村|新建|…
    name, lead_action = (name, None) if clause_of else _strip_lead(name)
    name, stripped = _strip_tail(name)
    tail_action = tail_action or stripped
    action = lead_action or action or tail_action
    grammar = load_json("name_grammar.json")
    if action in grammar["achieving_verbs"] and tail_action and tail_action != action and (
            tail_action in _growth_actions() or tail_action in open_names()["decrease_words"]
            or tail_action in grammar["achieved_changes"]):
        action = tail_action  # 实现|利润|增长31%, 实现|业务表单数量|压减62.44%: the change
    if (tail_action and action != tail_action and action in grammar["activity_verbs"]
            and tail_action in grammar["activity_words"] and name + tail_action in head):
        name += tail_action  # 完成|城镇棚户区改造|73.5万套: the activity is the object
    name = _tidy(name)
    if (action is not None and action in open_names()["modifier_actions"]
            and name.endswith(tuple(open_names()["rate_ends"])) and action + name in head):
        # 新建居住区养老设施配建率: the action describes the noun the rate is of
        name, action = action + name, None
    made = next((a for a in (tail_action, action) if a in open_names()["quality_actions"]), "")
    if made and name.endswith(tuple(open_names()["quality_ends"])) and name + made in head:
        # 居家适老化|改造4.4万户, 公共建筑节能|改造: a quality made names nothing without it
        name += made
    follows = text[amount.end : amount.end + 1]
    base_unit = amount.unit.lstrip("万亿")
    name, verb = _strip_verbs(name)
    action = action or verb
    if name in _skip_words("growth_words") or name in _not_names() or _BASIS.fullmatch(name):
        name = ""  # (比例…)近3年提升21个百分点, 每年(安排): the object is named before
    if name in _skip_words("subject_measures") and prev is not None and (
            head_start > clause[0]
            or (_after_amount(text, clause[0]) and not _subject_of(head, name))):
        # 300个省列重大项目|累计完成投资2393.1亿元 (not 工业投资增长9.5%，…投资)
        owner = _strip_growth(_object(prev))  # 固定资产投资增长5.6%，五年累计完成投资…
        name = "" if owner.endswith(name) else owner + name
    elif name in _skip_words("subject_measures"):
        name = _subject_of(head, name) + name  # 省重大项目|完成投资7290亿元
    elif name in _skip_words("generic_measures") or _compared_measure(name) or (
            _compares(name) and trim_name(name)[0] in _skip_words("generic_measures")):
        # (…年均增长4.8%，)2025年总量比2020年|增加…: the measure compared is the same one
        # (38家股权基金,)规模累计达1000亿元; a sentence opening 总量达… names nothing; the
        # object is the one counted right before (not one of an earlier clause); (社会消费品
        # 零售总额增长4.1%，)增速高于全国|0.6个百分点: the same
        near = head_start > clause[0] or _after_amount(text, clause[0])
        name = _stock_owner(_strip_growth(_object(prev)), name) + name if (
            prev is not None and near) else ""
        if name and prev is not None and head_start > clause[0]:
            name = _flow_of(text[clause[0] : head_start], prev, name)  # 新谋划…、|总投资
    # 完成5万平方米拆违任务: an action right before the amount puts its object after it
    leads = (metric_action is not None and head.endswith(metric_action)
             and metric_action not in _skip_words("object_before_words"))
    counted = base_unit in vocabulary()["count_units"]
    single_name = ""
    runs_on = False
    # 158条道路39.71公里护栏拆除: a second measure of the same thing names its own object
    follows_prev = joined and not pre and prev is not None
    if amount.unit not in ("%", "‰") and (
        _HAN.match(follows) or follows == "“" or (
            counted and follows.isdigit() and not _in_quotes(text, amount.start, clause[0]))
        or (counted and _LATIN_NOUN.match(text, amount.end) is not None)  # 5家|A股上市公司
    ) and (counted or not name or leads or follows_prev):
        post = measure_noun(text, amount.end) or _post_phrase(text, amount.end, next_start)
        post = counted_before_de(text, amount.end, post, amount.unit)  # 退休人员…的|问题
        if name and post and _words(post)[0][0] in _skip_words("predicate_leads"):
            post = ""  # 企业3万余家|实现复工复产: the object is the one named before
        # 30万人次取得职业资格…的劳动者: an action inside a 的 phrase stays
        post, post_action = (post, None) if "的" in post else _strip_lead(post)
        post, post_tail = _strip_tail(post) if follows_prev else (post, None)
        measure = next((m for m in _skip_words("generic_measures") if post.endswith(m)), "")
        if measure and len(post) > len(measure) + 1 and text.startswith(
                post, amount.end) and amount.end + len(post) >= next_start:
            post = post[: -len(measure)]  # 60个项目|总投资2703.3万元: the measure is the next one's
        post, verb = _strip_verbs(post)
        if verb is not None and _purpose(text, amount, post, verb):
            post, verb = verb + post, None  # 投入567亿元|办好民生实事
        if post_action is not None and _purpose(text, amount, post, post_action):
            post, post_action = post_action + post, None  # 安排10亿元|支持乡村振兴
        generic = next((g for g in _skip_longest("generic_objects")
                        if post.startswith(g) and len(post) > len(g)), "")
        if generic and not post.startswith(_head_words()[1] + ("建设",), len(generic)):
            post = generic  # 1项|指标(细颗粒物…未完成), 1053个|事项(“跨省通办”)
        post_action = post_action or verb
        if follows.isdigit() and not _MEASURED_NOUN.match(post):
            post = ""  # 22个750千伏和…, 13.07万户46万群众: no noun after the measure
        single = len(post) == 1 and counted and (_words(post)[0][1] == "n" or (
            # 19个地级以上市和|2个|县: a place level listed after another is its own
            post in _PLACE_CHARS and prev is not None and prev.name[-1:] in _PLACE_CHARS
            and pre[-1:] in ("、", "和") and pre[:-1] == prev.name))
        if single:
            single_name = post
        if counted and post.endswith(_skip_words("uncountable_measures")):
            return None  # 8个|产业集群全产业链产值(突破…): the count is of the first noun
        if counted and _list_cut(text, amount.end, post, clause[1]):
            post = _list_name(text, amount.end, clause[1])  # 7所|学校、医院|周边…治理
            if not post:
                return None  # 7700多项食品、药品和其他…标准: a list not read whole
        if (len(post) >= 2 or single) and _HAN.search(post):  # 2个|县|被命名为…
            # 实施卫生健康为民服务15项实事: a generic noun keeps the words printed before
            # the number (not a list of examples ending in 等)
            if (post in _skip_words("generic_objects") and name and not pre.endswith("等")
                    and head.endswith(name) and _words(name)[-1][1] != "v"):
                post = name + post
            elif _qualifier(head, name, action, post):
                post = name + post  # 推出|长江经济带高质量发展|84项|政策措施: its field
            closing = text[amount.end + len(post) : clause[1]]
            if (action in load_json("name_grammar.json")["activity_verbs"] and closing
                    and text.startswith(post, amount.end)
                    and closing in load_json("name_grammar.json")["activity_words"]
                    and not any(c.isdigit() for c in post)):
                post += closing  # 完成|31万平方米|…旧住房|改造: the activity is the object
            runs_on = text.startswith(post, amount.end) and amount.end + len(post) == clause[1]
            name = post if head_start > clause[0] else lead_owner(
                text, clause[0], amount.start, post)  # 生态环境|9项约束性指标
            action = action or post_action or post_tail
        elif counted and follows.isdigit() and pre.endswith("的") and name:
            # 技术领先的|2座|35万千瓦…项目: the words before are a trait of the noun after
            # the count, which is not read
            return None
    carry: str | None = None
    if compared and prev is not None:
        # 集成电路产量增长21%、占全国18%: the share is of the object named before
        carry = _strip_growth(_object(prev))
        share = not head.startswith(_comparison_leads())  # 占全社会投资的比重|达到: no verb kept
        name = carry + _tidy(_strip_tail(head)[0] if share else head)
        if (not share and prev.carry is None and prev.action is not None
                and prev.action in open_names()["flow_actions"]):
            name = prev.action + name  # 新开工…项目248个、|比上年增加36个: of those started
        action = None
    growth = _growth_word(pre.strip())
    average = ""  # 平均每年 printed alone before the growth of the object named before
    # (老楼加装电梯新开工35部、)完工|26部, (开工390个、)竣工|437个: the same object
    acted = (not name and head_start > clause[0] and pre.startswith(("、", "和"))
             and _strip_lead(_tidy(pre[1:]))[0] == ""
             and not pre.startswith(_skip_words("other_object_verbs"), 1))  # 惠及|310万人
    if not name and prev is not None and (growth or joined or (reach and not head) or acted):
        average = next((w for w in load_json("name_grammar.json")["average_leads"]
                        if growth and pre.strip() == w + growth), "")
        name = _strip_growth(_object(prev)) + growth if growth else _object(prev)
        if not growth and amount.unit not in _CHANGE_UNITS and (
                (acted and pre[1:].startswith(_level_verbs()))
                or (joined and text.startswith(_level_verbs(), amount.start))):
            name = level_of(name)  # 经营主体净增98万户、|突破1900万户: the total itself
        flow = prev.action or ""
        if growth and flow in open_names()["flow_actions"] and prev.carry is None:
            # 新登记经营主体320万户、|增长13%: the growth of those registered, not of all
            if f"新{flow}{_strip_growth(_object(prev))}" in text[clause[0] : amount.start]:
                flow = "新" + flow
            carry, name = name, flow + name  # (…总量达…: the stock again, not the flow)
        action = action or prev.action
        scope = scope or prev.scope
    trimmed_name, trim_action, baseline = trim_name(name) if name else (name, None, False)
    action = action or trim_action
    change = growth or (action if action in _growth_actions() else None)
    if (trimmed_name and amount.unit not in _CHANGE_UNITS and change and _compares(name)
            and not _compares(trimmed_name) and not trimmed_name.endswith(change)
            and not unreadable(trimmed_name)):
        trimmed_name += change  # 农村贫困人口比上年|减少245万人: the change, not the level
    if _TIME_ONLY.fullmatch(name) or (name and not trimmed_name):
        # 从2020年的51%提升到2025年的70% (a date: the object named before in this clause),
        # (转移支付达1379亿元，)较上年增长8.6% (a comparison: the one named before in the
        # sentence) name no object of their own
        same = head_start > clause[0] or not trimmed_name
        # (…达到186家，)比2007年|净增|65家: the net change of the same object, named so
        net = action if not growth and action in _net_changes() else ""
        name = (_strip_growth(_object(prev)) + (growth or net or "") if prev is not None
                and same else "")
    else:
        name, verb = _strip_verbs(trimmed_name)  # (修复和)新造|红树林, 谋划|项目
        if verb is not None and _purpose(text, amount, name, verb):
            name, verb = trimmed_name, None  # 投入567亿元|办好民生实事
        action = action or verb
    # 细颗粒物年均浓度|40微克/立方米|(下降9.1%): a change named after a level keeps its object
    inner = (_find_amounts(name, 0, len(name)) if amount.unit in _CHANGE_UNITS
             and _unit_gate().search(name) else [])
    if inner and inner[-1].end == len(name):
        name = _tidy(name[: inner[-1].start])
    name, done = _tail_predicate(name)
    action = action or done
    name, verb = _mid_verb(name)
    if verb:
        name, _ = _strip_verbs(name)  # 制定|修改|浦东新区法规
    action = action or verb
    if (not name or (len(name) < 2 and name != single_name) or not _HAN.search(name)
            or (name[-1] in _NUMERAL_ENDS and _NUMERAL_END.search(name))):
        return None  # (就业岗位8.3万余): a name ending in a number is a value run into it
    owner, mark, measure = name.rpartition("、")
    if mark and measure in _skip_words("generic_measures"):
        name = owner + measure  # 新增22家国家级5G工厂、总数(达36家): the total of those
    name = _shared_noun(text, amount, name, clause[1])
    name = drop_year_end(drop_compared(name))  # 油料产量比上年|增加, 农业总产值一九八一年
    name = owned_rate(text, clause[0], name, prev.name if prev is not None else None)
    if head_start == clause[0] and carry is None:
        name = subject_shared(text, clause[0], name)  # 城乡居民储蓄存款…，|年末存款余额
    if _unsure(name) or unreliable(text, clause, amount, name, action, runs_on) or (
            _SHARE_INSIDE.search(name)):  # …就业率达 97.3%科技服务业(占比36%): run on
        return None
    if (cut := counted_head(amount.unit, name)) is not None:
        if (verb := _verb_object(head, action, cut[1])) and text.startswith(name, amount.end) and (
                amount.end + len(name) == clause[1]):  # (not 乡村医生|线下|培训: cut short)
            # 免除|3000多万名|农村寄宿制学生|住宿费: those whose fee the verb waived
            name, action = f"{verb}{cut[1]}的{cut[0]}", None
        else:
            name, action = cut[0], action or cut[1]  # 3所|医院|交通综合治理: the noun counted
    if prev is not None and not action and (joined or (
            head_start > clause[0] and carry is None
            and (pre.startswith("、") or (pre[-1:] in ("、", "和") and len(pre) > 1 and (
                pre[:-1] == prev.name or _shared_modifier(pre[:-1], prev.name, name))))
            and amount.unit not in _CHANGE_UNITS and (
                prev.action not in _growth_actions() or prev.led is not None)
            and prev.action != "累计" and not name.endswith(_LEVEL_ENDS)
            and not any(w in name for w in ("总", "占", "于", "比")))):
        # 淘汰落后炼铁产能4659万吨、|水泥产能8700万吨: a listed item shares the verb before
        # (改造和新建1.88万所乡镇卫生院、|786所县医院: also a count printed before its noun)
        action = prev.action
    name = change_named(text, head_start, amount.start, name, amount.unit)
    if head_start > clause[0] and prev is not None:
        name = listed_head(pre, prev.name, name)  # 铁路新线…、|复线: 铁路复线
        name = listed_tail(pre, prev.name, name)  # 石油地质储量…、|天然气: …地质储量
        measured = listed_measure(pre, prev.name, name)  # 重点企业177家、|注册资本: theirs
        if measured != name:
            measured = _flow_of(text[clause[0] : head_start], prev, measured)
        name = measured
        run = text[clause[0] : head_start]
        if prev.name in run and run.count(prev.name[:2]) == 1:
            # 省级…、|…: 省级's too (not a level shared itself, nor one the run repeats:
            # 省级单项冠军企业…、省级专精特新中小企业…、|创新型企业)
            name = listed_level(pre, prev.name, name, amount.unit)
    name = quoted_group(text, clause[0], head_start, name)  # “…”8个|产业集群…产值
    name = counted_owner(text, head_start, amount.start, amount.end, name)  # 项目的|课题
    if prev is not None and _acts_on_another(pre, prev.name, name):
        return None  # (408支)家医团队|共签约|46万人: the people signed, not the teams
    mark = next((m for m in open_names()["plan_marks"] if name.endswith(m)), "")
    if mark and len(name) >= len(mark) + 3 and not counted and not name[: -len(mark)].endswith(
            ("年度", "年", "占", "比", "超", "较", "于")):  # (比)年度计划, 占计划: compared
        name = name[: -len(mark)]  # …的经费|计划为967亿元, 广义货币|预期增长14%: the plan's
    down = next((w for w in open_names()["decrease_words"] if pre.rstrip().endswith(w)), "")
    if (down and amount.unit in _CHANGE_UNITS and not _growth_word(name) and not carry
            and not name.endswith(down)):
        name += down  # 重工业总产值…下降|百分之四点七: the fall, not the level (its sign)
    later = _LATER_GROWTH.match(text, amount.end) if pre.endswith(("保持", "实现")) else None
    if (later and amount.unit in _CHANGE_UNITS and not _growth_word(name) and not carry
            and later.group(1) in _skip_words("growth_words")):
        name += later.group(1)  # 汽车产量继续保持|40%以上|增长: the growth, printed after
    led = list_verb(pre, action) if head_start == clause[0] else None
    if (led is None and action is None and head_start == clause[0] and carry is None
            and prev is not None and prev.led is not None and list_item(pre, name, amount.unit)):
        action = led = prev.led  # 全年新增…容量1500多万千瓦，|高等级公路1900公里: the list's verb
    if average and growth and name.endswith(growth):
        # (现代工业增长…，即)平均每年|递增: the yearly average of the same growth
        name = name[: -len(growth)] + average + growth
    name = _rate_changed(pre, prev, name, amount.unit)
    return Reading(share_named(name, amount.unit), action, scope, baseline, carry, led)


def _flow_of(run: str, prev: Reading, name: str) -> str:
    """``name`` of a measure of the entities counted right before (``prev``: 新谋划重点项目630个、
    |总投资1280亿元) with the flow that counted them, printed in ``run`` before their name
    (新谋划重点项目总投资: the investment of those newly planned, not of all of them)."""
    action = prev.action
    if not action or action in _growth_actions() or name.startswith(("新", action)) or any(
            w in name for w in _STOCK_WORDS):
        return name  # 新增…15家、|总数达23家: the stock of all of them, not the flow's
    flows = {*open_names()["flow_actions"], *load_json("name_grammar.json")["counted_flows"]}
    flow = next((f for f in ("新" + action, action) if f + prev.name in run
                 and (f.startswith("新") or f in flows)), "")
    return flow + name if name.startswith(prev.name) or not flow else name


def _rate_changed(pre: str, prev: Reading | None, name: str, unit: str) -> str:
    """The name of points a growth rate changed by, printed after the growth (全社会固定资产
    投资…，增长68%，|比上年提高|24个百分点: 全社会固定资产投资增速提高), not the object's own
    change; ``name`` otherwise. ``pre`` is the text before the points."""
    if unit != "个百分点" or prev is None or prev.action not in ("增长", "同比增长"):
        return name
    base = _strip_growth(_object(prev))
    change = next((w for w in _RATE_CHANGES if w in pre), "")
    if not change or "增速" in name or name not in (base, base + change):
        return name
    return base + "增速" + change


#: The Chinese characters after a measure up to a stop (…万吨|聚烯烃升级改造项目).
_NOUN_RUN = re.compile(r"[\u4e00-\u9fff]{2,16}")
#: A change word printed right after a change (保持40%以上|增长, 5%的|增长).
_LATER_GROWTH = re.compile(r"的?([\u4e00-\u9fff]{2})(?=[，,；;。、]|$)")
#: A ratio printed as 每…就有… (每出口4辆汽车就有1辆…).
_RATIO = re.compile(r"每[^，,；;。]{0,12}\d[^，,；;。]{0,12}就有")
#: 各 and what follows it up to the amount (各增加|1块, 各|2所).
_EACH = re.compile(r"各([\u4e00-\u9fff]{0,3})$")


def _stock_owner(owner: str, measure: str) -> str:
    """The owner of a total (总面积, 总数) named after a flow of it (新植果树经济林44万亩，|
    总面积达到76万亩): without the verb of the flow (果树经济林总面积)."""
    words = _words(owner) if measure.startswith("总") else ()
    if len(words) >= 2 and words[0][1] == "v" and words[0][0].startswith("新"):
        return owner[len(words[0][0]) :]
    return owner


def _verb_object(head: str, action: str | None, rest: str) -> str:
    """The verb a clause opens on (after no subject) before a count whose noun runs into a
    plain noun after it (免除|3000多万名|农村寄宿制学生|住宿费, 实施|1万名|老年人|白内障复明
    工程): that noun is the verb's object, the count of those it is done for; else ""."""
    head = head.strip()
    lead_words = _words(head) if head else ()
    verb = action if action and head.endswith(action) else (
        head if len(lead_words) == 1 and lead_words[0][1] == "v" else "")
    words = _words(rest)
    verbal = ("p", "m") if rest.endswith(_skip_words("noun_heads")) else ("v", "vn", "p", "m")
    if (not verb or len(rest) < 2 or words[-1][1] not in ("n", "nz", "l", "j") or len(words) > 3
            or any(t in verbal or t == "c" for _, t in words)):  # (白内障复明)工程: a programme
        return ""
    lead = head[: len(head) - len(verb)]
    return "" if lead and any(t in _OWNER_NOUN_TAGS for _, t in _words(lead)) else verb


#: Tags of a subject printed before a clause's verb.
_OWNER_NOUN_TAGS = frozenset({"n", "nz", "ns", "nt", "l", "j", "nr"})


def _whole_place(lead: str) -> bool:
    """True for 整 and a level of place (整县, 整村: every part of one county, village) printed
    before the action a rate counts (整县|建成美丽乡村比例)."""
    return (len(lead) == 2 and lead[0] == "整"
            and lead[1] in load_json("name_grammar.json")["place_levels"])


def _lead_particle(pre: str) -> str:
    """The conjunction or discourse adverb a clause opens on (即, 则, 但是: ``lead_particles``
    of ``name_grammar.json``) when words follow it before the amount, else ""."""
    words = _words(pre) if pre else ()
    if len(words) > 1 and words[0][0] in load_json("name_grammar.json")["lead_particles"] and (
            len(words) < 3 or words[2][0] != "的"):  # 则|增加的铁路总长度: a verb and 的 name
        return words[0][0]
    return ""


def _shared_modifier(modifier: str, before: str, name: str) -> bool:
    """True when the value before was named by ``modifier`` and the noun it shares with this
    one (新增2家|国家级|和16家市级专精特新“小巨人”企业): both are items of one list."""
    return (before.startswith(modifier) and len(before) > len(modifier)
            and name.endswith(before[len(modifier) :]))


def _each_value(pre: str) -> bool:
    """True when the amount follows 各 alone or 各 and a verb (15个街道各增加1块体育场地):
    the value is each one's, not a total, and no name says so (not 各类学位, a noun)."""
    match = _EACH.search(pre)
    if match is None or (match.start() > 0 and _HAN.match(pre, match.start() - 1) is not None
                         and _words(pre[: match.start() + 1])[-1][0] != "各"):
        return False  # 各 inside a word (各地区), not the pronoun
    verb = match.group(1)
    return not verb or all(tag == "v" for _, tag in _words(verb))


#: Tags of the last word of a qualifier printed between an action and a count (长江经济带
#: 高质量发展, …的): a noun, a verbal noun, a word of the report lexicon, or 的.
_QUALIFIER_ENDS = frozenset({"n", "nz", "vn", "l", "j", "uj", ""})


def _qualifier(head: str, name: str, action: str | None, post: str) -> bool:
    """True when ``name``, read between the clause's action and a count (推出|长江经济带高质量
    发展|84项|政策措施), qualifies the noun counted after it: a noun phrase printed right
    before the count, led by the action, neither a place (a scope), a time, nor examples."""
    if not name or not action or not head.endswith(action + name) or head.endswith("等"):
        return False
    words = _words(name)
    return (2 <= len(name) <= 12 and len(post) >= 2 and words[-1][1] in _QUALIFIER_ENDS
            and words[0][1] not in ("v", "vn")  # 开发|储备|公益性岗位: a second verb
            and not any(tag in ("m", "t", "r", "p") for _, tag in words)
            and resolve_one(name) is None and not _unsure(name)
            and not any(c.isdigit() for c in name))


#: Tags of a word after a share that makes the share one of the words after it.
_SHARE_OF_TAGS = frozenset({"n", "nz", "l", "vn", "p", "a"})


def _share_of_next(text: str, end: int, pre: str) -> bool:
    """True when the share ending at ``end`` is followed by a noun, a preposition, an
    adjective or a verb of ``share_predicates`` (全国30%以上|产业链企业, 80%以上|在农村,
    62%|用于产业发展): it is the share of what those words say. A rate before it (…合格率
    99.7%|辖区…, a sentence run into the next) is read as printed."""
    if not _HAN.match(text, end) or text.startswith("的", end):
        return False
    word, tag = _words(text[end : end + 8])[0]
    if _tidy(pre).endswith("率") or re.sub(r"[达到为是]+$", "", _tidy(pre)).endswith("率"):
        return False
    return tag in _SHARE_OF_TAGS or word in load_json("name_grammar.json")["share_predicates"]


def _purpose(text: str, amount: Amount, post: str, verb: str) -> bool:
    """True when ``verb`` says what an amount of money is for and is printed right after
    it (投入567亿元|办好|民生实事): the name keeps it, the money being no value of the
    object."""
    return (verb in open_names()["purpose_verbs"] and amount.unit.lstrip("万亿").endswith("元")
            and text.startswith(f"{verb}{post}", amount.end))


def _acts_on_another(pre: str, before: str, name: str) -> bool:
    """True when the noun counted just before (``before``) is the subject of the verb
    right before this amount and the name read is that noun again: the amount counts
    the verb's object, which is not printed (408支家医团队|共签约|46万人)."""
    if not before or name != before or not pre.startswith(before) or len(pre) <= len(before):
        return False
    words = _words(pre[len(before) :])
    verb, tag = words[-1]
    return (tag == "v" and all(t == "d" for _, t in words[:-1]) and verb in _actions()
            and verb not in _skip_words("growth_words")
            and not verb.endswith(_skip_words("from_follow")))


def is_descriptor(text: str, amount: Amount, stop: int, more: bool) -> bool:
    """A measure modifying the noun after it (500米服务半径, 50万吨甲醇制乙醇项目)."""
    base = amount.unit.lstrip("万亿")
    if base in vocabulary()["count_units"] or amount.unit in ("%", "‰"):
        return False
    follows = text[amount.end : amount.end + 1]
    if not _HAN.match(follows):
        return False
    if base in vocabulary()["descriptor_units"] and follows not in "以内":
        return True  # 公园24小时开放, 15分钟生活圈: a duration describing a service
    post = _post_phrase(text, amount.end, stop) if not more else text[amount.end : stop]
    tails = vocabulary()["descriptor_tails"]
    if more or any(post.endswith(t) or t in post for t in tails):
        return True
    # 135万吨|聚烯烃升级改造项目|开工: the noun runs on past an action to a project
    run = _NOUN_RUN.match(text, amount.end, stop)
    return run is not None and any(t in run.group(0) for t in tails)
