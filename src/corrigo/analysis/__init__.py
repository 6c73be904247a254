"""Linguistic analysis: spaCy parse, dates, numbers, entity grouping."""
