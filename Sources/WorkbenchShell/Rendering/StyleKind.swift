/// What a piece of shown text is (a speaker, a cue, a heading, an error…); a front end gives each
/// kind one look (the terminal: one colour).
public enum StyleKind: String, CaseIterable, Sendable {
    case speaker, cue, claim, target, stance, heading, prompt, dim, emphasis, success, warning, error
}
