import Foundation
import Testing
import Statements

struct RenderSamplesForInspection {
    /// Writes sample files to FENHONG_SAMPLE_DIR for a human to look at (skipped otherwise).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["FENHONG_SAMPLE_DIR"] != nil))
    func writeSamples() throws {
        let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["FENHONG_SAMPLE_DIR"]!)
        try Data(PDFRenderer().render(SampleStatements.chenMei)).write(to: directory.appendingPathComponent("chen-mei.pdf"))
        try Data(PDFRenderer(largePrint: true).render(SampleStatements.chenMei)).write(to: directory.appendingPathComponent("chen-mei-large.pdf"))
        try Data(PDFRenderer().render(SampleStatements.longStatement(paymentCount: 60))).write(to: directory.appendingPathComponent("long.pdf"))
        try Data(HTMLRenderer().render(SampleStatements.chenMei).utf8).write(to: directory.appendingPathComponent("chen-mei.html"))
    }
}
