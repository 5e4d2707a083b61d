/// One session taking part in an export: a unique label (used in file names and to tell sessions
/// apart), the session's annotator and its annotations.
public struct ExportSession: Sendable {
    /// Unique label among the exported sessions, e.g. `anna` (from the session file name).
    public var label: String
    /// The session's annotator; annotations without their own annotator carry this one.
    public var annotator: String
    /// The annotations (without the mentions, cues and claims when ``annotations`` holds them).
    public var state: AnnotationState
    /// The mentions, cues and claims when ``state`` does not hold them: a snapshot's records read
    /// for an export (``SessionStore/load(path:annotationsApart:warn:)``), turned into export spans once without
    /// being stored in a state first. Nil when ``state`` holds them.
    public var annotations: [Record]?

    /// Creates an export session.
    public init(label: String, annotator: String, state: AnnotationState, annotations: [Record]? = nil) {
        self.label = label
        self.annotator = annotator
        self.state = state
        self.annotations = annotations
    }

    /// Makes labels unique by appending `-2`, `-3`, … to repeats (order kept). With `ignoringCase`,
    /// labels that differ only in case are repeats too (`Anna`, `anna` → `Anna`, `anna-2`): an export
    /// names files and folders after them, and macOS and Windows keep one of two such names.
    public static func uniqueLabels(_ labels: [String], ignoringCase: Bool = false) -> [String] {
        func key(_ label: String) -> String { ignoringCase ? label.lowercased() : label }
        var seen: [String: Int] = [:]
        var result: [String] = []
        var taken = Set(labels.map(key))
        for label in labels {
            let count = (seen[key(label)] ?? 0) + 1
            seen[key(label)] = count
            guard count > 1 else { result.append(label); continue }
            var suffix = count
            while taken.contains(key("\(label)-\(suffix)")) { suffix += 1 }
            taken.insert(key("\(label)-\(suffix)"))
            result.append("\(label)-\(suffix)")
        }
        return result
    }
}
