import Annotations
import Foundation

/// What every fuzz input is run against: a scratch folder for the files a target reads and the
/// small corpus the importers and the span resolver work on.
struct FuzzWorkspace: Sendable {
    /// The import time recorded in imported sessions.
    static let time = "2026-01-01T00:00:00Z"

    /// A scratch folder of this process: each input overwrites the files its target reads.
    let folder: String
    /// The fuzz corpus (`Tests/Fuzz/Corpus`, or `WORKBENCH_FUZZ_CORPUS`).
    let corpus: SegmentedCorpus

    /// Creates the scratch folder and loads the corpus; nil (with a message) when it cannot.
    static func make(environment: [String: String]) -> FuzzWorkspace? {
        let corpusPath = environment["WORKBENCH_FUZZ_CORPUS"] ?? "Tests/Fuzz/Corpus"
        guard let corpus = try? CorpusLoader().load(paths: [corpusPath]), !corpus.documents.isEmpty else {
            FileHandle.standardError.write(Data("fuzz: cannot load the fuzz corpus at \(corpusPath); run from the repository root or set WORKBENCH_FUZZ_CORPUS\n".utf8))
            return nil
        }
        let folder = scratchFolder()
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            FileHandle.standardError.write(Data("fuzz: cannot create \(folder): \(error.localizedDescription)\n".utf8))
            return nil
        }
        atexit { try? FileManager.default.removeItem(atPath: FuzzWorkspace.scratchFolder()) }
        return FuzzWorkspace(folder: folder, corpus: SegmentedCorpus(corpus))
    }

    /// `<tmp>/workbench-fuzz-<pid>`.
    static func scratchFolder() -> String {
        (NSTemporaryDirectory() as NSString).appendingPathComponent("workbench-fuzz-\(getpid())")
    }

    /// Writes `data` to `name` in the scratch folder and returns its path.
    @discardableResult
    func write(_ data: Data, to name: String) -> String {
        let path = (folder as NSString).appendingPathComponent(name)
        _ = FileManager.default.createFile(atPath: path, contents: data)
        return path
    }
}
