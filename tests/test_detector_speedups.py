"""The relation detectors' speed-ups give the answers of their plain definitions (issue 13).

Each memo, index or quick test in ``figcheck.reading.relations`` is held here against what it replaced,
written out plainly, over texts where the answers differ, so a memo that leaked answers between texts or
a quick test that rejected a sentence the pattern would read fails here.
"""

from __future__ import annotations

import re
import threading

from figcheck.languages import load_language
from figcheck.models import Figure
from figcheck.reading.relations import shared
from figcheck.reading.relations.shared import Cues, per_text

TEXTS = [
    "Xảy ra 64 vụ cháy, làm chết 3 người; so với năm 2024 (71 vụ, 43 người chết) giảm 7 vụ.",
    "Phát hiện 27 vụ, 41 đối tượng; trong đó 34 vụ buôn bán. So với cùng kỳ (63 giải), tăng 5 giải.",
    "Toàn tỉnh có 10 xã, thị trấn là Bắc Sơn, An Hòa. Đạt 57,5% kế hoạch năm (3.800.000 lượt).",
]


def _figures(text: str) -> list[Figure]:
    """A figure at every number of the text (only the offsets matter to these helpers)."""
    from figcheck.reading.reader import reader_for

    return [f for f in reader_for("vi").extract(text).figures]


def _plain_described(text: str, f: Figure) -> tuple[str, ...]:
    m = re.search(r"[,;:.()\[\]]", text[f.end:f.end + 60])
    phrase = text[f.end:f.end + m.start() if m else f.end + 60]
    return tuple(w for w in phrase.lower().split()[:3] if w != "số")


def test_per_text_keeps_one_texts_answers_apart_from_anothers():
    calls = []

    @per_text
    def first_char_after(text: str, pos: int) -> str:
        calls.append((text, pos))
        return text[pos:pos + 1]

    a, b = "abc", "xyz"
    assert [first_char_after(a, 1), first_char_after(a, 1)] == ["b", "b"]
    assert len(calls) == 1  # the second answer came from the memo
    assert first_char_after(b, 1) == "y"  # same key, another text: computed again
    # an equal text that is another object is computed again too (identity, not equality, keys the memo)
    assert first_char_after("".join(["a", "bc"]), 1) == "b"  # noqa: FLY002 (a new object on purpose)
    assert len(calls) == 3


def test_per_text_answers_stay_right_under_threads():
    @per_text
    def upper_at(text: str, pos: int) -> str:
        return text[pos].upper()

    texts = [chr(ord("a") + k) * 50 for k in range(8)]
    wrong = []

    def work(t: str) -> None:
        for _ in range(300):
            for pos in range(0, 50, 7):
                if upper_at(t, pos) != t[0].upper():
                    wrong.append(t)

    threads = [threading.Thread(target=work, args=(t,)) for t in texts]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert wrong == []


def test_described_and_baseline_match_their_plain_definitions():
    cues = Cues(load_language("vi"))
    for text in TEXTS + TEXTS:  # twice: the second round answers from the memo
        for f in _figures(text):
            assert shared.described(text, f) == _plain_described(text, f)
            assert shared.baseline_in_brackets(cues, text, f) == shared._baseline_in_brackets.__wrapped__(
                text, f.start, f.end, cues)
    # what the examples are there for: one figure in brackets after a compared period, one not
    text = TEXTS[1]
    flags = {text[f.start:f.end]: shared.baseline_in_brackets(cues, text, f) for f in _figures(text)}
    assert flags.get("63") is True and flags.get("27") is False


LIST_TEXTS = [
    "Có 10 xã, thị trấn với tỷ lệ hộ nghèo ở mức < 7% là Thị trấn, Bắc Quỳnh, An Hòa.",
    "Có 3 đơn vị đạt chuẩn GỒM Tam Kỳ, Thăng Bình, Duy Xuyên.",
    "Có 5 xã, BAO GỒM: Bắc Sơn, An Hòa.",
    "Có 4 phường tham gia. Các phường, gồm: Lê Chân, Ngô Quyền, Hải An.",
    "Có 12 học sinh giỏi (Nguyễn An, Lê Bình) và 7 em khác.",
    "Có 2 xã\nlà Bắc Sơn, An Hòa.",
]


