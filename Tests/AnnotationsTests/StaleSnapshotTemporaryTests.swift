import Foundation
import Testing
import TestSupport
@testable import Annotations

/// A writer killed while it wrote a session's snapshot leaves its hidden temporary file
/// (`.NAME.tmp-PID`, as large as the session) beside it; the next writer to take the session's lock
/// removes those of processes that no longer run, and nothing else.
@Suite("Temporary snapshot files left by a killed writer")
struct StaleSnapshotTemporaryTests {
    /// The pid of a process that has ended.
    private func endedProcess() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exit 0"]
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test("a dead writer's temporary is removed; a live process's, another file's and other files stay")
    func staleTemporaryRemoved() throws {
        let folder = TestCorpus.temporaryFolder()
        let path = folder + "/a.json"
        let dead = try endedProcess()
        let stale = folder + "/.a.json.tmp-\(dead)"
        let live = folder + "/.a.json.tmp-\(getppid())"
        let otherFile = folder + "/.a.json.damaged.tmp-\(dead)"
        let notAPid = folder + "/.a.json.tmp-notes"
        for file in [stale, live, otherFile, notAPid] {
            #expect(FileManager.default.createFile(atPath: file, contents: Data("{\"half\":".utf8)))
        }
        let locked = try LockedSessionFile(path: path, now: "2026-01-01T08:00:00Z")
        defer { locked.release() }
        #expect(!FileManager.default.fileExists(atPath: stale), "the dead writer's temporary is removed")
        for file in [live, otherFile, notAPid] {
            #expect(FileManager.default.fileExists(atPath: file), "\(file) stays")
        }
    }

    @Test("the temporary of a writer killed while writing is removed beside the lock file that still names it")
    func killedWritersTemporaryRemoved() throws {
        let folder = TestCorpus.temporaryFolder()
        let path = folder + "/a.json"
        let dead = try endedProcess()
        let stale = folder + "/.a.json.tmp-\(dead)"
        #expect(FileManager.default.createFile(atPath: stale, contents: Data("{\"half\":".utf8)))
        // A writer that ends empties its lock file; a killed one leaves it naming the writer.
        let holder = "{\"pid\":\(dead),\"host\":\"h\",\"since\":\"2026-01-01T07:00:00Z\"}\n"
        #expect(FileManager.default.createFile(atPath: path + ".lock", contents: Data(holder.utf8)))
        let locked = try LockedSessionFile(path: path, now: "2026-01-01T08:00:00Z")
        defer { locked.release() }
        #expect(locked.tookOverLockFrom == "pid \(dead) on h since 2026-01-01T07:00:00Z")
        #expect(!FileManager.default.fileExists(atPath: stale), "the killed writer's temporary is removed")
    }
}
