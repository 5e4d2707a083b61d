import CEditLine
import Foundation
import Glibc
import Testing

/// A stop signal (SIGTERM, SIGHUP) handled after piped `annotate` looked at its flag but before it began
/// to wait for the next line: the handler had run, so no read was broken off, and the program waited on
/// for input that a script which had stopped writing (the pipe still open) never sent; it ended only
/// with the next line or a second signal. The reader now waits with `poll` on standard input and a pipe
/// the handler writes to, so a signal handled at any moment before the wait ends it at once.
///
/// The test stands in for that moment: standard input is an open pipe nothing is written to, the
/// handler runs (called as the signal would call it) and then the line reader is called. It must give
/// up at once; the old reader waited until the pipe was closed.
@Suite("A stop signal just before piped input is waited for", .serialized, .timeLimit(.minutes(1)))
struct PipedStopSignalRaceTests {
    /// The reader's outcome, handed from the thread that reads.
    final class Outcome: @unchecked Sendable {
        let finished = DispatchSemaphore(value: 0)
        var count = 0
    }

    @Test("A stop signal handled before the wait for the next line began ends the wait at once")
    func signalBeforeTheWait() throws {
        var ends: [Int32] = [-1, -1]
        // Close-on-exec: a child another test starts meanwhile must not hold the writing end open.
        try #require(pipe(&ends) == 0)
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        var savedActions = [sigaction(), sigaction()]
        sigaction(SIGTERM, nil, &savedActions[0])
        sigaction(SIGHUP, nil, &savedActions[1])
        // The reader's own copy in this file reads the pipe; the process's standard input, which other
        // tests' child processes inherit, is left alone.
        wb_input_descriptor().pointee = ends[0]
        defer {
            // The reader's input and the signals' handling as they were.
            wb_input_descriptor().pointee = STDIN_FILENO
            close(ends[0])
            sigaction(SIGTERM, &savedActions[0], nil)
            sigaction(SIGHUP, &savedActions[1], nil)
        }
        wb_plain_install_stop_signals()
        wb_plain_stop_handler(SIGTERM)
        let outcome = Outcome()
        let reader = Thread {
            var line: UnsafeMutablePointer<CChar>?
            var capacity = 0, total = 0
            var binary: Int32 = 0
            outcome.count = wb_read_stdin_line_bounded(&line, &capacity, 1 << 20, &total, &binary)
            free(line)
            outcome.finished.signal()
        }
        reader.start()
        let promptly = outcome.finished.wait(timeout: .now() + 5) == .success
        // A reader still waiting is let go by the end of its input (the pipe's writing end closed).
        close(ends[1])
        if !promptly { outcome.finished.wait() }
        #expect(promptly, "the reader waited for input after the stop signal had been handled")
        #expect(outcome.count == -1, "no line is read")
        #expect(wb_plain_stop_received() == SIGTERM)
    }
}
