import Foundation
import WorkbenchShell
import WorkbenchTerminal

/// Diagnostic timing of the REPL (the hidden `annotate --command-timings FILE`): for every command
/// line, the wall and thread CPU time from receiving the line until the REPL is ready to read the
/// next one (handling, printing the answer, refreshing the completion snapshot). The first entry is
/// the start: the process's CPU time until the first prompt.
///
/// Entries are kept in memory and written once, at ``write()``, so measuring does not add I/O.
/// One line per entry: `LABEL WALL_NS CPU_NS`, where LABEL is `start` or `command`.
final class CommandTimingLog {
    /// The file the entries go to.
    let path: String
    private var lines: [String] = []
    private var wallStart: UInt64 = 0
    private var cpuStart: UInt64 = 0

    /// A log for `path`; nothing is written before ``write()``.
    init(path: String) {
        self.path = path
        lines.reserveCapacity(1 << 14)
    }

    /// Starts timing one entry.
    func begin() {
        wallStart = Self.clock(CLOCK_MONOTONIC)
        cpuStart = Self.clock(CLOCK_THREAD_CPUTIME_ID)
    }

    /// Ends the entry started by ``begin()``.
    func end(_ label: String) {
        let wall = Self.clock(CLOCK_MONOTONIC) - wallStart
        let cpu = Self.clock(CLOCK_THREAD_CPUTIME_ID) - cpuStart
        lines.append("\(label) \(wall) \(cpu)")
    }

    /// Records the start: the process's CPU time until now (the wall time is left to the caller,
    /// which knows when it started the process; written as 0).
    func recordStart() {
        lines.append("start 0 \(Self.clock(CLOCK_PROCESS_CPUTIME_ID))")
    }

    /// Writes all entries; a failure is reported on standard error and otherwise ignored.
    func write() {
        let text = lines.map { $0 + "\n" }.joined()
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            StandardError.write("warning: cannot write the command timings to \(TerminalText.sanitize(path)): \(error.localizedDescription)")
        }
    }

    private static func clock(_ id: clockid_t) -> UInt64 {
        var spec = timespec()
        clock_gettime(id, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}
