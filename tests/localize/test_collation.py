"""Issue 17: sorting in the reader's language (pinyin for Chinese), the same on every machine."""

from __future__ import annotations

import os
import subprocess
import sys

from dehub.localize.collation import collated
from tests.conftest import ROOT


def test_chinese_sorts_by_pinyin_not_by_code_point() -> None:
    states = ["柏林", "北莱茵-威斯特法伦州", "巴伐利亚州", "勃兰登堡州", "下萨克森州", "汉堡"]
    # bā fá, běi, bó lán, bó lín, hàn, xià: code points would put 下 (U+4E0B) first
    assert collated("zh", states) == ["巴伐利亚州", "北莱茵-威斯特法伦州", "勃兰登堡州", "柏林", "汉堡", "下萨克森州"]
    assert sorted(states)[0] == "下萨克森州"


def test_accents_case_and_scripts_sort_with_their_base_letters() -> None:
    assert collated("fr", ["Thuringe", "Écosse", "Bavière", "Brême", "Basse-Saxe"]) == [
        "Basse-Saxe",
        "Bavière",
        "Brême",
        "Écosse",
        "Thuringe",
    ]
    assert collated("de", ["Zwickau", "Ärzte", "Bayern", "apfel"]) == ["apfel", "Ärzte", "Bayern", "Zwickau"]
    assert collated("es", ["Órbita", "Nube", "oso"]) == ["Nube", "Órbita", "oso"]
    # katakana as hiragana, the voicing mark second, ー as the vowel before it (ばあでん < ばいえるん < はんぶるく)
    assert collated("ja", ["ハンブルク州", "バイエルン州", "バーデン＝ヴュルテンベルク州"]) == [
        "バーデン＝ヴュルテンベルク州",
        "バイエルン州",
        "ハンブルク州",
    ]
    # Arabic: أ and إ sort as ا (alif, lām < alif, mīm < alif, nūn); code points would put أ and إ first
    assert collated("ar", ["بافاريا", "إنترنت", "الصحة", "أمن"]) == ["الصحة", "أمن", "إنترنت", "بافاريا"]


def test_the_order_does_not_depend_on_the_machines_locale_or_hash_seed() -> None:
    code = "from dehub.localize.collation import collated; print(collated('zh', ['汉堡', '柏林', '不来梅', '巴伐利亚州']), collated('fr', ['Été', 'eu', 'Zoé']))"
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "LC_ALL": lc, "PYTHONHASHSEED": seed},
            check=True,
        ).stdout
        for lc, seed in (("C", "1"), ("C.UTF-8", "2"), ("de_DE.UTF-8", "3"))
    }
    assert len(outputs) == 1
