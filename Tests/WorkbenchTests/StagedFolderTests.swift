import Foundation
import TestSupport
import Testing

import Annotations
@testable import Workbench

/// `segment --out`: files staged in a hidden folder and put in place only when all are written.
@Suite("Staged output folder")
struct StagedFolderTests {
    private static func entries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    @Test("nothing is visible before publish; publish puts every file in place and removes the staging folder")
    func publish() throws {
        let folder = TestScratch.path("staged-")
        let staged = try StagedFolder(folder: folder)
        try staged.add(name: "a.txt", bytes: Array("Größe „zitiert“ 👩🏽‍🔬\n".utf8))
        try staged.add(name: "b.txt", bytes: [])
        #expect(Self.entries(folder).allSatisfy { $0.hasPrefix(StagedFolder.stagingPrefix) })
        #expect(try staged.publish() == 2)
        #expect(Self.entries(folder) == ["a.txt", "b.txt"])
        #expect(try String(contentsOfFile: folder + "/a.txt", encoding: .utf8) == "Größe „zitiert“ 👩🏽‍🔬\n")
    }

    @Test("segment --out: documents whose ids differ only in case get files that stay apart where case is ignored")
    func caseOnlyNames() async throws {
        let folder = TestScratch.path("segment-case-")
        try FileManager.default.createDirectory(atPath: folder + "/corpus", withIntermediateDirectories: true)
        try Data("Rutte sagte, es gehe.\n".utf8).write(to: URL(fileURLWithPath: folder + "/corpus/Rutte.txt"))
        try Data("rutte sagte nichts.\n".utf8).write(to: URL(fileURLWithPath: folder + "/corpus/rutte.txt"))
        try Data("Ein Satz.\n".utf8).write(to: URL(fileURLWithPath: folder + "/corpus/plain.txt"))
        let run = try await WorkbenchProcess.run(["segment", "corpus", "--out", "out"], directory: URL(fileURLWithPath: folder))
        #expect(run.status == 0, "\(run.stderr)")
        let names = Self.entries(folder + "/out")
        #expect(names.count == 3)
        #expect(Set(names.map { $0.lowercased() }).count == 3, "\(names)")
        #expect(names.contains("plain.txt"), "other names are unchanged")
    }

    @Test("abandoned: a folder it made is gone; in a folder of the user's, the user's files are untouched")
    func abandon() throws {
        let made = TestScratch.path("staged-made-")
        let first = try StagedFolder(folder: made)
        try first.add(name: "a.txt", bytes: Array("x".utf8))
        first.abandon()
        #expect(!FileManager.default.fileExists(atPath: made))

        let own = TestScratch.path("staged-own-")
        try FileManager.default.createDirectory(atPath: own, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: URL(fileURLWithPath: own + "/a.txt"))
        let second = try StagedFolder(folder: own)
        try second.add(name: "a.txt", bytes: Array("new".utf8))
        second.abandon()
        #expect(Self.entries(own) == ["a.txt"])
        #expect(try String(contentsOfFile: own + "/a.txt", encoding: .utf8) == "old")
    }

    @Test("a killed run's staging folder is removed by the next; a running one's is kept")
    func leftovers() throws {
        let folder = TestScratch.path("staged-left-")
        let dead = folder + "/" + StagedFolder.stagingPrefix + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dead, withIntermediateDirectories: true)
        try Data().write(to: URL(fileURLWithPath: dead + "/" + StagedFolder.lockName))
        try Data("half".utf8).write(to: URL(fileURLWithPath: dead + "/a.txt"))
        let notOurs = folder + "/" + StagedFolder.stagingPrefix + "mine"
        try FileManager.default.createDirectory(atPath: notOurs, withIntermediateDirectories: true)

