import CEditLine
import Dispatch
import Foundation
import WorkbenchShell
import WorkbenchTerminal

/// One line of progress on standard error for work that can take longer than about a second
/// (loading a corpus, validating, comparing, exporting…): what is being done, how far, how much is
/// left. Drawn only when standard error is a terminal, at most ten times a second, and erased when
/// the work ends; with a pipe or a file nothing is written, so scripts and CI logs stay clean.
///
/// Ctrl-C while the meter runs stops the program at once with status 130 and a one-line message,
/// which is clean because the work outside ``writing(_:)`` only reads. Inside ``writing(_:)`` (where
/// files are put into place) Ctrl-C is held back: ``checkStop()`` throws at the next safe point
/// (before anything is published) and the block's output is never left half-written.
///
/// Every command uses this one type through ``run(isShown:_:)``; it draws on the one ``ProgressLine``.
final class ProgressMeter: @unchecked Sendable {
    /// What is counted.
    enum Unit: Sendable, Equatable {
        /// Things with a plural name ("documents", "events").
        case items(String)
        /// Bytes, shown in MB.
        case bytes
    }

    /// Whether the line is drawn (standard error is a terminal).
    let isShown: Bool
    private let lock = NSLock()
    private var writingDepth = 0
    private var stopRequested = false
    private var previousActions: [Int32: sigaction] = [:]

    /// The signals that stop a run as Ctrl-C does: `kill` (SIGTERM) and a closed terminal (SIGHUP)
    /// left a half-written staging folder (and an output folder the run had made) behind.
    static let stoppingSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    private var task = ""
    private var unit = Unit.items("")
    private var total: Int?
    private var done = 0
    private var phaseStart: UInt64 = 0
    /// The line the meter draws on.
    private let line = ProgressLine()
    /// How long a phase runs before the estimate of what is left is shown.
    private static let estimateAfter: UInt64 = 1_000_000_000

    /// A meter that draws when `isShown` (default: standard error is a terminal).
    init(isShown: Bool = wb_isatty(2) != 0) {
        self.isShown = isShown
    }

    /// Runs `body` with a meter: Ctrl-C handled as described above, the line erased at the end
    /// (also when `body` throws), and the previous Ctrl-C handling restored.
    static func run<R>(isShown: Bool = wb_isatty(2) != 0, _ body: (ProgressMeter) throws -> R) throws -> R {
        let meter = ProgressMeter(isShown: isShown)
        meter.catchInterrupts()
        defer { meter.end() }
        return try body(meter)
    }

    /// Starts a phase: `task` ("loading corpus"), `total` of `unit` when known.
    func begin(_ task: String, total: Int?, unit: Unit) {
        self.task = task
        self.total = total
        self.unit = unit
        done = 0
        phaseStart = ProgressLine.now()
        draw()
    }

    /// Sets how far the phase is.
    func update(_ done: Int) {
        self.done = done
        guard isShown else { return }
        let now = ProgressLine.now()
        if line.isDue(at: now) { draw(now: now) }
    }

    /// Sets how far the phase is and its total, for work that learns the total as it goes.
    func update(_ done: Int, total: Int) {
        self.total = total
        update(done)
    }

    /// Erases the line (before results or messages are written); the next update draws it again.
    func clear() {
        line.clear()
    }

    /// Moves the phase on by `count`.
    func advance(by count: Int = 1) { update(done + count) }

    /// Runs `body`, which writes output and puts it in place, with Ctrl-C held back: `body` asks
    /// ``isStopRequested`` (or calls ``checkStop()``) before it puts anything in place and gives up
    /// there. If Ctrl-C comes after that point, `body` finishes and a note says so.
    func writing<R>(_ body: () throws -> R) throws -> R {
        lock.lock()
        writingDepth += 1
        InterruptGate.writing = 1
        lock.unlock()
        defer {
            lock.lock()
            writingDepth -= 1
            if writingDepth == 0 { InterruptGate.writing = 0 }
            lock.unlock()
        }
        let result = try body()
        if isStopRequested {
            clear()
            let what = InterruptGate.signal == SIGTERM ? "a stop signal (SIGTERM)" : InterruptGate.signal == SIGHUP ? "a hang-up (SIGHUP)" : "Ctrl-C"
            StandardError.write("\(what) came while the output was put in place: it was finished first, so nothing is half-written")
            lock.lock()
            stopRequested = false
            InterruptGate.stopRequested = 0
            lock.unlock()
        }
        return result
    }

    /// Throws ``stopped`` when Ctrl-C was pressed inside ``writing(_:)``.
    func checkStop() throws {
        if isStopRequested { throw Self.stopped }
    }

