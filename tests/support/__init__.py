"""Test helpers for go2rs (importable as ``support``: pytest puts tests/ on sys.path)."""
