import Foundation
import Testing
@testable import Annotations

#if canImport(Glibc)
    import Glibc
#endif

/// The output folder is replaced as a whole; leftovers of crashed exports are cleaned up; document
/// ids map to file names one to one.
@Suite("Export writer")
struct ExportWriterTests {
    static func listing(_ folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).sorted()
    }

    static func hidden(_ parent: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []).filter { $0.hasPrefix(".") }.sorted()
    }

    @Test("--force replaces the output folder as a whole: files of the old export do not survive")
    func forceReplacesWhole() throws {
        let parent = TestCorpus.temporaryFolder()
        let out = parent + "/out"
        try ExportWriter(folder: out).write([ExportFile(path: "a/1.txt", contents: "old"), ExportFile(path: "a/2.txt", contents: "old"), ExportFile(path: "z.txt", contents: "old")])
        try ExportWriter(folder: out, force: true).write([ExportFile(path: "a/1.txt", contents: "new")])
        #expect(Self.listing(out) == [ExportWriter.marker, "a", "a/1.txt"])
        #expect(try String(contentsOfFile: out + "/a/1.txt", encoding: .utf8) == "new")
        #expect(Self.hidden(parent).isEmpty)
    }

    @Test("--force replaces an export of many files in nested folders; a link's target survives")
    func forceReplacesManyFiles() throws {
        let parent = TestCorpus.temporaryFolder()
        let out = parent + "/out"
        let outside = parent + "/outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: outside + "/keep.txt"))
        let many = 775
        var old = (0..<many).map { ExportFile(path: "s\($0 % 3)/d\($0).ann", contents: "old \($0)") }
        old.append(ExportFile(path: "s0/deeper/x.txt", contents: "old"))
        try ExportWriter(folder: out).write(old)
        // A symbolic link inside the old export is removed itself; what it points to is not entered.
        #expect(symlink(outside, out + "/s1/link") == 0)
        try ExportWriter(folder: out, force: true).write([ExportFile(path: "s0/new.txt", contents: "new")])
        #expect(Self.listing(out) == [ExportWriter.marker, "s0", "s0/new.txt"])
        #expect(Self.hidden(parent).isEmpty)
        #expect(try String(contentsOfFile: outside + "/keep.txt", encoding: .utf8) == "mine")
    }

    @Test("Without --force a non-empty folder is refused; --force refuses a folder no export wrote")
    func refusals() throws {
        let parent = TestCorpus.temporaryFolder()
        let mine = parent + "/mine"
        try FileManager.default.createDirectory(atPath: mine, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: mine + "/thesis.tex"))
        #expect(throws: ExportError.wouldOverwrite(folder: mine, files: ["thesis.tex"])) { try ExportWriter(folder: mine).write([ExportFile(path: "x", contents: "")]) }
        #expect(throws: ExportError.notAnExport(folder: mine)) { try ExportWriter(folder: mine, force: true).write([ExportFile(path: "x", contents: "")]) }
        #expect(Self.listing(mine) == ["thesis.tex"])
        #expect(Self.hidden(parent).isEmpty)
        // An empty folder is simply filled.
        let empty = parent + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        try ExportWriter(folder: empty).write([ExportFile(path: "x", contents: "1")])
        #expect(Self.listing(empty) == [ExportWriter.marker, "x"])
    }

    @Test("Staging and aside folders of crashed exports are removed; a user's folder and a running export's are not")
    func leftovers() throws {
        let parent = TestCorpus.temporaryFolder()
        let out = parent + "/out"
        try ExportWriter(folder: out).write([ExportFile(path: "x", contents: "1")])
        func make(_ name: String, marker: Bool, file: Bool = true) throws -> String {
            let path = parent + "/" + name
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            if marker { try Data(ExportWriter.markerText.utf8).write(to: URL(fileURLWithPath: path + "/" + ExportWriter.marker)) }
            if file { try Data("half".utf8).write(to: URL(fileURLWithPath: path + "/a.ann")) }
            return path
        }
        let crashed = try make(".out.export-staging-\(UUID().uuidString)", marker: true)
        let crashedAside = try make(".out.export-old-\(UUID().uuidString)", marker: true)
        let users = try make(".out.export-staging-\(UUID().uuidString)", marker: false)
        let notOurs = try make(".out.export-staging-mine", marker: true)
        let running = try make(".out.export-staging-\(UUID().uuidString)", marker: true)
        let lock = open(running + "/" + ExportWriter.marker, O_RDONLY)
        defer { close(lock) }
        #expect(flock(lock, LOCK_EX) == 0)
        try ExportWriter(folder: out, force: true).write([ExportFile(path: "y", contents: "2")])
        let names = Set(Self.hidden(parent).map { parent + "/" + $0 })
        #expect(!names.contains(crashed) && !names.contains(crashedAside))
        #expect(names == [users, notOurs, running])
        #expect(Self.listing(out) == [ExportWriter.marker, "y"])
    }

    @Test("A crash between the two renames of the fallback swap: the old output is put back")
    func asideRestored() throws {
        let parent = TestCorpus.temporaryFolder()
        let out = parent + "/out"
        try ExportWriter(folder: out).write([ExportFile(path: "x", contents: "old")])
        let aside = parent + "/.out.export-old-\(UUID().uuidString)"
        #expect(rename(out, aside) == 0)
        ExportWriter.removeLeftovers(parent: parent, name: "out")
        #expect(Self.listing(out) == [ExportWriter.marker, "x"])
        #expect(Self.hidden(parent).isEmpty)
    }

    static let trickyIDs = ["a/b", "a_b", "a%2Fb", "..", ".", ".hidden", "%", "Müller – „Zitat“", "📰 Nachricht 👩‍🔬", "CON", "con.txt", "Lpt1", "tab\there", "x.", "x ", "a:b", "a\\b", "😀/../😀"]

    @Test("Document ids map to file names one to one, and the names are safe")
    func fileNames() {
        let names = Self.trickyIDs.map(ExportText.fileName)
        #expect(Set(names).count == names.count)
        for name in names {
            #expect(!name.contains("/") && !name.hasPrefix(".") && !name.isEmpty && !name.unicodeScalars.contains { $0.value < 0x20 })
            #expect(!["CON", "PRN", "AUX", "NUL", "LPT1"].contains(name.split(separator: ".").first.map { $0.uppercased() } ?? ""))
        }
        #expect(ExportText.fileName("a/b") == "a%2Fb" && ExportText.fileName("a%2Fb") == "a%252Fb" && ExportText.fileName("..") == "%2E%2E")
        #expect(ExportText.fileName("Müller – „Zitat“") == "Müller – „Zitat“")
        #expect(ExportText.fileName("tricky") == "tricky")
    }

    @Test("Documents with ids holding /, .., %, umlauts and emoji export to disk and import again")
    func trickyIDsExport() throws {
        let documents = Self.trickyIDs.enumerated().map { index, id in Document(id: id, rawText: "Der Minister sagte, man prüfe alles \(index).") }
        let corpus = SegmentedCorpus(Corpus(documents: documents, paths: ["ids.jsonl"]))
        let builder = AnchorBuilder(corpus: corpus)
        var session = Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
        try session.perform(.add(.speaker(Speaker(id: "S1", name: "Minister"))), time: "t")
        for (index, id) in Self.trickyIDs.enumerated() {
            try session.perform(.add(.mention(Mention(id: "M\(index + 1)", anchor: try builder.anchor(document: id, sentence: 0, segments: [SpanSegment(start: 0, end: 12)]), speaker: "S1"))), time: "t")
        }
        let bundle = try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: session.state)])
        let out = TestCorpus.temporaryFolder() + "/brat"
        for format in ExportFormat.allCases {
            try ExportWriter(folder: out + "-" + format.rawValue).write(format.exporter, bundle)
        }
        let files = Self.listing(out + "-brat/anna").filter { $0.hasSuffix(".ann") }
        #expect(files.count == Self.trickyIDs.count)
        let imported = try BratImporter().load(folder: out + "-brat/anna", corpus: corpus, annotator: nil, time: "t")
        #expect(imported.state.mentions.count == Self.trickyIDs.count)
        #expect(Set(imported.state.mentions.values.map(\.anchor.document)) == Set(Self.trickyIDs))
    }

    @Test("Every format written to disk holds exactly the bytes of the files built in memory, small files and large alike")
    func diskMatchesMemory() throws {
        // Many documents (brat and WebAnno: one or two files each, written whole on the writer's
        // queue) and a document past the 1 MB chunk (its files are streamed).
        let sentence = "Der Minister sagte, man prüfe „alles“ – auch 👍🏽 und Cafe\u{0301}. "
        var documents = (0..<300).map { Document(id: "d\($0)", rawText: sentence + "Nummer \($0).") }
        documents.append(Document(id: "big", rawText: String(repeating: sentence, count: 20_000)))
        let corpus = SegmentedCorpus(Corpus(documents: documents, paths: ["many.jsonl"]))
        let builder = AnchorBuilder(corpus: corpus)
        var session = Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
        try session.perform(.add(.speaker(Speaker(id: "S1", name: "Minister"))), time: "t")
        for (index, document) in corpus.documents.enumerated() {
            try session.perform(.add(.mention(Mention(id: "M\(index + 1)", anchor: try builder.anchor(document: document.document.id, sentence: 0, segments: [SpanSegment(start: 4, end: 12)]), speaker: "S1"))), time: "t")
        }
        let bundle = try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: session.state)])
        let parent = TestCorpus.temporaryFolder()
        for format in ExportFormat.allCases {
            let out = parent + "/" + format.rawValue
            let expected = format.exporter.export(bundle)
            let written = try ExportWriter(folder: out).write(format.exporter, bundle)
            #expect(written == expected.count)
            let files = Self.listing(out).filter { name in
                var isFolder: ObjCBool = false
                return name != ExportWriter.marker && FileManager.default.fileExists(atPath: out + "/" + name, isDirectory: &isFolder) && !isFolder.boolValue
            }
            #expect(files == expected.map(\.path).sorted(), "\(format)")
            for file in expected {
                let onDisk = FileManager.default.contents(atPath: out + "/" + file.path).map { [UInt8]($0) }
                #expect(onDisk == file.bytes, "\(format): \(file.path)")
            }
        }
        #expect(Self.hidden(parent).isEmpty)
    }
}
