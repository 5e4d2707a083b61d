import Foundation
import Testing
@testable import Annotations

/// The records the session writer writes by hand (in snapshots and event lines) are the bytes
/// `JSONEncoder` gives them.
@Suite("Session file writer: records")
struct SessionFileWriterRecordTests {
    /// Mentions, cues and claims with every optional field set and unset, unusual text, several segments.
    static var records: [Record] {
        let anchor = TextAnchor(
            document: "doc-ä", sentence: 12, segments: [SpanSegment(start: 0, end: 5), SpanSegment(start: 9, end: 120_345)],
            text: "„Wir“ … 😀 e\u{301}", before: "vor/her «x»", after: "", sentenceHash: "0123456789abcdef", orphaned: true)
        var plain = anchor
        plain.orphaned = false
        plain.segments = [SpanSegment(start: 7, end: 8)]
        return [
            .mention(Mention(id: "M1", anchor: anchor, speaker: "S1", role: "UN-Botschafter", annotator: "anna", sources: ["a", "b"])),
            .mention(Mention(id: "M22", anchor: plain, speaker: "S2")),
            .cue(Cue(id: "Q3", anchor: plain, annotator: "bo", sources: [])),
            .cue(Cue(id: "Q4", anchor: anchor)),
            .claim(Claim(id: "C5", anchor: anchor, speaker: "S1", mention: "M1", cue: "Q3", form: "direct", negated: true, hedged: true,
                         annotator: "anna", sources: ["x"])),
            .claim(Claim(id: "C6", anchor: plain)),
            .mention(Mention(id: "M7", anchor: plain, speaker: "S1", role: "r", sources: ["a"],
                             origin: Origin(kind: .adjudicated, from: [Origin.Source(session: "anna \"A\"", id: "M3"), Origin.Source(session: "bo", id: "M1")]))),
            .cue(Cue(id: "Q8", anchor: plain, origin: Origin(kind: .suggested, rule: "sagte-cue"))),
            .claim(Claim(id: "C9", anchor: anchor, speaker: "S1", negated: true, sources: ["x"], origin: Origin(kind: .imported, from: []))),
            .claim(Claim(id: "C10", anchor: plain, origin: Origin(kind: .reviewed, rule: "r", from: [Origin.Source(session: "s", id: "C1")]))),
            .speaker(Speaker(id: "S3", name: "Ä", aliases: ["a"], origin: Origin(kind: .typed))),
            .target(Target(id: "T2", text: "t", origin: Origin(kind: .adjudicated, from: [Origin.Source(session: "a", id: "T1")]))),
            .stance(Stance(id: "P4", speaker: "S1", target: "T2", label: "favor", evidence: ["C1"], sources: ["a"], origin: Origin(kind: .adjudicated))),
            .stance(Stance(id: "P5", speaker: "S1", target: "T2", label: "favor")),
            .claim(Claim(id: "C11", anchor: plain, attributes: ["stwr": "SW", "frame": "0-5,9-12", "addressees": "M1 M2", "ä \"q\"": "😀/x"])),
            .claim(Claim(id: "C12", anchor: plain, attributes: [:])),
            .claim(Claim(id: "C13", anchor: anchor, speakers: ["S1", "S2"], mentions: ["M1", "M22"], addressees: ["M7"], cue: "Q3")),
            .claim(Claim(id: "C14", anchor: plain, speakers: ["S2"], mentions: [], addressees: ["M1", "M7"])),
            .claim(Claim(id: "C15", anchor: plain, speakers: ["S1", "S3"], mentions: ["M1"])),
        ]
    }

    /// `record` as the writer writes it (the line of a snapshot's annotations that holds it) and as `JSONEncoder` gives it.
    static func lines(_ record: Record) throws -> (written: String, encoded: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        var file = SessionFile(
            annotator: "a", created: "c", updated: "u", corpus: CorpusReference(paths: [], segmenter: "s", documents: []), derivedFrom: nil,
            cursor: nil, state: AnnotationState(schema: .standard), events: [])
        file.annotations = [record]
        let snapshot = String(decoding: try SessionCodec.encode(file), as: UTF8.self).components(separatedBy: "\n")
        let line = snapshot.firstIndex(of: "  \"annotations\": [").map { String(snapshot[$0 + 1].dropFirst(4)) } ?? ""
        return (line, String(decoding: try encoder.encode(record), as: UTF8.self))
    }

    @Test("Writes every kind of record exactly as JSONEncoder does")
    func sameBytesAsJSONEncoder() throws {
        for record in Self.records + [.note(Note(id: "N1", subject: .annotation("C1"), text: "x"))] {
            let (written, encoded) = try Self.lines(record)
            #expect(written == encoded, "\(record.key)")
        }
    }

    @Test("Escapes strings as JSONEncoder does")
    func escapes() throws {
        var controls = ""
        for scalar in 0..<0x20 { controls.unicodeScalars.append(Unicode.Scalar(UInt8(scalar))) }
        for text in ["a\"b", "a\\b", "a\nb", "a\u{7F}b", controls, "\u{2028}\u{2029}\u{FEFF}/", "\"\""] {
            let anchor = TextAnchor(
                document: "d", sentence: 0, segments: [SpanSegment(start: 0, end: 1)], text: text, before: text, after: "", sentenceHash: "")
            let (written, encoded) = try Self.lines(.cue(Cue(id: "Q1", anchor: anchor)))
            #expect(written == encoded, "\(text.debugDescription)")
        }
    }

    @Test("The stored annotations of a written session are written back the same")
    func storedAnnotations() throws {
        let file = try SessionCodec.decode(Data(RandomSessions.written), path: "mem")
        for record in file.annotations {
            let (written, encoded) = try Self.lines(record)
            #expect(written == encoded)
        }
    }
}
