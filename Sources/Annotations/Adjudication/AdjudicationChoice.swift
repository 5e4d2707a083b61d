/// What the adjudicator decides for a unit: take one or several annotators' versions, none, or
/// one version edited; or stop for now.
public enum AdjudicationChoice: Sendable, Equatable {
    /// Take the versions of these annotators (0-based).
    case take([Int])
    /// Take none: the unit is left out of the result.
    case none
    /// Take one version with some fields changed (form, negated, hedged, role, label).
    case edit(Int, [String: String])
    /// Take version N (0-based) here and in every remaining disagreement of the same document whose
    /// versions all exist and agree except in fields that differ here (`aa N`): the adjudicator
    /// accepts version N's values for those fields throughout the document.
    case acceptAlike(Int)
    /// Stop; a later run continues here.
    case quit

    /// Parses a typed answer: `2`, `1,3`, `none`, `e 1 form=direct hedged=true`, `aa 2`, `q`. Numbers are 1-based.
    /// Returns a message saying what is accepted when the answer cannot be used.
    public static func parse(_ line: String, versions: [Bool]) -> Result<AdjudicationChoice, AdjudicationInputError> {
        let text = line.trimmingCharacters(in: .whitespaces)
        if text == "q" || text == "quit" { return .success(.quit) }
        if text == "n" || text == "none" || text == "0" { return .success(.none) }
        func index(_ word: Substring) -> Int? {
            guard let number = Int(word), number >= 1, number <= versions.count, versions[number - 1] else { return nil }
            return number - 1
        }
        let words = text.split(separator: " ")
        if words.first == "aa" {
            guard words.count == 2, let chosen = index(words[1]) else { return .failure(.unusable(text, versions.count)) }
            return .success(.acceptAlike(chosen))
        }
        if words.first == "e" || words.first == "edit" {
            guard words.count >= 3, let chosen = index(words[1]) else { return .failure(.unusable(text, versions.count)) }
            var fields: [String: String] = [:]
            for word in words.dropFirst(2) {
                let parts = word.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, ["form", "negated", "hedged", "role", "label"].contains(String(parts[0])) else {
                    return .failure(.unusable(text, versions.count))
                }
                fields[String(parts[0])] = String(parts[1])
            }
            return .success(.edit(chosen, fields))
        }
        let numbers = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let chosen = numbers.compactMap { index(Substring($0)) }
        guard !numbers.isEmpty, chosen.count == numbers.count else { return .failure(.unusable(text, versions.count)) }
        return .success(.take(chosen))
    }
}

/// An answer the adjudication prompt cannot use.
public enum AdjudicationInputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not a choice; carries the answer and the number of versions.
    case unusable(String, Int)

    public var description: String {
        switch self {
        case .unusable(let answer, let count):
            return "cannot use \"\(answer)\": answer a version number 1–\(count) that exists, several like 1,2, "
                + "none, e N field=value (form, negated, hedged, role, label), aa N (version N here and wherever "
                + "this document's versions differ only in these fields), or q to stop"
        }
    }
}
