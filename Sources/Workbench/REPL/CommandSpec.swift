/// What the shell knows about one command: its name, short alias, usage line, one-line summary,
/// longer explanation and examples (shown by `help CMD`).
struct CommandSpec: Sendable, Equatable {
    /// The area a command belongs to, for `help`.
    enum Group: String, Sendable, CaseIterable {
        case moving = "Moving", tagging = "Tagging", suggesting = "Suggestions", looking = "Looking", session = "Session"
    }

    /// The full name, e.g. `speaker`.
    var name: String
    /// The short alias, e.g. `sp`.
    var alias: String?
    /// The area.
    var group: Group
    /// Usage, e.g. `speaker SPAN [= NAME|Sid] [role TEXT]`.
    var usage: String
    /// One line for the overview.
    var summary: String
    /// Further explanation.
    var details: String = ""
    /// Example lines.
    var examples: [String] = []
}
