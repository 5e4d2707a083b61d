/// Writes adjudication decisions into the result session: each adopted version becomes an `add`
/// event by the adjudicator, with the agreeing annotators in `sources` and the annotations it was
/// taken from in its ``Origin`` (`adjudicated`, from session label and id), speakers and targets
/// created on first use, references (speaker, mention, cue, evidence) mapped to the result's ids.
/// A unit decided as none is recorded as a note, so a later run knows it was decided. The
/// annotators' notes go with what is taken from them (annotations, speakers, targets) and, through
/// ``mergeSentenceNotes(into:time:)``, with the sentences they are on.
public struct Adjudicator: Sendable {
    /// The plan.
    public let plan: AdjudicationPlan
    /// Who adjudicates.
    public let adjudicator: String

    /// Per input, its notes on annotations, speakers and targets by subject (in id order), other
    /// than those recording an earlier adjudication's "none": what ``carryNotes(of:to:session:time:)``
    /// copies, found without going through every note for each record taken.
    private let annotationNotes: [[String: [Note]]]

    /// Creates an adjudicator for a plan.
    public init(plan: AdjudicationPlan, adjudicator: String) {
        self.plan = plan
        self.adjudicator = adjudicator
        annotationNotes = plan.states.map { state in
            var bySubject: [String: [Note]] = [:]
            for note in AnnotationState.sortedByID(state.notes) where !note.text.hasPrefix(Self.nonePrefix) {
                if case .annotation(let id) = note.subject { bySubject[id, default: []].append(note) }
            }
            return bySubject
        }
    }

    static let nonePrefix = "adjudicated: none — "

    /// The annotations of the inputs a unit's versions are: (session label, id) per version.
    private func sources(of unit: AdjudicationUnit) -> Set<Origin.Source> {
        var result = Set<Origin.Source>()
        for (s, version) in unit.versions.enumerated() {
            if let id = version?.id { result.insert(Origin.Source(session: plan.labels[s], id: id)) }
        }
        return result
    }

    /// True when the result already holds a decision for `unit`: a record taken from one of its
    /// versions (by its origin), a note recording "none", or (results written before origins were
    /// kept) a record without origin at the same span and with one of the versions' speakers.
    public func isDecided(_ unit: AdjudicationUnit, in state: AnnotationState) -> Bool {
        if state.notes.values.contains(where: { $0.text == Self.nonePrefix + unit.key }) { return true }
        let versions = sources(of: unit)
        func takenFrom(_ origin: Origin?) -> Bool { origin?.from?.contains { versions.contains($0) } ?? false }
        switch unit.kind {
        case "stance":
            return state.stances.values.contains { takenFrom($0.origin) || ($0.origin == nil && stanceKey($0, in: state) == unit.key) }
        case "mention":
            return state.mentions.values.contains { takenFrom($0.origin) || ($0.origin == nil && sameSpanAndSpeaker(.mention($0), unit, in: state)) }
        case "cue":
            return state.cues.values.contains { takenFrom($0.origin) || ($0.origin == nil && sameSpanAndSpeaker(.cue($0), unit, in: state)) }
        default:
            return state.claims.values.contains { takenFrom($0.origin) || ($0.origin == nil && sameSpanAndSpeaker(.claim($0), unit, in: state)) }
        }
    }

    /// A record of the result without origin matches a unit by span and, for mentions and claims,
    /// by a speaker named as one of the versions' speakers.
    private func sameSpanAndSpeaker(_ record: Record, _ unit: AdjudicationUnit, in state: AnnotationState) -> Bool {
        guard let version = unit.versions.compactMap({ $0 }).first, let anchor = record.anchor, let other = version.anchor,
            AdjudicationPlan.unitKey(kind: unit.kind, anchor: anchor) == AdjudicationPlan.unitKey(kind: unit.kind, anchor: other)
        else { return false }
        // The speaker SET by name (sorted, so order does not count), as the plan pairs versions.
        func names(_ list: [String]) -> String { list.isEmpty ? "(none)" : list.sorted().joined(separator: " + ") }
        let speakers: [String]
        switch record {
        case .mention(let m): speakers = [m.speaker]
        case .claim(let c): speakers = c.speakers
        default: return true
        }
        let name = names(Set(speakers.map { state.speakers[$0]?.name ?? "(none)" }).map { $0 })
        return unit.versions.indices.contains { s in
            let ids: [String]
            switch unit.versions[s] {
            case .mention(let m)?: ids = [m.speaker]
            case .claim(let c)?: ids = c.speakers
            default: return false
            }
            return names(Set(ids.map { plan.speakers.name(plan.speakers.cluster(session: s, speaker: $0)) }).map { $0 }) == name
        }
    }

