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
    /// The command group of that event (the `seq` of its command's first event).
    public var group: Int
    /// The redo stack the change cleared (restored when a refused command is rolled back).
    var clearedRedo: [Change] = []

    /// The touched records, in the order they were touched.
    public var entries: [Entry] {
        get { single.map { [$0] } ?? several }
        set {
            if newValue.count == 1 {
                single = newValue[0]
                several = []
            } else {
                single = nil
                several = newValue
            }
        }
    }

    // Most changes touch one record; it is kept inline so the undo stack does not hold an array
    // per event. Exactly one of the two is in use: `single` when there is one entry, else `several`.
    private var single: Entry?
    private var several: [Entry]

    /// A change touching `entries`.
    init(seq: Int, group: Int, entries: [Entry]) {
        self.seq = seq
        self.group = group
        if entries.count == 1 {
            single = entries[0]
            several = []
        } else {
            single = nil
            several = entries
        }
    }

    /// A change touching one record.
    init(seq: Int, group: Int, entry: Entry) {
        self.seq = seq
        self.group = group
        single = entry
        several = []
    }

    /// Calls `body` with each entry in order (without building an array for a single entry).
    func forEachEntry(_ body: (Entry) -> Void) {
        if let single { body(single) } else { several.forEach(body) }
    }

    /// Calls `body` with each entry in reverse order.
    func forEachEntryReversed(_ body: (Entry) -> Void) {
        if let single { body(single) } else { several.reversed().forEach(body) }
    }
}
