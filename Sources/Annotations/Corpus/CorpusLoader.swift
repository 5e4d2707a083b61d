import Foundation

/// Loads documents from `.txt` files (one document each) and `.jsonl` files (one per line),
/// or from folders holding them, validating UTF-8 and normalising the text.
public struct CorpusLoader: Sendable {
    /// Creates a loader.
    public init() {}

    /// Loads the given files or folders, in the order given; folder contents in file-name order.
    /// `progress` is told the bytes read and normalised so far and the bytes of all files, as it goes.
    public func load(paths: [String], progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws(CorpusError) -> Corpus {
        var documents: [Document] = []
        var warnings: [String] = []
        var seen: [String: String] = [:]
        var allFiles: [String] = []
        for path in paths { allFiles += try files(at: path) }
        let total = progress == nil ? 0 : allFiles.reduce(0) { $0 + Self.size(of: $1) }
        var finished = 0
        for file in allFiles {
            let report = progress.map { report in { (done: Int) in report(finished + done, total) } }
            defer {
                finished += Self.size(of: file)
                progress?(finished, total)
            }
            do {
                for document in try loadFile(file, progress: report) {
                    if let first = seen[document.id] {
                        throw .duplicateID(id: document.id, first: first, second: file)
                    }
                    seen[document.id] = file
                    if document.text.isEmpty {
                        warnings.append("\(file): document '\(document.id)' is empty")
                    } else if document.isBlank {
                        warnings.append("\(file): document '\(document.id)' holds only whitespace")
                    }
                    documents.append(document)
                }
            }
        }
        return Corpus(documents: documents, paths: paths, warnings: warnings)
    }

    /// The `.txt`/`.jsonl` files a path stands for.
    func files(at path: String) throws(CorpusError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .missingPath(path)
        }
        if !isDirectory.boolValue {
            guard Self.isCorpusFile(path) else { throw .unsupportedFile(path) }
            return [path]
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        let base = path.hasSuffix("/") ? path : path + "/"
        let files = names.filter { !$0.hasPrefix(".") && Self.isCorpusFile($0) }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            .map { base + $0 }
        guard !files.isEmpty else { throw .noDocuments(path) }
        return files
    }

    /// How every session log begins (its header line, as ``SessionLog`` writes it).
    static let sessionLogStart = Array("{\"format\":\"\(LogHeader.formatName)\"".utf8)

    static func isCorpusFile(_ path: String) -> Bool {
        path.hasSuffix(".txt") || path.hasSuffix(".jsonl")
    }

    /// Space, tab, line feed, vertical tab, form feed, carriage return.
    static func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    /// The size of the file at `path` in bytes (0 when it cannot be read).
    static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Reads one file and returns its documents; `progress` is told the bytes of the file done so far.
    public func loadFile(_ path: String, progress: ((Int) -> Void)? = nil) throws(CorpusError) -> [Document] {
        // A named pipe among the corpus files would be waited on for ever (opening it blocks until
        // something writes to it): refused, as a device or socket is.
        if FileKind(at: path).isSpecial {
            throw .unreadable(path: path, reason: "not a regular file (a named pipe, socket or device); put the text in a file")
        }
        guard let bytes = Self.regularFileBytes(path) ?? FileManager.default.contents(atPath: path).map({ [UInt8]($0) }) else {
            throw .unreadable(path: path, reason: "permission denied or not a regular file")
        }
        // A file saved as UTF-16 or UTF-32 (Windows editors' "Unicode") said as such: "invalid UTF-8
        // at byte offset 0" left the user guessing, and such a file of plain ASCII without a
        // byte-order mark is valid UTF-8 full of NULs (it loaded so, a NUL between every two letters).
        if let encoding = OtherUnicodeEncoding.of(bytes) {
            throw .unreadable(path: path, reason: encoding.reason)
        }
        if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
            throw .invalidUTF8(path: path, byteOffset: offset)
        }
        let name = (path as NSString).lastPathComponent
        if path.hasSuffix(".jsonl") {
            // A session kept in the corpus folder: its log is a `.jsonl` too. Said as such (it was
            // "missing string field "id"" on line 1) with where to keep it.
            if bytes.starts(with: Self.sessionLogStart) {
                throw .badJSONLRecord(
                    path: path, line: 1,
                    reason: "this is a Workbench session log, not a corpus file; keep sessions outside the corpus folder (move \(name) and the .json beside it elsewhere) or give the corpus files one by one")
            }
            return try parseJSONL(bytes: bytes, path: path, progress: progress)
        }
        let raw = String(decoding: bytes, as: UTF8.self)
        let id = String(name.dropLast(".txt".count))
        return [Document(id: id, rawText: raw, source: path)]
    }

