import Foundation
import Testing
@testable import Annotations

/// The session's locks (its lock file and its log) are taken without waiting for a real holder, but
/// a lock that is released a moment later is taken: a process this one starts holds every
/// descriptor between its fork and its exec, so a session closed just before (by this process)
/// can look held for that moment.
@Suite("Session locks held for a moment")
struct SessionLockWaitTests {
    private static func lockedFile() throws -> (path: String, holder: Int32) {
        let path = NSTemporaryDirectory() + "lock-wait-\(UUID().uuidString)"
        let holder = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        try #require(holder >= 0)
        try #require(flock(holder, LOCK_EX | LOCK_NB) == 0)
        return (path, holder)
    }

    @Test func aLockReleasedAMomentLaterIsTaken() throws {
        let (path, holder) = try Self.lockedFile()
        defer { unlink(path) }
        let fd = open(path, O_RDWR | O_CLOEXEC)
        defer { close(fd) }
        let release = Thread { usleep(40_000); close(holder) }
        release.start()
        #expect(LockedSessionFile.lock(fd))
    }

    @Test func aLockStillHeldIsRefused() throws {
        let (path, holder) = try Self.lockedFile()
        defer { close(holder); unlink(path) }
        let fd = open(path, O_RDWR | O_CLOEXEC)
        defer { close(fd) }
        #expect(!LockedSessionFile.lock(fd))
    }
}
