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
        /// False once an annotation is not a mention, cue or claim, has a malformed or repeated id,
        /// or differs from the state's.
        var agrees = true
        /// The ids seen, per prefix letter (`M`, `Q`, `C`): bit `n` stands for id number `n`.
        private var seen: [[UInt64]] = [[], [], []]

        /// Ids with larger numbers are not tracked; such a file is left to the slower comparison.
        static let largestNumber = 1 << 26

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
            let word = number >> 6, bit: UInt64 = 1 << UInt64(number & 63)
            if seen[table].count <= word { seen[table].append(contentsOf: repeatElement(0, count: word + 1 - seen[table].count)) }
            if seen[table][word] & bit != 0 { agrees = false; return }
            seen[table][word] |= bit
        }

        /// Adds what another reader found in a different part of the list.
        mutating func merge(_ other: Tally) {
            count += other.count
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
        var tally = Tally()
        var first = true
        while try decoder.reader.nextElement(&first) {
            if let tailStart {
                decoder.reader.skipWhitespace()
                if decoder.reader.position == tailStart {
                    tailDone.wait()
                    if let tail {
                        tally.merge(tail.tally)
                        decoder.reader.move(to: tail.end)
                        break
                    }
                }
            }
            tally.add(try decoder.record(), state: state)
        }
        result = tally
    }

    /// Reads the annotations from ``tailStart`` to the end of their list (on another thread).
    func compareTail(in bytes: UnsafeBufferPointer<UInt8>) {
        guard let tailStart else { return }
        defer { tailDone.leave() }
        var decoder = SessionFileDecoder(bytes, at: tailStart)
        var tally = Tally()
        var first = true
        do throws(JSONReader.Failure) {
            while try decoder.reader.nextElement(&first) { tally.add(try decoder.record(), state: state) }
            tail = (tally, decoder.reader.position)
        } catch {
            tail = nil
        }
    }
}
