"""A local MTN MoMo sandbox, faithful to MTN's: see server.py. Standard library only."""
