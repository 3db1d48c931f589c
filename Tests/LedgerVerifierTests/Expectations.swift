import LedgerVerifier
import Testing

/// The report lists `code` at `seq`.
func expectProblem(_ report: VerificationReport, _ code: String, at seq: Int64?, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(report.problems.contains { $0.code == code && $0.seq == seq },
            "expected \(code) at \(seq.map(String.init) ?? "nil"); found:\n\(listing(report))", sourceLocation: sourceLocation)
}

/// The first problem reported (the lowest seq) is `code` at `seq`: the tampering is found where it
/// was made, and nothing before it is blamed.
func expectFirstProblem(_ report: VerificationReport, _ code: String, at seq: Int64, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(report.problems.first.map { $0.code == code && $0.seq == seq } == true,
            "expected the first problem to be \(code) at \(seq); found:\n\(listing(report))", sourceLocation: sourceLocation)
}

/// The report lists exactly these problems, as (code, seq), in order.
func expectExactly(_ report: VerificationReport, _ expected: [(String, Int64?)], sourceLocation: SourceLocation = #_sourceLocation) {
    let found = report.problems.map { "\($0.code)@\($0.seq.map(String.init) ?? "nil")" }
    let wanted = expected.map { "\($0.0)@\($0.1.map(String.init) ?? "nil")" }
    #expect(found == wanted, "found:\n\(listing(report))", sourceLocation: sourceLocation)
}

/// Problems without `code`.
func expectNo(_ report: VerificationReport, _ code: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!report.problems.contains { $0.code == code }, "unexpected \(code):\n\(listing(report))", sourceLocation: sourceLocation)
}

func listing(_ report: VerificationReport) -> String {
    report.problems.map { "  \($0)" }.joined(separator: "\n")
}
