import Annotations

/// The program's version, shown by `workbench --version` and in `workbench help`.
enum WorkbenchVersion {
    /// The release number (semantic versioning).
    static let number = "0.8.0"

    /// The line `--version` prints: the release, the session format version it writes and the
    /// segmenter version it segments with.
    static var line: String {
        "\(number) (session format \(SessionFile.formatName) \(SessionFile.currentVersion), segmenter \(SentenceSegmenter.version))"
    }
}
