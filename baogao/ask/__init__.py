"""Finding things: the search index, ranked passages and answers to questions."""
