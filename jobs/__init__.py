"""Command-line entry points: setup and seed (``jobs.setup``), the monthly forecast batch
(``jobs.forecast_batch``), user administration (``jobs.users``).

Each is ``python -m jobs.<name>`` behind a ``make`` target; every write goes through ``services/``
(or, for the setup, the migrations and the seed loader of ``data/``).
"""
