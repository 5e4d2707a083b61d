/// One event of a replay: what it was, what it touched and how long after the previous event it came.
public struct ReplayStep: Sendable, Hashable {
    /// The event.
    public var event: Event
    /// One-line description (see ``EventDescription``).
    public var description: String
    /// Records the event changed (for undo/redo: the records of the change taken back or re-done).
    public var touched: [RecordKey]
    /// Sentences the event touched, in order.
    public var sentences: [SentenceKey]
    /// Seconds since the previous event (nil for the first event or an unreadable time).
    public var sincePrevious: Double?

    /// The header line: `#12  2026-11-21T10:00:03.000Z  anna  +2.5s`.
    public var header: String {
        "#\(event.seq)  \(event.time)  \(event.annotator)  " + Self.pause(sincePrevious)
    }

    /// A pause as `+0.8s`, `+3m05s`, `+1h02m`, or `start` when there is none.
    public static func pause(_ seconds: Double?) -> String {
        guard let seconds else { return "start" }
        if seconds < 0 { return "-" + pause(-seconds).dropFirst() }
        if seconds < 60 {
            let tenths = Int((seconds * 10).rounded())
            return "+\(tenths / 10).\(tenths % 10)s"
        }
        let total = Int(seconds.rounded())
        if total < 3600 { return "+\(total / 60)m" + two(total % 60) + "s" }
        return "+\(total / 3600)h" + two(total % 3600 / 60) + "m"
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
