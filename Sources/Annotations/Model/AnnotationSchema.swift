import Foundation

/// The label sets a session uses. Defaults follow SemEval-2016 stance labels and the German
/// speech-representation forms; a schema file can replace them, and a session embeds its schema.
public struct AnnotationSchema: Sendable, Hashable, Codable {
    /// Schema name, e.g. `default`.
    public var name: String
    /// Stance labels (default: favor, against, none).
    public var stanceLabels: [String]
    /// Claim forms (default: direct, indirect, free-indirect, reported, mixed).
    public var claimForms: [String]
    /// Speaker kinds (default: person, organisation, institution, anonymous).
    public var speakerKinds: [String]

    /// Creates a schema.
    public init(name: String, stanceLabels: [String], claimForms: [String], speakerKinds: [String]) {
        self.name = name
        self.stanceLabels = stanceLabels
        self.claimForms = claimForms
        self.speakerKinds = speakerKinds
    }

    /// The default schema.
    public static let standard = AnnotationSchema(
        name: "default",
        stanceLabels: ["favor", "against", "none"],
        claimForms: ["direct", "indirect", "free-indirect", "reported", "mixed"],
        speakerKinds: ["person", "organisation", "institution", "anonymous"]
    )

    /// What `other` labels differently, or nil when both have the same stance labels, claim forms
    /// and speaker kinds (in any order; the names may differ): e.g. "claim forms quote, paraphrase
    /// against direct, indirect, …". Sessions labelled with different sets cannot be merged: a
    /// version taken from one would not be a label of the other.
    public func labelDifference(from other: AnnotationSchema) -> String? {
        let lists: [(String, [String], [String])] = [
            ("stance labels", stanceLabels, other.stanceLabels), ("claim forms", claimForms, other.claimForms),
            ("speaker kinds", speakerKinds, other.speakerKinds),
        ]
        for (what, mine, theirs) in lists where Set(mine) != Set(theirs) {
            return "\(what) \(mine.joined(separator: ", ")) against \(theirs.joined(separator: ", "))"
        }
        return nil
    }

    private enum CodingKeys: String, CodingKey {
        case name, stanceLabels = "stance_labels", claimForms = "claim_forms", speakerKinds = "speaker_kinds"
    }

    /// The keys a schema file may hold.
    static let fileKeys = ["name", "stance_labels", "claim_forms", "speaker_kinds"]

    /// Loads a schema file (JSON with `name`, `stance_labels`, `claim_forms`, `speaker_kinds`).
    /// Missing lists fall back to the defaults; empty lists and duplicate labels are refused, and so
    /// is any other key (a misspelt `stance_label`, or a file that is no schema, such as a session):
    /// its labels would otherwise be left at the defaults without a word.
    public static func load(path: String) throws(SchemaError) -> AnnotationSchema {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch { throw Self.notJSON(data, path: path) }
        guard let dictionary = object as? [String: Any] else { throw .invalid(path, "expected a JSON object at the top level") }
        if let format = dictionary["format"] as? String {
            throw .invalid(path, "it is a file of format '\(format)' (a session or an export), not a schema; a schema file holds "
                + Self.fileKeys.joined(separator: ", "))
        }
        if let unknown = dictionary.keys.filter({ !Self.fileKeys.contains($0) }).sorted().first {
            throw .invalid(path, "unknown key \"\(unknown)\"; a schema file holds " + Self.fileKeys.joined(separator: ", ")
                + " (lists left out keep the defaults)")
        }
        func labels(_ key: String, _ fallback: [String]) throws(SchemaError) -> [String] {
            guard let raw = dictionary[key] else { return fallback }
            guard let list = raw as? [String] else { throw .invalid(path, "\"\(key)\" must be a list of strings") }
            let cleaned = list.map { $0.trimmingCharacters(in: .whitespaces) }
            if cleaned.isEmpty || cleaned.contains(where: { $0.isEmpty || $0.contains(where: \.isWhitespace) }) {
                throw .invalid(path, "\"\(key)\" must hold at least one label, each a single word")
            }
            if Set(cleaned).count != cleaned.count { throw .invalid(path, "\"\(key)\" lists a label twice") }
            return cleaned
        }
        return AnnotationSchema(
            name: (dictionary["name"] as? String) ?? (path as NSString).lastPathComponent,
            stanceLabels: try labels("stance_labels", standard.stanceLabels),
            claimForms: try labels("claim_forms", standard.claimForms),
            speakerKinds: try labels("speaker_kinds", standard.speakerKinds))
    }
}

extension AnnotationSchema {
    /// Why a schema file is not JSON, with the place as an import names it: "schema.json:3: not
    /// JSON: it ends early (truncated?) at byte 37", "…: invalid UTF-8 at byte offset 11; save the
    /// file as UTF-8" (it was "not valid JSON", with no place).
    static func notJSON(_ data: Data, path: String) -> SchemaError {
        let bytes = [UInt8](data)
        if let encoding = OtherUnicodeEncoding.of(bytes) { return .invalid(path, encoding.reason) }
        if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
            return .invalid(path, "invalid UTF-8 at byte offset \(offset); save the file as UTF-8")
        }
        if let (line, reason) = ImportedJSON.syntaxProblem(in: data) {
            // (Without the hint for JSON Lines given to an import: a schema is one JSON object.)
            let cut = reason.range(of: "; the file holds one JSON value per line").map { String(reason[..<$0.lowerBound]) } ?? reason
            return .invalid("\(path):\(line)", cut)
        }
        return .invalid(path, "not valid JSON")
    }
}

/// Why a schema file could not be used.
public enum SchemaError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible {
    /// The file cannot be read.
    case unreadable(String)
    /// The file's content is wrong.
    case invalid(String, String)

    public var description: String {
        switch self {
        case .unreadable(let path): return "\(OneLineName.shown(path)): cannot read the schema file (\(Self.why(path)))"
        case .invalid(let path, let reason): return OneLineName.shown("\(path): \(reason)")
        }
    }

    /// Why `path` gave no contents: missing, a folder, or not a regular file.
    private static func why(_ path: String) -> String {
        var status = stat()
        guard stat(path, &status) == 0 else { return String(cString: strerror(errno)) }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return "it is a folder, not a file"
        case S_IFREG: return "it cannot be read"
        default: return "it is not a regular file"
        }
    }

    public var errorDescription: String? { description }
}
