/// The differences between two sessions of one corpus (two annotators, or a session and its
/// reviewed version): annotations only in the first, only in the second, and changed.
///
/// When one session descends from the other (``matchByID``) annotations are matched by id, so a
/// moved span shows as changed. Otherwise they are matched by what they are: text-bound
/// annotations by kind and exact span, speakers by ``SpeakerResolver`` key of name and aliases,
/// targets by folded text, stances by matched speaker and target, statuses by sentence.
public struct SessionDiff: Sendable {
    /// Every difference, grouped by document and sentence (speakers, targets and stances last).
    public private(set) var entries: [SessionDiffEntry] = []

    /// Compares `first` with `second`.
    public init(_ first: AnnotationState, _ second: AnnotationState, matchByID: Bool) {
        let speakers = SpeakerClusters(states: [first, second])
        func speakerName(_ side: Int, _ id: String?) -> String {
            guard let id else { return "(none)" }
            let state = side == 0 ? first : second
            return state.speakers[id]?.name ?? id
        }
        func speakerIdentity(_ side: Int, _ id: String?) -> String {
            matchByID ? (id ?? "") : (speakers.cluster(session: side, speaker: id).map(String.init) ?? "")
        }
        func anchorText(_ state: AnnotationState, _ id: String?) -> String {
            guard let id, let record = state.record(id: id), let anchor = record.anchor else { return "(none)" }
            return "„\(anchor.text)“"
        }
        func spans(_ anchor: TextAnchor) -> String { anchor.segments.map { "\($0.start)-\($0.end)" }.joined(separator: ",") }

        // Text-bound annotations.
        for kind in ["mention", "cue", "claim"] {
            func records(_ state: AnnotationState) -> [Record] {
                switch kind {
                case "mention": return AnnotationState.sortedByID(state.mentions).map(Record.mention)
                case "cue": return AnnotationState.sortedByID(state.cues).map(Record.cue)
                default: return AnnotationState.sortedByID(state.claims).map(Record.claim)
                }
            }
            func attributes(_ record: Record, side: Int) -> [(String, String, String)] {
                let state = side == 0 ? first : second
                var result: [(String, String, String)] = []
                if let anchor = record.anchor { result.append(("span", spans(anchor), spans(anchor))) }
                switch record {
                case .mention(let m):
                    result.append(("speaker", speakerIdentity(side, m.speaker), speakerName(side, m.speaker)))
                    result.append(("role", m.role ?? "", m.role ?? "(none)"))
                case .claim(let c):
                    result.append(("speaker", speakerIdentity(side, c.speaker), speakerName(side, c.speaker)))
                    result.append(("form", c.form ?? "", c.form ?? "(none)"))
                    result.append(("negated", String(c.negated), String(c.negated)))
                    result.append(("hedged", String(c.hedged), String(c.hedged)))
                    let cue = anchorText(state, c.cue), mention = anchorText(state, c.mention)
                    result.append(("cue", cue, cue))
                    result.append(("mention", mention, mention))
                default: break
                }
                return result
            }
            let a = records(first), b = records(second)
            func key(_ record: Record) -> String {
                matchByID ? record.key.description : record.anchor.map { "\($0.document)@" + spans($0) } ?? record.key.description
            }
            var bByKey: [String: Record] = [:]
            for record in b { bByKey[key(record)] = record }
            var matched = Set<String>()
            for record in a {
                guard let anchor = record.anchor else { continue }
                let sentence = SentenceKey(document: anchor.document, sentence: anchor.sentence)
                let label = "„\(anchor.text)“"
                guard let other = bByKey[key(record)] else {
                    entries.append(SessionDiffEntry(side: .onlyFirst, kind: kind, sentence: sentence, label: label, ids: record.key.description))
                    continue
                }
                matched.insert(key(record))
                let before = attributes(record, side: 0), after = attributes(other, side: 1)
                var changes: [String] = []
                for (x, y) in zip(before, after) where x.1 != y.1 { changes.append("\(x.0): \(x.2) → \(y.2)") }
                if !changes.isEmpty {
                    let ids = record.key.description == other.key.description ? record.key.description : "\(record.key) → \(other.key)"
                    entries.append(SessionDiffEntry(side: .changed, kind: kind, sentence: sentence, label: label, ids: ids, changes: changes))
                }
            }
            for record in b where !matched.contains(key(record)) {
                guard let anchor = record.anchor else { continue }
                entries.append(SessionDiffEntry(
                    side: .onlySecond, kind: kind, sentence: SentenceKey(document: anchor.document, sentence: anchor.sentence),
                    label: "„\(anchor.text)“", ids: record.key.description))
            }
        }

        // Sentence statuses.
        for sentence in Set(first.statuses.keys).union(second.statuses.keys).sorted() {
            let x = first.status(of: sentence), y = second.status(of: sentence)
            guard x != y else { continue }
            entries.append(SessionDiffEntry(side: .changed, kind: "status", sentence: sentence, label: "", ids: "", changes: ["\(x.rawValue) → \(y.rawValue)"]))
        }

        // Speakers.
        let firstSpeakers = AnnotationState.sortedByID(first.speakers), secondSpeakers = AnnotationState.sortedByID(second.speakers)
        func speakerKey(_ side: Int, _ speaker: Speaker) -> String { speakerIdentity(side, speaker.id) }
        var matchedSpeakers = Set<String>()
        for speaker in firstSpeakers {
            let k = speakerKey(0, speaker)
            guard let other = secondSpeakers.first(where: { speakerKey(1, $0) == k }) else {
                entries.append(SessionDiffEntry(side: .onlyFirst, kind: "speaker", sentence: nil, label: speaker.name, ids: speaker.id))
                continue
            }
            matchedSpeakers.insert(k)
            var changes: [String] = []
            if speaker.name != other.name { changes.append("name: \(speaker.name) → \(other.name)") }
            if speaker.kind != other.kind { changes.append("kind: \(speaker.kind) → \(other.kind)") }
            if speaker.aliases != other.aliases {
                changes.append("aliases: \(speaker.aliases.joined(separator: ", ")) → \(other.aliases.joined(separator: ", "))")
            }
            if !changes.isEmpty {
                let ids = speaker.id == other.id ? speaker.id : "\(speaker.id) → \(other.id)"
                entries.append(SessionDiffEntry(side: .changed, kind: "speaker", sentence: nil, label: speaker.name, ids: ids, changes: changes))
            }
        }
        for speaker in secondSpeakers where !matchedSpeakers.contains(speakerKey(1, speaker)) {
            entries.append(SessionDiffEntry(side: .onlySecond, kind: "speaker", sentence: nil, label: speaker.name, ids: speaker.id))
        }

        // Stances, by speaker and target text.
        func stanceKey(_ side: Int, _ stance: Stance) -> String {
            let state = side == 0 ? first : second
            if matchByID { return stance.id }
            return speakerIdentity(side, stance.speaker) + "\u{1F}" + AgreementCalculator.normalizedTarget(state.targets[stance.target]?.text ?? stance.target)
        }
        func stanceLabel(_ side: Int, _ stance: Stance) -> String {
            let state = side == 0 ? first : second
            return "\(speakerName(side, stance.speaker)) → \(state.targets[stance.target]?.text ?? stance.target)"
        }
        let secondStances = AnnotationState.sortedByID(second.stances)
        var matchedStances = Set<String>()
        for stance in AnnotationState.sortedByID(first.stances) {
            let k = stanceKey(0, stance)
            guard let other = secondStances.first(where: { stanceKey(1, $0) == k }) else {
                entries.append(SessionDiffEntry(side: .onlyFirst, kind: "stance", sentence: nil, label: stanceLabel(0, stance), ids: stance.id))
                continue
            }
            matchedStances.insert(k)
            if stance.label != other.label {
                let ids = stance.id == other.id ? stance.id : "\(stance.id) → \(other.id)"
                entries.append(SessionDiffEntry(side: .changed, kind: "stance", sentence: nil, label: stanceLabel(0, stance), ids: ids, changes: ["label: \(stance.label) → \(other.label)"]))
            }
        }
        for stance in secondStances where !matchedStances.contains(stanceKey(1, stance)) {
            entries.append(SessionDiffEntry(side: .onlySecond, kind: "stance", sentence: nil, label: stanceLabel(1, stance), ids: stance.id))
        }

        let kindOrder = ["status", "mention", "cue", "claim", "speaker", "stance"]
        entries = entries.enumerated().sorted { l, r in
            let a = l.element, b = r.element
            switch (a.sentence, b.sentence) {
            case (let x?, let y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: break
            }
            let ka = kindOrder.firstIndex(of: a.kind) ?? 9, kb = kindOrder.firstIndex(of: b.kind) ?? 9
            return ka != kb ? ka < kb : l.offset < r.offset
        }.map(\.element)
    }

    /// True when the sessions hold the same annotations (as matched).
    public var isEmpty: Bool { entries.isEmpty }

    /// The readable diff: `--- A` / `+++ B`, then per document and sentence lines starting with
    /// `-` (only in A), `+` (only in B) or `~` (changed, with what changed).
    public func rendered(firstName: String, secondName: String, sentenceText: (SentenceKey) -> String? = { _ in nil }) -> String {
        var out = "--- \(firstName)\n+++ \(secondName)\n"
        if entries.isEmpty { return out + "no differences\n" }
        var document: String?? = .none
        var sentence: SentenceKey?? = .none
        for entry in entries {
            if document != .some(entry.sentence?.document) {
                document = .some(entry.sentence?.document)
                out += "\n" + (entry.sentence.map { "document \($0.document)" } ?? "speakers and stances") + "\n"
            }
            if let key = entry.sentence, sentence != .some(key) {
                sentence = .some(key)
                out += "  sentence \(key.sentence)" + (sentenceText(key).map { ": \($0)" } ?? "") + "\n"
            }
            let ids = entry.ids.isEmpty ? "" : " (\(entry.ids))"
            out += "    \(entry.side.rawValue) \(entry.kind)\(entry.label.isEmpty ? "" : " " + entry.label)\(ids)"
            out += entry.changes.isEmpty ? "\n" : ": " + entry.changes.joined(separator: "; ") + "\n"
        }
        return out
    }
}
