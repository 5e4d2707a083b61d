import Foundation

/// Reads and writes session files; every decoding failure is a ``SessionError`` naming the file
/// and the JSON path or position where it went wrong.
public enum SessionCodec {
    /// Files at least this large are mapped rather than copied (saving a copy and as much fresh
    /// memory); session files are replaced by renaming, so a mapped one does not change under the reader.
    public static let mappingSize = 16 << 20

    /// The bytes of the session file at `path` (mapped when large); errors name it `shown`. A folder
    /// is refused (``FolderGivenAsSession``).
    public static func contents(ofFile path: String, shownAs shown: String? = nil, writing: Bool = false) throws(SessionError) -> Data {
        guard FileManager.default.fileExists(atPath: path) else { throw .notFound(shown ?? path) }
        try FolderGivenAsSession.refuse(path, shownAs: shown, writing: writing)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let data = size >= mappingSize
            ? try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
            : FileManager.default.contents(atPath: path)
        guard let data else { throw .io(path: shown ?? path, reason: FileKind(at: path).notAFile ?? "cannot read the file (permissions?)") }
        return data
    }

    /// The corpus a session file records (nil when the bytes are not a session file with a readable
    /// corpus), read from its head only: for choosing defaults before opening it.
    public static func recordedCorpus(in data: Data) -> CorpusReference? {
        let head = data.withUnsafeBytes { try? SessionFileDecoder.head(of: $0.bindMemory(to: UInt8.self), keeping: ["corpus"], stoppingAfter: ["corpus"]) }
        return head.flatMap { try? JSONDecoder().decode([String: CorpusReference].self, from: $0)["corpus"] }
    }

    /// Decodes a session file's bytes with ``SessionFileDecoder`` in one pass; a failure is named as
    /// ``refusal(_:of:path:)`` says, with `path`. `anchorsForExport`: see
    /// ``SessionFileDecoder/anchorsForExport``. With `checkingUTF8` false, the caller checks that
    /// the bytes are UTF-8 (on another thread, meanwhile) and decodes them again, checked, when not.
    public static func decode(
        _ data: Data, path: String, anchorsForExport: Bool = false, checkingUTF8: Bool = true
    ) throws(SessionError) -> SessionFile {
        let result = data.withUnsafeBytes { raw -> Result<SessionFile, SessionError> in
            let bytes = raw.bindMemory(to: UInt8.self)
            var failure: JSONReader.Failure?
            if !isBlank(bytes), !checkingUTF8 || UTF8Validation.firstInvalidOffset(in: bytes) == nil {
                do throws(JSONReader.Failure) {
                    let file = try SessionFileDecoder.decode(bytes, anchorsForExport: anchorsForExport)
                    return Result { () throws(SessionError) in
                        try checkHeader(format: file.format, version: file.version, path: path)
                        return file
                    }
                } catch {
                    failure = error
                }
            }
            return .failure(refusal(failure, of: bytes, path: path))
        }
        return try result.get()
    }

    /// Why bytes that ``SessionFileDecoder`` refused (with `failure`; nil: not read) are not a
    /// session, in the order a reader mends them: not text, not JSON, not an object, foreign or
    /// newer, a header field at fault (by `Codable`), else the decoder's failure and its place.
    private static func refusal(_ failure: JSONReader.Failure?, of bytes: UnsafeBufferPointer<UInt8>, path: String) -> SessionError {
        if isBlank(bytes) { return .empty(path) }
        if let utf16 = utf16Detail(bytes) { return .notJSON(path: path, detail: utf16) }
        if let offset = UTF8Validation.firstInvalidOffset(in: bytes) { return .notJSON(path: path, detail: "invalid UTF-8 at byte offset \(offset)") }
        if let syntax = JSONReader.validate(bytes) {
            let (line, column, endedEarly) = syntax.place(in: bytes)
            if endedEarly { return .notJSON(path: path, detail: "it ends early (truncated?) at byte \(bytes.count)") }
            guard syntax.isSyntax else {
                return .invalid(path: path, jsonPath: "line \(line), column \(column) (byte \(syntax.position))", expected: syntax.message)
            }
            return .notJSON(path: path, detail: "stopped at line \(line), column \(column): \(syntax.message)")
        }
        var reader = JSONReader(bytes)
        reader.skipWhitespace()
        guard reader.peek() == UInt8(ascii: "{") else {
            return .foreign(path: path, found: reader.peek() == UInt8(ascii: "n") ? "the whole file is null, not a JSON object" : "the top level is not a JSON object")
        }
        // The fields other than the record lists (those as `[]`), decoded as the file's head, then whole.
        let head: Data
        do throws(JSONReader.Failure) { head = try SessionFileDecoder.head(of: bytes) } catch {
            return located(error, in: bytes, path: path)
        }
        do {
            let found = try JSONDecoder().decode(SnapshotHead.self, from: head)
            do throws(SessionError) { try checkHeader(format: found.format, version: found.version, path: path) } catch { return error }
            do { _ = try JSONDecoder().decode(SessionFile.self, from: head) } catch let error as DecodingError {
                // (A number that is not whole where one is expected has no path.)
                guard let problem = fieldProblem(error) else { return .invalid(path: path, jsonPath: "$", expected: "a header field does not decode: \(error)") }
                return .invalid(path: path, jsonPath: problem.at, expected: problem.expected)
            }
        } catch let error as DecodingError {
            switch (error, fieldProblem(error)) {
            case (_, let problem?) where problem.at != "$.format" && problem.at != "$.version":
                return .invalid(path: path, jsonPath: problem.at, expected: problem.expected)
            case (.typeMismatch(_, let context), _):
                return .foreign(path: path, found: "\(jsonPath(context.codingPath)) has the wrong type")
            // `version` is a number but not a whole one.
            default: return .invalid(path: path, jsonPath: "$.version", expected: "expected a whole number")
            }
        } catch {
            return .notJSON(path: path, detail: error.localizedDescription)
        }
        return failure.map { located($0, in: bytes, path: path) } ?? .notJSON(path: path, detail: "it does not decode")
    }

