import Foundation
import Testing
import TestSupport
@testable import Annotations

/// What a writer leaves of its lock file: nothing when it made it and wrote nothing (a refused
/// command left an empty `NAME.json.lock` beside no session), the emptied file otherwise.
@Suite("The lock file a writer leaves")
struct LockFileLeftTests {
    @Test("released without writing: the lock file it made and the folder it made are gone")
    func nothingWritten() throws {
        let folder = TestCorpus.temporaryFolder()
        let path = folder + "/made/a.json"
        let file = try LockedSessionFile(path: path, now: "t")
        #expect(FileManager.default.fileExists(atPath: path + ".lock"))
        file.release()
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/made"))
        // Taken again at once (the file was removed under the lock): a new lock file, held.
        let again = try LockedSessionFile(path: folder + "/a.json", now: "t")
        #expect(throws: SessionError.self) { _ = try LockedSessionFile(path: folder + "/a.json", now: "t") }
        again.release()
    }

    @Test("released after writing, or on a lock file that was there: the (emptied) lock file stays")
    func writtenOrFound() throws {
        let folder = TestCorpus.temporaryFolder()
        let written = try LockedSessionFile(path: folder + "/a.json", now: "t")
        try written.write(Session(annotator: "a", corpus: CorpusReference(TestCorpus.corpus), created: "t").file)
        written.release()
        #expect(FileManager.default.fileExists(atPath: folder + "/a.json.lock"))
        #expect(FileManager.default.createFile(atPath: folder + "/b.json.lock", contents: Data()))
        let found = try LockedSessionFile(path: folder + "/b.json", now: "t")
        found.release()
        #expect(FileManager.default.fileExists(atPath: folder + "/b.json.lock"))
    }

    @Test("a session left untouched by a refused opening (damaged snapshot, no log) keeps no lock file it made")
    func refusedOpening() throws {
        let path = TestCorpus.temporaryFolder() + "/a.json"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("{".utf8)))
        #expect(throws: SessionError.self) {
            _ = try SessionStore(path: path, now: "t") { Session(annotator: "a", corpus: CorpusReference(TestCorpus.corpus), created: "t") }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("{".utf8))
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
    }
}
