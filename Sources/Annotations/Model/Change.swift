/// What one event did: each touched record's value before and after. Undo writes the `before`
/// values back, redo the `after` values.
public struct Change: Sendable, Hashable {
    /// One touched record.
    public struct Entry: Sendable, Hashable {
        /// Which record.
        public var key: RecordKey
        /// Its value before the change (nil: it did not exist).
        public var before: Record?
        /// Its value after the change (nil: it was removed).
        public var after: Record?
    }

    /// Sequence number of the event that made the change.
    public var seq: Int
    /// The touched records, in the order they were touched.
    public var entries: [Entry]
}
