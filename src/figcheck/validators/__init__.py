"""Checking articles: from an Article's figures and relations to anomalies.

Takes the :class:`figcheck.models.Article` the reading stage hands on and a
:class:`figcheck.rules.model.RuleSet`; builds one table per relation kind, per figure and per metric
record (``tables``, plain column tables), evaluates every rule on the intervals the wording allows
(``evaluate``, numpy over a batch's columns, driven by ``engine``; pandera stays the engine of
datasets), runs the built-in rounding checks (``builtin_checks``, ``rounding``) and hands on
:class:`figcheck.models.ArticleResult` objects. ``pipeline`` reads and checks a stream of inputs in
batches, on one or many processes. Nothing here knows the command line.
"""
