import Foundation

/// The annotations of a session at one point of its event log.
///
/// The state changes only through ``apply(_:)`` (or the pure ``applying(_:to:)``), one event at a
/// time. An event that cannot apply throws ``AnnotationError`` and leaves the state unchanged.
/// Deleting cascades: a speaker takes its mentions and stances with it and its claims lose their
/// attribution; a mention or cue is unlinked from its claims; a claim is removed from stance
/// evidence; a target takes its stances; notes and reviews of deleted records go too.
public struct AnnotationState: Sendable, Hashable {
    /// The label sets edits are checked against.
    public private(set) var schema: AnnotationSchema
    /// Speakers by id.
    public private(set) var speakers: [String: Speaker] = [:]
    /// Speaker mentions by id.
    public private(set) var mentions: [String: Mention] = [:]
    /// Cues by id.
    public private(set) var cues: [String: Cue] = [:]
    /// Claims by id.
    public private(set) var claims: [String: Claim] = [:]
    /// Targets by id.
    public private(set) var targets: [String: Target] = [:]
    /// Stances by id.
    public private(set) var stances: [String: Stance] = [:]
    /// Notes by id.
    public private(set) var notes: [String: Note] = [:]
    /// Sentence statuses other than `open`.
    public private(set) var statuses: [SentenceKey: SentenceStatus] = [:]
    /// Review verdicts by annotation id.
    public private(set) var reviews: [String: ReviewDecision] = [:]
    /// Turned-down proposals of the suggestion engine, by id.
    public private(set) var rejections: [String: Rejection] = [:]
    /// Sequence number of the last applied event (0 when none).
    public private(set) var lastSeq = 0
    /// Changes that `undo` can take back, most recent last.
    ///
    /// For a state built from a snapshot's records, the changes of the events before the snapshot
    /// are made on first use by replaying them (``PriorHistory``); see ``historyIsLoaded``.
    public var undoStack: [Change] {
        guard let prior, case .success(let stacks) = prior.stacks() else { return undoChanges }
        return Self.undo(prior: stacks, after: undoChanges)
    }
    /// Changes that `redo` can re-do, most recently undone last.
    public var redoStack: [Change] {
        guard let prior, case .success(let stacks) = prior.stacks() else { return redoChanges }
        return undoChanges.isEmpty ? stacks.redo : redoChanges
    }
    /// The changes `undo` can take back (for a state built from records: only those since).
    private var undoChanges: [Change] = []
    /// The changes `redo` can re-do (for a state built from records: only those since).
    private var redoChanges: [Change] = []
    /// The history before the records this state was built from, until it is loaded (nil when the
    /// state was made by applying every event, or once ``loadHistory()`` ran).
    private var prior: PriorHistory?
    /// The next free number per id prefix letter A–Z (index 0 is A); ids are never reused.
    private var nextNumber = [Int](repeating: 1, count: 26)
    /// The stance id for each speaker and target (derived from `stances`; keeps the one-stance-per-pair
    /// check constant-time).
    private var stanceByPair: [StancePair: String] = [:]

    /// A speaker and a target: the key of a stance.
    private struct StancePair: Sendable, Hashable {
        var speaker: String
        var target: String
    }

    /// An empty state with a schema.
    public init(schema: AnnotationSchema = .standard) {
        self.schema = schema
    }

    /// A state made of stored records (a snapshot's), as it stands after event `lastSeq`: the
    /// records are taken as they are (a snapshot holds what applying its log gave), the undo and
    /// redo stacks are empty, and the next free number of each id letter is the larger of
    /// `nextNumbers` (ids are never reused: a deleted `S7` still makes the next speaker `S8`,
    /// which the records alone cannot tell) and one past the largest id stored.
    public init(schema: AnnotationSchema, records: [Record], lastSeq: Int, nextNumbers: [Character: Int]) {
        self.init(schema: schema)
        for record in records { store(record) }
        self.lastSeq = lastSeq
        useNextNumbers(nextNumbers)
    }

    /// Puts a stored record in its table, as it is (building a state from a snapshot's records).
    mutating func store(_ record: Record) {
        write(record.key, record)
        reserve(record.id.flatMap(RecordKey.parseID))
    }

