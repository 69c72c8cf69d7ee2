"""Batch mode: a Go package, module or set of files becomes a Cargo crate plus a review report.

discover (what to translate) -> driver (packages in dependency order, process pool) ->
layout (module tree, Cargo.toml) -> report (JSON + Markdown) -> optional cargo check.
"""

from __future__ import annotations

from go2rs.batch.driver import BatchConfig, BatchError, BatchResult, run_batch

__all__ = ["BatchConfig", "BatchError", "BatchResult", "run_batch"]
