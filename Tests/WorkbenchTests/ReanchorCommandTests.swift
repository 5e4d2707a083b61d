import Foundation
import Testing

/// The re-anchorings made when a session is reopened on a changed corpus are one command: before,
/// each moved annotation was a command of its own, so `stats` counted as many commands and each
/// `undo` met one of them.
@Suite("The re-anchorings of one opening are one command")
struct ReanchorCommandTests {
    @Test("every re-anchoring event after the first carries the first's seq as its group; undo still refuses them whole")
    func oneCommand() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let first = try await workspace.run(
            ["annotate", "--session", "g"], commands: ["goto 4", "speaker \"Vassili Nebenzia\"", "cue \"versicherte\"", "quit"])
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        let made = try workspace.events("g").count
        let seed = workspace.folder.appendingPathComponent("seeds/\(ReanchorREPLTests.document).txt")
        let text = try String(contentsOf: seed, encoding: .utf8)
        try Data(("Eine neue Überschrift\n" + text).utf8).write(to: seed)
        let second = try await workspace.run(["annotate", "--session", "g"], commands: ["undo", "quit"])
        #expect(second.stderr.contains("2 moved"), "\(second.stderr)")
        #expect(second.stdout.contains("would put"), "undo still refuses to restore the older offsets: \(second.stdout)")
        let reanchored = Array(try workspace.events("g").dropFirst(made))
        #expect(reanchored.count == 2, "\(reanchored)")
        let seq = try #require(reanchored.first?["seq"] as? Int)
        #expect(reanchored.first?["group"] == nil)
        #expect(reanchored.dropFirst().allSatisfy { $0["group"] as? Int == seq }, "\(reanchored)")
    }
}
