/// What the shell answers to one command line.
struct ShellResponse: Sendable, Equatable {
    /// The lines to show.
    var lines: [StyledLine] = []
    /// The user asked to leave.
    var quit = false
    /// The command was refused (nothing changed).
    var rejected = false
}