    /// Whether Ctrl-C was pressed inside ``writing(_:)`` (for work that cannot throw: it checks and stops).
    var isStopRequested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopRequested || InterruptGate.stopRequested != 0
    }

    /// The failure for a stopped run: status 128 + the signal (130 for Ctrl-C).
    static var stopped: CLIFailure {
        switch InterruptGate.signal {
        case SIGTERM: CLIFailure("stopped (terminated); no output was written", exitCode: ExitStatus.terminated.rawValue)
        case SIGHUP: CLIFailure("stopped (the terminal hung up); no output was written", exitCode: ExitStatus.hangUp.rawValue)
        default: CLIFailure("stopped (Ctrl-C); no output was written", exitCode: ExitStatus.interrupted.rawValue)
        }
    }

    /// The text of the line: `task: done/total unit (percent %), about N s left`.
    static func line(task: String, done: Int, total: Int?, unit: Unit, elapsed: Double) -> String {
        if case .items(let name) = unit, name.isEmpty, total == nil { return task + " …" }
        var text = task + ": "
        switch unit {
        case .items(let name):
            text += total.map { "\(done)/\($0)" } ?? "\(done)"
            if !name.isEmpty { text += " " + name }
        case .bytes:
            let megabytes = { (value: Int) in String(format: "%.0f", Double(value) / 1_000_000) }
            text += total.map { "\(megabytes(done))/\(megabytes($0)) MB" } ?? "\(megabytes(done)) MB"
        }
        if let total, total > 0 {
            text += " (\(min(100, done * 100 / total)) %)"
            if elapsed >= Double(estimateAfter) / 1e9, done > 0, done < total {
                let left = elapsed * Double(total - done) / Double(done)
                text += left < 60 ? ", about \(max(1, Int(left.rounded()))) s left" : ", about \(Int((left / 60).rounded())) min left"
            }
        }
        return text
    }

    private func draw(now: UInt64 = ProgressLine.now()) {
        guard isShown else { return }
        let elapsed = Double(now - phaseStart) / 1e9
        let text = Self.line(task: task, done: done, total: total, unit: unit, elapsed: elapsed)
        line.draw(text, columns: max(10, TerminalText.terminalWidth() - 1), at: now)
    }

    /// Ctrl-C: inside ``writing(_:)`` it only asks the writer to stop before it publishes anything;
    /// otherwise (only reading was done) the program ends at once with status 130. A plain `sigaction`
    /// handler rather than a dispatch signal source: sources for SIGINT created and cancelled here
    /// left the replay loop's own Ctrl-C source deaf afterwards.
    private func catchInterrupts() {
        InterruptGate.writing = 0
        InterruptGate.stopRequested = 0
        InterruptGate.isShown = isShown ? (line.terminalErases ? 1 : 2) : 0
        InterruptGate.signal = SIGINT
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in
            if InterruptGate.writing != 0 {
                InterruptGate.signal = signal
                InterruptGate.stopRequested = 1
                return
            }
            // A terminal that cannot erase (TERM=dumb) gets the message on a row of its own.
            if InterruptGate.isShown == 1 { StandardError.writeFromSignalHandler("\r\u{1B}[K") }
            if InterruptGate.isShown == 2 { StandardError.writeFromSignalHandler("\n") }
            // Literals only: nothing lazy may run in a signal handler (128 + the signal).
            switch signal {
            case SIGTERM:
                StandardError.writeFromSignalHandler("stopped (terminated); no output was written\n")
                _exit(143)
            case SIGHUP:
                StandardError.writeFromSignalHandler("stopped (the terminal hung up); no output was written\n")
                _exit(129)
            default:
                StandardError.writeFromSignalHandler("stopped (Ctrl-C); no output was written\n")
                _exit(130)  // ExitStatus.interrupted
            }
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        for signal in Self.stoppingSignals {
            var previous = sigaction()
            sigaction(signal, nil, &previous)
            // A signal the run was started to ignore (`nohup`) stays ignored.
            if signal != SIGINT, Self.isIgnored(previous) { continue }
            sigaction(signal, &action, nil)
            previousActions[signal] = previous
        }
    }

    /// Whether `action` ignores its signal (`SIG_IGN`).
    private static func isIgnored(_ action: sigaction) -> Bool {
        guard let handler = action.__sigaction_handler.sa_handler else { return false }
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    private func end() {
        for (signal, previous) in previousActions {
            var previous = previous
            sigaction(signal, &previous, nil)
        }
        InterruptGate.writing = 0
        InterruptGate.stopRequested = 0
        clear()
    }
}

/// What the SIGINT handler of ``ProgressMeter`` reads and writes: plain words, set before the handler
/// is installed (so nothing is initialised lazily inside it).
private enum InterruptGate {
    nonisolated(unsafe) static var writing: sig_atomic_t = 0
    nonisolated(unsafe) static var stopRequested: sig_atomic_t = 0
    /// 0: no progress line; 1: erase it with `ESC [K`; 2: the terminal cannot erase (`TERM=dumb`).
    nonisolated(unsafe) static var isShown: sig_atomic_t = 0
    /// The signal that asked a writer to stop (SIGINT, SIGTERM or SIGHUP).
    nonisolated(unsafe) static var signal: sig_atomic_t = SIGINT
}
