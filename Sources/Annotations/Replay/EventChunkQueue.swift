import Foundation

/// Hands decoded events from the thread that reads a session file to the thread that replays them,
/// in order, a chunk at a time.
final class EventChunkQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var chunks: [[Event]] = []
    private var next = 0
    private var closed = false
    private var cancelled = false
    private var usedTail = false

    /// True once either side stopped (``cancel()``).
    var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    /// True when the reader stopped where the replaying thread's own part of the list begins
    /// (see ``close(tailUsed:)``); read after ``take()`` returned nil.
    var tailUsed: Bool {
        condition.lock()
        defer { condition.unlock() }
        return usedTail
    }

    /// Adds a chunk; false when the consumer has stopped (the producer should stop too).
    func put(_ chunk: [Event]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if cancelled { return false }
        chunks.append(chunk)
        condition.signal()
        return true
    }

    /// No more chunks will come; `tailUsed`: the rest of the list is the part the replaying thread read.
    func close(tailUsed: Bool) {
        condition.lock()
        closed = true
        usedTail = tailUsed
        condition.signal()
        condition.unlock()
    }

    /// Either side stops: later ``put(_:)`` calls return false and ``take()`` returns nil.
    func cancel() {
        condition.lock()
        cancelled = true
        closed = true
        chunks = []
        next = 0
        condition.broadcast()
        condition.unlock()
    }

    /// The next chunk, waiting for it; nil once the queue is closed and empty.
    func take() -> [Event]? {
        condition.lock()
        defer { condition.unlock() }
        while next == chunks.count, !closed { condition.wait() }
        guard next < chunks.count else { return nil }
        let chunk = chunks[next]
        chunks[next] = []
        next += 1
        if next == chunks.count {
            chunks.removeAll(keepingCapacity: true)
            next = 0
        }
        return chunk
    }
}
