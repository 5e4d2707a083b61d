/// Lays out compact session JSON for people and diffs: each top-level field on its own line and
/// each element of a top-level list (annotation, event, …) on one line of its own. A linear pass
/// over the bytes that respects strings; the JSON value is unchanged.
enum SessionLayout {
    static func format(_ compact: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(compact.count + compact.count / 16)
        var depth = 0
        var inString = false
        var escaped = false
        // Whether each open container is an array (true) or an object (false).
        var stack: [Bool] = []
        func newline(indent: Int) {
            out.append(0x0A)
            for _ in 0..<indent { out.append(0x20); out.append(0x20) }
        }
        for byte in compact {
            if inString {
                out.append(byte)
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
                continue
            }
            switch byte {
            case 0x22:  // "
                inString = true
                out.append(byte)
            case 0x7B, 0x5B:  // { [
                let isArray = byte == 0x5B
                stack.append(isArray)
                depth += 1
                out.append(byte)
                if depth == 1 || (depth == 2 && isArray) { newline(indent: depth) }
            case 0x7D, 0x5D:  // } ]
                let isArray = stack.popLast() ?? false
                if depth == 1 || (depth == 2 && isArray) {
                    // An empty list stays on one line.
                    if out.count >= 2, out[out.count - 1] == 0x20 || out[out.count - 1] == 0x0A,
                       let last = out.lastIndex(where: { $0 != 0x20 && $0 != 0x0A }), out[last] == 0x5B || out[last] == 0x7B
                    {
                        out.removeSubrange((last + 1)...)
                    } else {
                        newline(indent: depth - 1)
                    }
                }
                depth -= 1
                out.append(byte)
            case 0x2C:  // ,
                out.append(byte)
                if depth == 1 || (depth == 2 && stack.last == true) { newline(indent: depth) }
            case 0x3A:  // :
                out.append(byte)
                if depth == 1 { out.append(0x20) }
            default:
                out.append(byte)
            }
        }
        return out
    }
}
