"""Datasets: curated tables in, anomalies out.

Takes table files (CSV, Parquet, JSON Lines, Excel; wide or long) and reads them into a
:class:`~figcheck.datasets.table_input.Table` of exact numeric columns and text cells read as the article
reader reads figures (``table_input``); checks every row's metric rules on the pandas or polars backend of
pandera or on Great Expectations (``table_check``) and hands on table results the reports render.
"""
