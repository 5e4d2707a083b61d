import Foundation
import Testing
import TestSupport

/// `agree`, `diff` and `adjudicate` read format-1 sessions (one file) and format-2 sessions (snapshot and
/// log) alike, also mixed: a session that `annotate` migrated compares as it did before. The format-1
/// original `NAME.v1.json` that the migration keeps beside the session is that annotator's session
/// too: `sessions/*.json` names both, and `agree`, `adjudicate`, `stats` and `export` counted the
/// annotator twice (agreement with itself).
@Suite("Format-1 sessions in the commands that compare sessions")
struct FormatOneComparisonTests {
    /// The agree fixture's two format-1 sessions, `anna.json` and `ben.json`, and its corpus in `corpus/`.
    static func formatOneSessions() throws -> URL {
        let (folder, _, _) = try AgreeCommandTests.sessions()
        return URL(fileURLWithPath: folder)
    }

    /// Migrates `./anna.json` to format 2 by opening it for annotating.
    static func migrateAnna(in folder: URL) async throws {
        let migrated = try await WorkbenchProcess.run(
            ["annotate", "corpus", "--session", "./anna.json", "--annotator", "anna"], stdin: "quit\n", directory: folder)
        #expect(migrated.status == 0, "\(migrated.stderr)")
        #expect(migrated.stderr.contains("migrated from session format 1 to 2"), "\(migrated.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("anna.v1.json").path))
    }

    @Test("agree, diff and adjudicate give the same answers before and after one of two format-1 sessions is migrated")
    func sameAnswersMixed() async throws {
        let folder = try Self.formatOneSessions()
        let commands: [[String]] = [
            ["agree", "anna.json", "ben.json"], ["agree", "anna.json", "ben.json", "--json", "--disagreements"],
            ["diff", "anna.json", "ben.json"],
        ]
        var before: [String] = []
        for command in commands {
            let result = try await WorkbenchProcess.run(command, directory: folder)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            before.append(result.stdout)
        }
        let adjudicated = try await WorkbenchProcess.run(
            ["adjudicate", "anna.json", "ben.json", "--out", "v1-result", "--adjudicator", "carla"], stdin: "1\n1\n1\n", directory: folder)
        try await Self.migrateAnna(in: folder)
        for (command, answer) in zip(commands, before) {
            let result = try await WorkbenchProcess.run(command, directory: folder)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(result.stdout == answer, "\(command)")
        }
        let again = try await WorkbenchProcess.run(
            ["adjudicate", "anna.json", "ben.json", "--out", "v2-result", "--adjudicator", "carla"], stdin: "1\n1\n1\n", directory: folder)
        #expect(again.status == adjudicated.status, "\(again.stderr)")
        #expect(again.stdout.replacingOccurrences(of: "v2-result", with: "v1-result") == adjudicated.stdout)
    }

    @Test("The kept original NAME.v1.json given with its migrated session is refused as the same annotator's session (usage error), for agree, adjudicate, stats and export")
    func keptOriginalWithItsSession() async throws {
        let folder = try Self.formatOneSessions()
        try await Self.migrateAnna(in: folder)
        for command in [
            ["agree", "anna.json", "anna.v1.json", "ben.json"], ["agree", "anna.v1.json", "ben.json", "./anna.json"],
            ["adjudicate", "anna.json", "anna.v1.json", "--out", "result", "--adjudicator", "carla"],
            ["stats", "anna.json", "anna.v1.json"], ["export", "anna.json", "anna.v1.json", "--format", "csv", "--out", "out"],
        ] {
            let result = try await WorkbenchProcess.run(command, directory: folder)
            #expect(result.status == 2, "\(command): \(result.stdout) \(result.stderr)")
            #expect(result.stderr.contains("anna.v1.json is the format-1 original that"), "\(command): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(command): \(result.stdout)")
        }
        // The original alone, or with another annotator's session, is read as any session.
        let alone = try await WorkbenchProcess.run(["agree", "anna.v1.json", "ben.json"], directory: folder)
        #expect(alone.status == 0, "\(alone.stderr)")
        let compared = try await WorkbenchProcess.run(["diff", "anna.v1.json", "anna.json"], directory: folder)
        #expect(compared.status == 0, "\(compared.stderr)")
    }
}