    /// Puts a stored record in its table, moved in (building a state from a snapshot's records,
    /// which are not kept after): a mention, cue or claim goes straight to its table, its id read
    /// once, without a copy of the record (a retain, and a release when the snapshot goes).
    mutating func store(moving record: consuming Record) {
        switch consume record {
        case .claim(let claim):
            let id = claim.id
            reserve(RecordKey.parseID(id))
            claims[id] = claim
        case .mention(let mention):
            let id = mention.id
            reserve(RecordKey.parseID(id))
            mentions[id] = mention
        case .cue(let cue):
            let id = cue.id
            reserve(RecordKey.parseID(id))
            cues[id] = cue
        case let other:
            store(other)
        }
    }

    /// Raises the next free numbers to at least `numbers` (letters A–Z; others are ignored).
    mutating func useNextNumbers(_ numbers: [Character: Int]) {
        for (letter, number) in numbers {
            guard let ascii = letter.asciiValue, (65...90).contains(ascii) else { continue }
            let index = Int(ascii) - 65
            if number > nextNumber[index] { nextNumber[index] = number }
        }
    }

    /// Sets the number of the last applied event (building a state from a snapshot's records).
    mutating func useLastSeq(_ seq: Int) { lastSeq = seq }

    /// The next free number of every id letter that has been used (ids are never reused): what a
    /// snapshot stores so that a state built from its records goes on with the same ids.
    public var nextNumbers: [Character: Int] {
        var result: [Character: Int] = [:]
        for (index, number) in nextNumber.enumerated() where number > 1 {
            result[Character(Unicode.Scalar(UInt8(65 + index)))] = number
        }
        return result
    }

    /// The pure form: the state after `event`, or the reason it cannot apply.
    public static func applying(_ event: Event, to state: AnnotationState) throws(AnnotationError) -> AnnotationState {
        var next = state
        try next.apply(event)
        return next
    }

    /// Replays events from an empty state with `schema`.
    public static func replaying<S: Sequence>(_ events: S, schema: AnnotationSchema) throws(AnnotationError) -> AnnotationState
    where S.Element == Event {
        if let array = events as? [Event] { return try replaying(array, schema: schema) }
        var state = AnnotationState(schema: schema)
        state.reserveCapacity(for: events)
        for event in events { try state.apply(event) }
        return state
    }

    /// Replays a log from an empty state with `schema`.
    public static func replaying(_ events: [Event], schema: AnnotationSchema) throws(AnnotationError) -> AnnotationState {
        var state = AnnotationState(schema: schema)
        state.reserveCapacity(for: events)
        if let failure = state.apply(contentsOf: events) { throw failure.error }
        return state
    }

    /// Applies `events` in order, after reserving room for them; stops at the first event that cannot
    /// apply and returns its index and the reason (the state then holds the events before it).
    ///
    /// Walks the log without copying its events, which matters for logs of a million events.
    public mutating func apply(contentsOf events: [Event]) -> (index: Int, error: AnnotationError)? {
        reserveCapacity(for: events)
        return applyWithoutReserving(events)
    }

    /// ``apply(contentsOf:)`` without reserving room first: for a log that arrives in parts, where
    /// reserving for each part would resize the tables again and again.
    mutating func applyWithoutReserving(_ events: [Event]) -> (index: Int, error: AnnotationError)? {
        events.withUnsafeBufferPointer { buffer -> (index: Int, error: AnnotationError)? in
            for index in buffer.indices {
                do throws(AnnotationError) {
                    try apply(seq: buffer[index].seq, group: buffer[index].group, annotator: buffer[index].annotator, action: buffer[index].action)
                } catch {
                    return (index, error)
                }
            }
            return nil
        }
    }

    /// Reserves room for the records and history that `events` will create, so replaying a long log
    /// does not keep resizing its tables.
    public mutating func reserveCapacity<S: Sequence>(for events: S) where S.Element == Event {
        if let array = events as? [Event] { return reserveCapacity(for: array) }
        var adds = [Int](repeating: 0, count: 7)
        var total = 0
        for event in events {
            total += 1
            if case .add(let record) = event.action, let kind = Self.tableIndex(record) { adds[kind] += 1 }
        }
        reserveTables(adds, history: total)
    }

    /// Which table an added record goes to (speakers, mentions, cues, claims, targets, stances, notes), if any.
    private static func tableIndex(_ record: Record) -> Int? {
        switch record {
        case .speaker: return 0
        case .mention: return 1
        case .cue: return 2
        case .claim: return 3
        case .target: return 4
        case .stance: return 5
        case .note: return 6
        case .status, .review, .rejection: return nil
        }
    }

