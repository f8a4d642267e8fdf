"""The Thai room: pure text functions (sara am, mark order, digits, wrapped lines, whitespace) and the
dictionary-based quality meters every other room uses; it imports no other room."""
