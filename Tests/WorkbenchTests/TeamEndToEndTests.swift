@testable import Annotations
import Foundation
import Testing
import TestSupport
import WorkbenchTeam

@Suite("Team mode end to end", .enabled(if: TeamFixture.shouldRun, TeamFixture.skipMessage))
struct TeamEndToEndTests {
    /// Three scripted annotators and an adjudicator through one database: assign, annotate at
    /// once, status, agree, adjudicate, export.
    @Test func threeAnnotatorsAndAnAdjudicatorWorkThroughTheDatabase() async throws {
        let team = try TeamFixture(members: [("anna", "annotator"), ("bob", "annotator"), ("carla", "annotator"), ("ada", "adjudicator")])
        defer { team.drop() }
        let names = ["anna", "bob", "carla"].map(team.name)
        let assign = try await WorkbenchProcess.run(
            ["team", "assign", "--team", team.url, "--annotators", names.joined(separator: ","), "--overlap", "2"], environment: team.environment)
        #expect(assign.status == 0, "\(assign.stderr)")
        // Each annotator accepts the proposals of their first sentences and marks them done, all at once.
        let script = String(repeating: "aa\ndone\n", count: 4) + "quit\n"
        let serverURL = team.serverURL, environment = team.environment
        let runs = try await withThrowingTaskGroup(of: WorkbenchProcess.Result.self) { group in
            for name in names {
                group.addTask {
                    try await WorkbenchProcess.run(["annotate", "--team", serverURL, "--annotator", name], stdin: script, environment: environment)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(runs.count == names.count)
        for run in runs {
            #expect(!run.stderr.contains("NOT saved"), "\(run.stderr)")
        }
        let status = try await WorkbenchProcess.run(["team", "status", "--team", team.url], environment: team.environment)
        #expect(status.status == 0, "\(status.stderr)")
        for name in names { #expect(status.stdout.contains("\(name): 4/"), "\(status.stdout)") }
        // anna and bob share the first document: agreement, adjudication by ada, export.
        let adaURL = team.serverURL + "?user=\(team.name("ada"))"
        let agree = try await WorkbenchProcess.run(["agree", "--team", adaURL, names[0], names[1]], environment: team.environment)
        #expect(agree.status == 0, "\(agree.stderr)")
        let out = team.folder + "/gold"
        let adjudicate = try await WorkbenchProcess.run(
            ["adjudicate", "--team", adaURL, names[0], names[1], "--out", out, "--adjudicator", team.name("ada")],
            stdin: String(repeating: "1\n", count: 200), environment: team.environment)
        #expect(adjudicate.status == 0, "\(adjudicate.stderr)")
        #expect(adjudicate.stdout.contains("stored the adjudicated session"), "\(adjudicate.stdout)")
        let stored = try TeamProject(connection: team.connect(as: "ada")).session(named: team.name("ada"))
        #expect(!stored.state.claims.isEmpty)
        let export = try await WorkbenchProcess.run(
            ["export", "--team", adaURL, team.name("ada"), "--format", "jsonl", "--out", team.folder + "/export"], environment: team.environment)
        #expect(export.status == 0, "\(export.stderr)")
        // An annotator cannot read the adjudicated session, nor write into it.
        #expect(throws: (any Error).self) { _ = try TeamProject(connection: team.connect(as: "anna")).session(named: team.name("ada")) }
    }
}
