/// The units to adjudicate across annotators' sessions, in working order: mentions, cues, claims,
/// stances, each by document, sentence and span. Speakers are matched by ``SpeakerClusters``,
/// targets by folded text.
public struct AdjudicationPlan: Sendable {
    /// The annotators, in input order.
    public let annotators: [String]
    /// Their states.
    public let states: [AnnotationState]
    /// Speakers matched across the sessions.
    public let speakers: SpeakerClusters
    /// Every unit, agreed or not.
    public let units: [AdjudicationUnit]

    /// Builds the plan; the sessions must be of one corpus (see ``AgreementReport/checkSameCorpus(annotators:sessions:)``).
    public init(annotators: [String], states: [AnnotationState]) {
        self.annotators = annotators
        self.states = states
        let speakers = SpeakerClusters(states: states)
        self.speakers = speakers
        var units: [AdjudicationUnit] = []
        for kind in ["mention", "cue", "claim"] {
            var byKey: [SpanKey: AdjudicationUnit] = [:]
            for (s, state) in states.enumerated() {
                let records: [Record]
                switch kind {
                case "mention": records = AnnotationState.sortedByID(state.mentions).map(Record.mention)
                case "cue": records = AnnotationState.sortedByID(state.cues).map(Record.cue)
                default: records = AnnotationState.sortedByID(state.claims).map(Record.claim)
                }
                for record in records {
                    guard let anchor = record.anchor else { continue }
                    let key = SpanKey(anchor)
                    var unit = byKey[key] ?? AdjudicationUnit(
                        kind: kind, key: Self.unitKey(kind: kind, anchor: anchor),
                        sentence: SentenceKey(document: anchor.document, sentence: anchor.sentence),
                        versions: Array(repeating: nil, count: states.count), summaries: Array(repeating: nil, count: states.count))
                    if unit.versions[s] == nil {
                        unit.versions[s] = record
                        unit.summaries[s] = Self.summary(record, session: s, states: states, speakers: speakers)
                    }
                    byKey[key] = unit
                }
            }
            units += byKey.sorted { $0.key < $1.key }.map(\.value)
        }
        var stanceUnits: [String: AdjudicationUnit] = [:]
        for (s, state) in states.enumerated() {
            for stance in AnnotationState.sortedByID(state.stances) {
                let key = Self.stanceKey(stance, session: s, states: states, speakers: speakers)
                var unit = stanceUnits[key] ?? AdjudicationUnit(
                    kind: "stance", key: key, sentence: nil,
                    versions: Array(repeating: nil, count: states.count), summaries: Array(repeating: nil, count: states.count))
                unit.versions[s] = .stance(stance)
                unit.summaries[s] = "label=\(stance.label)"
                stanceUnits[key] = unit
            }
        }
        units += stanceUnits.sorted { $0.key < $1.key }.map(\.value)
        self.units = units
    }

    /// The unit key of a text-bound annotation.
    public static func unitKey(kind: String, anchor: TextAnchor) -> String {
        "\(kind) \(anchor.document)@" + anchor.segments.map { "\($0.start)-\($0.end)" }.joined(separator: ",")
    }

    /// The unit key of a stance: speaker name and folded target text.
    static func stanceKey(_ stance: Stance, session: Int, states: [AnnotationState], speakers: SpeakerClusters) -> String {
        let speaker = speakers.name(speakers.cluster(session: session, speaker: stance.speaker))
        let target = states[session].targets[stance.target]?.text ?? stance.target
        return "stance \(speaker) → \(AgreementCalculator.normalizedTarget(target))"
    }

    /// The attributes compared between annotators, as shown side by side.
    static func summary(_ record: Record, session: Int, states: [AnnotationState], speakers: SpeakerClusters) -> String {
        let state = states[session]
        func text(_ id: String?) -> String {
            guard let id, let anchor = state.record(id: id)?.anchor else { return "-" }
            return "„\(anchor.text)“"
        }
        switch record {
        case .mention(let m):
            return "speaker=\(speakers.name(speakers.cluster(session: session, speaker: m.speaker)))" + (m.role.map { " role=\($0)" } ?? "")
        case .claim(let c):
            return "speaker=\(speakers.name(speakers.cluster(session: session, speaker: c.speaker))) form=\(c.form ?? "-") "
                + "negated=\(c.negated) hedged=\(c.hedged) cue=\(text(c.cue)) mention=\(text(c.mention))"
        default:
            return "-"
        }
    }
}
