extension AnnotationState {
    /// The claims that cite `mention` whose speakers no longer agree with it once it names the
    /// speaker it names now, each with its speakers mended, in id order: the speaker the mention
    /// named before (`previousSpeaker`) gives way to the one it names now, in the same place, unless
    /// another mention of the claim still names it (then the new speaker is added); a speaker the
    /// claim already lists is not listed twice. An edit that gives a mention another speaker
    /// replaces these along with it, so a claim's mentions and speakers agree (`validate` refuses a
    /// claim whose mention names a speaker it does not list).
    public func claimsFollowing(_ mention: Mention, previousSpeaker: String) -> [Claim] {
        guard mention.speaker != previousSpeaker else { return [] }
        return Self.sortedByID(claims).compactMap { claim in
            guard claim.mentions.contains(mention.id) else { return nil }
            var changed = claim
            let stillNamed = claim.mentions.contains { id in
                id != mention.id && self.mentions[id]?.speaker == previousSpeaker
            }
            if !stillNamed, let place = changed.speakers.firstIndex(of: previousSpeaker) {
                if changed.speakers.contains(mention.speaker) {
                    changed.speakers.remove(at: place)
                } else {
                    changed.speakers[place] = mention.speaker
                }
            } else if !changed.speakers.contains(mention.speaker) {
                changed.speakers.append(mention.speaker)
            }
            return changed == claim ? nil : changed
        }
    }
}
