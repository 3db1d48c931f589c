// LedgerCore: see docs/FORMAT.md
