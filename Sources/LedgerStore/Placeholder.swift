// LedgerStore: see docs/FORMAT.md
