// MerkleLog: see docs/FORMAT.md
