/// A count with its noun, singular for one and plural otherwise: "1 document", "3 documents".
/// For nouns whose plural adds an s.
struct Counted: CustomStringConvertible, Sendable {
    /// How many.
    var count: Int
    /// The singular noun ("document").
    var noun: String

    /// `count` of `noun`.
    init(_ count: Int, _ noun: String) {
        self.count = count
        self.noun = noun
    }

    var description: String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
