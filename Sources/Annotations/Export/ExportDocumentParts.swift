import Foundation

/// Builds one part of an export per document on all cores and hands the parts on in document
/// order, so the files are byte for byte those of a loop over the documents. In the formats with a
/// file per document (brat, WebAnno) documents are independent, and building them is most of the
/// export's work. Documents go in batches, so only one batch of parts waits in memory.
enum ExportDocumentParts {
    /// Documents per batch.
    static let batch = 256

    /// Calls `make` for every document of `bundle` (on all cores), then `consume` with each part in
    /// document order; a document's offset table is dropped as soon as its part is made (see
    /// ``ExportOffsetTables``), so only the tables of the documents being built are held.
    static func build<Part: Sendable>(_ bundle: ExportBundle, _ make: @Sendable (Int) -> Part, _ consume: (Int, Part) -> Void) {
        let tables = bundle.tables
        build(count: bundle.documents.count, { index in
            let part = make(index)
            tables.release(index)
            return part
        }, consume)
    }

    /// Calls `make` for every document index below `count` (on all cores), then `consume` with each
    /// part in index order. The next batch is built while the parts of the one before are consumed
    /// (written out), so the cores do not wait for the writing between batches; at most two
    /// batches of parts are held.
    static func build<Part: Sendable>(count: Int, _ make: @Sendable (Int) -> Part, _ consume: (Int, Part) -> Void) {
        guard count > 1 else {
            for index in 0..<count { consume(index, make(index)) }
            return
        }
        withoutActuallyEscaping(make) { make in
            /// Builds the parts of `start..<start + size` into a new batch, on all cores.
            @Sendable func batch(_ start: Int, _ size: Int) -> PartSlots<Part> {
                let slots = PartSlots<Part>(base: .allocate(capacity: size))
                DispatchQueue.concurrentPerform(iterations: size) { index in
                    (slots.base + index).initialize(to: make(start + index))
                }
                return slots
            }
            var start = 0
            var size = min(Self.batch, count)
            var current = batch(start, size)
            while true {
                let nextStart = start + size
                let nextSize = min(Self.batch, count - nextStart)
                let next = NextBatch<Part>()
                let group = DispatchGroup()
                if nextSize > 0 {
                    DispatchQueue.global().async(group: group) { next.slots = batch(nextStart, nextSize) }
                }
                for index in 0..<size { consume(start + index, (current.base + index).move()) }
                current.base.deallocate()
                guard nextSize > 0 else { return }
                group.wait()
                let slots = next.slots ?? batch(nextStart, nextSize)
                (start, size, current) = (nextStart, nextSize, slots)
            }
        }
    }
}

/// The batch built while the one before is consumed, handed over once its group is done.
private final class NextBatch<Part>: @unchecked Sendable {
    var slots: PartSlots<Part>?
}

/// The slots of one batch: each worker initializes its own, disjoint slot.
private struct PartSlots<Part>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Part>
}
