"""One module per output, the summary, the review page, explain; may import text, numbers, rules, facts."""
