import Foundation

/// Compares a session file's stored annotations (its `annotations` list of mentions, cues and
/// claims) with a replayed state while they are read, keeping none of them.
///
/// A long list is read in two parts at once: ``compareList(_:)`` reads it from the start on the
/// reading thread, ``compareTail(in:)`` from ``tailStart`` (a guessed annotation start near the
/// middle) on another. As with ``EventListSplit``, the second part counts only if the first reader
/// arrives exactly at ``tailStart`` at the start of an annotation.
final class StoredAnnotationCheck: @unchecked Sendable {
    /// What one reader found.
    struct Tally {
        /// Annotations read.
        var count = 0
        /// Of those, the ones found byte for byte as the session writer writes the state's record.
        var identical = 0
        /// False once an annotation is not a mention, cue or claim, has a malformed or repeated id,
        /// or differs from the state's.
        var agrees = true
        /// The ids seen, per prefix letter (`M`, `Q`, `C`): bit `n` stands for id number `n`.
        private var seen: [[UInt64]] = [[], [], []]

        /// Ids with larger numbers are not tracked; such a file is left to the slower comparison.
        static let largestNumber = 1 << 26

        /// Reads the stored annotation at the decoder's position and compares it with `state`.
        mutating func add(from decoder: inout SessionFileDecoder, state: AnnotationState) throws(JSONReader.Failure) {
            if !addIfIdentical(&decoder, state: state) { add(try decoder.record(), state: state) }
        }

        /// When the stored annotation at the decoder's position is, byte for byte, what the session
        /// writer makes of the state's record with its id, counts it, moves the decoder past it and
        /// returns true (no decoding, no allocation); otherwise leaves the decoder where it was.
        private mutating func addIfIdentical(_ decoder: inout SessionFileDecoder, state: AnnotationState) -> Bool {
            guard agrees else { return false }
            decoder.reader.skipWhitespace()
            var probe = decoder.reader
            let start = probe.position
            var id: UnsafeBufferPointer<UInt8>?, type: UnsafeBufferPointer<UInt8>?
            do throws(JSONReader.Failure) {
                try probe.beginObject()
                var first = true
                while let key = try probe.nextKey(&first) {
                    if key.is("id") {
                        let value = try probe.readRawString()
                        id = value.escaped ? nil : value.bytes
                    } else if key.is("type") {
                        let value = try probe.readRawString()
                        type = value.escaped ? nil : value.bytes
                    } else {
                        try probe.skipValue()
                    }
                }
            } catch {
                return false
            }
            guard let id, let type else { return false }
            let name = String(decoding: id, as: UTF8.self)
            let key: RecordKey, table: Int
            if type.elementsEqual("mention".utf8) { key = .mention(name); table = 0 }
            else if type.elementsEqual("cue".utf8) { key = .cue(name); table = 1 }
            else if type.elementsEqual("claim".utf8) { key = .claim(name); table = 2 }
            else { return false }
            guard let record = state.record(key) else { return false }
            var encoder = CompactRecordEncoder(CompactRecordComparison(probe.bytes, from: start))
            guard encoder.encode(record), encoder.sink.matches, encoder.sink.position == probe.position,
                let (_, number) = RecordKey.parseID(name), number < Self.largestNumber
            else { return false }
            count += 1
            identical += 1
            mark(number, in: table)
            decoder.reader.move(to: probe.position)
            return true
        }

        /// Counts `record` and compares it with `state`'s record under the same key.
        mutating func add(_ record: Record, state: AnnotationState) {
            count += 1
            guard agrees else { return }
            let table: Int, id: String
            switch record {
            case .mention(let mention): table = 0; id = mention.id
            case .cue(let cue): table = 1; id = cue.id
            case .claim(let claim): table = 2; id = claim.id
            default: agrees = false; return
            }
            guard let (_, number) = RecordKey.parseID(id), number < Self.largestNumber,
                state.record(record.key) == record
            else { agrees = false; return }
            mark(number, in: table)
        }

