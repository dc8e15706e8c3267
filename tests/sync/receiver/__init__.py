"""Tests of the street-office receiver `shuren-street` (desktop/sync/receiver)."""
