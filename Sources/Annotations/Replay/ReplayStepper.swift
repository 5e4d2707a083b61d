import Foundation

/// Plays an event log back from an empty state, step by step, in both directions.
///
/// Every event is applied once up front (checking the log for gaps, reordering and events that
/// cannot apply); the state after any event is then rebuilt from the nearest checkpoint.
public struct ReplayStepper: Sendable {
    /// States are kept after every this many events at least (more apart in long logs).
    public static let checkpointInterval = 128

    /// At most about this many states are kept (each holds its own tables and undo history).
    static let checkpointLimit = 16

    /// How many events apart the kept states are for a log of `count` events.
    static func checkpointInterval(forEvents count: Int) -> Int {
        max(checkpointInterval, (count + checkpointLimit - 1) / checkpointLimit)
    }

    /// The steps, one per event, in log order.
    public let steps: [ReplayStep]
    private let checkpoints: [AnnotationState]
    private let interval: Int

    /// Plays `events` back from an empty state with `schema`.
    public init(events: [Event], schema: AnnotationSchema) throws(ReplayError) {
        if let problem = ReplayError.orderingProblem(in: events) { throw problem }
        let interval = Self.checkpointInterval(forEvents: events.count)
        var checkpoints = [AnnotationState(schema: schema)]
        var steps: [ReplayStep] = []
        steps.reserveCapacity(events.count)
        try Self.forEachStep(events: events, schema: schema) { step, state in
            steps.append(step)
            if steps.count % interval == 0 { checkpoints.append(state) }
        }
        self.interval = interval
        self.steps = steps
        self.checkpoints = checkpoints
    }

    /// The state `events` give from an empty state with `schema`, or what ``init(events:schema:)``
    /// would throw for them, without keeping any step.
    @discardableResult
    public static func check(events: [Event], schema: AnnotationSchema) throws(ReplayError) -> AnnotationState {
        if let problem = ReplayError.orderingProblem(in: events) { throw problem }
        var state = AnnotationState(schema: schema)
        if let failure = state.apply(contentsOf: events) {
            throw .cannotApply(seq: events[failure.index].seq, reason: failure.error.description)
        }
        return state
    }

    /// Calls `body` with each of the first `limit` steps (all by default) and the state after it,
    /// keeping neither (a transcript of any length); throws at the first event that cannot apply.
    public static func forEachStep(
        events: [Event], schema: AnnotationSchema, limit: Int? = nil, _ body: (ReplayStep, AnnotationState) -> Void
    ) throws(ReplayError) {
        var state = AnnotationState(schema: schema)
        var previousTime: Date?
        for event in events.prefix(limit ?? events.count) {
            let step = try Self.step(for: event, state: &state, previousTime: &previousTime)
            body(step, state)
        }
    }

    /// Applies `event` to `state` and describes it (`previousTime`: the last readable event time).
    private static func step(for event: Event, state: inout AnnotationState, previousTime: inout Date?) throws(ReplayError) -> ReplayStep {
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
        return ReplayStep(event: event, description: description, touched: entries.map(\.key), sentences: sentences, sincePrevious: pause)
    }

    /// The state after the first `count` events (0: empty).
    public func state(afterSteps count: Int) -> AnnotationState {
        let count = max(0, min(count, steps.count))
        let checkpoint = min(count / interval, checkpoints.count - 1)
        var state = checkpoints[checkpoint]
        for index in (checkpoint * interval)..<count {
            // Every event applied once in init, so this cannot fail.
            try? state.apply(steps[index].event)
        }
        return state
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
