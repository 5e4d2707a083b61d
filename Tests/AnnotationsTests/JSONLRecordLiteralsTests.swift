import Foundation
import Testing

@testable import Annotations

/// Each session's label and annotator and each document's id are escaped once for the whole
/// export (not once per record), and the span references of `relations` are written without the
/// span's text: every record still reads back with the session, annotator and document it belongs
/// to, in every session, with quotes, bidi controls and markup in the names.
@Suite("JSONL records: names escaped once")
struct JSONLRecordLiteralsTests {
    static func records(_ bundle: ExportBundle) throws -> [[String: Any]] {
        let files = JSONLExporter().export(bundle)
        let file = try #require(files.first { $0.path == "annotations.jsonl" })
        return try String(decoding: file.bytes, as: UTF8.self).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    static func check(_ bundle: ExportBundle) throws {
        let records = try Self.records(bundle)
        let sentences = bundle.documents.reduce(0) { $0 + $1.sentences.count }
        #expect(records.count == sentences * bundle.sessions.count)
        var position = 0
        for document in bundle.documents {
            for sentence in document.sentences.indices {
                for session in bundle.sessions {
                    let record = records[position]
                    position += 1
                    let meta = try #require(record["meta"] as? [String: Any])
                    #expect(record["_session_id"] as? String == session.label)
                    #expect(meta["session"] as? String == session.label)
                    #expect(meta["annotator"] as? String == session.annotator)
                    #expect(meta["document"] as? String == document.document.id)
                    #expect(meta["sentence"] as? Int == sentence)
                    for relation in record["relations"] as? [[String: Any]] ?? [] {
                        for key in ["head_span", "child_span"] {
                            let reference = try #require(relation[key] as? [String: Any])
                            #expect(Set(reference.keys) == ["start", "end", "token_start", "token_end", "label"])
                        }
                    }
                    for span in record["spans"] as? [[String: Any]] ?? [] {
                        #expect(span["text"] is String && span["id"] is String && span["annotator"] is String)
                    }
                }
            }
        }
    }

    @Test("the two-session fixture")
    func fixture() throws { try Self.check(try ExportFixture.bundle()) }

    @Test("the hostile fixture (a quote and bidi controls in the annotator, label and document ids)")
    func hostile() throws { try Self.check(try HostileExportFixture.bundle()) }
}
