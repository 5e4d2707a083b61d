import Annotations
import Foundation
import WorkbenchShell
import WorkbenchTerminal

/// A session file read for comparison (agree, diff), with the name it is reported under.
struct LoadedSession {
    /// The file path as given.
    var path: String
    /// The replayed session.
    var session: Session
    /// The annotator's name, or the file name when that is empty or taken by an earlier session.
    var name: String

    /// Loads every path; names stay unique. A file that cannot be read is a ``CLIFailure``.
    static func load(_ paths: [String], meter: ProgressMeter? = nil) throws -> [LoadedSession] {
        var result: [LoadedSession] = []
        meter?.begin("loading sessions", total: paths.count, unit: .items("sessions"))
        for path in paths {
            defer { meter?.advance() }
            let session: Session
            session = try CLIFailure.from { try SessionStore.load(path: path) { StandardError.write("warning: \($0)") } }
            var name = session.annotator.trimmingCharacters(in: .whitespaces)
            let fileName = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            if name.isEmpty || result.contains(where: { $0.name == name }) { name = fileName }
            var unique = name, counter = 2
            while result.contains(where: { $0.name == unique }) {
                unique = "\(name)-\(counter)"
                counter += 1
            }
            result.append(LoadedSession(path: path, session: session, name: unique))
        }
        return result
    }

    /// Why a list of annotators' sessions cannot be compared when it names one session twice
    /// (`anna.json` and `./anna.jsonl`, or a link to it: compared with itself it would count as
    /// perfect agreement); nil when every session is named once. A usage error of agree and adjudicate.
    /// The format-1 original `NAME.v1.json` that `annotate` keeps beside a session it migrated counts
    /// as that session too: `sessions/*.json` names both, and the annotator was counted twice.
    static func repeated(_ paths: [String]) -> String? {
        for (index, path) in paths.enumerated() {
            if let earlier = paths[..<index].first(where: { LockedSessionFile.namesSameSession($0, path) }) {
                return "\(TerminalText.sanitize(earlier)) and \(TerminalText.sanitize(path)) are the same session; give each annotator's session once"
            }
            if let kept = keptFormatOneCopy(of: path), let original = paths.first(where: { $0 != path && LockedSessionFile.namesSameSession($0, kept) }) {
                return "\(TerminalText.sanitize(original)) is the format-1 original that \(TerminalText.sanitize(path)) was migrated from "
                    + "(kept when annotate migrated it, until you delete it): they are the same annotator's session; leave the original out"
            }
        }
        return nil
    }

    /// The `NAME.v1.json` that migrating the format-2 session `session` kept, when it is there; nil
    /// otherwise. Found once per session, then compared with the other paths given.
    static func keptFormatOneCopy(of session: String) -> String? {
        let paths = SessionPaths.followingLinks(session)
        guard FileManager.default.fileExists(atPath: paths.log), FileManager.default.fileExists(atPath: paths.formatOneCopy) else { return nil }
        return paths.formatOneCopy
    }
}
