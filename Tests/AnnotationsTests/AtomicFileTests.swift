import Foundation
import Testing
@testable import Annotations

@Suite struct AtomicFileTests {
    private func folder() throws -> String {
        let path = NSTemporaryDirectory() + "atomic-file-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func mode(_ path: String) -> mode_t {
        var status = stat()
        _ = stat(path, &status)
        return status.st_mode & 0o7777
    }

    @Test("A replaced file keeps its permissions, a read-only one included")
    func keepsPermissions() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/anna.json"
        for permissions: mode_t in [0o640, 0o444, 0o600] {
            try AtomicFile.write(Data("old".utf8), to: path)
            chmod(path, permissions)
            try AtomicFile.write(Data("new \(permissions)".utf8), to: path)
            #expect(mode(path) == permissions)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "new \(permissions)")
            chmod(path, 0o644)
        }
    }

    @Test("A new file is made with the usual permissions")
    func newFile() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let previous = umask(0o022)
        defer { umask(previous) }
        try AtomicFile.write(Data("x".utf8), to: folder + "/new.json")
        #expect(mode(folder + "/new.json") == 0o644)
    }

    @Test("A folder that cannot be written to is named as such")
    func unwritableFolder() {
        let denied = AtomicFile.creationProblem("cannot create a temporary file", EACCES, creating: "sessions/anna.json")
        #expect(denied.contains("the folder sessions cannot be written to"))
        #expect(denied.contains("cannot create a temporary file"))
        let full = AtomicFile.creationProblem("cannot create a temporary file", ENOSPC, creating: "sessions/anna.json")
        #expect(full.contains("the disk is full") && !full.contains("cannot be written to"))
    }

    @Test("A lock file that cannot be made names its folder; a file-size limit says so")
    func lockFolderAndFileSizeLimit() {
        let denied = AtomicFile.creationProblem("cannot create the lock file", EACCES, creating: "sessions/anna.json")
        #expect(denied.hasPrefix("cannot create the lock file: "), "\(denied)")
        #expect(denied.contains("the folder sessions cannot be written to; make it writable"), "\(denied)")
        #expect(AtomicFile.creationProblem("cannot create the lock file", EACCES, creating: "anna.json").contains("the folder . cannot"))
        let limit = AtomicFile.describe(EFBIG)
        #expect(limit.contains("a file-size limit, e.g. ulimit -f, is reached"), "\(limit)")
    }
}
