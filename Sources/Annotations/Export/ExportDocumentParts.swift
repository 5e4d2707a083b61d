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
    /// part in index order. While `consume` takes one batch's parts (on this thread: writing them
    /// out is serial), the next batch is already being built, so the cores do not wait for it.
    static func build<Part: Sendable>(count: Int, _ make: @Sendable (Int) -> Part, _ consume: (Int, Part) -> Void) {
        guard count > 0 else { return }
        withoutActuallyEscaping(make) { make in
            var batches: [Range<Int>] = []
            var first = 0
            while first < count {
                let size = min(batch, count - first)
                batches.append(first..<(first + size))
                first += size
            }
            // The building thread reaches `make` through the box, which lets go of it before
            // this returns (however late the thread's own references go).
            let maker = PartMaker(make)
            defer { maker.clear() }
            var current = PartBatch<Part>(batches[0])
            current.build(make)
            for number in batches.indices {
                // The next batch is built on other threads meanwhile; waited for before its turn.
                let next = number + 1 < batches.count ? PartBatch<Part>(batches[number + 1]) : nil
                let built = DispatchGroup()
                if let next {
                    DispatchQueue.global(qos: .userInitiated).async(group: built) { maker.build(next) }
                }
                for index in current.range { consume(index, current.take(index)) }
                current.release()
                guard let next else { break }
                built.wait()
                current = next
            }
        }
    }
}

/// The parts of one batch of documents: each is made by exactly one worker into its own slot, then
/// taken once, in order, by the consumer.
private struct PartBatch<Part: Sendable>: @unchecked Sendable {
    let range: Range<Int>
    private let base: UnsafeMutablePointer<Part>

    init(_ range: Range<Int>) {
        self.range = range
        base = UnsafeMutablePointer<Part>.allocate(capacity: range.count)
    }

    /// Makes every part of the batch on all cores.
    func build(_ make: @Sendable (Int) -> Part) {
        let start = range.lowerBound
        if range.count == 1 {
            base.initialize(to: make(start))
            return
        }
        DispatchQueue.concurrentPerform(iterations: range.count) { offset in
            (base + offset).initialize(to: make(start + offset))
        }
    }

    /// The part of document `index` (moved out of its slot).
    func take(_ index: Int) -> Part { (base + (index - range.lowerBound)).move() }

    /// Frees the slots (every part taken).
    func release() { base.deallocate() }
}

/// Holds `make` for the thread that builds the next batch, until ``clear()``.
private final class PartMaker<Part: Sendable>: @unchecked Sendable {
    // Set before the first batch is handed over and cleared after the last one was waited for.
    private var make: (@Sendable (Int) -> Part)?

    init(_ make: @escaping @Sendable (Int) -> Part) {
        self.make = make
    }

    /// Builds `batch` with `make`.
    func build(_ batch: PartBatch<Part>) {
        if let make { batch.build(make) }
    }

    /// Lets go of `make`.
    func clear() { make = nil }
}
