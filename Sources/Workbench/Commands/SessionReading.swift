import Annotations
import Foundation

/// Sessions read (opened without a lock, as ``SessionStore/load(path:)`` does) on a thread of
/// their own, so that a command can load its corpus meanwhile: for a large export the two take
/// about as long and do not depend on each other.
final class SessionReading: @unchecked Sendable {
    private let done = DispatchGroup()
    // Written by the thread before it leaves `done`, read only after waiting for it.
    private var result: Result<[(path: String, session: Session)], SessionError> = .success([])

    /// Starts reading the sessions at `paths`, in order; the first failure stops the reading.
    init(paths: [String]) {
        done.enter()
        let thread = Thread { [self] in
            var loaded: [(path: String, session: Session)] = []
            do throws(SessionError) {
                for path in paths { loaded.append((path, try SessionStore.load(path: path))) }
                result = .success(loaded)
            } catch {
                result = .failure(error)
            }
            done.leave()
        }
        thread.name = "reading sessions"
        thread.start()
    }

    /// The sessions once read, or the first failure.
    func wait() -> Result<[(path: String, session: Session)], SessionError> {
        done.wait()
        return result
    }
}
