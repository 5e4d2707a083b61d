import CLibPQ
import Foundation

/// A PostgreSQL connection string (a `postgresql://` or `postgres://` URL, or `key=value` words),
/// read once by libpq's own parser (`PQconninfoParse`): what is valid, what each setting means and
/// how a URL is percent-decoded are libpq's answers, the same ones a connection gets. A string libpq
/// does not accept is refused here, with libpq's reason (``TeamError/invalidURL(url:reason:)``).
///
/// A server on the same host is best reached through its Unix-domain socket (no TCP on either
/// side, cheaper per edit): give the socket's folder as the host, in the query
/// (`postgresql://anna@/project?host=/var/run/postgresql`, `postgresql:///project?host=/srv/pg&port=5433`)
/// or percent-encoded in the authority (`postgresql://anna@%2Fvar%2Frun%2Fpostgresql/project`), as
/// psql takes it. ``isSocket`` says which kind a URL names.
public struct DatabaseURL: Sendable, Hashable, CustomStringConvertible {
    /// One setting the string gives (libpq's keyword and the decoded value).
    public struct Setting: Sendable, Hashable {
        public let keyword: String
        public let value: String
        /// A secret (libpq marks `password` and `sslpassword` so): never printed.
        public let isSecret: Bool
    }

    /// How the string was written, so that a changed copy is written the same way.
    private enum Form: Sendable, Hashable {
        /// A URL with this scheme (`postgresql://` or `postgres://`); `hostsInQuery` when the host
        /// (and port) were given as query parameters rather than in the authority.
        case url(scheme: String, hostsInQuery: Bool)
        /// `key=value` words.
        case words
    }

    /// The connection string: as the user gave it, or as a changed copy was written.
    public let text: String
    /// The settings the string gives, in libpq's order (nothing from the environment or defaults).
    public let settings: [Setting]
    private let form: Form

