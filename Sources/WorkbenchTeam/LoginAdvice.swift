import Foundation

/// What to do when the server refused a login for want of a (right) password: libpq's reason says
/// what happened ("password authentication failed", "no password supplied") but not where the
/// password was looked for. The advice names the password file libpq read (or skipped: libpq
/// ignores one that others may read, and only says so on standard error) and the line it needs.
struct LoginAdvice {
    /// The password file libpq reads: the one named for the connection, else `PGPASSFILE`, else
    /// `~/.pgpass`.
    let passwordFile: String
    /// The role, host and port of the refused login, as libpq tried them.
    let user: String
    let host: String
    let port: String

    init(passwordFile: String?, user: String, host: String, port: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.passwordFile = passwordFile.flatMap { $0.isEmpty ? nil : $0 } ?? PasswordFile.standardPath(environment: environment)
        self.user = user
        self.host = host
        self.port = port
    }

    /// The advice for libpq's `reason`, or `nil` when the refusal is not about the password.
    func advice(for reason: String) -> String? {
        let line = "\(host.isEmpty ? "HOST" : host):\(port.isEmpty ? "PORT" : port):*:\(user.isEmpty ? "ROLE" : user):PASSWORD"
        if reason.contains("password authentication failed") {
            return "the password for role \(user) was wrong: check its line in \(passwordFile) (\(line)) or PGPASSWORD; "
                + "the project owner makes a new one with workbench team add-annotator \(user.isEmpty ? "NAME" : user) --pgpass FILE"
        }
        guard reason.contains("no password supplied") else { return nil }
        var status = stat()
        guard stat(passwordFile, &status) == 0 else {
            return "no password for role \(user): put the line the project owner handed you (\(line)) into \(passwordFile) with mode 0600, or name another file in PGPASSFILE"
        }
        if status.st_mode & 0o077 != 0 {
            return "the password file \(passwordFile) may be read by others (mode \(String(status.st_mode & 0o777, radix: 8))), so libpq ignores it: run chmod 600 \(passwordFile)"
        }
        return "no password for role \(user) at \(host):\(port) in \(passwordFile): add the line the project owner handed you (\(line))"
    }
}
