import Foundation

/// Where a file to import stops being JSON, said as the session reader says it: the line, the
/// column and why ("ends early (truncated?)", "unexpected character '}'"), so a cut-off download or
/// a hand edit can be found and mended.
enum ImportedJSON {
    /// The problem of `data` as one JSON value, with its 1-based line (the reason names the column);
    /// nil when `data` is JSON.
    static func syntaxProblem(in data: Data) -> (line: Int, reason: String)? {
        data.withUnsafeBytes { raw -> (line: Int, reason: String)? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let failure = JSONReader.validate(bytes), failure.isSyntax else { return nil }
            let (line, column, endedEarly) = failure.place(in: bytes)
            if endedEarly { return (line, "not JSON: it ends early (truncated?) at byte \(bytes.count)") }
            return (line, "not JSON: stopped at column \(column): \(failure.message)")
        }
    }

    /// What the top level of a JSON value is, for a message ("an object", "a string", …).
    static func kind(of value: Any) -> String {
        switch value {
        case is [String: Any]: "an object"
        case is [Any]: "a list"
        case is String: "a string"
        case is NSNumber: "a number or true/false"
        default: "null"
        }
    }
}
