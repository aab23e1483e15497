"""Open-vocabulary facts: every number with a unit, with its name, key, action and scope.

``facts`` is the entry point (``open_facts``); ``reading`` and ``amounts`` find the amounts of
a sentence, ``names``, ``owners``, ``lists``, ``frames`` and ``words`` name what they count,
and ``checks`` drops what cannot be named or dated reliably.
"""
