"""Synthesis: data made to order, for tests, benchmarks and ``figcheck synth``.

``tables`` builds datasets that satisfy a pack's record rules, with chosen rows breaking one rule;
``articles`` writes generated articles of the movement-summary genre with injected violations;
``fuzz`` holds the hypothesis strategies and fuzz targets (importing it needs hypothesis:
``pip install "figcheck[test]"``). Nothing in the checking path imports this package.
"""
