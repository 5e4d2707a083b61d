/// A heap cell holding a value type's fields, so that the value type is one reference wide: copying
/// it (into a dictionary, an undo entry, a ``Record``) is a retain instead of a copy of every field.
///
/// A cell is never written: a change makes a new cell (``CopyOnWriteBox/update(_:_:)``), so the
/// owning value type keeps value semantics, the cell is `Sendable` as it is, and reading its fields
/// needs neither an exclusivity check nor a copy of them (see the owners' `withFields`).
final class CopyOnWriteBox<Value: Sendable>: Sendable {
    /// The fields.
    let value: Value

    /// A cell holding `value`.
    init(_ value: Value) {
        self.value = value
    }

    /// Replaces `box` with a new cell holding its fields after `change`.
    @inline(__always)
    static func update(_ box: inout CopyOnWriteBox<Value>, _ change: (inout Value) -> Void) {
        var value = box.value
        change(&value)
        box = CopyOnWriteBox(value)
    }
}
