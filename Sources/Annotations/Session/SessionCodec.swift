import Foundation

/// Reads and writes session files, turning every decoding failure into a ``SessionError`` that
/// names the file and the JSON path or position where it went wrong.
public enum SessionCodec {
    /// Files at least this large are mapped into memory rather than copied: for a session of
    /// hundreds of megabytes that saves a copy and the zeroing of as much fresh memory. (The
    /// workbench replaces session files by renaming, never rewrites them in place, so a mapped file
    /// does not change under the reader.)
    public static let mappingSize = 16 << 20

    /// The bytes of the session file at `path` (mapped when large); errors name it `shown` (the
    /// path when nil). A folder is refused as a reader's or, `writing`, a writer's (``FolderGivenAsSession``).
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

    /// The corpus a session file records, read without decoding the rest of it (nil when the bytes
    /// are not a session file with a readable corpus): for choosing defaults before opening it.
    /// The reading stops at the first record list after the corpus (the writer puts the corpus
    /// among the header fields), so a large snapshot is not read through twice.
    public static func recordedCorpus(in data: Data) -> CorpusReference? {
        data.withUnsafeBytes { raw in
            SessionFileDecoder.head(
                [String: CorpusReference].self, keys: ["corpus"], of: raw.bindMemory(to: UInt8.self), stoppingAfter: ["corpus"])?["corpus"]
        }
    }

