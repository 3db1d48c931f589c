import Foundation

extension LedgerSweep {
    /// The ledgers found, each file once, however it is named: `a/../a` or a link to it (one path,
    /// once resolved), or a hard link (another path, the same device and inode). A file verified
    /// twice at once would share, and lose, its locks (closing a descriptor of a file drops all of
    /// a process's locks on it).
    ///
    /// SQLite keeps a `-wal` beside each name, and a writer's newest entries sit in the `-wal`
    /// of the name it wrote by: of a file's names, the one whose `-wal` holds frames is the one
    /// verified. When more than one does, writers used several names and each name reads a
    /// history of its own: each is verified, one at a time.
    struct Names {
        private(set) var ledgers: [String] = []
        /// What became of the other names of a file, one sentence each.
        private(set) var notes: [String] = []
        /// True when one file is verified by more than one name (see above).
        private(set) var repeatsAFile = false

        private var seenPaths = Set<String>()
        /// For each file, the index in ``ledgers`` of the name it is verified by.
        private var indexOf: [FileIdentity: Int] = [:]

        mutating func add(_ ledger: String) {
            let real = FileIdentity.realPath(ledger)
            guard seenPaths.insert(real).inserted else { return }
            guard let file = FileIdentity(path: real) else { return ledgers.append(ledger) }  // cannot be read: said so when verified
            guard let index = indexOf[file] else {
                indexOf[file] = ledgers.count
                return ledgers.append(ledger)
            }
            let kept = ledgers[index]
            switch (Self.walHoldsFrames(ledger), Self.walHoldsFrames(kept)) {
            case (true, true):
                repeatsAFile = true
                ledgers.append(ledger)
                notes.append("\(ledger) and \(kept) are one file (a hard link) with a -wal beside each name, both holding entries: writers used both names, and each name reads its own history; each is verified")
            case (true, false):
                ledgers[index] = ledger
                notes.append("\(kept) is another name of \(ledger) (a hard link): verified once, as \(ledger), whose -wal holds its newest entries")
            case (false, _):
                notes.append("\(ledger) is another name of \(kept) (a hard link): verified once, as \(kept)")
            }
        }

        /// True when a `-wal` beside `path` (where SQLite puts it) holds anything.
        private static func walHoldsFrames(_ path: String) -> Bool {
            let wal = FileIdentity.realPath(path) + "-wal"
            return ((try? FileManager.default.attributesOfItem(atPath: wal))?[.size] as? NSNumber).map { $0.intValue > 0 } ?? false
        }
    }
}
