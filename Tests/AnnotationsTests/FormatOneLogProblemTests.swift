import Foundation
import Testing
import TestSupport
@testable import Annotations

/// `validate` and `replay --verify` say the same of a format-1 file whose event list is damaged:
/// one wording (``ReplayError``), whichever command finds it.
@Suite("a damaged format-1 event list, worded once")
struct FormatOneLogProblemTests {
    /// A format-1 file of four speakers whose events are changed by `change`.
    func damagedFile(_ change: (inout [Event]) -> Void) throws -> String {
        var session = Session(annotator: "anna", corpus: CorpusReference(TestCorpus.corpus), created: "2026-11-21T10:00:00.000Z")
        for number in 1...4 { try session.perform(.add(.speaker(Speaker(id: "S\(number)", name: "Sprecher \(number)"))), time: "t\(number)") }
        var file = session.formatOneFile
        change(&file.events)
        let path = TestCorpus.temporaryFolder() + "/v1.json"
        try SessionCodec.encode(file).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a gap, a repeated and a moved event are worded the same by validate and replay --verify", arguments: ["gap", "repeated", "moved"])
    func sameWording(damage: String) throws {
        let path = try damagedFile { events in
            switch damage {
            case "gap": events.remove(at: 2)
            case "repeated": events.insert(events[1], at: 2)
            default: events.swapAt(1, 2)
            }
        }
        let expected: String
        switch damage {
        case "gap": expected = "the log is damaged: event 3 is missing (event 2 is followed by 4)"
        case "repeated": expected = "the log is damaged: event 2 appears twice"
        default: expected = "the log is damaged: event 3 comes after event 1"
        }
        let validated = SessionVerifier().validate(path: path) { _ in nil }.problems
        let verified = try SessionVerifier().verify(path: path)
        #expect(validated.first?.hasPrefix("\(path): \(expected)") == true, "\(validated)")
        #expect(verified.logProblem.map { "\(path): \($0.description)" } == validated.first)
    }
}
