import Foundation

/// The input sessions of an adjudication as its result's origins name them: each by its file name
/// without `.json`, inputs sharing a file name (`x/anna.json`, `y/anna.json`) told apart in the
/// order they were given (`anna`, `anna-2`), as export labels are. The result records the inputs'
/// paths (`derived_from`), so `diff` and a continued `adjudicate` read the labels from there
/// rather than from the order or the folder they are given in now.
public struct AdjudicationInputs: Sendable, Hashable {
    /// The inputs' paths, in the order the adjudication was given them.
    public let paths: [String]

    /// The inputs of a result derived from `paths`.
    public init(paths: [String]) {
        self.paths = paths
    }

    /// A session's label by its path alone: its file name without `.json`.
    public static func label(of path: String) -> String {
        let name = (path as NSString).lastPathComponent
        return name.hasSuffix(".json") ? String(name.dropLast(5)) : name
    }

    /// The label of each input, in order.
    public var labels: [String] { ExportSession.uniqueLabels(paths.map(Self.label(of:))) }

    /// The label the result's origins give the session at `path`: that of the input that is the
    /// same session (the same file by another name, a link, its log); else, when exactly one input
    /// has its file name (the adjudication was run from another folder), that input's. `nil` when
    /// no input has its file name, or several do and none is the same file.
    public func label(for path: String) -> String? {
        let labels = self.labels
        if let index = paths.firstIndex(where: { LockedSessionFile.namesSameSession($0, path) }) { return labels[index] }
        let named = paths.indices.filter { Self.label(of: paths[$0]) == Self.label(of: path) }
        return named.count == 1 ? labels[named[0]] : nil
    }
}