def test_enumeration_quick_tests_never_reject_what_the_patterns_read():
    from figcheck.reading.relations import enumeration

    cues = Cues(load_language("vi"))
    described_re = enumeration.cues_described_re(cues)
    seen_match = seen_back_ref = 0
    for text in LIST_TEXTS + [t.upper() for t in LIST_TEXTS]:
        sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.?", text)]
        for start, end in sentences:
            plain_back_ref = any(True for pos in range(start, end)
                                 for _ in cues.back_ref_re.finditer(text, pos, end))
            assert enumeration._has_back_reference(text, start, end, cues) == plain_back_ref
            seen_back_ref += plain_back_ref
            for m in re.finditer(r"\d+", text[start:end]):
                pos = start + m.end()
                if described_re.match(text, pos, end):
                    seen_match += 1
                    assert enumeration._cue_word_after(text, pos, start, end, cues)
    assert seen_match >= 4 and seen_back_ref >= 2  # the texts exercise both
    # and the quick test does reject: no cue word after the count
    text = "Có 10 xã đạt chuẩn nông thôn mới."
    assert not enumeration._cue_word_after(text, text.index("10") + 2, 0, len(text), cues)


def test_phrase_start_lookups_match_comparing_with_every_phrase():
    from figcheck.reading.relations import enumeration
    from figcheck.reading.relations.shared import is_or_starts_with

    cues = Cues(load_language("vi"))
    for phrases in (enumeration._named_nouns(cues), cues.place_prefixes):
        heads = phrases + [n + " giỏi" for n in phrases] + [n + "x" for n in phrases] + [
            "vụ", "vụ cháy", "", " xã", "học", "thị trấn mới", "khu dân", "tp. hải phòng", "tp.hcm"]
        for head in heads:
            plain = any(head == w or head.startswith(w + " ") for w in phrases)
            assert is_or_starts_with(head, frozenset(phrases)) == plain, head
        assert any(is_or_starts_with(h, frozenset(phrases)) for h in heads)
        assert not all(is_or_starts_with(h, frozenset(phrases)) for h in heads)
    nouns = enumeration._named_nouns(cues)
    assert enumeration._names_things(cues, "học sinh giỏi") and not enumeration._names_things(cues, "vụ cháy")
    assert len(nouns) > 5


def _plain_gap_after_noun(text: str, a: Figure, b: Figure) -> str:
    gap = text[a.end:b.start]
    if a.noun:
        idx = gap.find(a.noun)
        if idx >= 0 and not gap[:idx].strip(" ("):
            gap = gap[:idx] + gap[idx + len(a.noun):]
    if a.classifier:
        gap = re.sub(rf"^\s*{re.escape(a.classifier)}\b", "", gap)
    return gap


def test_gap_after_noun_matches_its_plain_definition():
    texts = TEXTS + ["Bắt 88 vụ, bắt 142 đối tượng, đạt 92,6%.", "Có 1.936 tổ với 5.808 người; 12 con bò, 3 con trâu."]
    for text in texts + texts:  # the second round answers from the memo
        figures = _figures(text)
        for a in figures:
            for b in figures:
                if a.end <= b.start:
                    assert shared.gap_after_noun(text, a, b) == _plain_gap_after_noun(text, a, b)


def test_opening_comparison_matches_comparing_each_cue():
    from figcheck.reading.relations import change
    from figcheck.reading.relations.shared import SentenceContext

    cues = Cues(load_language("vi"))
    openings = ["So với cùng kỳ, giảm 5 vụ.", "Cụ thể, so với năm 2024, tăng 3 vụ.", "- so cùng kỳ tăng 2 vụ.",
                "Xảy ra 5 vụ.", "Cụ thể, xảy ra 5 vụ.", "(So với tháng trước giảm 1 vụ)"]
    seen = set()
    for text in openings:
        sentence = _sentence_of(text)
        got = change._opens_with_comparison(cues, text, SentenceContext(text, sentence, []))
        opening = text[:60].lower().lstrip(" -–(")
        for w in cues.openers:
            if opening.startswith(w) and opening[len(w):len(w) + 1] in (",", " "):
                opening = opening[len(w):].lstrip(" ,")
                break
        assert got == any(opening.startswith(c) for c in cues.compared), text
        seen.add(got)
    assert seen == {True, False}


def _sentence_of(text: str):
    from figcheck.reading.reader import reader_for

    return reader_for("vi").extract(text).sentences[0]


def test_kind_of_answers_as_its_plain_definition_for_every_noun():
    from figcheck.reading.relations.shared import head_word

    cues = Cues(load_language("vi"))
    texts = TEXTS + ["Khởi tố 201 vụ, 228 bị can; bắt 766 đối tượng, 3 người.", "Có 12 con bò, 3 con trâu và 5 con."]
    seen = set()
    for text in texts + texts:
        for f in _figures(text):
            noun = (f.noun or "").lower()
            plain = next((kind for word, kind in cues.same_kind if noun == word or noun.startswith(word + " ")),
                         None) or head_word(f)
            assert cues.kind_of(f) == plain
            seen.add(plain)
    assert "đối tượng" in seen and len(seen) >= 4


