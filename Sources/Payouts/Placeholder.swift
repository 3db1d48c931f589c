// Payouts: see docs/FORMAT.md
