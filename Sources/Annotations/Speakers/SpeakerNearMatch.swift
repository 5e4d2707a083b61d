import Foundation

/// Known speakers a phrase comes close to without matching: a description of the same kind of body
/// ("das Ministerium" when one ministry is known) or a misspelt name ("Bodegast" for "Boudegast").
/// Near matches are offered to the editor, never linked on their own.
public enum SpeakerNearMatch {
    /// `text` folded for comparison: lower-cased, without diacritics, single spaces.
    public static func fold(_ text: String) -> String {
        SpeakerPhrase.words(of: text).joined(separator: " ").folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// Speakers `phrase` may mean, best first.
    public static func candidates(for phrase: SpeakerPhrase, among speakers: [Speaker]) -> [Speaker] {
        var found: [Speaker] = []
        // "das Ministerium", "die Armee": the one known speaker whose name ends in that head noun.
        if phrase.name == nil, let head = phrase.head.map(fold), head.count >= 3 {
            let heads = speakers.filter { speaker in
                ([speaker.name] + speaker.aliases).contains { form in
                    guard let last = SpeakerPhrase.words(of: form).last else { return false }
                    return fold(last).hasSuffix(head)
                }
            }
            if heads.count == 1 { found += heads }
        }
        // A misspelling: the name (or its last word) within one or two edits of a known name or alias.
        if let name = phrase.name.map(fold) {
            let last = name.split(separator: " ").last.map(String.init) ?? name
            for speaker in speakers where !found.contains(where: { $0.id == speaker.id }) {
                let forms = ([speaker.name] + speaker.aliases).map(fold)
                let close = forms.contains { form in
                    let formLast = form.split(separator: " ").last.map(String.init) ?? form
                    return isClose(name, form) || (last.count >= 5 && isClose(last, formLast))
                }
                if close { found.append(speaker) }
            }
        }
        return found
    }

    /// Whether two folded words are within the edits their length allows (one up to 7 letters, else two).
    static func isClose(_ a: String, _ b: String) -> Bool {
        guard a != b, min(a.count, b.count) >= 4 else { return false }
        let allowed = min(a.count, b.count) <= 7 ? 1 : 2
        guard abs(a.count - b.count) <= allowed else { return false }
        return distance(Array(a), Array(b)) <= allowed
    }

    /// Levenshtein distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