    /// Reserves room for `adds` more records per table (in ``tableIndex(_:)`` order) and `history` more changes.
    mutating func reserveTables(_ adds: [Int], history: Int) {
        speakers.reserveCapacity(speakers.count + adds[0])
        mentions.reserveCapacity(mentions.count + adds[1])
        cues.reserveCapacity(cues.count + adds[2])
        claims.reserveCapacity(claims.count + adds[3])
        targets.reserveCapacity(targets.count + adds[4])
        stances.reserveCapacity(stances.count + adds[5])
        notes.reserveCapacity(notes.count + adds[6])
        undoChanges.reserveCapacity(undoChanges.count + history)
    }

    /// Reserves room for the records and history that a log will create.
    public mutating func reserveCapacity(for events: [Event]) {
        reserveCapacity(for: events, scaledBy: 1)
    }

    /// Reserves room for a log of which `sample` is a part and which is `scale` times as long
    /// (e.g. the end of a log that is read in parts: it keeps replaying from resizing the tables
    /// and the history again and again).
    mutating func reserveCapacity(for sample: [Event], scaledBy scale: Double) {
        let events = sample
        var speakerAdds = 0, mentionAdds = 0, cueAdds = 0, claimAdds = 0, targetAdds = 0, stanceAdds = 0, noteAdds = 0
        events.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                switch buffer[index].action {
                case .add(.speaker): speakerAdds += 1
                case .add(.mention): mentionAdds += 1
                case .add(.cue): cueAdds += 1
                case .add(.claim): claimAdds += 1
                case .add(.target): targetAdds += 1
                case .add(.stance): stanceAdds += 1
                case .add(.note): noteAdds += 1
                default: break
                }
            }
        }
        let adds = [speakerAdds, mentionAdds, cueAdds, claimAdds, targetAdds, stanceAdds, noteAdds]
        func scaled(_ count: Int) -> Int { Int((Double(count) * scale).rounded(.up)) }
        reserveTables(adds.map(scaled), history: scaled(events.count))
    }

    /// Applies one event in place. Throws and changes nothing if it cannot apply.
    public mutating func apply(_ event: Event) throws(AnnotationError) {
        try apply(seq: event.seq, group: event.group, annotator: event.annotator, action: event.action)
    }

    /// ``apply(_:)`` with the parts of the event it needs, so that a log can be applied without copying its events.
    @inline(__always)
    private mutating func apply(seq: Int, group: Int?, annotator: String, action: EditAction) throws(AnnotationError) {
        guard seq == lastSeq + 1 else { throw .outOfSequence(expected: lastSeq + 1, got: seq) }
        let group = group ?? seq
        guard group >= 1, group <= seq else { throw .groupAfterEvent(seq: seq, group: group) }
        switch action {
        case .undo:
            if prior != nil { try loadHistory() }
            guard var change = undoChanges.popLast() else { throw .nothingToUndo }
            change.forEachEntryReversed { write($0.key, $0.before) }
            if change.group == group {
                // The rollback of a refused command: nothing to redo, and what its first event cleared comes back.
                redoChanges = change.clearedRedo
            } else {
                change.clearedRedo = []
                redoChanges.append(change)
            }
        case .redo:
            if prior != nil { try loadHistory() }
            guard let change = redoChanges.popLast() else { throw .nothingToRedo }
            change.forEachEntry { write($0.key, $0.after) }
            undoChanges.append(change)
        case .add(let original):
            let record = original.stampingAnnotator(annotator)
            let id = try checkIDForm(record)
            var change: Change
            if let entry = try insert(record) {
                change = Change(seq: seq, group: group, entry: entry)
            } else {
                let entries = try plan(.add(record))
                for entry in entries { write(entry.key, entry.after) }
                change = Change(seq: seq, group: group, entries: entries)
            }
            clearRedo(into: &change)
            undoChanges.append(change)
            reserve(id)
        default:
            let entries = try plan(action)
            for entry in entries { write(entry.key, entry.after) }
            var change = Change(seq: seq, group: group, entries: entries)
            clearRedo(into: &change)
            undoChanges.append(change)
        }
        lastSeq = seq
    }

    /// Empties the redo stack after a new change, keeping what it held in the change.
    @inline(__always)
    private mutating func clearRedo(into change: inout Change) {
        guard !redoChanges.isEmpty else { return }
        change.clearedRedo = redoChanges
        redoChanges.removeAll()
    }

    /// True when the undo and redo stacks are complete in memory: always, except for a state built
    /// from a snapshot's records whose earlier history was not needed yet.
    public var historyIsLoaded: Bool { prior == nil }

    /// Makes the undo and redo stacks complete, replaying the events before the records this state
    /// was built from (once; ``apply(_:)`` does it before an `undo` or `redo`). Throws
    /// ``AnnotationError/historyUnavailable(_:)`` and changes nothing when those events cannot be
    /// read or do not lead to the records.
    public mutating func loadHistory() throws(AnnotationError) {
        guard let prior else { return }
        let stacks = try prior.stacks().get()
        guard stacks.agrees else {
            throw .historyUnavailable("the snapshot's records are not what its log gives")
        }
        let undo = Self.undo(prior: stacks, after: undoChanges)
        redoChanges = undoChanges.isEmpty ? stacks.redo : redoChanges
        undoChanges = undo
        self.prior = nil
    }

    /// Expects the history before this state (built from records) to come from `events`, replayed
    /// when first needed.
    mutating func expectHistory(from events: @escaping @Sendable () throws(AnnotationError) -> [Event]) {
        var opened = self
        opened.prior = nil
        prior = PriorHistory(opened: opened, events: events)
    }

    /// The undo stack of the events before the records, then the changes made since: the first of
    /// those cleared what could be redone then (undo and redo load the history before they apply,
    /// so the changes since are all new edits).
    private static func undo(prior stacks: PriorHistory.Stacks, after changes: [Change]) -> [Change] {
        guard var first = changes.first else { return stacks.undo }
        first.clearedRedo = stacks.redo
        var result = stacks.undo
        result.reserveCapacity(stacks.undo.count + changes.count)
        result.append(first)
        result.append(contentsOf: changes.dropFirst())
        return result
    }

    public static func == (lhs: AnnotationState, rhs: AnnotationState) -> Bool {
        lhs.lastSeq == rhs.lastSeq && lhs.schema == rhs.schema && lhs.nextNumber == rhs.nextNumber
            && lhs.hasSameRecords(as: rhs) && lhs.undoStack == rhs.undoStack && lhs.redoStack == rhs.redoStack
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(lastSeq)
        hasher.combine(schema)
        hasher.combine(nextNumber)
        hasher.combine(recordCount)
    }

    /// How many changes the last command made that `undo` can take back: the changes on top of the
    /// undo stack that share its command group (0 when there is nothing to undo).
    public var undoableCommandSize: Int { Self.topGroupSize(undoStack) }

    /// How many changes the last undone command made that `redo` can re-do.
    public var redoableCommandSize: Int { Self.topGroupSize(redoStack) }

    private static func topGroupSize(_ stack: [Change]) -> Int {
        guard let group = stack.last?.group else { return 0 }
        var count = 0
        for change in stack.reversed() {
            guard change.group == group else { break }
            count += 1
        }
        return count
    }

    /// The next free id for a kind prefix (S, M, Q, C, T, P, N). Ids are never reused, even after undo.
    public func nextID(_ prefix: Character) -> String {
        guard let letter = prefix.asciiValue, (65...90).contains(letter) else { return "\(prefix)1" }
        return "\(prefix)\(nextNumber[Int(letter) - 65])"
    }

    /// How many records there are of every kind (speakers, mentions, cues, claims, targets, stances,
    /// notes, statuses, reviews): `allRecords.count` without building the list.
    public var recordCount: Int {
        speakers.count + mentions.count + cues.count + claims.count + targets.count + stances.count + notes.count
            + statuses.count + reviews.count + rejections.count
    }

    /// The record stored under `key`, if any.
    public func record(_ key: RecordKey) -> Record? {
        switch key {
        case .speaker(let id): return speakers[id].map(Record.speaker)
        case .mention(let id): return mentions[id].map(Record.mention)
        case .cue(let id): return cues[id].map(Record.cue)
        case .claim(let id): return claims[id].map(Record.claim)
        case .target(let id): return targets[id].map(Record.target)
        case .stance(let id): return stances[id].map(Record.stance)
        case .note(let id): return notes[id].map(Record.note)
        case .rejection(let id): return rejections[id].map(Record.rejection)
        case .status(let sentence): return statuses[sentence].map { Record.status(sentence, $0) }
        case .review(let id): return reviews[id].map(Record.review)
        }
    }

    /// The record with this id, if any.
    public func record(id: String) -> Record? {
        RecordKey.forID(id).flatMap(record)
    }

    /// The status of a sentence (`open` when none was set).
    public func status(of sentence: SentenceKey) -> SentenceStatus { statuses[sentence] ?? .open }

    /// Every record, in a stable order (kind, then numeric id or sentence).
    public var allRecords: [Record] {
        var result: [Record] = []
        result += Self.sortedByID(speakers).map(Record.speaker)
        result += Self.sortedByID(targets).map(Record.target)
        result += Self.sortedByID(mentions).map(Record.mention)
        result += Self.sortedByID(cues).map(Record.cue)
        result += Self.sortedByID(claims).map(Record.claim)
        result += Self.sortedByID(stances).map(Record.stance)
        result += Self.sortedByID(notes).map(Record.note)
        result += statuses.sorted { $0.key < $1.key }.map { Record.status($0.key, $0.value) }
        result += reviews.sorted { Self.idOrder($0.key, $1.key) }.map { Record.review($0.value) }
        result += Self.sortedByID(rejections).map(Record.rejection)
        return result
    }

    /// True when both states hold the same records (history and counters aside).
    public func hasSameRecords(as other: AnnotationState) -> Bool {
        speakers == other.speakers && mentions == other.mentions && cues == other.cues && claims == other.claims
            && targets == other.targets && stances == other.stances && notes == other.notes
            && statuses == other.statuses && reviews == other.reviews && rejections == other.rejections
    }

    /// Values of a dictionary sorted by numeric id (`C2` before `C10`).
    ///
    /// Sorts small keys (prefix, number, where the record is), each id parsed once, and takes the
    /// records in that order: sorting the records themselves would copy (retain and release) every
    /// field of every record at each move, which for 500 000 records took most of a save.
    public static func sortedByID<V>(_ dictionary: [String: V]) -> [V] {
        var keys: [(prefix: UInt8, number: Int, index: [String: V].Index)] = []
        keys.reserveCapacity(dictionary.count)
        var index = dictionary.startIndex
        while index != dictionary.endIndex {
            // Ids of another shape (e.g. `M01`): the general order.
            guard let id = RecordKey.parseID(dictionary[index].key) else {
                return dictionary.sorted { idOrder($0.key, $1.key) }.map(\.value)
            }
            keys.append((id.prefix, id.number, index))
            dictionary.formIndex(after: &index)
        }
        if let placed = placedByNumber(keys, of: dictionary) { return placed }
        keys.sort { lhs, rhs in
            if lhs.prefix != rhs.prefix { return lhs.prefix < rhs.prefix }
            if lhs.number != rhs.number { return lhs.number < rhs.number }
            return dictionary[lhs.index].key < dictionary[rhs.index].key
        }
        return keys.map { dictionary[$0.index].value }
    }

    /// The values in id order without comparing ids, when every id has the same letter, no two the
    /// same number and the numbers are not much larger than their count (the usual case: ids are
    /// handed out in order, some deleted): each value is put at its number. Nil otherwise.
    private static func placedByNumber<V>(_ keys: [(prefix: UInt8, number: Int, index: [String: V].Index)], of dictionary: [String: V]) -> [V]? {
        guard let first = keys.first else { return [] }
        let limit = keys.count * 4 + 64
        var slots = [Int32](repeating: -1, count: 0)
        for (position, key) in keys.enumerated() {
            guard key.prefix == first.prefix, key.number >= 0, key.number < limit else { return nil }
            if key.number >= slots.count { slots.append(contentsOf: repeatElement(-1, count: min(limit, max(key.number + 1, slots.count * 2)) - slots.count)) }
            guard slots[key.number] < 0 else { return nil }
            slots[key.number] = Int32(position)
        }
        var values: [V] = []
        values.reserveCapacity(keys.count)
        for slot in slots where slot >= 0 { values.append(dictionary[keys[Int(slot)].index].value) }
        return values
    }

    /// Orders ids by prefix, then number.
    public static func idOrder(_ lhs: String, _ rhs: String) -> Bool {
        // The usual ids (a capital letter and a number) without looking at characters one by one.
        if let l = RecordKey.parseID(lhs), let r = RecordKey.parseID(rhs) {
            if l.prefix != r.prefix { return l.prefix < r.prefix }
            return l.number != r.number ? l.number < r.number : lhs < rhs
        }
        let lp = lhs.prefix { !$0.isNumber }, rp = rhs.prefix { !$0.isNumber }
        if lp != rp { return lp < rp }
        let ln = Int(lhs.dropFirst(lp.count)) ?? 0, rn = Int(rhs.dropFirst(rp.count)) ?? 0
        return ln != rn ? ln < rn : lhs < rhs
    }

    /// Replaces the schema; only for sessions being created before any event.
    public mutating func useSchema(_ schema: AnnotationSchema) { self.schema = schema }

    // MARK: - Planning changes

    private func plan(_ action: EditAction) throws(AnnotationError) -> [Change.Entry] {
        switch action {
        case .add(let record):
            if case .status = record { return try plan(.replace(record)) }
            if case .review(let decision) = record { return try plan(.review(decision)) }
            guard self.record(record.key) == nil else { throw .duplicateID(record.key.description) }
            try validate(record)
            return [Change.Entry(key: record.key, before: nil, after: record)]
        case .replace(let record):
            let before = self.record(record.key)
            if case .status = record {} else if before == nil { throw .unknownID(record.key.description) }
            try validate(record)
            return [Change.Entry(key: record.key, before: before, after: record)]
        case .setStatus(let sentence, let status):
            guard sentence.sentence >= 0, !sentence.document.isEmpty else {
                throw .malformedSpan("sentence \(sentence) does not exist")
            }
            let key = RecordKey.status(sentence)
            return [Change.Entry(key: key, before: self.record(key), after: status == .open ? nil : .status(sentence, status))]
        case .review(let decision):
            guard record(id: decision.annotation) != nil else { throw .unknownID(decision.annotation) }
            if decision.verdict == .rejected, Self.isBlank(decision.reason ?? "") {
                throw .missingReason(decision.annotation)
            }
            let key = RecordKey.review(decision.annotation)
            return [Change.Entry(key: key, before: record(key), after: .review(decision))]
        case .delete(let id):
            guard let key = RecordKey.forID(id), let existing = record(key) else { throw .unknownID(id) }
            return cascade(deleting: existing)
        case .undo, .redo:
            return []
        }
    }

    /// Checks that the record's id (if its kind has ids) is its kind's letter and a number, and
    /// returns the id parsed.
    private func checkIDForm(_ record: Record) throws(AnnotationError) -> (prefix: UInt8, number: Int)? {
        let key = record.key
        guard let letter = key.prefixLetter else { return nil }
        let id = key.description
        guard let parsed = RecordKey.parseID(id), parsed.prefix == letter else {
            let prefix = Character(Unicode.Scalar(letter))
            throw .malformedID(id, expected: "\(prefix) followed by a number, e.g. \(prefix)1")
        }
        return parsed
    }

    private func validate(_ record: Record) throws(AnnotationError) {
        switch record {
        case .speaker(let speaker):
            if Self.isBlank(speaker.name) { throw .emptyText("a speaker's name") }
            try checkLabel(speaker.kind, in: schema.speakerKinds, field: "speaker kind")
        case .mention(let mention):
            if let problem = mention.anchor.problem { throw .malformedSpan("\(mention.id) \(problem)") }
            guard speakers[mention.speaker] != nil else {
                throw .unknownReference(kind: "speaker", id: mention.speaker, from: mention.id)
            }
        case .cue(let cue):
            if let problem = cue.anchor.problem { throw .malformedSpan("\(cue.id) \(problem)") }
        case .claim(let claim):
            if let problem = claim.anchor.problem { throw .malformedSpan("\(claim.id) \(problem)") }
            // Most claims name one speaker or mention: no id can then be listed twice, and no set is built.
            let checksTwice = claim.speakers.count + claim.mentions.count + claim.addressees.count > 1
            var listed = Set<String>()
            for speaker in claim.speakers {
                guard speakers[speaker] != nil else { throw .unknownReference(kind: "speaker", id: speaker, from: claim.id) }
                guard !checksTwice || listed.insert(speaker).inserted else { throw .listedTwice(id: speaker, role: "speaker", in: claim.id) }
            }
            for mention in claim.mentions {
                guard mentions[mention] != nil else { throw .unknownReference(kind: "mention", id: mention, from: claim.id) }
                guard !checksTwice || listed.insert(mention).inserted else { throw .listedTwice(id: mention, role: "speaker mention", in: claim.id) }
            }
            for addressee in claim.addressees {
                guard mentions[addressee] != nil else { throw .unknownReference(kind: "addressee mention", id: addressee, from: claim.id) }
                guard !checksTwice || listed.insert(addressee).inserted else { throw .listedTwice(id: addressee, role: "addressee", in: claim.id) }
            }
            if let cue = claim.cue, cues[cue] == nil { throw .unknownReference(kind: "cue", id: cue, from: claim.id) }
            if let form = claim.form { try checkLabel(form, in: schema.claimForms, field: "claim form") }
        case .target(let target):
            if Self.isBlank(target.text) { throw .emptyText("a target's text") }
        case .stance(let stance):
            guard speakers[stance.speaker] != nil else {
                throw .unknownReference(kind: "speaker", id: stance.speaker, from: stance.id)
            }
            guard targets[stance.target] != nil else {
                throw .unknownReference(kind: "target", id: stance.target, from: stance.id)
            }
            try checkLabel(stance.label, in: schema.stanceLabels, field: "stance label")
            for claim in stance.evidence where claims[claim] == nil {
                throw .unknownReference(kind: "claim", id: claim, from: stance.id)
            }
            if let other = stanceByPair[StancePair(speaker: stance.speaker, target: stance.target)], other != stance.id {
                throw .duplicateStance(speaker: stance.speaker, target: stance.target, existing: other)
            }
        case .note(let note):
            if Self.isBlank(note.text) { throw .emptyText("a note") }
            if case .annotation(let id) = note.subject, self.record(id: id) == nil {
                throw .unknownReference(kind: "annotation", id: id, from: note.id)
            }
        case .status(let sentence, _):
            if sentence.sentence < 0 { throw .malformedSpan("sentence \(sentence) does not exist") }
        case .review(let decision):
            if self.record(id: decision.annotation) == nil { throw .unknownID(decision.annotation) }
        case .rejection(let rejection):
            guard !rejection.claimSegments.isEmpty else { throw .malformedSpan("\(rejection.id) names no claim segments") }
            for segment in rejection.claimSegments + rejection.cueSegments + rejection.speakerSegments
            where segment.start < 0 || segment.start >= segment.end {
                throw .malformedSpan("\(rejection.id) needs non-empty segments with offsets ≥ 0")
            }
            if rejection.document.isEmpty { throw .malformedSpan("\(rejection.id) names no document") }
            if rejection.sentence < 0 { throw .malformedSpan("\(rejection.id) names sentence \(rejection.sentence)") }
        }
    }

    /// True when `text` is empty once `CharacterSet.whitespaces` is trimmed, without building the
    /// trimmed string (a name stops at its first letter).
    private static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(CharacterSet.whitespaces.contains)
    }

    private func checkLabel(_ label: String, in allowed: [String], field: String) throws(AnnotationError) {
        guard allowed.contains(label) else { throw .labelNotInSchema(label: label, field: field, allowed: allowed) }
    }

    private func cascade(deleting record: Record) -> [Change.Entry] {
        var entries: [Change.Entry] = []
        var removed = Set<String>()
        func remove(_ record: Record) {
            let id = record.key.description
            guard !removed.contains(id) else { return }
            removed.insert(id)
            entries.append(Change.Entry(key: record.key, before: record, after: nil))
        }
        var updatedClaims: [String: Claim] = [:]
        var updatedStances: [String: Stance] = [:]

        remove(record)
        switch record {
        case .speaker(let speaker):
            for mention in Self.sortedByID(mentions) where mention.speaker == speaker.id { remove(.mention(mention)) }
            for stance in Self.sortedByID(stances) where stance.speaker == speaker.id { remove(.stance(stance)) }
            for claim in Self.sortedByID(claims)
            where claim.speakers.contains(speaker.id) || claim.mentions.contains(where: removed.contains)
                || claim.addressees.contains(where: removed.contains) {
                var copy = claim
                copy.speakers.removeAll { $0 == speaker.id }
                copy.mentions.removeAll(where: removed.contains)
                copy.addressees.removeAll(where: removed.contains)
                updatedClaims[claim.id] = copy
            }
        case .mention(let mention):
            for claim in Self.sortedByID(claims) where claim.mentions.contains(mention.id) || claim.addressees.contains(mention.id) {
                var copy = claim
                copy.mentions.removeAll { $0 == mention.id }
                copy.addressees.removeAll { $0 == mention.id }
                updatedClaims[claim.id] = copy
            }
        case .cue(let cue):
            for claim in Self.sortedByID(claims) where claim.cue == cue.id {
                var copy = claim
                copy.cue = nil
                updatedClaims[claim.id] = copy
            }
        case .claim(let claim):
            for stance in Self.sortedByID(stances) where stance.evidence.contains(claim.id) {
                var copy = stance
                copy.evidence.removeAll { $0 == claim.id }
                updatedStances[stance.id] = copy
            }
        case .target(let target):
            for stance in Self.sortedByID(stances) where stance.target == target.id { remove(.stance(stance)) }
        default:
            break
        }
        for (id, claim) in updatedClaims.sorted(by: { Self.idOrder($0.key, $1.key) }) where !removed.contains(id) {
            entries.append(Change.Entry(key: .claim(id), before: claims[id].map(Record.claim), after: .claim(claim)))
        }
        for (id, stance) in updatedStances.sorted(by: { Self.idOrder($0.key, $1.key) }) where !removed.contains(id) {
            entries.append(Change.Entry(key: .stance(id), before: stances[id].map(Record.stance), after: .stance(stance)))
        }
        for note in Self.sortedByID(notes) {
            if case .annotation(let id) = note.subject, removed.contains(id) { remove(.note(note)) }
        }
        for id in removed.sorted(by: Self.idOrder) {
            if let review = reviews[id] { entries.append(Change.Entry(key: .review(id), before: .review(review), after: nil)) }
        }
        return entries
    }

    // MARK: - Writing

    private mutating func write(_ key: RecordKey, _ record: Record?) {
        switch (key, record) {
        case (.speaker(let id), let record): speakers[id] = record.flatMap { if case .speaker(let v) = $0 { v } else { nil } }
        case (.mention(let id), let record): mentions[id] = record.flatMap { if case .mention(let v) = $0 { v } else { nil } }
        case (.cue(let id), let record): cues[id] = record.flatMap { if case .cue(let v) = $0 { v } else { nil } }
        case (.claim(let id), let record): claims[id] = record.flatMap { if case .claim(let v) = $0 { v } else { nil } }
        case (.target(let id), let record): targets[id] = record.flatMap { if case .target(let v) = $0 { v } else { nil } }
        case (.stance(let id), let record):
            if let old = stances[id] {
                let pair = StancePair(speaker: old.speaker, target: old.target)
                if stanceByPair[pair] == id { stanceByPair[pair] = nil }
            }
            let stance = record.flatMap { if case .stance(let v) = $0 { v } else { nil } }
            stances[id] = stance
            if let stance { stanceByPair[StancePair(speaker: stance.speaker, target: stance.target)] = id }
        case (.note(let id), let record): notes[id] = record.flatMap { if case .note(let v) = $0 { v } else { nil } }
        case (.status(let sentence), let record):
            statuses[sentence] = record.flatMap { if case .status(_, let v) = $0 { v } else { nil } }
        case (.review(let id), let record): reviews[id] = record.flatMap { if case .review(let v) = $0 { v } else { nil } }
        case (.rejection(let id), let record): rejections[id] = record.flatMap { if case .rejection(let v) = $0 { v } else { nil } }
        }
    }

    /// Keeps the next free number of an id's letter past the id (`parsed` by ``RecordKey/parseID(_:)``).
    private mutating func reserve(_ parsed: (prefix: UInt8, number: Int)?) {
        guard let (letter, number) = parsed else { return }
        let index = Int(letter) - 65
        if number + 1 > nextNumber[index] { nextNumber[index] = number + 1 }
    }

    /// Adds a record that has an id of its own (its form checked by the caller), looking its id up
    /// once: checks the record's references and labels, and that the id is new (reported first, as
    /// ``plan(_:)`` does). Returns nil for statuses and reviews, which ``plan(_:)`` handles.
    private mutating func insert(_ record: Record) throws(AnnotationError) -> Change.Entry? {
        switch record {
        case .status, .review, .stance: return nil  // stances keep a pair index up to date in `write`
        default: break
        }
        do {
            try validate(record)
        } catch {
            if self.record(record.key) != nil { throw .duplicateID(record.key.description) }
            throw error
        }
        let isNew: Bool
        switch record {
        case .speaker(let value): isNew = Self.insertNew(value, for: value.id, into: &speakers)
        case .mention(let value): isNew = Self.insertNew(value, for: value.id, into: &mentions)
        case .cue(let value): isNew = Self.insertNew(value, for: value.id, into: &cues)
        case .claim(let value): isNew = Self.insertNew(value, for: value.id, into: &claims)
        case .target(let value): isNew = Self.insertNew(value, for: value.id, into: &targets)
        case .note(let value): isNew = Self.insertNew(value, for: value.id, into: &notes)
        case .rejection(let value): isNew = Self.insertNew(value, for: value.id, into: &rejections)
        case .status, .review, .stance: return nil
        }
        guard isNew else { throw .duplicateID(record.key.description) }
        return Change.Entry(key: record.key, before: nil, after: record)
    }

    /// Inserts `value` under `id` unless the id is taken (then the dictionary is left as it was).
    private static func insertNew<Value>(_ value: Value, for id: String, into dictionary: inout [String: Value]) -> Bool {
        guard let old = dictionary.updateValue(value, forKey: id) else { return true }
        dictionary[id] = old
        return false
    }
}
