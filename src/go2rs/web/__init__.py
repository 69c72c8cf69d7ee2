"""`go2rs serve`: a local page (Go on the left, Rust on the right) and its JSON API.

Needs the optional extra `go2rs[web]`; the core install and `go2rs convert` never import this
package.
"""
