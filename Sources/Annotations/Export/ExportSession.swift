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
    /// for an export (``SessionStore/loadForExport(path:)``), turned into export spans once without
    /// being stored in a state first. Nil when ``state`` holds them.
    public var annotations: [Record]?

    /// Creates an export session.
    public init(label: String, annotator: String, state: AnnotationState, annotations: [Record]? = nil) {
        self.label = label
        self.annotator = annotator
        self.state = state
        self.annotations = annotations
    }

    /// Makes labels unique by appending `-2`, `-3`, … to repeats (order kept).
    public static func uniqueLabels(_ labels: [String]) -> [String] {
        var seen: [String: Int] = [:]
        var result: [String] = []
        var taken = Set(labels)
        for label in labels {
            let count = (seen[label] ?? 0) + 1
            seen[label] = count
            guard count > 1 else { result.append(label); continue }
            var suffix = count
            while taken.contains("\(label)-\(suffix)") { suffix += 1 }
            taken.insert("\(label)-\(suffix)")
            result.append("\(label)-\(suffix)")
        }
        return result
    }
}