        let running = try StagedFolder(folder: folder)
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: notOurs), "only folders with the staging name and a UUID go")
        let next = try StagedFolder(folder: folder)
        #expect(Self.entries(folder).filter { $0.hasPrefix(StagedFolder.stagingPrefix) }.count == 3, "the running writer's staging stays")
        try next.add(name: "b.txt", bytes: [])
        _ = try next.publish()
        _ = try running.publish()
        #expect(Self.entries(folder) == [StagedFolder.stagingPrefix + "mine", "b.txt"])
    }

    @Test("an output path that is a file is refused with its name")
    func fileInTheWay() throws {
        let path = TestScratch.path("staged-file-")
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: CLIFailure.self) { _ = try StagedFolder(folder: path) }
        do {
            _ = try StagedFolder(folder: path)
        } catch {
            #expect(error.description.contains(path))
            #expect(error.description.contains("not a folder"))
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep")
    }

    @Test("a name that is not a plain file name is refused; nothing is written outside the folder")
    func plainNames() throws {
        let folder = TestScratch.path("staged-names-")
        let staged = try StagedFolder(folder: folder)
        for name in ["", ".", "..", "../x.txt", "a/b.txt", StagedFolder.stagingPrefix + UUID().uuidString] {
            #expect(throws: CLIFailure.self, "\(name)") { try staged.add(name: name, bytes: []) }
        }
        staged.abandon()
        #expect(!FileManager.default.fileExists(atPath: folder))
        #expect(!FileManager.default.fileExists(atPath: (folder as NSString).deletingLastPathComponent + "/x.txt"))
    }

    @Test("segment --out names files as export does: a document id with .., / or a reserved name stays inside the folder")
    func segmentOutIDs() async throws {
        let root = TestScratch.path("staged-ids-")
        try FileManager.default.createDirectory(atPath: root + "/corpus", withIntermediateDirectories: true)
        let ids = ["../escape", "a/b", "CON", "Käse „x“ 😀"]
        let lines = ids.map { #"{"id": "\#($0)", "text": "Er sagte: „Ja.“ Dann ging er."}"# }.joined(separator: "\n") + "\n"
        try Data(lines.utf8).write(to: URL(fileURLWithPath: root + "/corpus/c.jsonl"))
        let out = root + "/out"
        let result = try await WorkbenchProcess.run(["segment", root + "/corpus/c.jsonl", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.entries(out) == ids.map { ExportText.fileName($0) + ".txt" }.sorted())
        #expect(Self.entries(out).contains("%2E.%2Fescape.txt"))
        #expect(Self.entries(root) == ["corpus", "out"], "nothing written beside the folder")
        #expect(Self.entries(root + "/corpus") == ["c.jsonl"])
    }

    @Test("segment --out keeps other files in the folder, replaces its own and leaves no staging folder")
    func segmentOut() async throws {
        let out = TestScratch.path("staged-segment-")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: URL(fileURLWithPath: out + "/notes.md"))
        try Data("stale".utf8).write(to: URL(fileURLWithPath: out + "/000_f8d7a53538fa2d5e.txt"))
        let result = try await WorkbenchProcess.run(["segment", "seeds", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let names = Self.entries(out)
        #expect(names.contains("notes.md"))
        #expect(!names.contains { $0.hasPrefix(".") }, "\(names)")
        #expect(names.filter { $0.hasSuffix(".txt") }.count == 5)
        #expect(try String(contentsOfFile: out + "/000_f8d7a53538fa2d5e.txt", encoding: .utf8) != "stale")

        let file = out + "/notes.md"
        let refused = try await WorkbenchProcess.run(["segment", "seeds", "--out", file])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("not a folder"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "notes")
    }

    @Test("SIGTERM or SIGHUP while segment --out writes leaves no output folder and no staging folder", arguments: [SIGTERM, SIGHUP])
    func stopSignalWhileWriting(signal: Int32) throws {
        let root = TestScratch.path("staged-signal-")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/corpus", withIntermediateDirectories: true)
        let text = try Data(contentsOf: WorkbenchProcess.packageRoot.appendingPathComponent("seeds/000_f8d7a53538fa2d5e.txt"))
        for number in 0..<2_000 { try text.write(to: URL(fileURLWithPath: root + "/corpus/d\(number).txt")) }
        let out = root + "/out"
        let process = Process()
        // Started with the signals' default handling: a test runner may hand its children SIGHUP
        // ignored, and an ignored signal stays ignored (as under nohup).
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["--default-signal=TERM,HUP", WorkbenchProcess.binary.path, "segment", root + "/corpus", "--out", out]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // The staging folder appears when the files are being written: the signal comes then.
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline, !Self.entries(out).contains(where: { $0.hasPrefix(".") }) { usleep(2_000) }
        #expect(process.isRunning, "the run ended before it was stopped")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        // Before: killed at once (status 128 + signal as a signal death), `out` left with a half-written staging folder.
        #expect(process.terminationReason == .exit, "\(stderr)")
        #expect(process.terminationStatus == 128 + signal, "\(stderr)")
        #expect(stderr.contains("no output was written"), "\(stderr)")
        #expect(!FileManager.default.fileExists(atPath: out), "left behind: \(Self.entries(out))")
    }
}