def test_form_label_matches_its_pattern_alone():
    from figcheck.reading.relations import form

    texts = ["+ Phiếu phát ra: 390 + Phiếu thu lại: 390\n+ Phiếu hợp lệ: 382 + Đạt tỷ lệ: 97,9 %\n",
             "Tổng số:\u00a0 12 người; - Chiếm : 5%\nCó 3 vụ: 2 vụ cháy.", "Phiếu hợp lệ 382, đạt 97,9%."]
    seen = set()
    for text in texts:
        for f in _figures(text):
            w0 = max(0, f.start - 80)
            nl = text.rfind("\n", w0, f.start)
            before = text[nl + 1 if nl >= 0 else w0:f.start]
            m = form._LABEL.search(before)
            plain = None if m is None or (not m.group("bullet") and not ((nl >= 0 or w0 == 0) and m.start() == 0)) \
                else m.group("label").strip().lower()
            assert form._label(text, f) == plain
            seen.add(plain)
    assert None in seen and "phiếu hợp lệ" in seen and "đạt tỷ lệ" in seen


# -- every quick exit of a detector changes no relation ------------------------------------------------

# The detectors and helpers whose quick exits (a line marked "# quick exit") skip work that would find
# nothing. Their plain variants, with each quick exit made a ``pass``, must read the same relations.
QUICK_EXITS = [("change", "_respective_changes"), ("enumeration", "detect"),
               ("enumeration", "_named_after_description"), ("form", "_label"), ("share", "detect"),
               ("share", "_opened_with_its_whole"), ("subset", "detect_out_of"), ("whole_share", "detect"),
               ("breakdown", "detect_named_back"), ("change", "_rate_changes"), ("change", "_multiples"),
               ("breakdown", "detect_amount_named_back"), ("breakdown", "detect_divided_by"),
               ("share", "detect_allocated_then_done"), ("breakdown", "detect_summed_after"),
               ("breakdown", "detect_rest_after_a_part"), ("breakdown", "detect_respectively_after")]
ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "examples").glob("*.txt")) + sorted((ROOT / "examples").glob("*.jsonl")) \
    + sorted((ROOT / "tests" / "golden" / "inputs").iterdir())


def _without_quick_exits(module, name: str):
    import __future__

    import inspect
    import textwrap

    source = textwrap.dedent(inspect.getsource(getattr(module, name)))
    plain = re.sub(r"\b(?:return\b[^#\n]*|continue)\s*# quick exit\b.*", "pass", source)
    assert plain != source, f"{module.__name__}.{name} has no quick exit"
    namespace = dict(vars(module))
    code = compile(plain, f"<{module.__name__}.{name} without quick exits>", "exec",
                   flags=__future__.annotations.compiler_flag, dont_inherit=True)
    exec(code, namespace)  # noqa: S102 (the detector's own source, without its quick exits)
    return namespace[name]


