import Foundation

/// Why an event log cannot be played back, or why a replay request cannot be met.
public enum ReplayError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible {
    /// Events are missing: after `after` the log continues at `next`.
    case sequenceGap(after: Int, next: Int)
    /// An event comes after one with a higher sequence number.
    case reordered(seq: Int, after: Int)
    /// A sequence number appears twice.
    case duplicate(seq: Int)
    /// An event is in place but cannot be applied to the state before it.
    case cannotApply(seq: Int, reason: String)
    /// A requested sequence number is not in the log.
    case noSuchEvent(seq: Int, last: Int)

    public var description: String {
        switch self {
        case .sequenceGap(let after, let next):
            let missing = next - after - 1 == 1 ? "event \(after + 1) is" : "events \(after + 1)–\(next - 1) are"
            return "the log is damaged: \(missing) missing (event \(after) is followed by \(next)); restore the file from a backup or its journal"
        case .reordered(let seq, let after):
            return "the log is damaged: event \(seq) comes after event \(after) (events out of order); restore the file from a backup"
        case .duplicate(let seq):
            return "the log is damaged: event \(seq) appears twice; restore the file from a backup"
        case .cannotApply(let seq, let reason):
            return "the log is damaged: event \(seq) cannot be applied: \(reason)"
        case .noSuchEvent(let seq, let last):
            return last == 0 ? "the log is empty; there is no event \(seq)" : "there is no event \(seq); the log has events 1–\(last)"
        }
    }

    public var errorDescription: String? { description }
}

extension ReplayError {
    /// The first ordering problem in `events`, or nil when the sequence numbers run 1, 2, 3, … :
    /// checked before they are applied, a removed, duplicated or moved event is named as such
    /// rather than as an unrelated failure to apply.
    public static func orderingProblem(in events: [Event]) -> ReplayError? {
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
