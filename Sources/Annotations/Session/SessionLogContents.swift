import Foundation
import Synchronization

/// What the bytes of a session log (`NAME.jsonl`) hold: the header line, every complete line after
/// it, and a torn last line (bytes after the last line break: an append cut short by a crash or a
/// full disk, never acknowledged).
///
/// Line boundaries are event boundaries, so a long log is decoded in parts by two threads at once,
/// each part ending at a line break: no guessing. `{"event":…}` lines are read by the hand-written
/// event decoder (tested against `Codable`); other lines by `JSONDecoder`.
public struct SessionLogContents: Sendable {
    /// The header (first line).
    public var header: LogHeader
    /// The events decoded, in order (those after ``decodedFrom``).
    public var events: [Event] = []
    /// Where decoding began: the lines before this byte offset (after the header) were counted,
    /// not decoded (0: every line was decoded).
    public var decodedFrom = 0
    /// The events in the lines before ``decodedFrom``, counted by their `{"event":` start.
    public var skippedEvents = 0
    /// The `undo` events among them, counted by their `{"event":{"action":"undo"` start (the way
    /// the log writer lays an event line out).
    public var skippedUndos = 0
    /// Every event of the log, decoded or counted.
    public var eventCount: Int { skippedEvents + events.count }
    /// The last cursor line, if any (cursor, corpus and settings lines: the last one wins).
    public var cursor: SentenceKey?
    /// The last corpus line (a re-anchoring), if any.
    public var corpus: CorpusReference?
    /// The last settings line, if any.
    public var settings: SessionSettings?
    /// How many bytes end in a line break (the log cut back to its last complete line).
    public var completeLength = 0
    /// The bytes after the last line break.
    public var tornTail = Data()
    /// The ``LogDigest`` of the log's first bytes, when asked for (`digestingFirst`).
    var prefixDigest: String?
    /// How many events those first bytes hold, when they end where a line ends.
    private var prefixEvents: Int?
    private var prefixDigestLength: Int?

    /// Logs at least this large are decoded on two threads at once, in parts of about ``partBytes`` bytes.
    static let parallelSize = 1 << 20
    /// The bytes of one part of a long log (about 8 000 event lines), cut at the next line break.
    package static let partBytes = 2 << 20

    /// The contents of a log's bytes. A missing or unreadable header is ``SessionError/foreign(path:found:)``;
    /// a complete line that is not an entry is ``SessionError/journalDamaged(path:line:reason:)``.
    ///
    /// With `forReplay`, event times are not kept (for verification). With `decodingFrom`, the
    /// lines before that byte offset are only counted (events, undo events), not decoded: for an
    /// opening from a snapshot that reflects them; an offset that is not where a line begins
    /// decodes every line. With `digestingFirst`, the digest of that many first bytes is taken
    /// (``prefixDigest``; on the other thread, once it has nothing left to decode) and the events
    /// in them counted (``events(before:)``).
    ///
    /// With `consume`, the events are handed over part by part, in order, on the calling thread,
    /// while another thread decodes the parts after them: replaying a long log then takes about as
    /// long as decoding it. `consume` gets the header, a part's events and the number of parts;
    /// once it returns false it gets no more.
    package init(
        _ data: Data, path: String, forReplay: Bool = false, decodingFrom offset: Int = 0, digestingFirst digested: Int? = nil,
        partBytes: Int = partBytes, consuming consume: ((LogHeader, [Event], Int) -> Bool)? = nil
    ) throws(SessionError) {
        do {
            self = try data.withUnsafeBytes { raw in
                try Self.read(raw.bindMemory(to: UInt8.self), path: path, forReplay: forReplay, from: offset, digesting: digested, partBytes: partBytes, consume: consume)
            }
        } catch let error as SessionError { throw error } catch { throw .io(path: path, reason: "\(error)") }
    }

    /// How many events the log's first `length` bytes hold, when that is known: where decoding
    /// began, the bytes digested (at a line's end), or the whole log.
    func events(before length: Int) -> Int? {
        if length == decodedFrom { return skippedEvents }
        if let prefixEvents, length == prefixDigestLength { return prefixEvents }
        return length == completeLength ? eventCount : nil
    }

    private init(header: LogHeader) {
        self.header = header
    }

