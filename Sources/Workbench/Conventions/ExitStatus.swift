import ArgumentParser
import Foundation

/// The exit statuses every command uses, documented in the README and in `workbench help`.
enum ExitStatus: Int32, CaseIterable, Sendable {
    /// The command did what it was asked.
    case success = 0
    /// A command was rejected or a check failed (a problem in a session, an unreadable file, a
    /// rejected REPL command in a piped run, a refused write).
    case failure = 1
    /// The command line itself is wrong: an unknown command or option, a missing or invalid argument.
    case usage = 2
    /// Stopped because the terminal closed (128 + SIGHUP), as by Ctrl-C.
    case hangUp = 129
    /// Stopped by Ctrl-C (128 + SIGINT); nothing half-written is left behind.
    case interrupted = 130
    /// Ended at once by Ctrl-\ (128 + SIGQUIT); every acknowledged edit is already in the log.
    case quit = 131
    /// Stopped by `kill` (128 + SIGTERM), as by Ctrl-C.
    case terminated = 143

    /// One line for help texts; the README's table lists the same statuses (a test compares them).
    static var summary: String {
        "Exit status: 0 success, 1 rejected command or failed check, 2 usage error, 130 interrupted (Ctrl-C), "
            + "129 terminal closed, 143 terminated (kill), 131 Ctrl-\\ (quit at once)."
    }

    /// The status of a run whose input `kill` (SIGTERM) or a hang-up (SIGHUP) ended: ``terminated`` or
    /// ``hangUp``, in a terminal as with piped input. The session is saved and closed either way, as on
    /// leaving; the status tells whoever reads it (a script, a supervisor, `timeout`) that the run was
    /// stopped from outside and did not end by itself, as 128 + the signal conventionally does. Nobody
    /// is left to read it when a terminal closed, so the status costs its user nothing there.
    static func stopped(by signal: Int32) -> ExitStatus {
        signal == SIGHUP ? .hangUp : .terminated
    }

    /// How messages name the stop ``stopped(by:)`` gave: `stopped (terminated)`, `stopped (the terminal hung up)`.
    var stoppedLabel: String { "stopped (" + (self == .hangUp ? "the terminal hung up" : "terminated") + ")" }

    /// The status for a code that the argument parser or a command produced: the parser's usage
    /// error (64, `EX_USAGE`) becomes ``usage``; every other code is kept.
    static func normalized(_ code: Int32) -> Int32 {
        code == ExitCode.validationFailure.rawValue ? ExitStatus.usage.rawValue : code
    }
}
