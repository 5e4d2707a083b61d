import Foundation
import TestSupport
@testable import Annotations

/// What the suites about a session's files changed behind its writer share: a store on the test
/// corpus (snapshots far apart, so the log is what holds the edits) and an edit that adds a speaker.
protocol SpeakerWritingStore {}

extension SpeakerWritingStore {
    /// An edit that adds speaker `S<number>`.
    func speaker(_ number: Int) -> EditAction { .add(.speaker(Speaker(id: "S\(number)", name: "Sprecher \(number)"))) }

    /// The session at `path` opened (or made) for writing, as anna, on the test corpus.
    func openStore(_ path: String) throws -> SessionStore {
        let store = try SessionStore(path: path, now: "n") {
            Session(annotator: "anna", corpus: CorpusReference(TestCorpus.corpus), created: "2026-11-21T10:00:00.000Z")
        }
        store.autosaveEvery = 1000
        return store
    }
}