# written for this test: a sentence for each kind the quick exits guard, and near misses of them
QUICK_EXIT_TEXTS = [
    ("Trong tháng xảy ra 12 vụ cháy, 2 vụ nổ. Về nguyên nhân, các vụ cháy gồm: do chập điện chiếm 58,33% số vụ; "
     "do sơ suất 25%; còn lại chưa rõ. Hội nghị bầu 40 đại biểu; đại biểu nữ chiếm 35%."),
    ("Toàn huyện có 6 xã, thị trấn với tỷ lệ hộ nghèo dưới 5% là Tân Lập, Hòa Bình, Đông Sơn, Phú Xuân, "
     "An Lạc, Thị trấn. Huyện có 3 phường đạt chuẩn. Các phường, gồm: Bắc Hà, Nam Hà, Trung Hà."),
    ("Phát hiện 310 vụ, bắt 402 đối tượng; so với cùng kỳ giảm 21 vụ (-6,3%), giảm 17 đối tượng (-4,1%). "
     "Số người bị thương tăng 12,5%."),
    ("Kết quả bỏ phiếu:\n+ Phiếu phát ra: 250 + Phiếu thu về: 250\n+ Phiếu hợp lệ: 246 + Đạt tỷ lệ: 98,4%\n"
     "+ Phiếu không hợp lệ: 4 + Đạt tỷ lệ: 1,6%\n"),
    "Có 95 hộ tham gia, trong đó 38 hộ nghèo, chiếm 40%. Năm nay trồng mới 14 ha rừng.",
    "Xảy ra 50 vụ tai nạn, làm chết 8 người; so với cùng kỳ giảm 5 vụ, giảm 2 người.",
    "Tiếp nhận 120 vụ; điều tra khám phá 96 vụ, tỷ lệ điều tra khám phá đạt 80%.",
    "Tiếp nhận 120 vụ; điều tra khám phá 96 vụ; tỷ lệ điều tra khám phá đạt 80%.",
    "Toàn tỉnh có 2.000 hộ nghèo. Tỷ lệ giảm còn 25% tổng số hộ nghèo toàn tỉnh.",
    "Khởi tố 60 vụ, 94 đối tượng, đạt 96,9%, trong đó ma túy 15 vụ; đã khám phá 15 vụ, 45 đối tượng, đạt 100%.",
    "Toàn tỉnh có 2.000 hộ nghèo. Huyện Đông có 500 hộ nghèo, chiếm 25% tổng số hộ nghèo toàn tỉnh.",
    "Trong 628 thí sinh dự thi, có 412 em đạt giải, chiếm 65,6%. Ngoài 628 thí sinh, có 412 em, chiếm 65,6%.",
    "Trong tổng số 124 vụ, có 98 vụ đã được làm rõ. Trong năm có 124 vụ, có 98 vụ đã được làm rõ.",
    ("Công an tỉnh bắt giữ 86 vụ, 124 đối tượng. Số vụ bắt giữ gồm 31 vụ mua bán, 47 vụ tàng trữ và 8 vụ khác. "
     "Số vụ gồm 31 vụ mua bán, 47 vụ tàng trữ."),
    "Giá lợn hơi ở mức 98.500 đồng/kg, giảm 6.200 đồng/kg so với mức 103.700 đồng/kg. Giá gạo 12.400 đồng/kg.",
    "Khu du lịch đón 455.000 lượt khách, gấp 1,3 lần năm 2025 (350.000 lượt). Năm 2025 đón 350.000 lượt khách.",
    ("Tổng thu ngân sách ước đạt 4.820 tỷ đồng. Tổng thu gồm: thu nội địa 3.450 tỷ đồng và thu từ xuất nhập khẩu "
     "1.370 tỷ đồng. Tổng cộng có 12 xã."),
    ("Năm nay xảy ra 86 vụ cháy. Xét theo cơ sở xảy ra cháy, nhà dân 40 vụ; cơ sở kinh doanh 30 vụ; xe 16 vụ. "
     "Xét thấy 12 vụ do chập điện, 9 vụ do sơ suất."),
    ("Huyện được giao 86,4 tỷ đồng, giải ngân 61,2 tỷ đồng, đạt 70,8%. Xã A giải ngân 12,5 tỷ đồng, đạt 80%. Vốn giao "
     "thêm 5 tỷ đồng."),
    "Các xã A, B, C lần lượt có 320 ha, 275 ha và 190 ha lúa bị ngập, tổng cộng 785 ha. Xã D có 12 hộ, 15 hộ.",
    "Dự án ảnh hưởng 240 hộ, đã nhận tiền 200 hộ, còn lại 40 hộ. Dự án ảnh hưởng 240 hộ, đã nhận tiền 200 hộ, 40 hộ.",
    "Bão làm 310 hộ phải sơ tán. Hai xã A và B có số hộ sơ tán lần lượt là 120 hộ và 190 hộ. Xã D có 12 hộ.",
]


def _relations_of_corpus() -> list:
    from figcheck.reading.reader import reader_for
    from figcheck.reading.sources import iter_sources

    reader = reader_for("vi")
    read = [[r.to_dict() for r in reader.read_source(src).relations] for src in iter_sources([str(p) for p in CORPUS])]
    return read + [[r.to_dict() for r in reader.extract(text).relations] for text in QUICK_EXIT_TEXTS]


def test_quick_exits_change_no_relation(monkeypatch):
    import importlib

    from figcheck.reading import relations

    fast = _relations_of_corpus()
    assert sum(len(rs) for rs in fast) > 100  # the corpus reads many relations of many kinds
    replaced = {}
    for mod_name, name in QUICK_EXITS:
        module = importlib.import_module(f"figcheck.reading.relations.{mod_name}")
        plain = _without_quick_exits(module, name)
        replaced[getattr(module, name)] = plain
        monkeypatch.setattr(module, name, plain)
    monkeypatch.setattr(relations, "SENTENCE_DETECTORS", tuple(replaced.get(d, d) for d in relations.SENTENCE_DETECTORS))
    monkeypatch.setattr(relations, "ARTICLE_DETECTORS", tuple(replaced.get(d, d) for d in relations.ARTICLE_DETECTORS))
    assert _relations_of_corpus() == fast


