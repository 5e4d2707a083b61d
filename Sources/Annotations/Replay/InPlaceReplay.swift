import Foundation

/// The replaying side of ``SessionVerifier/verifyInPlace(_:)``, on a thread of its own: reads the
/// last part of the event list, replays the events the reading thread hands over and then that
/// part, then compares the second half of the stored annotations and counts the documents.
final class InPlaceReplay: @unchecked Sendable {
    /// Where the reading thread puts the decoded events.
    let queue = EventChunkQueue()
    private let bytes: UnsafeBufferPointer<UInt8>
    private let schema: AnnotationSchema
    /// Where this thread starts reading events, if it reads the end of the list.
    let eventTailStart: Int?
    /// Where the event list starts.
    private let listStart: Int
    private let annotationTailStart: Int?
    private let done = DispatchGroup()
    private let eventTailRead = DispatchGroup()
    private let checkReady = DispatchSemaphore(value: 0)
    // Each written before the group is left / the semaphore signalled that guards it, and read only
    // after waiting for that.
    private var eventTail: (events: [Event], end: Int)?
    private var check: StoredAnnotationCheck?
    private var documents = 0
    private var isValidUTF8 = false

    /// A replay of the file in `bytes` (which must outlive it), with the schema given.
    init(bytes: UnsafeBufferPointer<UInt8>, schema: AnnotationSchema, listStart: Int, eventTailStart: Int?, annotationTailStart: Int?) {
        self.bytes = bytes
        self.listStart = listStart
        self.schema = schema
        self.eventTailStart = eventTailStart
        self.annotationTailStart = annotationTailStart
    }

    /// Starts the thread.
    func start() {
        done.enter()
        eventTailRead.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            run()
            done.leave()
        }
    }

    private func run() {
        // The decoder repairs invalid UTF-8 rather than refusing it: the bytes are checked here.
        isValidUTF8 = UTF8Validation.isValid(bytes)
        if isValidUTF8, let eventTailStart {
            var decoder = SessionFileDecoder(bytes, at: eventTailStart)
            decoder.eventsForReplay = true
            eventTail = try? decoder.eventsToListEnd()
        }
        eventTailRead.leave()
        guard isValidUTF8 else {
            queue.cancel()
            checkReady.signal()
            return
        }
        var state = AnnotationState(schema: schema)
        // The end of the list tells roughly how many records and changes the whole list makes.
        if let eventTailStart, let tail = eventTail, tail.end > eventTailStart {
            // (At most 64 times the end: a short end of a long list says little about the rest.)
            let scale = Double(tail.end - listStart) / Double(tail.end - eventTailStart)
            state.reserveCapacity(for: tail.events, scaledBy: min(max(scale, 1), 64))
        }
        var failed = false
        while let chunk = queue.take() {
            if state.applyWithoutReserving(chunk) != nil {
                failed = true
                break
            }
        }
        if !failed, queue.tailUsed, let tail = eventTail.take() {
            failed = state.applyWithoutReserving(tail.events) != nil
        }
        if failed || queue.isCancelled {
            queue.cancel()
            checkReady.signal()
            return
        }
        let check = StoredAnnotationCheck(state: state, tailStart: annotationTailStart)
        self.check = check
        checkReady.signal()
        check.compareTail(in: bytes)
        documents = SessionVerifier.documentCount(state)
    }

    /// The events this thread read from the event tail start to the end of the list (their count
    /// and the offset after the list's `]`), or nil if they are not the rest of an event list.
    func waitForEventTail() -> (count: Int, end: Int)? {
        eventTailRead.wait()
        return eventTail.map { ($0.events.count, $0.end) }
    }

    /// The comparison against the replayed state, once every event has applied; nil if one did not
    /// or the file is not valid UTF-8.
    func waitForCheck() -> StoredAnnotationCheck? {
        checkReady.wait()
        return check
    }

    /// Documents that have at least one annotation or status in the replayed state.
    func waitForDocumentCount() -> Int {
        done.wait()
        return documents
    }

    /// Waits for the thread to finish.
    func waitUntilDone() {
        done.wait()
    }
}
