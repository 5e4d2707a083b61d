import Foundation

/// The offset tables of an export's documents, each made when it is first asked for and dropped
/// again when the document has been exported (``release(_:)``), so that an export holds the tables
/// of the documents it is working on rather than of the whole corpus (a table takes about eight
/// bytes per scalar: 0.65 GB for 80 MB of text). A table asked for again is made again.
///
/// Read from every core at once: the slots are guarded by one lock, held only to look a slot up or
/// fill it, never while a table is made.
final class ExportOffsetTables: @unchecked Sendable {
    private let documents: [SegmentedDocument]
    private let lock = NSLock()
    private var built: [OffsetTable?]
    private var made = 0

    /// Tables for `documents`, none made yet.
    init(_ documents: [SegmentedDocument]) {
        self.documents = documents
        built = Array(repeating: nil, count: documents.count)
    }

    /// The table of document `index`.
    subscript(index: Int) -> OffsetTable {
        if let known = lock.withLock({ built[index] }) { return known }
        let table = OffsetTable(documents[index].document.text)
        lock.withLock {
            built[index] = table
            made += 1
        }
        return table
    }

    /// Drops the table of document `index` (copies handed out stay valid).
    func release(_ index: Int) {
        lock.withLock { built[index] = nil }
    }

    /// How many tables have been made so far (a table made again counts again).
    var madeCount: Int { lock.withLock { made } }

    /// How many tables are held now.
    var heldCount: Int { lock.withLock { built.reduce(0) { $0 + ($1 == nil ? 0 : 1) } } }
}
