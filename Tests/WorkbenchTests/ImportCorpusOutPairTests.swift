import Annotations
import Foundation
import Testing
import TestSupport
@testable import Workbench

/// `import brat` and `import spkatt` write a corpus beside the session (`--corpus-out`): the pair is
/// all or nothing, so a session that cannot be written leaves no corpus file behind either.
@Suite("import --corpus-out: the corpus and the session, all or nothing")
struct ImportCorpusOutPairTests {
    @Test("the session's write fails (a full disk): the corpus just written is removed again, nothing is left")
    func sessionWriteFails() throws {
        let workspace = try TestWorkspace("corpus-out-pair-")
        defer { workspace.remove() }
        let folder = workspace.path
        let common = try ImportCommand.Common.parse(["--session", folder + "/imported", "--annotator", "anna"])
        let corpusPath = folder + "/imported.corpus.jsonl"
        let session = Session(annotator: "anna", corpus: CorpusReference(paths: [corpusPath], segmenter: "test", documents: []), created: "2026-12-07T08:00:00.000Z")
        let disk = FillingDisk(bytesLeft: 0)
        #expect(throws: CLIFailure.self) {
            _ = try common.save(session, kind: "spkatt", writer: disk.writer) { _ in
                try ImportCommand.Common.writeCorpus(Array("{\"id\":\"d\",\"text\":\"x\"}\n".utf8), to: corpusPath) ? corpusPath : nil
            }
        }
        #expect(!FileManager.default.fileExists(atPath: corpusPath), "the corpus was left without its session")
        for name in ["imported.json", "imported.jsonl", "imported.json.lock"] {
            #expect(!FileManager.default.fileExists(atPath: folder + "/" + name), "\(name)")
        }
    }

    @Test("a corpus file that was there already (the same documents) stays when the session's write fails")
    func existingCorpusStays() throws {
        let workspace = try TestWorkspace("corpus-out-pair-")
        defer { workspace.remove() }
        let folder = workspace.path
        let common = try ImportCommand.Common.parse(["--session", folder + "/imported", "--annotator", "anna"])
        let corpusPath = folder + "/imported.corpus.jsonl"
        let bytes = Array("{\"id\":\"d\",\"text\":\"x\"}\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: corpusPath))
        let session = Session(annotator: "anna", corpus: CorpusReference(paths: [corpusPath], segmenter: "test", documents: []), created: "2026-12-07T08:00:00.000Z")
        let disk = FillingDisk(bytesLeft: 0)
        #expect(throws: CLIFailure.self) {
            _ = try common.save(session, kind: "spkatt", writer: disk.writer) { _ in
                try ImportCommand.Common.writeCorpus(bytes, to: corpusPath) ? corpusPath : nil
            }
        }
        #expect(FileManager.default.contents(atPath: corpusPath) == Data(bytes))
    }
}
