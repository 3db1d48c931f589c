// swift-tools-version: 6.1
import PackageDescription

/// Layers, each importing only those below it (see docs/FORMAT.md and ../shared/DESIGN.md §1):
///
///     fenhong (executable)  →  Demo  →  Statements, Payouts, Journal  →  LedgerStore  →  LedgerVerifier
///       →  LedgerCore  →  MerkleLog  →  FenhongCrypto  →  COpenSSL
let package = Package(
    name: "Fenhong",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "fenhong", targets: ["fenhong"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(name: "FenhongCrypto", dependencies: ["COpenSSL"]),
        .target(name: "MerkleLog", dependencies: ["FenhongCrypto"]),
        .target(name: "LedgerCore", dependencies: ["FenhongCrypto", "MerkleLog"]),
        .target(name: "LedgerVerifier", dependencies: ["LedgerCore", "MerkleLog"]),
        .target(
            name: "LedgerStore",
            dependencies: ["LedgerCore", "MerkleLog", "LedgerVerifier", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(name: "Payouts", dependencies: ["LedgerCore"]),
        .target(name: "Statements", dependencies: ["LedgerCore", "MerkleLog"]),
        .target(name: "Journal", dependencies: ["LedgerCore"]),
        .target(name: "LedgerReports", dependencies: ["LedgerStore", "LedgerVerifier", "Statements", "Journal"]),
        .target(name: "Demo", dependencies: ["LedgerStore", "LedgerVerifier", "LedgerReports", "Payouts", "Statements"]),
        // One seeded generator for synthetic ledgers and every randomized test.
        .target(name: "SeededRandom"),
        .target(name: "Bench", dependencies: ["LedgerStore", "LedgerVerifier", "Payouts", "Statements", "SeededRandom"]),
        .executableTarget(
            name: "fenhong",
            dependencies: [
                "LedgerCore", "LedgerVerifier", "LedgerStore", "Payouts", "Statements", "MerkleLog", "Demo", "Bench", "Journal", "LedgerReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Temporary folders for the tests, removed when the test process exits.
        .target(name: "TestScratch", path: "Tests/TestScratch"),
        // A SQLite VFS that cuts the power after a chosen sync, for the power-loss tests.
        .target(name: "PowerLoss", path: "Tests/PowerLoss", linkerSettings: [.linkedLibrary("sqlite3")]),
        .testTarget(name: "MerkleLogTests", dependencies: ["MerkleLog", "FenhongCrypto", "SeededRandom"], resources: []),
        .testTarget(
            name: "LedgerCoreTests",
            dependencies: ["LedgerCore", "SeededRandom", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "LedgerVerifierTests",
            dependencies: ["LedgerVerifier", "LedgerStore", "LedgerCore", "MerkleLog", "TestScratch", "SeededRandom", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "LedgerStoreTests", dependencies: ["LedgerStore", "LedgerCore", "TestScratch"]),
        .testTarget(
            name: "PayoutsTests",
            dependencies: ["Payouts", "LedgerCore", "SeededRandom", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "StatementsTests", dependencies: ["Statements", "LedgerCore", "TestScratch"]),
        .testTarget(name: "FenhongCLITests", dependencies: ["LedgerCore", "LedgerStore", "TestScratch"]),
        .testTarget(name: "DemoTests", dependencies: ["Demo", "LedgerStore", "LedgerCore", "LedgerReports", "Statements", "TestScratch"]),
        .testTarget(name: "ReliabilityTests", dependencies: ["LedgerCore", "LedgerStore", "LedgerVerifier", "Bench", "TestScratch", "SeededRandom", "PowerLoss"]),
    ]
)
