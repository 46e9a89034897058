"""PDF reports rendered from read models, never from the database."""
