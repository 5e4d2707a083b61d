@testable import Annotations
import Foundation
import Subprocess
import Testing
import TestSupport

/// `kill -9` an `export --force` at random moments: the output folder must hold the complete old
/// or the complete new export, never a mixture, and the next export removes what the killed one left.
@Suite("export --force under kill -9")
struct ExportCrashTests {
    /// A corpus of many small documents, and two sessions on it (`old/anna.json` without
    /// annotations, `new/anna.json` with one mention), both labelled `anna`.
    static func workspace() throws -> URL {
        let folder = URL(fileURLWithPath: TestScratch.path("export-kill-"))
        let manager = FileManager.default
        for sub in ["corpus", "old", "new"] { try manager.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true) }
        for index in 0..<400 {
            let text = "Peskow erklärte, die Lage sei ernst. Das ist Satz \(index) über Müller und „Zitate“.\n"
            try Data(text.utf8).write(to: folder.appendingPathComponent(String(format: "corpus/doc%04d.txt", index)))
        }
        let corpus = SegmentedCorpus(try CorpusLoader().load(paths: [folder.appendingPathComponent("corpus").path]))
        var session = Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
        session.corpus.paths = ["corpus"]
        try SessionCodec.encode(session.formatOneFile).write(to: folder.appendingPathComponent("old/anna.json"))
        try session.perform(.add(.speaker(Speaker(id: "S1", name: "Dmitri Peskow"))), time: "t")
        let anchor = try AnchorBuilder(corpus: corpus).anchor(document: "doc0000", sentence: 0, segments: [SpanSegment(start: 0, end: 6)])
        try session.perform(.add(.mention(Mention(id: "M1", anchor: anchor, speaker: "S1"))), time: "t")
        try SessionCodec.encode(session.formatOneFile).write(to: folder.appendingPathComponent("new/anna.json"))
        return folder
    }

    /// Every file under `path` with its contents.
    static func snapshot(_ path: String) -> [String: Data] {
        var result: [String: Data] = [:]
        for case let relative as String in FileManager.default.enumerator(atPath: path)?.allObjects ?? [] {
            var isFolder: ObjCBool = false
            let full = path + "/" + relative
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                result[relative] = FileManager.default.contents(atPath: full)
            }
        }
        return result
    }

    @Test("A kill at any moment leaves the complete old or the complete new output; the next export cleans up")
    func killDuringForce() async throws {
        let folder = try Self.workspace()
        func export(_ session: String, _ out: String, force: Bool = false) async throws -> WorkbenchProcess.Result {
            try await WorkbenchProcess.run(["export", session, "--format", "brat", "--out", out] + (force ? ["--force"] : []), directory: folder)
        }
        #expect(try await export("old/anna.json", "ref-old").status == 0)
        let started = Date()
        #expect(try await export("new/anna.json", "ref-new").status == 0)
        let duration = Date().timeIntervalSince(started)
        let old = Self.snapshot(folder.appendingPathComponent("ref-old").path)
        let new = Self.snapshot(folder.appendingPathComponent("ref-new").path)
        #expect(old.count > 800 && old != new)
        let out = folder.appendingPathComponent("out").path
        let seed = SplitMix64.seedForThisRun()
        var generator = SplitMix64(seed: seed)
        print("Export crash: kill moments drawn with seed \(seed) (WORKBENCH_TEST_SEED=\(seed) repeats them)")
        var outcomes: [String] = []
        for round in 0..<6 {
            try? FileManager.default.removeItem(atPath: out)
            #expect(try await export("old/anna.json", "out").status == 0)
            let pause = Int(Double.random(in: 0...(duration * 1.1), using: &generator) * 1_000_000)
            let binary = WorkbenchProcess.binary.path, directory = folder.path
            _ = try await Deadline.within(60, "export round \(round)") {
                try await Subprocess.run(
                    .path(.init(binary)), arguments: ["export", "new/anna.json", "--format", "brat", "--out", "out", "--force"],
                    workingDirectory: .init(directory), input: .none, output: .discarded, error: .discarded
                ) { execution in
                    try await Task.sleep(for: .microseconds(pause))
                    try? execution.send(signal: .kill)
                }.terminationStatus
            }
            let found = Self.snapshot(out)
            #expect(found == old || found == new, "seed \(seed) round \(round): \(found.count) files, a mixture of old and new")
            outcomes.append(found == old ? "old" : found == new ? "new" : "mixed")
        }
        #expect(try await export("new/anna.json", "out", force: true).status == 0)
        #expect(Self.snapshot(out) == new)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".out.") }
        #expect(left.isEmpty, "left behind: \(left), outcomes \(outcomes)")
    }
}
