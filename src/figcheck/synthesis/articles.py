"""Generated articles of the genre, for benchmarks and property tests.

Each article is built from report-style sentence templates whose figures are drawn so that every
relation holds (the parts are drawn from the whole, the percentage computed from the count), and can
carry one deliberate violation of a named kind at a known figure. Nothing here is read from the
shared corpus: the wording is figcheck's own.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

PLACES = ["An Hòa", "Bình Minh", "Tân Tiến", "Hồng Phong", "Đông Sơn", "Phú Mỹ", "Kênh Dương", "Cát Bi",
          "Nam Sơn", "Hải Thành", "Thượng Lý", "Ngọc Xuyên", "Đại Bản", "Lê Lợi", "Quang Trung", "Hòa Bình"]
UNITS = ["phường", "xã", "huyện", "quận", "thị trấn"]

# The kinds of violation an article can carry, and the rule of the core pack that must catch each.
VIOLATIONS = {
    "subset": "core.subset.part-within-whole",
    "share-granularity": "core.share.granularity",
    "share-range": "core.share.percent-range",
    "breakdown": "core.breakdown.parts-sum-to-total",
    "enumeration": "core.enumeration.items-match-count",
    "change": "core.change.consistent",
    "fraction": "core.fraction.part-within-whole",
}


def vn(n: int | Decimal, decimals: int = 0) -> str:
    """Write a number the Vietnamese way: 4.340, 98,3."""
    q = Decimal(n).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    whole, _, frac = f"{q:f}".partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = sign + ".".join(groups)
    return f"{out},{frac}" if frac else out


def pct(part: int, whole: int, decimals: int) -> Decimal:
    return (Decimal(100) * part / whole).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


@dataclass
class GeneratedArticle:
    text: str
    violation: str | None = None
    rule: str | None = None  # the rule the violation breaks
    marker: str | None = None  # the written figure the violation is about
    sentences: list[str] = field(default_factory=list)


def _grim_impossible(count: int, decimals: int, rng: random.Random) -> Decimal | None:
    """A percentage at ``decimals`` places that no whole total gives for ``count`` (GRIM)."""
    step = Decimal(1).scaleb(-decimals)
    for _ in range(200):
        p = Decimal(rng.randint(int(Decimal(50) / step), int(Decimal(99) / step))) * step
        ok = False
        lo = int(count * 100 / (p + step)) - 1
        hi = int(count * 100 / max(p - step, step)) + 2
        for n in range(max(count, lo), hi + 1):
            if pct(count, n, decimals) == p or (Decimal(100) * count / n).quantize(step, rounding="ROUND_DOWN") == p \
                    or (Decimal(100) * count / n).quantize(step, rounding="ROUND_HALF_EVEN") == p:
                ok = True
                break
        if not ok:
            return p
    return None


def generate_article(rng: random.Random, violation: str | None = None) -> GeneratedArticle:
    """One article of the genre; with ``violation`` (a key of VIOLATIONS), exactly one broken relation."""
    unit = rng.choice(UNITS)
    place = rng.choice(PLACES)
    year = rng.randint(2018, 2025)
    s: list[str] = [f"Năm {year}, Ban Chỉ đạo {unit} {place} tiếp tục đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc."]
    marker = None

    # groups with members
    groups = rng.randint(5, 60)
    members = groups * rng.randint(3, 12)
    s.append(f"Toàn {unit} duy trì {groups} tổ tự quản với {vn(members)} thành viên.")

    # tips, of which valuable
    total = rng.randint(200, 6000)
    valuable = rng.randint(total // 2, total)
    if violation == "subset":
        valuable = total + rng.randint(1, 400)
        marker = vn(valuable)
    s.append(f"Quần chúng đã cung cấp {vn(total)} nguồn tin; trong đó {vn(valuable)} tin có giá trị.")

    # a change with delta and percentage
    previous = rng.randint(20, 400)
    delta = rng.randint(1, previous // 2)
    current = previous + delta
    p = pct(delta, previous, 2)
    if violation == "change":
        p = p + Decimal(rng.choice([3, 5, 7]))
        marker = vn(p, 2) + "%"
    s.append(f"Trên địa bàn xảy ra {vn(current)} vụ phạm pháp hình sự, tăng {vn(delta)} vụ ({vn(p, 2)}%) so với cùng kỳ.")

    # a share of units meeting the standard
    n_units = rng.randint(50, 900)
    meeting = rng.randint(n_units // 2, n_units)
    share = pct(meeting, n_units, 2)
    if violation == "share-granularity":
        bad = _grim_impossible(meeting, 2, rng)
        if bad is not None:
            share = bad
            marker = vn(share, 2) + "%"
        else:  # pragma: no cover - a count for which every percentage is possible
            violation = None
    if violation == "share-range":
        share = Decimal(rng.randint(101, 140))
        marker = vn(share, 0) + "%"
        s.append(f"Có {vn(share, 0)}% khu dân cư đạt tiêu chuẩn an toàn về an ninh trật tự.")
    else:
        s.append(f"Có {vn(meeting)} khu dân cư ({vn(share, 2)}%) đạt tiêu chuẩn an toàn về an ninh trật tự.")

    # a fraction with its percentage
    cases = rng.randint(10, 200)
    solved = rng.randint(cases // 2, cases)
    if violation == "fraction":
        solved = cases + rng.randint(1, 9)
        marker = vn(solved)
        s.append(f"Lực lượng công an đã điều tra làm rõ {vn(solved)}/{vn(cases)} vụ.")
    else:
        s.append(f"Lực lượng công an đã điều tra làm rõ {vn(solved)}/{vn(cases)} vụ, đạt {vn(pct(solved, cases, 1), 1)}%.")

    # a breakdown
    road = rng.randint(5, 120)
    water = rng.randint(1, 20)
    total_acc = road + water
    if violation == "breakdown":
        total_acc += rng.choice([-3, -2, 2, 3, 5])
        marker = vn(total_acc)
    s.append(f"Toàn {unit} xảy ra {vn(total_acc)} vụ tai nạn giao thông ({vn(road)} vụ đường bộ, {vn(water)} vụ đường thủy).")

    # an enumeration of places
    k = rng.randint(2, 6)
    names = rng.sample(PLACES, k)
    stated = k + 1 if violation == "enumeration" else k
    if violation == "enumeration":
        marker = str(stated)
    s.append(f"Mô hình được nhân rộng ở {stated} xã {', '.join(names[:-1])} và {names[-1]}.")

    # weapons handed in, households and persons
    s.append(f"Người dân đã giao nộp {rng.randint(1, 80)} khẩu súng, {vn(rng.randint(10, 3000))} viên đạn và "
             f"{vn(Decimal(rng.randint(5, 500)) / 10, 1)} kg pháo.")
    households = rng.randint(100, 9000)
    s.append(f"Đã có {vn(households)} hộ với {vn(households * rng.randint(2, 5))} nhân khẩu ký cam kết.")
    text = f"{unit.capitalize()} {place} tổng kết phong trào năm {year}\n" + " ".join(s) + "\n"
    return GeneratedArticle(text=text, violation=violation, rule=VIOLATIONS.get(violation or ""), marker=marker,
                            sentences=s)


def generate_corpus(n: int, seed: int = 0, violation_rate: float = 0.0) -> list[GeneratedArticle]:
    rng = random.Random(seed)
    kinds = sorted(VIOLATIONS)
    return [generate_article(rng, rng.choice(kinds) if rng.random() < violation_rate else None) for _ in range(n)]
