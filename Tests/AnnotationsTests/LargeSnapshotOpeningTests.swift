import Foundation
import Testing
@testable import Annotations
import TestSupport

/// Opening a snapshot of a few thousand records: a snapshot found unusable half-way is reported
/// (named with its place, kept aside) and the session comes from the log; a usable one gives the
/// state its records give when decoded whole. (These tests guarded a hand-over of the records
/// while the snapshot was decoded, tried and taken out again: it cost CPU and did not shorten the
/// opening; see BENCHMARKS.md.)
@Suite("Opening a large snapshot: usable, edited by hand, damaged half-way")
struct LargeSnapshotOpeningTests {
    /// Claims enough for a snapshot of some size.
    static let claims = 2_548

    /// A closed session `a.json` in a fresh folder: a speaker and ``claims`` claims, every edit in
    /// the snapshot; its path and the state the log gives.
    static func closedSession() throws -> (path: String, state: AnnotationState) {
        let corpus = TestCorpus.corpus
        let builder = AnchorBuilder(corpus: corpus)
        var session = Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
        try session.perform(.add(.speaker(Speaker(id: "S1", name: "Peskow"))), time: "2026-11-21T10:00:00.000Z")
        let sentences = corpus.document(id: "plain")!.sentences
        for index in 0..<claims {
            let sentence = sentences[index % 2]
            let anchor = try builder.anchor(document: "plain", sentence: sentence.index, segments: [SpanSegment(start: sentence.start, end: sentence.start + 6)])
            try session.perform(.add(.claim(Claim(id: "C\(index + 1)", anchor: anchor, speaker: "S1", form: "indirect"))), time: "2026-11-21T10:00:01.000Z")
        }
        let path = TestCorpus.temporaryFolder() + "/a.json"
        let target = try LockedSessionFile(path: path, now: "2026-11-21T10:00:00.000Z")
        try target.write(session.file)
        target.release()
        return (path, session.state)
    }

    /// `text` with the line of claim `id` changed by `edit`.
    static func editing(_ text: String, claim id: String, _ edit: (String) -> String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.contains("\"id\":\"\(id)\"") ? edit(String(line)) : String(line)
        }.joined(separator: "\n")
    }

    @Test("A usable snapshot opens to the state of its log, as decoded whole")
    func usableSnapshot() throws {
        let (path, state) = try Self.closedSession()
        let opened = try SessionStore.load(path: path)
        #expect(opened.state.hasSameRecords(as: state))
        #expect(opened.state.claims.count == Self.claims)
    }

    @Test("Records of other kinds inside the annotations list are stored in the order the file gives, as before")
    func otherKindsInTheList() throws {
        let (path, _) = try Self.closedSession()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // A hand edit: a speaker between the claims, overriding the speakers list's S1; a claim listed twice.
        var edited = Self.editing(text, claim: "C1500") { #"{"type":"speaker","id":"S1","name":"Dmitri Peskow"},"# + "\n" + $0 }
        edited = Self.editing(edited, claim: "C\(Self.claims)") { line in
            line + ",\n" + line.replacingOccurrences(of: "\"id\":\"C\(Self.claims)\"", with: "\"id\":\"C7\"").replacingOccurrences(of: "indirect", with: "direct")
        }
        #expect(edited != text)
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        let whole = try JSONDecoder().decode(SessionFile.self, from: Data(edited.utf8))
        var expected = AnnotationState(schema: whole.schema)
        whole.storeRecords(in: &expected)
        let opened = try SessionStore.load(path: path)
        #expect(opened.state.speakers["S1"]?.name == "Dmitri Peskow")
        #expect(opened.state.claims["C7"]?.form == "direct")
        #expect(opened.state.hasSameRecords(as: expected))
    }

    @Test(
        "A snapshot damaged in the middle of its records, in its last record, after them or cut short is named with its place, kept aside, and the session comes from the log",
        arguments: ["middle", "last", "after", "cut"])
    func damagedSnapshot(_ place: String) throws {
        let (path, state) = try Self.closedSession()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let edited: String
        let expected: String
        switch place {
        case "middle":
            edited = Self.editing(text, claim: "C1500") { $0.replacingOccurrences(of: "\"form\":\"indirect\"", with: "\"form\":1") }
            expected = "at $.annotations[1499].form: expected a string"
        case "last":
            edited = Self.editing(text, claim: "C\(Self.claims)") { $0.replacingOccurrences(of: "\"form\":\"indirect\"", with: "\"form\":1") }
            expected = "at $.annotations[\(Self.claims - 1)].form: expected a string"
        case "after":
            edited = text.replacingOccurrences(of: "\"reviews\": []", with: "\"reviews\": {}")
            expected = "at $.reviews: expected a list"
        default:
            edited = String(text.dropLast(3))
            expected = "ends early (truncated?)"
        }
        #expect(edited != text)
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        let store = try SessionStore(path: path, now: "n") { Session(annotator: "anna", corpus: CorpusReference(TestCorpus.corpus), created: "n") }
        #expect(store.session.state.hasSameRecords(as: state))
        let warning = try #require(store.openingWarnings.first)
        #expect(warning.contains(expected), "\(warning)")
        #expect(warning.contains("kept as \(path).damaged and the session rebuilt from the log"), "\(warning)")
        #expect(try String(contentsOfFile: path + ".damaged", encoding: .utf8) == edited)
        try store.close()
        // Read-only loading takes the same way and writes nothing.
        #expect(try SessionStore.load(path: path).state.hasSameRecords(as: state))
    }

    /// The snapshot's bytes are checked as UTF-8 beside its decoding, not before it: a record
    /// decoded from bytes that are not UTF-8 (where a string would hold U+FFFD) is not taken.
    @Test("A snapshot with a byte that is not UTF-8 in one of its records is named with the byte's offset, kept aside, and the session comes from the log", arguments: ["text", "key"])
    func notUTF8(_ place: String) throws {
        let (path, state) = try Self.closedSession()
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let line = try #require(bytes.firstRange(of: Array("\"id\":\"C1500\"".utf8)))
        // In a quoted text (read into a string) or in a key no reader knows (skipped).
        let needle = place == "text" ? Array("\"text\":\"".utf8) : Array("\"negated\"".utf8)
        let field = try #require(bytes[line.upperBound...].firstRange(of: needle))
        let offset = place == "text" ? field.upperBound : field.lowerBound + 2
        bytes[offset] = 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let store = try SessionStore(path: path, now: "n") { Session(annotator: "anna", corpus: CorpusReference(TestCorpus.corpus), created: "n") }
        #expect(store.session.state.hasSameRecords(as: state))
        let warning = try #require(store.openingWarnings.first)
        #expect(warning.contains("invalid UTF-8 at byte offset \(offset)"), "\(warning)")
        #expect(warning.contains("kept as \(path).damaged and the session rebuilt from the log"), "\(warning)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path + ".damaged")) == Data(bytes))
        try store.close()
        #expect(try SessionStore.load(path: path).state.hasSameRecords(as: state))
    }
}
