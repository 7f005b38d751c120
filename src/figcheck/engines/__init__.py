"""Engines beyond pandas: compilers of the rule AST and Apache Spark.

Takes rule ASTs (:mod:`figcheck.rules.expr`) and compiles them to polars expressions (``polars_eval``)
or Spark column expressions (``spark_eval``), both folding truth with one ``compiled_truth`` base and
keeping the interval semantics of :mod:`figcheck.validators.evaluate`. ``spark_session`` starts and
configures Spark; ``spark_articles`` and ``spark_tables`` run the reading and checking stages on it and
hand on the same result objects as the local engines.
"""
