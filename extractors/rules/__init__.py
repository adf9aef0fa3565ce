"""Rule and lexicon files, reading and validating them, the word matcher, lists, matching; may import text, numbers."""
