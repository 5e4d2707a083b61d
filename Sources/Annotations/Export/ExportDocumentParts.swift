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
    /// part in index order.
    static func build<Part: Sendable>(count: Int, _ make: @Sendable (Int) -> Part, _ consume: (Int, Part) -> Void) {
        var first = 0
        while first < count {
            let size = min(batch, count - first)
            let start = first
            first += size
            guard size > 1 else {
                consume(start, make(start))
                continue
            }
            let storage = UnsafeMutableBufferPointer<Part>.allocate(capacity: size)
            guard let base = storage.baseAddress else {
                for index in start..<(start + size) { consume(index, make(index)) }
                continue
            }
            let slots = PartSlots(base: base)
            DispatchQueue.concurrentPerform(iterations: size) { index in
                (slots.base + index).initialize(to: make(start + index))
            }
            for index in 0..<size { consume(start + index, (base + index).move()) }
            storage.deallocate()
        }
    }
}

/// The slots of one batch: each worker initializes its own, disjoint slot.
private struct PartSlots<Part>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Part>
}
