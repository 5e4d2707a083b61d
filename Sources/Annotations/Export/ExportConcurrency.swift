import Foundation

/// Independent per-document work of an export, done on all cores with the results kept in order.
enum ExportConcurrency {
    /// `make(index)` for every index below `count`, computed on all cores, in index order.
    static func map<Result: Sendable>(count: Int, _ make: @Sendable (Int) -> Result) -> [Result] {
        guard count > 1 else { return (0..<count).map(make) }
        let storage = UnsafeMutableBufferPointer<Result>.allocate(capacity: count)
        guard let base = storage.baseAddress else { return (0..<count).map(make) }
        let slots = ResultSlots(base: base)
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, count)
        // Workers take every `workers`-th index, so neighbouring (often similar) documents spread evenly.
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < count {
                (slots.base + index).initialize(to: make(index))
                index += workers
            }
        }
        let results = Array(storage)
        storage.deinitialize().deallocate()
        return results
    }
}

/// Each worker initializes its own, disjoint slots.
private struct ResultSlots<Result>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Result>
}
