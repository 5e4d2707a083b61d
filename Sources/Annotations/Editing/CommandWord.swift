/// One word of a command line: its text (quotes kept) and where it starts, so a command can also
/// take the raw rest of the line (notes, names with spaces).
public struct CommandWord: Sendable, Equatable {
    /// The word as typed.
    public var text: String
    /// Offset of its first scalar in the line (in Unicode scalars: `line.unicodeScalars.dropFirst(start)`).
    public var start: Int

    /// A word `text` starting at scalar `start` of its line.
    public init(text: String, start: Int) {
        self.text = text
        self.start = start
    }
}
