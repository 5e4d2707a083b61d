import Foundation
import Testing
import TestSupport

/// A reading command given a folder where it expects a session: it says what it expected and,
/// when the folder holds one session, names it (it gave a writer's advice, "choose another session
/// name or move the folder away").
@Suite("A reader given a folder")
struct ReaderGivenAFolderTests {
    @Test("review, diff, validate, stats, replay, export and agree given a folder name what they expected and the one session in it")
    func readersSayWhatTheyExpected() async throws {
        let workspace = try await TestWorkspace.sessionsOnTwoCorpora()
        defer { workspace.remove() }
        let folder = workspace.url
        let one = folder.appendingPathComponent("one").path
        try FileManager.default.createDirectory(atPath: one, withIntermediateDirectories: true)
        for suffix in [".json", ".jsonl"] { try FileManager.default.copyItem(atPath: folder.path + "/sessions/sa" + suffix, toPath: one + "/sa" + suffix) }
        let commands: [[String]] = [
            ["review", "one"], ["diff", "one", "sessions/sa.json"], ["validate", "one"], ["stats", "one"], ["replay", "one"],
            ["export", "one", "--format", "jsonl", "--out", "out"], ["agree", "one", "sessions/sa.json"],
        ]
        for arguments in commands {
            let result = try await WorkbenchProcess.run(arguments, stdin: "q\n", directory: folder)
            #expect(result.status == 1, "\(arguments): \(result.stdout)")
            #expect(
                result.stderr.contains("one: this is a folder, not a session file; give a session file (NAME.json or NAME.jsonl) or a session name, such as the one it holds: one/sa.json"),
                "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("move the folder away"), "\(arguments): \(result.stderr)")
        }
        let several = try await WorkbenchProcess.run(["validate", "sessions"], directory: folder)
        #expect(several.status == 1)
        #expect(several.stderr.contains("sessions: this is a folder, not a session file; give a session file (NAME.json or NAME.jsonl) or a session name; it holds 2 sessions (sessions/sa.json, sessions/sb.json): name one"), "\(several.stderr)")
        try FileManager.default.createDirectory(atPath: folder.path + "/empty", withIntermediateDirectories: true)
        let none = try await WorkbenchProcess.run(["stats", "empty"], directory: folder)
        #expect(none.status == 1)
        #expect(none.stderr.contains("empty: this is a folder, not a session file; give a session file (NAME.json or NAME.jsonl) or a session name; it holds no session file"), "\(none.stderr)")
        // A writer keeps its advice: the session would be made there.
        try FileManager.default.createDirectory(atPath: folder.path + "/sessions/x.json", withIntermediateDirectories: true)
        let writer = try await WorkbenchProcess.run(["annotate", "corpus", "--session", "x"], stdin: "quit\n", directory: folder)
        #expect(writer.status != 0)
        #expect(writer.stderr.contains("this is a folder, not a session file; choose another session name or move the folder away"), "\(writer.stderr)")
    }
}
