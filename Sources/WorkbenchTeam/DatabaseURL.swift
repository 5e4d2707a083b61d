import Foundation

/// A PostgreSQL connection string as the user gave it (a `postgresql://` URL or `key=value` words,
/// as libpq reads them), with a form fit to print: the password removed.
///
/// A server on the same host is best reached through its Unix-domain socket (no TCP on either
/// side, cheaper per edit): give the socket's folder as the host, in the query
/// (`postgresql://anna@/project?host=/var/run/postgresql`, `postgresql:///project?host=/srv/pg&port=5433`)
/// or percent-encoded in the authority (`postgresql://anna@%2Fvar%2Frun%2Fpostgresql/project`), as
/// psql takes it. ``isSocket`` says which kind a URL names.
public struct DatabaseURL: Sendable, Hashable, CustomStringConvertible {
    /// What libpq is given.
    public let text: String

    public init(_ text: String) { self.text = text }

    /// The connection string without any password (URL user-info password, `password=` word or
    /// `password` query parameter): the only form ever printed.
    public var redacted: String {
        var result = text
        // postgresql://user:secret@host → postgresql://user@host
        if let scheme = result.range(of: "://") {
            let afterScheme = result[scheme.upperBound...]
            let authorityEnd = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? afterScheme.endIndex
            let authority = result[scheme.upperBound..<authorityEnd]
            if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
                result.replaceSubrange(colon..<at, with: "")
            }
        }
        // password=secret in key=value form or as a URL query parameter
        if let expression = try? NSRegularExpression(pattern: "(^|[\\s?&])password=('([^'\\\\]|\\\\.)*'|[^\\s&]*)", options: [.caseInsensitive]) {
            let range = NSRange(result.startIndex..., in: result)
            result = expression.stringByReplacingMatches(in: result, range: range, withTemplate: "$1password=***")
        }
        return result
    }

    public var description: String { redacted }

    /// Whether the connection string names a Unix-domain socket (a host that is a folder: `host=/…`
    /// in the query or as a word, or `%2F…` in the URL's authority) rather than a TCP host.
    public var isSocket: Bool {
        if let parts = URLParts(text) {
            if let host = parts.parameter("host") { return host.hasPrefix("/") || host.hasPrefix("@") }
            return parts.host.hasPrefix("%2F") || parts.host.hasPrefix("%2f") || parts.host.hasPrefix("/")
        }
        return Self.words(text).first { $0.key == "host" }.map { $0.value.hasPrefix("/") || $0.value.hasPrefix("@") } ?? false
    }

    /// The same server, credentials and settings with database `name` instead.
    public func replacingDatabase(with name: String) -> DatabaseURL {
        if var parts = URLParts(text) {
            parts.path = "/" + (name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? name)
            return DatabaseURL(parts.text)
        }
        return DatabaseURL(Self.words(text).filter { $0.key != "dbname" }.map(\.text).joined(separator: " ") + " dbname=" + Self.quoted(name))
    }

    /// The same server and settings without a user name (the URL's user, a `user` parameter or word):
    /// the role then comes from elsewhere (`--annotator`, `PGUSER`).
    public var removingUser: DatabaseURL {
        if var parts = URLParts(text) {
            if let at = parts.authority.lastIndex(of: "@") { parts.authority = String(parts.authority[parts.authority.index(after: at)...]) }
            parts.query = parts.query.map { query in query.split(separator: "&").filter { !$0.lowercased().hasPrefix("user=") }.joined(separator: "&") }
            return DatabaseURL(parts.text)
        }
        return DatabaseURL(Self.words(text).filter { $0.key != "user" }.map(\.text).joined(separator: " "))
    }

    /// A `postgresql://` or `postgres://` URL cut into its parts.
    private struct URLParts {
        var scheme: String
        var authority: String
        var path: String
        var query: String?

        init?(_ text: String) {
            guard let schemeEnd = text.range(of: "://"), ["postgresql", "postgres"].contains(text[..<schemeEnd.lowerBound].lowercased()) else { return nil }
            scheme = String(text[..<schemeEnd.upperBound])
            var rest = Substring(text[schemeEnd.upperBound...])
            if let question = rest.firstIndex(of: "?") {
                query = String(rest[rest.index(after: question)...])
                rest = rest[..<question]
            }
            let slash = rest.firstIndex(of: "/") ?? rest.endIndex
            authority = String(rest[..<slash])
            path = String(rest[slash...])
        }

        /// The host part of the authority (after any user, before any port).
        var host: String {
            let afterUser = authority.lastIndex(of: "@").map { String(authority[authority.index(after: $0)...]) } ?? authority
            return afterUser.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        }

        /// A query parameter's value, percent-decoded.
        func parameter(_ name: String) -> String? {
            guard let query else { return nil }
            for pair in query.split(separator: "&") {
                let keyValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                if keyValue.count == 2, keyValue[0].lowercased() == name { return String(keyValue[1]).removingPercentEncoding ?? String(keyValue[1]) }
            }
            return nil
        }

        var text: String { scheme + authority + path + (query.map { $0.isEmpty ? "" : "?" + $0 } ?? "") }
    }

    /// The `key=value` words of a connection string in that form (values may be single-quoted).
    private static func words(_ text: String) -> [(key: String, value: String, text: String)] {
        var result: [(key: String, value: String, text: String)] = []
        var index = text.startIndex
        while index < text.endIndex {
            while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
            guard index < text.endIndex else { break }
            let start = index
            while index < text.endIndex, text[index] != "=", !text[index].isWhitespace { index = text.index(after: index) }
            let key = String(text[start..<index])
            while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
            var value = ""
            if index < text.endIndex, text[index] == "=" {
                index = text.index(after: index)
                while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
                if index < text.endIndex, text[index] == "'" {
                    index = text.index(after: index)
                    while index < text.endIndex, text[index] != "'" {
                        if text[index] == "\\", text.index(after: index) < text.endIndex { index = text.index(after: index) }
                        value.append(text[index])
                        index = text.index(after: index)
                    }
                    if index < text.endIndex { index = text.index(after: index) }
                } else {
                    while index < text.endIndex, !text[index].isWhitespace {
                        value.append(text[index])
                        index = text.index(after: index)
                    }
                }
            }
            result.append((key, value, String(text[start..<index])))
        }
        return result
    }

    /// A value quoted for the `key=value` form.
    private static func quoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}
