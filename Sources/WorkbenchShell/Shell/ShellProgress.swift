/// How far a long shell command is, for the front end's one progress line: the place it has reached
/// (indices from 0; shown from 1). Only a terminal shows it; piped output never does.
public struct ShellProgress: Sendable, Equatable {
    /// What is being done ("ns: looking for proposals").
    public var task: String
    /// The document reached, and how many there are.
    public var document: Int
    public var documents: Int
    /// The sentence reached in that document, and how many it has.
    public var sentence: Int
    public var sentences: Int

    /// The line shown: `ns: looking for proposals … document 2/5, sentence 1 281/40 000 (Ctrl-C stops)`.
    public var line: String {
        let place = documents > 1 ? "document \(document + 1)/\(documents), " : ""
        return "\(task) … \(place)sentence \(sentence + 1)/\(sentences) (Ctrl-C stops)"
    }
}
