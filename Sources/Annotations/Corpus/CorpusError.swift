import Foundation

/// Why a corpus could not be loaded. Every case names the file so the user can fix it.
public enum CorpusError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible {
    /// The path does not exist.
    case missingPath(String)
    /// The file exists but could not be read.
    case unreadable(path: String, reason: String)
    /// The file is not valid UTF-8; `byteOffset` is where the first bad sequence starts.
    case invalidUTF8(path: String, byteOffset: Int)
    /// A folder held no `.txt` or `.jsonl` files.
    case noDocuments(String)
    /// A path names a file type the loader does not read.
    case unsupportedFile(String)
    /// A JSONL line is not a JSON object with a string `id` and `text`.
    case badJSONLRecord(path: String, line: Int, reason: String)
    /// Two documents share one id.
    case duplicateID(id: String, first: String, second: String)

    /// The message on one line: a line break in a file name or id shows as `␊` (see ``OneLineName``).
    public var description: String { OneLineName.shown(message) }

    private var message: String {
        switch self {
        case .missingPath(let path):
            return "\(path): no such file or folder"
        case .unreadable(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .invalidUTF8(let path, let offset):
            return "\(path): invalid UTF-8 at byte offset \(offset); save the file as UTF-8"
        case .noDocuments(let path):
            return "\(path): no .txt or .jsonl documents in this folder"
        case .unsupportedFile(let path):
            return "\(path): unsupported file type; use .txt (one document) or .jsonl (one document per line)"
        case .badJSONLRecord(let path, let line, let reason):
            return "\(path):\(line): \(reason)"
        case .duplicateID(let id, let first, let second):
            return "document id '\(id)' appears twice (\(first) and \(second)); ids must be unique"
        }
    }

    public var errorDescription: String? { description }
}
