"""Reading: source → text → figures → relations.

Takes paths, bytes or text (``sources``: files, directories, JSON Lines, stdin; ``encodings`` and
``normalize``: decoded, NFC text), finds the article's layout (``layout``: title, dateline, body
sentences, furniture set aside), reads its figures (``numbers``, ``intervals``, ``figures``) and the
relations the wording states between them (``relations``), and hands on a plain
:class:`figcheck.models.Article` (``reader``). It knows nothing of rule packs or checks; every word it
relies on comes from the language's data file (``figcheck/languages/<code>.yaml``).
"""