    private static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, path: String, forReplay: Bool, from offset: Int, digesting digested: Int?, partBytes: Int,
        consume: ((LogHeader, [Event], Int) -> Bool)?
    ) throws(SessionError) -> SessionLogContents {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { throw .empty(path) }
        guard let headerEnd = lineBreak(in: bytes, from: 0) else {
            throw .foreign(path: path, found: "it has no complete first line (a log starts with a header line)")
        }
        let header: LogHeader
        do {
            header = try JSONDecoder().decode(LogHeader.self, from: Data(UnsafeBufferPointer(rebasing: bytes[..<headerEnd])))
        } catch {
            throw .foreign(path: path, found: "its first line is not a session log header")
        }
        guard header.format == LogHeader.formatName else {
            throw .foreign(path: path, found: "its first line names the format \"\(header.format)\"")
        }
        guard header.version <= SessionFile.currentVersion else {
            throw .newerVersion(path: path, version: header.version, supported: SessionFile.currentVersion)
        }
        var contents = SessionLogContents(header: header)
        // The complete lines end at the last line break; what follows it is a torn append.
        var complete = bytes.count
        while complete > headerEnd + 1, base[complete - 1] != 0x0A { complete -= 1 }
        contents.completeLength = complete
        if complete < bytes.count { contents.tornTail = Data(UnsafeBufferPointer(rebasing: bytes[complete...])) }
        var bodyStart = headerEnd + 1
        // Lines before `offset` (where a line begins) are counted, not decoded.
        if offset > headerEnd, offset <= complete, bytes[offset - 1] == 0x0A {
            let eventStart = Array("{\"event\":".utf8), undoStart = Array("{\"event\":{\"action\":\"undo\"".utf8)
            var events = 0, undos = 0
            while bodyStart < offset, let end = lineBreak(in: bytes, from: bodyStart) {
                let text = UnsafeBufferPointer(rebasing: bytes[bodyStart..<end])
                if text.starts(with: eventStart) {
                    events += 1
                    if text.starts(with: undoStart) { undos += 1 }
                }
                bodyStart = end + 1
            }
            contents.decodedFrom = offset
            contents.skippedEvents = events
            contents.skippedUndos = undos
        }
        // A long log in parts of about `partBytes` bytes, each ending at a line break (every line
        // is whole), decoded by two threads: each decodes the next part nobody has begun, finding
        // its own lines; this one takes the parts in order and, rather than wait for one, decodes.
        var parts: [Range<Int>] = []
        if bytes.count >= parallelSize {
            var partStart = bodyStart
            while partStart < complete {
                let partEnd = partStart + partBytes >= complete ? complete : (lineBreak(in: bytes, from: partStart + max(partBytes, 1) - 1) ?? complete - 1) + 1
                parts.append(partStart..<partEnd)
                partStart = partEnd
            }
        } else if bodyStart < complete {
            parts = [bodyStart..<complete]
        }
        nonisolated(unsafe) let shared = bytes
        let ranges = parts
        let digest: @Sendable () -> String? = {
            digested.map { length in LogDigest.of(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(shared)[..<min(length, shared.count)])) }
        }
        let decoding = PartDecoding(count: ranges.count) { part in
            Self.decode(ranges[part], in: shared, path: path, forReplay: forReplay, mark: digested)
        }
        let helper = parts.count > 1 ? decoding.startHelper(then: digest) : nil
        defer { helper?.wait() }
        var consuming = consume != nil
        contents.prefixDigestLength = digested
        if digested == bodyStart { contents.prefixEvents = contents.skippedEvents }
        for index in parts.indices {
            var decoded: Part
            do { decoded = try decoding.result(index).get() } catch {
                decoding.stop()
                throw error
            }
            if consuming, let consume { consuming = consume(header, decoded.events, parts.count) }
            if let atMark = decoded.eventsAtMark { contents.prefixEvents = contents.eventCount + atMark }
            if contents.events.isEmpty {
                // Handed over, not shared: reserving then moves the events instead of copying them.
                contents.events = decoded.events
                decoded.events = []
                if parts.count > 1 { contents.events.reserveCapacity(contents.events.count * parts.count) }
            } else {
                Self.move(&decoded.events, to: &contents.events)
            }
            if let cursor = decoded.cursor { contents.cursor = cursor }
            if let corpus = decoded.corpus { contents.corpus = corpus }
            if let settings = decoded.settings { contents.settings = settings }
        }
        contents.prefixDigest = helper.map { decoding.digest(after: $0) } ?? digest()
        return contents
    }

    /// Appends `part`'s events to `events` by moving them, without a retain and a release per event
    /// as `append(contentsOf:)` makes; `part` is left holding as many empty events.
    private static func move(_ part: inout [Event], to events: inout [Event]) {
        let start = events.count, count = part.count
        let empty = Event(seq: 0, time: "", annotator: "", action: .undo)
        events.append(contentsOf: repeatElement(empty, count: count))
        events.withUnsafeMutableBufferPointer { target in
            part.withUnsafeMutableBufferPointer { source in
                guard let to = target.baseAddress, let from = source.baseAddress else { return }
                (to + start).moveUpdate(from: from, count: count)
                from.initialize(repeating: empty, count: count)
            }
        }
    }

    /// Where the first line break at or after `start` is, if any.
    private static func lineBreak(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count, let found = memchr(base + start, 0x0A, bytes.count - start) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    private struct Part: Sendable {
        var events: [Event] = []
        /// How many of the events lie before the mark, when a line of the part ends there.
        var eventsAtMark: Int?
        var cursor: SentenceKey?
        var corpus: CorpusReference?
        var settings: SessionSettings?
    }

    /// Decodes the lines in `range` (which begins where a line begins and ends after a line
    /// break), counting the events before byte `mark` when a line ends there.
    private static func decode(
        _ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, path: String, forReplay: Bool, mark: Int?
    ) -> Result<Part, SessionError> {
        var part = Part()
        part.events.reserveCapacity(range.count / 128)
        let eventStart = Array("{\"event\":".utf8)
        var lineStart = range.lowerBound
        while lineStart < range.upperBound, let lineEnd = lineBreak(in: bytes, from: lineStart) {
            defer {
                lineStart = lineEnd + 1
                if lineStart == mark { part.eventsAtMark = part.events.count }
            }
            if lineEnd == lineStart { continue }
            let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
            if line.count > eventStart.count, line.starts(with: eventStart), UTF8Validation.firstInvalidOffset(in: line) == nil,
                let event = try? SessionFileDecoder.logEvent(line, forReplay: forReplay)
            {
                part.events.append(event)
                continue
            }
            let entry: JournalEntry
            do {
                entry = try JSONDecoder().decode(JournalEntry.self, from: Data(line))
            } catch {
                // The line number is counted only to name the damaged line.
                let number = UnsafeBufferPointer(rebasing: bytes[..<lineStart]).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
                let problem = (error as? DecodingError).flatMap(SessionCodec.fieldProblem).map { "at \($0.at): \($0.expected)" }
                return .failure(.journalDamaged(path: path, line: number, reason: "not a log entry (\(problem ?? "malformed JSON"))"))
            }
            switch entry {
            case .event(let event):
                part.events.append(forReplay ? Event(seq: event.seq, time: "", annotator: event.annotator, action: event.action, group: event.group) : event)
            case .cursor(let key): part.cursor = key
            case .corpus(let corpus): part.corpus = corpus
            case .settings(let settings): part.settings = settings
            }
        }
        return .success(part)
    }

    /// The parts of a log decoded by two threads: each part is decoded once, by whichever thread
    /// begins it first; the reading thread takes the results in order.
    private final class PartDecoding: Sendable {
        private let decode: @Sendable (Int) -> Result<Part, SessionError>
        /// The results not yet taken, the next part nobody has begun, and the other thread's digest.
        private let state: Mutex<(results: [Result<Part, SessionError>?], next: Int, digest: String?)>
        /// Each signalled when its part's result is in.
        private let done: [DispatchSemaphore]

        init(count: Int, decode: @escaping @Sendable (Int) -> Result<Part, SessionError>) {
            state = Mutex((Array(repeating: nil, count: count), 0, nil))
            done = (0..<count).map { _ in DispatchSemaphore(value: 0) }
            self.decode = decode
        }

        /// The next part nobody has begun, now begun (nil when there is none, or after ``stop()``).
        private func begin() -> Int? {
            state.withLock { state in
                guard state.next < state.results.count else { return nil }
                state.next += 1
                return state.next - 1
            }
        }

        private func finish(_ part: Int, _ result: Result<Part, SessionError>) {
            state.withLock { $0.results[part] = result }
            done[part].signal()
        }

        /// Starts the other thread: it decodes parts until none is left, then takes `digest`.
        func startHelper(then digest: @escaping @Sendable () -> String?) -> DispatchGroup {
            let group = DispatchGroup()
            DispatchQueue.global(qos: .userInitiated).async(group: group) { [self] in
                while let part = begin() { finish(part, decode(part)) }
                let value = digest()
                state.withLock { $0.digest = value }
            }
            return group
        }

        /// Waits for the other thread; the digest it took.
        func digest(after helper: DispatchGroup) -> String? {
            helper.wait()
            return state.withLock { $0.digest }
        }

        /// Part `part`'s result, handed over once. Rather than wait while the other thread decodes
        /// it, this thread decodes the next part nobody has begun (`part` itself when nobody has).
        func result(_ part: Int) -> Result<Part, SessionError> {
            while state.withLock({ $0.results[part] == nil }), let next = begin() {
                let decoded = decode(next)
                if next == part { return decoded }
                finish(next, decoded)
            }
            done[part].wait()
            return state.withLock { state in
                defer { state.results[part] = nil }
                return state.results[part] ?? .failure(.empty(""))
            }
        }

        /// No part is begun after this (the reader stopped at a damaged part).
        func stop() { state.withLock { $0.next = $0.results.count } }
    }
}
