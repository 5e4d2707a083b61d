/// One thing wrong in a file being imported: the file, the 1-based line (0: the file as a whole)
/// and what is wrong. An import collects every problem and, when there is any, imports nothing.
public struct ImportProblem: Sendable, Hashable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// The 1-based line, or 0 for the file as a whole.
    public var line: Int
    /// What is wrong, and what to do about it when that is not obvious.
    public var reason: String

    /// Creates a problem.
    public init(path: String, line: Int, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    /// One line: a line break in the file's name or in the reason shows as `␊` (see ``OneLineName``).
    public var description: String {
        OneLineName.shown(line > 0 ? "\(path):\(line): \(reason)" : "\(path): \(reason)")
    }
}
