"""Hypothesis strategies and fuzz targets, shared by the test suite and bench/fuzz.py.

Importing this module needs hypothesis (``pip install "figcheck[test]"``).
"""
