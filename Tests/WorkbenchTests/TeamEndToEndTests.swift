import Annotations
import Foundation
import Testing
import TestSupport
import WorkbenchTeam

@Suite("Team mode end to end", .enabled(if: TeamFixture.shouldRun, TeamFixture.skipMessage))
struct TeamEndToEndTests {
    /// Three scripted annotators and an adjudicator through one database: assign, annotate at
    /// once, status, agree, adjudicate, export.
    @Test func threeAnnotatorsAndAnAdjudicatorWorkThroughTheDatabase() throws {
        let team = try TeamFixture(members: [("anna", "annotator"), ("bob", "annotator"), ("carla", "annotator"), ("ada", "adjudicator")])
        let names = ["anna", "bob", "carla"].map(team.name)
        let assign = try WorkbenchProcess.run(
            ["team", "assign", "--team", team.url, "--annotators", names.joined(separator: ","), "--overlap", "2"], environment: team.environment)
        #expect(assign.status == 0, "\(assign.stderr)")
        // Each annotator accepts the proposals of their first sentences and marks them done, all at once.
        let script = String(repeating: "aa\ndone\n", count: 4) + "quit\n"
        let results = ConcurrentResults(count: names.count)
        DispatchQueue.concurrentPerform(iterations: names.count) { index in
            results.set(index, Result { try WorkbenchProcess.run(["annotate", "--team", team.serverURL, "--annotator", names[index]], stdin: script, environment: team.environment) })
        }
        for result in results.values {
            let run = try result.get()
            #expect(!run.stderr.contains("NOT saved"), "\(run.stderr)")
        }
        let status = try WorkbenchProcess.run(["team", "status", "--team", team.url], environment: team.environment)
        #expect(status.status == 0, "\(status.stderr)")
        for name in names { #expect(status.stdout.contains("\(name): 4/"), "\(status.stdout)") }
        // anna and bob share the first document: agreement, adjudication by ada, export.
        let adaURL = team.serverURL + "?user=\(team.name("ada"))"
        let agree = try WorkbenchProcess.run(["agree", "--team", adaURL, names[0], names[1]], environment: team.environment)
        #expect(agree.status == 0, "\(agree.stderr)")
        let out = team.folder + "/gold"
        let adjudicate = try WorkbenchProcess.run(
            ["adjudicate", "--team", adaURL, names[0], names[1], "--out", out, "--adjudicator", team.name("ada")],
            stdin: String(repeating: "1\n", count: 200), environment: team.environment)
        #expect(adjudicate.status == 0, "\(adjudicate.stderr)")
        #expect(adjudicate.stdout.contains("stored the adjudicated session"), "\(adjudicate.stdout)")
        let stored = try TeamProject(connection: team.connect(as: "ada")).session(named: team.name("ada"))
        #expect(!stored.state.claims.isEmpty)
        let export = try WorkbenchProcess.run(
            ["export", "--team", adaURL, team.name("ada"), "--format", "jsonl", "--out", team.folder + "/export"], environment: team.environment)
        #expect(export.status == 0, "\(export.stderr)")
        // An annotator cannot read the adjudicated session, nor write into it.
        #expect(throws: (any Error).self) { _ = try TeamProject(connection: team.connect(as: "anna")).session(named: team.name("ada")) }
    }
}

/// Results collected from concurrent work, one slot each.
final class ConcurrentResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<WorkbenchProcess.Result, any Error>?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Result<WorkbenchProcess.Result, any Error>) { lock.withLock { slots[index] = value } }
    var values: [Result<WorkbenchProcess.Result, any Error>] { lock.withLock { slots.compactMap { $0 } } }
}
