// Statements: see docs/FORMAT.md
