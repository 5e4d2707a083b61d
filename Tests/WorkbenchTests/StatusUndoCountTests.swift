import Foundation
import Testing

@Suite("status and stats agree")
struct StatusUndoCountTests {
    @Test("stat in the REPL and workbench stats report the same events and undo count")
    func sameUndoCount() throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let result = try workspace.run(["annotate", "--session", "s"], commands: ["sp Südkorea", "cue forderten", "undo", "stat", "quit"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("events: 4, undo: 1 (25.0%)"), "\(result.stdout)")
        let stats = try workspace.run(["stats", "sessions/s.json"], commands: [])
        #expect(stats.stdout.contains("events: 4, undo: 1 (25.0%)"), "\(stats.stdout)")
    }
}
