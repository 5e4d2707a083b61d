import Foundation

/// Counts for one session or several: progress, annotations per kind, speakers, the stance
/// matrix, time per decision and undo rate (undo commands per command). Built by replaying the event log.
public struct SessionStats: Sendable, Hashable {
    /// Kinds counted, in output order.
    public static let kinds = ["speaker", "mention", "cue", "claim", "target", "stance", "note", "review"]
    /// Gaps between events longer than this (seconds) are pauses, not decisions.
    public static let pauseLimit: Double = 300

    /// One cell of the stance matrix.
    public struct StanceCell: Sendable, Hashable {
        /// Speaker name.
        public var speaker: String
        /// Target text.
        public var target: String
        /// Count per stance label.
        public var labels: [String: Int]
    }

    /// Sessions counted.
    public var sessions = 0
    /// Events in the logs.
    public var events = 0
    /// Commands and `undo` commands (an undo of an accept of six events counts once).
    public var commands = CommandCount()
    /// Documents in the corpora, and those whose sentences are all done or skipped (at least one done).
    public var documents = 0, documentsDone = 0
    /// Sentences in the corpora, and those marked done.
    public var sentences = 0, sentencesDone = 0
    /// Current records per kind (see ``kinds``).
    public var annotations: [String: Int] = [:]
    /// Claims with more than one speaker, and claims with an addressee.
    public var jointClaims = 0, addressedClaims = 0
    /// Mention count per speaker name (speakers without mentions count 0).
    public var speakers: [String: Int] = [:]
    /// Stance labels per speaker name and target text.
    public var stances: [String: [String: [String: Int]]] = [:]
    /// Seconds between consecutive events, pauses left out.
    public var decisionTimes: [Double] = []
    /// How the suggestion engine's proposals fared, per rule name.
    public var suggestions: [String: SuggestionOutcome] = [:]

    /// Empty counts.
    public init() {}

    /// Counts for one session file.
    public init(file: SessionFile) throws(ReplayError) {
        if let problem = ReplayError.orderingProblem(in: file.events) { throw problem }
        var state = AnnotationState(schema: file.schema)
        var previous: Date?
        for event in file.events {
            do { try state.apply(event) } catch { throw .cannotApply(seq: event.seq, reason: error.description) }
            commands.count(event)
            let time = Timestamp.date(from: event.time)
            if let time, let previous {
                let gap = time.timeIntervalSince(previous)
                if gap >= 0, gap <= Self.pauseLimit { decisionTimes.append(gap) }
            }
            previous = time ?? previous
        }
        sessions = 1
        events = file.events.count
        for document in file.corpus.documents {
            documents += 1
            sentences += document.sentences
            var done = 0, finished = 0
            for index in 0..<document.sentences {
                switch state.status(of: SentenceKey(document: document.id, sentence: index)) {
                case .done: done += 1; finished += 1
                case .skipped: finished += 1
                default: break
                }
            }
            sentencesDone += done
            if document.sentences > 0, finished == document.sentences, done > 0 { documentsDone += 1 }
        }
        for record in state.allRecords where Self.kinds.contains(record.kind) { annotations[record.kind, default: 0] += 1 }
        for speaker in state.speakers.values { speakers[speaker.name, default: 0] += 0 }
        for mention in state.mentions.values {
            speakers[state.speakers[mention.speaker]?.name ?? mention.speaker, default: 0] += 1
        }
        for claim in state.claims.values {
            if claim.hasSeveralSpeakers { jointClaims += 1 }
            if !claim.addressees.isEmpty { addressedClaims += 1 }
        }
        suggestions = SuggestionOutcome.byRule(state: state, events: file.events)
        for stance in state.stances.values {
            let speaker = state.speakers[stance.speaker]?.name ?? stance.speaker
            let target = state.targets[stance.target]?.text ?? stance.target
            stances[speaker, default: [:]][target, default: [:]][stance.label, default: 0] += 1
        }
    }

