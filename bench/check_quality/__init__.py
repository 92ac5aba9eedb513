"""Helpers of bench/check_quality.py: corpora, mutations, oracles, scoring.

Each module owns one step; none of them edits anything outside
target/check-bench (the scratch area) and none touches crates/**.
"""
