@testable import Annotations
import Foundation
import Testing
import TestSupport
@testable import WorkbenchShell

@Suite("The annotation shell on a full disk")
struct ShellStorageTests {
    @Test("save on a full disk says the disk is full, not that an edit could not be stored")
    func saveOnFullDisk() throws {
        let workspace = try ShellWorkspace()
        defer { workspace.remove() }
        let corpus = SegmentedCorpus(try CorpusLoader().load(paths: [workspace.folder.appendingPathComponent("seeds").path]))
        let disk = FillingDisk(bytesLeft: 1 << 24)
        let store = try SessionStore(path: workspace.folder.appendingPathComponent("sessions/f.json").path, now: "n", writer: disk.writer) {
            Session(annotator: "tester", corpus: CorpusReference(corpus), created: "2026-01-01T09:00:00.000Z")
        }
        defer { store.abandon() }
        var shell = AnnotationShell(store: store, corpus: corpus, clock: EventClock(fakeStart: Date(timeIntervalSince1970: 0)))
        #expect(!shell.handle("speaker 5").rejected, "Südkorea (an article alone is refused as naming nobody)")
        disk.bytesLeft = 10
        let saved = shell.handle("save")
        let text = saved.lines.map(\.plain).joined(separator: "\n")
        #expect(saved.rejected)
        #expect(text.contains("the disk is full"), "\(text)")
        #expect(text.contains("could not save") && !text.contains("could not store the edit"), "\(text)")
        let edit = shell.handle("cue 3")
        #expect(edit.rejected)
        #expect(edit.lines.map(\.plain).joined().contains("the disk is full"))
    }

    @Test("a periodic save that fails is shown once after the answer, as a warning; the edits are acknowledged")
    func periodicSaveFailureIsShownOnce() throws {
        let workspace = try ShellWorkspace()
        defer { workspace.remove() }
        let corpus = SegmentedCorpus(try CorpusLoader().load(paths: [workspace.folder.appendingPathComponent("seeds").path]))
        let path = workspace.folder.appendingPathComponent("sessions/f.json").path
        let store = try SessionStore(path: path, now: "n") {
            Session(annotator: "tester", corpus: CorpusReference(corpus), created: "2026-01-01T09:00:00.000Z")
        }
        defer { store.abandon() }
        store.autosaveEvery = 1
        // A folder where the snapshot was: it cannot be replaced.
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path + "/in-the-way", withIntermediateDirectories: true)
        var shell = AnnotationShell(store: store, corpus: corpus, clock: EventClock(fakeStart: Date(timeIntervalSince1970: 0)))
        let first = shell.handle("speaker 5")
        #expect(!first.rejected)
        let acknowledged = store.session.eventCount
        #expect(acknowledged > 0)
        let warnings = first.lines.filter { $0.plain.hasPrefix("warning: the snapshot could not be written") }
        #expect(warnings.count == 1, "\(first.lines.map(\.plain))")
        #expect(warnings.first?.plain.contains("every acknowledged edit is safe in the log") == true)
        let second = shell.handle("undo")
        #expect(!second.rejected)
        #expect(!second.lines.contains { $0.plain.contains("snapshot") }, "told once: \(second.lines.map(\.plain))")
        #expect(store.session.eventCount > acknowledged)
        try FileManager.default.removeItem(atPath: path)
    }

    @Test("a command refused half way by a full disk leaves no trace: nothing to undo or redo, nothing after reopening")
    func refusedHalfWay() throws {
        let workspace = try ShellWorkspace()
        defer { workspace.remove() }
        let corpus = SegmentedCorpus(try CorpusLoader().load(paths: [workspace.folder.appendingPathComponent("seeds").path]))
        let path = workspace.folder.appendingPathComponent("sessions/f.json").path
        let disk = FillingDisk(bytesLeft: 1 << 24)
        do {
            let store = try SessionStore(path: path, now: "n", writer: disk.writer) {
                Session(annotator: "tester", corpus: CorpusReference(corpus), created: "2026-01-01T09:00:00.000Z")
            }
            defer { store.abandon() }
            var shell = AnnotationShell(store: store, corpus: corpus, clock: EventClock(fakeStart: Date(timeIntervalSince1970: 0)))
            disk.writesLeft = 1  // the new speaker is journaled, its mention is not
            let refused = shell.handle("speaker 1-2")
            #expect(refused.rejected)
            disk.writesLeft = nil
            #expect(store.session.state.speakers.isEmpty)
            #expect(shell.handle("redo").rejected)
            #expect(shell.handle("undo").rejected)
        }
        let reopened = try SessionStore(path: path, now: "n") { Session(annotator: "x", corpus: CorpusReference(corpus), created: "c") }
        defer { reopened.abandon() }
        #expect(reopened.session.events.isEmpty)
    }
}