    private func stanceKey(_ stance: Stance, in state: AnnotationState) -> String {
        let speaker = state.speakers[stance.speaker]?.name ?? stance.speaker
        return "stance \(speaker) → \(AgreementCalculator.normalizedTarget(state.targets[stance.target]?.text ?? stance.target))"
    }

    /// Sets every status the annotators agree on (``AdjudicationPlan/agreedStatuses``) where the
    /// result has none yet; statuses they differ on are left open. Returns how many were set.
    @discardableResult
    public func mergeStatuses(into session: inout Session, time: String) throws(AnnotationError) -> Int {
        var count = 0
        for (sentence, status) in plan.agreedStatuses where session.state.statuses[sentence] == nil {
            try session.perform(.setStatus(sentence, status), time: time, annotator: adjudicator)
            count += 1
        }
        return count
    }

    /// Applies a decision to `session` (no event for `.quit`).
    public func apply(_ choice: AdjudicationChoice, to unit: AdjudicationUnit, session: inout Session, time: String) throws(AnnotationError) {
        switch choice {
        case .quit: return
        case .none:
            let subject: Note.Subject
            if let sentence = unit.sentence {
                subject = .sentence(sentence)
            } else if case .stance(let stance)? = unit.versions.compactMap({ $0 }).first,
                let s = unit.versions.firstIndex(where: { $0 != nil }),
                let target = plan.states[s].targets[stance.target]
            {
                subject = .annotation(try ensureTarget(target.text, session: &session, time: time))
            } else {
                return
            }
            try session.perform(.add(.note(Note(id: session.state.nextID("N"), subject: subject, text: Self.nonePrefix + unit.key, annotator: adjudicator))), time: time, annotator: adjudicator)
        case .take(let indices):
            // Versions alike are one annotation (adopted once, from all of them): `1,2` with two
            // annotators agreeing and a third without it took it twice.
            var taken: [Int] = []
            for index in indices where unit.versions[index] != nil && !taken.contains(where: { unit.agreeing(with: $0).contains(index) }) {
                try adopt(unit, index: index, edits: [:], session: &session, time: time)
                taken.append(index)
            }
        case .edit(let index, let edits):
            try adopt(unit, index: index, edits: edits, session: &session, time: time)
        case .acceptAlike(let index):
            try adopt(unit, index: index, edits: [:], session: &session, time: time)
        }
    }

