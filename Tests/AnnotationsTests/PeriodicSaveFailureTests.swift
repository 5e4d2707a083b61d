import Foundation
import Testing
import TestSupport
@testable import Annotations

/// A periodic snapshot save that fails (a full disk, a folder that cannot be written to, a folder
/// put where the snapshot was) never fails the edit — the log holds it — but is not silent: the
/// user is told once, and told again when the snapshot is written again.
@Suite("a periodic snapshot save that fails")
struct PeriodicSaveFailureTests {
    func speaker(_ number: Int) -> EditAction { .add(.speaker(Speaker(id: "S\(number)", name: "Sprecher \(number)"))) }

    @Test("the first failure is said once, with its reason and that the edits are safe in the log; a later success says so")
    func failureIsToldOnce() throws {
        let path = TestCorpus.temporaryFolder() + "/a.json"
        let store = try SessionStore(path: path, now: "n") {
            Session(annotator: "anna", corpus: CorpusReference(TestCorpus.corpus), created: "2026-11-21T10:00:00.000Z")
        }
        store.autosaveEvery = 2
        // A folder where the snapshot was: it cannot be replaced.
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path + "/in-the-way", withIntermediateDirectories: true)
        var notices: [String] = []
        for number in 1...8 {
            try store.perform(speaker(number), time: "t\(number)")
            if let notice = store.saveIfDue() { notices.append(notice) }
        }
        #expect(notices.count == 1, "\(notices)")
        let notice = try #require(notices.first)
        #expect(notice.hasPrefix("the snapshot could not be written (\(path): cannot replace the file: "), "\(notice)")
        #expect(notice.contains("every acknowledged edit is safe in the log \(SessionPaths(path).log)"))
        #expect(notice.contains("type 'save'"))
        // Every edit is in the log.
        let log = try SessionLogContents(SessionCodec.contents(ofFile: SessionPaths(path).log), path: path)
        #expect(log.eventCount == 8)
        // The cause mended: the next periodic save says the snapshot is written again, once.
        try FileManager.default.removeItem(atPath: path)
        notices = []
        for number in 9...12 {
            try store.perform(speaker(number), time: "t\(number)")
            if let notice = store.saveIfDue() { notices.append(notice) }
        }
        #expect(notices == ["the snapshot \(path) is written again (it holds every edit so far)"])
        try store.close()
        #expect(try SessionStore.load(path: path).state.speakers.count == 12)
    }

    @Test("a failure is told again after a save succeeded in between")
    func failureAfterSuccessIsToldAgain() throws {
        let path = TestCorpus.temporaryFolder() + "/b.json"
        let store = try SessionStore(path: path, now: "n") {
            Session(annotator: "anna", corpus: CorpusReference(TestCorpus.corpus), created: "2026-11-21T10:00:00.000Z")
        }
        store.autosaveEvery = 1
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path + "/in-the-way", withIntermediateDirectories: true)
        try store.perform(speaker(1), time: "t1")
        #expect(store.saveIfDue()?.hasPrefix("the snapshot could not be written") == true)
        try FileManager.default.removeItem(atPath: path)
        try store.save()
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path + "/in-the-way", withIntermediateDirectories: true)
        try store.perform(speaker(2), time: "t2")
        #expect(store.saveIfDue()?.hasPrefix("the snapshot could not be written") == true)
        try FileManager.default.removeItem(atPath: path)
        try store.close()
    }
}
