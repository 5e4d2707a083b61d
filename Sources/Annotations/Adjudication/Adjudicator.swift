/// Writes adjudication decisions into the result session: each adopted version becomes an `add`
/// event by the adjudicator, with the agreeing annotators in `sources`, speakers and targets
/// created on first use, references (speaker, mention, cue, evidence) mapped to the result's ids.
/// A unit decided as none is recorded as a note, so a later run knows it was decided.
public struct Adjudicator: Sendable {
    /// The plan.
    public let plan: AdjudicationPlan
    /// Who adjudicates.
    public let adjudicator: String

    /// Creates an adjudicator for a plan.
    public init(plan: AdjudicationPlan, adjudicator: String) {
        self.plan = plan
        self.adjudicator = adjudicator
    }

    static let nonePrefix = "adjudicated: none — "

    /// True when the result already holds a decision for `unit`.
    public func isDecided(_ unit: AdjudicationUnit, in state: AnnotationState) -> Bool {
        if state.notes.values.contains(where: { $0.text == Self.nonePrefix + unit.key }) { return true }
        switch unit.kind {
        case "stance":
            return state.stances.values.contains { stanceKey($0, in: state) == unit.key }
        default:
            return state.allRecords.contains { record in
                record.kind == unit.kind && record.anchor.map { AdjudicationPlan.unitKey(kind: unit.kind, anchor: $0) } == unit.key
            }
        }
    }

    private func stanceKey(_ stance: Stance, in state: AnnotationState) -> String {
        let speaker = state.speakers[stance.speaker]?.name ?? stance.speaker
        return "stance \(speaker) → \(AgreementCalculator.normalizedTarget(state.targets[stance.target]?.text ?? stance.target))"
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
            for index in indices where unit.versions[index] != nil {
                try adopt(unit, index: index, edits: [:], session: &session, time: time)
            }
        case .edit(let index, let edits):
            try adopt(unit, index: index, edits: edits, session: &session, time: time)
        }
    }

    private func adopt(_ unit: AdjudicationUnit, index: Int, edits: [String: String], session: inout Session, time: String) throws(AnnotationError) {
        guard let record = unit.versions[index] else { return }
        let sources = unit.agreeing(with: index).map { plan.annotators[$0] }
        let state = plan.states[index]
        func flag(_ name: String, _ value: Bool) -> Bool { edits[name].map { $0 == "true" || $0 == "yes" } ?? value }
        func mapped(_ id: String?) -> String? {
            guard let id, let source = state.record(id: id), let anchor = source.anchor else { return nil }
            let key = AdjudicationPlan.unitKey(kind: source.kind, anchor: anchor)
            return session.state.allRecords.first { $0.kind == source.kind && $0.anchor.map { AdjudicationPlan.unitKey(kind: source.kind, anchor: $0) } == key }?.key.description
        }
        let result: Record
        switch record {
        case .mention(var m):
            m.id = session.state.nextID("M")
            m.speaker = try ensureSpeaker(session: index, id: m.speaker, into: &session, time: time)
            if let role = edits["role"] { m.role = role == "-" ? nil : role }
            m.annotator = adjudicator
            m.sources = sources
            result = .mention(m)
        case .cue(var q):
            q.id = session.state.nextID("Q")
            q.annotator = adjudicator
            q.sources = sources
            result = .cue(q)
        case .claim(var c):
            c.id = session.state.nextID("C")
            if let speaker = c.speaker { c.speaker = try ensureSpeaker(session: index, id: speaker, into: &session, time: time) }
            c.mention = mapped(c.mention)
            c.cue = mapped(c.cue)
            if let form = edits["form"] { c.form = form == "-" ? nil : form }
            c.negated = flag("negated", c.negated)
            c.hedged = flag("hedged", c.hedged)
            c.annotator = adjudicator
            c.sources = sources
            result = .claim(c)
        case .stance(var p):
            p.id = session.state.nextID("P")
            p.speaker = try ensureSpeaker(session: index, id: p.speaker, into: &session, time: time)
            p.target = try ensureTarget(state.targets[p.target]?.text ?? p.target, session: &session, time: time)
            p.evidence = p.evidence.compactMap(mapped)
            if let label = edits["label"] { p.label = label }
            p.annotator = adjudicator
            p.sources = sources
            if session.state.stances.values.contains(where: { $0.speaker == p.speaker && $0.target == p.target }) { return }
            result = .stance(p)
        default:
            return
        }
        try session.perform(.add(result), time: time, annotator: adjudicator)
    }

    /// The result's speaker for a source speaker: one per matched cluster, named as the first annotator
    /// names it, with every other name and alias of the cluster as aliases.
    private func ensureSpeaker(session s: Int, id: String, into session: inout Session, time: String) throws(AnnotationError) -> String {
        let cluster = plan.speakers.cluster(session: s, speaker: id)
        let name = plan.speakers.name(cluster)
        if let existing = session.state.speakers.values.first(where: { $0.name == name }) { return existing.id }
        var aliases: [String] = []
        var kind = "person"
        for (index, state) in plan.states.enumerated() {
            for speaker in AnnotationState.sortedByID(state.speakers) where plan.speakers.cluster(session: index, speaker: speaker.id) == cluster {
                if speaker.name == name { kind = speaker.kind }
                for form in [speaker.name] + speaker.aliases where form != name && !aliases.contains(form) { aliases.append(form) }
            }
        }
        let speaker = Speaker(id: session.state.nextID("S"), name: name, kind: kind, aliases: aliases, annotator: adjudicator)
        try session.perform(.add(.speaker(speaker)), time: time, annotator: adjudicator)
        return speaker.id
    }

    private func ensureTarget(_ text: String, session: inout Session, time: String) throws(AnnotationError) -> String {
        let folded = AgreementCalculator.normalizedTarget(text)
        if let existing = session.state.targets.values.first(where: { AgreementCalculator.normalizedTarget($0.text) == folded }) {
            return existing.id
        }
        let target = Target(id: session.state.nextID("T"), text: text, annotator: adjudicator)
        try session.perform(.add(.target(target)), time: time, annotator: adjudicator)
        return target.id
    }
}