        /// Notes id `number` of a table as seen; a second time means a repeated id.
        private mutating func mark(_ number: Int, in table: Int) {
            let word = number >> 6, bit: UInt64 = 1 << UInt64(number & 63)
            if seen[table].count <= word { seen[table].append(contentsOf: repeatElement(0, count: word + 1 - seen[table].count)) }
            if seen[table][word] & bit != 0 { agrees = false; return }
            seen[table][word] |= bit
        }

        /// Adds what another reader found in a different part of the list.
        mutating func merge(_ other: Tally) {
            count += other.count
            identical += other.identical
            agrees = agrees && other.agrees
            guard agrees else { return }
            for table in seen.indices {
                if seen[table].count < other.seen[table].count {
                    seen[table].append(contentsOf: repeatElement(0, count: other.seen[table].count - seen[table].count))
                }
                for (word, bits) in other.seen[table].enumerated() {
                    if seen[table][word] & bits != 0 { agrees = false; return }
                    seen[table][word] |= bits
                }
            }
        }
    }

    /// The replayed state the annotations are compared with.
    let state: AnnotationState
    /// Where the second reader starts, if the list is read in two parts.
    let tailStart: Int?
    private let tailDone = DispatchGroup()
    // Written by the second reader before it leaves `tailDone`, read after waiting for it.
    private var tail: (tally: Tally, end: Int)?
    /// What ``compareList(_:)`` found (the whole list), once it has returned.
    private(set) var result: Tally?

    /// A check against `state`; with `tailStart`, ``compareTail(in:)`` must be called once.
    init(state: AnnotationState, tailStart: Int?) {
        self.state = state
        self.tailStart = tailStart
        if tailStart != nil { tailDone.enter() }
    }

    /// Reads the annotation list that starts at the decoder's position, comparing as it goes.
    func compareList(_ decoder: inout SessionFileDecoder) throws(JSONReader.Failure) {
        try decoder.reader.beginArray()
        // One copy for the loop: both threads read the same tables, and reading them through the
        // property would retain and release them (shared counters) for every annotation.
        let state = self.state
        var tally = Tally()
        var first = true
        while try decoder.reader.nextElement(&first) {
            if decoder.reader.isAt(tailStart) {
                tailDone.wait()
                if let tail {
                    tally.merge(tail.tally)
                    decoder.reader.move(to: tail.end)
                    break
                }
            }
            try tally.add(from: &decoder, state: state)
        }
        result = tally
    }

    // The bytes for ``compareTailInBackground(in:)``, set before its thread starts.
    private var backgroundBytes: UnsafeBufferPointer<UInt8>?

    /// Starts ``compareTail(in:)`` on another thread; `bytes` must stay alive until ``waitForTail()`` returns.
    func compareTailInBackground(in bytes: UnsafeBufferPointer<UInt8>) {
        backgroundBytes = bytes
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            if let backgroundBytes { compareTail(in: backgroundBytes) }
        }
    }

    /// True when the list read by ``compareList(_:)`` holds exactly the state's mentions, cues and
    /// claims, and `file`'s other stored records (read apart from the list) are the state's too.
    func agrees(apartFromTheList file: SessionFile) -> Bool {
        guard let result, result.agrees, result.count == state.mentions.count + state.cues.count + state.claims.count else {
            return false
        }
        return file.storedRecordsApartFromAnnotationsAgree(with: state)
    }

    /// Waits until ``compareTail(in:)`` has finished (at once when there is no second part).
    func waitForTail() {
        tailDone.wait()
    }

    /// Reads the annotations from ``tailStart`` to the end of their list (on another thread).
    func compareTail(in bytes: UnsafeBufferPointer<UInt8>) {
        guard let tailStart else { return }
        defer { tailDone.leave() }
        var decoder = SessionFileDecoder(bytes, at: tailStart)
        let state = self.state  // see compareList(_:)
        var tally = Tally()
        var first = true
        do throws(JSONReader.Failure) {
            while try decoder.reader.nextElement(&first) { try tally.add(from: &decoder, state: state) }
            tail = (tally, decoder.reader.position)
        } catch {
            tail = nil
        }
    }
}
