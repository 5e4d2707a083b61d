/// Writes pretty JSON (two-space indentation) straight into an ``ExportOutput``: the bytes
/// ``JSONValue/appendPretty(level:to:)`` writes for the same value, without building the value
/// first. Label Studio's `tasks.json` of a million annotations is about ten million JSON values;
/// built as a tree and then serialised they cost about half of that export's time.
///
/// Open a container with ``openObject()`` or ``openArray()``, give each member with ``key(_:)``
/// (objects) or ``item()`` (arrays) followed by its value, and close it with ``closeObject()`` or
/// ``closeArray()``. An empty container is written `{}` or `[]`, as ``JSONValue`` writes it.
/// Strings are escaped by ``JSONValue/appendEscaped(_:to:)``, the one JSON escaping rule.
struct ExportPrettyJSON {
    /// The bytes written so far.
    var out = ExportOutput()
    /// Indentation steps of the current container's members.
    private var level: Int
    /// True right after a container is opened, until its first member.
    private var empty = false

    /// A writer for a value nested `level` deep in a pretty-printed value (as
    /// ``JSONValue/appendPretty(level:to:)``'s `level`).
    init(level: Int = 0) {
        self.level = level
    }

    /// The bytes written so far.
    var bytes: [UInt8] { out.bytes }

    /// Opens an object: `{`.
    mutating func openObject() {
        out.append(byte: UInt8(ascii: "{"))
        level += 1
        empty = true
    }

    /// Opens an array: `[`.
    mutating func openArray() {
        out.append(byte: UInt8(ascii: "["))
        level += 1
        empty = true
    }

    /// Closes the current object: `}` on its own line, or right after `{` when it is empty.
    mutating func closeObject() { close(UInt8(ascii: "}")) }

    /// Closes the current array: `]` on its own line, or right after `[` when it is empty.
    mutating func closeArray() { close(UInt8(ascii: "]")) }

    private mutating func close(_ bracket: UInt8) {
        level -= 1
        if !empty { newline() }
        out.append(byte: bracket)
        empty = false
    }

    /// Starts an object member: its key (plain ASCII, nothing to escape: see ``isPlain(_:)``) and `: `.
    mutating func key(_ name: StaticString) {
        assert(Self.isPlain(name), "a JSON key copied unescaped holds a byte outside [A-Za-z0-9_-]: \(name)")
        let comma = empty ? 0 : 1, width = 2 * level, length = name.utf8CodeUnitCount
        empty = false
        // The comma, line break, indentation and `"name": ` go into the bytes in one append (a
        // key is the most frequent thing written; appended piece by piece it cost eight appends).
        appendAtOnce(comma + 1 + width + length + 4) { at in
            var at = at
            if comma == 1 { at = Self.put(0x2C, at) }
            at = Self.put(0x0A, at)
            at.initialize(repeating: 0x20, count: width)
            at = Self.put(0x22, at + width)
            name.withUTF8Buffer { if let source = $0.baseAddress { at.initialize(from: source, count: length) } }
            at = Self.put(0x22, at + length)
            at = Self.put(UInt8(ascii: ":"), at)
            _ = Self.put(0x20, at)
        }
    }

    /// Starts an array element.
    mutating func item() {
        let comma = empty ? 0 : 1
        empty = false
        newline(after: comma)
    }

    /// A line break and the current indentation, after a comma when `comma` is 1, in one append.
    private mutating func newline(after comma: Int = 0) {
        let width = 2 * level
        appendAtOnce(comma + 1 + width) { at in
            var at = at
            if comma == 1 { at = Self.put(0x2C, at) }
            at = Self.put(0x0A, at)
            at.initialize(repeating: 0x20, count: width)
        }
    }

    /// Appends `count` bytes that `write` puts at the pointer it is given, with one append: they
    /// are put together in a temporary buffer (on the stack when small) first.
    @inline(__always)
    private mutating func appendAtOnce(_ count: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer in
            guard let base = buffer.baseAddress else { return }
            write(base)
            out.bytes.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
        }
    }

    /// Puts `byte` at `at`; returns the position after it.
    @inline(__always)
    private static func put(_ byte: UInt8, _ at: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        at.initialize(to: byte)
        return at + 1
    }

    /// Writes a string value.
    mutating func string(_ value: String) { out.appendJSONString(value) }

    /// Writes a document slice as a string value (as ``string(_:)`` of ``ExportBundle/slice(_:_:_:)``).
    mutating func string(_ bundle: ExportBundle, document: Int, _ start: Int, _ end: Int) {
        out.appendJSONString(bundle, document: document, start, end)
    }

    /// Writes an integer value.
    mutating func int(_ value: Int) { out.append(value) }

    /// Writes `null`.
    mutating func null() { out.append("null") }

    /// Writes an array of strings.
    mutating func strings(_ values: [String]) {
        openArray()
        for value in values {
            item()
            string(value)
        }
        closeArray()
    }

    /// Writes a member whose value is a string.
    mutating func pair(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    /// Writes a member whose value is a fixed string that holds nothing JSON escapes (plain ASCII
    /// letters, digits, `-`, `_`): copied as it is, the bytes ``pair(_:_:)`` writes for it.
    mutating func pair(_ name: StaticString, plain value: StaticString) {
        key(name)
        plain(value)
    }

    /// Writes a fixed string value that holds nothing JSON escapes, as ``string(_:)`` writes it.
    /// It is copied unescaped: callers pass only ASCII letters, digits, `-` and `_`
    /// (``isPlain(_:)``, checked in debug builds).
    mutating func plain(_ value: StaticString) {
        assert(Self.isPlain(value), "a JSON string copied unescaped holds a byte outside [A-Za-z0-9_-]: \(value)")
        let length = value.utf8CodeUnitCount
        appendAtOnce(length + 2) { at in
            let at = Self.put(0x22, at)
            value.withUTF8Buffer { if let source = $0.baseAddress { at.initialize(from: source, count: length) } }
            _ = Self.put(0x22, at + length)
        }
    }

    /// Writes an array of one fixed string that holds nothing JSON escapes, as ``strings(_:)``
    /// writes `[value]` (no array made for it).
    mutating func strings(plain value: StaticString) {
        openArray()
        item()
        plain(value)
        closeArray()
    }

    /// Whether `value` holds only ASCII letters, digits, `-` and `_`: nothing that JSON escapes
    /// or that could end the string, so it may be copied as it is (``key(_:)``, ``plain(_:)``).
    static func isPlain(_ value: StaticString) -> Bool { value.withUTF8Buffer { isPlain(bytes: $0) } }

    /// Whether `bytes` are only ASCII letters, digits, `-` and `_` (``isPlain(_:)``).
    static func isPlain(bytes: some Sequence<UInt8>) -> Bool {
        bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"):
                true
            default: false
            }
        }
    }
}
