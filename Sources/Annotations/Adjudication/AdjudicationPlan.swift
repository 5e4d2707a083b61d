/// The units to adjudicate across annotators' sessions, in working order: mentions, cues, claims,
/// stances, each by document, sentence and span; and the sentence statuses to merge. Speakers are
/// matched by ``SpeakerClusters``, targets by folded text.
///
/// Text-bound annotations are distinct by span *and* attribution: two claims on one span by
/// different speakers ("Laut BBC sagte Müller: …") are two units. Versions of different annotators
/// on one span are paired by speaker first; what is left on the span is paired in order, so a
/// claim that one annotator attributes to BBC and the other to Müller is one disagreement.
public struct AdjudicationPlan: Sendable {
    /// The annotators, in input order (shown to the adjudicator).
    public let annotators: [String]
    /// The sessions' labels (file names without `.json`), named in the result's ``Origin/from``.
    public let labels: [String]
    /// Their states.
    public let states: [AnnotationState]
    /// Speakers matched across the sessions.
    let speakers: SpeakerClusters
    /// Every unit, agreed or not.
    public let units: [AdjudicationUnit]
    /// Sentences every annotator gave the same status (other than open), merged automatically.
    public let agreedStatuses: [(sentence: SentenceKey, status: SentenceStatus)]
    /// Sentences whose status differs between annotators: left open in the result.
    public let differingStatuses: [SentenceKey]
    /// The documents adjudicated (`nil`: all).
    let documents: Set<String>?

