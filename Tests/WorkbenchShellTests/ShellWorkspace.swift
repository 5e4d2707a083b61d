@testable import Annotations
import Foundation
import TestSupport

@testable import WorkbenchShell

/// A scratch folder with a copy of `seeds/` and an empty `sessions/`, for running the annotation
/// shell in-process.
struct ShellWorkspace {
    /// The package's root folder.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The folder.
    let folder: URL

    /// Creates the folder and copies the seeds.
    init() throws {
        folder = URL(fileURLWithPath: TestScratch.path("shell-"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sessions"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent("seeds"), to: folder.appendingPathComponent("seeds"))
    }

    /// A shell on a new session `sessions/NAME.json` over the seeds, with a fake clock.
    func shell(session name: String = "s", width: Int = 100) throws -> AnnotationShell {
        let corpus = SegmentedCorpus(try CorpusLoader().load(paths: [folder.appendingPathComponent("seeds").path]))
        let store = try SessionStore(path: folder.appendingPathComponent("sessions/\(name).json").path, now: "n") {
            Session(annotator: "tester", corpus: CorpusReference(corpus), created: "2026-01-01T09:00:00.000Z")
        }
        return AnnotationShell(store: store, corpus: corpus, clock: EventClock(fakeStart: Date(timeIntervalSince1970: 0)), width: width)
    }

    /// Removes the folder.
    func remove() { try? FileManager.default.removeItem(at: folder) }
}
