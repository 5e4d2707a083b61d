import Foundation

/// What the bytes of a session log (`NAME.jsonl`) hold: the header line, every complete line after
/// it, and a torn last line (bytes after the last line break: an append cut short by a crash or a
/// full disk, never acknowledged).
///
/// Line boundaries are event boundaries, so a long log is decoded in two halves at once, split at
/// a line break: no guessing. `{"event":…}` lines are read by the hand-written event decoder
/// (tested against `Codable`); other lines by `JSONDecoder`.
public struct SessionLogContents: Sendable {
    /// The header (first line).
    public var header: LogHeader
    /// The events decoded, in order (those after ``decodedFrom``).
    public var events: [Event] = []
    /// The byte offset after each decoded event's line (its line break included).
    public var eventEnds: [Int] = []
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

    /// Logs at least this large are decoded in two halves at once.
    static let parallelSize = 1 << 20

    /// The contents of a log's bytes. A missing or unreadable header is ``SessionError/foreign(path:found:)``;
    /// a complete line that is not an entry is ``SessionError/journalDamaged(path:line:reason:)``.
    /// With `forReplay`, event times are not kept (for verification). With `decodingFrom`, the
    /// lines before that byte offset are only counted (events, undo events), not decoded: for an
    /// opening from a snapshot that reflects them; an offset that is not where a line begins
    /// decodes every line.
    public init(_ data: Data, path: String, forReplay: Bool = false, decodingFrom offset: Int = 0) throws(SessionError) {
        let result: Result<SessionLogContents, SessionError> = data.withUnsafeBytes { raw in
            do throws(SessionError) { return .success(try Self.read(raw.bindMemory(to: UInt8.self), path: path, forReplay: forReplay, from: offset)) } catch { return .failure(error) }
        }
        self = try result.get()
    }

    /// How many events the lines before byte `offset` hold, when they are known (the offset is
    /// ``decodedFrom`` or after it, at a line's end).
    func events(before offset: Int) -> Int? {
        guard offset >= decodedFrom else { return nil }
        var count = skippedEvents
        for end in eventEnds {
            guard end <= offset else { break }
            count += 1
        }
        return count
    }

    private init(header: LogHeader) {
        self.header = header
    }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, path: String, forReplay: Bool, from offset: Int) throws(SessionError) -> SessionLogContents {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { throw .empty(path) }
        // The line breaks.
        var lines: [Range<Int>] = []
        lines.reserveCapacity(bytes.count / 200)
        var start = 0
        while start < bytes.count, let found = memchr(base + start, 0x0A, bytes.count - start) {
            let end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            lines.append(start..<end)
            start = end + 1
        }
        guard let first = lines.first else {
            throw .foreign(path: path, found: "it has no complete first line (a log starts with a header line)")
        }
        let header: LogHeader
        do {
            header = try JSONDecoder().decode(LogHeader.self, from: Data(UnsafeBufferPointer(rebasing: bytes[first])))
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
        contents.completeLength = start
        if start < bytes.count { contents.tornTail = Data(UnsafeBufferPointer(rebasing: bytes[start...])) }
        var body = lines.dropFirst()
        // Lines before `offset` (where a line begins) are counted, not decoded.
        if offset > first.upperBound, offset <= start, bytes[offset - 1] == 0x0A {
            let eventStart = Array("{\"event\":".utf8), undoStart = Array("{\"event\":{\"action\":\"undo\"".utf8)
            var events = 0, undos = 0
            while let line = body.first, line.lowerBound < offset {
                let text = UnsafeBufferPointer(rebasing: bytes[line])
                if text.starts(with: eventStart) {
                    events += 1
                    if text.starts(with: undoStart) { undos += 1 }
                }
                body = body.dropFirst()
            }
            contents.decodedFrom = offset
            contents.skippedEvents = events
            contents.skippedUndos = undos
        }
        // Two halves at once for a long log (split at a line: every line is whole).
        let parts = bytes.count >= parallelSize && body.count >= 2
            ? [body.startIndex..<(body.startIndex + body.count / 2), (body.startIndex + body.count / 2)..<body.endIndex]
            : [body.startIndex..<body.endIndex]
        let results = PartResults(count: parts.count)
        let allLines = lines
        let shared = SharedBytes(bytes: bytes)
        DispatchQueue.concurrentPerform(iterations: parts.count) { part in
            results.set(part, Self.decode(lines: allLines, parts[part], in: shared.bytes, path: path, forReplay: forReplay))
        }
        for part in results.take() {
            let decoded = try part.get()
            if contents.events.isEmpty {
                contents.events = decoded.events
                contents.eventEnds = decoded.ends
            } else {
                contents.events.append(contentsOf: decoded.events)
                contents.eventEnds.append(contentsOf: decoded.ends)
            }
            if let cursor = decoded.cursor { contents.cursor = cursor }
            if let corpus = decoded.corpus { contents.corpus = corpus }
            if let settings = decoded.settings { contents.settings = settings }
        }
        return contents
    }

    private struct Part: Sendable {
        var events: [Event] = []
        var ends: [Int] = []
        var cursor: SentenceKey?
        var corpus: CorpusReference?
        var settings: SessionSettings?
    }

    private static func decode(
        lines: [Range<Int>], _ indices: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, path: String, forReplay: Bool
    ) -> Result<Part, SessionError> {
        var part = Part()
        part.events.reserveCapacity(indices.count)
        part.ends.reserveCapacity(indices.count)
        let eventStart = Array("{\"event\":".utf8)
        for index in indices {
            let range = lines[index]
            if range.isEmpty { continue }
            let line = UnsafeBufferPointer(rebasing: bytes[range])
            if line.count > eventStart.count, line.starts(with: eventStart), UTF8Validation.isValid(line),
                let event = try? SessionFileDecoder.logEvent(line, forReplay: forReplay)
            {
                part.events.append(event)
                part.ends.append(range.upperBound + 1)
                continue
            }
            let entry: JournalEntry
            do {
                entry = try JSONDecoder().decode(JournalEntry.self, from: Data(line))
            } catch {
                return .failure(.journalDamaged(path: path, line: index + 1, reason: "not a log entry (\(SessionLogContents.describe(error)))"))
            }
            switch entry {
            case .event(let event):
                part.events.append(forReplay ? Event(seq: event.seq, time: "", annotator: event.annotator, action: event.action, group: event.group) : event)
                part.ends.append(range.upperBound + 1)
            case .cursor(let key): part.cursor = key
            case .corpus(let corpus): part.corpus = corpus
            case .settings(let settings): part.settings = settings
            case .header:
                return .failure(.journalDamaged(path: path, line: index + 1, reason: "a format-1 journal header inside a session log"))
            }
        }
        return .success(part)
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "malformed JSON" }
        switch error {
        case .keyNotFound(let key, let context): return "\(SessionCodec.jsonPath(context.codingPath + [key])) is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return context.codingPath.isEmpty ? "malformed JSON" : "\(SessionCodec.jsonPath(context.codingPath)) has the wrong type"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "malformed JSON" : "\(SessionCodec.jsonPath(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "malformed JSON"
        }
    }

    /// The log's bytes, read by both parts (they outlive the parts: ``read(_:path:forReplay:)`` waits for them).
    private struct SharedBytes: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
    }

    /// The results of the parts decoded at once, each written by one part.
    private final class PartResults: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [Result<Part, SessionError>?]

        init(count: Int) { results = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ result: Result<Part, SessionError>) { lock.withLock { results[index] = result } }

        func take() -> [Result<Part, SessionError>] { lock.withLock { results.compactMap { $0 } } }
    }
}