    private func adopt(_ unit: AdjudicationUnit, index: Int, edits: [String: String], session: inout Session, time: String) throws(AnnotationError) {
        guard let record = unit.versions[index] else { return }
        let agreeing = unit.agreeing(with: index)
        let sources = agreeing.map { plan.annotators[$0] }
        // An accepted suggestion keeps its rule: the version taken names it, else one alike.
        let rule = ([index] + agreeing).lazy.compactMap { unit.versions[$0].flatMap(Self.origin(of:))?.rule }.first
        let origin = Origin(kind: .adjudicated, rule: rule, from: agreeing.compactMap { s in
            unit.versions[s]?.id.map { Origin.Source(session: plan.labels[s], id: $0) }
        })
        let state = plan.states[index]
        let label = plan.labels[index]
        func flag(_ name: String, _ value: Bool) -> Bool { edits[name].map { $0 == "true" || $0 == "yes" } ?? value }
        /// The result's record for a record of this version: the one taken from it, else (taken from
        /// another annotator's version) the one of the same kind at the same span.
        func mapped(_ id: String?) -> String? {
            guard let id, let source = state.record(id: id), let anchor = source.anchor else { return nil }
            let link = Origin.Source(session: label, id: id)
            let candidates: [Record]
            switch source {
            case .mention: candidates = AnnotationState.sortedByID(session.state.mentions).map(Record.mention)
            case .cue: candidates = AnnotationState.sortedByID(session.state.cues).map(Record.cue)
            case .claim: candidates = AnnotationState.sortedByID(session.state.claims).map(Record.claim)
            default: return nil
            }
            if let linked = candidates.first(where: { Self.origin(of: $0)?.from?.contains(link) ?? false }) { return linked.key.description }
            let key = AdjudicationPlan.unitKey(kind: source.kind, anchor: anchor)
            if let same = candidates.first(where: { $0.anchor.map { AdjudicationPlan.unitKey(kind: source.kind, anchor: $0) } == key }) {
                return same.key.description
            }
            // Another version of the same unit was taken (overlapping mentions of one speaker, the
            // other annotator's span picked): the record taken from it.
            guard let sameUnit = plan.units.first(where: { $0.versions[index]?.id == id && $0.kind == source.kind }) else { return nil }
            let versions = self.sources(of: sameUnit)
            return candidates.first { Self.origin(of: $0)?.from?.contains { versions.contains($0) } ?? false }?.key.description
        }
        let result: Record
        switch record {
        case .mention(var m):
            m.id = session.state.nextID("M")
            m.speaker = try ensureSpeaker(session: index, id: m.speaker, into: &session, time: time)
            if let role = edits["role"] { m.role = role == "-" ? nil : role }
            m.annotator = adjudicator
            m.sources = sources
            m.origin = origin
            result = .mention(m)
        case .cue(var q):
            q.id = session.state.nextID("Q")
            q.annotator = adjudicator
            q.sources = sources
            q.origin = origin
            result = .cue(q)
        case .claim(var c):
            c.id = session.state.nextID("C")
            var speakers: [String] = []
            for speaker in c.speakers {
                let id = try ensureSpeaker(session: index, id: speaker, into: &session, time: time)
                if !speakers.contains(id) { speakers.append(id) }
            }
            c.speakers = speakers
            c.mentions = c.mentions.compactMap { mapped($0) }
            c.addressees = c.addressees.compactMap { mapped($0) }.filter { !c.mentions.contains($0) }
            c.cue = mapped(c.cue)
            if let form = edits["form"] { c.form = form == "-" ? nil : form }
            c.negated = flag("negated", c.negated)
            c.hedged = flag("hedged", c.hedged)
            c.annotator = adjudicator
            c.sources = sources
            c.origin = origin
            result = .claim(c)
        case .stance(var p):
            p.id = session.state.nextID("P")
            p.speaker = try ensureSpeaker(session: index, id: p.speaker, into: &session, time: time)
            p.target = try ensureTarget(state.targets[p.target]?.text ?? p.target, session: &session, time: time)
            p.evidence = p.evidence.compactMap(mapped)
            if let label = edits["label"] { p.label = label }
            p.annotator = adjudicator
            p.sources = sources
            p.origin = origin
            if session.state.stances.values.contains(where: { $0.speaker == p.speaker && $0.target == p.target }) { return }
            result = .stance(p)
        default:
            return
        }
        try session.perform(.add(result), time: time, annotator: adjudicator)
        try carryNotes(of: agreeing.compactMap { s in unit.versions[s]?.id.map { (s, $0) } }, to: result.key.description, session: &session, time: time)
    }

    /// Copies the notes the annotators wrote on `sources` (session index, id) onto the result's
    /// `id`, each with its writer, once (a note with the same text on it is not added again). Notes
    /// recording an earlier adjudication's "none" stay behind. `id` was just made (`nextID` never
    /// gives an id twice), so the result holds no note on it yet.
    private func carryNotes(of sources: [(Int, String)], to id: String, session: inout Session, time: String) throws(AnnotationError) {
        var present = NotesPresent()
        for (s, source) in sources {
            for note in annotationNotes[s][source] ?? [] {
                try addNoteOnce(subject: .annotation(id), copying: note, present: &present, session: &session, time: time)
            }
        }
    }

