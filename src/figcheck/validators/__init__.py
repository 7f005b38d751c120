"""Reading text into figures and relations (and, later, running the checks)."""
