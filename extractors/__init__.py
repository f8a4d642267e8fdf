"""Extractors: read PDF pages into repaired text, words, lines and tables."""
