"""Chinese numerals, dates written in Chinese, and the traditional characters plans use.

Traditional characters are folded to simplified only to *recognise* words (牽頭單位) and to
compare unit names; the text written to the data stays as the plan wrote it.
"""

from __future__ import annotations

import datetime as dt
import re

DIGITS = {"〇": 0, "○": 0, "O": 0, "o": 0, "Ｏ": 0, "零": 0, "０": 0, "0": 0}
DIGITS.update({c: i for i, c in enumerate("一二三四五六七八九", start=1)})
DIGITS.update({c: i for i, c in enumerate("123456789", start=1)})
DIGITS.update({c: i for i, c in enumerate("１２３４５６７８９", start=1)})
DIGITS.update({"两": 2, "兩": 2})
HAN = re.compile(r"[\u4e00-\u9fff]")
"""A Chinese character (the basic block, as the importer's patterns write it)."""
NUMERAL_CHARS = "一二三四五六七八九十"

_TRADITIONAL = (
    "牽牵頭头單单責责時时監监參参與与協协辦办關关縣县區区鄉乡鎮镇門门務务處处廳厅級级個个報报"
    "開开實实進进長长會会員员計计劃划標标規规範范評评審审費费發发證证業业財财執执預预齊齐黨党"
    "團团衛卫農农職职號号內内為为並并後后這这們们將将專专導导續续據据體体總总問问題题應应當当"
    "書书記记達达項项現现產产場场營营環环統统約约條条強强層层點点紀纪檢检勞劳組组幹干違违納纳"
    "準准聽听議议優优質质態态電电網网話话訪访歸归檔档數数庫库節节週周盡尽備备稅税銀银險险醫医"
    "藥药療疗學学習习傳传廣广圖图館馆護护設设試试貫贯徹彻屆届舉举權权擔担兩两對对結结構构編编"
    "製制於于級级戶户莊庄園园縣县區区產产資资源源態态軍军勢势務务歲岁義义億亿氣气車车運运輸输"
    "華华東东廠厂廳厅廉廉潔洁紀纪轄辖樣样檔档雙双隨随機机聯联覆覆蓋盖訴诉稱称簡简複复決决僅仅"
    "濟济辦办週周歷历屬属彙汇匯汇億亿禮礼幣币雲云葉叶陽阳陰阴龍龙獎奖懲惩態态處处轉转歡欢"
    # more of the characters of real traditional-character reposts
    "負负別别細细說说變变價价鐵铁礦矿綠绿熱热驗验貿贸創创種种線线補补織织際际錄录鑒鉴紹绍獲获適适維维積积極极調调動动築筑興兴遠远邊边戰战陸陆圍围無无從从給给許许識识談谈讓让認认論论貧贫購购響响頁页順顺須须領领額额顧顾風风養养鐘钟錢钱錯错銷销間间閱阅陣阵隊队階阶難难靜静頒颁願愿類类饋馈馬马萬万蘇苏觀观視视親亲覺觉訂订訊讯詳详誌志語语誤误課课請请諮咨講讲謀谋譽誉讀读貨货貸贷賓宾賦赋贊赞趨趋跡迹蹤踪軟软較较載载輔辅輕轻辭辞還还郵邮鄰邻鋼钢鏈链閉闭陳陈隱隐雜杂離离頻频顯显飲饮餘余騰腾驅驱鬆松劑剂勵励壓压壞坏墾垦奮奋婦妇孫孙寬宽嶺岭帳账師师帶带幫帮廢废張张彈弹復复徵征憑凭懷怀撥拨擊击擴扩攜携敗败斷断曉晓樓楼樹树橋桥殘残氣气況况減减測测溫温滿满漁渔潛潜災灾煙烟燈灯爭争獨独獻献畫画盜盗確确礎础穩稳窮穷競竞筆笔簽签糧粮糾纠紅红紙纸終终經经綜综緊紧練练縮缩績绩繼继罰罚聲声腦脑臨临舊旧藝艺襲袭償偿儲储優优閒闲鏡镜險险顏颜驗验縣县濱滨灣湾島岛區区碼码買买賣卖債债險险幾几麵面滬沪"
    "爲为註注"  # h18p: 除標註爲“牽頭”單位外 (浙江 2024, a traditional repost)
)
TRADITIONAL = {a: b for a, b in zip(_TRADITIONAL[::2], _TRADITIONAL[1::2], strict=True)}
_TABLE = str.maketrans(TRADITIONAL)


def simplified(text: str) -> str:
    """Fold the traditional characters plans use to simplified (for matching only)."""
    return text.translate(_TABLE)


ASCII_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
"""Full-width digits to ASCII ones (１２ → 12), for the plans that write them."""


def numeral_value(text: str) -> int | None:
    """一 → 1, 十九 → 19, 二十 → 20, 九十九 → 99, 12 → 12; None when it is not a numeral."""
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"[0-9０-９]+", text):
        return int(text.translate(ASCII_DIGITS))
    if not re.fullmatch(f"[{NUMERAL_CHARS}]+", text):
        return None
    if "十" not in text:
        return DIGITS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return None
    value = (DIGITS[tens] if tens else 1) * 10 + (DIGITS[ones] if ones else 0)
    return value


def numeral_text(value: int) -> str:
    """1 → 一, 19 → 十九, 20 → 二十."""
    names = "零一二三四五六七八九"
    if value < 10:
        return names[value]
    tens, ones = divmod(value, 10)
    return (names[tens] if tens > 1 else "") + "十" + (names[ones] if ones else "")


YEAR_DIGIT = "〇○OoＯ零一二三四五六七八九0-9０-９"
CHINESE_DATE = re.compile(
    rf"([{YEAR_DIGIT}]{{4}})\s*年\s*([{NUMERAL_CHARS}0-9０-９]{{1,3}})\s*月"
    rf"\s*([{NUMERAL_CHARS}0-9０-９]{{1,3}})\s*日"
)


def signing_date(line: str) -> bool:
    """A line that is a written date and nothing else, as a 落款's date stands: 2024年2月20日,
    二〇二四年二月二十日, spaced or in brackets (a deadline ends in 前 or 底, a date in a sentence
    has words around it)."""
    return CHINESE_DATE.fullmatch(line.strip(" \t\u3000\xa0（）()")) is not None


def parse_written_date(text: str) -> dt.date | None:
    """二O一O年五月十一日, 二〇二三年三月十五日, 二零一零年…, 2017年5月15日 → a date."""
    match = CHINESE_DATE.search(text)
    if not match:
        return None
    year_text, month_text, day_text = match.groups()
    try:
        year = int("".join(str(DIGITS[c]) for c in year_text))
    except KeyError:
        return None
    month, day = numeral_value(month_text), numeral_value(day_text)
    if month is None or day is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
