import CEditLine
import Foundation
import Glibc
import Testing

/// SIGTERM or SIGHUP handled while the terminal's line editor waits for a key, but without breaking off
/// its `read`: the reader looked at the stop flag, then read; a signal handled between the two (or on
/// another thread) left the flag raised and the program waiting for the next key, so `kill` did not end
/// a session whose user had walked away. The reader now waits with `poll` on standard input and the pipe
/// the stop handlers write to, the piped reader's one mechanism, so a stop handled at any moment ends it.
///
/// The test stands in for that moment: standard input is an open pipe nothing is written to, the reader
/// waits on it on one thread, and the handler runs on this one (called as the signal would call it).
/// The old reader waited on until the pipe was closed.
@Suite("A stop signal while the terminal's line editor waits for a key", .serialized, .timeLimit(.minutes(1)))
struct TerminalStopSignalRaceTests {
    /// The reader's outcome, handed from the thread that reads.
    final class Outcome: @unchecked Sendable {
        let finished = DispatchSemaphore(value: 0)
        var result: Int32 = -2
    }

    @Test("A stop signal handled while the editor waits for the next key ends the wait at once")
    func signalDuringTheWait() throws {
        var ends: [Int32] = [-1, -1]
        // Close-on-exec: a child another test starts meanwhile must not hold the writing end open.
        try #require(pipe(&ends) == 0)
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        let signals = [SIGTERM, SIGHUP, SIGWINCH, SIGTSTP, SIGCONT]
        var savedActions = Array(repeating: sigaction(), count: signals.count)
        for (index, signal) in signals.enumerated() { sigaction(signal, nil, &savedActions[index]) }
        // The reader's own copy in this file reads the pipe; the process's standard input, which other
        // tests' child processes inherit, is left alone.
        wb_input_descriptor().pointee = ends[0]
        defer {
            // The reader's input, the signals' handling and the reader's flags as they were.
            wb_input_descriptor().pointee = STDIN_FILENO
            close(ends[0])
            for (index, signal) in signals.enumerated() { sigaction(signal, &savedActions[index], nil) }
            wb_reader_signals().pointee = 0
        }
        wb_reader_install_signals()
        let outcome = Outcome()
        let reader = Thread {
            var character: wchar_t = 0
            outcome.result = wb_read_char(nil, &character)
            outcome.finished.signal()
        }
        reader.start()
        // The reader is waiting for a key by now (if not, it finds the flag raised and ends at once too).
        Thread.sleep(forTimeInterval: 0.3)
        wb_reader_signal_handler(SIGTERM)
        let promptly = outcome.finished.wait(timeout: .now() + 5) == .success
        // A reader still waiting is let go by the end of its input (the pipe's writing end closed).
        close(ends[1])
        if !promptly { outcome.finished.wait() }
        #expect(promptly, "the editor waited for a key after the stop signal had been handled")
        #expect(outcome.result == 0, "the input ends")
        #expect(wb_reader_stop_signal() == SIGTERM)
    }
}
