"""Reports: results in, documents out.

Takes :class:`figcheck.models.ArticleResult` objects (and table results) and renders them: ``console``
(rich, for editors), ``json_report`` (the versioned JSON contract, streamed), ``ci`` (JUnit, SARIF 2.1.0,
GitHub annotations), ``table``/``table_console`` (extract tables, dataset results); ``output`` writes a
report atomically. Reports compute nothing about the figures: they render what the checks decided.
"""
