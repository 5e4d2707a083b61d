import Foundation

extension SessionVerifier {
    /// Verifies a session file from its bytes; `path` is used in error messages.
    ///
    /// A file laid out as the workbench writes it is verified without decoding it into a
    /// ``SessionFile``: one thread reads the event list and hands the events on in chunks, another
    /// replays them as they come (and reads the last part of the list itself beforehand); then both
    /// read the stored annotations, a half each, and compare them with the replayed state as they
    /// go. Neither the log nor the stored annotations are kept, which for a log of a million events
    /// saves most of the time and memory. If anything is unusual — another layout, a mismatch, an
    /// event that does not apply, bytes that are not a valid session — the file is decoded and
    /// verified the ordinary way (``verify(_:)``), so the report and the errors are always the ones
    /// that way gives.
    public func verify(_ data: Data, path: String) throws(SessionError) -> Report {
        let fast = data.withUnsafeBytes { raw in Self.verifyInPlace(raw.bindMemory(to: UInt8.self)) }
        if let fast { return fast }
        return verify(try SessionCodec.decode(data, path: path))
    }

    /// Events handed from the reading thread to the replaying thread at a time.
    static let chunkSize = 4096

    /// The share of the event list (in bytes) the reading thread reads; the replaying thread checks
    /// the file's UTF-8 and reads the rest before it starts replaying, which evens out the work of
    /// the two threads (reading an event takes about as long as applying it).
    static let readingShare = 0.9

    /// Where the second thread starts reading, for tests: any offsets must give the same result as
    /// the ordinary way, or nil.
    struct SplitPoints {
        /// Where the replaying thread starts reading events (nil: it reads none).
        var eventTail: Int?
        /// Where the replaying thread starts reading stored annotations (nil: it reads none).
        var annotationTail: Int?
    }

    /// The report for a valid, matching file laid out as the workbench writes it; nil otherwise.
    /// `splits` overrides where the second thread starts reading (by default: chosen from the size).
    static func verifyInPlace(_ bytes: UnsafeBufferPointer<UInt8>, splits: SplitPoints? = nil) -> Report? {
        guard let landmarks = SessionFileLandmarks(bytes), let schema = landmarks.schema(in: bytes) else { return nil }

        // Where the replaying thread starts reading events: most of the way to the end of the list.
        let eventTailStart = landmarks.likelyEventStart(at: readingShare, in: bytes, minimumSize: 1 << 20)
        let replay = InPlaceReplay(
            bytes: bytes, schema: schema, listStart: landmarks.events, eventTailStart: splits.map(\.eventTail) ?? eventTailStart,
            annotationTailStart: splits.map(\.annotationTail) ?? landmarks.annotationsMiddle)
        replay.start()
        // The replaying thread reads the bytes and holds the replayed state: wait for it, then let
        // another thread free the state (for a million events that takes a while; whoever asked
        // for the report need not wait for it).
        defer {
            replay.waitUntilDone()
            DispatchQueue.global(qos: .utility).async { withExtendedLifetime(replay) {} }
        }

        // This thread reads the event list while the other replays it.
        var events = SessionFileDecoder(bytes, at: landmarks.events)
        events.eventsForReplay = true
        var eventCount = 0
        var tailUsed = false
        let end = try? events.streamEventList(
            chunkSize: chunkSize, tailStart: replay.eventTailStart,
            takeTail: {
                guard let tail = replay.waitForEventTail() else { return nil }
                eventCount += tail.count
                tailUsed = true
                return tail.end
            },
            { chunk in
                eventCount += chunk.count
                return replay.queue.put(chunk)
            })
        guard let end else {
            replay.queue.cancel()
            return nil
        }
        replay.queue.close(tailUsed: tailUsed)
        guard let check = replay.waitForCheck() else { return nil }

        // Then the rest of the file, comparing the stored annotations as they are read (the other
        // thread reads the second half of them).
        var decoder = SessionFileDecoder(bytes)
        decoder.eventsAlreadyRead = (landmarks.events, end)
        decoder.storedAnnotationCheck = check
        guard let file = try? decoder.sessionFile(), (try? decoder.reader.expectEnd()) != nil, file.hasReadableHeader,
            file.schema == schema, check.agrees(apartFromTheList: file)
        else { return nil }
        return Report(
            events: eventCount, annotations: check.state.recordCount, documents: replay.waitForDocumentCount(), logProblem: nil,
            differences: [])
    }
}
