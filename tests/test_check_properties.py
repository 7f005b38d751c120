"""Property tests for checking: generated articles, injected violations, GRIM against brute force."""

import random
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import figcheck
from figcheck.validators.pipeline import check_stream
from figcheck.rules.loader import load_ruleset
from figcheck.synthesis.articles import VIOLATIONS, generate_article
from figcheck.validators import rounding as rnd

RULESET = load_ruleset()


def run(text):
    (res,) = check_stream([figcheck.extract(text)], RULESET)
    return res


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_consistent_generated_articles_raise_nothing(seed):
    g = generate_article(random.Random(seed))
    res = run(g.text)
    assert [(a.rule, a.explanation) for a in res.anomalies] == [], g.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(min_value=0, max_value=2**32 - 1), kind=st.sampled_from(sorted(VIOLATIONS)))
def test_one_injected_violation_raises_exactly_that_anomaly(seed, kind):
    g = generate_article(random.Random(seed), kind)
    if g.violation is None:  # no impossible percentage exists for that count; nothing was injected
        return
    res = run(g.text)
    errors = [a for a in res.anomalies if a.severity == "error"]
    assert [a.rule for a in errors] == [g.rule], (g.text, [(a.rule, a.explanation) for a in res.anomalies])
    (a,) = errors
    marked = [res.article.figure(f) for f in a.figures]
    assert g.marker in [f.text for f in marked] or any(g.marker in f.text for f in marked), (g.marker, a)
    assert a.start <= min(f.start for f in marked) and max(f.end for f in marked) <= a.end
    assert g.marker in res.article.text[a.start:a.end]


@settings(max_examples=150, deadline=None)
@given(count=st.integers(min_value=0, max_value=400), decimals=st.integers(min_value=0, max_value=2),
       digits=st.integers(min_value=0, max_value=10000))
def test_granularity_agrees_with_brute_force(count, decimals, digits):
    p = rnd.written(Decimal(digits % (100 * 10**decimals + 1)) / Decimal(10**decimals), decimals)
    limit = 6_000
    for conv in rnd.CONVENTIONS:
        brute = [n for n in range(max(count, 1), limit) if rnd.written(rnd.round_ratio(count, n, decimals, conv), decimals) == p]
        fast = rnd.wholes_for(count, p, decimals, conv, at_least=max(count, 1))
        if fast is None:
            assert brute == []
        else:
            lo, hi = fast
            if lo >= limit:
                assert brute == []
                continue
            assert brute and brute[0] == lo
            assert brute == list(range(lo, min(hi, limit - 1) + 1))


# -- the rounding of a ratio by integers holds to the decimal definition ------------------------------


@given(st.one_of(st.integers(0, 10**9), st.integers(0, 10**26)), st.one_of(st.integers(1, 10**9), st.integers(1, 10**26)),
       st.integers(0, 6), st.integers(0, 3 * 10**6))
@example(1_249_999_998_592_625_116_059_219, 1, 2, 0)  # beyond 28 digits: round_ratio itself cannot
@settings(max_examples=400)
def test_the_conventions_of_a_ratio_by_integers_are_the_decimal_definitions(n, d, decimals, written_digits):
    from decimal import Decimal, InvalidOperation
    from fractions import Fraction

    try:  # p: the ratio as each convention writes it, or an arbitrary figure of those places
        candidates = [rnd.written(rnd.round_ratio(n, d, decimals, c), decimals) for c in rnd.CONVENTIONS]
    except InvalidOperation:  # more digits than the decimal context holds: the check fails as before
        with pytest.raises(InvalidOperation):
            rnd.conventions_for_ratio(n, d, Fraction(written_digits, 10**decimals), decimals)
        return
    candidates.append(Fraction(written_digits, 10**decimals))
    candidates.append(Fraction(Decimal(written_digits)) / 10**(decimals + 1))  # one place more than written
    for p in candidates:
        plain = [c for c in rnd.CONVENTIONS if rnd.written(rnd.round_ratio(n, d, decimals, c), decimals) == p]
        assert rnd.conventions_for_ratio(n, d, p, decimals) == plain


def test_ratios_at_a_tie_and_beyond_the_exact_integers_keep_the_decimal_definition():
    from fractions import Fraction

    assert rnd.conventions_for_ratio(1, 8, Fraction(13), 0) == ["half-up"]  # 12,5%: half up to 13
    assert rnd.conventions_for_ratio(1, 8, Fraction(12), 0) == ["half-even", "truncation"]
    assert rnd.conventions_for_ratio(3, 8, Fraction(38), 0) == ["half-up", "half-even"]  # 37,5%: 38 is even
    assert rnd.conventions_for_ratio(1, 16, Fraction(63, 10), 1) == ["half-up"]  # 6,25: up to 6,3
    assert rnd.conventions_for_ratio(1, 16, Fraction(62, 10), 1) == ["half-even", "truncation"]
    big = 10**26 + 7  # more digits than the decimal context's exact range: the decimal path answers
    assert not rnd._integer_rounding_is_exact(3, big, 2)
    p = rnd.written(rnd.round_ratio(3, big, 2), 2)
    assert rnd.conventions_for_ratio(3, big, p, 2) == ["half-up", "half-even", "truncation"]
