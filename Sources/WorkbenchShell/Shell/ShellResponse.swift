/// What the shell answers to one command line.
public struct ShellResponse: Sendable, Equatable {
    /// The lines to show.
    public var lines: [StyledLine] = []
    /// The user asked to leave.
    public var quit = false
    /// The command was refused (nothing changed).
    public var rejected = false
}
