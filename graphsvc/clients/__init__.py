"""Clients of services outside graphsvc (mail, ORCID), used by graphsvc's services."""
