import Foundation

/// The corpus a command opens when none is named: `seeds/` in the working folder. The one definition
/// for `annotate`, `segment`, `suggest` and `import`, with one refusal when it is not there.
enum DefaultCorpus {
    /// The default corpus folder, relative to the working folder.
    static let path = "seeds"

    /// `given`, or the default corpus when nothing is given. When the default is not there either,
    /// the refusal says that no corpus was named and how this command takes one (`naming`, e.g.
    /// `workbench segment CORPUS…`); it said only "seeds: no such file or folder", naming a folder the
    /// user never gave.
    static func paths(_ given: [String], naming: String) throws(CLIFailure) -> [String] {
        guard given.isEmpty else { return given }
        guard FileManager.default.fileExists(atPath: path) else {
            throw CLIFailure("no corpus was named, and the default corpus \(path)/ is not in this folder: name the corpus files or folders (\(naming))")
        }
        return [path]
    }
}
