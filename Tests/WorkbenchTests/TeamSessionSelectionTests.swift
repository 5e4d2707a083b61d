import Foundation
import Testing
import TestSupport
import WorkbenchTeam

/// `--team URL` without annotator names: the commands that read several sessions (stats, export)
/// read every session the role may read; those that read exactly one or two (replay, review, diff)
/// refuse with a usage error that lists the annotators present.
@Suite("Team session selection", .enabled(if: TeamFixture.shouldRun, TeamFixture.skipMessage))
struct TeamSessionSelectionTests {
    /// anna and bob each annotate a little; rev (a reviewer) reads. The caller drops the fixture.
    private static func annotated() async throws -> (team: TeamFixture, reviewerURL: String, names: [String]) {
        let team = try TeamFixture(members: [("anna", "annotator"), ("bob", "annotator"), ("rev", "reviewer")])
        let names = [team.name("anna"), team.name("bob")]
        do {
            for name in names {
                let run = try await team.annotate(name)
                #expect(run.status == 0, "\(run.stderr)")
            }
        } catch {
            team.drop()
            throw error
        }
        return (team, team.serverURL + "?user=\(team.name("rev"))", names)
    }

    @Test func statsAndExportWithoutNamesReadEverySession() async throws {
        let (team, url, names) = try await Self.annotated()
        defer { team.drop() }
        let stats = try await WorkbenchProcess.run(["stats", "--team", url, "--json"], environment: team.environment)
        #expect(stats.status == 0, "\(stats.stderr)")
        for name in names { #expect(stats.stdout.contains(name), "\(stats.stdout)") }
        // Sessions are named by their annotators, not by the private copies removed at exit.
        let text = try await WorkbenchProcess.run(["stats", "--team", url], environment: team.environment)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(!text.stdout.contains("workbench-team-") && !stats.stdout.contains("workbench-team-"), "\(text.stdout)")
        for name in names { #expect(text.stdout.split(separator: "\n").contains(Substring(name)), "\(text.stdout)") }
        let out = team.folder + "/export"
        let export = try await WorkbenchProcess.run(["export", "--team", url, "--format", "jsonl", "--out", out], environment: team.environment)
        #expect(export.status == 0, "\(export.stderr)")
        let files = try FileManager.default.subpathsOfDirectory(atPath: out)
        let written = try files.map { try String(contentsOfFile: out + "/" + $0, encoding: .utf8) }.joined()
        for name in names { #expect(written.contains(name), "\(files)") }
    }

    @Test func diffReplayAndReviewWithTheWrongNumberOfNamesListTheAnnotators() async throws {
        let (team, url, names) = try await Self.annotated()
        defer { team.drop() }
        let wrong: [[String]] = [
            ["diff", "--team", url], ["diff", "--team", url, names[0]], ["replay", "--team", url], ["review", "--team", url, "--out", team.folder + "/r"],
        ]
        for arguments in wrong {
            let run = try await WorkbenchProcess.run(arguments, stdin: "quit\n", environment: team.environment)
            #expect(run.status == 2, "\(arguments): a usage error")
            #expect(run.stdout.isEmpty, "\(arguments)")
            #expect(run.stderr.contains("\(arguments[0]) --team needs"), "\(run.stderr)")
            #expect(run.stderr.contains("annotators present: \(names.sorted().joined(separator: ", "))"), "\(run.stderr)")
        }
        let diff = try await WorkbenchProcess.run(["diff", "--team", url, names[0], names[1]], environment: team.environment)
        #expect(diff.status == 0, "\(diff.stderr)")
        // Named as the team sessions they are, not by their private copies (gone when the command ends).
        #expect(diff.stdout.contains("team session \(names[0])") && !diff.stdout.contains("workbench-team-"), "\(diff.stdout)")
        let replay = try await WorkbenchProcess.run(["replay", "--team", url, names[1], "--verify"], environment: team.environment)
        #expect(replay.status == 0, "\(replay.stderr)")
        // review names the reviewed team session by its name, not by its private copy: here a
        // review of bob given as --out for a review of anna is refused naming anna's session.
        let reviewOut = team.folder + "/reviewed"
        let ofBob = try await WorkbenchProcess.run(["review", "--team", url, names[1], "--out", reviewOut], stdin: "quit\n", environment: team.environment)
        #expect(ofBob.status == 0, "\(ofBob.stderr)")
        let ofAnna = try await WorkbenchProcess.run(["review", "--team", url, names[0], "--out", reviewOut], stdin: "quit\n", environment: team.environment)
        #expect(ofAnna.status != 0)
        #expect(ofAnna.stderr.contains("not of team session \(names[0])"), "\(ofAnna.stderr)")
        #expect(!ofAnna.stderr.contains("not of /"), "\(ofAnna.stderr)")
        // Without --team the session files are still required, with a usage message.
        let local = try await WorkbenchProcess.run(["diff"], environment: team.environment)
        #expect(local.status == 2)
        #expect(local.stderr.contains("give two session files"), "\(local.stderr)")
    }
}
