import Foundation
import Testing
@testable import Annotations

/// The token formats' files (conllu, jsonl, iob, spkatt) are kept byte for byte while their writers
/// are made faster: each file's path, size and FNV-1a digest, as the writers of stop 50 wrote them,
/// on the two-session fixture (emoji, ZWJ sequences, flags, combining marks, „“, markup, a control
/// character; overlapping, discontinuous and cross-sentence spans), the hostile fixture (bidi
/// controls, NUL, CR line ends, NFD umlauts) and a corpus with an empty and a whitespace-only
/// document between the fixture's two (which must add nothing).
@Suite("Token formats' files kept byte for byte")
struct ExportTokenFormatsDigestTests {
    /// 64-bit FNV-1a of `bytes`, as 16 hex digits.
    static func digest(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Every file of `format` written for `bundle`, as `path size digest` lines.
    static func files(_ format: ExportFormat, _ bundle: ExportBundle) -> [String] {
        var out = ExportOutput()
        format.exporter.write(bundle, to: &out)
        return out.files.map { "\($0.path) \($0.bytes.count) \(digest($0.bytes))" }
    }

    /// The fixture's two documents with an empty and a whitespace-only one between them.
    static func withEmptyDocuments() throws -> ExportBundle {
        let corpus = SegmentedCorpus(Corpus(
            documents: [ExportFixture.tricky, Document(id: "empty", rawText: ""), Document(id: "blank", rawText: " \n\t\u{00A0}\n"), ExportFixture.plain],
            paths: ["fixture"]))
        return try ExportBundle(
            corpus: corpus,
            sessions: [
                ExportSession(label: "anna", annotator: "anna", state: try ExportFixture.anna().state),
                ExportSession(label: "bob", annotator: "bob", state: try ExportFixture.bob().state),
            ])
    }

    /// Written by the writers of `main` at stop 51's start (`850c8cf`). The corpus with empty documents
    /// gives the fixture's files exactly: a document without sentences adds nothing to them.
    /// Stop 55: the `conllu` and `iob` files (`webanno` in ExportFileFormatsDigestTests) changed only
    /// where the fixtures hold a control character (BEL in `plain`, NUL in the hostile fixture), now
    /// written as its Control Picture (`␇`, `␀`: ``ExportControlCharacters``); with those mapped back
    /// to the controls, every file gives the digest written before.
    static let expected: [String: [String]] = [
        "conllu": [
            "fixture anna.conllu 4113 41ce2ba7d324a490",
            "fixture anna.conllup 4580 9bc3713925092715",
            "fixture bob.conllu 4113 9c6cb85e95e7265f",
            "fixture bob.conllup 4457 2cd57209271e4249",
            "hostile anna%E2%80%AEgnal%E2%81%A7.conllu 4986 6774199ab95310e4",
            "hostile anna%E2%80%AEgnal%E2%81%A7.conllup 5421 1f16f385c45fb2bb",
            "empty anna.conllu 4113 41ce2ba7d324a490",
            "empty anna.conllup 4580 9bc3713925092715",
            "empty bob.conllu 4113 9c6cb85e95e7265f",
            "empty bob.conllup 4457 2cd57209271e4249",
        ],
        "jsonl": [
            "fixture annotations.jsonl 16070 42ba4b021ab750e2",
            "fixture entities.jsonl 2092 3465b92f77690cf2",
            "hostile annotations.jsonl 8086 f4921d02dd418d18",
            "hostile entities.jsonl 1856 e06f389ce7a2fa46",
            "empty annotations.jsonl 16070 42ba4b021ab750e2",
            "empty entities.jsonl 2092 3465b92f77690cf2",
        ],
        "iob": [
            "fixture anna.conll 1142 bed706bc856a9460",
            "fixture bob.conll 972 51ce6f25dfa52dc4",
            "hostile anna%E2%80%AEgnal%E2%81%A7.conll 1284 922ac38d80695856",
            "empty anna.conll 1142 bed706bc856a9460",
            "empty bob.conll 972 51ce6f25dfa52dc4",
        ],
        "spkatt": [
            "fixture anna/tricky.json 1542 d6badcd693ab9ad4",
            "fixture anna/plain.json 334 c0cfbdfdf079c0cf",
            "fixture bob/tricky.json 976 76ea3689613eadc1",
            "fixture bob/plain.json 176 9e6ae3c9fd9a69e0",
            "hostile anna%E2%80%AEgnal%E2%81%A7/a%3C%2Fscript%3E%22'%3C!--%E2%80%AEgnal%E2%81%A7.json 1499 84b6a02e9f660760",
            "hostile anna%E2%80%AEgnal%E2%81%A7/javascript%3Aalert(5).json 419 d5ae97590b1c42ec",
            "empty anna/tricky.json 1542 d6badcd693ab9ad4",
            "empty anna/plain.json 334 c0cfbdfdf079c0cf",
            "empty bob/tricky.json 976 76ea3689613eadc1",
            "empty bob/plain.json 176 9e6ae3c9fd9a69e0",
        ],
    ]

    @Test("conllu, jsonl, iob and spkatt write the same bytes as before", arguments: [ExportFormat.conllu, .jsonl, .iob, .spkatt])
    func sameBytes(format: ExportFormat) throws {
        let written = [
            ("fixture", try ExportFixture.bundle()), ("hostile", try HostileExportFixture.bundle()), ("empty", try Self.withEmptyDocuments()),
        ].flatMap { name, bundle in Self.files(format, bundle).map { "\(name) \($0)" } }
        #expect(written == Self.expected[format.rawValue] ?? [])
    }
}
