"""One module per idiom family (codes in catalog.py). The passes run in go2rs.passes order."""
