import MerkleLog
import Testing

/// The conformance probes of `Tests/Vectors/rfc6962.json`, positive and negative, through the verifier's
/// wire-form (byte string) entry points, since some probes carry hashes that are not 32 bytes.
struct ProbeTests {
    /// Every inclusion probe is accepted exactly when want_error is false.
    @Test func inclusionProbes() throws {
        let v = try RFC6962Vectors.load()
        var accepted = 0
        for probe in v.inclusionProbes {
            switch try Self.verify(probe) {
            case nil:
                accepted += 1
                #expect(!probe.wantError, "\(probe.source): accepted, want an error")
                // Accepted probes are well formed, and pass the typed entry point too.
                try ProofVerifier.verifyInclusion(
                    leafHash: try VectorHex.hash(probe.leafHash), index: Int(probe: probe.leafIndex),
                    size: Int(probe: probe.treeSize), proof: try VectorHex.hashes(probe.proof),
                    root: try VectorHex.hash(probe.root))
            case let error?:
                #expect(probe.wantError, "\(probe.source): refused with \(error)")
            }
        }
        #expect(accepted == v.inclusionProbes.filter { !$0.wantError }.count)
        #expect(accepted >= 5)
    }

    /// Every consistency probe is accepted exactly when want_error is false.
    @Test func consistencyProbes() throws {
        let v = try RFC6962Vectors.load()
        var accepted = 0
        for probe in v.consistencyProbes {
            switch try Self.verify(probe) {
            case nil:
                accepted += 1
                #expect(!probe.wantError, "\(probe.source): accepted, want an error")
            case let error?:
                #expect(probe.wantError, "\(probe.source): refused with \(error)")
            }
        }
        #expect(accepted == v.consistencyProbes.filter { !$0.wantError }.count)
        #expect(accepted >= 5)
    }

    /// The probes on the edge cases fail for the rule they test, not by accident.
    @Test func edgeCaseProbesFailForTheirRule() throws {
        let v = try RFC6962Vectors.load()
        func consistency(_ desc: String) throws -> ProofError? {
            try Self.verify(try #require(v.consistencyProbes.first { $0.desc == desc }))
        }
        #expect(try consistency("sizes are equal (zero) and proof is empty") == .zeroOldSize(size2: 0))
        #expect(try consistency("size1 is zero and size2 is not zero") == .zeroOldSize(size2: 1))
        #expect(try consistency("size1 is greater than size2") == .sizesDecrease(size1: 1, size2: 0))
        #expect(
            try consistency("sizes match but proof is not empty and sizes are one")
                == .wrongProofLength(expected: 0, found: 1))
        #expect(try consistency("sizes do not watch and proof is empty") == .wrongProofLength(expected: 1, found: 0))
        #expect(try consistency("sizes are equal (one) and proof is empty") == nil)  // equal 12-byte roots

        let underflow = try #require(v.inclusionProbes.first { $0.desc == "leafIdx sub @1" && $0.leafIndex == .max })
        #expect(Int(probe: underflow.leafIndex) == -1)
        #expect(try Self.verify(underflow) == .indexOutOfRange(index: -1, size: Int(probe: underflow.treeSize)))
        let wrongLeaf = try #require(v.inclusionProbes.first { $0.desc == "wrong leaf" })
        #expect(try Self.verify(wrongLeaf) == .hashLength(expected: 32, found: 9))
        let zeroSize = try #require(v.inclusionProbes.first { $0.treeSize == 0 })
        #expect(try Self.verify(zeroSize) == .indexOutOfRange(index: 0, size: 0))
    }

    /// The verifier's verdict on an inclusion probe: nil when accepted.
    static func verify(_ probe: RFC6962Vectors.InclusionProbe) throws -> ProofError? {
        let leaf = try VectorHex.bytes(probe.leafHash), root = try VectorHex.bytes(probe.root)
        let proof = try probe.proof.map(VectorHex.bytes)
        do {
            try ProofVerifier.verifyInclusion(
                leafHash: leaf, index: Int(probe: probe.leafIndex), size: Int(probe: probe.treeSize), proof: proof,
                root: root)
            return nil
        } catch {
            return error
        }
    }

    /// The verifier's verdict on a consistency probe: nil when accepted.
    static func verify(_ probe: RFC6962Vectors.ConsistencyProbe) throws -> ProofError? {
        let root1 = try VectorHex.bytes(probe.root1), root2 = try VectorHex.bytes(probe.root2)
        let proof = try probe.proof.map(VectorHex.bytes)
        do {
            try ProofVerifier.verifyConsistency(
                size1: Int(probe: probe.size1), size2: Int(probe: probe.size2), root1: root1, root2: root2, proof: proof)
            return nil
        } catch {
            return error
        }
    }
}
