/// A reporting expression ("sagte", "fügte … hinzu", "warf … vor"); may be discontinuous.
///
/// The fields live in one copy-on-write cell, so a cue is one reference wide and copying it is a
/// retain; it still behaves as a value.
public struct Cue: Sendable, Hashable, Codable {
    /// The stored fields; their JSON form is the cue's.
    struct Fields: Sendable, Hashable, Codable {
        var id: String
        var anchor: TextAnchor
        var annotator: String
        var sources: [String]?
        var origin: Origin?
    }

    private var box: CopyOnWriteBox<Fields>

    /// Identifier such as `Q1`.
    public var id: String {
        _read { yield box.value.id }
        set { CopyOnWriteBox.update(&box) { $0.id = newValue } }
    }
    /// Where the cue is.
    public var anchor: TextAnchor {
        _read { yield box.value.anchor }
        set { CopyOnWriteBox.update(&box) { $0.anchor = newValue } }
    }
    /// Who made the annotation.
    public var annotator: String {
        _read { yield box.value.annotator }
        set { CopyOnWriteBox.update(&box) { $0.annotator = newValue } }
    }
    /// For adjudicated annotations: the annotators whose versions this one was taken from.
    public var sources: [String]? {
        _read { yield box.value.sources }
        set { CopyOnWriteBox.update(&box) { $0.sources = newValue } }
    }

    /// Where the annotation came from, when it was not typed (imported, suggested, adjudicated, reviewed).
    public var origin: Origin? {
        _read { yield box.value.origin }
        set { CopyOnWriteBox.update(&box) { $0.origin = newValue } }
    }

    /// Creates a cue.
    public init(id: String, anchor: TextAnchor, annotator: String = "", sources: [String]? = nil, origin: Origin? = nil) {
        box = CopyOnWriteBox(Fields(id: id, anchor: anchor, annotator: annotator, sources: sources, origin: origin))
    }

    /// Calls `body` with the stored fields, borrowed: nothing is copied (reading `anchor` copies
    /// its six references), which matters where every record is read, as in writing a snapshot.
    func withFields<T>(_ body: (borrowing Fields) throws -> T) rethrows -> T {
        try body(box.value)
    }

    public static func == (lhs: Cue, rhs: Cue) -> Bool {
        lhs.box === rhs.box || lhs.box.value == rhs.box.value
    }

    public func hash(into hasher: inout Hasher) {
        box.value.hash(into: &hasher)
    }

    public init(from decoder: any Decoder) throws {
        box = CopyOnWriteBox(try Fields(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try box.value.encode(to: encoder)
    }
}
