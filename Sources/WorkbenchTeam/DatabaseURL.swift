import Foundation

/// A PostgreSQL connection string as the user gave it (a `postgresql://` URL or `key=value` words,
/// as libpq reads them), with a form fit to print: the password removed.
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
}
