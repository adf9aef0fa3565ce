"""Language data as TOML: measure words, page chrome, context words, places, lexicons; no code."""
