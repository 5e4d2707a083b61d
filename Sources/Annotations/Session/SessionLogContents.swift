import Foundation

/// What the bytes of a session log (`NAME.jsonl`) hold: the header line, every complete line after
/// it, and a torn last line (an append cut short by a crash, never acknowledged).
///
/// A long log is decoded in parts on both cores at once, each part ending at a line break; a
/// reader that replays gets each part in order as soon as it is decoded (`consuming:`).
/// `{"event":…}` lines are read by the hand-written decoder, other lines by `JSONDecoder`.
public struct SessionLogContents: Sendable {
    /// The header (first line).
    public var header: LogHeader
    /// The events decoded, in order (those after ``decodedFrom``).
    public var events: [Event] = []
    /// Where decoding began: the lines before this offset were counted, not decoded (0: none).
    public var decodedFrom = 0
    /// The events in the lines before ``decodedFrom``, counted by their `{"event":` start.
    public var skippedEvents = 0
    /// The commands among them and the `undo` commands, counted as ``countEvents(in:)`` says.
    public var skippedCommands = CommandCount()
    /// Every event of the log, decoded or counted.
    public var eventCount: Int { skippedEvents + events.count }
    /// The last cursor line, if any.
    public var cursor: SentenceKey?
    /// The last corpus line (a re-anchoring), if any.
    public var corpus: CorpusReference?
    /// The last settings line, if any.
    public var settings: SessionSettings?
    /// How many bytes end in a line break (the log cut back to its last complete line).
    public var completeLength = 0
    /// The bytes after the last line break.
    public var tornTail = Data()
    /// The line (1: the header) the torn bytes begin.
    private var tornLine = 0
    /// The ``LogDigest`` of the log's first bytes, when asked for (`digestingFirst`).
    var prefixDigest: String?
    /// The digest of the complete lines, taken on from ``prefixDigest`` when asked for: what an
    /// appending writer goes on from.
    var completeDigest: LogDigest?
    /// How many events those first bytes hold, when they end where a line ends.
    private var prefixEvents: (length: Int, events: Int)?

    /// The bytes of one part of a log decoded at once (about 8 000 event lines), cut at the next line break.
    package static let partBytes = 2 << 20

    /// The contents of a log's bytes; a bad header is ``SessionError/foreign(path:found:)``, a
    /// complete line that is not an entry ``SessionError/journalDamaged(path:line:reason:)``.
    /// With `forReplay`, event times are not kept. With `decodingFrom` (where a line begins), the
    /// lines before it are counted, not decoded. With `digestingFirst`, that many first bytes are
    /// digested (``prefixDigest``) and their events counted (``events(before:)``).
    package init(
        _ data: Data, path: String, forReplay: Bool = false, decodingFrom offset: Int = 0, digestingFirst digested: Int? = nil,
        partBytes: Int = partBytes, consuming consume: ((_ header: LogHeader, _ events: [Event]) -> Void)? = nil
    ) throws(SessionError) {
        do {
            self = try data.withUnsafeBytes { raw in
                try Self.read(
                    raw.bindMemory(to: UInt8.self), path: path, forReplay: forReplay, from: offset, digesting: digested, partBytes: partBytes,
                    consume: consume)
            }
        } catch let error as SessionError { throw error } catch { throw .io(path: path, reason: "\(error)") }
    }

    /// What a reader says of a torn last line of the log `path`, or nil when there is none.
    package func tornNotice(path: String) -> String? {
        guard !tornTail.isEmpty else { return nil }
        return "\(path): line \(tornLine) is torn (\(tornTail.count) byte(s) after the last line break: an append cut short by a crash or a full disk, never acknowledged); "
            + "it is ignored, and the next annotate sets it aside in \(path).torn"
    }

    /// The line of the log `bytes` (1: the header) that holds its event number `index` (0: the
    /// first): where a user mends an event that does not apply. Nil when there are fewer events.
    package static func line(ofEvent index: Int, in bytes: Data) -> Int? {
        bytes.withUnsafeBytes { raw -> Int? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var wanted = index, line = 1, start = 0
            while let end = lineBreak(in: bytes, from: start) {
                if starts(UnsafeBufferPointer(rebasing: bytes[start..<end]), with: "{\"event\":") {
                    if wanted == 0 { return line }
                    wanted -= 1
                }
                (line, start) = (line + 1, end + 1)
            }
            return nil
        }
    }

    /// How many events the log's first `length` bytes hold, when known (where decoding began, the
    /// bytes digested, or the whole log).
    func events(before length: Int) -> Int? {
        if length == decodedFrom { return skippedEvents }
        if let prefixEvents, length == prefixEvents.length { return prefixEvents.events }
        return length == completeLength ? eventCount : nil
    }

    private init(header: LogHeader) {
        self.header = header
    }

