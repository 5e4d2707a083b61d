import Foundation
import Synchronization

/// A value computed on another thread while the caller does something else, handed over by ``wait()``.
package final class BackgroundValue<Value: Sendable>: Sendable {
    private let done = DispatchGroup()
    private let value = Mutex<Value?>(nil)

    /// Starts computing `work()`.
    package init(_ work: @escaping @Sendable () -> Value) {
        done.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let result = work()
            value.withLock { $0 = result }
            done.leave()
        }
    }

    /// The value, once computed.
    package func wait() -> Value? {
        done.wait()
        return value.withLock { $0 }
    }
}
