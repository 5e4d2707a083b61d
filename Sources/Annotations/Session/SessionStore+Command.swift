extension SessionStore {
    /// Performs `actions` as one command, the way the REPL does a command line: the events after the
    /// first carry its `seq` as their `group`, so one `undo` takes them all back and `stats` counts
    /// one command. When one is refused, the events already made are taken back by `undo` events in
    /// the command's own group (a rollback: nothing is left to redo), and the error is thrown, so
    /// the command changes nothing.
    public func performCommand(_ actions: [EditAction], time: () -> String, annotator: String? = nil) throws(Failure) {
        var group: Int?
        var made = 0
        for action in actions {
            do {
                let event = try perform(action, time: time(), annotator: annotator, group: group)
                if group == nil { group = event.seq }
                made += 1
            } catch {
                for _ in 0..<made { _ = try? perform(.undo, time: time(), annotator: annotator, group: group) }
                throw error
            }
        }
    }
}
