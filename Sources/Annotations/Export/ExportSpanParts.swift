/// Each exported document's lists of spans as the stretches of every session placed them
/// (``ExportPlacedSpans``), held so that the one worker joining a document's spans takes its lists
/// over instead of copying them. Copying a list retains every span's shared fields, and releasing
/// the stretches afterwards releases them all again: at a million annotations that was a pass over a
/// million objects scattered in memory, on the main thread.
///
/// Lists are put in on one thread; afterwards each document's lists are taken by one worker only
/// (``take(document:list:)``), which is what makes sharing the table between workers safe.
final class ExportSpanParts: @unchecked Sendable {
    /// How many lists each document has.
    let listsPerDocument: Int
    private let storage: UnsafeMutableBufferPointer<[ExportSpan]>

    /// A table of empty lists: `listsPerDocument` for each of `documentCount` documents.
    init(documentCount: Int, listsPerDocument: Int) {
        self.listsPerDocument = listsPerDocument
        storage = .allocate(capacity: documentCount * listsPerDocument)
        storage.initialize(repeating: [])
    }

    deinit {
        storage.deinitialize().deallocate()
    }

    /// Moves `list` into the table as list `index` of `document`, leaving `list` empty.
    func put(_ list: inout [ExportSpan], document: Int, list index: Int) {
        swap(&list, &storage[document * listsPerDocument + index])
    }

    /// Takes list `index` of `document` out of the table (leaving an empty list there): the
    /// caller then holds the only reference to it.
    func take(document: Int, list index: Int) -> [ExportSpan] {
        var list: [ExportSpan] = []
        swap(&list, &storage[document * listsPerDocument + index])
        return list
    }
}
