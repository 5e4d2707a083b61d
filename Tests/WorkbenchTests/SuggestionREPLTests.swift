@testable import Annotations
import Foundation
import Testing

@Suite("annotate REPL suggestions, piped")
struct SuggestionREPLTests {
    /// The seeds' sentence count.
    static let sentences = 118

    @Test("a scripted run accepts everything with aa on every sentence; origins record the rules; exports leave them out")
    func acceptEverything() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        var commands: [String] = []
        for index in 0..<Self.sentences { commands += index == Self.sentences - 1 ? ["aa"] : ["aa", "n"] }
        commands += ["goto 1:1", "show", "quit"]
        let result = try await workspace.run(["annotate", "--session", "all"], commands: commands, environment: ["NO_COLOR": "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("\u{1B}["))
        #expect(result.stdout.contains("accepted a): "))
        let annotations = try workspace.annotations("all")
        let claims = annotations.values.filter { $0["type"] as? String == "claim" }
        #expect(claims.count >= 20, "\(claims.count) claims")
        for claim in claims {
            let origin = try #require(claim["origin"] as? [String: Any], "\(claim)")
            #expect(origin["kind"] as? String == "suggested")
            #expect((origin["rule"] as? String)?.isEmpty == false)
        }
        // Accepted proposals are no longer listed: the last 'show' of sentence 1 lists none.
        let lastShow = try #require(result.stdout.components(separatedBy: "── document 1/5").last)
        #expect(!lastShow.contains("   a) "), "\(lastShow)")
        // stats reports the rules; the JSONL export leaves the origin out.
        let stats = try await workspace.run(["stats", "sessions/all.json"], commands: [])
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains("suggestions (per rule):"))
        #expect(stats.stdout.contains("accepted"), "\(stats.stdout)")
        let export = try await workspace.run(["export", "--format", "jsonl", "--out", "out", "sessions/all.json"], commands: [])
        #expect(export.status == 0, "\(export.stderr)")
        let jsonl = try String(contentsOf: workspace.folder.appendingPathComponent("out/annotations.jsonl"), encoding: .utf8)
        #expect(jsonl.contains("\"claim\"") || jsonl.contains("CLAIM"))
        #expect(!jsonl.contains("\"origin\""))
    }

    @Test("accept, reject and undo across reopening, with clear messages for bad input")
    func acceptRejectReopen() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let first = try await workspace.run(["annotate", "--session", "s"], commands: [
            "goto 1:4", "x b", "y", "y", "y z", "accept a by S99", "b", "quit",
        ])
        #expect(first.status == 1, "\(first.stderr)")
        #expect(first.stdout.contains("rejected 1 proposal (X1"))
        #expect(first.stdout.contains("accepted a): new speaker S1 Vassili Nebenzia, M1 of S1, Q1 cue „versicherte“, C1 claim by S1"), "\(first.stdout)")
        #expect(first.stdout.contains("error: this sentence has no pending proposals to accept; 'ns' goes to the next sentence with proposals"))
        #expect(first.stderr.contains("4 command(s) were rejected"))
        // workbench suggest --session leaves out what the session accepted or rejected.
        let all = try await workspace.run(["suggest", "seeds", "--format", "jsonl"], commands: [])
        let left = try await workspace.run(["suggest", "seeds", "--format", "jsonl", "--session", "s"], commands: [])
        #expect(all.status == 0 && left.status == 0, "\(all.stderr) \(left.stderr)")
        #expect(all.stdout.split(separator: "\n").count == left.stdout.split(separator: "\n").count + 2)
        let session = try workspace.session("s")
        let rejections = try #require(session["rejections"] as? [[String: Any]])
        #expect(rejections.count == 1 && rejections.first?["rule"] as? String != nil)
        let second = try await workspace.run(["annotate", "--session", "s"], commands: ["show", "undo", "show", "undo", "show", "quit"])
        #expect(second.status == 0, "\(second.stderr)")
        let shows = second.stdout.components(separatedBy: " » ").dropFirst().map { String($0) }
        // The opening view, then show, undo, show, undo, show.
        try #require(shows.count == 6)
        // Reopened: nothing pending (one accepted, one rejected); undo takes back the whole accept, then the rejection.
        #expect(!shows[1].contains("   a) "))
        #expect(second.stdout.contains("undone: C1 (claim), Q1 (cue), M1 (mention), S1 (speaker)"))
        #expect(shows[3].contains("   a) ") && !shows[3].contains("   b) "), "\(shows[3])")
        #expect(shows[5].contains("   b) "), "\(shows[5])")
        #expect(try workspace.annotations("s").isEmpty)
    }

    @Test("suggest off is kept with the session; ns finds the next sentence with proposals")
    func suggestOffAndNext() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let first = try await workspace.run(["annotate", "--session", "o"], commands: ["suggest off", "show", "ns", "quit"])
        #expect(first.stdout.contains("suggestions off for this session"))
        #expect(first.stdout.contains("error: suggestions are off; turn them on with: suggest on"))
        let afterOff = try #require(first.stdout.components(separatedBy: "suggestions off for this session").last)
        #expect(!afterOff.contains("   a) "))
        #expect(try (workspace.session("o")["settings"] as? [String: Bool]) == ["suggest": false])
        let second = try await workspace.run(["annotate", "--session", "o"], commands: ["suggest", "suggest on", "goto 1:2", "ns", "quit"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("suggestions are off"))
        #expect(second.stdout.contains("   a) "))
        #expect(second.stdout.contains("sentence 3/25"))
    }
}
