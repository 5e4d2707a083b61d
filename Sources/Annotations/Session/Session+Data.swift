import Foundation

extension Session {
    /// A session read from the bytes of its file (`path` is used in error messages): the log is
    /// replayed and the stored annotations must agree with it, as with ``init(file:path:)``.
    ///
    /// A file laid out as the workbench writes it is read without decoding its stored annotations:
    /// they are compared with the replayed state byte for byte (see ``StoredAnnotationCheck``), on
    /// two threads for a long list. Anything unusual — a difference, another layout, bytes that are
    /// not a valid session — sends the file the ordinary way (``SessionCodec/decode(_:path:)``, then
    /// ``init(file:path:)``), so the errors are always the ones that way gives.
    public init(data: Data, path: String) throws(SessionError) {
        let fast = data.withUnsafeBytes { raw in Self.readInPlace(raw.bindMemory(to: UInt8.self), path: path) }
        if let fast {
            self = fast
            return
        }
        try self.init(file: SessionCodec.decode(data, path: path), path: path)
    }

    /// Stored annotation lists at least this long (in bytes) are compared on two threads.
    static let twoPartComparisonSize = 1 << 20

    /// The session when `bytes` are a valid session file whose stored annotations agree with its
    /// log; nil otherwise.
    static func readInPlace(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> Session? {
        guard let (file, stored) = SessionFileDecoder.decodeSkippingStoredAnnotations(bytes), file.hasReadableHeader,
            let session = try? Session(replaying: file, path: path)
        else { return nil }
        let state = session.state
        let middle = stored.count >= twoPartComparisonSize
            ? EventListSplit.likelyElementStart(in: bytes, from: stored.lowerBound + stored.count / 2).flatMap { $0 < stored.upperBound ? $0 : nil }
            : nil
        let check = StoredAnnotationCheck(state: state, tailStart: middle)
        if middle != nil { check.compareTailInBackground(in: bytes) }
        // The other thread reads the bytes: wait for it before they may go away.
        defer { check.waitForTail() }
        var decoder = SessionFileDecoder(bytes, at: stored.lowerBound)
        guard (try? check.compareList(&decoder)) != nil, decoder.reader.position == stored.upperBound,
            check.agrees(apartFromTheList: file)
        else { return nil }
        return session
    }
}
