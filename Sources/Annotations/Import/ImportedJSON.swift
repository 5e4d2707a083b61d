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
            // A second value after the first at the start of a line: JSON Lines given where one JSON value is read.
            let lines = column == 1 && failure.message.hasSuffix("after the JSON value")
                ? "; the file holds one JSON value per line (JSON Lines): is it a JSONL export? import it with: import jsonl FILE" : ""
            return (line, "not JSON: stopped at column \(column): \(failure.message)\(lines)")
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

    /// Why a line of a JSON Lines file is not JSON when the whole file is one JSON value written
    /// over several lines (a Label Studio or SpkAtt file given to `import jsonl`); nil otherwise.
    static func oneValueOverSeveralLines(_ data: Data) -> String? {
        guard syntaxProblem(in: data) == nil, let value = try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed) else {
            return nil
        }
        return "not JSON Lines: the file is one JSON value (\(kind(of: value))) over several lines, while each line of a JSONL file"
            + " is one record; a Label Studio export is imported with: import labelstudio FILE, SpkAtt with: import spkatt FILE"
    }
}
