"""Clients of services outside graphsvc (mail, the ORCID public API), used by its services.

They import nothing from the rest of graphsvc: plain typed calls over the network.
"""
