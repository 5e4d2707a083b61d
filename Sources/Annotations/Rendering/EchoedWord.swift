/// A word the user gave (a command name, a session name), as a message repeats it: whole up to
/// ``shownLength`` characters, else its start and `…`, so that a name of 300 letters does not fill the
/// terminal with what the user already knows. The one cut for every such message; making it safe to
/// show (control characters, escapes) is the output's sanitising, as for all output.
public enum EchoedWord {
    /// At most this many characters of the word are repeated.
    public static let shownLength = 40

    /// The part of `word` a message shows: its first ``shownLength`` characters.
    public static func start(of word: String) -> String { String(word.prefix(shownLength)) }

    /// `word` as a message repeats it: ``start(of:)``, with `…` when the word had more.
    public static func cut(_ word: String) -> String {
        let start = start(of: word)
        return start.count < word.count ? start + "…" : start
    }
}
