// LedgerVerifier: see docs/FORMAT.md
