import Foundation
import Testing
@testable import Workbench
@testable import WorkbenchShell
@testable import WorkbenchTerminal

@Suite("status and stats agree")
struct StatusUndoCountTests {
    @Test("stat in the REPL and workbench stats report the same events, commands and undo count")
    func sameUndoCount() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let result = try await workspace.run(["annotate", "--session", "s"], commands: ["sp Südkorea", "cue forderten", "undo", "stat", "quit"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("events: 4, commands: 3, undo: 1 (33.3%)"), "\(result.stdout)")
        let stats = try await workspace.run(["stats", "sessions/s.json"], commands: [])
        #expect(stats.stdout.contains("events: 4, commands: 3, undo: 1 (33.3%)"), "\(stats.stdout)")
    }

    /// Before, stats and stat counted undo events: one undone accept of several events counted as
    /// several undos, and the rate was per event.
    @Test("an undone accept of several events counts as one undo command, in stat, stats and stats --json")
    func undoCountsCommands() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let result = try await workspace.run(["annotate", "--session", "s"], commands: ["g 1:1", "y a", "undo", "stat", "quit"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(", commands: 2, undo: 1 (50.0%)"), "\(result.stdout)")
        let stats = try await workspace.run(["stats", "sessions/s.json"], commands: [])
        #expect(stats.stdout.contains(", commands: 2, undo: 1 (50.0%)"), "\(stats.stdout)")
        let json = try await workspace.run(["stats", "sessions/s.json", "--json"], commands: [])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let total = try #require(object["total"] as? [String: Any])
        #expect(total["undos"] as? Int == 1 && total["commands"] as? Int == 2 && total["undo_rate"] as? Double == 0.5, "\(total)")
        #expect((total["events"] as? Int ?? 0) > 4, "the accept and its undo are several events each: \(total)")
    }
}

@Suite("schemas extend the labels")
struct SchemaLabelTests {
    @Test("a schema adds a neutral stance label and a place kind, which the speaker command guesses")
    func neutralAndPlace() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let schema = #"{"name": "with-neutral", "stance_labels": ["favor", "against", "neutral", "none"], "speaker_kinds": ["person", "organisation", "institution", "place", "anonymous"]}"#
        try Data(schema.utf8).write(to: workspace.folder.appendingPathComponent("schema.json"))
        let result = try await workspace.run(
            ["annotate", "--session", "n", "--schema", "schema.json"],
            commands: ["sp Südkorea", "ta Truppen sind in Russland", "stance S1 T1 neutral", "quit"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("new speaker S1 Südkorea (place, guessed"))
        let stances = try workspace.session("n")["stances"] as? [[String: Any]] ?? []
        #expect(stances.first?["label"] as? String == "neutral")
    }
}

@Suite("replay, review and adjudicate wrap like the REPL")
struct ScreenWrappingTests {
    @Test("in a terminal lines break between words, never inside one; piped output is left alone")
    func wrapsAtWords() {
        let text = "\n[1/2] claim walfang#3\n  1 anna: Island will den Walfang im nächsten Jahr [wieder erlauben]  form=indirect\n"
        let wrapped = StyledLine.forTerminal(text, outputIsTerminal: true, width: 30)
        let lines = wrapped.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.count <= 30 }, "\(lines)")
        #expect(lines.contains { $0.contains("Walfang") }, "Walfang is never split: \(lines)")
        #expect(StyledLine.forTerminal(text, outputIsTerminal: false, width: 30) == text)
        let styled = StyledLine.forTerminal([StyledLine(" » Island will den Walfang im nächsten Jahr wieder erlauben")], outputIsTerminal: true, width: 25)
        #expect(styled.count > 1)
        #expect(styled.allSatisfy { !$0.plain.hasSuffix("Walf") })
    }
}
