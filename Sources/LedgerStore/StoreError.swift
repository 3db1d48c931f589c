import LedgerCore

/// Why the store refused a command. SQLite's result codes are translated here, once.
public enum StoreError: Error, CustomStringConvertible {
    case exists(path: String)
    /// A folder or file that `export` or `demo` would create is there already.
    case outputExists(path: String)
    case cannotCreate(path: String, reason: String)
    case missing(path: String)
    case notALedger(path: String, reason: String)
    case busy(path: String, seconds: Double)
    case readOnly(path: String)
    /// The ledger file has other names (hard links): a writer through one of them would keep its
    /// own write-ahead log beside that name, and the ledger would fork.
    case otherNames(path: String, names: Int)
    case diskFull(path: String)
    case rules([RuleViolation])
    case invalidEntry(EntryError)
    case unknownSigner(KeyID)
    case sqlite(path: String, message: String)
    /// An entry's body no longer matches its stored hash or seq.
    case changedOutside(path: String, seq: Int64)
    /// The ledger's head is not what its latest checkpoint signed: rows were written beside
    /// fenhong, which an append would otherwise sign for.
    case unsignedHead(path: String, reason: String)
    /// A rollback journal beside the ledger: SQLite takes the ledger to be what rolling it back
    /// leaves, so a reader that cannot roll it back cannot say what the ledger holds.
    case hotJournal(path: String)

    public var description: String { MessageText.oneLine(sentence) }

    /// The message before untrusted values in it are kept to one line.
    private var sentence: String {
        switch self {
        case .exists(let path): "\(path) already exists; a ledger is created once (choose another file)"
        case .outputExists(let path): "\(path) already exists; nothing is overwritten (choose another name)"
        case .cannotCreate(let path, let reason): "cannot create \(path): \(reason)"
        case .missing(let path): "\(path) does not exist (create it with `fenhong init`)"
        case .notALedger(let path, let reason): "\(path) is not a Fenhong ledger: \(reason)"
        case .busy(let path, let seconds): "\(path) stayed locked by another writer for \(Int(seconds)) s; try again"
        case .readOnly(let path): "\(path) cannot be written (read-only file or folder); nothing was recorded"
        case .otherNames(let path, let names):
            "\(path) is one file with \(names) names (hard links); SQLite keeps a write's log beside the name it was made through, so "
                + "writers through two names each keep a history of their own and the ledger forks; nothing was recorded: write through one "
                + "name only — remove the others (find / -xdev -samefile \(path)), and copy a ledger with cp, not cp -l or ln"
        case .diskFull(let path): "the disk holding \(path) is full; nothing was recorded"
        case .rules(let violations): violations.map(\.detail).joined(separator: "; ")
        case .invalidEntry(let error): "\(error)"
        case .unknownSigner(let id): "key \(id) is not an accountant key of this ledger"
        case .changedOutside(let path, let seq):
            "\(path) was changed outside fenhong: entry \(seq) does not match its stored hash; nothing was done (run `fenhong verify \(path)`)"
        case .unsignedHead(let path, let reason):
            "\(path) was changed outside fenhong: \(reason); nothing was recorded, and nothing will be until it is put right (run `fenhong verify \(path)`)"
        case .hotJournal(let path):
            "\(path)-journal holds a write that did not finish: the ledger is what rolling it back leaves, not the file as it lies, and a reader may not roll it back; copy both files, open the copy once with sqlite3 (which rolls it back), and verify the copy"
        case .sqlite(let path, let message): "\(path): SQLite error: \(message)"
        }
    }
}
