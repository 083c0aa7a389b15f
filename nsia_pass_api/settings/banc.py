"""Benchmarks (scripts/benchmark.py): production settings, on a throwaway database holding the demo data.

Production refuses to start on a database with the demo credentials; the benchmarks measure on
exactly that data, in their own database (nsia_pass_bench*), never served to anyone.
"""

from nsia_pass_api.settings.production import *  # noqa: F403

REFUSER_DONNEES_DEMO = False
