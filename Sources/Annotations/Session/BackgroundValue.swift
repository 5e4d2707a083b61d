import Foundation

/// A value computed on another thread while the caller does something else (the log read while
/// the snapshot beside it is decoded, or the other way round; sessions read while a command loads
/// its corpus), handed over by ``wait()``.
package final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    // Written by the worker before it leaves `done`, read only after waiting for it.
    private var value: Value?

    /// Starts computing `work()`.
    package init(_ work: @escaping @Sendable () -> Value) {
        done.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            value = work()
            done.leave()
        }
    }

    /// The value, once computed.
    package func wait() -> Value? {
        done.wait()
        return value
    }
}
