import Annotations
import Foundation

/// A libpq password file (`~/.pgpass` format: `host:port:database:user:password`, mode 0600) that
/// `team add-annotator` writes each new password to, so it is handed over without being printed.
public struct PasswordFile: Sendable {
    /// The file's path.
    public let path: String

    public init(path: String) { self.path = path }

    /// Where libpq looks: `$PGPASSFILE`, else `~/.pgpass`.
    public static func standardPath(environment: [String: String]) -> String {
        if let file = environment["PGPASSFILE"], !file.isEmpty { return file }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".pgpass")
    }

    /// Replaces the line for (host, port, user) with one holding `password`, keeping every other line.
    /// For a Unix-domain socket (`host` is its folder) a `localhost` line is written too: libpq
    /// looks a socket connection up under its folder, but under `localhost` when the folder is its
    /// compiled-in default (e.g. `/var/run/postgresql`).
    public func store(host: String, port: String, user: String, password: String) throws(TeamError) {
        // A device or pipe named as the password file is never read (a pipe would wait) nor replaced.
        if let refusal = OutputFile.refusal(path) {
            throw .invalid("\(path): \(refusal) (the role was created; run add-annotator again with --pgpass FILE)")
        }
        let existing = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let hosts = host.hasPrefix("/") ? [host, "localhost"] : [host]
        let prefixes = hosts.map { [$0, port].map(Self.escape).joined(separator: ":") + ":*:" + Self.escape(user) + ":" }
        var lines = existing.split(separator: "\n", omittingEmptySubsequences: true).map(String.init).filter { line in
            !prefixes.contains { line.hasPrefix($0) }
        }
        lines += prefixes.map { $0 + Self.escape(password) }
        let text = lines.joined(separator: "\n") + "\n"
        let temporary = path + ".tmp\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]),
            rename(temporary, path) == 0
        else {
            unlink(temporary)
            throw .invalid("\(path): cannot write the password file (the role was created; run add-annotator again to set a new password)")
        }
    }

    private static func escape(_ field: String) -> String {
        field.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ":", with: "\\:")
    }
}
