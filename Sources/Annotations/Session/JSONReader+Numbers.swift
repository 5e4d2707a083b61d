extension JSONReader {
    /// The first number in well-formed JSON `bytes` that no reader can hold — an integer beyond
    /// `Int` or a number beyond `Double` (e.g. `1e999`) — with its byte offset; nil when there is none.
    static func firstOversizedNumber(in bytes: UnsafeBufferPointer<UInt8>) -> (position: Int, text: String)? {
        var index = 0
        var inString = false
        var escaped = false
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
                index += 1
                continue
            }
            if byte == 0x22 {
                inString = true
                index += 1
                continue
            }
            guard byte == UInt8(ascii: "-") || (byte >= 0x30 && byte <= 0x39) else {
                index += 1
                continue
            }
            let start = index
            var isInteger = true
            while index < bytes.count {
                let next = bytes[index]
                if next >= 0x30 && next <= 0x39 || next == UInt8(ascii: "-") || next == UInt8(ascii: "+") {
                    index += 1
                } else if next == UInt8(ascii: ".") || next | 0x20 == UInt8(ascii: "e") {
                    isInteger = false
                    index += 1
                } else {
                    break
                }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            let fits = isInteger ? Int(text) != nil : (Double(text).map { $0.isFinite } ?? false)
            if !fits { return (start, text) }
        }
        return nil
    }
}
