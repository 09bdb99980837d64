"""PsyMitrix: a terminal wellness companion and its hosted API."""

__version__ = "0.1.0"
