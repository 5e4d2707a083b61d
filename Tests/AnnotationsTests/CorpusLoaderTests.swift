import Foundation
import Testing

@testable import Annotations

/// A temporary folder removed when the value goes away.
private final class TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-loader-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = (path as NSString).appendingPathComponent(name)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }
}

private func loadError(_ paths: [String]) -> CorpusError? {
    do {
        _ = try CorpusLoader().load(paths: paths)
        return nil
    } catch {
        return error
    }
}

@Suite("Corpus loader")
struct CorpusLoaderTests {
    @Test("Folders are read in file-name (byte) order; hidden and other files are skipped")
    func folderOrder() throws {
        let folder = try TemporaryFolder()
        for name in ["b.txt", "a.txt", "B.txt", "10.txt", "2.txt", "ä.txt"] { try folder.write(name, "Text \(name)") }
        try folder.write(".hidden.txt", "versteckt")
        try folder.write("notes.md", "# nicht lesen")
        try FileManager.default.createDirectory(atPath: folder.path + "/sub", withIntermediateDirectories: true)
        let corpus = try CorpusLoader().load(paths: [folder.path])
        #expect(corpus.documents.map(\.id) == ["10", "2", "B", "a", "b", "ä"])
        #expect(corpus.documents.first?.text == "Text 10.txt")
        #expect(corpus.paths == [folder.path])
        #expect(corpus.warnings.isEmpty)
        // a trailing slash gives the same sources without a double slash
        let slashed = try CorpusLoader().load(paths: [folder.path + "/"])
        #expect(slashed.documents.first?.source == folder.path + "/10.txt")
    }

    @Test("Paths are read in the order given; .txt and .jsonl mix")
    func mixedFiles() throws {
        let folder = try TemporaryFolder()
        let text = try folder.write("z.txt", "Ein Satz.")
        let lines = try folder.write(
            "a.jsonl",
            """
            {"id": "j1", "text": "Erster.", "title": "Titel", "meta": {"quelle": "dw", "jahr": 2024}}

            {"id": "j2", "text": "Zweiter."}
            """)
        let corpus = try CorpusLoader().load(paths: [text, lines])
        #expect(corpus.documents.map(\.id) == ["z", "j1", "j2"])
        #expect(corpus.documents[1].title == "Titel")
        #expect(corpus.documents[1].meta["quelle"] == "dw")
        #expect(corpus.documents[1].meta["jahr"] == "2024")
        #expect(corpus.documents[2].title == nil)
        #expect(corpus.documents.map(\.source) == [text, lines, lines])
        #expect(corpus.document(id: "j2")?.text == "Zweiter.")
        #expect(corpus.documents[0].fingerprint == "d4ccbfa7d2a666f432cb6760c9e9a9850ffbd35dad2eb30c3133fe55ec74fac7")  // sha256sum of "Ein Satz."
    }

