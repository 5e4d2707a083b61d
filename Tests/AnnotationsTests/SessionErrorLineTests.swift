import Foundation
import Testing
import TestSupport
@testable import Annotations

/// Text from a session file inside an error message (a format name, a session id) stays on the
/// message's line: a line break in it is shown as `␊`.
@Suite("line breaks from session files in error messages")
struct SessionErrorLineTests {
    @Test("a format name or session id holding a line break gives a one-line error naming the file")
    func oneLine() throws {
        let folder = TestCorpus.temporaryFolder()
        let path = folder + "/a.json"
        let store = try SessionStore(path: path, now: "n", writer: FileWriting()) {
            Session(annotator: "anna", corpus: CorpusReference(TestCorpus.corpus), created: "2026-11-21T10:00:00.000Z")
        }
        try store.perform(.add(.speaker(Speaker(id: "S1", name: "Müller"))), time: "t1")
        try store.close()
        let log = SessionPaths(path).log
        let original = try String(contentsOfFile: log, encoding: .utf8)
        for (from, to) in [
            ("\"format\":\"workbench-session-log\"", "\"format\":\"x\\na.json: valid: 99 events\""),
            ("\"session\":\"", "\"session\":\"x\\na.json: valid: 98 events"),
        ] {
            try original.replacingOccurrences(of: from, with: to).write(toFile: log, atomically: true, encoding: .utf8)
            #expect {
                _ = try SessionStore.read(path: path)
            } throws: { error in
                let text = "\(error)"
                return text.hasPrefix(folder) && !text.contains("\n") && text.contains("x␊a.json: valid: 9")
            }
        }
    }
}
