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
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "permission denied or not a regular file")
        }
        let bytes = [UInt8](data)
        if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
            throw .invalidUTF8(path: path, byteOffset: offset)
        }
        let name = (path as NSString).lastPathComponent
        if path.hasSuffix(".jsonl") {
            return try parseJSONL(bytes: bytes, path: path, progress: progress)
        }
        let raw = String(decoding: bytes, as: UTF8.self)
        let id = String(name.dropLast(".txt".count))
        return [Document(id: id, rawText: raw, source: path)]
    }

    func parseJSONL(_ raw: String, path: String, progress: ((Int) -> Void)? = nil) throws(CorpusError) -> [Document] {
        try parseJSONL(bytes: Array(raw.utf8), path: path, progress: progress)
    }

    /// The documents of a JSONL file's bytes (valid UTF-8), one JSON object per line. Lines are cut
    /// at the byte LF (never inside a multi-byte character) and trimmed of ASCII whitespace; a line
    /// that starts or ends with other bytes is trimmed as text (Unicode whitespace too).
    func parseJSONL(bytes: [UInt8], path: String, progress: ((Int) -> Void)? = nil) throws(CorpusError) -> [Document] {
        var records: [RawRecord] = []
        var lineNumber = 0
        let hasMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        var lineStart = hasMark ? 3 : 0
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            progress?(lineEnd + 1)
            var lower = lineStart, upper = lineEnd
            while lower < upper, Self.isASCIISpace(bytes[lower]) { lower += 1 }
            while upper > lower, Self.isASCIISpace(bytes[upper - 1]) { upper -= 1 }
            if lower == upper { continue }
            if bytes[lower] < 0x80, bytes[upper - 1] < 0x80,
                let record = bytes.withUnsafeBufferPointer({ Self.plainRecord(UnsafeBufferPointer(rebasing: $0[lower..<upper])) })
            {
                records.append(record)
                continue
            }
            var json = Data(bytes[lower..<upper])
            if bytes[lower] >= 0x80 || bytes[upper - 1] >= 0x80 {
                let trimmed = String(decoding: bytes[lower..<upper], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                if trimmed.isEmpty { continue }
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
            guard let id = record["id"] as? String, !id.isEmpty else {
                throw .badJSONLRecord(path: path, line: lineNumber, reason: "missing string field \"id\"")
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
                records.append(RawRecord(
                    id: id, title: record["title"] as? String, text: "", meta: meta,
                    prebuilt: Document(id: id, title: record["title"] as? String, text: built.text, source: path, meta: meta, givenSentences: built.sentences)))
                continue
            }
            guard let text = record["text"] as? String else {
                throw .badJSONLRecord(path: path, line: lineNumber, reason: "missing string field \"text\"")
            }
            records.append(RawRecord(id: id, title: record["title"] as? String, text: text, meta: meta))
        }
        return Self.documents(from: records, source: path)
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
                    text = try reader.readString()
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

    /// Normalises and fingerprints `records` on every core, in order.
    static func documents(from records: [RawRecord], source: String) -> [Document] {
        let chunk = 256
        let chunks = (records.count + chunk - 1) / chunk
        let results = ChunkResults(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { index in
            let range = index * chunk..<min(records.count, (index + 1) * chunk)
            results.set(index, records[range].map { $0.prebuilt ?? Document(id: $0.id, title: $0.title, rawText: $0.text, source: source, meta: $0.meta) })
        }
        return results.joined()
    }

    /// Per-chunk results written from several threads, each slot by one.
    private final class ChunkResults: @unchecked Sendable {
        private var slots: [[Document]]
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: [], count: count) }

        func set(_ index: Int, _ documents: [Document]) {
            lock.lock()
            slots[index] = documents
            lock.unlock()
        }

        func joined() -> [Document] { slots.flatMap { $0 } }
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