    private static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, path: String, forReplay: Bool, from offset: Int, digesting digested: Int?, partBytes: Int,
        consume: ((_ header: LogHeader, _ events: [Event]) -> Void)?
    ) throws(SessionError) -> SessionLogContents {
        let (header, headerEnd) = try Self.header(of: bytes, path: path)
        var contents = SessionLogContents(header: header)
        // The complete lines end at the last line break; what follows it is a torn append.
        var complete = bytes.count
        while complete > headerEnd + 1, bytes[complete - 1] != 0x0A { complete -= 1 }
        contents.completeLength = complete
        if complete < bytes.count {
            contents.tornTail = Data(UnsafeBufferPointer(rebasing: bytes[complete...]))
            contents.tornLine = UnsafeBufferPointer(rebasing: bytes[..<complete]).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        }
        var bodyStart = headerEnd + 1
        // Lines before `offset` (where a line begins) are counted, not decoded.
        if offset > headerEnd, offset <= complete, bytes[offset - 1] == 0x0A {
            (contents.skippedEvents, contents.skippedCommands) = countEvents(in: bytes[bodyStart..<offset])
            contents.decodedFrom = offset
            bodyStart = offset
        }
        // The events of the digested first bytes, when they end a line other than where decoding began or the log ends.
        if let digested, digested >= bodyStart, digested < complete, bytes[digested - 1] == 0x0A {
            contents.prefixEvents = (digested, contents.skippedEvents + countEvents(in: bytes[bodyStart..<digested]).events)
        }
        // Parts of about `partBytes` bytes, each ending at a line break; the digest beside the first parts.
        var parts: [Range<Int>] = []
        var partStart = bodyStart
        while partStart < complete {
            let partEnd = partStart + partBytes >= complete ? complete : (lineBreak(in: bytes, from: partStart + max(partBytes, 1) - 1) ?? complete - 1) + 1
            parts.append(partStart..<partEnd)
            partStart = partEnd
        }
        // Decoded on other threads while this one hands each part, in order, to `consume`. Each
        // part's slot is written before its semaphore is signalled and read only after.
        nonisolated(unsafe) let shared = bytes
        nonisolated(unsafe) let slots = UnsafeMutableBufferPointer<Result<Part, SessionError>?>.allocate(capacity: parts.count)
        nonisolated(unsafe) let digestSlot = UnsafeMutablePointer<(prefix: String, complete: LogDigest?)?>.allocate(capacity: 1)
        slots.initialize(repeating: nil)
        digestSlot.initialize(to: nil)
        defer {
            _ = slots.deinitialize()
            slots.deallocate()
            digestSlot.deinitialize(count: 1)
            digestSlot.deallocate()
        }
        let ready = parts.map { _ in DispatchSemaphore(value: 0) }
        let digesting = digested == nil ? 0 : 1
        let completeEnd = complete
        let decodeAll: @Sendable () -> Void = { [parts] in
            DispatchQueue.concurrentPerform(iterations: digesting + parts.count) { index in
                if let digested, index == 0 {
                    let raw = UnsafeRawBufferPointer(shared)
                    var digest = LogDigest()
                    digest.update(UnsafeRawBufferPointer(rebasing: raw[..<min(digested, raw.count)]))
                    let prefix = digest.hex
                    if digested <= completeEnd { digest.update(UnsafeRawBufferPointer(rebasing: raw[digested..<completeEnd])) }
                    digestSlot.pointee = (prefix, digested <= completeEnd ? digest : nil)
                    return
                }
                slots[index - digesting] = decode(parts[index - digesting], in: shared, path: path, forReplay: forReplay)
                ready[index - digesting].signal()
            }
        }
        if let consume {
            let finished = DispatchGroup()
            DispatchQueue.global().async(group: finished, execute: decodeAll)
            for index in parts.indices {
                ready[index].wait()
                // A part that failed stops the hand-over; its error is thrown below.
                guard case .success(let part)? = slots[index] else { break }
                consume(header, part.events)
            }
            finished.wait()
        } else {
            // Nothing to hand over: this thread decodes too.
            decodeAll()
        }
        (contents.prefixDigest, contents.completeDigest) = (digestSlot.pointee?.prefix, digestSlot.pointee?.complete)
        var decoded: [Part] = []
        for index in slots.indices {
            let result = slots[index]
            slots[index] = nil
            if let part = try result?.get() { decoded.append(part) }
        }
        // The parts' events are moved into one array, each part left holding placeholders.
        let placeholder = Event(seq: 0, time: "", annotator: "", action: .undo)
        // At least one place: the shared empty array's count written is a data race for ThreadSanitizer.
        let events = [Event](unsafeUninitializedCapacity: max(1, decoded.reduce(0) { $0 + $1.events.count })) { joined, count in
            for index in decoded.indices {
                decoded[index].events.withUnsafeMutableBufferPointer { events in
                    guard let from = events.baseAddress, let to = joined.baseAddress else { return }
                    (to + count).moveInitialize(from: from, count: events.count)
                    from.initialize(repeating: placeholder, count: events.count)
                    count += events.count
                }
                if let cursor = decoded[index].cursor { contents.cursor = cursor }
                if let corpus = decoded[index].corpus { contents.corpus = corpus }
                if let settings = decoded[index].settings { contents.settings = settings }
            }
        }
        contents.events = events
        return contents
    }

    /// The header of a log's bytes (its first line, checked) and where its line break is: the one
    /// reading of a log's header.
    static func header(of bytes: UnsafeBufferPointer<UInt8>, path: String) throws(SessionError) -> (header: LogHeader, end: Int) {
        guard !bytes.isEmpty else { throw .empty(path) }
        if let utf16 = SessionCodec.utf16Detail(bytes) { throw .notJSON(path: path, detail: utf16) }
        guard let end = lineBreak(in: bytes, from: 0) else {
            throw .foreign(path: path, found: "it has no complete first line (a log starts with a header line)")
        }
        let header: LogHeader
        do {
            header = try JSONDecoder().decode(LogHeader.self, from: Data(UnsafeBufferPointer(rebasing: bytes[..<end])))
        } catch {
            throw .foreign(path: path, found: "its first line is not a session log header")
        }
        guard header.format == LogHeader.formatName else {
            throw .foreign(path: path, found: "its first line names the format \"\(header.format)\"")
        }
        guard header.version <= SessionFile.currentVersion else {
            throw .newerVersion(path: path, version: header.version, supported: SessionFile.currentVersion)
        }
        return (header, end)
    }

    /// The event lines among the complete lines of `lines` (by their `{"event":` start, not decoded)
    /// and the commands among them (no `"group":` number), `undo` commands by their start, as the
    /// log writer lays an event line out.
    private static func countEvents(in lines: Slice<UnsafeBufferPointer<UInt8>>) -> (events: Int, commands: CommandCount) {
        let bytes = UnsafeBufferPointer(rebasing: lines)
        var events = 0, commands = CommandCount(), start = 0
        while start < bytes.count, let end = lineBreak(in: bytes, from: start) {
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if starts(line, with: "{\"event\":") {
                events += 1
                if !hasGroup(line) {
                    commands.commands += 1
                    if starts(line, with: "{\"event\":{\"action\":\"undo\"") { commands.undos += 1 }
                }
            }
            start = end + 1
        }
        return (events, commands)
    }

    /// Whether an event line holds a `"group":` field with a number (the event does not begin its command).
    private static func hasGroup(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        // Keys are written sorted (`action`, `annotator`, `group`, `record`, …): the search ends at
        // the first of `"group":`, `"record":` and `"seq":`, so a long record is never read.
        var at = 0
        while at + 1 < line.count {
            if line[at] == UInt8(ascii: "\"") {
                let rest = UnsafeBufferPointer(rebasing: line[at...])
                if starts(rest, with: "\"group\":") { return rest.count > 8 && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(rest[8]) }
                if starts(rest, with: "\"record\":") || starts(rest, with: "\"seq\":") { return false }
            }
            at += 1
        }
        return false
    }

    /// True when `bytes` begin with `prefix`, compared as bytes (`memcmp`).
    @inline(__always)
    static func starts(_ bytes: UnsafeBufferPointer<UInt8>, with prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard let base = bytes.baseAddress, bytes.count >= count else { return count == 0 }
        return memcmp(base, prefix.utf8Start, count) == 0
    }

    /// Where the first line break at or after `start` is, if any.
    static func lineBreak(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count, let found = memchr(base + start, 0x0A, bytes.count - start) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    /// Where and why a log line that `JSONDecoder` refused without naming a field stops being an
    /// entry, by byte column (`invalid UTF-8 at column 97`); nil when no check finds it.
    static func lineProblem(_ line: UnsafeBufferPointer<UInt8>) -> String? {
        if let offset = UTF8Validation.firstInvalidOffset(in: line) { return "invalid UTF-8 at column \(offset + 1)" }
        if let failure = JSONReader.validate(line) {
            let (_, column, endedEarly) = failure.place(in: line)
            return endedEarly ? "the line ends early (truncated?)" : "at column \(column): \(failure.message)"
        }
        guard starts(line, with: "{\"event\":") else { return nil }
        do throws(JSONReader.Failure) {
            _ = try SessionFileDecoder.logEvent(line, forReplay: false)
            return nil
        } catch {
            return "at column \(error.position + 1): \(error.message)"
        }
    }

    private struct Part: Sendable {
        var events: [Event] = []
        var cursor: SentenceKey?
        var corpus: CorpusReference?
        var settings: SessionSettings?
    }

    /// Decodes the lines in `range` (from a line's start to after a line break).
    private static func decode(
        _ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, path: String, forReplay: Bool
    ) -> Result<Part, SessionError> {
        var part = Part()
        part.events.reserveCapacity(range.count / 128)
        var lineStart = range.lowerBound
        while lineStart < range.upperBound, let lineEnd = lineBreak(in: bytes, from: lineStart) {
            defer { lineStart = lineEnd + 1 }
            if lineEnd == lineStart { continue }
            let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
            if line.count > 9, starts(line, with: "{\"event\":"), UTF8Validation.firstInvalidOffset(in: line) == nil,
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
                return .failure(.journalDamaged(path: path, line: number, reason: "not a log entry (\(problem ?? lineProblem(line) ?? "malformed JSON"))"))
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
}
