import Foundation
import Testing
@testable import Annotations

#if canImport(Glibc)
    import Glibc
#endif

/// The staging folder shared by `export` and `segment --out`: its marker is locked while its writer
/// runs, leftovers of killed writers are removed and running writers' are not, and a removal
/// killed midway still leaves a recognisable leftover.
@Suite("Staging folder")
struct StagingFolderTests {
    static func entries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    @Test("the marker holds its text and is locked until release; remove takes the folder")
    func markerLocked() throws {
        let parent = TestCorpus.temporaryFolder()
        let staging = try StagingFolder(path: parent + "/.s-" + UUID().uuidString, marker: ".m", markerText: "written by a test\n")
        #expect(try String(contentsOfFile: staging.path + "/.m", encoding: .utf8) == "written by a test\n")
        let probe = open(staging.path + "/.m", O_RDONLY)
        defer { close(probe) }
        #expect(flock(probe, LOCK_EX | LOCK_NB) != 0, "locked while the writer runs")
        staging.release()
        #expect(flock(probe, LOCK_EX | LOCK_NB) == 0, "free once released")
        _ = flock(probe, LOCK_UN)
        try Data("x".utf8).write(to: URL(fileURLWithPath: staging.path + "/f.txt"))
        try staging.flushToDisk()
        staging.remove()
        #expect(Self.entries(parent).isEmpty)
    }

    @Test("a staging folder that exists already, or a missing parent, is refused with the path")
    func refusals() throws {
        let parent = TestCorpus.temporaryFolder()
        let taken = parent + "/.s-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: taken, withIntermediateDirectories: false)
        #expect(throws: StagingFolder.Failure.self) { try StagingFolder(path: taken, marker: ".m") }
        do {
            _ = try StagingFolder(path: parent + "/missing/.s", marker: ".m")
            Issue.record("made a staging folder in a missing folder")
        } catch {
            #expect(error.path.hasSuffix("/missing/.s") && !error.reason.isEmpty)
        }
    }

    @Test("leftovers: killed writers' folders go (also one whose removal was killed), running ones and others' stay")
    func leftovers() throws {
        let parent = TestCorpus.temporaryFolder()
        let manager = FileManager.default
        func make(_ name: String, marker: Bool, file: Bool) throws -> String {
            let path = parent + "/" + name
            try manager.createDirectory(atPath: path, withIntermediateDirectories: false)
            if marker { try Data().write(to: URL(fileURLWithPath: path + "/.m")) }
            if file { try Data("ü „x“ 😀".utf8).write(to: URL(fileURLWithPath: path + "/a.txt")) }
            return path
        }
        _ = try make(".s-" + UUID().uuidString, marker: true, file: true)  // killed while writing
        _ = try make(".s-" + UUID().uuidString, marker: true, file: false)  // killed while removing
        _ = try make(".s-" + UUID().uuidString, marker: false, file: false)  // killed before its marker
        let noMarker = try make(".s-" + UUID().uuidString, marker: false, file: true)  // not ours
        let otherName = try make(".s-mine", marker: true, file: true)
        let putBack = try make(".t-" + UUID().uuidString, marker: true, file: true)
        let running = try StagingFolder(path: parent + "/.s-" + UUID().uuidString, marker: ".m")
        var kept: [String] = []
        StagingFolder.removeLeftovers(in: parent, prefixes: [".s-", ".t-"], marker: ".m") { entry, _ in
            guard entry.hasPrefix(".t-") else { return false }
            kept.append(entry)
            return true
        }
        let left = Set(Self.entries(parent).map { parent + "/" + $0 })
        #expect(left == [noMarker, otherName, putBack, running.path])
        #expect(kept == [(putBack as NSString).lastPathComponent])
        running.remove()
    }
}
