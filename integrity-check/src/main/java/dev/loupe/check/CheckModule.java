package dev.loupe.check;

/**
 * A family of row-level checks (values and constraints, index consistency...). Before the trees are walked, each
 * module registers the per-table, per-index and final work it needs. Modules only run on a deep check.
 */
public interface CheckModule {

    void plan(CheckContext context, CheckPlan plan);
}
