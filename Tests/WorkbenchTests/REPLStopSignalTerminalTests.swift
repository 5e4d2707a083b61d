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

    /// Types one note at the first prompt and waits for the next prompt, where the line editor reads (a
    /// signal while a command runs ends it at once, as before; the edit is in the log either way); the
    /// program's process id.
    static func noteAndWait(_ session: TmuxSession) async throws -> Int32 {
        try await session.waitForFirstPrompt()
        try await session.send(keys: "note eins", .enter)
        try await session.waitFor(text: "+ N1 note")
        try await session.waitUntil(what: "the next prompt") { $0.split(separator: "\n").last?.hasPrefix("1:1 ›") == true }
        return try #require(try await session.programPID())
    }

    @Test("SIGTERM at the prompt closes the session as Ctrl-D does")
    func terminate() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let session = try await workspace.terminalREPL(environment: ["NO_COLOR": "1"], width: 100, height: 40)
        defer { session.kill() }
        let pid = try await Self.noteAndWait(session)
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
        let pid = try await Self.noteAndWait(session)
        session.kill()
        try await Deadline.waitUntil(timeout: 20, "the program to end after the hang-up") {
            !FileManager.default.fileExists(atPath: "/proc/\(pid)")
        }
        let warnings = try await Self.openingWarnings(workspace)
        #expect(!warnings.contains("took over the lock"), "\(warnings)")
        #expect(!warnings.contains("unfinished run"), "\(warnings)")
    }

    /// Runs `arguments` in a terminal under a shell that writes the program's exit status to
    /// `exit-status` in `folder` (the shell survives the signal, which libedit passes on to the whole
    /// process group, through a trap; tmux's own record of a pane's status came late or not at all).
    static func terminal(_ arguments: String, in folder: URL, width: Int, height: Int) async throws -> TmuxSession {
        let binary = TmuxSession.quote(WorkbenchProcess.binary.path)
        return try await TmuxSession(
            command: "trap true TERM HUP; \(binary) \(arguments); echo $? > exit-status", environment: ["NO_COLOR": "1", "USER": "anna"],
            width: width, height: height, directory: folder)
    }

    /// The status the shell of ``terminal(_:in:width:height:)`` wrote once the program ended.
    static func exitStatus(in folder: URL) async throws -> Int32? {
        var status: Int32?
        try await Deadline.waitUntil(timeout: 20, "the program to end and its status to be written") {
            let text = (try? String(contentsOf: folder.appendingPathComponent("exit-status"), encoding: .utf8)) ?? ""
            status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
            return status != nil
        }
        return status
    }

    /// The terminal REPL exited 0 after SIGTERM or SIGHUP, where piped `annotate` exited 143 or 129: one
    /// rule now, 128 + the signal in both (``ExitStatus/stopped(by:)``), the session saved either way.
    /// The signal is sent to the program alone, as `kill` does and as a closing terminal sends SIGHUP.
    @Test("After SIGTERM or SIGHUP at the prompt the status is 128 + the signal, as with piped input", arguments: [SIGTERM, SIGHUP])
    func stopStatus(signal: Int32) async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let session = try await Self.terminal("annotate --annotator anna", in: workspace.folder, width: 100, height: 40)
        defer { session.kill() }
        let pid = try await Self.noteAndWait(session)
        Glibc.kill(pid, signal)
        let status = try await Self.exitStatus(in: workspace.folder)
        let screen = (try? await session.capture()) ?? ""
        #expect(status == 128 + signal, "the screen: \(screen)")
        let warnings = try await Self.openingWarnings(workspace)
        #expect(!warnings.contains("took over the lock"), "\(warnings)")
        #expect(!warnings.contains("unfinished run"), "\(warnings)")
    }

    /// `review` and `replay` in a terminal ended by SIGTERM as by Ctrl-D, with status 0: the same rule
    /// now as `annotate` (the review's verdicts saved, and 143).
    @Test("review and replay at their prompt: SIGTERM gives 143", arguments: ["review", "replay"])
    func stopStatusOfTheOtherPrompts(command: String) async throws {
        let fixture = try ReplayFixture()
        let arguments = command == "review" ? "review \(fixture.sessionPath) --out sessions/review.json" : "replay \(fixture.sessionPath)"
        let session = try await Self.terminal(arguments, in: fixture.folder, width: 200, height: 50)
        defer { session.kill() }
        try await session.waitFor(text: command == "review" ? "review " : "replay #1/16>")
        try await session.waitUntil(what: "the prompt") { $0.split(separator: "\n").last?.contains(">") == true }
        let pid = try #require(try await session.programPID())
        Glibc.kill(pid, SIGTERM)
        let status = try await Self.exitStatus(in: fixture.folder)
        let screen = (try? await session.capture()) ?? ""
        #expect(status == 128 + SIGTERM, "the screen: \(screen)")
        #expect(screen.contains("stopped (terminated)"), "\(screen)")
    }
}