    /// Decodes a session file's bytes; `path` is used in error messages.
    ///
    /// Well-formed files are read by ``SessionFileDecoder`` in one pass. When that fails, the bytes
    /// are checked for JSON syntax (reporting the line and column where they stop being JSON), and
    /// otherwise the `Codable` conformances decode them again to name the exact field at fault, so
    /// errors are the same whichever decoder ran.
    ///
    /// With `anchorsForExport`, the anchors' quoted texts and sentence hashes are checked but left
    /// empty when the fast decoder reads them (see ``SessionFileDecoder/anchorsForExport``): for
    /// an export only, which reads none of them. With `checkingUTF8` false, the caller checks that
    /// the bytes are UTF-8 (on another thread, meanwhile) and decodes them again, checked, when not.
    public static func decode(
        _ data: Data, path: String, anchorsForExport: Bool = false, checkingUTF8: Bool = true
    ) throws(SessionError) -> SessionFile {
        let fast: SessionFile? = data.withUnsafeBytes { raw in
            let buffer = raw.bindMemory(to: UInt8.self)
            guard !isBlank(buffer), !checkingUTF8 || UTF8Validation.firstInvalidOffset(in: buffer) == nil else { return nil }
            return try? SessionFileDecoder.decode(buffer, anchorsForExport: anchorsForExport)
        }
        if let file = fast {
            try checkHeader(format: file.format, version: file.version, path: path)
            return file
        }
        let bytes = [UInt8](data)
        if bytes.withUnsafeBufferPointer(isBlank) { throw .empty(path) }
        if let utf16 = bytes.withUnsafeBufferPointer(utf16Detail) { throw .notJSON(path: path, detail: utf16) }
        if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
            throw .notJSON(path: path, detail: "invalid UTF-8 at byte offset \(offset)")
        }
        if let error = syntaxError(bytes, path: path) { throw error }
        return try decodeWithCodable(data, path: path)
    }

    /// Why `bytes` are UTF-16 or UTF-32 rather than the UTF-8 a session file or log is written in
    /// (a Windows editor's "Unicode"), or nil: UTF-32 as ``OtherUnicodeEncoding`` finds it, a UTF-16
    /// byte-order mark, or a NUL in the first two bytes, which no JSON text in UTF-8 begins with.
    /// Said as such rather than as "invalid UTF-8 at byte offset 0", or a log read in part by a
    /// decoder that guesses the encoding line by line.
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

    /// Where and why `bytes` stop being JSON (e.g. `stopped at line 3, column 17: unexpected
    /// character '}'`), or where the first number no reader can hold is; nil when they are one JSON value.
    private static func syntaxError(_ bytes: [UInt8], path: String) -> SessionError? {
        bytes.withUnsafeBufferPointer { bytes in JSONReader.validate(bytes).map { error($0, in: bytes, path: path) } }
    }

    /// Where the fast decoder finds valid JSON of a shape the session cannot take, for the errors
    /// `JSONDecoder` gives without a place (a fraction such as `2033.5` where a whole number is
    /// expected: "the given data was not valid JSON"); nil when it finds none.
    private static func shapeProblem(_ bytes: [UInt8], path: String) -> SessionError? {
        bytes.withUnsafeBufferPointer { bytes -> SessionError? in
            do throws(JSONReader.Failure) {
                _ = try SessionFileDecoder.decode(bytes)
                return nil
            } catch {
                // (The fast decoder reads the header fields with `Codable`: its failure there has no place.)
                guard !error.isSyntax, error.position < bytes.count, error.message != "the file does not decode" else { return nil }
                return self.error(error, in: bytes, path: path)
            }
        }
    }

    /// A reader's failure in a session file's bytes, named by its place.
    private static func error(_ failure: JSONReader.Failure, in bytes: UnsafeBufferPointer<UInt8>, path: String) -> SessionError {
        let (line, column, endedEarly) = failure.place(in: bytes)
        if endedEarly { return .notJSON(path: path, detail: "it ends early (truncated?) at byte \(bytes.count)") }
        guard failure.isSyntax else {
            return .invalid(path: path, jsonPath: "line \(line), column \(column) (byte \(failure.position))", expected: failure.message)
        }
        return .notJSON(path: path, detail: "stopped at line \(line), column \(column): \(failure.message)")
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

    /// Decodes with Foundation's `JSONDecoder` and the `Codable` conformances; the reference for
    /// what ``decode(_:path:)`` accepts and which error it reports.
    static func decodeWithCodable(_ data: Data, path: String) throws(SessionError) -> SessionFile {
        let decoder = JSONDecoder()
        /// A field of ``SessionFile`` that does not decode, named.
        func fieldError(_ error: DecodingError) -> SessionError {
            guard let (at, expected) = fieldProblem(error) else {
                return syntaxError([UInt8](data), path: path) ?? shapeProblem([UInt8](data), path: path) ?? .notJSON(path: path, detail: "\(error)")
            }
            return .invalid(path: path, jsonPath: at, expected: expected)
        }
        let head: SnapshotHead
        do {
            head = try decoder.decode(SnapshotHead.self, from: data)
        } catch let error as DecodingError {
            switch error {
            case .typeMismatch(_, let context) where context.codingPath.isEmpty:
                throw .foreign(path: path, found: "the top level is not a JSON object")
            case .valueNotFound(_, let context) where context.codingPath.isEmpty:
                throw .foreign(path: path, found: "the whole file is null, not a JSON object")
            // `id`, `log` or `next` of a file whose format and version passed (see ``SnapshotHead``):
            // said as ``SessionFile``, which decodes them in the same order, says it.
            case _ where fieldProblem(error).map({ $0.at != "$.format" && $0.at != "$.version" }) == true: throw fieldError(error)
            case .typeMismatch(_, let context):
                throw .foreign(path: path, found: "\(jsonPath(context.codingPath)) has the wrong type")
            // Valid JSON that the head cannot take: `version` is a number but not a whole one.
            default: throw syntaxError([UInt8](data), path: path) ?? .invalid(path: path, jsonPath: "$.version", expected: "expected a whole number")
            }
        } catch {
            throw .notJSON(path: path, detail: error.localizedDescription)
        }
        try checkHeader(format: head.format, version: head.version, path: path)
        do {
            return try decoder.decode(SessionFile.self, from: data)
        } catch let error as DecodingError {
            throw fieldError(error)
        } catch {
            throw .notJSON(path: path, detail: error.localizedDescription)
        }
    }

    /// Encodes a snapshot (or, for version 1, a whole format-1 file) as UTF-8 JSON ending in a
    /// newline: one top-level field per line, header fields first, one line per annotation, so
    /// files diff well. Written by ``SessionFileWriter``; tests decode it with `JSONDecoder`.
    public static func encode(_ file: SessionFile) throws(SessionError) -> Data {
        Data(try SessionFileWriter.writing("the session") { try $0.write(file) })
    }

    /// The field a decoding error is about (`$.events[3].record`) and what was expected there; nil
    /// when it is not about a field (the bytes are not JSON).
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
