import Foundation

/// A limit on how many child processes the tests run at once. Async tests no longer hold a thread
/// while a child runs, so without a limit every test would start its program at the same moment and
/// timing-sensitive tests (progress after a second, Ctrl-C during a load) would starve.
public actor ChildSlots {
    /// The slots shared by every test in the process: one per core, at least two.
    public static let shared = ChildSlots(count: max(2, ProcessInfo.processInfo.activeProcessorCount))

    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Slots for `count` children at once.
    public init(count: Int) { free = count }

    /// Runs `body` once a slot is free; the slot is given back when `body` ends (each child that
    /// holds one has its own deadline, so a wait here is bounded by theirs).
    public func withSlot<Value: Sendable>(_ body: @Sendable () async throws -> Value) async throws -> Value {
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}
