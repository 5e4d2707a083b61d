import Dispatch
import Foundation

/// Catches Ctrl-C while something long runs (replay `play`), so it stops that instead of the program.
/// Install with ``catching(_:)``; the previous SIGINT handling is restored afterwards.
final class InterruptFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false

    /// Whether Ctrl-C was pressed since the flag was installed.
    var isRaised: Bool {
        lock.lock()
        defer { lock.unlock() }
        return raised
    }

    private func raise() {
        lock.lock()
        raised = true
        lock.unlock()
    }

    /// Runs `body` with SIGINT turned into a raised flag.
    static func catching<R>(_ body: (InterruptFlag) -> R) -> R {
        let flag = InterruptFlag()
        let previous = signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue.global())
        source.setEventHandler { flag.raise() }
        source.resume()
        defer {
            source.cancel()
            signal(SIGINT, previous)
        }
        return body(flag)
    }
}