    /// Copies every annotator's notes on sentences of the adjudicated documents into the result,
    /// each with its writer, once (a note with the same text on the sentence is not added again).
    /// Returns how many were added.
    @discardableResult
    public func mergeSentenceNotes(into session: inout Session, time: String) throws(AnnotationError) -> Int {
        var present = NotesPresent(session.state.notes.values)
        var count = 0
        for state in plan.states {
            for note in AnnotationState.sortedByID(state.notes) where !note.text.hasPrefix(Self.nonePrefix) {
                guard case .sentence(let sentence) = note.subject, plan.documents?.contains(sentence.document) ?? true else { continue }
                if try addNoteOnce(subject: note.subject, copying: note, present: &present, session: &session, time: time) { count += 1 }
            }
        }
        return count
    }

    /// Adds a copy of `note` on `subject` to the result, with its writer, unless `present` says the
    /// result holds a note with that subject and text; returns whether it was added.
    @discardableResult
    private func addNoteOnce(
        subject: Note.Subject, copying note: Note, present: inout NotesPresent, session: inout Session, time: String
    ) throws(AnnotationError) -> Bool {
        guard present.insert(subject: subject, text: note.text) else { return false }
        let copy = Note(id: session.state.nextID("N"), subject: subject, text: note.text, annotator: note.annotator)
        try session.perform(.add(.note(copy)), time: time, annotator: adjudicator)
        return true
    }

    /// The origin of a text-bound record or a stance.
    private static func origin(of record: Record) -> Origin? {
        switch record {
        case .mention(let m): return m.origin
        case .cue(let q): return q.origin
        case .claim(let c): return c.origin
        case .stance(let p): return p.origin
        default: return nil
        }
    }

    /// The result's speaker for a source speaker: one per matched cluster, named as the first annotator
    /// names it, with every other name and alias of the cluster as aliases, and the cluster's speakers
    /// in its origin. (A result written before origins were kept is searched by name.)
    private func ensureSpeaker(session s: Int, id: String, into session: inout Session, time: String) throws(AnnotationError) -> String {
        let cluster = plan.speakers.cluster(session: s, speaker: id)
        let name = plan.speakers.name(cluster)
        let link = Origin.Source(session: plan.labels[s], id: id)
        let speakers = AnnotationState.sortedByID(session.state.speakers)
        if let existing = speakers.first(where: { $0.origin?.from?.contains(link) ?? false }) { return existing.id }
        if let existing = speakers.first(where: { $0.origin == nil && $0.name == name }) { return existing.id }
        var aliases: [String] = []
        var kind = "person"
        var from: [Origin.Source] = []
        var members: [(Int, String)] = []
        for (index, state) in plan.states.enumerated() {
            for speaker in AnnotationState.sortedByID(state.speakers) where plan.speakers.cluster(session: index, speaker: speaker.id) == cluster {
                if speaker.name == name { kind = speaker.kind }
                from.append(Origin.Source(session: plan.labels[index], id: speaker.id))
                members.append((index, speaker.id))
                for form in [speaker.name] + speaker.aliases where form != name && !aliases.contains(form) { aliases.append(form) }
            }
        }
        let speaker = Speaker(
            id: session.state.nextID("S"), name: name, kind: kind, aliases: aliases, annotator: adjudicator,
            origin: Origin(kind: .adjudicated, from: from))
        try session.perform(.add(.speaker(speaker)), time: time, annotator: adjudicator)
        try carryNotes(of: members, to: speaker.id, session: &session, time: time)
        return speaker.id
    }

    private func ensureTarget(_ text: String, session: inout Session, time: String) throws(AnnotationError) -> String {
        let folded = AgreementCalculator.normalizedTarget(text)
        if let existing = session.state.targets.values.first(where: { AgreementCalculator.normalizedTarget($0.text) == folded }) {
            return existing.id
        }
        var from: [Origin.Source] = []
        var members: [(Int, String)] = []
        for (index, state) in plan.states.enumerated() {
            for target in AnnotationState.sortedByID(state.targets) where AgreementCalculator.normalizedTarget(target.text) == folded {
                from.append(Origin.Source(session: plan.labels[index], id: target.id))
                members.append((index, target.id))
            }
        }
        let target = Target(id: session.state.nextID("T"), text: text, annotator: adjudicator, origin: Origin(kind: .adjudicated, from: from))
        try session.perform(.add(.target(target)), time: time, annotator: adjudicator)
        try carryNotes(of: members, to: target.id, session: &session, time: time)
        return target.id
    }
}
