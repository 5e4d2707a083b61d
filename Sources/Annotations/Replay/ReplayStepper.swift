import Foundation

/// Plays an event log back from an empty state, step by step, in both directions.
///
/// Every event is applied once up front (checking the log for gaps, reordering and events that
/// cannot apply); the state after any event is then rebuilt from the nearest checkpoint.
public struct ReplayStepper: Sendable {
    /// States are kept after every this many events.
    public static let checkpointInterval = 128

    /// The steps, one per event, in log order.
    public let steps: [ReplayStep]
    private let schema: AnnotationSchema
    private let checkpoints: [AnnotationState]

    /// Plays `events` back from an empty state with `schema`.
    public init(events: [Event], schema: AnnotationSchema) throws(ReplayError) {
        if let problem = LogCheck.orderingProblem(in: events) { throw problem }
        self.schema = schema
        var state = AnnotationState(schema: schema)
        var checkpoints = [state]
        var steps: [ReplayStep] = []
        steps.reserveCapacity(events.count)
        var previousTime: Date?
        for (index, event) in events.enumerated() {
            let description = EventDescription.describe(event, before: state)
            do {
                try state.apply(event)
            } catch {
                throw .cannotApply(seq: event.seq, reason: error.description)
            }
            let change: Change?
            switch event.action {
            case .undo: change = state.redoStack.last
            default: change = state.undoStack.last
            }
            let entries = change?.entries ?? []
            var sentences: [SentenceKey] = []
            for entry in entries {
                for key in Self.sentences(of: entry.after ?? entry.before) where !sentences.contains(key) { sentences.append(key) }
            }
            let time = Timestamp.date(from: event.time)
            let pause = time.flatMap { now in previousTime.map { now.timeIntervalSince($0) } }
            previousTime = time ?? previousTime
            steps.append(ReplayStep(
                event: event, description: description, touched: entries.map(\.key), sentences: sentences, sincePrevious: pause))
            if (index + 1) % Self.checkpointInterval == 0 { checkpoints.append(state) }
        }
        self.steps = steps
        self.checkpoints = checkpoints
    }

    /// Plays a session file's log back.
    public init(file: SessionFile) throws(ReplayError) {
        try self.init(events: file.events, schema: file.schema)
    }

    /// The state after the first `count` events (0: empty).
    public func state(afterSteps count: Int) -> AnnotationState {
        let count = max(0, min(count, steps.count))
        let checkpoint = min(count / Self.checkpointInterval, checkpoints.count - 1)
        var state = checkpoints[checkpoint]
        for index in (checkpoint * Self.checkpointInterval)..<count {
            // Every event applied once in init, so this cannot fail.
            try? state.apply(steps[index].event)
        }
        return state
    }

    /// The index of the step with sequence number `seq`.
    public func index(ofSeq seq: Int) throws(ReplayError) -> Int {
        guard seq >= 1, seq <= steps.count else { throw .noSuchEvent(seq: seq, last: steps.count) }
        return seq - 1
    }

    /// The first step after `index` (wrapping around) for which `matches` holds.
    public func find(after index: Int, where matches: (ReplayStep) -> Bool) -> Int? {
        guard !steps.isEmpty else { return nil }
        for offset in 1...steps.count {
            let candidate = (index + offset) % steps.count
            if matches(steps[candidate]) { return candidate }
        }
        return nil
    }

    /// Sentences a record lies in (text-bound records, sentence notes, statuses).
    static func sentences(of record: Record?) -> [SentenceKey] {
        guard let record else { return [] }
        if let anchor = record.anchor { return [SentenceKey(document: anchor.document, sentence: anchor.sentence)] }
        switch record {
        case .status(let key, _): return [key]
        case .note(let note):
            if case .sentence(let key) = note.subject { return [key] }
            return []
        default: return []
        }
    }
}
