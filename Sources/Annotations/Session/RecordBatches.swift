import Foundation
import Synchronization

/// Records handed, batch by batch, from the thread that decodes a snapshot to the one that stores
/// them in a state, so that storing goes on while decoding does. The sender ends with
/// ``end(void:)``; a void end (the snapshot was then decoded another way, or not at all) drops
/// what was sent, and the receiver starts again from the decoded file.
final class RecordBatches: Sendable {
    private let queue = Mutex<(batches: [[Record]], ended: Bool, void: Bool)>(([], false, false))
    private let ready = DispatchSemaphore(value: 0)

    /// Hands over the next batch.
    func send(_ batch: [Record]) {
        queue.withLock { $0.batches.append(batch) }
        ready.signal()
    }

    /// No batch follows; with `void`, those sent do not count.
    func end(void: Bool) {
        queue.withLock { queue in
            queue.ended = true
            queue.void = void
            if void { queue.batches = [] }
        }
        ready.signal()
    }

    /// The next batch in the order sent, once there; nil when the sender has ended.
    func next() -> [Record]? {
        while true {
            ready.wait()
            let (batch, ended) = queue.withLock { queue -> ([Record]?, Bool) in
                queue.batches.isEmpty ? (nil, queue.ended) : (queue.batches.removeFirst(), false)
            }
            if let batch { return batch }
            if ended { return nil }
        }
    }

    /// Whether the batches sent do not count (known once ``next()`` gave nil).
    var isVoid: Bool { queue.withLock { $0.void } }
}
