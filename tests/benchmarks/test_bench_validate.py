"""The validation benchmark, run small: it must work, and validation must scale about linearly."""

from __future__ import annotations

from bench_validate import run


def test_validation_scales_linearly_with_units_not_quadratically():
    result = run(units=20, repeat=2)
    # 10x the units is ~10x the work; quadratic growth would be ~100x. Generous for noise.
    assert result["scaling_ratio"] < 30, result
    # keeping positions and refusing unsafe YAML must not cost more than plain loading
    assert result["loader_overhead_ratio"] < 2, result