    /// A decoder's failure in valid JSON, named by the value's JSON path, what is wrong and where.
    private static func located(_ failure: JSONReader.Failure, in bytes: UnsafeBufferPointer<UInt8>, path: String) -> SessionError {
        let (line, column, _) = failure.place(in: bytes)
        var reader = JSONReader(bytes, at: failure.position)
        let null = failure.message.hasPrefix("expected ") && (try? reader.consumeNull()) == true
        // A key twice is found after its colon: named as its value.
        if failure.message == "a key appears twice" { reader.skipWhitespace() }
        return .invalid(
            path: path, jsonPath: jsonPath(to: reader.position, in: bytes),
            expected: failure.message + (null ? ", found null" : "") + " (line \(line), column \(column), byte \(failure.position))")
    }

    /// The JSON path (`$.annotations[3].anchor`) of the innermost value of `bytes` (valid JSON)
    /// that holds `position` or ends just before it.
    static func jsonPath(to position: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        var reader = JSONReader(bytes)
        var path = "$"
        do throws(JSONReader.Failure) {
            descending: while true {
                reader.skipWhitespace()
                let isObject = reader.peek() == UInt8(ascii: "{")
                guard isObject || reader.peek() == UInt8(ascii: "[") else { return path }
                if isObject { try reader.beginObject() } else { try reader.beginArray() }
                var first = true, index = 0
                while true {
                    let step: String
                    if isObject {
                        guard let key = try reader.nextKey(&first) else { return path }
                        step = "." + key.string
                    } else {
                        guard try reader.nextElement(&first) else { return path }
                        (step, index) = ("[\(index)]", index + 1)
                    }
                    reader.skipWhitespace()
                    let start = reader.position
                    try reader.skipValue()
                    if (start...reader.position).contains(position) {
                        path += step
                        reader.move(to: start)
                        continue descending
                    }
                }
            }
        } catch {
            return path
        }
    }

    /// Why `bytes` are UTF-16 or UTF-32 rather than UTF-8 (a Windows editor's "Unicode"), or nil:
    /// UTF-32 as ``OtherUnicodeEncoding`` finds it, a UTF-16 byte-order mark, or a NUL in the first
    /// two bytes, which no JSON text in UTF-8 begins with.
    static func utf16Detail(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        // UTF-32, and UTF-16 with its mark, in the words of every other reader's one check.
        if let other = OtherUnicodeEncoding.of(bytes), other != .utf16(byteOrderMark: false) { return other.reason }
        if bytes.prefix(2).contains(0) { return "the file is UTF-16 (a NUL byte in its first two bytes); save it as UTF-8" }
        return nil
    }

    /// True when `bytes` hold only JSON whitespace (or nothing).
    private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    }

    /// The checks on `format` and `version` once both are known.
    private static func checkHeader(format: String?, version: Int?, path: String) throws(SessionError) {
        guard let format else { throw .foreign(path: path, found: "it has no \"format\" field") }
        guard format == SessionFile.formatName else { throw .foreign(path: path, found: "its format is \"\(format)\"") }
        guard let version else {
            throw .invalid(path: path, jsonPath: "$.version", expected: "a version number is required")
        }
        guard version <= SessionFile.currentVersion else {
            throw .newerVersion(path: path, version: version, supported: SessionFile.currentVersion)
        }
        guard version >= 1 else { throw .invalid(path: path, jsonPath: "$.version", expected: "version must be 1 or more") }
    }

    /// Encodes a snapshot (for version 1, a whole format-1 file) as ``SessionFileWriter`` lays it out.
    public static func encode(_ file: SessionFile) throws(SessionError) -> Data {
        Data(try SessionFileWriter.writing("the session") { try $0.write(file) }.bytes)
    }

    /// The field a decoding error is about (`$.events[3].record`) and what was expected; nil when none.
    static func fieldProblem(_ error: DecodingError) -> (at: String, expected: String)? {
        switch error {
        case .keyNotFound(let key, let context): return (jsonPath(context.codingPath + [key]), "required field is missing")
        case .typeMismatch(let type, let context): return (jsonPath(context.codingPath), "expected \(readable(type))")
        case .valueNotFound(let type, let context): return (jsonPath(context.codingPath), "expected \(readable(type)), found null")
        case .dataCorrupted(let context) where !context.codingPath.isEmpty: return (jsonPath(context.codingPath), context.debugDescription)
        default: return nil
        }
    }

    /// `$.events[3].record` from a coding path.
    public static func jsonPath(_ codingPath: [any CodingKey]) -> String {
        var result = "$"
        for key in codingPath {
            if let index = key.intValue { result += "[\(index)]" } else { result += "." + key.stringValue }
        }
        return result
    }

    private static func readable(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "an integer"
        case is Bool.Type: return "true or false"
        case is Double.Type: return "a number"
        default:
            let name = "\(type)"
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "a \(name) object"
        }
    }
}
