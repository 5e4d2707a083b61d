/// A heap cell holding a value type's fields, so that the value type is one reference wide: copying
/// it (into a dictionary, an undo entry, a ``Record``) is a retain instead of a copy of every field.
///
/// The owning value type keeps value semantics by replacing a shared cell with a fresh copy before
/// it writes (``CopyOnWriteBox/unique(_:)``); a cell is never written while another value refers to it,
/// which is why it can be `Sendable`.
final class CopyOnWriteBox<Value: Sendable>: @unchecked Sendable {
    /// The fields.
    var value: Value

    /// A cell holding `value`.
    init(_ value: Value) {
        self.value = value
    }

    /// Makes `box` the only reference to its cell, copying the cell if it is shared.
    @inline(__always)
    static func unique(_ box: inout CopyOnWriteBox<Value>) {
        if !isKnownUniquelyReferenced(&box) { box = CopyOnWriteBox(box.value) }
    }
}
