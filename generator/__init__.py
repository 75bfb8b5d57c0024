"""briefings: turn raw AI-policy news digests into a curated, searchable MkDocs archive."""

__version__ = "0.1.0"
