"""Numerals and quantities: every written number form, measure word and qualifier; may import text."""
