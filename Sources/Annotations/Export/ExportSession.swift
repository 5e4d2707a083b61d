/// One session taking part in an export: a unique label (used in file names and to tell sessions
/// apart), the session's annotator and its annotations.
public struct ExportSession: Sendable {
    /// Unique label among the exported sessions, e.g. `anna` (from the session file name).
    public var label: String
    /// The session's annotator; annotations without their own annotator carry this one.
    public var annotator: String
    /// The annotations.
    public var state: AnnotationState

    /// Creates an export session.
    public init(label: String, annotator: String, state: AnnotationState) {
        self.label = label
        self.annotator = annotator
        self.state = state
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
