/// Checks the order of an event log before it is applied, so that a removed, duplicated or moved
/// event is named as such rather than reported as an unrelated failure to apply.
public enum LogCheck {
    /// The first ordering problem in `events`, or nil when the sequence numbers run 1, 2, 3, … .
    public static func orderingProblem(in events: [Event]) -> ReplayError? {
        events.withUnsafeBufferPointer { orderingProblem(in: $0) }
    }

    private static func orderingProblem(in events: UnsafeBufferPointer<Event>) -> ReplayError? {
        var previous = 0
        var highest = 0
        for index in events.indices {
            let seq = events[index].seq
            if seq == previous + 1, seq > highest {
                previous = seq
                highest = seq
                continue
            }
            if seq == previous { return .duplicate(seq: seq) }
            if seq <= highest { return .reordered(seq: seq, after: highest) }
            // A jump forward: a moved block if the skipped event comes later, otherwise missing events.
            let wanted = previous + 1
            if events[(index + 1)...].contains(where: { $0.seq == wanted }) { return .reordered(seq: seq, after: previous) }
            return .sequenceGap(after: previous, next: seq)
        }
        return nil
    }
}
