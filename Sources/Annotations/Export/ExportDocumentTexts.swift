/// The exported documents of a corpus as an export reads them: each one's UTF-8 bytes, its scalar
/// index, its file name and its sentences' ends, and the documents by id. Made from the corpus and
/// the options alone, so the export command makes them while its sessions are still being read
/// (``ExportBundle/init(texts:sessions:)``), off the way from reading the sessions to writing.
public struct ExportDocumentTexts: Sendable {
    /// The whole corpus.
    let corpus: SegmentedCorpus
    /// The options the documents were chosen with.
    let options: ExportOptions
    /// The exported documents, in corpus order.
    let documents: [SegmentedDocument]
    /// UTF-8 bytes of each document's text, parallel to ``documents``.
    let bytes: [[UInt8]]
    /// Where each document's scalar offsets fall in its ``bytes``, parallel to ``documents``.
    let scalarIndex: [ExportScalarIndex]
    /// The file name of each document in formats with one file per document, parallel to ``documents``.
    let fileNames: [String]
    /// The exported documents' places in ``documents`` by id.
    let documentIndex: [String: Int]
    /// The ids of every document of the corpus (exported or not).
    let allIDs: Set<String>
    /// Each exported document's sentences' end offsets, parallel to ``documents``.
    let sentenceEnds: [[Int]]

    /// The documents of `corpus` that `options` choose; a document id the corpus does not have is
    /// refused (``ExportError/unknownDocument(_:available:)``).
    public init(corpus: SegmentedCorpus, options: ExportOptions = ExportOptions()) throws(ExportError) {
        self.corpus = corpus
        self.options = options
        var chosen = corpus.documents
        // Every document id, made once: for an unknown `--documents` id here and for the bundle's
        // test of an annotation outside the corpus.
        let allIDs = Set(corpus.documents.map(\.document.id))
        if let wanted = options.documents {
            for id in wanted where !allIDs.contains(id) {
                throw .unknownDocument(id, available: corpus.documents.map(\.document.id))
            }
            let wantedSet = Set(wanted)
            chosen = corpus.documents.filter { wantedSet.contains($0.document.id) }
        }
        documents = chosen
        // Each document's bytes and scalar index, made in one walk over its bytes, on all cores.
        let texts = chosen
        let cut = ExportConcurrency.map(count: texts.count) { index -> ([UInt8], ExportScalarIndex) in
            let bytes = Array(texts[index].document.text.utf8)
            return (bytes, bytes.withUnsafeBufferPointer { ExportScalarIndex($0) })
        }
        bytes = cut.map(\.0)
        scalarIndex = cut.map(\.1)
        fileNames = ExportText.fileNames(chosen.map(\.document.id))
        var documentIndex: [String: Int] = [:]
        documentIndex.reserveCapacity(chosen.count)
        for (index, document) in chosen.enumerated() { documentIndex[document.document.id] = index }
        self.documentIndex = documentIndex
        self.allIDs = allIDs
        sentenceEnds = chosen.map { $0.sentences.map(\.end) }
    }
}
