/// One word of a command line: its text (quotes kept) and where it starts, so a command can also
/// take the raw rest of the line (notes, names with spaces).
struct CommandWord: Sendable, Equatable {
    /// The word as typed.
    var text: String
    /// Offset of its first character in the line (in `Character`s).
    var start: Int
}
