/// The differences between two sessions of one corpus (two annotators, a session and its reviewed
/// version, or an annotator's session and an adjudicated one): annotations only in the first, only
/// in the second, and changed.
///
/// Annotations are paired one to one, in this order: through their ``Origin`` (an annotation of one
/// session whose `origin.from` names the other session's label and an id there, as adjudication
/// writes it); by id when one session descends from the other with the same ids (``matchByID``,
/// so a moved span shows as changed); otherwise by what they are: text-bound annotations by kind,
/// exact span and speaker, then by kind and exact span; speakers by ``SpeakerClusters``, targets
/// by folded text, stances by matched speaker and target (their label and evidence compared), statuses
/// by sentence, notes by their text and what they are on (a sentence, or paired records).
public struct SessionDiff: Sendable {
    /// Every difference, grouped by document and sentence (speakers, targets and stances last).
    private(set) var entries: [SessionDiffEntry] = []
    /// How many annotations were paired through their origin.
    public private(set) var matchedThroughOrigin = 0

    /// Compares `first` with `second`; `labels` are the sessions' labels as the other's origins name
    /// them (``AdjudicationInputs``; `nil`: the other's origins cannot name it).
    public init(_ first: AnnotationState, _ second: AnnotationState, matchByID: Bool, labels: (first: String?, second: String?)? = nil) {
        let states = [first, second]
        /// Pairs through origin: second's records naming first's (label, id), and the other way round.
        func originPairs(_ a: [(id: String, origin: Origin?)], _ b: [(id: String, origin: Origin?)]) -> [(String, String)] {
            guard let labels else { return [] }
            let aIDs = Set(a.map(\.id)), bIDs = Set(b.map(\.id))
            var pairs: [(String, String)] = []
            var usedA = Set<String>(), usedB = Set<String>()
            for record in b {
                for source in record.origin?.from ?? [] where source.session == labels.first && aIDs.contains(source.id) {
                    guard !usedA.contains(source.id), !usedB.contains(record.id) else { continue }
                    pairs.append((source.id, record.id))
                    usedA.insert(source.id)
                    usedB.insert(record.id)
                }
            }
            for record in a {
                for source in record.origin?.from ?? [] where source.session == labels.second && bIDs.contains(source.id) {
                    guard !usedA.contains(record.id), !usedB.contains(source.id) else { continue }
                    pairs.append((record.id, source.id))
                    usedA.insert(record.id)
                    usedB.insert(source.id)
                }
            }
            return pairs
        }

        // Speakers: first id → second id.
        let firstSpeakers = AnnotationState.sortedByID(first.speakers), secondSpeakers = AnnotationState.sortedByID(second.speakers)
        var speakerPair: [String: String] = [:], speakerPairBack: [String: String] = [:]
        func pairSpeakers(_ x: String, _ y: String) {
            guard speakerPair[x] == nil, speakerPairBack[y] == nil else { return }
            speakerPair[x] = y
            speakerPairBack[y] = x
        }
        let speakerOrigins = originPairs(firstSpeakers.map { ($0.id, $0.origin) }, secondSpeakers.map { ($0.id, $0.origin) })
        for (x, y) in speakerOrigins { pairSpeakers(x, y) }
        if matchByID {
            for speaker in firstSpeakers where second.speakers[speaker.id] != nil { pairSpeakers(speaker.id, speaker.id) }
        } else {
            let clusters = SpeakerClusters(states: states)
            for speaker in firstSpeakers {
                guard let cluster = clusters.cluster(session: 0, speaker: speaker.id), let other = clusters.speaker(in: cluster, session: 1) else { continue }
                pairSpeakers(speaker.id, other)
            }
        }
        matchedThroughOrigin += speakerOrigins.count
        func speakerName(_ side: Int, _ id: String?) -> String {
            guard let id else { return "(none)" }
            return states[side].speakers[id]?.name ?? id
        }
        /// A speaker as compared across the sessions: the first session's id (its counterpart's for the second).
        func speakerIdentity(_ side: Int, _ id: String?) -> String {
            guard let id else { return "" }
            if side == 0 { return id }
            return speakerPairBack[id] ?? "\u{1F}second " + id
        }
        /// A claim's speakers as compared: the SET of identities (order does not count), and the names in order.
        func speakerSet(_ side: Int, _ ids: [String]) -> (identity: String, names: String) {
            guard !ids.isEmpty else { return ("", "(none)") }
            return (ids.map { speakerIdentity(side, $0) }.sorted().joined(separator: "\u{1E}"), ids.map { speakerName(side, $0) }.joined(separator: " + "))
        }
        func anchorText(_ state: AnnotationState, _ id: String?) -> String {
            guard let id, let record = state.record(id: id), let anchor = record.anchor else { return "(none)" }
            return "„\(anchor.text)“"
        }
        func spans(_ anchor: TextAnchor) -> String { anchor.segments.map { "\($0.start)-\($0.end)" }.joined(separator: ",") }
        func origin(_ record: Record) -> Origin? {
            switch record {
            case .mention(let m): return m.origin
            case .cue(let q): return q.origin
            case .claim(let c): return c.origin
            default: return nil
            }
        }

        // Text-bound annotations; what each of the first's was paired with, for stance evidence and notes.
        var recordPartner: [String: String] = [:]
        for kind in ["mention", "cue", "claim"] {
            func records(_ state: AnnotationState) -> [Record] {
                switch kind {
                case "mention": return AnnotationState.sortedByID(state.mentions).map(Record.mention)
                case "cue": return AnnotationState.sortedByID(state.cues).map(Record.cue)
                default: return AnnotationState.sortedByID(state.claims).map(Record.claim)
                }
            }
            func attributes(_ record: Record, side: Int) -> [(String, String, String)] {
                let state = states[side]
                var result: [(String, String, String)] = []
                if let anchor = record.anchor { result.append(("span", spans(anchor), spans(anchor))) }
                switch record {
                case .mention(let m):
                    result.append(("speaker", speakerIdentity(side, m.speaker), speakerName(side, m.speaker)))
                    result.append(("role", m.role ?? "", m.role ?? "(none)"))
                case .claim(let c):
                    let set = speakerSet(side, c.speakers)
                    result.append(("speaker", set.identity, set.names))
                    result.append(("form", c.form ?? "", c.form ?? "(none)"))
                    result.append(("negated", String(c.negated), String(c.negated)))
                    result.append(("hedged", String(c.hedged), String(c.hedged)))
                    let cue = anchorText(state, c.cue)
                    // Mentions and addressees compared as sets, as the speakers (the mentions follow
                    // the speakers' order, which is no change), shown in their order.
                    func texts(_ ids: [String]) -> (identity: String, shown: String) {
                        let texts = ids.map { anchorText(state, $0) }
                        return ids.isEmpty ? ("(none)", "(none)") : (texts.sorted().joined(separator: " + "), texts.joined(separator: " + "))
                    }
                    let mention = texts(c.mentions), addressees = texts(c.addressees)
                    result.append(("cue", cue, cue))
                    result.append(("mention", mention.identity, mention.shown))
                    result.append(("addressee", addressees.identity, addressees.shown))
                default: break
                }
                return result
            }
            func speakerKey(_ record: Record, side: Int) -> String {
                switch record {
                case .mention(let m): return speakerIdentity(side, m.speaker)
                case .claim(let c): return speakerSet(side, c.speakers).identity
                default: return ""
                }
            }
            let a = records(first), b = records(second)
            let aByID = Dictionary(a.map { ($0.key.description, $0) }, uniquingKeysWith: { x, _ in x })
            let bByID = Dictionary(b.map { ($0.key.description, $0) }, uniquingKeysWith: { x, _ in x })
            // Pairs, one to one: through origin, then by id or by span and speaker, then by span.
            var pairs: [(Record, Record)] = []
            var pairedA = Set<String>(), pairedB = Set<String>()
            func pair(_ x: Record, _ y: Record) {
                pairs.append((x, y))
                pairedA.insert(x.key.description)
                pairedB.insert(y.key.description)
            }
            let linked = originPairs(a.map { ($0.key.description, origin($0)) }, b.map { ($0.key.description, origin($0)) })
            for (x, y) in linked {
                if let left = aByID[x], let right = bByID[y] { pair(left, right) }
            }
            matchedThroughOrigin += linked.count
            let keys: [(Record, Int) -> String] = matchByID
                ? [{ record, _ in record.key.description }]
                : [
                    { record, side in record.anchor.map { "\($0.document)@" + spans($0) + "\u{1F}" + speakerKey(record, side: side) } ?? record.key.description },
                    { record, _ in record.anchor.map { "\($0.document)@" + spans($0) } ?? record.key.description },
                ]
            for key in keys {
                var waiting: [String: [Record]] = [:]
                for record in b where !pairedB.contains(record.key.description) { waiting[key(record, 1), default: []].append(record) }
                for record in a where !pairedA.contains(record.key.description) {
                    let k = key(record, 0)
                    guard var candidates = waiting[k], !candidates.isEmpty else { continue }
                    pair(record, candidates.removeFirst())
                    waiting[k] = candidates
                }
            }
            let partner = Dictionary(pairs.map { ($0.0.key.description, $0.1) }, uniquingKeysWith: { x, _ in x })
            for (x, y) in pairs { recordPartner[x.key.description] = y.key.description }
            for record in a {
                guard let anchor = record.anchor else { continue }
                let sentence = SentenceKey(document: anchor.document, sentence: anchor.sentence)
                let label = Self.label(anchor)
                guard let other = partner[record.key.description] else {
                    entries.append(SessionDiffEntry(side: .onlyFirst, kind: kind, sentence: sentence, label: label, ids: record.key.description))
                    continue
                }
                let before = attributes(record, side: 0), after = attributes(other, side: 1)
                var changes: [String] = []
                for (x, y) in zip(before, after) where x.1 != y.1 { changes.append("\(x.0): \(x.2) → \(y.2)") }
                if !changes.isEmpty {
                    let ids = record.key.description == other.key.description ? record.key.description : "\(record.key) → \(other.key)"
                    entries.append(SessionDiffEntry(side: .changed, kind: kind, sentence: sentence, label: label, ids: ids, changes: changes))
                }
            }
            for record in b where !pairedB.contains(record.key.description) {
                guard let anchor = record.anchor else { continue }
                entries.append(SessionDiffEntry(
                    side: .onlySecond, kind: kind, sentence: SentenceKey(document: anchor.document, sentence: anchor.sentence),
                    label: Self.label(anchor), ids: record.key.description))
            }
        }

        // Sentence statuses.
        for sentence in Set(first.statuses.keys).union(second.statuses.keys).sorted() {
            let x = first.status(of: sentence), y = second.status(of: sentence)
            guard x != y else { continue }
            entries.append(SessionDiffEntry(side: .changed, kind: "status", sentence: sentence, label: "", ids: "", changes: ["\(x.rawValue) → \(y.rawValue)"]))
        }

        // Speakers.
        for speaker in firstSpeakers {
            guard let otherID = speakerPair[speaker.id], let other = second.speakers[otherID] else {
                entries.append(SessionDiffEntry(side: .onlyFirst, kind: "speaker", sentence: nil, label: speaker.name, ids: speaker.id))
                continue
            }
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
        for speaker in secondSpeakers where speakerPairBack[speaker.id] == nil {
            entries.append(SessionDiffEntry(side: .onlySecond, kind: "speaker", sentence: nil, label: speaker.name, ids: speaker.id))
        }

        // Stances, by speaker and target text.
        func stanceKey(_ side: Int, _ stance: Stance) -> String {
            let state = states[side]
            if matchByID { return stance.id }
            return speakerIdentity(side, stance.speaker) + "\u{1F}" + AgreementCalculator.normalizedTarget(state.targets[stance.target]?.text ?? stance.target)
        }
        func stanceLabel(_ side: Int, _ stance: Stance) -> String {
            let state = states[side]
            return "\(speakerName(side, stance.speaker)) → \(state.targets[stance.target]?.text ?? stance.target)"
        }
        let firstStances = AnnotationState.sortedByID(first.stances), secondStances = AnnotationState.sortedByID(second.stances)
        var stancePair: [String: Stance] = [:], pairedStances = Set<String>()
        let stanceOrigins = originPairs(firstStances.map { ($0.id, $0.origin) }, secondStances.map { ($0.id, $0.origin) })
        for (x, y) in stanceOrigins {
            if let other = second.stances[y] { stancePair[x] = other; pairedStances.insert(y) }
        }
        matchedThroughOrigin += stanceOrigins.count
        for stance in firstStances where stancePair[stance.id] == nil {
            let k = stanceKey(0, stance)
            if let other = secondStances.first(where: { !pairedStances.contains($0.id) && stanceKey(1, $0) == k }) {
                stancePair[stance.id] = other
                pairedStances.insert(other.id)
            }
        }
        for stance in firstStances {
            guard let other = stancePair[stance.id] else {
                entries.append(SessionDiffEntry(side: .onlyFirst, kind: "stance", sentence: nil, label: stanceLabel(0, stance), ids: stance.id))
                continue
            }
            var changes: [String] = []
            if stance.label != other.label { changes.append("label: \(stance.label) → \(other.label)") }
            // Evidence as a set of claims, the first's named by their partners in the second.
            if Set(stance.evidence.map { recordPartner[$0] ?? "\u{1F}first " + $0 }) != Set(other.evidence) {
                func listed(_ ids: [String]) -> String { ids.isEmpty ? "(none)" : ids.joined(separator: ", ") }
                changes.append("evidence: \(listed(stance.evidence)) → \(listed(other.evidence))")
            }
            if !changes.isEmpty {
                let ids = stance.id == other.id ? stance.id : "\(stance.id) → \(other.id)"
                entries.append(SessionDiffEntry(side: .changed, kind: "stance", sentence: nil, label: stanceLabel(0, stance), ids: ids, changes: changes))
            }
        }
        for stance in secondStances where !pairedStances.contains(stance.id) {
            entries.append(SessionDiffEntry(side: .onlySecond, kind: "stance", sentence: nil, label: stanceLabel(1, stance), ids: stance.id))
        }

        // Notes: the same when on the same sentence, or on paired records, with the same text.
        var partnerOf = recordPartner.merging(speakerPair) { x, _ in x }
        for stance in firstStances { if let other = stancePair[stance.id] { partnerOf[stance.id] = other.id } }
        for target in AnnotationState.sortedByID(first.targets) {
            let folded = AgreementCalculator.normalizedTarget(target.text)
            if let other = AnnotationState.sortedByID(second.targets).first(where: { AgreementCalculator.normalizedTarget($0.text) == folded }) {
                partnerOf[target.id] = other.id
            }
        }
        func noteKey(_ side: Int, _ note: Note) -> String {
            switch note.subject {
            case .sentence(let key): return "sentence \(key.document)\u{1F}\(key.sentence)\u{1F}" + note.text
            case .annotation(let id):
                let shared = side == 1 ? id : partnerOf[id] ?? "\u{1F}first " + id
                return "annotation \(shared)\u{1F}" + note.text
            }
        }
        func noteEntry(_ side: Int, _ note: Note) -> SessionDiffEntry {
            let sentence: SentenceKey?, about: String
            switch note.subject {
            case .sentence(let key): (sentence, about) = (key, "the sentence")
            case .annotation(let id):
                sentence = states[side].record(id: id)?.anchor.map { SentenceKey(document: $0.document, sentence: $0.sentence) }
                about = id
            }
            return SessionDiffEntry(side: side == 0 ? .onlyFirst : .onlySecond, kind: "note", sentence: sentence, label: "on \(about) „\(note.text)“", ids: note.id)
        }
        // An adjudication's record of a unit decided as none is bookkeeping, not a note: what was
        // left out shows as the annotation only in the input.
        func notes(_ state: AnnotationState) -> [Note] { AnnotationState.sortedByID(state.notes).filter { !$0.text.hasPrefix(Adjudicator.nonePrefix) } }
        var waitingNotes: [String: [Note]] = [:]
        for note in notes(second) { waitingNotes[noteKey(1, note), default: []].append(note) }
        for note in notes(first) {
            let key = noteKey(0, note)
            if var candidates = waitingNotes[key], !candidates.isEmpty {
                candidates.removeFirst()
                waitingNotes[key] = candidates
            } else {
                entries.append(noteEntry(0, note))
            }
        }
        for note in notes(second) where waitingNotes[noteKey(1, note)]?.contains(where: { $0.id == note.id }) ?? false {
            entries.append(noteEntry(1, note))
        }

        // Review verdicts, on paired records: a verdict only in one session, or another one.
        func verdict(_ decision: ReviewDecision) -> String {
            "\(decision.verdict.rawValue)" + (decision.reason.map { $0.isEmpty ? "" : " (\($0))" } ?? "") + " by \(decision.reviewer)"
        }
        func reviewEntry(_ side: SessionDiffEntry.Side, _ stateIndex: Int, _ id: String, changes: [String] = []) -> SessionDiffEntry {
            let sentence = states[stateIndex].record(id: id)?.anchor.map { SentenceKey(document: $0.document, sentence: $0.sentence) }
            let shown = changes.isEmpty ? (states[stateIndex].reviews[id].map { ": " + verdict($0) } ?? "") : ""
            return SessionDiffEntry(side: side, kind: "review", sentence: sentence, label: "of \(id)\(shown)", ids: "", changes: changes)
        }
        var reviewedInSecond = Set<String>()
        for (id, decision) in first.reviews.sorted(by: { AnnotationState.idOrder($0.key, $1.key) }) {
            guard let otherID = partnerOf[id], let other = second.reviews[otherID] else {
                entries.append(reviewEntry(.onlyFirst, 0, id))
                continue
            }
            reviewedInSecond.insert(otherID)
            if verdict(decision) != verdict(other) {
                entries.append(reviewEntry(.changed, 0, id, changes: ["\(verdict(decision)) → \(verdict(other))"]))
            }
        }
        for (id, _) in second.reviews.sorted(by: { AnnotationState.idOrder($0.key, $1.key) }) where !reviewedInSecond.contains(id) {
            entries.append(reviewEntry(.onlySecond, 1, id))
        }

        let kindOrder = ["status", "mention", "cue", "claim", "note", "review", "speaker", "stance"]
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

    /// How an annotation's span is named: its quote, and for an orphan (its text not found in the
    /// changed document) that it is one: the sentence it is listed under no longer holds that text.
    static func label(_ anchor: TextAnchor) -> String {
        "„\(anchor.text)“" + (anchor.orphaned ? " [orphaned: its text is not in the changed document]" : "")
    }

    /// The readable diff: `--- A` / `+++ B`, then per document and sentence lines starting with
    /// `-` (only in A), `+` (only in B) or `~` (changed, with what changed). `escape` is applied to
    /// every text taken from the sessions or the corpus (names, notes, quotes, ids), so a line break
    /// in one never starts a line of its own.
    public func rendered(
        firstName: String, secondName: String, sentenceText: (SentenceKey) -> String? = { _ in nil }, escape: (String) -> String = { $0 }
    ) -> String {
        var out = "--- \(escape(firstName))\n+++ \(escape(secondName))\n"
        if entries.isEmpty { return out + "no differences\n" }
        var document: String?? = .none
        var sentence: SentenceKey?? = .none
        for entry in entries {
            if document != .some(entry.sentence?.document) {
                document = .some(entry.sentence?.document)
                out += "\n" + (entry.sentence.map { "document \(escape($0.document))" } ?? "speakers and stances") + "\n"
            }
            if let key = entry.sentence, sentence != .some(key) {
                sentence = .some(key)
                out += "  sentence \(key.sentence + 1)" + (sentenceText(key).map { ": \(escape($0))" } ?? "") + "\n"
            }
            let ids = entry.ids.isEmpty ? "" : " (\(escape(entry.ids)))"
            out += "    \(entry.side.rawValue) \(entry.kind)\(entry.label.isEmpty ? "" : " " + escape(entry.label))\(ids)"
            out += entry.changes.isEmpty ? "\n" : ": " + entry.changes.map(escape).joined(separator: "; ") + "\n"
        }
        return out
    }
}
