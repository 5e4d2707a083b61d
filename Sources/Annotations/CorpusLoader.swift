import Foundation

/// Loads documents from `.txt` files (one document each) and `.jsonl` files (one per line),
/// or from folders holding them, validating UTF-8 and normalising the text.
public struct CorpusLoader: Sendable {
    /// Creates a loader.
    public init() {}

    /// Loads the given files or folders, in the order given; folder contents in file-name order.
    public func load(paths: [String]) throws(CorpusError) -> Corpus {
        var documents: [Document] = []
        var warnings: [String] = []
        var seen: [String: String] = [:]
        for path in paths {
            for file in try files(at: path) {
                for document in try loadFile(file) {
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

    /// Reads one file and returns its documents.
    public func loadFile(_ path: String) throws(CorpusError) -> [Document] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "permission denied or not a regular file")
        }
        let bytes = [UInt8](data)
        if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
            throw .invalidUTF8(path: path, byteOffset: offset)
        }
        let raw = String(decoding: bytes, as: UTF8.self)
        let name = (path as NSString).lastPathComponent
        if path.hasSuffix(".jsonl") {
            return try parseJSONL(raw, path: path)
        }
        let id = String(name.dropLast(".txt".count))
        return [Document(id: id, rawText: raw, source: path)]
    }

    func parseJSONL(_ raw: String, path: String) throws(CorpusError) -> [Document] {
        var documents: [Document] = []
        var lineNumber = 0
        let body = raw.unicodeScalars.first == "\u{FEFF}" ? String(raw.unicodeScalars.dropFirst()) : raw
        // Split on the scalar LF: as Characters, CRLF is one grapheme and would not match "\n".
        for line in body.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = String(String.UnicodeScalarView(line)).trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            let object: Any
            do {
                object = try JSONSerialization.jsonObject(with: Data(trimmed.utf8), options: [.fragmentsAllowed])
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
                documents.append(Document(
                    id: id, title: record["title"] as? String, text: built.text, source: path, meta: meta, givenSentences: built.sentences))
                continue
            }
            guard let text = record["text"] as? String else {
                throw .badJSONLRecord(path: path, line: lineNumber, reason: "missing string field \"text\"")
            }
            documents.append(Document(id: id, title: record["title"] as? String, rawText: text, source: path, meta: meta))
        }
        return documents
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