    /// Builds the plan; the sessions must be of one corpus (see ``AgreementReport/checkSameCorpus(annotators:sessions:)``).
    /// `labels` default to the annotators' names. With `documents`, only annotations and statuses in
    /// those documents are units (stances, bound to no document, always are).
    public init(annotators: [String], labels: [String]? = nil, states: [AnnotationState], documents: Set<String>? = nil) {
        self.annotators = annotators
        self.labels = labels ?? annotators
        self.states = states
        self.documents = documents
        let speakers = SpeakerClusters(states: states)
        self.speakers = speakers
        var units: [AdjudicationUnit] = []
        for kind in ["mention", "cue", "claim"] {
            var bySpan: [SpanKey: [AdjudicationUnit]] = [:]
            for (s, state) in states.enumerated() {
                let records: [Record]
                switch kind {
                case "mention": records = AnnotationState.sortedByID(state.mentions).map(Record.mention)
                case "cue": records = AnnotationState.sortedByID(state.cues).map(Record.cue)
                default: records = AnnotationState.sortedByID(state.claims).map(Record.claim)
                }
                for record in records {
                    guard let anchor = record.anchor, documents?.contains(anchor.document) ?? true else { continue }
                    let span = SpanKey(anchor)
                    var spanUnits = bySpan[span] ?? []
                    let identity = Self.speakerCluster(of: record, session: s, speakers: speakers)
                    let summary = Self.summary(record, session: s, states: states, speakers: speakers)
                    if let index = spanUnits.firstIndex(where: { $0.versions[s] == nil && $0.identity == identity }) {
                        spanUnits[index].versions[s] = record
                        spanUnits[index].summaries[s] = summary
                    } else {
                        var unit = AdjudicationUnit(
                            kind: kind, key: Self.unitKey(kind: kind, anchor: anchor),
                            sentence: SentenceKey(document: anchor.document, sentence: anchor.sentence),
                            versions: Array(repeating: nil, count: states.count), summaries: Array(repeating: nil, count: states.count))
                        unit.identity = identity
                        unit.versions[s] = record
                        unit.summaries[s] = summary
                        spanUnits.append(unit)
                    }
                    bySpan[span] = spanUnits
                }
            }
            var kindUnits: [AdjudicationUnit] = []
            for span in bySpan.keys.sorted() {
                let spanUnits = Self.pairingLeftovers(bySpan[span] ?? [])
                kindUnits += Self.namingApart(spanUnits, speakers: speakers)
            }
            units += kind == "mention" ? Self.joiningOverlaps(kindUnits) : kindUnits
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

        var agreed: [(sentence: SentenceKey, status: SentenceStatus)] = []
        var differing: [SentenceKey] = []
        let sentences = Set(states.flatMap(\.statuses.keys)).filter { documents?.contains($0.document) ?? true }
        for sentence in sentences.sorted() {
            let statuses = states.map { $0.status(of: sentence) }
            if Set(statuses).count > 1 {
                differing.append(sentence)
            } else if let status = statuses.first, status != .open {
                agreed.append((sentence, status))
            }
        }
        agreedStatuses = agreed
        differingStatuses = differing
    }

    /// The speaker clusters a mention or claim is attributed to (empty for cues and unattributed claims):
    /// a claim's whole speaker set, so versions pair when they name the same speakers in any order.
    private static func speakerCluster(of record: Record, session: Int, speakers: SpeakerClusters) -> Set<Int?> {
        switch record {
        case .mention(let m): return [speakers.cluster(session: session, speaker: m.speaker)]
        case .claim(let c): return Set(c.speakers.map { speakers.cluster(session: session, speaker: $0) })
        default: return []
        }
    }

    /// The names of a speaker set, sorted, joined by ` + ` (`(none)` when empty).
    static func names(_ set: Set<Int?>, speakers: SpeakerClusters) -> String {
        set.isEmpty ? speakers.name(nil) : set.map { speakers.name($0) }.sorted().joined(separator: " + ")
    }

    /// Units of one span after pairing by speaker: those that no annotator has in common are joined
    /// in order, so one claim attributed differently by two annotators is one disagreement.
    private static func pairingLeftovers(_ units: [AdjudicationUnit]) -> [AdjudicationUnit] {
        var result: [AdjudicationUnit] = []
        for unit in units {
            let present = unit.versions.indices.filter { unit.versions[$0] != nil }
            if let index = result.firstIndex(where: { other in present.allSatisfy { other.versions[$0] == nil } }),
                result[index].versions.contains(where: { $0 == nil })
            {
                for s in present {
                    result[index].versions[s] = unit.versions[s]
                    result[index].summaries[s] = unit.summaries[s]
                }
            } else {
                result.append(unit)
            }
        }
        return result
    }

    /// Mention units of one speaker whose spans overlap ("der Chef Ulrich Müller" and "Ulrich Müller")
    /// joined into one unit when no annotator has a version in both; a joined unit whose versions'
    /// spans differ compares them too (`span=„Ulrich Müller“` leads its summaries), so the
    /// adjudicator picks the span.
    static func joiningOverlaps(_ units: [AdjudicationUnit]) -> [AdjudicationUnit] {
        func anchors(_ unit: AdjudicationUnit) -> [TextAnchor] { unit.versions.compactMap { $0?.anchor } }
        func overlap(_ a: TextAnchor, _ b: TextAnchor) -> Bool {
            a.document == b.document && a.segments.contains { x in b.segments.contains { y in x.start < y.end && y.start < x.end } }
        }
        var result: [AdjudicationUnit] = []
        for unit in units {
            let present = unit.versions.indices.filter { unit.versions[$0] != nil }
            if !unit.identity.isEmpty,
                let index = result.lastIndex(where: { other in
                    other.identity == unit.identity && present.allSatisfy { other.versions[$0] == nil }
                        && anchors(other).contains { a in anchors(unit).contains { overlap(a, $0) } }
                })
            {
                for s in present {
                    result[index].versions[s] = unit.versions[s]
                    result[index].summaries[s] = unit.summaries[s]
                }
            } else {
                result.append(unit)
            }
        }
        return result.map { unit in
            let spans = Set(unit.versions.compactMap { $0?.anchor.map { unitKey(kind: unit.kind, anchor: $0) } })
            guard spans.count > 1 else { return unit }
            var unit = unit
            for s in unit.versions.indices {
                guard let anchor = unit.versions[s]?.anchor, let summary = unit.summaries[s] else { continue }
                unit.summaries[s] = "span=„\(anchor.text)“ " + summary
            }
            return unit
        }
    }

    /// Units of one span with keys told apart by speaker when the span has more than one unit (a
    /// span with one unit keeps the plain key, as results written before kept it).
    private static func namingApart(_ units: [AdjudicationUnit], speakers: SpeakerClusters) -> [AdjudicationUnit] {
        guard units.count > 1 else { return units }
        var taken: [String: Int] = [:]
        return units.map { unit in
            var unit = unit
            var names: [String] = []
            for (s, version) in unit.versions.enumerated() {
                guard let version else { continue }
                let name = Self.names(speakerCluster(of: version, session: s, speakers: speakers), speakers: speakers)
                if !names.contains(name) { names.append(name) }
            }
            var key = unit.key + " by " + names.joined(separator: " | ")
            taken[key, default: 0] += 1
            if let count = taken[key], count > 1 { key += " (\(count))" }
            unit.key = key
            return unit
        }
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
            let set = Set(c.speakers.map { speakers.cluster(session: session, speaker: $0) })
            // Mentions and addressees as sets (sorted), as the speakers: the mentions follow the
            // speakers' order, which does not count.
            let mentions = c.mentions.isEmpty ? "-" : c.mentions.map { text($0) }.sorted().joined(separator: "+")
            return "speaker=\(Self.names(set, speakers: speakers)) form=\(c.form ?? "-") "
                + "negated=\(c.negated) hedged=\(c.hedged) cue=\(text(c.cue)) mention=\(mentions)"
                + (c.addressees.isEmpty ? "" : " to=" + c.addressees.map { text($0) }.sorted().joined(separator: "+"))
        default:
            return "-"
        }
    }
}
