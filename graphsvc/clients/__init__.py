"""Clients of external services, used by the services.

They import nothing from graphsvc except `graphsvc.settings` when they need it.
"""
