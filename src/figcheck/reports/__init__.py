"""Renderers for results: JSON, tables, console and CI formats."""
