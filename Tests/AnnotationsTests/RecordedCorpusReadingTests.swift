import Foundation
import Testing
@testable import Annotations

/// The corpus a session records, read before it is opened (``SessionStore/recordedCorpus(ofSessionAt:)``),
/// and the one reader of a log's header (``LogHeader/init(ofLog:)``, ``SessionLogContents``).
@Suite("Recorded corpus and log header, read before opening")
struct RecordedCorpusReadingTests {
    let corpus = TestCorpus.corpus

    /// A session `anna` in a fresh folder, with one event, closed; its snapshot's path.
    func madeSession() throws -> String {
        let path = TestCorpus.temporaryFolder() + "/anna.json"
        let store = try SessionStore(path: path, now: "n") {
            Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
        }
        try store.perform(.add(.speaker(Speaker(id: "S1", name: "Mark Rutte"))), time: "2026-11-21T10:00:01.000Z")
        try store.close()
        return path
    }

    @Test("The header read alone is the header the log's contents hold; a damaged first line is refused in the same words")
    func headerAlone() throws {
        let path = try madeSession()
        let log = SessionPaths(path).log
        let whole = try SessionLogContents(SessionCodec.contents(ofFile: log), path: log)
        #expect(try LogHeader(ofLog: log) == whole.header)
        let other = try String(contentsOfFile: log, encoding: .utf8).replacingOccurrences(of: LogHeader.formatName, with: "other-log")
        for (bytes, expected) in [
            ("", "empty"), ("{\"format\":\"workbench-session-log\"", "no complete first line"), ("garbage\n", "not a session log header"),
            (other, "names the format \"other-log\""),
        ] {
            try Data(bytes.utf8).write(to: URL(fileURLWithPath: log))
            var alone: String?
            var contents: String?
            do { _ = try LogHeader(ofLog: log) } catch { alone = error.description }
            do { _ = try SessionLogContents(SessionCodec.contents(ofFile: log), path: log) } catch { contents = error.description }
            #expect(alone != nil && alone == contents, "\(bytes)")
            #expect(alone?.contains(expected) == true, "\(alone ?? "no error")")
        }
    }

    @Test("The corpus comes from the snapshot's head, else from the log's header; no session, no corpus")
    func recordedCorpus() throws {
        let path = try madeSession()
        #expect(try SessionStore.recordedCorpus(ofSessionAt: path) == CorpusReference(corpus))
        // The snapshot damaged: the opening rebuilds it from the log, whose header records the corpus.
        try Data("garbage{".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try SessionStore.recordedCorpus(ofSessionAt: path) == CorpusReference(corpus))
        try FileManager.default.removeItem(atPath: path)
        #expect(try SessionStore.recordedCorpus(ofSessionAt: path) == CorpusReference(corpus))
        #expect(try SessionStore.recordedCorpus(ofSessionAt: TestCorpus.temporaryFolder() + "/new.json") == nil)
    }

    @Test("A session that cannot be opened for want of a recorded corpus is refused as a reader refuses it")
    func refusals() throws {
        let path = try madeSession()
        let paths = SessionPaths(path)
        // A damaged snapshot without its log: what is wrong with it, as `load` says it.
        try FileManager.default.removeItem(atPath: paths.log)
        for bytes in ["", "garbage{"] {
            try Data(bytes.utf8).write(to: URL(fileURLWithPath: path))
            var said: String?
            var loading: String?
            do { _ = try SessionStore.recordedCorpus(ofSessionAt: path) } catch { said = error.description }
            do { _ = try SessionStore.load(path: path) } catch { loading = error.description }
            #expect(said != nil && said == loading, "\(bytes): \(said ?? "no error")")
        }
        // A damaged snapshot beside a log whose header cannot be read: the log's refusal.
        try Data("garbage\n".utf8).write(to: URL(fileURLWithPath: paths.log))
        #expect(throws: SessionError.self) { try SessionStore.recordedCorpus(ofSessionAt: path) }
        do { _ = try SessionStore.recordedCorpus(ofSessionAt: path) } catch {
            #expect(error.description.contains(paths.log) && error.description.contains("not a session log header"), "\(error)")
        }
    }
}
