import Foundation
import Testing
@testable import Annotations

/// A brat folder from another tool whose `.txt` files hold a byte-order mark, CRLF line ends or
/// decomposed umlauts: the `T` offsets count that text, which loading normalises. Lines whose
/// offsets and text fit the `.txt` as written are taken at their normalised place (every one
/// was refused as "not the document's text").
@Suite("brat import: offsets into the .txt as another tool wrote it")
struct BratForeignTextTests {
    static func folder(_ files: [String: String]) throws -> String {
        let folder = TestCorpus.temporaryFolder() + "/brat"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name)) }
        return folder
    }

    static func load(_ folder: String) throws -> Session {
        let corpus = SegmentedCorpus(try CorpusLoader().load(paths: [folder]))
        return try BratImporter().load(folder: folder, corpus: corpus, annotator: nil, time: ImportTests.time)
    }

    @Test("byte-order mark, CRLF and NFD: each T line lands on its text in the normalised document")
    func rawOffsets() throws {
        let folder = try Self.folder([
            "bom.txt": "\u{FEFF}Rutte sagte, er komme.\n", "bom.ann": "T1\tSpeaker 1 6\tRutte\nT2\tCue 7 12\tsagte\n",
            "crlf.txt": "Rutte sagte:\r\n„Ja.“\r\nMerz schwieg.\r\n", "crlf.ann": "T1\tClaim 14 19\t„Ja.“\nT2\tSpeaker 21 25\tMerz\n",
            "nfd.txt": "Mu\u{0308}ller sagte, die Lo\u{0308}sung sei nah.\n", "nfd.ann": "T1\tSpeaker 0 7\tMu\u{0308}ller\nT2\tClaim 15 35\tdie Lo\u{0308}sung sei nah.\n",
            "plain.txt": "Peskow warf dem Westen vor, zu lügen.", "plain.ann": "T1\tSpeaker 0 6\tPeskow\n",
        ])
        let state = try Self.load(folder).state
        let texts = Set(state.mentions.values.map { "\($0.anchor.document):\($0.anchor.text)" })
        #expect(texts == ["bom:Rutte", "crlf:Merz", "nfd:Müller", "plain:Peskow"])
        #expect(Set(state.claims.values.map { "\($0.anchor.document):\($0.anchor.text)" }) == ["crlf:„Ja.“", "nfd:die Lösung sei nah."])
        #expect(state.cues.values.map(\.anchor.text) == ["sagte"])
        let bom = try #require(state.mentions.values.first { $0.anchor.document == "bom" })
        #expect(bom.anchor.segments == [SpanSegment(start: 0, end: 5)])
    }

    @Test("offsets that fit neither the normalised nor the written text are still refused")
    func neitherRefused() throws {
        let folder = try Self.folder(["bom.txt": "\u{FEFF}Rutte sagte.\n", "bom.ann": "T1\tSpeaker 2 7\tRutte\n"])
        let problems = importProblems { _ = try Self.load(folder) }
        #expect(problems.count == 1)
        #expect(problems.first?.reason.contains("is not the document's text at 2 7") == true)
    }
}
