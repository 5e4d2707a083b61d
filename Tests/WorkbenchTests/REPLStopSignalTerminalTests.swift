import Foundation
import Glibc
import Testing
import TestSupport

/// `kill` (SIGTERM) or a closed terminal (SIGHUP: tmux kill-session, a closed window, a dropped ssh
/// connection) while the terminal REPL waits at its prompt. Before, either signal ended the program at
/// once: the acknowledged edits were in the log, but no snapshot was written, and the next opening said
/// "warning: recovered 1 edit(s) from the log of an unfinished run" and "took over the lock of a process
/// that is gone". Now the input ends as with Ctrl-D: the terminal is restored, the session closed as on
/// leaving (snapshot written, lock released), and the next opening says nothing of either.
@Suite("SIGTERM and SIGHUP at the REPL's prompt", .serialized, .needsTmux, .timeLimit(.minutes(2)))
struct REPLStopSignalTerminalTests {
    /// The warnings an opening gives after a run that did not close its session.
    static func openingWarnings(_ workspace: REPLWorkspace) async throws -> String {
        let result = try await workspace.run(["annotate", "--annotator", "anna"], commands: ["list", "quit"])
        #expect(result.stdout.contains("N1   note: eins"), "the acknowledged edit is kept: \(result.stdout)")
        return result.stderr
    }

    @Test("SIGTERM at the prompt closes the session as Ctrl-D does")
    func terminate() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let session = try await workspace.terminalREPL(environment: ["NO_COLOR": "1"], width: 100, height: 40)
        defer { session.kill() }
        try await session.waitForFirstPrompt()
        try await session.send(keys: "note eins", .enter)
        try await session.waitFor(text: "+ N1 note")
        // At the prompt again: the line editor reads (a signal while a command runs ends it at once,
        // as before; the edit is in the log either way).
        try await session.waitUntil(what: "the next prompt") { $0.split(separator: "\n").last?.hasPrefix("1:1 ›") == true }
        let pid = try #require(try await session.programPID())
        Glibc.kill(pid, SIGTERM)
        // The pane's shell (`sh -c`, the terminal's session leader) dies of the signal too (libedit
        // passes it on to the process group), which hangs the terminal up: the program's last lines
        // may never reach the screen, so what it left behind is what counts.
        try await Deadline.waitUntil(timeout: 20, "the program to end") { !FileManager.default.fileExists(atPath: "/proc/\(pid)") }
        let warnings = try await Self.openingWarnings(workspace)
        #expect(!warnings.contains("took over the lock"), "\(warnings)")
        #expect(!warnings.contains("unfinished run"), "\(warnings)")
    }

    @Test("The terminal closed (tmux kill-session: SIGHUP) at the prompt: snapshot written, lock released")
    func hangUp() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let session = try await workspace.terminalREPL(environment: ["NO_COLOR": "1"], width: 100, height: 40)
        defer { session.kill() }
        try await session.waitForFirstPrompt()
        try await session.send(keys: "note eins", .enter)
        try await session.waitFor(text: "+ N1 note")
        // At the prompt again: the line editor reads (a signal while a command runs ends it at once,
        // as before; the edit is in the log either way).
        try await session.waitUntil(what: "the next prompt") { $0.split(separator: "\n").last?.hasPrefix("1:1 ›") == true }
        let pid = try #require(try await session.programPID())
        session.kill()
        try await Deadline.waitUntil(timeout: 20, "the program to end after the hang-up") {
            !FileManager.default.fileExists(atPath: "/proc/\(pid)")
        }
        let warnings = try await Self.openingWarnings(workspace)
        #expect(!warnings.contains("took over the lock"), "\(warnings)")
        #expect(!warnings.contains("unfinished run"), "\(warnings)")
    }

    /// The terminal REPL exited 0 after SIGTERM or SIGHUP, where piped `annotate` exited 143 or 129: one
    /// rule now, 128 + the signal in both (``ExitStatus/stopped(by:)``), the session saved either way.
    /// The program is the pane's process (`exec`), so tmux keeps its status; the signal is sent to it
    /// alone, as `kill` does and as a closing terminal sends SIGHUP.
    @Test("After SIGTERM or SIGHUP at the prompt the status is 128 + the signal, as with piped input", arguments: [SIGTERM, SIGHUP])
    func stopStatus(signal: Int32) async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let binary = TmuxSession.quote(WorkbenchProcess.binary.path)
        let session = try await TmuxSession(
            command: "exec \(binary) annotate --annotator anna", environment: ["NO_COLOR": "1", "USER": "anna"], width: 100, height: 40,
            directory: workspace.folder)
        defer { session.kill() }
        try await session.waitForFirstPrompt()
        try await session.send(keys: "note eins", .enter)
        try await session.waitFor(text: "+ N1 note")
        try await session.waitUntil(what: "the next prompt") { $0.split(separator: "\n").last?.hasPrefix("1:1 ›") == true }
        let pid = try await session.panePID()
        Glibc.kill(pid, signal)
        try await Deadline.waitUntil(timeout: 20, "the program to end") { !FileManager.default.fileExists(atPath: "/proc/\(pid)") }
        var status: Int32?
        try await Deadline.waitUntil(timeout: 10, "tmux to see the pane end") {
            status = try? await session.deadStatus()
            return status != nil
        }
        let screen = (try? await session.capture()) ?? ""
        #expect(status == 128 + signal, "the screen: \(screen)")
        let warnings = try await Self.openingWarnings(workspace)
        #expect(!warnings.contains("took over the lock"), "\(warnings)")
        #expect(!warnings.contains("unfinished run"), "\(warnings)")
    }
}
