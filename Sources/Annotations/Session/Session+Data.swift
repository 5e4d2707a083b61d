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
    static func readInPlace(
        _ bytes: UnsafeBufferPointer<UInt8>, path: String, minimumSplitSize: Int = SessionFileDecoder.splitSize
    ) -> Session? {
        // A long log is decoded in two halves at once; while the second half is still being decoded,
        // the first is replayed (with the schema found ahead of the events, checked afterwards).
        let landmarks = SessionFileLandmarks(bytes)
        let early = EarlyReplay(schema: landmarks?.schema(in: bytes))
        guard let (file, stored) = SessionFileDecoder.decodeSkippingStoredAnnotations(
                bytes, landmarks: landmarks, minimumSplitSize: minimumSplitSize, whileWaitingForSecondHalf: early.replay),
            file.hasReadableHeader
        else { return nil }
        var replayed = early.result(for: file)
        if replayed == nil {
            var state = AnnotationState(schema: file.schema)
            if state.apply(contentsOf: file.events) == nil { replayed = state }
        }
        guard let state = replayed else { return nil }
        let session = Session(file: file, replayed: state)
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

/// The first half of a log replayed while its second half is still being decoded (see
/// ``Session/readInPlace(_:path:minimumSplitSize:)``).
private final class EarlyReplay {
    private var state: AnnotationState?
    private var count = 0

    /// Ready to replay with `schema` (nil: nothing is replayed early).
    init(schema: AnnotationSchema?) {
        state = schema.map { AnnotationState(schema: $0) }
    }

    /// Replays the first events of the log.
    func replay(_ events: [Event]) {
        guard var replayed = state.take() else { return }
        if replayed.apply(contentsOf: events) != nil { return }
        state = replayed
        count = events.count
    }

    /// The state the whole log of `file` gives, going on from the early part; nil when nothing was
    /// replayed early (or it was replayed with another schema, or an event did not apply).
    func result(for file: SessionFile) -> AnnotationState? {
        guard var replayed = state.take(), count > 0, count <= file.events.count, replayed.schema == file.schema else { return nil }
        if replayed.applyWithoutReserving(Array(file.events[count...])) != nil { return nil }
        return replayed
    }
}