    /// Reads `text` with libpq's parser; throws ``TeamError/invalidURL(url:reason:)`` for a string libpq
    /// would not connect with (naming it as ``redacting(_:)`` shows it; the reason never quotes a password).
    public init(_ text: String) throws(TeamError) {
        guard !text.allSatisfy(\.isWhitespace) else { throw .invalidURL(url: "", reason: "the connection string is empty") }
        try PostgresClientLibrary.load()
        var message: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(text, &message) else {
            let reason = message.map { String(cString: $0) } ?? "out of memory"
            if let message { PQfreemem(message) }
            throw .invalidURL(url: Self.redacting(text), reason: Self.withoutValues(reason))
        }
        defer { PQconninfoFree(options) }
        var settings: [Setting] = []
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val {
                let secret = option.pointee.dispchar.map { String(cString: $0) == "*" } ?? false
                settings.append(Setting(keyword: String(cString: keyword), value: String(cString: value), isSecret: secret))
            }
            option += 1
        }
        self.text = text
        self.settings = settings
        let trimmed = text.drop { $0.isWhitespace }
        // libpq takes a URL by these two prefixes, spelled exactly so.
        if let scheme = ["postgresql://", "postgres://"].first(where: { trimmed.hasPrefix($0) }) {
            let query = trimmed.split(separator: "?", maxSplits: 1).dropFirst().first ?? ""
            form = .url(scheme: scheme, hostsInQuery: query.split(separator: "&").contains { $0.hasPrefix("host=") || $0.hasPrefix("hostaddr=") })
        } else {
            form = .words
        }
    }

    private init(settings: [Setting], form: Form) {
        self.settings = settings
        self.form = form
        text = Self.written(settings, form: form)
    }

    /// The value of one setting (`user`, `dbname`, `host`, `port`, `sslmode`, …), if the string gives it.
    public func value(_ keyword: String) -> String? { settings.first { $0.keyword == keyword }?.value }

    /// The role the string names, if any (else libpq takes `PGUSER` or the login name).
    public var user: String? { value("user") }
    /// The database the string names, if any.
    public var database: String? { value("dbname") }
    /// The host (a name, an address or a socket's folder; several separated by commas), if given.
    public var host: String? { value("host") }

    /// The connection string without any secret (password, `sslpassword`), written from libpq's
    /// reading of it: the only form ever printed.
    public var redacted: String { Self.written(settings.filter { !$0.isSecret }, form: form) }

    public var description: String { redacted }

    /// Whether the string names a Unix-domain socket (a host that is a folder, or `@` for an
    /// abstract socket) rather than a TCP host.
    public var isSocket: Bool {
        guard let host, let first = host.split(separator: ",", omittingEmptySubsequences: false).first else { return false }
        return first.hasPrefix("/") || first.hasPrefix("@")
    }

    /// The same server, credentials and settings with database `name` instead.
    public func replacingDatabase(with name: String) -> DatabaseURL {
        var changed = settings
        let database = Setting(keyword: "dbname", value: name, isSecret: false)
        if let index = changed.firstIndex(where: { $0.keyword == "dbname" }) {
            changed[index] = database
        } else {
            // libpq's order: dbname comes before the host settings.
            let index = changed.firstIndex { ["host", "hostaddr", "port"].contains($0.keyword) } ?? changed.endIndex
            changed.insert(database, at: index)
        }
        return DatabaseURL(settings: changed, form: form)
    }

    /// The same server and settings without a user name: the role then comes from elsewhere
    /// (`--annotator`, `PGUSER`).
    public var removingUser: DatabaseURL {
        DatabaseURL(settings: settings.filter { $0.keyword != "user" }, form: form)
    }

    // MARK: - Writing

    /// `settings` written as a URL of `form`'s scheme or as `key=value` words.
    private static func written(_ settings: [Setting], form: Form) -> String {
        switch form {
        case .words:
            return settings.map { $0.keyword + "=" + quotedWord($0.value) }.joined(separator: " ")
        case .url(let scheme, let hostsInQuery):
            let value = { (keyword: String) in settings.first { $0.keyword == keyword }?.value }
            var authority = ""
            if let user = value("user") {
                let password = settings.first { $0.keyword == "password" }.map { ":" + encoded($0.value, keeping: unreserved) } ?? ""
                authority += encoded(user, keeping: unreserved) + password + "@"
            }
            var inAuthority: Set<String> = ["user", "password", "dbname"]
            if let host = value("host"), !hostsInQuery {
                authority += hostList(host, ports: value("port"))
                inAuthority.formUnion(["host", "port"])
            } else if value("host") == nil, !hostsInQuery, let port = value("port") {
                authority += ":" + port
                inAuthority.insert("port")
            }
            if settings.contains(where: { $0.keyword == "password" }), value("user") == nil {
                inAuthority.remove("password")
            }
            let query = settings.filter { !inAuthority.contains($0.keyword) }
                .map { $0.keyword + "=" + encoded($0.value, keeping: queryValue) }
                .joined(separator: "&")
            let database = value("dbname").map { "/" + encoded($0, keeping: unreserved) } ?? (query.isEmpty ? "" : "/")
            return scheme + authority + database + (query.isEmpty ? "" : "?" + query)
        }
    }

    /// The hosts of a URL's authority with their ports (`h1:p1,h2:p2`); an IPv6 address in brackets,
    /// a socket's folder percent-encoded.
    private static func hostList(_ hosts: String, ports: String?) -> String {
        let hostParts = hosts.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let portParts = ports.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } ?? []
        return hostParts.enumerated().map { index, host in
            let written = host.contains(":") && !host.hasPrefix("/") ? "[" + host + "]" : encoded(host, keeping: unreserved)
            // One port for several hosts applies to each (libpq's rule).
            let port = portParts.count == 1 ? portParts[0] : (index < portParts.count ? portParts[index] : "")
            return written + (port.isEmpty ? "" : ":" + port)
        }.joined(separator: ",")
    }

    /// RFC 3986's unreserved characters: what a user name, a host or a database name keeps unencoded.
    private static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
    /// What a query value keeps unencoded (libpq splits the query at `&` and `=` and decodes `%`).
    private static let queryValue = unreserved.union(CharacterSet(charactersIn: "/:@,!$'()*;"))

    private static func encoded(_ value: String, keeping allowed: CharacterSet) -> String {
        value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }

    /// A value for the `key=value` form: as it is when libpq reads it back unchanged, else quoted.
    private static func quotedWord(_ value: String) -> String {
        let plain = !value.isEmpty && !value.contains { $0.isWhitespace || $0 == "'" || $0 == "\\" }
        return plain ? value : "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    /// libpq's reason with every quoted part that could hold a value (a password, the whole URL)
    /// replaced by "…": only keywords and single characters stay.
    private static func withoutValues(_ reason: String) -> String {
        var result = ""
        var rest = Substring(reason.trimmingCharacters(in: .whitespacesAndNewlines))
        while let open = rest.firstIndex(of: "\"") {
            result += rest[...open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "\"") else {
                rest = rest[afterOpen...]
                break
            }
            let quoted = rest[afterOpen..<close]
            let safe = quoted.count == 1 || quoted.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            result += (safe ? String(quoted) : "…") + "\""
            rest = rest[rest.index(after: close)...]
        }
        return (result + rest).replacingOccurrences(of: "\n", with: "; ")
    }

    // MARK: - A string libpq refused

    /// `text` with whatever could be a password replaced by "…", for the message about a string libpq
    /// refused (whose settings therefore cannot say which part is the password): in a URL, what follows
    /// the user name's `:` before the `@` (or a port that is not a number, when there is no `@`); in a
    /// URL's query or in `key=value` words, the value of `password` and `sslpassword`, quoted or not.
    /// Over-hiding is harmless here; showing a password is not.
    public static func redacting(_ text: String) -> String {
        var result = hidingSecretValues(text.trimmingCharacters(in: .whitespacesAndNewlines))
        guard let schemeEnd = result.range(of: "://")?.upperBound ?? result.firstIndex(of: "@").map({ _ in result.startIndex }) else { return result }
        // The URL's part before its query (a password may hold `/`, so the authority's end is not known).
        let beforeQuery = result[schemeEnd...].firstIndex(of: "?") ?? result.endIndex
        if let at = result[schemeEnd..<beforeQuery].lastIndex(of: "@") {
            if let colon = result[schemeEnd..<at].firstIndex(of: ":") {
                result.replaceSubrange(result.index(after: colon)..<at, with: "…")
            }
        } else {
            let authorityEnd = result[schemeEnd..<beforeQuery].firstIndex(of: "/") ?? beforeQuery
            let authority = result[schemeEnd..<authorityEnd]
            if !authority.contains("["), let colon = authority.lastIndex(of: ":"),
                !result[result.index(after: colon)..<authorityEnd].allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ",") })
            {
                result.replaceSubrange(result.index(after: colon)..<authorityEnd, with: "…")
            }
        }
        return result
    }

    /// `text` with the value after each `password=` (also `sslpassword=`, any case, spaces around `=`
    /// allowed) replaced by "…": a quoted value up to its closing quote, else up to a space or `&`.
    private static func hidingSecretValues(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let keyword = rest.range(of: "password", options: .caseInsensitive) {
            result += String(rest[..<keyword.upperBound])
            rest = rest[keyword.upperBound...]
            let afterSpaces = rest.drop { $0 == " " }
            guard afterSpaces.first == "=" else { continue }
            result += String(rest[..<afterSpaces.startIndex]) + "="
            let value = afterSpaces.dropFirst().drop { $0 == " " }
            result += String(afterSpaces.dropFirst()[..<value.startIndex])
            if value.first == "'" {
                var index = value.index(after: value.startIndex)
                while index < value.endIndex, value[index] != "'" {
                    if value[index] == "\\" { index = value.index(after: index) }
                    if index < value.endIndex { index = value.index(after: index) }
                }
                rest = index < value.endIndex ? value[value.index(after: index)...] : value[value.endIndex...]
                result += "'…'"
            } else {
                let end = value.firstIndex { $0.isWhitespace || $0 == "&" } ?? value.endIndex
                rest = value[end...]
                result += "…"
            }
        }
        return result + String(rest)
    }
}