    /// The bytes of a regular file, read straight into one array (no `Data` copied into it after);
    /// nil when the file cannot be opened or is not a regular file (the caller then reads it the
    /// general way, which also names the problem).
    static func regularFileBytes(_ path: String) -> [UInt8]? {
        // O_NONBLOCK: a pipe put in the file's place after the check above is not waited on.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        // A size of 0 may be a file the kernel makes as it is read: left to the general way.
        let size = Int(info.st_size)
        guard size > 0 else { return nil }
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            guard let base = buffer.baseAddress else { return }
            while count < size {
                let read = Glibc.read(descriptor, base + count, size - count)
                if read > 0 {
                    count += read
                } else if read == 0 {
                    break
                } else if errno != EINTR {
                    complete = false
                    break
                }
            }
        }
        return complete ? bytes : nil
    }

    func parseJSONL(_ raw: String, path: String, progress: ((Int) -> Void)? = nil) throws(CorpusError) -> [Document] {
        try parseJSONL(bytes: Array(raw.utf8), path: path, progress: progress)
    }

    /// The documents of a JSONL file's bytes (valid UTF-8), one JSON object per line. Lines are cut
    /// at the byte LF (never inside a multi-byte character) and trimmed of ASCII whitespace; a line
    /// that starts or ends with other bytes is trimmed as text (Unicode whitespace too).
    ///
    /// Lines of the usual shape (see ``plainRecord(_:)``) are read, normalised and fingerprinted on
    /// every core, a batch at a time; every other line is then read on this thread in line order,
    /// so the first bad line is the one reported, as when reading line by line.
    func parseJSONL(bytes: [UInt8], path: String, progress: ((Int) -> Void)? = nil) throws(CorpusError) -> [Document] {
        let lines = Self.lines(of: bytes)
        var documents: [Document] = []
        documents.reserveCapacity(lines.count)
        let batch = 4096, chunk = 32
        var done = 0
        while done < lines.count {
            let upper = min(lines.count, done + batch)
            let first = done
            let results = ChunkResults<Document?>(count: (upper - first + chunk - 1) / chunk)
            DispatchQueue.concurrentPerform(iterations: (upper - first + chunk - 1) / chunk) { part in
                let range = (first + part * chunk)..<min(upper, first + (part + 1) * chunk)
                results.set(part, bytes.withUnsafeBufferPointer { buffer in
                    lines[range].map { line -> Document? in
                        guard buffer[line.lower] < 0x80, buffer[line.upper - 1] < 0x80,
                            let record = Self.plainRecord(UnsafeBufferPointer(rebasing: buffer[line.lower..<line.upper]))
                        else { return nil }
                        return Document(id: record.id, title: record.title, rawText: record.text, source: path, meta: record.meta)
                    }
                })
            }
            for (offset, made) in results.joined().enumerated() {
                if let made {
                    documents.append(made)
                } else if let record = try Self.generalRecord(bytes: bytes, lines[first + offset], path: path) {
                    documents.append(record.prebuilt ?? Document(id: record.id, title: record.title, rawText: record.text, source: path, meta: record.meta))
                }
            }
            done = upper
            progress?(lines[upper - 1].end + 1)
        }
        progress?(bytes.count)
        return documents
    }

    /// One non-blank line of a JSONL file: its bytes without the surrounding ASCII whitespace, its
    /// number (counting every line from 1) and the offset of its LF (or the end of the file).
    struct Line {
        var lower: Int
        var upper: Int
        var number: Int
        var end: Int
    }

    /// The non-blank lines of a JSONL file's bytes, after a byte order mark if there is one.
    static func lines(of bytes: [UInt8]) -> [Line] {
        var lines: [Line] = []
        var lineNumber = 0
        var lineStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            while lineStart <= buffer.count {
                let found = lineStart < buffer.count ? memchr(base + lineStart, 0x0A, buffer.count - lineStart) : nil
                let lineEnd = found.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? buffer.count
                defer { lineStart = lineEnd + 1 }
                lineNumber += 1
                var lower = lineStart, upper = lineEnd
                while lower < upper, isASCIISpace(buffer[lower]) { lower += 1 }
                while upper > lower, isASCIISpace(buffer[upper - 1]) { upper -= 1 }
                if lower < upper { lines.append(Line(lower: lower, upper: upper, number: lineNumber, end: lineEnd)) }
            }
        }
        return lines
    }

    /// The record of a line read with `JSONSerialization` (any shape the format allows), nil for a
    /// line that is only whitespace once trimmed as text.
    static func generalRecord(bytes: [UInt8], _ line: Line, path: String) throws(CorpusError) -> RawRecord? {
        let lower = line.lower, upper = line.upper, lineNumber = line.number
        var json = Data(bytes[lower..<upper])
        if bytes[lower] >= 0x80 || bytes[upper - 1] >= 0x80 {
            let trimmed = String(decoding: bytes[lower..<upper], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { return nil }
            json = Data(trimmed.utf8)
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: json, options: [.fragmentsAllowed])
        } catch {
            throw .badJSONLRecord(path: path, line: lineNumber, reason: "not valid JSON")
        }
        guard let record = object as? [String: Any] else {
            throw .badJSONLRecord(path: path, line: lineNumber, reason: "expected a JSON object")
        }
        guard let id = record["id"] as? String else {
            throw .badJSONLRecord(path: path, line: lineNumber, reason: "missing string field \"id\"")
        }
        // Present but empty: say so, rather than call the field missing.
        guard !id.isEmpty else {
            throw .badJSONLRecord(path: path, line: lineNumber, reason: "field \"id\" is empty; give each document a non-empty id")
        }
        var meta: [String: String] = [:]
        if let rawMeta = record["meta"] as? [String: Any] {
            for (key, value) in rawMeta { meta[key] = "\(value)" }
        }
        if let rawSentences = record["sentences"] {
            let sentences = try Self.inputSentences(rawSentences, path: path, line: lineNumber)
            var given: String?
            if let rawText = record["text"] {
                guard let text = rawText as? String else {
                    throw .badJSONLRecord(path: path, line: lineNumber, reason: "\"text\" must be a string")
                }
                given = TextNormalization.normalize(text).text
            }
            let built: PretokenizedText
            do {
                built = try PretokenizedText(sentences: sentences, text: given)
            } catch {
                throw .badJSONLRecord(path: path, line: lineNumber, reason: "document '\(id)', \(error.description)")
            }
            return RawRecord(
                id: id, title: record["title"] as? String, text: "", meta: meta,
                prebuilt: Document(id: id, title: record["title"] as? String, text: built.text, source: path, meta: meta, givenSentences: built.sentences))
        }
        guard let text = record["text"] as? String else {
            throw .badJSONLRecord(path: path, line: lineNumber, reason: "missing string field \"text\"")
        }
        return RawRecord(id: id, title: record["title"] as? String, text: text, meta: meta)
    }

    /// The record on a line that is a JSON object of only `id` (a non-empty string), `text`, and
    /// optionally `title` (strings) and `meta` (an object of strings), each once: the usual shape,
    /// read straight from the bytes. Nil for anything else (other keys or value types, `sentences`,
    /// bad JSON), which `JSONSerialization` then reads as before, with its errors.
    static func plainRecord(_ line: UnsafeBufferPointer<UInt8>) -> RawRecord? {
        var reader = JSONReader(line, at: 0)
        var id: String?, text: String?, title: String?, meta: [String: String]?
        do throws(JSONReader.Failure) {
            reader.skipWhitespace()
            try reader.beginObject()
            reader.skipWhitespace()
            var first = true
            while let key = try reader.nextKey(&first) {
                reader.skipWhitespace()
                if key.is("id"), id == nil {
                    id = try reader.readString()
                } else if key.is("text"), text == nil {
                    // Most of a corpus: decoded with runs copied whole (see JSONLStringValue).
                    guard let (value, end) = JSONLStringValue.decode(reader.bytes, at: reader.position) else { return nil }
                    text = value
                    reader.move(to: end)
                } else if key.is("title"), title == nil {
                    title = try reader.readString()
                } else if key.is("meta"), meta == nil {
                    var values: [String: String] = [:]
                    try reader.beginObject()
                    reader.skipWhitespace()
                    var firstValue = true
                    while let name = try reader.nextKey(&firstValue) {
                        reader.skipWhitespace()
                        let value = try reader.readString()
                        guard values.updateValue(value, forKey: name.string) == nil else { return nil }
                        reader.skipWhitespace()
                    }
                    meta = values
                } else {
                    return nil
                }
                reader.skipWhitespace()
            }
            try reader.expectEnd()
        } catch {
            return nil
        }
        guard let id, !id.isEmpty, let text else { return nil }
        return RawRecord(id: id, title: title, text: text, meta: meta ?? [:])
    }

    /// One JSONL record before normalisation.
    struct RawRecord {
        var id: String
        var title: String?
        var text: String
        var meta: [String: String]
        /// A pre-tokenized document, already built from its given sentences (no normalisation left to do).
        var prebuilt: Document? = nil
    }

    /// Per-chunk results written from several threads, each slot by one.
    private final class ChunkResults<Value>: @unchecked Sendable {
        private var slots: [[Value]]
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: [], count: count) }

        func set(_ index: Int, _ values: [Value]) {
            lock.lock()
            slots[index] = values
            lock.unlock()
        }

        func joined() -> [Value] { slots.flatMap { $0 } }
    }

    /// The `sentences` of a pre-tokenized JSONL document: a list of token lists, or of
    /// `{"tokens": [...], "id": ...}` objects (the id a string or a number).
    static func inputSentences(_ raw: Any, path: String, line: Int) throws(CorpusError) -> [PretokenizedText.InputSentence] {
        guard let list = raw as? [Any], !list.isEmpty else {
            throw .badJSONLRecord(path: path, line: line, reason: "\"sentences\" must be a non-empty list of token lists or {\"tokens\", \"id\"} objects")
        }
        var result: [PretokenizedText.InputSentence] = []
        for (index, item) in list.enumerated() {
            var id: String?
            let tokens: Any?
            if let object = item as? [String: Any] {
                tokens = object["tokens"]
                if let value = object["id"] {
                    if let text = value as? String {
                        id = text
                    } else if let number = value as? NSNumber, !(value is Bool) {
                        id = number.stringValue
                    } else {
                        throw .badJSONLRecord(path: path, line: line, reason: "sentences[\(index)].id must be a string or a number")
                    }
                }
            } else {
                tokens = item
            }
            guard let strings = tokens as? [String] else {
                throw .badJSONLRecord(path: path, line: line, reason: "sentences[\(index)] must be a list of token strings or an object with \"tokens\"")
            }
            result.append(PretokenizedText.InputSentence(id: id, tokens: strings))
        }
        return result
    }
}
