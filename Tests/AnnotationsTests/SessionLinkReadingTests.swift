import Foundation
import Testing
import TestSupport
@testable import Annotations

/// A session name that is a symbolic link to another session's snapshot: readers read the files it
/// leads to, as writers write them (readers took the link's snapshot with the log beside the link:
/// "the log is missing", or another session's log refused as foreign, while annotate opened it).
@Suite("session names that are links, for readers")
struct SessionLinkReadingTests {
    /// A saved session `NAME.json` of `speakers` speakers in `folder`; its path.
    func savedSession(_ name: String, in folder: String, speakers: Int, annotator: String = "anna") throws -> String {
        let path = folder + "/\(name).json"
        let store = try SessionStore(path: path, now: "n", writer: FileWriting()) {
            Session(annotator: annotator, corpus: CorpusReference(TestCorpus.corpus), created: "2026-11-21T10:00:00.000Z")
        }
        for number in 1...speakers { try store.perform(.add(.speaker(Speaker(id: "S\(number)", name: "Sprecher \(number)"))), time: "t\(number)") }
        try store.close()
        return path
    }

    @Test("a link to a session's snapshot, with no log beside the link, reads the session")
    func linkWithoutLogBesideIt() throws {
        let folder = TestCorpus.temporaryFolder()
        _ = try savedSession("a", in: folder, speakers: 2)
        let link = folder + "/l.json"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "a.json")
        #expect(try SessionStore.read(path: link).file.events.count == 2)
        #expect(try SessionStore.load(path: link).state.speakers.count == 2)
        #expect(try SessionVerifier().verify(path: link).isValid)
        #expect(SessionVerifier().validate(path: link) { _ in nil }.problems == [])
        #expect(!FileManager.default.fileExists(atPath: folder + "/l.jsonl"))
    }

    @Test("a link to another folder's session, beside the log of another session, reads the linked session")
    func linkBesideAnotherLog() throws {
        let folder = TestCorpus.temporaryFolder()
        let other = folder + "/other"
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        let b = try savedSession("b", in: other, speakers: 3, annotator: "bob")
        let a = try savedSession("a", in: folder, speakers: 1)
        let link = folder + "/m.json"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "other/b.json")
        try FileManager.default.copyItem(atPath: SessionPaths(a).log, toPath: folder + "/m.jsonl")
        let read = try SessionStore.read(path: link)
        #expect(read.file.annotator == "bob" && read.file.events.count == 3)
        #expect(try SessionStore.load(path: link).state.speakers.count == 3)
        #expect(try SessionVerifier().verify(path: link).events == 3)
        #expect(try SessionStore.read(path: b).file.id == read.file.id)
    }
}