    @Test(
        "Invalid UTF-8 is reported with the file and the exact byte offset",
        arguments: [
            ([0x61, 0x62, 0x63, 0xC3, 0x28], 3),  // bad continuation
            ([0x47, 0x72, 0xC3, 0xBC, 0xC3, 0x9F, 0x65, 0xFF], 7),  // "Grüße" then 0xFF
            ([0xEF, 0xBB, 0xBF, 0x61, 0xC0, 0x80], 4),  // overlong, after a BOM (offsets count the BOM)
            ([0x61, 0xED, 0xA0, 0x80], 1),  // UTF-16 surrogate
            ([0x61, 0x62, 0xE2, 0x80], 2),  // truncated at the end
            ([0xF4, 0x90, 0x80, 0x80], 0),  // above U+10FFFF
            ([0x80], 0),  // stray continuation byte
        ] as [([UInt8], Int)])
    func invalidUTF8(bytes: [UInt8], offset: Int) throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("kaputt.txt", bytes: bytes)
        let error = loadError([file])
        #expect(error == .invalidUTF8(path: file, byteOffset: offset))
        #expect(error?.description.contains(file) == true)
        #expect(error?.description.contains("byte offset \(offset)") == true)
        #expect(UTF8Validation.firstInvalidOffset(in: bytes) == offset)
    }

    @Test("Invalid UTF-8 inside a JSONL file counts bytes from the start of the file")
    func invalidUTF8InJSONL() throws {
        let folder = try TemporaryFolder()
        let prefix = Array("{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"b\", \"text\": \"".utf8)
        let file = try folder.write("x.jsonl", bytes: prefix + [0xFE] + Array("\"}\n".utf8))
        #expect(loadError([file]) == .invalidUTF8(path: file, byteOffset: prefix.count))
    }

    @Test("Valid UTF-8 of every length passes validation")
    func validUTF8() {
        let text = "aÄ€𝄞🇪🇺\u{10FFFF}\u{FEFF}"
        #expect(UTF8Validation.firstInvalidOffset(in: Array(text.utf8)) == nil)
        #expect(UTF8Validation.firstInvalidOffset(in: []) == nil)
    }

    @Test("UTF-8 validation reads no byte past the buffer, whatever its length around the 32- and 8-byte steps")
    func utf8ValidationStopsAtTheEnd() {
        // Each buffer is a prefix of a longer array whose next byte is invalid.
        for length in 0...80 {
            for lead in [UInt8(ascii: "a"), 0xC3] {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length) + [0xFF]
                if lead == 0xC3, length >= 2 { bytes.replaceSubrange((length - 2)..<length, with: [0xC3, 0x84]) }
                let prefix = bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: UnsafeBufferPointer(rebasing: $0[..<length])) }
                #expect(prefix == nil, "length \(length)")
                #expect(UTF8Validation.firstInvalidOffset(in: bytes) == length)
            }
        }
    }

    @Test("A byte order mark is removed and recorded")
    func byteOrderMark() throws {
        let folder = try TemporaryFolder()
        let text = try folder.write("bom.txt", bytes: [0xEF, 0xBB, 0xBF] + Array("Hallo".utf8))
        let lines = try folder.write("bom.jsonl", bytes: [0xEF, 0xBB, 0xBF] + Array("{\"id\": \"j\", \"text\": \"Welt\"}\n".utf8))
        let corpus = try CorpusLoader().load(paths: [text, lines])
        #expect(corpus.documents.map(\.text) == ["Hallo", "Welt"])
        #expect(corpus.documents[0].normalization == TextNormalization(removedByteOrderMark: true))
        // the BOM of a JSONL file belongs to the file, not to its first document
        #expect(corpus.documents[1].normalization.isIdentity)
        #expect(corpus.documents[0].scalarCount == 5)
    }

    @Test("CRLF and CR become LF and are recorded")
    func lineEndings() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.txt", "Eins\r\nZwei\rDrei\r\n\r\nVier\r")
        try folder.write("b.txt", "Eins\nZwei")
        let corpus = try CorpusLoader().load(paths: [folder.path])
        #expect(corpus.documents[0].text == "Eins\nZwei\nDrei\n\nVier\n")
        #expect(corpus.documents[0].normalization.convertedLineEndings)
        #expect(corpus.documents[1].normalization.isIdentity)
    }

    @Test("JSONL files with CRLF line endings are split into records")
    func jsonlWithCRLF() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("crlf.jsonl", "{\"id\": \"a\", \"text\": \"A\\r\\nB\"}\r\n{\"id\": \"b\", \"text\": \"C\"}\r\n\r\nnot json\r\n")
        #expect(loadError([file]) == .badJSONLRecord(path: file, line: 4, reason: "not valid JSON"))
        try folder.write("crlf.jsonl", "{\"id\": \"a\", \"text\": \"A\\r\\nB\"}\r\n{\"id\": \"b\", \"text\": \"C\"}\r\n")
        let corpus = try CorpusLoader().load(paths: [file])
        #expect(corpus.documents.map(\.id) == ["a", "b"])
        #expect(corpus.documents[0].text == "A\nB")
        #expect(corpus.documents[0].normalization.convertedLineEndings)
    }

    @Test("NFC is applied and recorded")
    func nfc() throws {
        let folder = try TemporaryFolder()
        try folder.write("nfd.txt", "mu\u{0308}sse Cafe\u{0301}")
        try folder.write("nfc.txt", "müsse Café")
        let corpus = try CorpusLoader().load(paths: [folder.path])
        let nfd = try #require(corpus.document(id: "nfd"))
        let nfc = try #require(corpus.document(id: "nfc"))
        #expect(nfd.text.unicodeScalars.elementsEqual(nfc.text.unicodeScalars))
        #expect(nfd.scalarCount == 10)
        #expect(nfd.normalization.appliedNFC)
        #expect(!nfc.normalization.appliedNFC)
        #expect(nfd.fingerprint == nfc.fingerprint)
    }

    @Test("Empty and whitespace-only documents load with a warning")
    func emptyDocuments() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.txt", "")
        try folder.write("b.txt", " \n\t\u{A0}\n")
        try folder.write("c.jsonl", "{\"id\": \"c1\", \"text\": \"\"}\n{\"id\": \"c2\", \"text\": \"Inhalt\"}\n")
        let corpus = try CorpusLoader().load(paths: [folder.path])
        #expect(corpus.documents.map(\.id) == ["a", "b", "c1", "c2"])
        #expect(corpus.warnings.count == 3)
        #expect(corpus.warnings[0].contains("'a'") && corpus.warnings[0].contains("empty"))
        #expect(corpus.warnings[1].contains("'b'") && corpus.warnings[1].contains("whitespace"))
        #expect(corpus.warnings[2].contains("'c1'") && corpus.warnings[2].contains("c.jsonl"))
        #expect(corpus.documents[1].isBlank)
        #expect(SentenceSegmenter().sentenceRanges(in: corpus.documents[1].text).isEmpty)
    }

    @Test("Duplicate ids are an error naming both files")
    func duplicateIDs() throws {
        let folder = try TemporaryFolder()
        let text = try folder.write("doc.txt", "A")
        let lines = try folder.write("more.jsonl", "{\"id\": \"x\", \"text\": \"B\"}\n{\"id\": \"doc\", \"text\": \"C\"}\n")
        let error = loadError([folder.path])
        #expect(error == .duplicateID(id: "doc", first: text, second: lines))
        #expect(error?.description.contains("doc") == true)

        let same = try folder.write("same.jsonl", "{\"id\": \"y\", \"text\": \"B\"}\n{\"id\": \"y\", \"text\": \"C\"}\n")
        #expect(loadError([same]) == .duplicateID(id: "y", first: same, second: same))
        // the same file given twice is a duplicate too
        #expect(loadError([text, text]) == .duplicateID(id: "doc", first: text, second: text))
    }

    @Test("Missing paths, unsupported files and folders without documents are errors")
    func pathErrors() throws {
        let folder = try TemporaryFolder()
        let missing = folder.path + "/gibt-es-nicht.txt"
        #expect(loadError([missing]) == .missingPath(missing))
        #expect(loadError([missing])?.description.contains(missing) == true)
        let markdown = try folder.write("notes.md", "x")
        #expect(loadError([markdown]) == .unsupportedFile(markdown))
        #expect(loadError([folder.path]) == .noDocuments(folder.path))
        try folder.write("ok.txt", "Text")
        #expect(loadError([folder.path, missing]) == .missingPath(missing))
    }

    @Test(
        "Bad JSONL lines are reported with their line numbers",
        arguments: [
            ("{\"id\": \"a\", \"text\": \"A\"}\n\n{\"id\": \"b\", \"text\": }\n", 3, "not valid JSON"),
            ("[1, 2]\n", 1, "expected a JSON object"),
            ("\"text\"\n", 1, "expected a JSON object"),
            ("{\"id\": \"a\", \"text\": \"A\"}\n{\"text\": \"B\"}\n", 2, "missing string field \"id\""),
            ("{\"id\": 5, \"text\": \"B\"}\n", 1, "missing string field \"id\""),
            ("{\"id\": \"\", \"text\": \"B\"}\n", 1, "field \"id\" is empty; give each document a non-empty id"),
            ("{\"id\": \"a\"}\n", 1, "missing string field \"text\""),
            ("{\"id\": \"a\", \"text\": null}\n", 1, "missing string field \"text\""),
            ("\n\n  \n{\"id\": \"a\", \"text\": \"A\"} x\n", 4, "not valid JSON"),
        ])
    func badJSONL(content: String, line: Int, reason: String) throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("bad.jsonl", content)
        let error = loadError([file])
        #expect(error == .badJSONLRecord(path: file, line: line, reason: reason))
        #expect(error?.description.hasPrefix("\(file):\(line): ") == true)
    }

    @Test("JSONL texts are normalised like files; escapes decode")
    func jsonlNormalisation() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("n.jsonl", "{\"id\": \"n\", \"text\": \"mu\\u0308sse \\u201eJa\\u201c \\ud83c\\uddea\\ud83c\\uddfa\"}\n")
        let document = try #require(try CorpusLoader().load(paths: [file]).documents.first)
        #expect(document.text == "müsse „Ja“ 🇪🇺")
        #expect(document.normalization.appliedNFC)
    }

    @Test("Lines of the usual shape are read straight from the bytes, exactly as JSONSerialization reads them; others go the old way")
    func plainRecordsAgreeWithJSONSerialization() throws {
        let plain = [
            #"{"id": "a", "text": "Der Minister sagte: „Ja.“ 👍🏽"}"#,
            #"{"text":"x\n\ty \"q\" \\ \/ \u00e4\u0301 \ud83d\ude00 \u2028","id":"b\u00fc"}"#,
            #"  { "id" : "c" , "title" : "Titel" , "meta" : { "source" : "dpa", "date": "2026-12-01" } , "text" : "" }  "#,
            #"{"id":"d","text":"e\u0301","meta":{}}"#,
        ]
        for line in plain {
            let bytes = Array(line.utf8)
            let record = try #require(bytes.withUnsafeBufferPointer { CorpusLoader.plainRecord($0) }, "\(line)")
            let object = try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
            #expect(Array(record.id.utf8) == Array((object["id"] as? String ?? "").utf8))
            #expect(Array(record.text.utf8) == Array((object["text"] as? String ?? "").utf8))
            #expect(record.title == object["title"] as? String)
            #expect(record.meta == (object["meta"] as? [String: String] ?? [:]))
        }
        let others = [
            #"{"id": "a", "text": "x", "sentences": [["x"]]}"#,  // pre-tokenized
            #"{"id": "a", "text": "x", "title": null}"#,
            #"{"id": "a", "text": "x", "meta": {"n": 3}}"#,
            #"{"id": "", "text": "x"}"#,
            #"{"id": "a", "text": "x", "id": "b"}"#,  // a key twice
            #"{"id": "a", "text": "x", "extra": 1}"#,
            #"{"id": "a", "text": 5}"#,
            #"{"id": "a"}"#,
            #"{"id": "a", "text": "x"} trailing"#,
            #"{"id": "a", "text": "\ud800"}"#,  // lone surrogate
            #"["id", "text"]"#,
            #"{"id": "a", "text": "x""#,
        ]
        for line in others {
            #expect(Array(line.utf8).withUnsafeBufferPointer { CorpusLoader.plainRecord($0) } == nil, "\(line)")
        }
        // Through the loader: a file mixing both ways gives the documents in order.
        let file = TestCorpus.temporaryFolder() + "/mixed.jsonl"
        try Data((plain + [#"{"id": "z", "text": "Mit Titel null.", "title": null}"#]).joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: file))
        let documents = try CorpusLoader().loadFile(file)
        #expect(documents.map(\.id) == ["a", "bü", "c", "d", "z"])
        #expect(documents[2].meta == ["source": "dpa", "date": "2026-12-01"])
        #expect(documents[2].title == "Titel")
        #expect(documents[3].text == "\u{00E9}")
    }
}