    /// The sum of several sessions' counts (speakers and targets are matched by name and text).
    public static func total(_ parts: [SessionStats]) -> SessionStats {
        var sum = SessionStats()
        for part in parts {
            sum.sessions += part.sessions
            sum.events += part.events
            sum.commands = sum.commands + part.commands
            sum.documents += part.documents
            sum.documentsDone += part.documentsDone
            sum.sentences += part.sentences
            sum.sentencesDone += part.sentencesDone
            sum.annotations.merge(part.annotations, uniquingKeysWith: +)
            sum.speakers.merge(part.speakers, uniquingKeysWith: +)
            sum.jointClaims += part.jointClaims
            sum.addressedClaims += part.addressedClaims
            for (speaker, row) in part.stances {
                for (target, labels) in row { sum.stances[speaker, default: [:]][target, default: [:]].merge(labels, uniquingKeysWith: +) }
            }
            sum.decisionTimes += part.decisionTimes
            for (rule, outcome) in part.suggestions {
                sum.suggestions[rule, default: SuggestionOutcome()].accepted += outcome.accepted
                sum.suggestions[rule, default: SuggestionOutcome()].rejected += outcome.rejected
                sum.suggestions[rule, default: SuggestionOutcome()].corrected += outcome.corrected
            }
        }
        return sum
    }


    /// Median seconds per decision (nil without decisions).
    public var medianDecision: Double? { Self.percentile(decisionTimes, 0.5) }

    /// 90th percentile of seconds per decision (nil without decisions).
    public var p90Decision: Double? { Self.percentile(decisionTimes, 0.9) }

    /// Nearest-rank percentile.
    public static func percentile(_ values: [Double], _ fraction: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count, max(1, rank)) - 1]
    }

    /// Speakers by mention count (descending), then name.
    public var speakerRanking: [(name: String, mentions: Int)] {
        speakers.map { (name: $0.key, mentions: $0.value) }.sorted { $0.mentions != $1.mentions ? $0.mentions > $1.mentions : $0.name < $1.name }
    }

    /// Stance matrix cells sorted by speaker, then target.
    public var stanceCells: [StanceCell] {
        stances.sorted { $0.key < $1.key }.flatMap { speaker, row in
            row.sorted { $0.key < $1.key }.map { StanceCell(speaker: speaker, target: $0.key, labels: $0.value) }
        }
    }

    /// Machine-readable form with a fixed key order.
    public var json: JSONValue {
        func rounded(_ value: Double?) -> JSONValue {
            value.map { .double(($0 * 1000).rounded() / 1000) } ?? .null
        }
        return .object([
            ("sessions", .int(sessions)),
            ("events", .int(events)),
            ("commands", .int(commands.commands)),
            ("undos", .int(commands.undos)),
            ("undo_rate", rounded(commands.undoRate)),
            ("documents", .object([("total", .int(documents)), ("done", .int(documentsDone))])),
            ("sentences", .object([("total", .int(sentences)), ("done", .int(sentencesDone))])),
            ("annotations", .object(Self.kinds.map { ($0, .int(annotations[$0] ?? 0)) })),
            ("claims", .object([("several_speakers", .int(jointClaims)), ("with_addressee", .int(addressedClaims))])),
            ("speakers", .array(speakerRanking.map { .object([("name", .string($0.name)), ("mentions", .int($0.mentions))]) })),
            ("stances", .array(stanceCells.map { cell in
                .object([
                    ("speaker", .string(cell.speaker)), ("target", .string(cell.target)),
                    ("labels", .object(cell.labels.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
                ])
            })),
            ("decision_seconds", .object([
                ("count", .int(decisionTimes.count)), ("median", rounded(medianDecision)), ("p90", rounded(p90Decision)),
            ])),
            ("suggestions", .array(suggestions.sorted { $0.key < $1.key }.map { rule, outcome in
                .object([
                    ("rule", .string(rule)), ("accepted", .int(outcome.accepted)), ("rejected", .int(outcome.rejected)),
                    ("corrected", .int(outcome.corrected)), ("acceptance_rate", rounded(outcome.acceptanceRate)),
                    ("correction_rate", rounded(outcome.correctionRate)),
                ])
            })),
        ])
    }
}
