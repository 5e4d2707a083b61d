import Foundation
import Testing
@testable import Annotations
import TestSupport

/// A brat folder whose `.ann` or side table was cut inside its last line: what is left of a relation,
/// attribute or note line (`Arg2:T12` cut to `Arg2:T1`, a note cut short) can read as another valid
/// line, so such a file is refused; a `T` line is checked against the document's text.
@Suite("brat files cut inside their last line")
struct BratCutShortTests {
    @Test("an .ann or side table without its last line break is refused naming the file and line; the whole folder imports")
    func lastLineWithoutBreak() throws {
        let (corpus, session) = try StrictBratTests.session()
        let files = BratExporter().export(try StrictBratTests.bundle(corpus, session.state))
        let folder = TestScratch.path("brat-cut-")
        try ExportWriter(folder: folder).write(files)
        func outcome() -> String {
            do {
                _ = try BratImporter().load(folder: folder + "/anna", corpus: corpus, annotator: nil, time: SpkAttTests.time)
                return ""
            } catch {
                return "\(error)"
            }
        }
        #expect(outcome() == "")
        let cut = files.filter { file in
            let lines = file.contents.split(separator: "\n")
            return (file.path.hasSuffix(".ann") && lines.last?.hasPrefix("T") == false) || (file.path.hasSuffix(".tsv") && lines.count > 1)
        }
        #expect(cut.contains { $0.path.hasSuffix(".ann") } && cut.contains { $0.path.hasSuffix(".tsv") }, "\(files.map(\.path))")
        for file in cut {
            let path = folder + "/" + file.path
            let lines = file.contents.split(separator: "\n", omittingEmptySubsequences: false).count - 1
            try Data(file.contents.dropLast().utf8).write(to: URL(fileURLWithPath: path))
            let reason = outcome()
            #expect(reason.contains("\((file.path as NSString).lastPathComponent):\(lines): the file ends inside its last line (no line break after it)"), "\(file.path): \(reason)")
            try Data(file.contents.utf8).write(to: URL(fileURLWithPath: path))
        }
        #expect(outcome() == "")
    }

    @Test("an .ann whose last line is a T line needs no line break: its text column is checked")
    func lastEntityLine() throws {
        let corpus = SegmentedCorpus(Corpus(documents: [Document(id: "doc", rawText: "Er sagte es.")], paths: ["x"]))
        let folder = TestScratch.path("brat-cut-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("Er sagte es.".utf8).write(to: URL(fileURLWithPath: folder + "/doc.txt"))
        try Data("T1\tCue 3 8\tsagte".utf8).write(to: URL(fileURLWithPath: folder + "/doc.ann"))
        let session = try BratImporter().load(folder: folder, corpus: corpus, annotator: "anna", time: SpkAttTests.time)
        #expect(session.state.cues.values.map(\.anchor.text) == ["sagte"])
        // Cut inside its text: refused as text that is not the document's.
        try Data("T1\tCue 3 8\tsag".utf8).write(to: URL(fileURLWithPath: folder + "/doc.ann"))
        #expect(throws: ExportError.self) { try BratImporter().load(folder: folder, corpus: corpus, annotator: "anna", time: SpkAttTests.time) }
    }
}
