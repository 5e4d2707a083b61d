import Foundation
import Testing
@testable import Annotations
import TestSupport

/// Corpus and import files saved as UTF-16 or UTF-32 (with or without a byte-order mark) are named
/// as such, with how to mend them.
@Suite("Files in UTF-16 or UTF-32")
struct OtherUnicodeEncodingTests {
    static let text = "Die Regierung sagte, es werde regnen. Anna meinte: „Nein.“\n"

    static func utf16(_ text: String, littleEndian: Bool, mark: Bool) -> [UInt8] {
        let units = (mark ? [0xFEFF] : []) + Array(text.utf16)
        return units.flatMap { littleEndian ? [UInt8($0 & 0xFF), UInt8($0 >> 8)] : [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    static func utf32(_ text: String, littleEndian: Bool, mark: Bool) -> [UInt8] {
        let scalars = (mark ? [0xFEFF] : []) + text.unicodeScalars.map(\.value)
        return scalars.flatMap { value -> [UInt8] in
            let bytes = [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)]
            return littleEndian ? bytes : bytes.reversed()
        }
    }

    @Test("A corpus file in UTF-16 without a byte-order mark, or in UTF-32, is named so (it loaded with a NUL between every two letters, or was called UTF-16)")
    func corpusFiles() throws {
        let folder = try BadInputCatalogueTests.folder("other-encoding-corpus-")
        let cases: [(String, [UInt8], String)] = [
            ("le.txt", Self.utf16(Self.text, littleEndian: true, mark: false), "the file is UTF-16 without a byte-order mark (every second byte is NUL); save it as UTF-8"),
            ("be.txt", Self.utf16(Self.text, littleEndian: false, mark: false), "the file is UTF-16 without a byte-order mark (every second byte is NUL); save it as UTF-8"),
            ("le.jsonl", Self.utf16(#"{"id":"a","text":"Er sagte: „Ja.“"}"# + "\n", littleEndian: true, mark: false), "the file is UTF-16 without a byte-order mark (every second byte is NUL); save it as UTF-8"),
            ("bom32le.txt", Self.utf32(Self.text, littleEndian: true, mark: true), "the file is UTF-32 (it begins with a UTF-32 byte-order mark); save it as UTF-8"),
            ("bom32be.txt", Self.utf32(Self.text, littleEndian: false, mark: true), "the file is UTF-32 (it begins with a UTF-32 byte-order mark); save it as UTF-8"),
            ("le32.txt", Self.utf32(Self.text, littleEndian: true, mark: false), "the file is UTF-32 without a byte-order mark (three bytes in every four are NUL); save it as UTF-8"),
            ("be32.txt", Self.utf32(Self.text, littleEndian: false, mark: false), "the file is UTF-32 without a byte-order mark (three bytes in every four are NUL); save it as UTF-8"),
            ("bom16.txt", Self.utf16(Self.text, littleEndian: true, mark: true), "the file is UTF-16 (it begins with a UTF-16 byte-order mark); save it as UTF-8"),
        ]
        for (name, bytes, reason) in cases {
            let path = try BadInputCatalogueTests.write(bytes, name, in: folder)
            let error = BadInputCatalogueTests.error { () throws(CorpusError) in _ = try CorpusLoader().load(paths: [path]) }
            #expect(error?.description == "\(path): cannot read: \(reason)", "\(name)")
        }
    }

    @Test("UTF-8 text with NULs here and there, short texts and German text still load")
    func utf8StaysText() throws {
        let folder = try BadInputCatalogueTests.folder("other-encoding-utf8-")
        let texts = [
            "Hallo\u{0}Welt. Er sagte \u{1B}[2J\u{7}etwas.",
            "a\u{0}b\u{0}c\u{0}",
            "Ä\u{0}Ö\u{0}Ü\u{0}ß\u{0}",
            Self.text,
            String(repeating: "\u{0}", count: 3) + "x",
        ]
        for (index, text) in texts.enumerated() {
            try BadInputCatalogueTests.write(Array(text.utf8), "t\(index).txt", in: folder)
        }
        let corpus = try CorpusLoader().load(paths: [folder])
        #expect(corpus.documents.count == texts.count)
        for text in texts { #expect(OtherUnicodeEncoding.of(Array(text.utf8)) == nil, "\(text.debugDescription)") }
    }

    /// The fixture's session exported as `format` into a new folder.
    static func export(_ format: ExportFormat) throws -> String {
        let bundle = try ExportBundle(corpus: ExportFixture.corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: try ExportFixture.anna().state)])
        let folder = TestScratch.path("other-encoding-\(format.rawValue)-")
        _ = try ExportWriter(folder: folder).write(format.exporter.export(bundle))
        return folder
    }

    /// Rewrites `path` as UTF-16 (little endian, with a byte-order mark), as a Windows editor saves it.
    static func resave(_ path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data(utf16(text, littleEndian: true, mark: true)).write(to: URL(fileURLWithPath: path))
    }

    @Test("Every import names a file saved as UTF-16 (it said invalid UTF-8 at byte offset 0, unexpected byte 0xFF, not UTF-8 text)")
    func importFiles() throws {
        let reason = "the file is UTF-16 (it begins with a UTF-16 byte-order mark); save it as UTF-8"
        let time = "2026-11-21T11:00:00.000Z"
        let corpus = ExportFixture.corpus

        let jsonl = try Self.export(.jsonl)
        try Self.resave(jsonl + "/annotations.jsonl")
        let jsonlError = BadInputCatalogueTests.error { () throws(ExportError) in
            _ = try JSONLImporter().load(paths: [jsonl + "/annotations.jsonl", jsonl + "/entities.jsonl"], corpus: corpus, annotator: nil, time: time)
        }
        #expect(jsonlError?.description == "\(jsonl)/annotations.jsonl: cannot read: \(reason)")

        let labelStudio = try Self.export(.labelstudio)
        try Self.resave(labelStudio + "/tasks.json")
        let labelStudioError = BadInputCatalogueTests.error { () throws(ExportError) in
            _ = try LabelStudioImporter().load(path: labelStudio + "/tasks.json", corpus: corpus, annotator: nil, time: time)
        }
        #expect(labelStudioError?.description == "\(labelStudio)/tasks.json: cannot read: \(reason)")

        let webAnno = try Self.export(.webanno)
        let tsv = try #require(FileManager.default.subpaths(atPath: webAnno)?.first { $0.hasSuffix("tricky.tsv") })
        try Self.resave(webAnno + "/" + tsv)
        let webAnnoError = BadInputCatalogueTests.error { () throws(ExportError) in
            _ = try WebAnnoImporter().load(paths: [webAnno + "/" + tsv], corpus: corpus, annotator: nil, time: time)
        }
        #expect(webAnnoError?.description.contains("\(webAnno)/\(tsv): \(reason)") == true, "\(String(describing: webAnnoError))")

        let brat = try Self.export(.brat)
        let ann = try #require(FileManager.default.subpaths(atPath: brat)?.first { $0.hasSuffix("tricky.ann") })
        let bratFolder = brat + "/" + (ann as NSString).deletingLastPathComponent
        try Self.resave(brat + "/" + ann)
        try Self.resave(bratFolder + "/speakers.tsv")
        let bratError = BadInputCatalogueTests.error { () throws(ExportError) in
            _ = try BratImporter().load(folder: bratFolder, corpus: corpus, annotator: nil, time: time)
        }
        #expect(bratError?.description.contains("\(brat)/\(ann): \(reason)") == true, "\(String(describing: bratError))")
        #expect(bratError?.description.contains("\(bratFolder)/speakers.tsv: \(reason)") == true, "\(String(describing: bratError))")

        let spkatt = try Self.export(.spkatt)
        let json = try #require(FileManager.default.subpaths(atPath: spkatt)?.first { $0.hasSuffix("tricky.json") })
        try Self.resave(spkatt + "/" + json)
        let spkattError = BadInputCatalogueTests.error { () throws(ExportError) in
            _ = try SpkAttImporter().load(paths: [spkatt + "/" + json], corpusPath: TestScratch.path("other-encoding-corpus-out-"), annotator: "anna", time: time)
        }
        #expect(spkattError?.description.contains("\(spkatt)/\(json): \(reason)") == true, "\(String(describing: spkattError))")
    }
}
