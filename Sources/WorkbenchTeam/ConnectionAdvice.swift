import Foundation

/// What to do when a connection could not be made, where libpq's reason says what happened but not
/// what to do: a refused login for want of a (right) password (the advice names the password file
/// libpq read, or skipped: libpq ignores one that others may read and only says so on standard
/// error, and the line it needs), a server that is no PostgreSQL, one that did not answer, a
/// database that does not exist, a server without TLS when the URL asks for it, and one whose
/// pg_hba.conf turns the login away (for want of TLS, or at all).
struct ConnectionAdvice {
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

    /// The advice for libpq's `reason`, or `nil` when libpq's reason says enough.
    func advice(for reason: String) -> String? {
        let place = "\(host.isEmpty ? "the host" : host) port \(port.isEmpty ? "?" : port)"
        if reason.contains("invalid response to SSL negotiation") || reason.contains("expected authentication request from server")
            || reason.contains("received invalid response") {
            return "what answers at \(place) is not a PostgreSQL server (another service on that port?): check the host and port in the URL"
        }
        if reason.contains("timeout expired") {
            return "nothing answered at \(place) in time: check the host and port in the URL, that the server runs, and that no firewall drops the connection"
        }
        if reason.contains("database \""), reason.contains("does not exist") {
            return "check the database name in the URL; the project owner creates the database (createdb NAME) and sets it up with workbench team init"
        }
        if reason.contains("server does not support SSL, but SSL was required") {
            return "the server at \(place) offers no TLS, and the URL's sslmode asks for it: have the server's administrator turn TLS on "
                + "(ssl = on in postgresql.conf, with a certificate), or leave sslmode out of the URL only where the network is trusted "
                + "(the server's own host or its Unix-domain socket); nothing was sent"
        }
        if reason.contains("no pg_hba.conf entry") {
            if reason.contains("no encryption") {
                return "the server at \(place) takes role \(user) only over TLS: add sslmode=require to the URL (verify-full with the server's certificate in ~/.postgresql/root.crt checks whom you talk to)"
            }
            return "the server at \(place) does not let role \(user) connect to this database from here (its pg_hba.conf): ask its administrator to allow it"
        }
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
