"""One module per kind of question the text and arithmetic layers answer.

Each kind's ``fit(ctx)`` returns a :class:`~bot.engine.route.Fit` (the finding, the topic words it
explains and how strongly) or ``None``; :mod:`bot.engine.route` weighs the fits against the
structured answer and keeps the best explanation.
"""