def test_every_marked_quick_exit_is_held_against_its_plain_variant():
    from pathlib import Path

    marked = set()
    for path in (ROOT / "src" / "figcheck" / "reading" / "relations").glob("*.py"):
        current = None
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            m = re.match(r"def (\w+)", line)
            if m:
                current = m.group(1)
            if "# quick exit" in line:
                marked.add((path.stem, current))
    assert marked == set(QUICK_EXITS)


def test_direction_and_cue_at_end_match_their_plain_definitions():
    from figcheck.reading.figures import _ends_with_phrase
    from figcheck.reading.relations.shared import CLAUSE_END

    cues = Cues(load_language("vi"))
    gaps = [", tăng ", ", giảm (", " vụ, giảm đi ", "; tăng ", ", bằng ", " (chiếm ", " chiếm tỷ lệ ", "đạt",
            " Tăng", "xtăng ", ", tương đương ", "", " người, ", "giảm.", " ít hơn ", " nhiều hơn, "]
    directions = set()
    for gap in gaps + [g.upper() for g in gaps]:
        low = gap.lower().rstrip(" ,(")
        plain = None if CLAUSE_END.search(gap) else "increase" if any(
            _ends_with_phrase(low, c) for c in cues.increase) else "decrease" if any(
            _ends_with_phrase(low, c) for c in cues.decrease) else None
        assert cues.direction(gap) == plain, gap
        directions.add(plain)
        low = gap.lower().rstrip(" ,:(")
        assert cues.cue_at_end(gap, cues.share_words) == next(
            (c for c in cues.share_words if _ends_with_phrase(low, c)), None), gap
    assert directions == {"increase", "decrease", None}
    assert cues.cue_at_end(" (chiếm ", cues.share_words) == "chiếm" and cues.cue_at_end(", ", cues.share_words) is None


def test_remainder_test_matches_searching_each_word():
    from figcheck.reading.relations import subset

    cues = Cues(load_language("vi"))
    text = "Có 50 vụ, số còn lại là 20 vụ; còn lạikhác 3 vụ, xcòn lại 4 vụ, và còn lại 5 vụ, 6 vụ."
    figures = _figures(text)
    answers = set()
    for a in figures:
        for b in figures:
            if a.end <= b.start:
                between = text[a.end:b.start].lower()
                plain = any(re.search(rf"(?<![^\W_]){re.escape(w)}(?![^\W_])", between) for w in cues.remainder)
                assert subset._is_remainder(cues, text, a.end, b) == plain
                answers.add(plain)
    assert answers == {True, False}


def test_described_words_match_their_plain_definition():
    fillers = frozenset(load_language("vi").words("cues.noun_fillers"))
    texts = TEXTS + ["Có 24 người khác bị thương, 3 người chết = 0,7%; 5 số vụ còn lại."]
    for text in texts + texts:
        for f in _figures(text):
            for fill in (fillers, set(fillers), frozenset()):
                phrase = re.split(r"[,;:.()\[\]]", text[f.end:f.end + 60], maxsplit=1)[0]
                words = []
                for w in phrase.lower().split():
                    if not re.match(r"[^\W\d_]+$", w):
                        break
                    if w != "số" and w not in fill:
                        words.append(w)
                    if len(words) == 3:
                        break
                assert shared.described_words(text, f, fill) == tuple(words)
    text = texts[-1]
    f = next(f for f in _figures(text) if text[f.start:f.end] == "24")
    assert "khác" in fillers and shared.described_words(text, f, fillers) == ("người", "bị", "thương")


def test_fraction_in_words_cue_matches_its_plain_definition():
    from figcheck.reading.relations import fraction
    from figcheck.reading.relations.shared import CLAUSE_END

    cues = Cues(load_language("vi"))

    def plain(words: str):
        for cue in sorted(cues.out_of, key=len, reverse=True):
            if words.endswith(" " + cue) and " tổng" in " " + cue:
                lead = words[:-len(cue)]
                if len(lead.split()) <= 12 and not CLAUSE_END.search(lead) and "," not in lead:
                    return cue
        return None

    gaps = [f"hộ đạt danh hiệu {c}" for c in cues.out_of] + [f"{c}" for c in cues.out_of] + [
        "hộ đạt, trên tổng số", "hộ đạt; trên tổng số", "một hai ba bốn năm sáu bảy tám chín mười mười một mười hai "
        "mười ba trên tổng số", "vụ, tăng", "", "hộ trên tổng"]
    answers = set()
    for words in gaps:
        assert fraction._described_then_out_of(cues, words) == plain(words), words
        answers.add(plain(words) is None)
    assert answers == {True, False}
