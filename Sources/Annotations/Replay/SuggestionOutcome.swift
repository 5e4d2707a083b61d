/// How the proposals of one suggestion rule fared in a session: how many were accepted, how many
/// rejected, and how many of the accepted ones were corrected afterwards (their claim, or the
/// mention or cue accepted with it, was later edited or deleted).
///
/// Counted from the state and its log, so undone accepts and rejections do not count: an accepted
/// claim is an `add` of a claim whose `origin` is `suggested` that is still in effect (its change
/// is on the undo stack); a rejection is a ``Rejection`` record in the state.
public struct SuggestionOutcome: Sendable, Hashable {
    /// Claims accepted (one per proposal, by all its speakers).
    public var accepted = 0
    /// Proposals rejected.
    public var rejected = 0
    /// Accepted claims edited or deleted afterwards.
    public var corrected = 0

    /// Zero counts.
    public init(accepted: Int = 0, rejected: Int = 0, corrected: Int = 0) {
        self.accepted = accepted
        self.rejected = rejected
        self.corrected = corrected
    }

    /// Accepted per decided proposal (nil when none was decided).
    public var acceptanceRate: Double? { accepted + rejected == 0 ? nil : Double(accepted) / Double(accepted + rejected) }

    /// Corrected per accepted (nil when none was accepted).
    public var correctionRate: Double? { accepted == 0 ? nil : Double(corrected) / Double(accepted) }

    /// The outcomes per rule name for a state and the log that made it.
    static func byRule(state: AnnotationState, events: [Event]) -> [String: SuggestionOutcome] {
        var outcomes: [String: SuggestionOutcome] = [:]
        for rejection in state.rejections.values { outcomes[rejection.rule, default: SuggestionOutcome()].rejected += 1 }
        let inEffect = Set(state.undoStack.map(\.seq))
        // What each suggested mention and cue looked like when it was accepted.
        var added: [RecordKey: Record] = [:]
        var claims: [(rule: String, claim: Claim)] = []
        for event in events where inEffect.contains(event.seq) {
            guard case .add(let original) = event.action else { continue }
            let record = original.stampingAnnotator(event.annotator)
            switch record {
            case .claim(let claim):
                if claim.origin?.kind == .suggested { claims.append((claim.origin?.rule ?? "", claim)) }
            case .mention(let mention) where mention.origin?.kind == .suggested: added[record.key] = record
            case .cue(let cue) where cue.origin?.kind == .suggested: added[record.key] = record
            default: break
            }
        }
        for (rule, claim) in claims {
            outcomes[rule, default: SuggestionOutcome()].accepted += 1
            var changed = state.claims[claim.id] != claim
            let keys = (claim.mentions + claim.addressees).map(RecordKey.mention) + [claim.cue.map(RecordKey.cue)].compactMap { $0 }
            for key in keys {
                if let before = added[key], state.record(key) != before { changed = true }
            }
            if changed { outcomes[rule, default: SuggestionOutcome()].corrected += 1 }
        }
        return outcomes
    }
}
