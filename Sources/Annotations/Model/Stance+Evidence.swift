extension Stance {
    /// Whether `claim` can be evidence of this stance: a claim tells where its own speakers stand, so
    /// it is evidence of their stances only. A claim whose speaker is not known yet fits any.
    public func canCite(_ claim: Claim) -> Bool {
        claim.speakers.isEmpty || claim.speakers.contains(speaker)
    }
}

extension AnnotationState {
    /// The stances that cite `claim` but could no longer (``Stance/canCite(_:)``) once it has the
    /// speakers it has now, each with that evidence removed, in id order. An edit that gives a claim
    /// other speakers replaces these along with it, so the session stays valid (`validate` refuses
    /// evidence by another speaker).
    public func stancesLosingEvidence(of claim: Claim) -> [Stance] {
        Self.sortedByID(stances).compactMap { stance in
            guard stance.evidence.contains(claim.id), !stance.canCite(claim) else { return nil }
            var changed = stance
            changed.evidence.removeAll { $0 == claim.id }
            return changed
        }
    }

    /// The first of `evidence` that a stance of `speaker` cannot cite (a claim by other speakers
    /// only), or nil when it can cite them all. Ids that are no claim are not looked at.
    public func evidence(_ evidence: [String], notCitableBy speaker: String) -> Claim? {
        let probe = Stance(id: "", speaker: speaker, target: "", label: "")
        return evidence.lazy.compactMap { self.claims[$0] }.first { !probe.canCite($0) }
    }
}
