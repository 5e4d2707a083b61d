import Foundation
import Testing

/// Ctrl-Z where nothing can resume a stopped program: started without a job-control shell (its
/// process group has no shell above it, as under `sh -c` or `exec`), or started with SIGTSTP ignored.
/// The line stays as it is, drawn once, and goes on being edited.
@Suite(
    "Ctrl-Z without a job-control shell",
    .needsTmux,
    .timeLimit(.minutes(1))
)
struct SuspendWithoutJobControlTests {
    /// Before, the kernel discarded the stop and the reader redrew the line after itself:
    /// `1:1 › note ab1:1 › note ab` on one row.
    @Test("Started by exec in a terminal with no shell: Ctrl-Z keeps the line drawn once, and it still edits")
    func noJobControlShell() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let binary = TmuxSession.quote(WorkbenchProcess.binary.path)
        let session = try await TmuxSession(
            command: "exec \(binary) annotate --annotator anna", environment: ["NO_COLOR": "1", "USER": "anna"], width: 120,
            height: 40, directory: workspace.folder)
        defer { session.kill() }
        try await session.waitFor(text: "1:1 ›")
        try await session.send(keys: "note ab")
        try await session.waitFor(text: "1:1 › note ab")
        try await session.send(keys: .named("C-z"))
        try await session.send(keys: "cd")
        let screen = try await session.waitFor(text: "1:1 › note abcd")
        #expect(screen.components(separatedBy: "1:1 ›").count == 2, "the prompt is on the screen once:\n\(screen)")
        try await session.send(keys: .enter)
        try await session.waitFor(text: "+ N1 note")
        try await session.send(keys: "quit", .enter)
        try await session.waitFor(text: "saved sessions/anna.json")
        let notes = try workspace.session("anna")["notes"] as? [[String: Any]] ?? []
        #expect(notes.map { $0["text"] as? String } == ["abcd"], "\(notes)")
    }

    /// Before, the reader stopped the program anyway; the shell that ignored SIGTSTP waited for it
    /// forever and the terminal echoed what was typed (cooked mode) with no one reading.
    @Test("Started with SIGTSTP ignored under a job-control shell: Ctrl-Z does not stop it, the line still edits")
    func ignoredByTheStarter() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let binary = TmuxSession.quote(WorkbenchProcess.binary.path)
        let session = try await TmuxSession(
            command: "bash --norc --noprofile -i", environment: ["NO_COLOR": "1", "USER": "anna"], width: 120,
            height: 40, directory: workspace.folder)
        defer { session.kill() }
        try await session.waitUntil(what: "the shell's prompt") { !$0.allSatisfy(\.isWhitespace) }
        try await session.send(keys: .text("bash -c " + TmuxSession.quote("trap '' TSTP; \(binary) annotate --annotator anna; echo \"[ended $?]\"")), .enter)
        try await session.waitFor(text: "1:1 ›")
        try await session.send(keys: "note ab")
        try await session.waitFor(text: "1:1 › note ab")
        try await session.send(keys: .named("C-z"))
        try await session.send(keys: "cd", .named("Left"), "X")
        let screen = try await session.waitFor(text: "1:1 › note abcXd")
        #expect(!screen.contains("Stopped"), "\(screen)")
        try await session.send(keys: .enter)
        try await session.waitFor(text: "+ N1 note")
        try await session.send(keys: "quit", .enter)
        try await session.waitFor(text: "[ended 0]")
        let notes = try workspace.session("anna")["notes"] as? [[String: Any]] ?? []
        #expect(notes.map { $0["text"] as? String } == ["abcXd"], "\(notes)")
    }
}
