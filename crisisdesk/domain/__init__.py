"""The nouns and rules of a crisis desk: pure Python, no Qt, no SQL, no I/O."""
