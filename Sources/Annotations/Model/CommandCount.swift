/// How many commands a log holds and how many of them are `undo` commands: an event begins a
/// command unless it carries a `group` (``Event/group``), so one `undo` that takes back an accept
/// of six events counts once, and the `undo` events that roll back a refused command (in that
/// command's group) count not at all. A log written before events had groups counts each event
/// as a command.
public struct CommandCount: Sendable, Hashable {
    /// Commands: events that begin one.
    public var commands = 0
    /// `undo` commands among them.
    public var undos = 0

    /// No commands.
    public init() {}

    /// The commands of `events`.
    public init(_ events: some Sequence<Event>) {
        for event in events { count(event) }
    }

    /// Counts `event` when it begins a command.
    public mutating func count(_ event: Event) {
        guard event.group == nil else { return }
        commands += 1
        if case .undo = event.action { undos += 1 }
    }

    /// `undo` commands per command (0 without commands).
    public var undoRate: Double { commands == 0 ? 0 : Double(undos) / Double(commands) }

    /// The counts of two logs together.
    public static func + (left: CommandCount, right: CommandCount) -> CommandCount {
        var sum = left
        sum.commands += right.commands
        sum.undos += right.undos
        return sum
    }
}
