// Users of LedgerCore see the hash, key and tree types its API is made of.
@_exported import FenhongCrypto
@_exported import MerkleLog
