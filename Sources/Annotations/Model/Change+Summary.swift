extension Change {
    /// What a change did, in words: the records it removed (`deleted C1, N2`) and, separately, the
    /// records it kept but changed, with how (`changed P1 (evidence C1 removed)`), e.g.
    /// `deleted C1; changed P1 (evidence C1 removed)`. Records it added are named as `added …`.
    public var summary: String {
        var deleted: [String] = [], added: [String] = [], changed: [String] = []
        forEachEntry { entry in
            switch (entry.before, entry.after) {
            case (_?, nil): deleted.append(entry.key.description)
            case (nil, _?): added.append(entry.key.description)
            case (let before?, let after?):
                let how = Self.differences(before, after)
                changed.append(entry.key.description + (how.isEmpty ? "" : " (" + how.joined(separator: ", ") + ")"))
            case (nil, nil): break
            }
        }
        var parts: [String] = []
        if !deleted.isEmpty { parts.append("deleted " + deleted.joined(separator: ", ")) }
        if !added.isEmpty { parts.append("added " + added.joined(separator: ", ")) }
        if !changed.isEmpty { parts.append("changed " + changed.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }

    /// The references a kept record lost or gained (the fields a deletion clears).
    private static func differences(_ before: Record, _ after: Record) -> [String] {
        func reference(_ name: String, _ old: String?, _ new: String?) -> String? {
            switch (old, new) {
            case (let old?, nil): return "\(name) \(old) removed"
            case (nil, let new?): return "\(name) \(new) set"
            case (let old?, let new?) where old != new: return "\(name) \(old) → \(new)"
            default: return nil
            }
        }
        switch (before, after) {
        case (.claim(let old), .claim(let new)):
            func joined(_ ids: [String]) -> String? { ids.isEmpty ? nil : ids.joined(separator: ",") }
            return [
                reference(old.speakers.count > 1 || new.speakers.count > 1 ? "speakers" : "speaker", joined(old.speakers), joined(new.speakers)),
                reference(old.mentions.count > 1 || new.mentions.count > 1 ? "mentions" : "mention", joined(old.mentions), joined(new.mentions)),
                reference("addressee", joined(old.addressees), joined(new.addressees)), reference("cue", old.cue, new.cue),
            ].compactMap { $0 }
        case (.stance(let old), .stance(let new)):
            let removed = old.evidence.filter { !new.evidence.contains($0) }
            let added = new.evidence.filter { !old.evidence.contains($0) }
            var result: [String] = []
            if !removed.isEmpty { result.append("evidence " + removed.joined(separator: ", ") + " removed") }
            if !added.isEmpty { result.append("evidence " + added.joined(separator: ", ") + " added") }
            return result
        default:
            return []
        }
    }
}
